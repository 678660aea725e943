// Roles are enforced in the core: every command that acts on a case, sent by a person
// in every relation to the employee (self, leader, substitute, HR, ARR, peer, stranger)
// through the real Conversation on a real database, does exactly what the one
// permission table (src/app/access.ts) says, and a refusal says nothing about the case.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { runDialogue, textOf, buttons, moreThenStop, type Answers } from "../helpers/conversationDriver.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import type { Command } from "../../src/domain/messages/commands.js";
import type { Person } from "../../src/generated/prisma/client.js";
import { requireMaySend } from "../../src/app/nav/send.js";
import { CASE_ACTIONS, CASE_PERMISSIONS, RELATIONS, relationTo, type CaseAction, type Relation } from "../../src/app/access.js";
import { exportAuditLog } from "../../src/app/auditLog.js";
import { proposeVersion } from "../../src/app/plans.js";
import { takeInbox } from "../../src/channels/console/delivery.js";
import { translator } from "../../src/i18n/index.js";
import { UserError } from "../../src/app/errors.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,,",
  "petter@firma.no,Petter Kollega,lise@firma.no,nb,NO,Europe/Oslo,,,",
  "vera@firma.no,Vera Vikar,,nb,NO,Europe/Oslo,,,",
  "tor@firma.no,Tor Teamet,vera@firma.no,nb,NO,Europe/Oslo,,,",
  "hanne@firma.no,Hanne HR,,nb,NO,Europe/Oslo,,,hr",
  "arne@firma.no,Arne ARR,,nb,NO,Europe/Oslo,,,arr",
  "stian@firma.no,Stian Fremmed,,nb,NO,Europe/Oslo,,,",
].join("\n");

const ACTOR_OF: Record<Relation, string> = {
  self: "anne@firma.no",
  leader: "lise@firma.no",
  substitute: "vera@firma.no",
  hr: "hanne@firma.no",
  arr: "arne@firma.no",
  peer: "petter@firma.no",
  stranger: "stian@firma.no",
};

const EMPLOYEE_ANSWERS: Answers = { contactAsAgreed: "as_agreed", mainTasks: ["Kundemøter", "Telefonvakt"], arrConsent: "no" };
function leaderAnswers(): Answers {
  const owners = ["leader", "employee"];
  const titles = ["Hjemmekontor", "Egen stol"];
  return {
    "measures._more": moreThenStop(2),
    measureTitle: () => titles.shift() ?? "Tiltak",
    measureOwner: () => owners.shift() ?? "leader",
    needsHelpFromNav: "no",
    employeeContributed: "yes",
    sendToNav: "no",
    sendToGp: "no",
  };
}

const forbidden = translator("nb")("common:errors.forbidden");

describe("the permission table, command × relation (real Conversation, real database)", () => {
  let db: TempDb;
  let services: Services;
  const now = new Date("2026-11-30T09:00:00Z");
  const people = {} as Record<Relation, Person>;
  let anne: Person;
  let planId: string;
  let caseId: string;
  let employeeMeasure: string;
  let otherMeasure: string;

  beforeAll(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    services = createServices({ config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => now });
    for (const r of RELATIONS) people[r] = await db.db.person.findUniqueOrThrow({ where: { email: ACTOR_OF[r] } });
    anne = people.self;
    await db.db.leaderSubstitution.create({ data: { leaderId: people.leader.id, substituteId: people.substitute.id, fromDate: "2026-11-01", untilDate: null } });
    await services.conversation.handle(anne, { type: "report.submit", start: "2026-11-23", end: "2027-01-10", grade: 100, document: "sykmelding" }, "console");
    await runDialogue(services.conversation, anne, await services.conversation.handle(anne, { type: "plan" }, "console"), EMPLOYEE_ANSWERS);
    await runDialogue(services.conversation, people.leader, await services.conversation.handle(people.leader, { type: "plan", employeeId: anne.id }, "console"), leaderAnswers());
    // Anne agrees to version 1, so its measures are agreed (only agreed measures can be postponed).
    const v1 = await db.db.plan.findFirstOrThrow({ where: { employeeId: anne.id } });
    expect(textOf(await services.conversation.handle(anne, { type: "plan.review", planId: v1.id, version: 1, action: "confirm" }, "console"))).toMatch(/bekreftet versjon 1/);
    const plan = await db.db.plan.findFirstOrThrow({ where: { employeeId: anne.id }, include: { measures: true } });
    expect(plan.latestVersion).toBe(1);
    planId = plan.id;
    caseId = plan.caseId!;
    employeeMeasure = plan.measures.find((m) => m.owner === "employee")!.id;
    otherMeasure = plan.measures.find((m) => m.owner === "leader")!.id;
    await takeInbox(db.db, RELATIONS.map((r) => people[r].id));
  }, 120_000);
  afterAll(async () => db?.dispose());

  it("knows each person's relation to Anne's case", async () => {
    for (const r of RELATIONS) expect(await relationTo(db.db, people[r], anne, "2026-11-30"), r).toBe(r);
  });

  /** A fresh pending version to review, made the way the app makes one. */
  async function pendingVersion(): Promise<number> {
    const plan = await db.db.plan.findUniqueOrThrow({ where: { id: planId } });
    const latest = await db.db.planVersion.findFirstOrThrow({ where: { planId }, orderBy: { version: "desc" } });
    if (latest.reviewStatus === "pending") return latest.version;
    return (await proposeVersion(db.db, plan, { personId: people.leader.id, label: "leader" }, now)).version;
  }

  /** Sends the command for `action` as `actor`; returns whether it was refused, and checks its effect on Anne's case. */
  const attempts: Record<CaseAction, (actor: Person) => Promise<{ refused: boolean; effect: boolean }>> = {
    "plan.read": async (actor) => {
      const before = await db.db.auditLog.count({ where: { subjectId: anne.id, actorId: actor.id, action: "read" } });
      const reply = await say(actor, { type: "plan", employeeId: anne.id });
      const after = await db.db.auditLog.count({ where: { subjectId: anne.id, actorId: actor.id, action: "read" } });
      // Anne's own reads are not logged; anyone else's are.
      return { refused: refusedIn(reply), effect: actor.id === anne.id ? /Versjon 1|Oppfølgingsplan|plan/i.test(textOf(reply)) : after > before };
    },
    "timeline.read": async (actor) => {
      // Without Anne's consent (the table's rule; with it the ARR team sees a summary-level cut: test/app/timeline*.test.ts).
      await db.db.consent.deleteMany({ where: { personId: anne.id } });
      const before = await db.db.auditLog.count({ where: { subjectId: anne.id, actorId: actor.id } });
      const reply = await say(actor, { type: "timeline", employeeId: anne.id });
      const after = await db.db.auditLog.count({ where: { subjectId: anne.id, actorId: actor.id } });
      // Anne's own looks are not logged; anyone else's are.
      return { refused: refusedIn(reply), effect: !refusedIn(reply) && (actor.id === anne.id || after > before) };
    },
    "dialogue.employee": async (actor) => startEffect(actor, "employee_followup"),
    "dialogue.leader": async (actor) => startEffect(actor, "evaluation"),
    "milestone.set": async (actor) => {
      // A different snooze at every attempt: one equal to the last would change nothing and read as "no effect".
      snoozes += 1;
      const days = snoozes + 1;
      const reply = await say(actor, { type: "milestone", caseId, milestoneId: "no.followup_plan", action: "snooze", snoozeDays: days });
      const state = await db.db.milestoneState.findUnique({ where: { caseId_milestoneId: { caseId, milestoneId: "no.followup_plan" } } });
      return { refused: refusedIn(reply), effect: state?.setById === actor.id && state.snoozedUntil !== null };
    },
    "measure.employeeOwned": async (actor) => measureEffect(actor, employeeMeasure),
    "measure.otherOwned": async (actor) => measureEffect(actor, otherMeasure),
    "plan.confirm": async (actor) => {
      const version = await pendingVersion();
      const reply = await say(actor, { type: "plan.review", planId, version, action: "confirm" });
      const row = await db.db.planVersion.findUniqueOrThrow({ where: { planId_version: { planId, version } } });
      return { refused: refusedIn(reply), effect: row.reviewStatus === "confirmed" };
    },
    "plan.disagree": async (actor) => {
      // Both forms: with a comment, and without (which opens the employee's disagreement dialogue).
      const version = await pendingVersion();
      const open = await say(actor, { type: "plan.review", planId, version, action: "disagree" });
      const opened = await db.db.dialogueSession.count({ where: { personId: actor.id, dialogueId: "plan_disagreement", status: "active" } });
      await db.db.dialogueSession.updateMany({ where: { dialogueId: "plan_disagreement", status: "active" }, data: { status: "cancelled" } });
      const reply = await say(actor, { type: "plan.review", planId, version, action: "disagree", comment: "Fristen er for kort." });
      const row = await db.db.planVersion.findUniqueOrThrow({ where: { planId_version: { planId, version } } });
      expect(refusedIn(open), "disagree without comment").toBe(refusedIn(reply));
      expect(opened > 0, "disagreement dialogue opened").toBe(!refusedIn(reply));
      return { refused: refusedIn(reply), effect: row.reviewStatus === "disagreed" };
    },
    "plan.sendToNav": async (actor) => {
      // The rule the chat offer and `cli plan send` ask before anything is sent (src/app/nav/send.ts).
      try {
        return { refused: false, effect: (await requireMaySend(services.ctx, actor, anne, "2026-11-30")) !== undefined };
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
        return { refused: (error as UserError).key === "common:errors.forbidden", effect: false };
      }
    },
    "audit.own": async (actor) => {
      const reply = await say(actor, { type: "plan.readers", employeeId: anne.id });
      return { refused: refusedIn(reply), effect: /Hvem har sett saken din/.test(textOf(reply)) && /Lise Leder/.test(textOf(reply)) };
    },
    "audit.export": async (actor) => {
      try {
        const rows = await exportAuditLog(db.db, actor, anne, "2026-11-30");
        return { refused: false, effect: rows.length > 0 };
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
        return { refused: (error as UserError).key === "common:errors.forbidden", effect: false };
      }
    },
    report: async (actor) => {
      // The report dialogue asked for on Anne's behalf; Anne herself opens her own.
      return startEffect(actor, "report_sickness");
    },
    "absence.change": async (actor) => startEffect(actor, "change_absence"),
    // The team routine of "Anne's team" (the people Anne leads): Anne herself, or HR; a colleague never.
    "routine.write": async (actor) => {
      // Whose team: Anne's ("self" writes her own), so for the attempt she leads one member.
      const member = await db.db.person.create({ data: { email: "nils@firma.no", name: "Nils Nyansatt", leaderId: anne.id, timeZone: "Europe/Oslo", jurisdiction: "NO" } });
      try {
        return await startEffect(actor, "team_routine");
      } finally {
        await db.db.person.delete({ where: { id: member.id } });
      }
    },
    consent: async (actor) => {
      // The consent command has no target: whoever sends it changes only their own consent.
      const before = await db.db.consent.count({ where: { personId: anne.id } });
      const reply = await say(actor, { type: "consent", granted: true });
      const after = await db.db.consent.count({ where: { personId: anne.id } });
      await db.db.consent.deleteMany({ where: { personId: { not: anne.id } } });
      // For anyone but Anne "refused" means: Anne's consent is untouched (they changed their own).
      return { refused: actor.id === anne.id ? refusedIn(reply) : after === before, effect: after > before };
    },
    // Denmark's early effort: Anne's case under Danish rules for the attempt (and open, so the fast track applies).
    "earlyEffort.screen": async (actor) =>
      asDanish(async (sickCaseId) => {
        const reply = await say(actor, { type: "dialogue.start", dialogueId: "dk_screening", employeeId: anne.id });
        if (!refusedIn(reply)) await runDialogue(services.conversation, actor, reply, { assessment: "risk" });
        const row = await db.db.earlyScreening.findFirst({ where: { caseId: sickCaseId, leaderId: actor.id } });
        await db.db.earlyScreening.deleteMany({});
        return { refused: refusedIn(reply), effect: row !== null };
      }),
    "fastTrack.offer": async (actor) =>
      asDanish(async (sickCaseId) => {
        const reply = await say(actor, { type: "fastTrack", action: "offer", employeeId: anne.id });
        const row = await db.db.fastTrackRequest.findFirst({ where: { caseId: sickCaseId, initiatedById: actor.id } });
        await db.db.fastTrackRequest.deleteMany({});
        return { refused: refusedIn(reply), effect: row?.status === "awaiting_employee" };
      }),
    "fastTrack.agree": async (actor) =>
      asDanish(async (sickCaseId) => {
        // Offered by her leader; only Anne can say yes.
        await db.db.fastTrackRequest.create({ data: { caseId: sickCaseId, initiatedBy: "leader", initiatedById: people.leader.id, status: "awaiting_employee" } });
        const reply = await say(actor, { type: "fastTrack", action: "agree", employeeId: anne.id });
        const row = await db.db.fastTrackRequest.findUniqueOrThrow({ where: { caseId: sickCaseId } });
        await db.db.fastTrackRequest.deleteMany({});
        return { refused: refusedIn(reply), effect: row.status === "agreed" };
      }),
  };

  let snoozes = 0;

  /** Runs `fn` with Anne's case under Danish rules and open-ended, then puts it back. */
  async function asDanish<T>(fn: (caseId: string) => Promise<T>): Promise<T> {
    const period = await db.db.absencePeriod.findFirstOrThrow({ where: { personId: anne.id, supersededAt: null } });
    await db.db.person.update({ where: { id: anne.id }, data: { jurisdiction: "DK" } });
    await db.db.absencePeriod.update({ where: { id: period.id }, data: { endDate: null } });
    try {
      return await fn(caseId);
    } finally {
      await db.db.person.update({ where: { id: anne.id }, data: { jurisdiction: "NO" } });
      await db.db.absencePeriod.update({ where: { id: period.id }, data: { endDate: period.endDate } });
      await db.db.dialogueSession.updateMany({ where: { dialogueId: "dk_screening", status: "active" }, data: { status: "cancelled" } });
    }
  }

  const say = (who: Person, command: Command) => services.conversation.handle(who, command, "console");
  const refusedIn = (reply: Awaited<ReturnType<typeof say>>) => textOf(reply).startsWith(forbidden);

  async function startEffect(actor: Person, dialogueId: string) {
    const reply = await say(actor, { type: "dialogue.start", dialogueId, employeeId: anne.id });
    const session = await db.db.dialogueSession.findFirst({ where: { personId: actor.id, subjectId: anne.id, dialogueId, status: "active" } });
    // Leave nothing behind for the next attempt.
    await db.db.dialogueSession.updateMany({ where: { personId: actor.id, dialogueId, status: "active" }, data: { status: "cancelled" } });
    return { refused: refusedIn(reply), effect: session !== null };
  }

  async function measureEffect(actor: Person, measureId: string) {
    const before = await db.db.measure.findUniqueOrThrow({ where: { id: measureId } });
    const reply = await say(actor, { type: "measure", measureId, action: "postpone", postponeDays: 3 });
    const after = await db.db.measure.findUniqueOrThrow({ where: { id: measureId } });
    return { refused: refusedIn(reply), effect: after.dueDate !== before.dueDate };
  }

  it("covers every action in the table", () => {
    expect(Object.keys(attempts).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  for (const action of CASE_ACTIONS) {
    it(`${action}: ${(CASE_PERMISSIONS[action] as readonly string[]).join(", ")} — and nobody else`, async () => {
      const outcome: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const relation of RELATIONS) {
        const allowed = (CASE_PERMISSIONS[action] as readonly Relation[]).includes(relation);
        const { refused, effect } = await attempts[action](people[relation]);
        outcome[relation] = refused ? (effect ? "refused but changed!" : "refused") : effect ? "done" : "not refused, no effect";
        expected[relation] = allowed ? "done" : "refused";
      }
      expect(outcome).toEqual(expected);
    }, 60_000);
  }

  it("gives the same refusal for a case that exists and one that does not", async () => {
    const stian = people.stranger;
    const cases: Array<[Command, Command]> = [
      [{ type: "plan", employeeId: anne.id }, { type: "plan", employeeId: "nobody" }],
      [{ type: "plan.review", planId, version: 1, action: "disagree" }, { type: "plan.review", planId: "nothing", version: 1, action: "disagree" }],
      [{ type: "plan.review", planId, version: 1, action: "confirm" }, { type: "plan.review", planId: "nothing", version: 1, action: "confirm" }],
      [{ type: "milestone", caseId, milestoneId: "no.followup_plan", action: "done" }, { type: "milestone", caseId: "nothing", milestoneId: "no.followup_plan", action: "done" }],
      [{ type: "measure", measureId: employeeMeasure, action: "done" }, { type: "measure", measureId: "nothing", action: "done" }],
      [{ type: "measure", measureId: otherMeasure, action: "done" }, { type: "measure", measureId: "nothing", action: "done" }],
      [{ type: "plan.readers", employeeId: anne.id }, { type: "plan.readers", employeeId: "nobody" }],
      [{ type: "dialogue.start", dialogueId: "leader_followup", employeeId: anne.id }, { type: "dialogue.start", dialogueId: "leader_followup", employeeId: "nobody" }],
    ];
    for (const [real, fake] of cases) {
      const a = textOf(await say(stian, real));
      expect(a, JSON.stringify(real)).toMatch(/^Du har ikke tilgang til dette\.\n• /);
      expect(a).not.toMatch(/Anne/);
      expect(textOf(await say(stian, fake))).toBe(a);
    }
    // And the refusal names who may, in the person's language.
    expect(textOf(await say(people.leader, { type: "plan.review", planId, version: 1, action: "confirm" }))).toMatch(/Bare den ansatte selv kan bekrefte planen/);
  });
});

describe("attacks on the plan review (issue 10)", () => {
  let db: TempDb;
  let services: Services;
  afterAll(async () => db?.dispose());

  it("a leader's plan.review disagree without a comment no longer opens Anne's disagreement for the leader nor records it as hers", async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    services = createServices({ config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => new Date("2026-11-30T09:00:00Z") });
    const anne = await db.db.person.findUniqueOrThrow({ where: { email: "anne@firma.no" } });
    const lise = await db.db.person.findUniqueOrThrow({ where: { email: "lise@firma.no" } });
    await services.conversation.handle(anne, { type: "report.submit", start: "2026-11-23", end: "2027-01-10", grade: 100, document: "sykmelding" }, "console");
    await runDialogue(services.conversation, anne, await services.conversation.handle(anne, { type: "plan" }, "console"), EMPLOYEE_ANSWERS);
    await runDialogue(services.conversation, lise, await services.conversation.handle(lise, { type: "plan", employeeId: anne.id }, "console"), leaderAnswers());
    const plan = await db.db.plan.findFirstOrThrow({ where: { employeeId: anne.id } });

    const reply = await services.conversation.handle(lise, { type: "plan.review", planId: plan.id, version: 1, action: "disagree" }, "console");
    expect(textOf(reply)).toMatch(/Bare den ansatte selv kan si seg uenig i planen/);
    expect(await db.db.dialogueSession.count({ where: { personId: lise.id, dialogueId: "plan_disagreement" } })).toBe(0);
    // Even typed into a disagreement dialogue the leader somehow had, the answer is refused where it is executed.
    const forged = await services.conversation.handle(lise, { type: "dialogue.start", dialogueId: "plan_disagreement", employeeId: anne.id }, "console");
    expect(textOf(forged)).toMatch(/Du har ikke tilgang/);
    expect(buttons(forged)).toEqual([]);
    const version = await db.db.planVersion.findFirstOrThrow({ where: { planId: plan.id, version: 1 } });
    expect([version.reviewStatus, version.disagreement]).toEqual(["pending", null]);
    expect(await db.db.auditLog.count({ where: { actorId: lise.id, actorLabel: "employee" } })).toBe(0);
  }, 120_000);
});
