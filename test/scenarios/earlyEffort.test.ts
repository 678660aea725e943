// Denmark's early effort (issue 13, seed 003), in the console and in Slack: Dorte reports
// sick; the scheduler asks her leader Lars to screen the risk of a long absence; he
// assesses "risk", the bot explains the fast track (sygedagpengeloven § 7c) and he offers
// it; Dorte is asked and agrees (only she can); the fast-track milestone's reminders reach
// Lars with the agreed request, until he records it sent to the jobcenter, which settles
// the milestone (rules/dk.ts settledBy). The timeline shows it to both, App Home shows each
// their timeline, and a colleague sees none of it. The attacks a colleague or another
// leader would try are refused in the core. Time moves only for the scheduler.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../../src/domain/messages/commands.js";
import { addDays } from "../../src/domain/time/localDate.js";
import { localDateOf } from "../../src/domain/time/zone.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { runRetention } from "../../src/app/reminders/retention.js";
import { buttons, runDialogue, textOf } from "../helpers/conversationDriver.js";
import { consoleDriver, slackDriver, type DriverOptions } from "./drivers.js";

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lars@firma.dk,Lars Leder,,da,DK,Europe/Copenhagen,,,",
  "dorte@firma.dk,Dorte Ansat,lars@firma.dk,da,DK,Europe/Copenhagen,,,",
  "peter@firma.dk,Peter Kollega,lars@firma.dk,da,DK,Europe/Copenhagen,,,",
  "ole@firma.dk,Ole Anden,,da,DK,Europe/Copenhagen,,,",
  "otto@firma.dk,Otto Ottesen,ole@firma.dk,da,DK,Europe/Copenhagen,,,",
  "hanne@firma.dk,Hanne HR,,da,DK,Europe/Copenhagen,,,hr",
].join("\n");
const EMPLOYEE = "dorte@firma.dk";
const LEADER = "lars@firma.dk";
const COLLEAGUE = "peter@firma.dk";
const MILESTONE = "dk.fast_track_request";
const ZONE = "Europe/Copenhagen";
const today = () => localDateOf(new Date(), ZONE);
/** Started two days ago, expected to last ten weeks: past the 8 weeks fast track is for. */
const REPORT = { startDays: -2, endDays: 68 };

const SLACK_USERS: Record<string, string> = { [EMPLOYEE]: "U0DORTE", [LEADER]: "U0LARS", [COLLEAGUE]: "U0PETER", "hanne@firma.dk": "U0HANNE" };

const OPTIONS: DriverOptions = {
  directory: DIRECTORY,
  zone: ZONE,
  today,
  slackUsers: SLACK_USERS,
  report: { word: "syg", ...REPORT, grade: 100, document: "sykmelding" },
};

/** One tick just after this row falls due (and never before now: the scheduler's time only moves on). */
const justAfter = (at: Date) => new Date(Math.max(at.getTime(), Date.now()) + 60_000);

describe.each([consoleDriver(OPTIONS), slackDriver(OPTIONS)])("a Danish case screened at risk, with a fast-track request, in the $name channel", (driver) => {
  beforeAll(() => driver.start(), 60_000);
  afterAll(() => driver.stop());
  const id = async (email: string) => (await driver.db().person.findUniqueOrThrow({ where: { email } })).id;

  it("the report: the leader is told, and the scheduler asks him to screen (a planned reminder, the report's round)", async () => {
    await driver.report(EMPLOYEE);
    expect(await driver.seen(LEADER)).toMatch(/Dorte Ansat har meldt sig syg/);
    const rows = await driver.db().outbox.findMany({ where: { kind: "early_screening", status: { in: ["pending", "sent"] } }, orderBy: { dueAt: "asc" } });
    // Both rounds are planned for the leader: the report's now, week 2's on day 8.
    expect(rows.map((r) => JSON.parse(r.payload).params.round)).toEqual(["report", "week2"]);
    expect(rows.every((r) => r.recipientId !== null)).toBe(true);
    expect(localDateOf(rows[1]!.dueAt, ZONE) >= addDays(today(), REPORT.startDays + 7)).toBe(true);
    expect(rows[1]!.status).toBe("pending");
    // Reported within working hours, the report's round is due at once and went out with the report's
    // own delivery; reported outside them, it waits for the next working morning (the tick).
    if (rows[0]!.status === "pending") await driver.services().scheduler.tick(justAfter(rows[0]!.dueAt));
    expect(await driver.db().outbox.findUniqueOrThrow({ where: { id: rows[0]!.id } })).toMatchObject({ status: "sent", channel: driver.name });
    expect(await driver.seen(LEADER)).toMatch(/Tidlig indsats for Dorte Ansat: din vurdering/);
  });

  it("the leader screens: his own assessment is «risk»; the bot explains fast track with its source and offers it", async () => {
    const dorte = await id(EMPLOYEE);
    await driver.press(LEADER, (c) => c.type === "dialogue.start" && c.dialogueId === "dk_screening" && c.employeeId === dorte);
    await driver.answer(LEADER, { earlierAbsences: "no", nature: "not_told", ownExpectation: "over_8_weeks", workConflict: "unknown", workDemands: "yes", assessment: "risk" });
    const seen = await driver.seen(LEADER);
    expect(seen).toMatch(/Vurderingen er gemt: risiko for langvarigt fravær for Dorte Ansat/);
    expect(seen).toMatch(/Hurtigt spor \(fast track\)/);
    expect(seen).toMatch(/sygedagpengeloven §§ 7c, 7e/);
    const screening = await driver.db().earlyScreening.findFirstOrThrow();
    expect(screening).toMatchObject({ round: "report", assessment: "risk", leaderId: await id(LEADER) });
    // Only coded choices are kept, never free text.
    expect(JSON.parse(screening.answers)).toEqual({ earlierAbsences: "no", nature: "not_told", ownExpectation: "over_8_weeks", workConflict: "unknown", workDemands: "yes" });
  });

  it("he offers it; only with Dorte's yes is the request stored as agreed, and the week-2 screening is no longer asked", async () => {
    const dorte = await id(EMPLOYEE);
    await driver.press(LEADER, (c) => c.type === "fastTrack" && c.action === "offer" && c.employeeId === dorte);
    expect(await driver.db().fastTrackRequest.findFirstOrThrow()).toMatchObject({ status: "awaiting_employee", initiatedBy: "leader" });
    expect(await driver.seen(EMPLOYEE)).toMatch(/Lars Leder tilbyder dig hurtigt spor hos jobcentret/);
    expect(await driver.db().outbox.count({ where: { kind: "early_screening", status: "pending" } })).toBe(0);
    await driver.press(EMPLOYEE, (c) => c.type === "fastTrack" && c.action === "agree");
    expect(await driver.db().fastTrackRequest.findFirstOrThrow()).toMatchObject({ status: "agreed" });
    expect(await driver.seen(EMPLOYEE)).toMatch(/dit ja er gemt/);
    const seen = await driver.seen(LEADER);
    expect(seen).toMatch(/Dorte Ansat har takket ja til hurtigt spor/);
    expect(seen).toMatch(/Send anmodningen i NemRefusion/);
  });

  it("the fast-track milestone's reminders reach the leader with the agreed request; «sent to the jobcenter» settles it", async () => {
    const db = driver.db();
    const nudges = await db.outbox.findMany({ where: { kind: "nudge", milestoneId: MILESTONE, status: "pending" }, orderBy: { dueAt: "asc" } });
    expect(nudges.length).toBeGreaterThan(1);
    await driver.services().scheduler.tick(justAfter(nudges[0]!.dueAt));
    expect(await db.outbox.findUniqueOrThrow({ where: { id: nudges[0]!.id } })).toMatchObject({ status: "sent", channel: driver.name });
    const seen = await driver.seen(LEADER);
    expect(seen).toMatch(/Påmindelse: .* for Dorte Ansat/);
    expect(seen).toMatch(/Dorte Ansat har sagt ja til hurtigt spor; anmodningen skal sendes til jobcentret/);

    await driver.press(LEADER, (c) => c.type === "fastTrack" && c.action === "submitted");
    expect(await db.fastTrackRequest.findFirstOrThrow()).toMatchObject({ status: "submitted" });
    expect(await db.caseFact.findFirstOrThrow({ where: { kind: "fast_track_requested" } })).toBeTruthy();
    // Settled by the fact (data on the rule): nothing more about it is planned.
    expect(await db.outbox.count({ where: { milestoneId: MILESTONE, status: "pending" } })).toBe(0);
    await driver.services().scheduler.tick(justAfter(nudges.at(-1)!.dueAt));
    expect(await db.outbox.count({ where: { milestoneId: MILESTONE, kind: "nudge", status: "sent" } })).toBe(1);
  });

  it("the timeline shows the screening and the request to Dorte and Lars, and their Home shows it; the colleague sees none of it", async () => {
    const entries = [/Lederens vurdering ved sygemeldingen: risiko for langvarigt fravær/, /Hurtigt spor tilbudt af lederen/, /Medarbejderen sagde ja til hurtigt spor/, /Anmodningen om hurtigt spor sendt til jobcentret/];
    await driver.say(EMPLOYEE, "tidslinje");
    const own = await driver.seen(EMPLOYEE);
    for (const e of entries) expect(own).toMatch(e);
    const dorteHome = await driver.home!(EMPLOYEE);
    expect(dorteHome).toMatch(/Tidslinje for Dorte Ansat/);
    for (const e of entries) expect(dorteHome).toMatch(e);
    const larsHome = await driver.home!(LEADER);
    expect(larsHome).toMatch(/Tidslinje for Dorte Ansat/);
    expect(larsHome).toMatch(entries[0]!);
    expect(larsHome).toMatch(/Du ser sagen som leder/);
    // Peter (same leader, no case of his own) sees nothing of Dorte's case on his Home.
    const peterHome = await driver.home!(COLLEAGUE);
    expect(peterHome).not.toMatch(/Dorte/);
    expect(peterHome).not.toMatch(/hurtigt spor/i);
  });
});

describe("attacks on the early effort (the core refuses; nothing changes)", () => {
  let tmp: TempDb;
  let services: Services;
  beforeAll(async () => {
    tmp = await createTempDb();
    await importDirectory(tmp.db, DIRECTORY, { defaultTimeZone: ZONE });
    services = createServices({ config: loadConfig({ DATABASE_URL: tmp.url }), db: tmp.db, logger: createLogger("silent"), clock: () => new Date() });
    const dorte = await tmp.db.person.findUniqueOrThrow({ where: { email: EMPLOYEE } });
    await services.conversation.handle(dorte, { type: "report.submit", start: addDays(today(), -2), end: addDays(today(), 68), grade: 100, document: "sykmelding" }, "console");
  });
  afterAll(() => tmp?.dispose());
  const who = (email: string) => tmp.db.person.findUniqueOrThrow({ where: { email } });
  const say = async (email: string, command: Command) => textOf(await services.conversation.handle(await who(email), command, "console"));
  const refused = /^Du har ikke adgang til dette\./;

  it("her leader reaches the screening from «hurtigt spor» too, not only from its reminder", async () => {
    const dorte = (await who(EMPLOYEE)).id;
    const lars = await who(LEADER);
    const chooser = await services.conversation.handle(lars, { type: "text", text: "hurtigt spor" }, "console");
    expect(buttons(chooser).some((b) => b.command.type === "fastTrack" && b.command.action === "explain" && b.command.employeeId === dorte)).toBe(true);
    const view = await services.conversation.handle(lars, { type: "fastTrack", action: "explain", employeeId: dorte }, "console");
    const screen = buttons(view).find((b) => b.command.type === "dialogue.start" && b.command.dialogueId === "dk_screening" && b.command.employeeId === dorte);
    expect(screen).toBeDefined();
    expect(textOf(await services.conversation.handle(lars, screen!.command, "console"))).toMatch(/vurdering/i);
    await services.conversation.handle(lars, { type: "text", text: "annuller" }, "console");
  });

  it("a colleague, another leader and HR cannot screen Dorte; a colleague or her leader cannot agree for her; another leader cannot offer or record it sent", async () => {
    const dorte = (await who(EMPLOYEE)).id;
    for (const email of [COLLEAGUE, "ole@firma.dk", "hanne@firma.dk", "otto@firma.dk"]) {
      expect(await say(email, { type: "dialogue.start", dialogueId: "dk_screening", employeeId: dorte }), email).toMatch(refused);
    }
    expect(await say("ole@firma.dk", { type: "fastTrack", action: "offer", employeeId: dorte })).toMatch(refused);
    expect(await say(COLLEAGUE, { type: "fastTrack", action: "offer", employeeId: dorte })).toMatch(refused);
    expect(await tmp.db.fastTrackRequest.count()).toBe(0);

    // Her leader offers; nobody but Dorte can say yes, and without her yes it cannot be recorded sent.
    expect(await say(LEADER, { type: "fastTrack", action: "offer", employeeId: dorte })).toMatch(/Dorte Ansat bliver spurgt om hurtigt spor/);
    for (const email of [COLLEAGUE, LEADER, "ole@firma.dk", "hanne@firma.dk"]) {
      expect(await say(email, { type: "fastTrack", action: "agree", employeeId: dorte }), email).toMatch(refused);
      expect(await say(email, { type: "fastTrack", action: "decline", employeeId: dorte }), email).toMatch(refused);
    }
    expect(await say(LEADER, { type: "fastTrack", action: "submitted", employeeId: dorte })).toMatch(/har ikke sagt ja til hurtigt spor/);
    expect(await say("ole@firma.dk", { type: "fastTrack", action: "submitted", employeeId: dorte })).toMatch(refused);
    expect(await tmp.db.fastTrackRequest.findFirstOrThrow()).toMatchObject({ status: "awaiting_employee" });
    expect(await tmp.db.caseFact.count()).toBe(0);
    // A colleague's "agree" without a target is about her own case (she has none): Dorte's is untouched.
    expect(await say(COLLEAGUE, { type: "fastTrack", action: "agree" })).not.toMatch(/Dorte/);
    expect(await tmp.db.fastTrackRequest.findFirstOrThrow()).toMatchObject({ status: "awaiting_employee" });
  });

  it("she can ask herself by typing «hurtigt spor», and say no (voluntary): the no settles the milestone", async () => {
    const reply = await say(EMPLOYEE, { type: "text", text: "hurtigt spor" });
    expect(reply).toMatch(/Hurtigt spor \(fast track\)/);
    expect(reply).toMatch(/§§ 7c, 7e/);
    expect(reply).toMatch(/Hurtigt spor er tilbudt Dorte Ansat/);
    expect(await say(EMPLOYEE, { type: "fastTrack", action: "decline" })).toMatch(/du har takket nej til hurtigt spor/);
    expect(await tmp.db.caseFact.findFirstOrThrow()).toMatchObject({ kind: "fast_track_declined" });
    expect(await tmp.db.outbox.count({ where: { milestoneId: MILESTONE, status: "pending" } })).toBe(0);
    // She changes her mind: her yes takes the no back.
    expect(await say(EMPLOYEE, { type: "fastTrack", action: "agree" })).toMatch(/dit ja er gemt/);
    expect(await tmp.db.caseFact.count()).toBe(0);
    expect(await tmp.db.outbox.count({ where: { milestoneId: MILESTONE, kind: "nudge", status: "pending" } })).toBeGreaterThan(0);
  });

  it("the screening goes with the plan's retention, 12 months after the last sick day (audited)", async () => {
    const dorte = await who(EMPLOYEE);
    const lars = await who(LEADER);
    await runDialogue(services.conversation, lars, await services.conversation.handle(lars, { type: "dialogue.start", dialogueId: "dk_screening", employeeId: dorte.id }, "console"), { assessment: "no_risk" });
    expect(await tmp.db.earlyScreening.count()).toBe(1);
    const lastSickDay = addDays(today(), 68);
    await runRetention(services.ctx, new Date(`${addDays(lastSickDay, 360)}T12:00:00Z`));
    expect(await tmp.db.earlyScreening.count()).toBe(1);
    await runRetention(services.ctx, new Date(`${addDays(lastSickDay, 370)}T12:00:00Z`));
    expect(await tmp.db.earlyScreening.count()).toBe(0);
    expect(await tmp.db.auditLog.count({ where: { subjectId: dorte.id, actorLabel: "scheduler", detail: { contains: "retention.deleteScreening" } } })).toBe(1);
  });

  it("a Norwegian case has no fast track", async () => {
    await tmp.db.person.update({ where: { email: "otto@firma.dk" }, data: { jurisdiction: "NO" } });
    expect(await say("otto@firma.dk", { type: "text", text: "fast track" })).toMatch(/dansk lov/);
    // His leader cannot screen him either: refused before the first question.
    const otto = await who("otto@firma.dk");
    expect(await say("ole@firma.dk", { type: "dialogue.start", dialogueId: "dk_screening", employeeId: otto.id })).toMatch(/dansk lov/);
    expect(await tmp.db.dialogueSession.count({ where: { dialogueId: "dk_screening", subjectId: otto.id } })).toBe(0);
  });
});
