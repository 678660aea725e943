// Claiming due outbox rows, in the statement each dialect needs. A claim is one UPDATE
// that picks the due rows and marks them with a token and a lease expiry, so two
// processes on one database never take the same row:
// - SQLite serializes writers: the sub-select and the update run as one write.
// - PostgreSQL runs them concurrently: `FOR UPDATE SKIP LOCKED` lets each process lock
//   the rows it picks and skip the ones another is claiming at that moment, so replicas
//   claim different rows side by side instead of queueing behind each other (and a row
//   whose claim commits meanwhile is re-checked by its WHERE before it is taken).
// The rows are then read back by token through the client, so they have Prisma's types.
import { Prisma } from "../generated/prisma/client.js";
import type { Outbox } from "../generated/prisma/client.js";
import { dialectOf, type Db } from "./client.js";

export interface OutboxClaim {
  now: Date;
  limit: number;
  leaseMs: number;
  /** Marks the rows as ours (Outbox.claimedBy). */
  token: string;
  /** Only rows for this target (and kind), or for any target but this one. */
  scope?: { target: string; kind?: string } | { targetNot: string };
}

function scopeSql(scope: OutboxClaim["scope"]): Prisma.Sql {
  if (!scope) return Prisma.empty;
  if ("targetNot" in scope) return Prisma.sql`AND "target" <> ${scope.targetNot}`;
  return scope.kind === undefined ? Prisma.sql`AND "target" = ${scope.target}` : Prisma.sql`AND "target" = ${scope.target} AND "kind" = ${scope.kind}`;
}

/**
 * Claims up to `limit` rows that are due (pending with dueAt ≤ now) or whose claim ran out
 * (a process died between claim and send), oldest due first. Resolves to the claimed rows.
 */
export async function claimOutboxRows(db: Db, claim: OutboxClaim): Promise<Outbox[]> {
  const { now, limit, leaseMs, token, scope } = claim;
  const until = new Date(now.getTime() + leaseMs);
  const lock = dialectOf(db) === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const claimed = await db.$executeRaw`
    UPDATE "Outbox" SET "status" = 'claimed', "claimedBy" = ${token}, "claimedUntil" = ${until}, "updatedAt" = ${new Date()}
    WHERE "id" IN (
      SELECT "id" FROM "Outbox"
      WHERE (("status" = 'pending' AND "dueAt" <= ${now}) OR ("status" = 'claimed' AND "claimedUntil" < ${now})) ${scopeSql(scope)}
      ORDER BY "dueAt" ASC
      LIMIT ${limit}
      ${lock}
    )`;
  if (claimed === 0) return [];
  return db.outbox.findMany({ where: { claimedBy: token, status: "claimed" }, orderBy: { dueAt: "asc" } });
}
