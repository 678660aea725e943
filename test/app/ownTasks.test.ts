// The employee's own list of tasks she could do while sick (seed 004) and her follow-up
// agreement (seed 002), through the real core and database in the console channel: she
// records them before she is sick; at the report the leader's notice shows the whole
// agreement; both dialogues assess each task on her list; the plan holds both views and
// "as agreed" fills the plan's contact and handover fields; the Markdown export shows it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { runDialogue, textOf, moreThenStop, type Answers } from "../helpers/conversationDriver.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import type { Person } from "../../src/generated/prisma/client.js";
import { takeInbox } from "../../src/channels/console/delivery.js";
import { parsePlanContent } from "../../src/domain/plan/model.js";
import { exportPlan } from "../../src/app/planExport.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,,",
].join("\n");

const AGREEMENT: Answers = {
  channels: ["phone", "chat"],
  times: ["morning"],
  closeness: "weekly",
  whoMayKnow: "leader_and_team",
  taskHandover: "Kari tar kundemøtene mine, alt ligger i teamets mappe.",
  fallbackTasks: ["Svare på e-post", "Lese korrektur"],
};

/** Answers the questions about the items of a list in turn (the list's own order). */
const inTurn = (answers: string[]) => {
  let n = 0;
  return () => answers[n++] ?? "normal";
};

describe("the employee's own task list and follow-up agreement", () => {
  let db: TempDb;
  let services: Services;
  let now = new Date("2026-11-23T09:00:00Z");
  const person = (email: string) => db.db.person.findUniqueOrThrow({ where: { email } });
  const say = (who: Person, command: Parameters<Services["conversation"]["handle"]>[1]) => services.conversation.handle(who, command, "console");

  beforeEach(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    now = new Date("2026-11-23T09:00:00Z");
    services = createServices({ config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => now });
  });
  afterEach(async () => db.dispose());

  it("reaches the leader at the report, is assessed by both, and lands in the plan and its export", async () => {
    const anne = await person("anne@firma.no");
    const lise = await person("lise@firma.no");
    // Before anyone is sick: how she wants to be followed up, and her own task list.
    const saved = await runDialogue(services.conversation, anne, await say(anne, { type: "text", text: "kontakt" }), AGREEMENT);
    expect(textOf(saved)).toMatch(/lagret/i);

    await runDialogue(services.conversation, anne, await say(anne, { type: "text", text: "syk" }), { startDate: "2026-11-23", endDate: "2026-12-20", grade: "full", leaveType: "sykmelding" });
    const notice = textOf(await takeInbox(db.db, [lise.id]));
    expect(notice).toMatch(/Avtalen Anne Ansatt har gjort om oppfølging/);
    expect(notice).toMatch(/Kontakt: Telefon, Chat/);
    expect(notice).toMatch(/Hvor tett: Jevnlig/);
    expect(notice).toMatch(/Hvem kan vite at Anne Ansatt er borte: Lederen og de nærmeste kollegene/);
    expect(notice).toMatch(/Hvem tar oppgavene: Kari tar kundemøtene mine/);
    expect(notice).toMatch(/Oppgaver Anne Ansatt selv mener .* kan gjøre under sykdom: Svare på e-post, Lese korrektur/);

    // Her side: "as agreed", her job's tasks, then her own list, task by task.
    const seen: string[] = [];
    await runDialogue(
      services.conversation,
      anne,
      await say(anne, { type: "plan" }),
      {
        contactAsAgreed: "as_agreed",
        role: "Rådgiver",
        positionPercent: 100,
        mainTasks: ["Kundemøter"],
        ability: "cannot",
        ownAbility: inTurn(["normal", "with_adjustment"]), // "Svare på e-post", then "Lese korrektur"
        ownAdjustment: ["other_hours"],
        triedBefore: "no",
        returnPace: "graded",
        arrConsent: "no",
      },
      { seen },
    );
    expect(seen.filter((s) => s === "ownAbility")).toHaveLength(2);

    // The leader's side: the same list, from the workplace's view.
    const leaderSeen: string[] = [];
    const leaderStart = await say(lise, { type: "plan", employeeId: anne.id });
    await runDialogue(
      services.conversation,
      lise,
      leaderStart,
      {
        ownAbility: inTurn(["normal", "cannot"]),
        triedBefore: "no",
        "measures._more": moreThenStop(0),
        needsHelpFromNav: "no",
        employeeContributed: "yes",
        sendToNav: "no",
        sendToGp: "no",
      },
      { seen: leaderSeen },
    );
    expect(leaderSeen.filter((s) => s === "ownAbility")).toHaveLength(2);

    const plan = await db.db.plan.findFirstOrThrow({ where: { employeeId: anne.id } });
    const content = parsePlanContent(JSON.parse(plan.draft!));
    const tasks = Object.fromEntries(content.tasks.map((t) => [t.name, t]));
    expect(tasks["Svare på e-post"]).toMatchObject({ ability: "normal", assessedBy: "employee" });
    expect(tasks["Lese korrektur"]).toMatchObject({ ability: "with_adjustment", adjustments: ["other_hours"], assessedBy: "employee" });
    expect(tasks["Lese korrektur"]!.otherView).toMatchObject({ by: "leader", ability: "cannot" });
    expect(tasks["Kundemøter"]).toMatchObject({ ability: "cannot" });
    // "As agreed" filled the plan's contact and handover fields from her agreement.
    expect(content.contactChannel.employee).toMatch(/Telefon/);
    expect(content.contactTimes.employee).toMatch(/Formiddag/);
    expect(content.whoMayKnow.employee).toMatch(/nærmeste kollegene/);
    expect(content.taskHandover.employee).toMatch(/Kari tar kundemøtene/);

    const md = await exportPlan(db.db, { employee: anne, format: "md", locale: "nb", actor: { label: "cli" }, now });
    expect(String(md.body)).toMatch(/Svare på e-post – kan gjøres som vanlig|Svare på e-post/);
    expect(String(md.body)).toMatch(/Lese korrektur/);
    expect(String(md.body)).toMatch(/Kari tar kundemøtene/);
  });

  it("passes over the list when there is none, and says so to the leader", async () => {
    const anne = await person("anne@firma.no");
    const lise = await person("lise@firma.no");
    await runDialogue(services.conversation, anne, await say(anne, { type: "text", text: "syk" }), { startDate: "2026-11-23", endDate: "2026-12-20", grade: "full", leaveType: "sykmelding" });
    expect(textOf(await takeInbox(db.db, [lise.id]))).toMatch(/Anne Ansatt har ikke gjort noen avtale om oppfølging ennå/);
    const seen: string[] = [];
    await runDialogue(services.conversation, anne, await say(anne, { type: "plan" }), { contactAsAgreed: "none_yet", arrConsent: "no" }, { seen });
    expect(seen.some((s) => s === "ownAbility")).toBe(false);
  });

  it("never shows the leader a task list she kept private", async () => {
    const anne = await person("anne@firma.no");
    // Stored as she answered: the list marked private (the guard's "keep it to myself").
    const snapshots = [
      { questionId: "fallbackTasks", planField: "otherSuitableTasks", label: "x", required: false, value: ["Hemmelig oppgave"], display: "Hemmelig oppgave", private: true, dialogueId: "contact_preferences", dialogueVersion: 1, answeredBy: "employee", locale: "nb" },
    ];
    await db.db.person.update({ where: { id: anne.id }, data: { contactPreferences: JSON.stringify(snapshots) } });
    const lise = await person("lise@firma.no");
    await runDialogue(services.conversation, anne, await say(anne, { type: "text", text: "syk" }), { startDate: "2026-11-23", endDate: "2026-12-20", grade: "full", leaveType: "sykmelding" });
    expect(textOf(await takeInbox(db.db, [lise.id]))).not.toMatch(/Hemmelig/);
    const leaderStart = textOf(await say(lise, { type: "plan", employeeId: anne.id }));
    expect(leaderStart).not.toMatch(/Hemmelig/);
  });
});
