// The dispatcher's raw reads give the model's rows: people by id (src/db/rows.ts) and the
// claimed outbox rows (RETURNING, src/db/claims.ts) equal what Prisma's typed reads return,
// every field set, on SQLite and on PostgreSQL.
import { afterAll, describe, expect, it } from "vitest";
import { peopleByIds } from "../../src/db/rows.js";
import { claimOutboxRows } from "../../src/db/claims.js";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";

let tmp: TempDb | undefined;
afterAll(async () => {
  await tmp?.dispose();
});

describe("raw reads of whole rows", () => {
  it("read people and claimed outbox rows exactly as Prisma types them", async () => {
    tmp = await createTempDb();
    const { db } = tmp;
    const leader = await db.person.create({ data: { email: "lise@firma.test", name: "Lise" } });
    const anne = await db.person.create({
      data: {
        email: "anne@firma.test",
        name: "Anne",
        locale: "en",
        timeZone: "Europe/Stockholm",
        jurisdiction: "SE",
        roles: "hr",
        phone: "+46 70 123 45 67",
        leaderId: leader.id,
        slackUserId: "U1",
        slackTeamId: "T1",
        slackDmChannel: "D1",
        teamsUserId: "29:1",
        teamsTenantId: "tenant",
        teamsConversationRef: "{}",
        unreachableSince: new Date("2026-03-01T10:00:00.123Z"),
        unreachableReason: "blocked",
        contactPreferences: "{}",
        remindersPlannedAt: new Date("2026-03-02T10:00:00.456Z"),
      },
    });
    const raw = await peopleByIds(db, [anne.id, leader.id, "nobody", anne.id]);
    const typed = await db.person.findMany({ where: { id: { in: [anne.id, leader.id] } } });
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(raw)).toEqual(byId(typed));

    const now = new Date("2026-03-04T09:00:00.000Z");
    await db.outbox.create({
      data: { idempotencyKey: "k1", kind: "nudge", recipientId: anne.id, payload: "{}", dueAt: new Date(now.getTime() - 1000), caseId: "c", milestoneId: "m", measureId: "x", subjectId: anne.id, attempts: 2, lastError: "e" },
    });
    await db.outbox.create({ data: { idempotencyKey: "k2", kind: "change_notice", recipientId: leader.id, payload: "{}", dueAt: new Date(now.getTime() - 2000) } });
    const claimed = await claimOutboxRows(db, { now, limit: 10, leaseMs: 60_000, token: "t" });
    const stored = await db.outbox.findMany({ where: { claimedBy: "t" }, orderBy: { dueAt: "asc" } });
    expect(claimed.map((r) => r.idempotencyKey)).toEqual(["k2", "k1"]);
    expect(claimed).toEqual(stored);
  });
});
