// The durable outbox: everything the bot says on its own initiative (a leader's
// notice, a plan to review, a nudge, an ARR summary) is first a row here. The row's
// idempotency key makes creating it safe to repeat; the dispatcher sends it once.
import type { Db } from "../../db/client.js";
import type { Outbox } from "../../generated/prisma/client.js";
import { isUniqueViolation } from "../../db/errors.js";

/** What to say, rendered at send time in the recipient's language (`template` names its kind, src/app/notify/kinds/). */
export interface NotificationPayload {
  template: string;
  params: Record<string, unknown>;
}

export interface OutboxItem {
  key: string;
  kind: string;
  recipientId?: string;
  target?: "person" | "arr" | "job";
  payload: NotificationPayload;
  dueAt: Date;
  caseId?: string;
  milestoneId?: string;
  measureId?: string;
  /** The person whose planned reminders this row belongs to (set by the scheduler's planner). */
  subjectId?: string;
}

/** Creates the row unless one with the same key exists; true when created. */
export async function enqueue(db: Pick<Db, "outbox">, item: OutboxItem): Promise<boolean> {
  const existing = await db.outbox.findUnique({ where: { idempotencyKey: item.key }, select: { id: true } });
  if (existing) return false;
  try {
    await db.outbox.create({
      data: {
        idempotencyKey: item.key,
        kind: item.kind,
        recipientId: item.recipientId ?? null,
        target: item.target ?? "person",
        payload: JSON.stringify(item.payload),
        dueAt: item.dueAt,
        caseId: item.caseId ?? null,
        milestoneId: item.milestoneId ?? null,
        measureId: item.measureId ?? null,
        subjectId: item.subjectId ?? null,
      },
    });
    return true;
  } catch (error) {
    // Another process created the same key between our check and insert: that is the point of the key.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export function payloadOf(row: Pick<Outbox, "payload">): NotificationPayload {
  return JSON.parse(row.payload) as NotificationPayload;
}
