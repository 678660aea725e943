// Picking up changes made by other processes (`cli absence add`, `cli directory import`,
// `cli chat`, a second server) without scanning every person: one SQL statement reads
// the rows changed since a stored watermark through updatedAt/createdAt indexes, maps
// them to the persons whose reminders they affect, and keeps those whose last planning
// (Person.remindersPlannedAt) is older than the change.
import { Prisma } from "../../generated/prisma/client.js";
import { dialectOf, type Dialect } from "../../db/client.js";
import type { AppContext } from "../context.js";
import type { ReminderPlanner } from "./planner.js";

/** The Lease row whose watermark is "changes up to here have been looked at". */
export const CHANGES_LEASE = "scheduler:changes";

/**
 * How far back each look reaches past the watermark: a transaction that wrote its
 * updatedAt just before the watermark but committed after it is still seen. Persons
 * already planned after their change are filtered out, so the overlap costs nothing.
 */
export const CHANGE_OVERLAP_MS = 60_000;
/** With nothing to do, the watermark still moves at least this often (keeps the look short). */
const IDLE_ADVANCE_MS = 5 * 60_000;

export interface ChangedPerson {
  id: string;
  changedAt: Date;
}

// Each branch is a range scan on an index added for it (migration 20261122020000_scheduler).
// MilestoneState.setAt is written with the conversation's clock, so it only counts when it
// is not in the future (a simulated clock must not keep a person "changed" forever).
// Identifiers are quoted: PostgreSQL folds unquoted names (and aliases) to lower case.
export function changedSql(since: Date, setAtLimit: Date, limit: number, dialect: Dialect): Prisma.Sql {
  const s = since;
  // On SQLite, CROSS JOIN keeps the (few) changed persons as the outer loop: Person is looked
  // up by id, never scanned. PostgreSQL's planner does that by itself (and has no CROSS JOIN … ON).
  const join = dialect === "sqlite" ? Prisma.raw("CROSS JOIN") : Prisma.raw("JOIN");
  return Prisma.sql`
SELECT g."pid" AS "id", g."changedAt" AS "changedAt"
FROM (
  SELECT c."pid" AS "pid", MAX(c."at") AS "changedAt"
  FROM (
    SELECT "personId" AS "pid", "updatedAt" AS "at" FROM "AbsencePeriod" WHERE "updatedAt" > ${s}
    UNION ALL SELECT "id", "updatedAt" FROM "Person" WHERE "updatedAt" > ${s}
    UNION ALL SELECT r."id", l."updatedAt" FROM "Person" l JOIN "Person" r ON r."leaderId" = l."id" WHERE l."updatedAt" > ${s}
    UNION ALL SELECT "employeeId", "updatedAt" FROM "Plan" WHERE "updatedAt" > ${s}
    UNION ALL SELECT p."employeeId", m."updatedAt" FROM "Measure" m JOIN "Plan" p ON p."id" = m."planId" WHERE m."updatedAt" > ${s}
    UNION ALL SELECT "personId", "updatedAt" FROM "DialogueSession" WHERE "updatedAt" > ${s}
    UNION ALL SELECT "personId", "createdAt" FROM "Consent" WHERE "createdAt" > ${s}
    UNION ALL SELECT k."personId", st."setAt" FROM "MilestoneState" st JOIN "SickCase" k ON k."id" = st."caseId" WHERE st."setAt" > ${s} AND st."setAt" <= ${setAtLimit}
    UNION ALL SELECT r."id", ls."createdAt" FROM "LeaderSubstitution" ls JOIN "Person" r ON r."leaderId" = ls."leaderId" WHERE ls."createdAt" > ${s}
    UNION ALL SELECT r."id", ls."endedAt" FROM "LeaderSubstitution" ls JOIN "Person" r ON r."leaderId" = ls."leaderId" WHERE ls."endedAt" > ${s}
  ) c
  GROUP BY c."pid"
) g
${join} "Person" p ON p."id" = g."pid"
WHERE p."remindersPlannedAt" IS NULL OR p."remindersPlannedAt" < g."changedAt"
ORDER BY g."changedAt"
LIMIT ${limit}`;
}

function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export async function changedPersons(ctx: AppContext, since: Date, realNow: Date, limit: number): Promise<ChangedPerson[]> {
  const sql = changedSql(since, new Date(realNow.getTime() + 60_000), limit, dialectOf(ctx.db));
  const rows = await ctx.db.$queryRaw<Array<{ id: string; changedAt: unknown }>>(sql);
  return rows.map((r) => ({ id: r.id, changedAt: asDate(r.changedAt) }));
}

/** Persons whose reminders matter although nothing changed lately: open cases, agreed measures, open dialogues. */
export async function personsToBootstrap(ctx: AppContext): Promise<string[]> {
  const { db } = ctx;
  const [cases, sessions, measures] = await Promise.all([
    db.sickCase.findMany({ where: { open: true, voidedAt: null }, select: { personId: true } }),
    db.dialogueSession.findMany({ where: { status: "active" }, select: { personId: true } }),
    db.measure.findMany({ where: { status: "agreed", dueDate: { not: null } }, select: { plan: { select: { employeeId: true } } } }),
  ]);
  return [...new Set([...cases.map((c) => c.personId), ...sessions.map((s) => s.personId), ...measures.map((m) => m.plan.employeeId)])];
}

export interface ChangeScan {
  replanned: number;
  /** More changed persons wait for the next tick. */
  more: boolean;
  bootstrapped: boolean;
}

/**
 * Re-plans persons changed since the watermark (at most `limit`), then moves the watermark.
 * The first run on a database plans everyone who has something to be reminded of.
 */
export async function replanChanged(ctx: AppContext, planner: ReminderPlanner, options: { now: Date; limit: number }): Promise<ChangeScan> {
  const { db } = ctx;
  const realNow = new Date();
  const lease = await db.lease.findUnique({ where: { name: CHANGES_LEASE } });
  if (!lease?.watermark) {
    // Set the watermark first: changes made while we bootstrap are seen by the next tick.
    const mark = new Date(realNow.getTime() - CHANGE_OVERLAP_MS);
    await db.lease.upsert({ where: { name: CHANGES_LEASE }, create: { name: CHANGES_LEASE, holder: "watermark", expiresAt: realNow, watermark: mark }, update: { watermark: mark } });
    const everyone = await personsToBootstrap(ctx);
    for (const id of everyone) await planner.replan(id, options.now);
    return { replanned: everyone.length, more: false, bootstrapped: true };
  }
  const since = new Date(lease.watermark.getTime() - CHANGE_OVERLAP_MS);
  const changed = await changedPersons(ctx, since, realNow, options.limit + 1);
  const batch = changed.slice(0, options.limit);
  for (const person of batch) await planner.replan(person.id, options.now);
  const more = changed.length > options.limit;
  // All seen: everything up to (now − overlap) is done. Otherwise continue after the last one.
  const next = more ? batch[batch.length - 1]!.changedAt : new Date(realNow.getTime() - CHANGE_OVERLAP_MS);
  if (next.getTime() > lease.watermark.getTime() && (batch.length > 0 || next.getTime() - lease.watermark.getTime() >= IDLE_ADVANCE_MS)) {
    // Only forward, whoever else moved it meanwhile.
    await db.lease.updateMany({ where: { name: CHANGES_LEASE, watermark: { lt: next } }, data: { watermark: next } });
  }
  return { replanned: batch.length, more, bootstrapped: false };
}
