// Private text (issue 10): what the guard flagged and the person chose not to share is
// not stored in anyone else's dialogue or plan. Before the fix the leader's "keep
// private" kept "hun har depresjon og tar sertralin" in the leader's completed dialogue.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { runDialogue, textOf, buttons, moreThenStop, type Answers } from "../helpers/conversationDriver.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import type { Person } from "../../src/generated/prisma/client.js";
import { takeInbox } from "../../src/channels/console/delivery.js";
import { runRetention } from "../../src/app/reminders/retention.js";
import type { AppContext } from "../../src/app/context.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,,",
].join("\n");
const FLAGGED = "hun har depresjon og tar sertralin";
const HEALTH = /depresjon|sertralin/;

/** Flagged text the first time a question is asked, then something about the work. */
function flaggedOnce(clean: string): () => string {
  let asked = 0;
  return () => (asked++ === 0 ? FLAGGED : clean);
}

describe("text kept private stays out of everyone else's dialogue and plan", () => {
  let db: TempDb;
  let services: Services;
  let ctx: AppContext;
  let anne: Person;
  let lise: Person;
  const say = (who: Person, command: Parameters<Services["conversation"]["handle"]>[1]) => services.conversation.handle(who, command, "console");

  beforeEach(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    ctx = { config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => new Date("2026-11-30T09:00:00Z") };
    services = createServices(ctx);
    anne = await db.db.person.findUniqueOrThrow({ where: { email: "anne@firma.no" } });
    lise = await db.db.person.findUniqueOrThrow({ where: { email: "lise@firma.no" } });
    await say(anne, { type: "report.submit", start: "2026-11-23", end: "2027-01-10", grade: 100, document: "sykmelding" });
    await runDialogue(services.conversation, anne, await say(anne, { type: "plan" }), { contactAsAgreed: "as_agreed", mainTasks: ["Kundemøter"], arrConsent: "no" });
  }, 60_000);
  afterEach(async () => db.dispose());

  it("in the leader's dialogue: the option says the text is stored nowhere, and it is stored nowhere", async () => {
    const seen: string[] = [];
    const all = await runDialogue(
      services.conversation,
      lise,
      await say(lise, { type: "plan", employeeId: anne.id }),
      {
        previousFacilitation: flaggedOnce("Vi har prøvd kortere dager."), // required: asked again
        tasksMoved: flaggedOnce("unused"), // optional: left empty
        "measures._more": moreThenStop(0),
        needsHelpFromNav: "no",
        employeeContributed: "yes",
        sendToNav: "no",
        sendToGp: "no",
      } satisfies Answers,
      { seen },
    );
    const warning = all.find((m) => /depresjon/.test(textOf([m])) && buttons([m]).some((b) => b.label === "Ikke lagre teksten"));
    expect(warning, textOf(all)).toBeDefined();
    expect(textOf([warning!])).toMatch(/Teksten slettes og lagres ingen steder, verken i denne samtalen eller i planen/);
    expect(textOf(all)).toMatch(/Teksten ble ikke lagret\. Skriv et svar om arbeidet/);
    expect(textOf(all)).toMatch(/Versjon 1 av planen er sendt til Anne Ansatt/);

    // Nowhere: not the leader's (completed) dialogue, not the plan's draft or versions, not the outbox, not the audit log.
    const sessions = await db.db.dialogueSession.findMany({ where: { personId: lise.id } });
    expect(sessions.map((s) => s.status)).toEqual(["completed"]);
    for (const s of sessions) expect(s.state).not.toMatch(HEALTH);
    const plan = await db.db.plan.findFirstOrThrow({ where: { employeeId: anne.id }, include: { versions: true } });
    expect(plan.draft).not.toMatch(HEALTH);
    for (const v of plan.versions) expect(v.content).not.toMatch(HEALTH);
    for (const row of await db.db.outbox.findMany()) expect(row.payload).not.toMatch(HEALTH);
    for (const row of await db.db.auditLog.findMany()) expect(row.detail ?? "").not.toMatch(HEALTH);
    expect(textOf(await takeInbox(db.db, [anne.id]))).not.toMatch(HEALTH);
  }, 60_000);

  it("in the employee's disagreement (her words go to the leader): left out too", async () => {
    await runDialogue(services.conversation, lise, await say(lise, { type: "plan", employeeId: anne.id }), { "measures._more": moreThenStop(0), needsHelpFromNav: "no", employeeContributed: "yes", sendToNav: "no", sendToGp: "no" });
    const plan = await db.db.plan.findFirstOrThrow({ where: { employeeId: anne.id } });
    const all = await runDialogue(services.conversation, anne, await say(anne, { type: "plan.review", planId: plan.id, version: 1, action: "disagree" }), {
      comment: flaggedOnce("Fristen for hjemmekontor er for kort."),
    });
    expect(textOf(all)).toMatch(/Det du er uenig i ved versjon 1, er registrert/);
    const version = await db.db.planVersion.findFirstOrThrow({ where: { planId: plan.id, version: 1 } });
    expect(version.disagreement).toBe("Fristen for hjemmekontor er for kort.");
    expect(version.content).not.toMatch(HEALTH);
    for (const s of await db.db.dialogueSession.findMany({ where: { dialogueId: "plan_disagreement" } })) expect(s.state).not.toMatch(HEALTH);
    expect(textOf(await takeInbox(db.db, [lise.id]))).not.toMatch(HEALTH);
  }, 60_000);

  it("removes what an older version kept: the leader's private text in sessions, the plan's draft and its versions", async () => {
    const snap = (answeredBy: "employee" | "leader", dialogueId: string, value: string, isPrivate: boolean) => ({
      questionId: "previousFacilitation", label: "Hva er prøvd?", required: true, value, display: value, private: isPrivate, dialogueId, dialogueVersion: 1, answeredBy, locale: "nb",
    });
    const leaderState = { dialogueId: "leader_followup", dialogueVersion: 1, status: "completed", stepId: "summary", answers: { previousFacilitation: FLAGGED, followUp: "Ukentlig prat" }, history: [], privateAnswers: ["previousFacilitation"], prefill: {}, listContext: {}, startedOn: "2026-11-30", updatedOn: "2026-11-30" };
    const session = await db.db.dialogueSession.create({
      data: { personId: lise.id, subjectId: anne.id, dialogueId: "leader_followup", dialogueVersion: 1, status: "completed", state: JSON.stringify(leaderState), expiresAt: new Date("2026-12-14T09:00:00Z") },
    });
    const content = JSON.stringify({ snapshots: { employee: [snap("employee", "employee_followup", "min migrene", true)], leader: [snap("leader", "leader_followup", FLAGGED, true), snap("leader", "leader_followup", "Ukentlig prat", false)] } });
    const plan = await db.db.plan.findFirstOrThrow({ where: { employeeId: anne.id } });
    await db.db.plan.update({ where: { id: plan.id }, data: { draft: content, latestVersion: 1 } });
    const version = await db.db.planVersion.create({ data: { planId: plan.id, version: 1, content, reviewStatus: "confirmed" } });

    const report = await runRetention(ctx, new Date("2026-12-01T03:00:00Z"));
    expect(report.privateTextRemoved).toBe(3);
    const after = await db.db.dialogueSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.state).not.toMatch(HEALTH);
    expect(JSON.parse(after.state).answers).toEqual({ followUp: "Ukentlig prat" });
    for (const json of [(await db.db.plan.findUniqueOrThrow({ where: { id: plan.id } })).draft!, (await db.db.planVersion.findUniqueOrThrow({ where: { id: version.id } })).content]) {
      expect(json).not.toMatch(HEALTH);
      const parsed = JSON.parse(json) as { snapshots: { employee: unknown[]; leader: Array<{ value: string }> } };
      // Anne's own private answer is hers to keep; the leader's other answers stay.
      expect(parsed.snapshots.employee).toHaveLength(1);
      expect(parsed.snapshots.leader.map((s) => s.value)).toEqual(["Ukentlig prat"]);
    }
    const audited = await db.db.auditLog.findMany({ where: { detail: { contains: "privacy.removePrivateText" } } });
    expect(audited).toHaveLength(3);
    for (const a of audited) expect(a.detail).not.toMatch(HEALTH);
    expect((await runRetention(ctx, new Date("2026-12-02T03:00:00Z"))).privateTextRemoved).toBe(0);
  }, 60_000);
});
