// Gathers the facts of one case from the database and hands them to the pure timeline
// (src/domain/timeline/). Who may look: the employee, her leader, a substitute covering
// for the leader, HR, and ARR team members only while the employee consents (and then
// only the summary-level entries). Everyone else gets the same refusal as for a case
// that does not exist. Every look by someone other than the employee is audited, and
// shows up in the employee's own timeline ("who has seen my case").
import type { Db } from "../db/client.js";
import type { Person } from "../generated/prisma/client.js";
import { localDateOf } from "../domain/time/zone.js";
import { parsePlanContent, type PlanContent } from "../domain/plan/model.js";
import {
  buildTimeline,
  type ActorRole,
  type CaseFacts,
  type MeasureFact,
  type NavRecipientFact,
  type NavSendingFact,
  type Stamp,
  type TimelineEntry,
  type ViewerRole,
} from "../domain/timeline/index.js";
import { mayExecute, refusal, relationTo, type Relation } from "./access.js";
import { audit } from "./audit.js";
import { arrMayKnow } from "./disclosure.js";
import { currentCase, isOngoing, readCases } from "./cases.js";
import { UserError } from "./errors.js";
import { settlementFactsOfCase } from "./settlement.js";
import { settlementOf } from "../domain/milestones/index.js";
import { isArrMember, isHrAdmin } from "./people.js";

export interface CaseTimeline {
  employee: Person;
  role: ViewerRole;
  caseId: string | null;
  entries: TimelineEntry[];
}

/** The viewer's role on the employee's timeline; refuses (without saying why) when there is none. */
export async function timelineRole(db: Db, viewer: Person, employee: Person | null, date: string): Promise<ViewerRole> {
  if (!employee) throw refusal("timeline.read");
  const relation: Relation = await relationTo(db, viewer, employee, date);
  // The ARR team sees a case only with the employee's consent (and her "who may know"), checked at every look.
  if (relation === "arr" && isArrMember(viewer) && (await arrMayKnow(db, employee))) return "arr";
  if (!mayExecute("timeline.read", relation)) throw refusal("timeline.read");
  return relation === "self" ? "employee" : (relation as Exclude<ViewerRole, "employee" | "arr">);
}

/** The employee's current (or latest) case as `viewer` may see it. `today` is the viewer's. */
export async function timelineFor(db: Db, viewer: Person, employee: Person | null, today: string, now: Date, options: { audit?: boolean } = {}): Promise<CaseTimeline> {
  const role = await timelineRole(db, viewer, employee, today);
  const subject = employee!;
  const facts = await caseFacts(db, subject, viewer.timeZone, today, now);
  if (!facts) return { employee: subject, role, caseId: null, entries: [] };
  if (options.audit !== false && role !== "employee") {
    await audit(db, { actor: { personId: viewer.id, label: role }, subjectId: subject.id, action: "read", entity: "timeline", entityId: facts.caseId, detail: { op: "timeline" }, at: now });
  }
  return { employee: subject, role, caseId: facts.caseId, entries: buildTimeline(facts.facts, role) };
}

/** Everything that happened in the employee's current case (or the named one), dated in `zone`; reads, never writes (readCases). */
export async function caseFacts(db: Db, employee: Person, zone: string, today: string, now: Date, caseId?: string): Promise<{ caseId: string; facts: CaseFacts } | null> {
  const cases = await readCases(db, employee, today, now);
  const current = caseId ? cases.find((c) => c.row.id === caseId) : currentCase(cases);
  if (!current) return null;
  const c = current.row;
  const stamp = (at: Date): Stamp => ({ on: localDateOf(at, zone), seq: at.getTime() });
  const caseEnd = c.endDate ?? "9999-12-31";

  const periodRows = await db.absencePeriod.findMany({
    where: { personId: employee.id, startDate: { lte: caseEnd }, OR: [{ endDate: null }, { endDate: { gte: c.startDate } }] },
    orderBy: { createdAt: "asc" },
  });
  const stateRows = await db.milestoneState.findMany({ where: { caseId: c.id } });
  const reminderRows = await db.outbox.findMany({
    where: { caseId: c.id, status: "sent", kind: { in: ["nudge", "escalation"] }, milestoneId: { not: null } },
    orderBy: { sentAt: "asc" },
  });
  const dialogueRows = await db.dialogueSession.findMany({
    where: { subjectId: employee.id, caseId: c.id, status: "completed", dialogueId: { notIn: ["report_sickness", "change_absence", "dk_screening"] } },
    orderBy: { lastActivityAt: "asc" },
  });
  const plan = await db.plan.findFirst({ where: { employeeId: employee.id, caseId: c.id }, orderBy: { createdAt: "desc" } });
  const versionRows = plan ? await db.planVersion.findMany({ where: { planId: plan.id }, orderBy: { version: "asc" } }) : [];
  const measureRows = plan ? await db.measure.findMany({ where: { planId: plan.id } }) : [];
  const consentRows = await db.consent.findMany({ where: { personId: employee.id, kind: "arr_summary" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const arrRows = await db.outbox.findMany({ where: { caseId: c.id, kind: "arr_summary", target: "arr", status: "sent" }, orderBy: { sentAt: "asc" } });
  const readRows = await db.auditLog.findMany({
    where: {
      subjectId: employee.id,
      action: "read",
      OR: [...(plan ? [{ entity: "plan", entityId: plan.id }] : []), { entity: "timeline", entityId: c.id }],
    },
    orderBy: { at: "asc" },
  });

  // Sending through NAV: each request is in the audit log (who, which version, where to; never the
  // national identity number); NAV's answers are on the NavSubmission rows, and a job that stopped
  // asking NAV for the sending status is a parked outbox row.
  // Denmark's early effort: the screenings (the assessment only; their dialogue is not listed apart) and the fast-track request.
  const screeningRows = await db.earlyScreening.findMany({ where: { caseId: c.id }, orderBy: { createdAt: "asc" } });
  const fastTrackRow = await db.fastTrackRequest.findUnique({ where: { caseId: c.id } });
  // What settles the milestones by a fact: the one rule (settlementOf), not a second reading here.
  const settlement = await settlementFactsOfCase(db, c.id, zone);
  const settledByFact = current.result.milestones.flatMap((m) => {
    const s = settlementOf(m.id, { states: [], facts: settlement.facts });
    return s && !s.manual ? [{ milestoneId: m.id, on: s.on }] : [];
  });

  const navRows = plan ? await db.navSubmission.findMany({ where: { planId: plan.id }, orderBy: { createdAt: "asc" } }) : [];
  const navRequestRows = plan
    ? await db.auditLog.findMany({ where: { subjectId: employee.id, action: "change", entity: "plan", entityId: plan.id, detail: { contains: "nav_send" } }, orderBy: { at: "asc" } })
    : [];
  const navKeys = [...new Set(navRows.flatMap((r) => (r.outboxKey ? [r.outboxKey] : [])))];
  const navJobs = navKeys.length > 0 ? await db.outbox.findMany({ where: { idempotencyKey: { in: navKeys }, status: "parked" } }) : [];

  // Names and roles of the people who acted, looked up once.
  const ids = new Set([...stateRows.map((s) => s.setById), ...reminderRows.map((r) => r.recipientId), ...readRows.map((r) => r.actorId), ...navRequestRows.map((r) => r.actorId)].filter((v): v is string => !!v));
  const people = new Map((await db.person.findMany({ where: { id: { in: [...ids] } } })).map((p) => [p.id, p]));
  const roleOf = (id: string | null | undefined): ActorRole => {
    if (!id) return "system";
    if (id === employee.id) return "employee";
    if (id === employee.leaderId) return "leader";
    const p = people.get(id);
    if (p && isHrAdmin(p)) return "hr";
    if (p && isArrMember(p)) return "arr";
    return "substitute";
  };

  const versions = versionRows.map((v) => ({ row: v, content: safeContent(v.content) }));
  const working = plan?.draft ? safeContent(plan.draft) : versions.at(-1)?.content;
  const measures: MeasureFact[] = (working?.measures ?? []).map((m) => {
    const firstIn = versions.find((v) => v.content?.measures.some((x) => x.id === m.id));
    const agreedIn = versions.find((v) => v.row.reviewedAt && v.content?.measures.some((x) => x.id === m.id && x.status !== "proposed"));
    const row = measureRows.find((r) => r.key === m.id);
    const closed = m.status === "done" || m.status === "not_relevant" || m.status === "cancelled";
    return {
      key: m.id,
      title: m.title,
      owner: m.owner,
      dueDate: m.dueDate,
      status: m.status,
      // A proposal not yet in any version (the employee's own, say) dates from the draft's last change.
      ...(firstIn ? { proposed: stamp(firstIn.row.createdAt) } : plan ? { proposed: stamp(plan.updatedAt) } : {}),
      ...(agreedIn?.row.reviewedAt ? { agreed: stamp(agreedIn.row.reviewedAt) } : {}),
      ...(closed && row ? { closed: stamp(row.updatedAt) } : {}),
      notes: m.notes.map((n) => ({ on: n.date, text: n.text })),
    };
  });

  const facts: CaseFacts = {
    today,
    caseStart: c.startDate,
    caseEnd: c.endDate,
    ongoing: isOngoing(current.result, today),
    periods: periodRows.map((p) => ({
      ...stamp(p.createdAt),
      start: p.startDate,
      end: p.endDate,
      grade: p.grade,
      type: p.type === "vacation" ? "vacation" : "sick",
      via: p.reportedVia,
      ...(p.supersededAt ? { superseded: stamp(p.supersededAt) } : {}),
    })),
    milestones: current.result.milestones,
    states: stateRows.map((s) => ({
      ...stamp(s.setAt),
      milestoneId: s.milestoneId,
      state: s.state as "done" | "snoozed" | "not_needed",
      snoozedUntil: s.snoozedUntil,
      reason: s.reason,
      by: roleOf(s.setById),
    })),
    reminders: reminderRows.map((r) => ({
      ...stamp(r.sentAt ?? r.dueAt),
      kind: r.kind as "nudge" | "escalation",
      milestoneId: r.milestoneId!,
      to: r.target === "arr" ? "arr" : ((): "leader" | "substitute" | "hr" => {
        const role = roleOf(r.recipientId);
        return role === "leader" || role === "hr" ? role : "substitute";
      })(),
    })),
    dialogues: dialogueRows.map((d) => ({ ...stamp(d.lastActivityAt), dialogueId: d.dialogueId, by: d.personId === employee.id ? "employee" : "leader" })),
    versions: versions.map(({ row, content }) => ({
      ...stamp(row.createdAt),
      version: row.version,
      reviewStatus: row.reviewStatus as "pending" | "confirmed" | "disagreed",
      ...(row.reviewedAt ? { reviewed: stamp(row.reviewedAt) } : {}),
      disagreement: row.disagreement,
      notNeeded: !!content?.exception,
    })),
    measures,
    consents: consentRows.map((r) => ({ ...stamp(r.createdAt), granted: r.granted })),
    arrSummaries: arrRows.map((r) => {
      const version = Number(r.idempotencyKey.split(":").at(-1));
      return { ...stamp(r.sentAt ?? r.dueAt), ...(Number.isInteger(version) && version > 0 ? { version } : {}) };
    }),
    reads: readRows.map((r) => {
      const actor = r.actorId ? people.get(r.actorId) : undefined;
      const op = detailOp(r.detail);
      return {
        ...stamp(r.at),
        actorName: actor?.name ?? r.actorLabel,
        actorRole: actorRole(r.actorLabel),
        op: r.entity === "timeline" ? "timeline" : op === "export" ? "export" : "read",
      };
    }),
    settledByFact,
    screenings: screeningRows.map((r) => ({ ...stamp(r.createdAt), round: r.round === "week2" ? "week2" : "report", assessment: r.assessment === "risk" ? "risk" : "no_risk" })),
    fastTrack: fastTrackRow
      ? {
          initiatedBy: fastTrackRow.initiatedBy === "employee" ? "employee" : "leader",
          ...(fastTrackRow.initiatedBy === "leader" ? { offered: stamp(fastTrackRow.createdAt) } : {}),
          ...(fastTrackRow.agreedAt ? { agreed: stamp(fastTrackRow.agreedAt) } : {}),
          ...(fastTrackRow.declinedAt ? { declined: stamp(fastTrackRow.declinedAt) } : {}),
          ...(fastTrackRow.submittedAt ? { submitted: stamp(fastTrackRow.submittedAt) } : {}),
        }
      : null,
    navSendings: navSendingFacts(navRows, navRequestRows, navJobs, stamp, people),
    planHiddenFromLeader: !!plan?.hiddenFromLeaderAt,
  };
  return { caseId: c.id, facts };
}

type NavRow = { version: number; recipient: string; status: string; errorType: string | null; outboxKey: string | null; sentAt: Date | null; updatedAt: Date };
type AuditRow = { at: Date; actorId: string | null; actorLabel: string; detail: string | null };

/** The steps of each sending, one fact per step; recipients answered at the same instant share one. */
function navSendingFacts(rows: NavRow[], requests: AuditRow[], parkedJobs: Array<{ idempotencyKey: string; updatedAt: Date }>, stamp: (at: Date) => Stamp, people: Map<string, Person>): NavSendingFact[] {
  const out: NavSendingFact[] = [];
  for (const r of requests) {
    const detail = parseDetail(r.detail);
    if (detail?.op !== "nav_send" || typeof detail.version !== "number") continue;
    const recipients = (Array.isArray(detail.recipients) ? detail.recipients : []).filter((x): x is NavRecipientFact => x === "nav" || x === "doctor");
    const name = r.actorId ? people.get(r.actorId)?.name : undefined;
    out.push({ ...stamp(r.at), event: "requested", version: detail.version, recipients, by: actorRole(r.actorLabel), ...(name ? { byName: name } : {}) });
  }
  const grouped = new Map<string, NavSendingFact>();
  const add = (event: NavSendingFact["event"], row: NavRow, at: Date, errorType?: string) => {
    const key = `${event}|${row.version}|${at.getTime()}|${errorType ?? ""}`;
    const seen = grouped.get(key);
    if (seen) seen.recipients.push(row.recipient as NavRecipientFact);
    else grouped.set(key, { ...stamp(at), event, version: row.version, recipients: [row.recipient as NavRecipientFact], ...(errorType ? { errorType } : {}) });
  };
  const parked = new Map(parkedJobs.map((j) => [j.idempotencyKey, j]));
  for (const row of rows) {
    if (row.recipient !== "nav" && row.recipient !== "doctor") continue;
    if (row.status === "sent" && row.sentAt) add("delivered", row, row.sentAt);
    else if (row.status === "accepted") {
      add("accepted", row, row.updatedAt);
      // The job stopped asking NAV: NAV has the plan, but whether it reached the recipient is unknown.
      const job = row.outboxKey ? parked.get(row.outboxKey) : undefined;
      if (job) add("statusUnknown", row, job.updatedAt);
    } else if (row.status === "failed") {
      if (row.errorType === "UNAVAILABLE") add("givenUp", row, row.updatedAt);
      else add("refused", row, row.updatedAt, row.errorType ?? "OTHER");
    }
  }
  return [...out, ...grouped.values()];
}

function parseDetail(detail: string | null): Record<string, unknown> | undefined {
  if (!detail) return undefined;
  try {
    const parsed = JSON.parse(detail) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function safeContent(json: string): PlanContent | undefined {
  try {
    return parsePlanContent(JSON.parse(json));
  } catch {
    return undefined;
  }
}

function detailOp(detail: string | null): string | undefined {
  if (!detail) return undefined;
  try {
    const parsed = JSON.parse(detail) as { op?: unknown };
    return typeof parsed.op === "string" ? parsed.op : undefined;
  } catch {
    return undefined;
  }
}

const ACTOR_ROLES: readonly ActorRole[] = ["employee", "leader", "substitute", "hr", "arr", "cli", "scheduler", "system"];
function actorRole(label: string): ActorRole {
  return (ACTOR_ROLES as readonly string[]).includes(label) ? (label as ActorRole) : "system";
}
