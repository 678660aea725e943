// The daily retention job: unfinished dialogue drafts go 4 months after their last
// change, plans are hidden from the leader 6 months after the case's last sick day,
// and the audit log says the scheduler did it.
import { afterEach, describe, expect, it } from "vitest";
import { createWorld, oslo, type World } from "./helpers.js";
import { runRetention } from "../../src/app/reminders/retention.js";

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe("retention", () => {
  it("deletes drafts 4 months after their last change and hides plans 6 months after the case ended", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const { db } = w.tmp;
    const lina = await w.person("lina");
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    const session = (status: string, lastActivityAt: Date) =>
      db.dialogueSession.create({
        data: { personId: ola.id, subjectId: ola.id, dialogueId: "employee_followup", dialogueVersion: 1, status, state: "{}", lastActivityAt, expiresAt: new Date(lastActivityAt.getTime() + 14 * 86_400_000) },
      });
    const old = await session("active", oslo("2026-01-10", "10:00"));
    const oldExpired = await session("expired", oslo("2026-01-09", "10:00"));
    const recent = await session("active", oslo("2026-01-20", "10:00"));
    const done = await session("completed", oslo("2026-01-02", "10:00"));

    // A case from 5 to 30 January 2026, with its plan.
    await w.act(ola, { type: "report.submit", start: "2026-01-05", end: "2026-01-30", grade: 100, document: "sykmelding" });
    const sickCase = await db.sickCase.findFirstOrThrow({ where: { personId: ola.id } });
    const plan = await db.plan.create({ data: { employeeId: ola.id, caseId: sickCase.id, status: "active" } });

    // 11 May 03:00: 4 months after 10 January has passed, not yet after 20 January.
    await w.advanceTo(oslo("2026-05-11", "03:00"));
    expect((await db.dialogueSession.findMany({ orderBy: { lastActivityAt: "asc" } })).map((s) => s.id).sort()).toEqual([done.id, recent.id].sort());
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).hiddenFromLeaderAt).toBeNull();

    // 29 July: not yet 6 months after the last sick day (30 January); 30 July: hidden.
    await w.advanceTo(oslo("2026-07-29", "03:00"));
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).hiddenFromLeaderAt).toBeNull();
    await w.advanceTo(oslo("2026-07-30", "03:00"));
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).hiddenFromLeaderAt?.toISOString()).toBe(oslo("2026-07-30", "03:00").toISOString());
    expect(await db.dialogueSession.count({ where: { id: recent.id } })).toBe(0); // its 4 months came in May

    const audit = await db.auditLog.findMany({ where: { actorLabel: "scheduler" }, orderBy: { at: "asc" } });
    expect(audit.map((a) => `${a.entity} ${a.entityId} ${a.subjectId} ${a.action}`).sort()).toEqual(
      [`dialogue ${old.id} ${ola.id} change`, `dialogue ${oldExpired.id} ${ola.id} change`, `dialogue ${recent.id} ${ola.id} change`, `plan ${plan.id} ${ola.id} change`].sort(),
    );
    expect(JSON.parse(audit.find((a) => a.entity === "plan")!.detail!)).toEqual({ op: "retention.hideFromLeader", caseEnd: "2026-01-30" });
    // Running again changes nothing and audits nothing twice.
    await w.advanceTo(oslo("2026-07-31", "03:00"));
    expect(await db.auditLog.count({ where: { actorLabel: "scheduler" } })).toBe(4);
  });

  it("forgets the ids of platform deliveries after a week (they only guard against retries)", async () => {
    world = await createWorld(oslo("2026-03-10", "09:00"));
    const { db } = world.tmp;
    await db.processedEvent.create({ data: { key: "slack:event:old", createdAt: oslo("2026-03-02", "09:00") } });
    await db.processedEvent.create({ data: { key: "slack:event:recent", createdAt: oslo("2026-03-09", "09:00") } });
    const report = await runRetention(world.ctx, oslo("2026-03-10", "09:00"));
    expect(report.processedEventsPruned).toBe(1);
    expect((await db.processedEvent.findMany()).map((e) => e.key)).toEqual(["slack:event:recent"]);
  });

  it("deletes plans, their versions and one-sided drafts PLAN_RETENTION_MONTHS after the case ended, and audits it", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const { db } = w.tmp;
    const lina = await w.person("lina");
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    const kim = await w.person("kim", { leaderId: lina.id, slackUserId: null });
    await w.act(ola, { type: "report.submit", start: "2026-01-05", end: "2026-01-30", grade: 100, document: "sykmelding" });
    await w.act(kim, { type: "report.submit", start: "2026-01-05", end: "2026-02-27", grade: 100, document: "sykmelding" });
    const olaCase = await db.sickCase.findFirstOrThrow({ where: { personId: ola.id } });
    const kimCase = await db.sickCase.findFirstOrThrow({ where: { personId: kim.id } });
    // Ola's plan has two versions and a measure; Kim's only a one-sided draft (Kim answered, the leader never did).
    const olaPlan = await db.plan.create({ data: { employeeId: ola.id, caseId: olaCase.id, status: "active", latestVersion: 2, draft: "{}" } });
    for (const version of [1, 2]) await db.planVersion.create({ data: { planId: olaPlan.id, version, content: "{}", reviewStatus: "confirmed" } });
    await db.measure.create({ data: { planId: olaPlan.id, key: "m1", title: "Hjemmekontor", status: "agreed" } });
    const kimPlan = await db.plan.create({ data: { employeeId: kim.id, caseId: kimCase.id, draft: "{}" } });
    const answers = await db.dialogueSession.create({
      data: { personId: kim.id, subjectId: kim.id, caseId: kimCase.id, dialogueId: "employee_followup", dialogueVersion: 1, status: "completed", state: "{}", lastActivityAt: oslo("2026-01-20"), expiresAt: oslo("2026-02-03") },
    });

    // The default is 12 months: 29 January 2027 is a day early for Ola, 30 January is the day.
    expect(w.ctx.config.PLAN_RETENTION_MONTHS).toBe(12);
    expect((await runRetention(w.ctx, oslo("2027-01-29", "03:00"))).plansDeleted).toBe(0);
    expect((await runRetention(w.ctx, oslo("2027-01-30", "03:00"))).plansDeleted).toBe(1);
    expect(await db.plan.count({ where: { id: olaPlan.id } })).toBe(0);
    expect(await db.planVersion.count({ where: { planId: olaPlan.id } })).toBe(0);
    expect(await db.measure.count({ where: { planId: olaPlan.id } })).toBe(0);
    expect(await db.plan.count({ where: { id: kimPlan.id } })).toBe(1);
    // Kim's draft and the answers it was made from go when Kim's case is 12 months over.
    expect((await runRetention(w.ctx, oslo("2027-02-27", "03:00"))).plansDeleted).toBe(1);
    expect(await db.plan.count()).toBe(0);
    expect(await db.dialogueSession.count({ where: { id: answers.id } })).toBe(0);
    expect((await runRetention(w.ctx, oslo("2027-02-28", "03:00"))).plansDeleted).toBe(0);

    const deletions = await db.auditLog.findMany({ where: { actorLabel: "scheduler", entity: "plan", detail: { contains: "retention.deletePlan" } }, orderBy: { at: "asc" } });
    expect(deletions.map((a) => [a.subjectId, a.entityId, JSON.parse(a.detail!)])).toEqual([
      [ola.id, olaPlan.id, { op: "retention.deletePlan", caseEnd: "2026-01-30", versions: 2, oneSidedDraft: false, dialogues: 0 }],
      [kim.id, kimPlan.id, { op: "retention.deletePlan", caseEnd: "2026-02-27", versions: 0, oneSidedDraft: true, dialogues: 1 }],
    ]);
  });

  it("reads the period from PLAN_RETENTION_MONTHS and refuses one shorter than the leader's 6 months", async () => {
    const { loadConfig, ConfigError } = await import("../../src/config/env.js");
    expect(loadConfig({ PLAN_RETENTION_MONTHS: "24" }).PLAN_RETENTION_MONTHS).toBe(24);
    expect(() => loadConfig({ PLAN_RETENTION_MONTHS: "3" })).toThrow(ConfigError);
    expect(() => loadConfig({ PLAN_RETENTION_MONTHS: "3" })).toThrow(/PLAN_RETENTION_MONTHS: must be at least 6/);
    expect(() => loadConfig({ PLAN_RETENTION_MONTHS: "a year" })).toThrow(/PLAN_RETENTION_MONTHS/);
  });
});
