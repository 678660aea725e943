// Named leases in the database (the Lease table): whoever holds an unexpired lease
// does the work, so periodic jobs run in one process at a time across every process
// on the same database. A job keeps its lease until its next slot once it has run,
// which makes "already done for this slot" and "someone is on it" the same check.
import type { Db } from "../../db/client.js";
import type { Lease } from "../../generated/prisma/client.js";
import { isUniqueViolation } from "../../db/errors.js";

/** Takes the lease if it is free (missing or expired); true when we hold it now. */
export async function tryAcquireLease(db: Db, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  // One conditional UPDATE: SQLite serializes writers, so of two processes only one matches.
  const taken = await db.lease.updateMany({ where: { name, expiresAt: { lte: now } }, data: { holder, expiresAt } });
  if (taken.count === 1) return true;
  try {
    await db.lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Keeps the lease (ours only) until `until`, recording the job's progress. */
export async function holdLeaseUntil(db: Db, name: string, holder: string, until: Date, watermark?: Date): Promise<boolean> {
  const updated = await db.lease.updateMany({ where: { name, holder }, data: { expiresAt: until, ...(watermark ? { watermark } : {}) } });
  return updated.count === 1;
}

export async function readLease(db: Db, name: string): Promise<Lease | null> {
  return db.lease.findUnique({ where: { name } });
}
