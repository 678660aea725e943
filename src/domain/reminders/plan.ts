// The reminder planner: one person's facts (cases with their milestones, milestone
// states, measures, unfinished dialogues, who leads them and who covers) → every
// reminder that should exist, each with its idempotency key and send time. Pure: the
// database side (src/app/reminders/planner.ts) loads the facts and reconciles the
// Outbox with this list, so re-planning is "compute the list again and diff".
//
// Rules (issue #6, docs/statutory-rules.md, docs/follow-up-plan.md):
// - leader-action milestones with a date (upcoming, due today, past): nudges N working
//   days before, on the day, the working day after; a deadline on a weekend or holiday
//   counts as the working day before it; then an escalation N days overdue;
// - settled (by hand, or by a fact its rule names: a confirmed plan, a meeting held …;
//   src/domain/milestones/settlement.ts): nothing; snoozed until U: no nudge before U, one on U;
// - a closed case: nothing after its last sick day (a revived case is simply re-planned);
// - a reminder whose time has passed is sent late only if it is the latest of its series
//   and at most `catchUpDays` late (a pile of stale nudges helps nobody).
import type { CaseResult, MilestoneId, MilestoneResult } from "../milestones/types.js";
import { settlementOf, snoozedUntilOf, type CaseFact } from "../milestones/settlement.js";
import { whenKnownLateOf } from "../milestones/knownLate.js";
import { earlyEffortOf, roundDate } from "../earlyEffort/index.js";
import { addDays, type IsoDate } from "../time/localDate.js";
import { localDateOf } from "../time/zone.js";
import { reminderKeys, type NudgeOffset, type ReminderKind } from "./keys.js";
import { policyFor, type ReminderSettings } from "./policy.js";
import {
  addWorkingDays,
  asJurisdiction,
  localMinuteOf,
  windowStart,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  workingInstantOn,
} from "./workingTime.js";

export interface ReminderRecipient {
  id: string;
  timeZone: string;
  jurisdiction: string;
}

export interface PlanningSubstitution {
  substitute: ReminderRecipient;
  from: IsoDate;
  /** Inclusive; null while open-ended. */
  until: IsoDate | null;
}

export interface PlanningCase {
  id: string;
  result: CaseResult;
  planId: string | null;
  /** Whether the plan has a confirmed version (the ARR summary shows the confirmed plan). */
  planConfirmed: boolean;
  /** Facts that settle milestones (a confirmed plan, a meeting held …; see milestones/settlement.ts). */
  facts?: readonly CaseFact[];
  /** The case's jurisdiction (its early-effort rule, if any: Denmark's screening). */
  jurisdiction?: string;
  /** Screening rounds the leader has done in this case (DK early effort). */
  screenedRounds?: readonly string[];
  /** The case's fast-track request, if there is one (any status). */
  fastTrackStatus?: string | null;
}

export interface PlanningState {
  caseId: string;
  milestoneId: string;
  state: string;
  snoozedUntil: IsoDate | null;
}

export interface PlanningMeasure {
  id: string;
  caseId: string | null;
  owner: string | null;
  dueDate: IsoDate;
  status: string;
}

export interface PlanningSession {
  id: string;
  dialogueId: string;
  subjectId: string;
  lastActivityAt: Date;
  expiresAt: Date;
}

export interface PlanningInput {
  now: Date;
  settings: ReminderSettings;
  /** The person whose reminders these are (the employee of the cases, the one answering the dialogues). */
  person: ReminderRecipient;
  leader: ReminderRecipient | null;
  /** Substitutes covering for the leader (any dates; the planner picks per day). */
  substitutions: PlanningSubstitution[];
  hrAdmins: ReminderRecipient[];
  /** The ARR channel of the person's workspace and whether the person consented to sharing. */
  arr: { workspaceId: string; consent: boolean } | null;
  cases: PlanningCase[];
  states: PlanningState[];
  measures: PlanningMeasure[];
  sessions: PlanningSession[];
  /**
   * Nudge points already delivered (to anyone), as nudgePointOf(key): a point that went to the
   * leader in the morning is not sent again to a substitute named at noon.
   */
  sentNudgePoints?: ReadonlySet<string>;
  /**
   * Her follow-up agreement against the team's routine (seed 002): when she last answered it
   * (accepted, adjusted, or said it still holds), else when it was offered. She is asked once a
   * year from then whether it still fits.
   */
  routine?: { since: Date } | null;
}

export interface PlannedReminder {
  key: string;
  kind: ReminderKind;
  target: "person" | "arr";
  /** Null for the ARR channel. */
  recipientId: string | null;
  dueAt: Date;
  caseId?: string;
  milestoneId?: string;
  measureId?: string;
  payload: { template: string; params: Record<string, unknown> };
}

const DAY_MS = 86_400_000;

/** Milestones the leader is nudged about: leader action, a date, and still live. */
export function isNudgeable(m: MilestoneResult): m is MilestoneResult & { due: IsoDate } {
  return m.leaderAction && m.due !== null && (m.status === "upcoming" || m.status === "due_today" || m.status === "past");
}

/** Who gets the leader's reminders on a date: the substitutes covering then, else the leader, else HR. */
export function leaderRecipientsOn(input: Pick<PlanningInput, "leader" | "substitutions" | "hrAdmins" | "person">, date: IsoDate): ReminderRecipient[] {
  if (!input.leader) return input.hrAdmins.filter((h) => h.id !== input.person.id);
  const covering = input.substitutions.filter((s) => s.from <= date && (s.until === null || s.until >= date) && s.substitute.id !== input.person.id);
  if (covering.length === 0) return [input.leader];
  const seen = new Set<string>();
  return covering.map((s) => s.substitute).filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

/** A nudge's point (case, milestone, due date, offset) without its recipient. */
export function nudgePointOf(key: string): string {
  return key.slice(0, key.lastIndexOf(":"));
}

/**
 * Keeps what should exist now: everything still to come, and of what is past only the
 * latest (per series), only if it is at most catchUpDays late, and only if that point was
 * not delivered already (to someone else).
 */
function withCatchUp(series: PlannedReminder[], now: Date, catchUpDays: number, out: PlannedReminder[], sent?: ReadonlySet<string>): void {
  let latestPast = -Infinity;
  for (const r of series) if (r.dueAt.getTime() <= now.getTime() && r.dueAt.getTime() > latestPast) latestPast = r.dueAt.getTime();
  const fresh = now.getTime() - latestPast <= catchUpDays * DAY_MS;
  for (const r of series) {
    const t = r.dueAt.getTime();
    if (t > now.getTime()) out.push(r);
    else if (fresh && t === latestPast && !sent?.has(nudgePointOf(r.key))) out.push(r);
  }
}

interface Point {
  offset: NudgeOffset;
  date: IsoDate;
}

/** The days on which the leader is nudged about one milestone, after snoozes and the case end. */
export function nudgeDates(
  due: IsoDate,
  policy: { before: number[]; onDay: boolean; dayAfter: boolean },
  jurisdiction: string,
  options: { caseStart: IsoDate; caseEnd: IsoDate | null; snoozedUntil?: IsoDate | null; knownOn?: IsoDate; remindWhenKnownLate?: boolean },
): Point[] {
  const j = asJurisdiction(jurisdiction);
  const deadline = workingDayOnOrBefore(due, j);
  let points: Point[] = [];
  for (const days of [...new Set(policy.before)].filter((d) => d > 0).sort((a, b) => b - a)) {
    points.push({ offset: -days, date: addWorkingDays(deadline, -days, j) });
  }
  if (policy.onDay) points.push({ offset: 0, date: deadline });
  if (policy.dayAfter) points.push({ offset: 1, date: workingDayOnOrAfter(addDays(due, 1), j) });
  const until = options.snoozedUntil;
  if (until) {
    points = points.filter((p) => p.date >= until);
    const day = workingDayOnOrAfter(until, j);
    if (!points.some((p) => p.date === day)) points.unshift({ offset: `snooze-${until}`, date: day });
  }
  // Nothing before the person is sick, nothing after the last sick day.
  points = points.filter((p) => p.date >= options.caseStart && (options.caseEnd === null || p.date <= options.caseEnd));
  // Nothing from before we knew of the case. If the rule says the duty stands, the leader is
  // told once, on the day the case became known (milestones/knownLate.ts).
  const known = options.knownOn;
  if (known !== undefined && points.some((p) => p.date < known)) {
    points = points.filter((p) => p.date >= known);
    const day = workingDayOnOrAfter(known, j);
    // Only a deadline already passed needs it; otherwise the nudges still to come say it in time.
    const passed = deadline < known;
    if (options.remindWhenKnownLate && passed && !points.some((p) => p.date === day) && (options.caseEnd === null || day <= options.caseEnd)) points.unshift({ offset: "known", date: day });
  }
  return points;
}

function planMilestone(input: PlanningInput, c: PlanningCase, m: MilestoneResult & { due: IsoDate }, out: PlannedReminder[]): void {
  const { settings, person } = input;
  // A case that has ended: nothing about its milestones after the last sick day, not even late.
  if (c.result.end !== null && localDateOf(input.now, person.timeZone) > c.result.end) return;
  const facts = { states: input.states.filter((s) => s.caseId === c.id), facts: c.facts ?? [] };
  if (settlementOf(m.id, facts)) return;
  const policy = policyFor(settings, m.id as MilestoneId, m.responsible);
  const calendar = input.leader ?? input.hrAdmins[0] ?? person;
  const caseEnd = c.result.end;
  const points = nudgeDates(m.due, policy, calendar.jurisdiction, {
    caseStart: c.result.start,
    caseEnd,
    snoozedUntil: snoozedUntilOf(m.id, facts),
    // A report dated after "now" (a simulated clock running behind the real one) tells nothing.
    ...(c.result.knownOn <= localDateOf(input.now, person.timeZone) ? { knownOn: c.result.knownOn } : {}),
    remindWhenKnownLate: whenKnownLateOf(m.id) === "remind_at_once",
  });

  const series: PlannedReminder[] = [];
  for (const point of points) {
    for (const r of leaderRecipientsOn(input, point.date)) {
      // The same day in the recipient's own calendar (a substitute may work elsewhere).
      const day = workingDayOnOrBefore(point.date, asJurisdiction(r.jurisdiction));
      series.push({
        key: reminderKeys.nudge(c.id, m.id, m.due, point.offset, r.id),
        kind: "nudge",
        target: "person",
        recipientId: r.id,
        dueAt: windowStart(day, r.timeZone, settings.workingHours),
        caseId: c.id,
        milestoneId: m.id,
        payload: { template: "nudge", params: { caseId: c.id, milestoneId: m.id, due: m.due, offset: point.offset, employeeId: person.id } },
      });
    }
  }
  withCatchUp(series, input.now, settings.catchUpDays, out, input.sentNudgePoints);

  if (policy.escalateAfterDays === null) return;
  const overdue = addDays(m.due, policy.escalateAfterDays);
  if (caseEnd !== null && overdue > caseEnd) return;
  const escalations: PlannedReminder[] = [];
  const params = { caseId: c.id, milestoneId: m.id, due: m.due, employeeId: person.id, days: policy.escalateAfterDays };
  for (const hr of input.hrAdmins) {
    if (hr.id === person.id) continue;
    escalations.push({
      key: reminderKeys.escalation(c.id, m.id, m.due, hr.id),
      kind: "escalation",
      target: "person",
      recipientId: hr.id,
      dueAt: windowStart(workingDayOnOrAfter(overdue, asJurisdiction(hr.jurisdiction)), hr.timeZone, settings.workingHours),
      caseId: c.id,
      milestoneId: m.id,
      payload: { template: "escalation", params },
    });
  }
  if (settings.escalateToArr && input.arr?.consent) {
    escalations.push({
      key: reminderKeys.escalation(c.id, m.id, m.due, "arr"),
      kind: "escalation",
      target: "arr",
      recipientId: null,
      dueAt: windowStart(workingDayOnOrAfter(overdue, asJurisdiction(person.jurisdiction)), person.timeZone, settings.workingHours),
      caseId: c.id,
      milestoneId: m.id,
      payload: { template: "escalation", params: { ...params, workspaceId: input.arr.workspaceId } },
    });
  }
  for (const e of escalations) withCatchUp([e], input.now, settings.catchUpDays, out);
}

function planArrSummary(input: PlanningInput, c: PlanningCase, out: PlannedReminder[]): void {
  const { arr, person, settings } = input;
  if (!arr?.consent || !c.planId || !c.planConfirmed) return;
  const reached = addDays(c.result.start, settings.arrSummaryDay - 1);
  if (c.result.end !== null && c.result.end < reached) return;
  const day = workingDayOnOrAfter(reached, asJurisdiction(person.jurisdiction));
  withCatchUp(
    [
      {
        key: reminderKeys.arrSummary(c.id),
        kind: "arr_summary",
        target: "arr",
        recipientId: null,
        dueAt: windowStart(day, person.timeZone, settings.workingHours),
        caseId: c.id,
        payload: { template: "arr_summary", params: { workspaceId: arr.workspaceId, planId: c.planId, caseId: c.id } },
      },
    ],
    input.now,
    settings.catchUpDays,
    out,
  );
}

/**
 * Denmark's early effort (rules/dk.ts `earlyEffort`): the leader is asked to screen the risk of
 * a long absence at the report and again in week 2, until the round is screened or the question
 * is decided (a request exists, or the fast-track milestone is settled). Only the leader or a
 * substitute screens, so without a leader nothing is planned. A round that a later one has
 * overtaken, or one after the request's deadline, is not asked.
 */
function planScreenings(input: PlanningInput, c: PlanningCase, out: PlannedReminder[]): void {
  const rule = c.jurisdiction ? earlyEffortOf(c.jurisdiction) : undefined;
  if (!rule || !input.leader) return;
  const { person, settings } = input;
  const today = localDateOf(input.now, person.timeZone);
  if (c.result.end !== null && today > c.result.end) return;
  if (c.fastTrackStatus) return;
  const facts = { states: input.states.filter((s) => s.caseId === c.id), facts: c.facts ?? [] };
  if (settlementOf(rule.milestone, facts)) return;
  const milestone = c.result.milestones.find((m) => m.id === rule.milestone);
  if (!milestone || milestone.due === null || milestone.status === "not_applicable" || milestone.status === "cancelled") return;
  const rounds = rule.screenings.map((r) => ({ r, date: roundDate(r, c.result.start) }));
  rounds.forEach(({ r, date }, i) => {
    if (c.screenedRounds?.includes(r.round)) return;
    const next = rounds[i + 1];
    if (next && next.date <= today) return;
    // Nothing before the case was known (a late report asks at once).
    const known = c.result.knownOn <= today ? c.result.knownOn : date;
    const day = [date, known].sort().at(-1)!;
    if (day > milestone.due! || (c.result.end !== null && day > c.result.end)) return;
    const series: PlannedReminder[] = leaderRecipientsOn(input, day).map((rec) => ({
      key: reminderKeys.screening(c.id, r.round, rec.id),
      kind: "early_screening",
      target: "person",
      recipientId: rec.id,
      dueAt: windowStart(workingDayOnOrAfter(day, asJurisdiction(rec.jurisdiction)), rec.timeZone, settings.workingHours),
      caseId: c.id,
      milestoneId: rule.milestone,
      payload: { template: "early_screening", params: { caseId: c.id, round: r.round, employeeId: person.id, due: milestone.due! } },
    }));
    for (const reminder of series) withCatchUp([reminder], input.now, settings.catchUpDays, out);
  });
}

/** Who answers for a measure: its owner if they can act in chat, else the leader (or whoever covers). */
function measureRecipients(input: PlanningInput, owner: string | null, date: IsoDate): ReminderRecipient[] {
  if (owner === "employee") return [input.person];
  if (owner === "hr" && input.hrAdmins.length > 0) return input.hrAdmins;
  // Leader-owned, unnamed, or owned by a party outside the chat (NAV, occupational health, ARR).
  return leaderRecipientsOn(input, date);
}

function planMeasure(input: PlanningInput, m: PlanningMeasure, out: PlannedReminder[]): void {
  if (m.status !== "agreed") return;
  for (const r of measureRecipients(input, m.owner, m.dueDate)) {
    const day = workingDayOnOrAfter(m.dueDate, asJurisdiction(r.jurisdiction));
    const reminder: PlannedReminder = {
      key: reminderKeys.measure(m.id, m.dueDate, r.id),
      kind: "measure_due",
      target: "person",
      recipientId: r.id,
      dueAt: workingInstantOn(day, input.settings.measureAskMinute, r.timeZone, input.settings.workingHours),
      measureId: m.id,
      payload: { template: "measure_due", params: { measureId: m.id, due: m.dueDate, employeeId: input.person.id } },
    };
    if (m.caseId) reminder.caseId = m.caseId;
    withCatchUp([reminder], input.now, input.settings.catchUpDays, out);
  }
}

/**
 * When an unfinished dialogue is reminded: N working days after the last activity, at the
 * same time of day (kept inside working hours), then N working days after that, up to the
 * maximum, and never once the session has expired.
 */
export function dialogueReminderTimes(
  lastActivityAt: Date,
  expiresAt: Date,
  person: Pick<ReminderRecipient, "timeZone" | "jurisdiction">,
  settings: Pick<ReminderSettings, "dialogueReminderAfterWorkingDays" | "dialogueMaxReminders" | "workingHours">,
): Date[] {
  const j = asJurisdiction(person.jurisdiction);
  const minute = localMinuteOf(lastActivityAt, person.timeZone);
  let day = localDateOf(lastActivityAt, person.timeZone);
  const times: Date[] = [];
  for (let n = 1; n <= settings.dialogueMaxReminders; n++) {
    day = addWorkingDays(day, settings.dialogueReminderAfterWorkingDays, j);
    const at = workingInstantOn(day, minute, person.timeZone, settings.workingHours);
    // An expired session cannot be continued; a reminder then would only frustrate.
    if (at.getTime() >= expiresAt.getTime()) break;
    times.push(at);
  }
  return times;
}

function planSession(input: PlanningInput, s: PlanningSession, out: PlannedReminder[]): void {
  const { person, settings } = input;
  // Keyed by the day of the last activity, not every answer: answering on in the same day
  // moves the pending reminder instead of creating a new one; a new day is a new pause.
  const activityDay = localDateOf(s.lastActivityAt, person.timeZone);
  const series = dialogueReminderTimes(s.lastActivityAt, s.expiresAt, person, settings).map(
    (at, i): PlannedReminder => ({
      key: reminderKeys.dialogue(s.id, activityDay, i + 1),
      kind: "dialogue_reminder",
      target: "person",
      recipientId: person.id,
      dueAt: at,
      payload: { template: "dialogue_reminder", params: { sessionId: s.id, n: i + 1, dialogueId: s.dialogueId, subjectId: s.subjectId } },
    }),
  );
  withCatchUp(series, input.now, settings.catchUpDays, out);
}

/** The same day `years` later (29 February becomes 28 February). */
function anniversary(day: IsoDate, years: number): IsoDate {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const date = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

/** Once a year after she last looked at her agreement: does the routine still fit? One key per anniversary. */
function planRoutine(input: PlanningInput, out: PlannedReminder[]): void {
  const since = input.routine?.since;
  if (!since) return;
  const { person, settings } = input;
  const from = localDateOf(since, person.timeZone);
  const today = localDateOf(input.now, person.timeZone);
  const series: PlannedReminder[] = [];
  for (let n = 1; n <= 100; n++) {
    const day = anniversary(from, n);
    series.push({
      key: reminderKeys.routine(person.id, day),
      kind: "routine_reminder",
      target: "person",
      recipientId: person.id,
      dueAt: windowStart(workingDayOnOrAfter(day, asJurisdiction(person.jurisdiction)), person.timeZone, settings.workingHours),
      payload: { template: "routine_reminder", params: { personId: person.id, since: from } },
    });
    // Up to the next one to come: the latest past one is sent late only within the catch-up window.
    if (day > today) break;
  }
  withCatchUp(series, input.now, settings.catchUpDays, out);
}

export function planReminders(input: PlanningInput): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  for (const c of input.cases) {
    for (const m of c.result.milestones) if (isNudgeable(m)) planMilestone(input, c, m, out);
    planArrSummary(input, c, out);
    planScreenings(input, c, out);
  }
  for (const m of input.measures) planMeasure(input, m, out);
  for (const s of input.sessions) planSession(input, s, out);
  planRoutine(input, out);
  // One reminder per key, even if two rules produced it.
  const seen = new Set<string>();
  return out.filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)));
}

