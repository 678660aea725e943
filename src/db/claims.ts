// Claiming due outbox rows, in the statement each dialect needs. A claim is one UPDATE
// that picks the due rows and marks them with a token and a lease expiry, so two
// processes on one database never take the same row:
// - SQLite serializes writers: the sub-select and the update run as one write.
// - PostgreSQL runs them concurrently: `FOR UPDATE SKIP LOCKED` lets each process lock
//   the rows it picks and skip the ones another is claiming at that moment, so replicas
//   claim different rows side by side instead of queueing behind each other (and a row
//   whose claim commits meanwhile is re-checked by its WHERE before it is taken).
// The claimed rows come back from the UPDATE itself (RETURNING).
import { Prisma } from "../generated/prisma/client.js";
import type { Inbox, Outbox } from "../generated/prisma/client.js";
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
  const due = Prisma.sql`(("status" = 'pending' AND "dueAt" <= ${now}) OR ("status" = 'claimed' AND "claimedUntil" < ${now})) ${scopeSql(scope)}`;
  // Most claims find nothing (every command asks whether it left something to send): a read
  // says so without the write lock the UPDATE takes. A row that falls due just after it is
  // the next claim's, as it would be had the UPDATE run a moment earlier.
  const [anyDue] = await db.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Outbox" WHERE ${due} LIMIT 1`;
  if (!anyDue) return [];
  // RETURNING hands back the claimed rows (SQLite ≥ 3.35 and PostgreSQL): no second read, and
  // a raw row costs a fraction of what Prisma's typed read of the same rows does. The columns
  // are the model's fields (no @map in the schema), typed by the drivers (dates as Date).
  const claimed = await db.$queryRaw<Outbox[]>`
    UPDATE "Outbox" SET "status" = 'claimed', "claimedBy" = ${token}, "claimedUntil" = ${until}, "updatedAt" = ${new Date()}
    WHERE "id" IN (
      SELECT "id" FROM "Outbox"
      WHERE ${due}
      ORDER BY "dueAt" ASC
      LIMIT ${limit}
      ${lock}
    )
    RETURNING *`;
  // RETURNING keeps no order: oldest due first, as claimed.
  return claimed.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface InboxClaim {
  channel: string;
  now: Date;
  limit: number;
  leaseMs: number;
  /** Marks the rows as ours (Inbox.claimedBy). */
  token: string;
  /** Also look for rows whose lease ran out (default true; a worker does so once per poll, not at every claim). */
  expired?: boolean;
}

/**
 * Claims up to `limit` inbox rows of one channel, each the oldest unfinished row of its
 * partition (so one person's work runs one row at a time, in arrival order): first rows whose
 * processing lease ran out (a process died while processing them), then pending rows whose
 * retry time has come, walked in arrival order along the (channel, status, id) index so the
 * statement stops at the first heads it finds instead of sorting the whole backlog. A claim
 * counts as an attempt. Resolves to the claimed rows.
 * On PostgreSQL a row another replica is claiming is skipped; the later rows of its partition
 * stay out because the NOT EXISTS still sees the head pending or processing.
 */
export async function claimInboxRows(db: Db, claim: InboxClaim): Promise<Inbox[]> {
  const { channel, now, limit, leaseMs, token } = claim;
  const until = new Date(now.getTime() + leaseMs);
  const lock = dialectOf(db) === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const head = Prisma.sql`NOT EXISTS (
          SELECT 1 FROM "Inbox" AS "o"
          WHERE "o"."partition" = "r"."partition" AND "o"."id" < "r"."id" AND "o"."status" IN ('pending', 'processing')
        )`;
  const take = (which: Prisma.Sql, n: number) => db.$executeRaw`
    UPDATE "Inbox" SET "status" = 'processing', "claimedBy" = ${token}, "leaseUntil" = ${until}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "r"."id" FROM "Inbox" AS "r"
      WHERE "r"."channel" = ${channel} AND ${which} AND ${head}
      ORDER BY "r"."id" ASC
      LIMIT ${n}
      ${lock}
    )`;
  let claimed = claim.expired === false ? 0 : await take(Prisma.sql`"r"."status" = 'processing' AND "r"."leaseUntil" < ${now}`, limit);
  if (claimed < limit) claimed += await take(Prisma.sql`"r"."status" = 'pending' AND ("r"."leaseUntil" IS NULL OR "r"."leaseUntil" <= ${now})`, limit - claimed);
  if (claimed === 0) return [];
  return db.inbox.findMany({ where: { claimedBy: token, status: "processing" }, orderBy: { id: "asc" } });
}

export interface NewInboxRow {
  channel: string;
  dedupeKey: string;
  partition: string;
  payload: string;
  status: "pending" | "processing";
  attempts: number;
  claimedBy: string | null;
  leaseUntil: Date | null;
}

/** Rows per INSERT: 9 parameters each, well inside SQLite's and PostgreSQL's limits. */
const INSERT_CHUNK = 500;

/**
 * Stores inbox rows with as few statements as there are chunks of 500: one INSERT … ON CONFLICT
 * ("dedupeKey") DO NOTHING each, atomic on its own. Resolves to the keys it stored (a key that
 * was there already, or twice in the rows, is stored once).
 */
export async function insertInboxRows(db: Db, rows: readonly NewInboxRow[], now: Date): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const values = rows
      .slice(i, i + INSERT_CHUNK)
      .map((r) => Prisma.sql`(${r.channel}, ${r.dedupeKey}, ${r.partition}, ${r.payload}, ${r.status}, ${r.attempts}, ${r.claimedBy}, ${r.leaseUntil}, ${now})`);
    const inserted = await db.$queryRaw<Array<{ dedupeKey: string }>>`
      INSERT INTO "Inbox" ("channel", "dedupeKey", "partition", "payload", "status", "attempts", "claimedBy", "leaseUntil", "createdAt")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "dedupeKey"`;
    for (const { dedupeKey } of inserted) stored.add(dedupeKey);
  }
  return stored;
}

/**
 * Marks processed inbox rows done in one statement: each only while it is still processing
 * under the claim that processed it (a row whose lease ran out and was taken over elsewhere
 * is left to its new owner).
 */
export async function markInboxRowsDone(db: Db, rows: ReadonlyArray<{ id: number; claimedBy: string }>, now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const pairs = Prisma.join(rows.map(({ id, claimedBy }) => Prisma.sql`("id" = ${id} AND "claimedBy" = ${claimedBy})`), " OR ");
  return db.$executeRaw`
    UPDATE "Inbox" SET "status" = 'done', "processedAt" = ${now}, "leaseUntil" = NULL, "lastError" = NULL
    WHERE "status" = 'processing' AND (${pairs})`;
}
