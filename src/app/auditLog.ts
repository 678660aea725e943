// Reading the audit trail back: the employee sees who read her case ("who has seen my
// plan?"), HR exports the whole log of one case. Both are checked against the one
// permission table (src/app/access.ts), and an export is itself a read, so it is logged.
import type { Db } from "../db/client.js";
import type { AuditLog, Person } from "../generated/prisma/client.js";
import { formatDate, type Locale, type Translate } from "../i18n/index.js";
import { localDateOf, localTimeOf } from "../domain/time/zone.js";
import { actorFor, authorize } from "./access.js";
import { audit } from "./audit.js";

export interface AuditRow {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown> | null;
}

function parseDetail(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function withActors(db: Db, rows: AuditLog[]): Promise<AuditRow[]> {
  const ids = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const people = new Map((await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })).map((p) => [p.id, p]));
  return rows.map((r) => {
    const who = r.actorId ? people.get(r.actorId) : undefined;
    return {
      at: r.at,
      actorId: r.actorId,
      actorName: who?.name ?? null,
      actorEmail: who?.email ?? null,
      actorLabel: r.actorLabel,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      detail: parseDetail(r.detail),
    };
  });
}

/** Reads of `employee`'s case by anyone else, newest first (the log holds no self-reads). */
export async function readsOf(db: Db, employee: Person, limit: number): Promise<{ rows: AuditRow[]; total: number }> {
  const where = { subjectId: employee.id, action: "read", NOT: { actorId: employee.id } };
  const [rows, total] = await Promise.all([db.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit }), db.auditLog.count({ where })]);
  return { rows: await withActors(db, rows), total };
}

/** The whole log of `employee`'s case for HR, oldest first; the export is logged as a read. */
export async function exportAuditLog(db: Db, viewer: Person, employee: Person | null, today: string): Promise<AuditRow[]> {
  const relation = await authorize(db, viewer, employee, "audit.export", today);
  const rows = await db.auditLog.findMany({ where: { subjectId: employee!.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  await audit(db, { actor: actorFor(viewer, relation), subjectId: employee!.id, action: "read", entity: "audit", detail: { op: "export", entries: rows.length } });
  return withActors(db, rows);
}

/** "read the plan (version 2)" and the like, in the reader's language. */
export function describeEntry(row: Pick<AuditRow, "entity" | "detail">, t: Translate): string {
  const d = row.detail ?? {};
  switch (row.entity) {
    case "plan":
      if (d.op === "export") return t("access:readers.what.planExport", { version: d.version, format: String(d.format ?? "").toUpperCase() });
      return typeof d.version === "number" ? t("access:readers.what.plan", { version: d.version }) : t("access:readers.what.planAny");
    case "case":
      return d.op === "tab" ? t("access:readers.what.caseTab") : t("access:readers.what.case");
    case "measure":
      return t("access:readers.what.measure");
    case "absence":
      return t("access:readers.what.absence");
    case "audit":
      return t("access:readers.what.audit");
    default:
      return t("access:readers.what.other");
  }
}

/** Who, in the reader's language: the person's name, or what kind of process it was. */
export function describeActor(row: Pick<AuditRow, "actorId" | "actorName" | "actorLabel">, t: Translate): { who: string; role: string } {
  const who = row.actorName ?? (row.actorId ? t("access:readers.gone") : row.actorLabel === "cli" ? t("access:readers.operator") : t("access:readers.system"));
  const known = ["employee", "leader", "substitute", "hr", "arr", "cli", "scheduler", "system", "peer", "stranger"];
  return { who, role: t(`access:readers.role.${known.includes(row.actorLabel) ? row.actorLabel : "system"}`) };
}

/** "tirsdag 1. desember 2026 kl. 09:05": an instant in the reader's own time zone. */
export function whenText(at: Date, locale: Locale, timeZone: string, t: Translate): string {
  const { hour, minute } = localTimeOf(at, timeZone);
  const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  return t("access:readers.when", { date: formatDate(localDateOf(at, timeZone), locale), time });
}
