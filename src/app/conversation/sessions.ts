// Dialogue sessions in the database. A session is one person's run through one
// dialogue; its engine state is JSON. Saving checks the revision it was read at,
// so two processes cannot both apply an answer to the same state.
import type { Db } from "../../db/client.js";
import type { DialogueSession } from "../../generated/prisma/client.js";
import type { SessionState } from "../../domain/dialogue/state.js";

export type SessionRow = DialogueSession;

export class ConcurrentSessionUpdate extends Error {
  constructor(readonly sessionId: string) {
    super(`Session ${sessionId} was changed by someone else`);
  }
}

export function stateOf(row: SessionRow): SessionState {
  return JSON.parse(row.state) as SessionState;
}

export async function createSession(
  db: Db,
  data: { personId: string; subjectId: string; caseId: string | null; state: SessionState; now: Date; ttlDays: number },
): Promise<SessionRow> {
  return db.dialogueSession.create({
    data: {
      personId: data.personId,
      subjectId: data.subjectId,
      caseId: data.caseId,
      dialogueId: data.state.dialogueId,
      dialogueVersion: data.state.dialogueVersion,
      status: data.state.status,
      state: JSON.stringify(data.state),
      lastActivityAt: data.now,
      expiresAt: expiry(data.now, data.ttlDays),
    },
  });
}

/** Saves a new state if nobody saved since `row` was read; throws ConcurrentSessionUpdate otherwise. */
export async function saveSession(db: Db, row: SessionRow, state: SessionState, now: Date, ttlDays: number): Promise<SessionRow> {
  const updated = await db.dialogueSession.updateMany({
    where: { id: row.id, revision: row.revision },
    data: {
      state: JSON.stringify(state),
      status: state.status,
      revision: row.revision + 1,
      lastActivityAt: now,
      expiresAt: expiry(now, ttlDays),
      // Activity resets the "you stopped at step N" reminders.
      remindersSent: 0,
    },
  });
  if (updated.count !== 1) throw new ConcurrentSessionUpdate(row.id);
  return db.dialogueSession.findUniqueOrThrow({ where: { id: row.id } });
}

/** The person's active session of a dialogue about a subject, if any. */
export async function findActive(db: Db, personId: string, dialogueId: string, subjectId: string): Promise<SessionRow | null> {
  return db.dialogueSession.findFirst({
    where: { personId, dialogueId, subjectId, status: "active" },
    orderBy: { lastActivityAt: "desc" },
  });
}

/** The session a typed line most likely answers: the one the person touched last. */
export async function latestActive(db: Db, personId: string): Promise<SessionRow | null> {
  return db.dialogueSession.findFirst({ where: { personId, status: "active" }, orderBy: { lastActivityAt: "desc" } });
}

/** Marks the person's overdue sessions expired and returns them (to tell the person). */
export async function expireStale(db: Db, now: Date, personId?: string): Promise<SessionRow[]> {
  const stale = await db.dialogueSession.findMany({ where: { status: "active", expiresAt: { lt: now }, ...(personId ? { personId } : {}) } });
  if (stale.length === 0) return [];
  await db.dialogueSession.updateMany({ where: { id: { in: stale.map((s) => s.id) }, status: "active" }, data: { status: "expired" } });
  // Flagged text nobody decided on is not kept in an expired session (retention deletes the rest later).
  for (const row of stale) {
    const state = stateOf(row);
    if (!state.pendingGuard) continue;
    delete state.pendingGuard;
    await db.dialogueSession.updateMany({ where: { id: row.id, status: "expired" }, data: { state: JSON.stringify(state) } });
  }
  return stale;
}

export async function latestCompleted(db: Db, dialogueId: string, subjectId: string, since?: Date): Promise<SessionRow | null> {
  return db.dialogueSession.findFirst({
    where: { dialogueId, subjectId, status: "completed", ...(since ? { updatedAt: { gte: since } } : {}) },
    orderBy: { updatedAt: "desc" },
  });
}

function expiry(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * 86_400_000);
}
