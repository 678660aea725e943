// The console channel in-process: lines in, the rendered replies out, on the real
// Conversation and a real test database. Buttons are lettered; when a reply shows no
// numbered options, a number (or the label) picks the n-th button as well.
import { PassThrough, Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../../helpers/tempDb.js";
import { importDirectory } from "../../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../../src/app/services.js";
import { loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/logging/logger.js";
import { runConsoleChat } from "../../../src/channels/console/chat.js";
import { translator, type Locale } from "../../../src/i18n/index.js";
import { makeProposedPlan } from "../../helpers/demoPlan.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo",
  "bjorn@firma.no,Bjørn Berg,lise@firma.no,nb,NO,Europe/Oslo",
].join("\n");

describe("console chat", () => {
  let db: TempDb;
  let services: Services;

  beforeEach(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    services = createServices({ config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => new Date("2026-11-23T09:00:00Z") });
    // Both of Lise's people are off sick (a plan is only offered for a case).
    for (const email of ["anne@firma.no", "bjorn@firma.no"]) {
      const person = await db.db.person.findUniqueOrThrow({ where: { email } });
      await services.conversation.handle(person, { type: "report.submit", start: "2026-11-23", end: null, grade: 100, document: "sykmelding" }, "console");
    }
  });
  afterEach(async () => db.dispose());

  async function chat(email: string, lines: string[], locale: Locale = "nb"): Promise<string> {
    const person = await db.db.person.findUniqueOrThrow({ where: { email } });
    const output = new PassThrough();
    let out = "";
    output.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    await runConsoleChat({ facade: services.facade, person, locale, input: Readable.from([lines.join("\n") + "\n"]), output });
    return out;
  }

  const nb = translator("nb");
  const leaderDialogueTitle = nb("dialogue:leader_followup.title");

  it("a number picks the n-th button of the leader's employee chooser", async () => {
    const out = await chat("lise@firma.no", ["plan", "2"]);
    expect(out).toContain(nb("bot:plan.chooseEmployee"));
    expect(out).toMatch(/\[a\] Anne Ansatt {3}\[b\] Bjørn Berg/);
    expect(out).not.toContain(nb("bot:help.unknown", { text: "2" }));
    // "2" is Bjørn (the list is by name): the leader's dialogue about him starts.
    expect(out).toContain(leaderDialogueTitle);
    const session = await db.db.dialogueSession.findFirstOrThrow({ where: { status: "active" } });
    expect(session.subjectId).toBe((await db.db.person.findUniqueOrThrow({ where: { email: "bjorn@firma.no" } })).id);
  });

  it("so does the button's label, in any case, and «1.»", async () => {
    const byLabel = await chat("lise@firma.no", ["plan", "anne ansatt"]);
    expect(byLabel).toContain(leaderDialogueTitle);
    expect(byLabel).not.toContain(nb("bot:help.unknown", { text: "anne ansatt" }));
    await db.db.dialogueSession.deleteMany({});
    const byNumber = await chat("lise@firma.no", ["plan", "1."]);
    expect(byNumber).toContain(leaderDialogueTitle);
  });

  it("where a question shows numbered options, a number answers the question, not a button", async () => {
    // The report: intro (continue), start date, end date, then the grade with options 1) full 2) graded.
    const out = await chat("anne@firma.no", ["syk", "a", "i dag", "vet ikke", "2"]);
    expect(out).toContain(nb("dialogue:report_sickness.gradePercent.text"));
  });

  it("where a question asks for text, a typed number is the answer too: it never presses «Tilbake» or «Avbryt»", async () => {
    // The employee's dialogue: intro, the contact agreement (3: none yet), how to contact (1), then when: free text.
    const out = await chat("anne@firma.no", ["syk", "a", "i dag", "vet ikke", "1", "1", "bekreft", "plan", "a", "3", "1", "2"]);
    const when = nb("dialogue:employee_followup.contactTimes.text");
    expect(out).toContain(when);
    // "2" was taken as the answer: the dialogue moved on to the next question, and was not cancelled.
    const afterAnswer = out.slice(out.lastIndexOf(when));
    expect(afterAnswer).not.toContain(nb("dialogue:status.cancelled"));
    const session = await db.db.dialogueSession.findFirstOrThrow({ where: { dialogueId: "employee_followup", status: "active" } });
    expect((JSON.parse(session.state) as { answers: Record<string, unknown> }).answers.contactTimes).toBe("2");
  });

  it("a dialogue's «Avbryt» picked by its letter asks for the same letter again; anything else goes on", async () => {
    // Step 2 of the report: [a] Tilbake [b] Avbryt. «b» once: only the check; then a date answers the question.
    const out = await chat("anne@firma.no", ["syk", "a", "b", "i dag"]);
    expect(out).toContain(nb("console:cancelCheck", { key: "b" }));
    expect(out).not.toContain(nb("dialogue:status.cancelled"));
    expect(out).toContain(nb("dialogue:report_sickness.endDate.text"));
    // «b» twice cancels; the label itself («avbryt») cancels at once.
    await db.db.dialogueSession.deleteMany({});
    expect(await chat("anne@firma.no", ["syk", "a", "b", "b"])).toContain(nb("dialogue:status.cancelled"));
    await db.db.dialogueSession.deleteMany({});
    const byLabel = await chat("anne@firma.no", ["syk", "a", "Avbryt"]);
    expect(byLabel).toContain(nb("dialogue:status.cancelled"));
    expect(byLabel).not.toContain(nb("console:cancelCheck", { key: "Avbryt" }));
  });

  it("«bekreft» typed under a plan waiting for the employee's confirmation presses «Bekreft planen»", async () => {
    const [anne, lise] = await Promise.all(["anne@firma.no", "lise@firma.no"].map((email) => db.db.person.findUniqueOrThrow({ where: { email } })));
    const { planId, version } = await makeProposedPlan(services.conversation, db.db, anne!, lise!, { start: null });
    const out = await chat("anne@firma.no", ["status", "plan", "bekreft"]);
    expect(out).not.toContain(nb("bot:session.nothingOpen"));
    expect(await db.db.planVersion.findFirstOrThrow({ where: { planId, version } })).toMatchObject({ reviewStatus: "confirmed" });
  });

  it("«bekreft» with a plan waiting for the employee, but not on the screen, shows the plan to read and confirm", async () => {
    const [anne, lise] = await Promise.all(["anne@firma.no", "lise@firma.no"].map((email) => db.db.person.findUniqueOrThrow({ where: { email } })));
    const { planId, version } = await makeProposedPlan(services.conversation, db.db, anne!, lise!, { start: null });
    await services.facade.takeConsoleInbox(anne!);
    const out = await chat("anne@firma.no", ["bekreft"]);
    expect(out).not.toContain(nb("bot:session.nothingOpen"));
    expect(out).toContain(nb("plan:summary.reviewHint"));
    // Shown, not confirmed unread; «bekreft» again (now under «Bekreft planen») confirms.
    expect(await db.db.planVersion.findFirstOrThrow({ where: { planId, version } })).toMatchObject({ reviewStatus: "pending" });
    await chat("anne@firma.no", ["bekreft", "bekreft"]);
    expect(await db.db.planVersion.findFirstOrThrow({ where: { planId, version } })).toMatchObject({ reviewStatus: "confirmed" });
    // Someone with no plan waiting still hears there is nothing to confirm.
    expect(await chat("bjorn@firma.no", ["bekreft"])).toContain(nb("bot:session.nothingOpen"));
  });

  it("the report's step counter keeps one total, also when full sick leave skips the percentage", async () => {
    const out = await chat("anne@firma.no", ["syk", "a", "i dag", "vet ikke", "1", "1", "bekreft"]);
    const headings = [...out.matchAll(/== Melde fravær – steg (\d+) av (\d+) ==/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(headings.length).toBeGreaterThanOrEqual(6);
    expect(new Set(headings.map(([, total]) => total))).toEqual(new Set([7]));
    const steps = headings.map(([step]) => step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps).toContain(6);
    expect(steps).not.toContain(5);
  });

  it("«50 prosent» where full or graded is asked is graded at 50 %: the percentage is not asked again", async () => {
    const out = await chat("anne@firma.no", ["syk", "a", "i dag", "vet ikke", "50 prosent"]);
    const steps = [...out.matchAll(/== Melde fravær – steg (\d+) av 7 ==/g)].map((m) => Number(m[1]));
    expect(steps.at(-1)).toBe(6);
    expect(steps).not.toContain(5);
    expect(out).not.toContain(nb("dialogue:errors.notAnOption"));
    const anne = await db.db.person.findUniqueOrThrow({ where: { email: "anne@firma.no" } });
    const session = await db.db.dialogueSession.findFirstOrThrow({ where: { personId: anne.id, dialogueId: "report_sickness", status: "active" } });
    expect(JSON.parse(session.state).answers).toMatchObject({ grade: "graded", gradePercent: 50 });
    // «Tilbake» from there goes to the percentage, with the 50 given.
    const back = await chat("anne@firma.no", ["tilbake"]);
    expect(back).toContain(nb("dialogue:report_sickness.gradePercent.text"));
  });

  it("a percentage out of range typed where full or graded is asked stops at the percentage, with the reason", async () => {
    const out = await chat("anne@firma.no", ["syk", "a", "i dag", "vet ikke", "0 %"]);
    expect(out).toContain(nb("dialogue:report_sickness.gradePercent.text"));
    expect(out).toContain(nb("dialogue:errors.outOfRange", { min: 1, max: 100 }));
  });

  it("a new chat session shows the open dialogue where it was left, so a letter presses that question's button", async () => {
    await chat("bjorn@firma.no", ["syk", "a"]);
    const again = await chat("bjorn@firma.no", ["a"]);
    const title = nb("dialogue:report_sickness.title");
    expect(again).toContain(nb("bot:session.resumed", { title }));
    // «a» is «Tilbake» under the date question: back at step 1, not the date «a».
    expect(again).toContain(`== ${title} – steg 1 av 7 ==`);
    expect(again).not.toContain(nb("dialogue:errors.badDate", { example: "23.11.2026" }));
    // Nothing open: nothing shown before the first line.
    const quiet = await chat("lise@firma.no", []);
    expect(quiet).not.toContain(nb("bot:session.resumed", { title }));
  });
});
