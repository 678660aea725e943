// One chronological history of a case, built from facts and cut to what the viewer's
// role may see. The rule of who sees what is the table below (data, one place): each
// kind of entry names the roles that see it and the roles that also see its free text
// (a "not needed" reason, the employee's disagreement, a measure's note). The ARR team
// sees a summary-level history only (what the consented ARR summary holds: periods,
// milestones, confirmed versions, measures with owner and status), never free text,
// nudges, dialogues or who read the plan.
import type { IsoDate } from "../time/localDate.js";
import { addDays } from "../time/localDate.js";
import type { CaseFacts, ViewerRole } from "./facts.js";

export const ENTRY_KINDS = [
  "period.reported",
  "period.changed",
  "case.ended",
  "milestone.due",
  "milestone.nudged",
  "milestone.escalated",
  "milestone.overdue",
  "milestone.done",
  "milestone.notNeeded",
  "milestone.snoozed",
  "dialogue.completed",
  "plan.proposed",
  "plan.confirmed",
  "plan.disagreed",
  "measure.proposed",
  "measure.agreed",
  "measure.due",
  "measure.note",
  "measure.closed",
  "consent.given",
  "consent.withdrawn",
  "arr.summarySent",
  "plan.read",
  "nav.requested",
  "nav.accepted",
  "nav.delivered",
  "nav.refused",
  "nav.givenUp",
  "nav.statusUnknown",
  "early.screened",
  "fastTrack.offered",
  "fastTrack.agreed",
  "fastTrack.asked",
  "fastTrack.declined",
  "fastTrack.submitted",
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Which kinds of entry belong to the plan (hidden from the leader side after retention). */
const PLAN_KINDS: ReadonlySet<EntryKind> = new Set([
  "dialogue.completed",
  "plan.proposed",
  "plan.confirmed",
  "plan.disagreed",
  "measure.proposed",
  "measure.agreed",
  "measure.due",
  "measure.note",
  "measure.closed",
  "arr.summarySent",
  "plan.read",
  "nav.requested",
  "nav.accepted",
  "nav.delivered",
  "nav.refused",
  "nav.givenUp",
  "nav.statusUnknown",
]);

const ALL: readonly ViewerRole[] = ["employee", "leader", "substitute", "hr", "arr"];
const CASE_PARTIES: readonly ViewerRole[] = ["employee", "leader", "substitute", "hr"];
const EMPLOYEE_AND_HR: readonly ViewerRole[] = ["employee", "hr"];

export interface VisibilityRule {
  /** Roles that see the entry at all. */
  roles: readonly ViewerRole[];
  /** Roles that also see its free text (default: none). */
  detail?: readonly ViewerRole[];
}

/** Who sees which entry. Free text is the employee's and the leader's words: never the ARR team's. */
export const TIMELINE_VISIBILITY: Record<EntryKind, VisibilityRule> = {
  "period.reported": { roles: ALL },
  "period.changed": { roles: ALL },
  "case.ended": { roles: ALL },
  "milestone.due": { roles: ALL },
  "milestone.nudged": { roles: CASE_PARTIES },
  "milestone.escalated": { roles: CASE_PARTIES },
  "milestone.overdue": { roles: ALL },
  "milestone.done": { roles: ALL },
  "milestone.notNeeded": { roles: ALL, detail: CASE_PARTIES },
  "milestone.snoozed": { roles: CASE_PARTIES },
  "dialogue.completed": { roles: CASE_PARTIES },
  "plan.proposed": { roles: CASE_PARTIES },
  "plan.confirmed": { roles: ALL },
  "plan.disagreed": { roles: CASE_PARTIES, detail: CASE_PARTIES },
  "measure.proposed": { roles: CASE_PARTIES },
  "measure.agreed": { roles: ALL },
  "measure.due": { roles: ALL },
  "measure.note": { roles: CASE_PARTIES, detail: CASE_PARTIES },
  "measure.closed": { roles: ALL },
  "consent.given": { roles: ALL },
  "consent.withdrawn": { roles: CASE_PARTIES },
  "arr.summarySent": { roles: ALL },
  // "Who has seen my plan" is the employee's right to know (and HR's, who answers for the audit).
  "plan.read": { roles: EMPLOYEE_AND_HR },
  // Sending through NAV: the case's parties follow every step (who asked, NAV's answers and
  // refusals); the ARR team only that the plan reached NAV / the doctor, never why one did not.
  "nav.requested": { roles: CASE_PARTIES },
  "nav.accepted": { roles: CASE_PARTIES },
  "nav.delivered": { roles: ALL },
  "nav.refused": { roles: CASE_PARTIES },
  "nav.givenUp": { roles: CASE_PARTIES },
  "nav.statusUnknown": { roles: CASE_PARTIES },
  // Denmark's early effort: the leader's assessment (never the indicators) and the request's steps,
  // for the case's parties; the employee sees what was assessed about her. Not the ARR team.
  "early.screened": { roles: CASE_PARTIES },
  "fastTrack.offered": { roles: CASE_PARTIES },
  "fastTrack.agreed": { roles: CASE_PARTIES },
  "fastTrack.asked": { roles: CASE_PARTIES },
  "fastTrack.declined": { roles: CASE_PARTIES },
  "fastTrack.submitted": { roles: CASE_PARTIES },
};

export type EntryParams = Record<string, string | number>;

export interface TimelineEntry {
  date: IsoDate;
  /** Orders entries of the same day (epoch ms of the event, or 0 for calendar events). */
  seq: number;
  kind: EntryKind;
  /** Values the text is made from: dates, names, numbers, codes (never free text). */
  params: EntryParams;
  /** Free text, present only when the viewer may see it. */
  detail?: string;
  /** A date in the future (an upcoming deadline), shown apart from what has happened. */
  upcoming: boolean;
}

interface Draft {
  date: IsoDate;
  seq: number;
  kind: EntryKind;
  params: EntryParams;
  detail?: string | null;
}

/** Every entry the facts give, before the viewer's role is applied. */
export function allEntries(f: CaseFacts): Draft[] {
  const out: Draft[] = [];
  const push = (d: Draft) => out.push(d);

  // Periods: the first of the case is the report; a period replacing another is a change.
  const periods = [...f.periods].sort((a, b) => a.seq - b.seq);
  const supersededSeqs = periods.flatMap((p) => (p.superseded ? [p.superseded.seq] : []));
  periods.forEach((p, i) => {
    const replaces = i > 0 && supersededSeqs.some((s) => Math.abs(s - p.seq) < 5_000);
    push({
      date: p.on,
      seq: p.seq,
      kind: replaces ? "period.changed" : "period.reported",
      params: { start: p.start, end: p.end ?? "", grade: p.grade, type: p.type, via: p.via === "cli" ? "hr" : "self" },
    });
  });
  if (!f.ongoing && f.caseEnd) push({ date: f.caseEnd, seq: Number.MAX_SAFE_INTEGER, kind: "case.ended", params: { date: f.caseEnd } });

  // Milestones: the deadline, the reminders about it, and how it was settled.
  const settled = new Map(f.states.filter((s) => s.state !== "snoozed").map((s) => [s.milestoneId, s]));
  for (const m of f.milestones) {
    if (m.due === null || m.status === "not_applicable" || m.status === "cancelled") continue;
    push({ date: m.due, seq: 0, kind: "milestone.due", params: { milestone: m.id, status: m.status } });
    // Overdue: still not settled after its date, or settled only after it (the history keeps both).
    // Settled by hand or by a fact (the earlier counts): late only if that came after the date.
    const on = [settled.get(m.id)?.on, f.settledByFact?.find((x) => x.milestoneId === m.id)?.on].filter((d): d is IsoDate => d !== undefined).sort()[0];
    const late = on !== undefined ? on > m.due : m.status === "past";
    if (late && m.leaderAction) push({ date: addDays(m.due, 1), seq: 0, kind: "milestone.overdue", params: { milestone: m.id, due: m.due } });
  }
  for (const s of f.states) {
    const kind = s.state === "done" ? "milestone.done" : s.state === "not_needed" ? "milestone.notNeeded" : "milestone.snoozed";
    push({ date: s.on, seq: s.seq, kind, params: { milestone: s.milestoneId, by: s.by ?? "leader", until: s.snoozedUntil ?? "" }, detail: s.reason ?? null });
  }
  for (const r of f.reminders) {
    push({ date: r.on, seq: r.seq, kind: r.kind === "nudge" ? "milestone.nudged" : "milestone.escalated", params: { milestone: r.milestoneId, to: r.to } });
  }

  for (const d of f.dialogues) push({ date: d.on, seq: d.seq, kind: "dialogue.completed", params: { dialogue: d.dialogueId, by: d.by } });

  for (const v of f.versions) {
    push({ date: v.on, seq: v.seq, kind: "plan.proposed", params: { version: v.version, notNeeded: v.notNeeded ? 1 : 0 } });
    if (v.reviewed && v.reviewStatus === "confirmed") push({ date: v.reviewed.on, seq: v.reviewed.seq, kind: "plan.confirmed", params: { version: v.version } });
    if (v.reviewed && v.reviewStatus === "disagreed") {
      push({ date: v.reviewed.on, seq: v.reviewed.seq, kind: "plan.disagreed", params: { version: v.version }, detail: v.disagreement ?? null });
    }
  }

  for (const m of f.measures) {
    const base = { title: m.title, owner: m.owner ?? "", due: m.dueDate ?? "" };
    if (m.proposed) push({ date: m.proposed.on, seq: m.proposed.seq + 1, kind: "measure.proposed", params: base });
    if (m.agreed) push({ date: m.agreed.on, seq: m.agreed.seq + 1, kind: "measure.agreed", params: base });
    for (const n of m.notes) push({ date: n.on, seq: 1, kind: "measure.note", params: { title: m.title }, detail: n.text });
    if (m.closed && (m.status === "done" || m.status === "not_relevant" || m.status === "cancelled")) {
      push({ date: m.closed.on, seq: m.closed.seq, kind: "measure.closed", params: { ...base, status: m.status } });
    }
    // Only an agreed measure's date is a commitment; a proposal's shows with the proposal.
    if (m.status === "agreed" && m.dueDate) push({ date: m.dueDate, seq: 0, kind: "measure.due", params: base });
  }

  for (const c of f.consents) push({ date: c.on, seq: c.seq, kind: c.granted ? "consent.given" : "consent.withdrawn", params: {} });
  for (const a of f.arrSummaries) push({ date: a.on, seq: a.seq, kind: "arr.summarySent", params: { version: a.version ?? "" } });

  for (const n of f.navSendings ?? []) {
    const to = n.recipients.includes("nav") && n.recipients.includes("doctor") ? "both" : n.recipients.includes("doctor") ? "doctor" : "nav";
    const params: EntryParams = { version: n.version, to };
    if (n.event === "requested") Object.assign(params, { by: n.by ?? "system", name: n.byName ?? "" });
    if (n.event === "refused") params.reason = n.errorType ?? "OTHER";
    push({ date: n.on, seq: n.seq, kind: `nav.${n.event}`, params });
  }

  for (const sc of f.screenings ?? []) push({ date: sc.on, seq: sc.seq, kind: "early.screened", params: { round: sc.round, assessment: sc.assessment } });
  const ft = f.fastTrack;
  if (ft) {
    if (ft.offered) push({ date: ft.offered.on, seq: ft.offered.seq, kind: "fastTrack.offered", params: {} });
    if (ft.agreed) push({ date: ft.agreed.on, seq: ft.agreed.seq, kind: ft.initiatedBy === "employee" ? "fastTrack.asked" : "fastTrack.agreed", params: {} });
    if (ft.declined) push({ date: ft.declined.on, seq: ft.declined.seq, kind: "fastTrack.declined", params: {} });
    if (ft.submitted) push({ date: ft.submitted.on, seq: ft.submitted.seq, kind: "fastTrack.submitted", params: {} });
  }

  // Reads: one entry per reader and day, however many times they looked.
  const reads = new Map<string, Draft & { count: number }>();
  for (const r of f.reads) {
    const key = `${r.on}|${r.actorName}|${r.actorRole}|${r.op}`;
    const seen = reads.get(key);
    if (seen) seen.count++;
    else reads.set(key, { date: r.on, seq: r.seq, kind: "plan.read", params: { name: r.actorName, role: r.actorRole, op: r.op }, count: 1 });
  }
  for (const r of reads.values()) push({ date: r.date, seq: r.seq, kind: r.kind, params: { ...r.params, count: r.count } });
  return out;
}

const KIND_ORDER = new Map(ENTRY_KINDS.map((k, i) => [k, i]));

/** The case's history as `role` may see it, oldest first; deadlines still ahead come last. */
export function buildTimeline(facts: CaseFacts, role: ViewerRole): TimelineEntry[] {
  const leaderSide = role === "leader" || role === "substitute";
  return allEntries(facts)
    .filter((e) => TIMELINE_VISIBILITY[e.kind].roles.includes(role))
    .filter((e) => !(leaderSide && facts.planHiddenFromLeader && PLAN_KINDS.has(e.kind)))
    .map((e) => {
      const mayDetail = (TIMELINE_VISIBILITY[e.kind].detail ?? []).includes(role);
      const entry: TimelineEntry = { date: e.date, seq: e.seq, kind: e.kind, params: e.params, upcoming: e.date > facts.today };
      if (mayDetail && e.detail) entry.detail = e.detail;
      return entry;
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq || (KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!)));
}

/** Whether the ARR team may see this case's timeline at all: only while the employee consents. */
export function arrMaySee(facts: Pick<CaseFacts, "consents">): boolean {
  const latest = [...facts.consents].sort((a, b) => a.seq - b.seq).at(-1);
  return latest?.granted ?? false;
}
