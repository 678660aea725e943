// What the scheduler planned and sent, for operators (`cli reminders list`): the
// Outbox rows with who they go to, through which channel, and what became of them.
import type { Prisma } from "../../generated/prisma/client.js";
import type { Db } from "../../db/client.js";
import { payloadOf } from "../notify/outbox.js";

export interface ReminderListRow {
  id: string;
  key: string;
  kind: string;
  status: string;
  milestoneId: string | null;
  measureId: string | null;
  measure: string | null;
  caseId: string | null;
  /** "person" or "arr" (the ARR channel). */
  target: string;
  recipientId: string | null;
  recipientEmail: string | null;
  /** The recipient's time zone (null for the ARR channel), for showing times as they saw them. */
  recipientTimeZone: string | null;
  channel: string | null;
  dueAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
}

export interface ListOptions {
  /** Rows to or about this person (recipient, or the person whose reminders they are). */
  personId?: string;
  /** Only rows that failed: parked, or pending again after an error. */
  failed?: boolean;
  /** 0 = no limit. */
  limit?: number;
}

export async function listReminders(db: Db, options: ListOptions = {}): Promise<{ rows: ReminderListRow[]; total: number }> {
  const where: Prisma.OutboxWhereInput = {
    ...(options.personId ? { OR: [{ recipientId: options.personId }, { subjectId: options.personId }] } : {}),
    ...(options.failed ? { AND: [{ OR: [{ status: "parked" }, { status: { in: ["pending", "claimed"] }, attempts: { gt: 0 } }] }] } : {}),
  };
  const limit = options.limit ?? 500;
  const [rows, total] = await Promise.all([
    db.outbox.findMany({ where, orderBy: [{ dueAt: "asc" }, { id: "asc" }], ...(limit > 0 ? { take: limit } : {}) }),
    db.outbox.count({ where }),
  ]);
  const personIds = [...new Set(rows.flatMap((r) => (r.recipientId ? [r.recipientId] : [])))];
  const measureIds = [...new Set(rows.flatMap((r) => (r.measureId ? [r.measureId] : [])))];
  const [people, measures] = await Promise.all([
    personIds.length > 0 ? db.person.findMany({ where: { id: { in: personIds } }, select: { id: true, email: true, timeZone: true } }) : [],
    measureIds.length > 0 ? db.measure.findMany({ where: { id: { in: measureIds } }, select: { id: true, title: true } }) : [],
  ]);
  const email = new Map(people.map((p) => [p.id, p.email]));
  const zone = new Map(people.map((p) => [p.id, p.timeZone]));
  const title = new Map(measures.map((m) => [m.id, m.title]));
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      key: r.idempotencyKey,
      kind: r.kind,
      status: r.status,
      milestoneId: r.milestoneId ?? (typeof payloadOf(r).params.milestoneId === "string" ? String(payloadOf(r).params.milestoneId) : null),
      measureId: r.measureId,
      measure: r.measureId ? (title.get(r.measureId) ?? null) : null,
      caseId: r.caseId,
      target: r.target,
      recipientId: r.recipientId,
      recipientEmail: r.recipientId ? (email.get(r.recipientId) ?? null) : null,
      recipientTimeZone: r.recipientId ? (zone.get(r.recipientId) ?? null) : null,
      channel: r.channel,
      dueAt: r.dueAt.toISOString(),
      sentAt: r.sentAt ? r.sentAt.toISOString() : null,
      attempts: r.attempts,
      lastError: r.lastError,
    })),
  };
}
