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
});
