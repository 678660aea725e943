// The whole product through the channel-neutral core, with a real database:
// report → leader told → employee's dialogue → leader's dialogue → merged plan →
// the employee confirms → the ARR team's summary → a new version after a change.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { runDialogue, textOf, buttons, promptOf, type Answers, moreThenStop } from "../helpers/conversationDriver.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import type { AppContext } from "../../src/app/context.js";
import type { Person } from "../../src/generated/prisma/client.js";
import type { Message } from "../../src/domain/messages/model.js";
import { takeInbox, arrInboxOf } from "../../src/channels/console/delivery.js";
import { ensureWorkspace } from "../../src/app/workspaces.js";
import { parsePlanContent } from "../../src/domain/plan/model.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,,",
  "hanne@firma.no,Hanne HR,,en,NO,Europe/Oslo,,,hr;arr",
  "stian@firma.no,Stian Fremmed,,nb,NO,Europe/Oslo,,,",
].join("\n");

const EMPLOYEE_ANSWERS: Answers = {
  contactAsAgreed: "as_agreed",
  role: "Rådgiver i kundeservice",
  positionPercent: 100,
  mainTasks: ["Kundemøter", "Telefonvakt", "Tunge løft på lageret"],
  "ability": (input) => (input.input.type === "choice" ? input.input.options[1]!.value : "normal"),
  triedBefore: "yes",
  previousFacilitation: "Hjemmekontor to dager i uka fungerte bra.",
  returnPace: "graded",
  arrConsent: "yes",
};

const LEADER_ANSWERS: Answers = {
  triedBefore: "yes",
  "measures._more": moreThenStop(1),
  measureTitle: "Hjemmekontor tirsdag og torsdag",
  measureOwner: "leader",
  needsHelpFromNav: "no",
  employeeContributed: "yes",
  sendToNav: "no",
  sendToGp: "no",
};

describe("conversation core (console channel, real database)", () => {
  let db: TempDb;
  let services: Services;
  let ctx: AppContext;
  let now = new Date("2026-11-23T09:00:00Z");
  const person = (email: string) => db.db.person.findUniqueOrThrow({ where: { email } });
  const say = async (who: Person, command: Parameters<Services["conversation"]["handle"]>[1]) => services.conversation.handle(who, command, "console");

  beforeEach(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    now = new Date("2026-11-23T09:00:00Z");
    ctx = { config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => now };
    services = createServices(ctx);
  });
  afterEach(async () => db.dispose());

  async function report(anne: Person) {
    const start = await say(anne, { type: "text", text: "syk" });
    return runDialogue(services.conversation, anne, start, { startDate: "2026-11-23", endDate: "2026-12-20", grade: "full", leaveType: "sykmelding" });
  }

  it("runs the whole path from report to a confirmed plan, the ARR summary and a new version", async () => {
    const anne = await person("anne@firma.no");
    const lise = await person("lise@firma.no");

    const reported = await report(anne);
    expect(textOf(reported)).toMatch(/registrert fra/);
    expect(textOf(reported)).toMatch(/Lise Leder/);
    const leaderInbox = await takeInbox(db.db, [lise.id]);
    expect(leaderInbox).toHaveLength(1);
    expect(textOf(leaderInbox)).toMatch(/Anne Ansatt har meldt seg syk fra mandag 23\. november 2026 \(100 %\)/);
    expect(textOf(leaderInbox)).toMatch(/oppfølgingsplan/i);
    // The case has a known end in the future: it is still going on, so it is on the leader's list.
    const team = textOf(await say(lise, { type: "status" }));
    expect(team).toMatch(/Åpne saker i teamet ditt/);
    expect(team).toMatch(/Anne Ansatt: siden mandag 23\. november 2026/);

    // The employee's side.
    const employeeDone = await runDialogue(services.conversation, anne, await say(anne, { type: "plan" }), EMPLOYEE_ANSWERS);
    expect(textOf(employeeDone)).toMatch(/Jeg har bedt Lise Leder/);
    expect(textOf(await takeInbox(db.db, [lise.id]))).toMatch(/Anne Ansatt har gjort sin del/);

    // The leader chooses Anne and does the leader's side.
    const chooser = await say(lise, { type: "plan" });
    const forAnne = buttons(chooser).find((b) => b.command.type === "plan" && b.command.employeeId === anne.id);
    expect(forAnne).toBeDefined();
    const leaderDone = await runDialogue(services.conversation, lise, await say(lise, forAnne!.command), LEADER_ANSWERS);
    expect(textOf(leaderDone)).toMatch(/Versjon 1 av planen er sendt til Anne Ansatt/);

    // The employee gets version 1 to review, with both voices merged.
    const review = await takeInbox(db.db, [anne.id]);
    const confirm = buttons(review).find((b) => b.command.type === "plan.review" && b.command.action === "confirm");
    expect(confirm, textOf(review)).toBeDefined();
    expect(textOf(review)).toMatch(/Hjemmekontor tirsdag og torsdag/);
    expect(textOf(review)).toMatch(/Hjemmekontor to dager i uka fungerte bra/);
    const confirmed = await say(anne, confirm!.command);
    expect(textOf(confirmed)).toMatch(/bekreftet versjon 1/);

    const plan = await db.db.plan.findFirstOrThrow({ where: { employeeId: anne.id }, include: { versions: true, measures: true } });
    expect(plan.versions).toHaveLength(1);
    expect(plan.versions[0]!.reviewStatus).toBe("confirmed");
    expect(plan.measures.map((m) => [m.title, m.status])).toEqual([["Hjemmekontor tirsdag og torsdag", "agreed"]]);
    expect(textOf(await takeInbox(db.db, [lise.id]))).toMatch(/Anne Ansatt har bekreftet versjon 1/);

    // The ARR team's summary: only what they need.
    const arr = await takeInbox(db.db, [arrInboxOf(await ensureWorkspace(db.db, "local", "local"))]);
    expect(arr).toHaveLength(1);
    expect(arr[0]!.replaceKey).toBe(`arr:${plan.caseId}`);
    const arrText = textOf(arr);
    expect(arrText).toMatch(/Anne Ansatt/);
    expect(arrText).toMatch(/Hjemmekontor tirsdag og torsdag/);
    expect(arrText).not.toMatch(/Tunge løft på lageret/); // tasks are not the ARR team's business

    // A change: the leader adds a measure → version 2, which the employee confirms; version 1 is untouched.
    const v1Content = plan.versions[0]!.content;
    await runDialogue(services.conversation, lise, await say(lise, { type: "dialogue.start", dialogueId: "measures", employeeId: anne.id }), {
      "measures._more": moreThenStop(1),
      measureTitle: "Ergonomisk stol",
      measureOwner: "hr",
    });
    const review2 = await takeInbox(db.db, [anne.id]);
    const confirm2 = buttons(review2).find((b) => b.command.type === "plan.review" && b.command.action === "confirm" && b.command.version === 2);
    expect(confirm2, textOf(review2)).toBeDefined();
    await say(anne, confirm2!.command);
    const versions = await db.db.planVersion.findMany({ where: { planId: plan.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, v.reviewStatus])).toEqual([
      [1, "confirmed"],
      [2, "confirmed"],
    ]);
    expect(versions[0]!.content).toBe(v1Content);
    const v2 = parsePlanContent(JSON.parse(versions[1]!.content));
    expect(v2.measures.map((m) => m.title)).toEqual(["Hjemmekontor tirsdag og torsdag", "Ergonomisk stol"]);
    // A confirmed version cannot be confirmed again.
    expect(textOf(await say(anne, confirm2!.command))).toMatch(/allerede/i);
  });

  it("refuses a stranger everything about someone else's case, and leaks nothing", async () => {
    const anne = await person("anne@firma.no");
    const stian = await person("stian@firma.no");
    await report(anne);
    const session = await say(anne, { type: "plan" });
    const sessionId = promptOf(session)!.replaceKey!.slice("dialogue:".length);

    const real = textOf(await say(stian, { type: "plan", employeeId: anne.id }));
    const fake = textOf(await say(stian, { type: "plan", employeeId: "does-not-exist" }));
    expect(real).toBe(fake);
    expect(real).toMatch(/ikke tilgang/);
    expect(real).not.toMatch(/Anne/);
    const hijack = textOf(await say(stian, { type: "dialogue", sessionId, action: "cancel" }));
    expect(hijack).toMatch(/finner ikke/);
    expect((await db.db.dialogueSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("active");
    const caseRow = await db.db.sickCase.findFirstOrThrow({ where: { personId: anne.id } });
    expect(textOf(await say(stian, { type: "milestone", caseId: caseRow.id, milestoneId: "no.followup_plan", action: "done" }))).toMatch(/^Du har ikke tilgang til dette\.\n• Frister i saken kan bare lederen/);
    expect(await db.db.milestoneState.count()).toBe(0);
    // Nobody read Anne's case on Stian's behalf.
    expect(await db.db.auditLog.count({ where: { actorId: stian.id } })).toBe(0);
  });

  it("keeps earlier answers when an answer is invalid, and says why in the person's language", async () => {
    const anne = await person("anne@firma.no");
    let reply = await say(anne, { type: "text", text: "syk" });
    reply = await say(anne, { type: "text", text: "ok" }); // the intro
    reply = await say(anne, { type: "text", text: "23.11.2026" });
    reply = await say(anne, { type: "text", text: "2026-11-01" }); // end before start
    expect(textOf(reply)).toMatch(/før/);
    reply = await say(anne, { type: "text", text: "30. februar" });
    expect(textOf(reply)).toMatch(/dato/);
    reply = await say(anne, { type: "text", text: "20.12.2026" });
    reply = await say(anne, { type: "text", text: "2" }); // graded
    reply = await say(anne, { type: "text", text: "150" });
    expect(textOf(reply)).toMatch(/100/);
    reply = await say(anne, { type: "text", text: "50 %" });
    reply = await say(anne, { type: "text", text: "egenmelding" });
    const summary = textOf(reply);
    expect(summary).toMatch(/23\. november 2026/);
    expect(summary).toMatch(/20\. desember 2026/);
    expect(summary).toMatch(/50 %/);
    const confirm = buttons(reply).find((b) => b.command.type === "dialogue" && b.command.action === "confirm")!;
    await say(anne, confirm.command);
    const period = await db.db.absencePeriod.findFirstOrThrow({ where: { personId: anne.id } });
    expect([period.startDate, period.endDate, period.grade, period.document]).toEqual(["2026-11-23", "2026-12-20", 50, "egenmelding"]);
  });

  it("stops health details before they are stored, shows what triggered it, and keeps them private when asked", async () => {
    const anne = await person("anne@firma.no");
    await report(anne);
    const all = await runDialogue(services.conversation, anne, await say(anne, { type: "plan" }), {
      ...EMPLOYEE_ANSWERS,
      role: "Rådgiver, sykmeldt for depresjon, bruker Cipralex",
    });
    // The warning explains and shows the words that triggered it; the driver then picks "keep private".
    const warning = all.find((m) => m.blocks.some((b) => b.kind === "text" && b.style === "warning") && /depresjon/.test(textOf([m])));
    expect(warning, textOf(all)).toBeDefined();
    expect(textOf([warning!])).toMatch(/Cipralex/);
    const plan = await db.db.plan.findFirstOrThrow({ where: { employeeId: anne.id } });
    const content = parsePlanContent(JSON.parse(plan.draft!));
    const { snapshots, ...shared } = content;
    expect(JSON.stringify(shared)).not.toMatch(/Cipralex|depresjon/);
    expect(snapshots.employee.find((s) => s.questionId === "role")).toMatchObject({ private: true });
    // Nothing flagged reaches the leader.
    const lise = await person("lise@firma.no");
    expect(textOf(await takeInbox(db.db, [lise.id]))).not.toMatch(/Cipralex|depresjon/);
  });

  it("lets a person leave and come back after a restart, and expires what is left too long", async () => {
    const anne = await person("anne@firma.no");
    await say(anne, { type: "text", text: "syk" });
    await say(anne, { type: "text", text: "ok" });
    await say(anne, { type: "text", text: "23.11.2026" });

    // A new process: new services on the same database.
    const restarted = createServices(ctx);
    const resumed = await restarted.conversation.handle(anne, { type: "text", text: "syk" }, "console");
    expect(textOf(resumed)).toMatch(/Velkommen tilbake/);
    expect(textOf(resumed)).toMatch(/siste dag du er borte\?/); // the end-date question, not the start

    now = new Date("2026-12-09T09:00:00Z"); // 16 days later
    const later = await restarted.conversation.handle(anne, { type: "status" }, "console");
    expect(textOf(later)).toMatch(/ble lukket etter 14 dager/);
    expect(await db.db.dialogueSession.count({ where: { status: "expired" } })).toBe(1);
  });

  it("handles two messages that arrive at once one after the other, and a double click once", async () => {
    const anne = await person("anne@firma.no");
    const first = await say(anne, { type: "text", text: "syk" });
    const cont = buttons(first).find((b) => b.command.type === "dialogue" && b.command.action === "answer")!;
    // The same click delivered twice at the same time.
    const [a, b] = await Promise.all([say(anne, cont.command), say(anne, cont.command)]);
    const session = await db.db.dialogueSession.findFirstOrThrow({ where: { personId: anne.id } });
    const state = JSON.parse(session.state) as { stepId: string; history: unknown[] };
    expect(state.stepId).toBe("startDate");
    expect(state.history).toHaveLength(1);
    expect(textOf(a)).toMatch(/Fra hvilken dag/);
    expect(textOf(b)).toMatch(/Fra hvilken dag/);
  });

  it("answers unknown text with help, and refuses over-long text", async () => {
    const anne = await person("anne@firma.no");
    expect(textOf(await say(anne, { type: "text", text: "blablabla" }))).toMatch(/forsto ikke «blablabla»/);
    expect(textOf(await say(anne, { type: "text", text: "x".repeat(5000) }))).toMatch(/for langt/);
    const hanne = await person("hanne@firma.no");
    expect(textOf(await say(hanne, { type: "text", text: "help" }))).toMatch(/how I can help/);
  });
});

/** A migrated database with the directory, and the services of one process on a fixed clock. */
async function freshServices(): Promise<{ db: TempDb; services: Services }> {
  const db = await createTempDb();
  await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
  const ctx: AppContext = { config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => new Date("2026-11-23T09:00:00Z") };
  return { db, services: createServices(ctx) };
}

describe("ARR consent", () => {
  it("can be given and withdrawn by the employee, and a withdrawal stops the ARR summary", async () => {
    const { db, services } = await freshServices();
    try {
      const anne = await db.db.person.findUniqueOrThrow({ where: { email: "anne@firma.no" } });
      const shown = await services.conversation.handle(anne, { type: "text", text: "samtykke" }, "console");
      expect(textOf(shown)).toMatch(/ARR-teamet ser ikke planen din/);
      const give = buttons(shown).find((b) => b.command.type === "consent")!;
      expect(textOf(await services.conversation.handle(anne, give.command, "console"))).toMatch(/Du har samtykket/);
      const withdrawn = await services.conversation.handle(anne, { type: "consent", granted: false }, "console");
      expect(textOf(withdrawn)).toMatch(/ARR-teamet ser ikke/);
      const history = await db.db.consent.findMany({ where: { personId: anne.id }, orderBy: { createdAt: "asc" } });
      expect(history.map((c) => c.granted)).toEqual([true, false]);
    } finally {
      await db.dispose();
    }
  });
});

describe("retention", () => {
  it("does not show a plan the retention job hid from the leader, but HR still gets it", async () => {
    const { db, services } = await freshServices();
    try {
      const anne = await db.db.person.findUniqueOrThrow({ where: { email: "anne@firma.no" } });
      const lise = await db.db.person.findUniqueOrThrow({ where: { email: "lise@firma.no" } });
      const hanne = await db.db.person.findUniqueOrThrow({ where: { email: "hanne@firma.no" } });
      await db.db.absencePeriod.create({ data: { personId: anne.id, startDate: "2026-01-05", endDate: "2026-03-01", grade: 100, type: "sick", reportedVia: "cli", reportedOn: "2026-01-05" } });
      const plan = await db.db.plan.create({ data: { employeeId: anne.id, hiddenFromLeaderAt: new Date("2026-09-01T00:00:00Z") } });
      const sickCase = await db.db.sickCase.create({ data: { personId: anne.id, jurisdiction: "NO", startDate: "2026-01-05", endDate: "2026-03-01", open: false, sickDays: 56 } });
      await db.db.plan.update({ where: { id: plan.id }, data: { caseId: sickCase.id } });
      const forLeader = textOf(await services.conversation.handle(lise, { type: "plan", employeeId: anne.id }, "console"));
      expect(forLeader).toMatch(/vises ikke lenger for lederen/);
      const forHr = textOf(await services.conversation.handle(hanne, { type: "plan", employeeId: anne.id }, "console"));
      expect(forHr).not.toMatch(/no longer shown/);
    } finally {
      await db.dispose();
    }
  });
});
