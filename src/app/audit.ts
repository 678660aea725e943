// The audit trail: every read or change of a person's case by someone other than
// the person. Details name what was touched, never health details.
import type { Db } from "../db/client.js";

/** Who is acting: a person in the directory, or an operator/system process. */
export interface Actor {
  personId?: string;
  /** "employee" | "leader" | "substitute" | "hr" | "cli" | "scheduler" | "system" */
  label: string;
}

export const CLI_ACTOR: Actor = { label: "cli" };
export const SCHEDULER_ACTOR: Actor = { label: "scheduler" };

export interface AuditEntry {
  actor: Actor;
  subjectId: string;
  action: "read" | "change";
  entity: string;
  entityId?: string;
  detail?: Record<string, unknown>;
  /** When it happened, by the app's clock (defaults to the database's now). */
  at?: Date;
}

type AuditWriter = Pick<Db, "auditLog">;

export async function audit(db: AuditWriter, entry: AuditEntry): Promise<void> {
  if (entry.actor.personId && entry.actor.personId === entry.subjectId) return;
  await db.auditLog.create({
    data: {
      actorId: entry.actor.personId ?? null,
      actorLabel: entry.actor.label,
      subjectId: entry.subjectId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      ...(entry.at ? { at: entry.at } : {}),
    },
  });
}
