// The shape of a statutory rule as data. A change in the law is a new table entry
// (same id, later effectiveFrom) plus a test; the engine picks the version in force
// when the sickness started.
import type { IsoDate } from "../../time/localDate.js";
import type { Jurisdiction, MilestoneId, Responsible } from "../types.js";
import type { SettlementFactKind } from "../settlement.js";

/**
 * The date a rule hangs on. "Day N" counts the case's first sick day (S) as day 1.
 * The case must still be running on the anchor date, otherwise the milestone is cancelled.
 */
export type Anchor =
  /** Day N in calendar days from S (S + N − 1); gap days inside a merged case count. */
  | { readonly kind: "calendarDay"; readonly day: number }
  /** The date of the N-th sick day, in the whole case or in the latest sick-pay period (SE). */
  | { readonly kind: "sickDay"; readonly day: number; readonly scope: "case" | "sickPayPeriod" }
  /** Last weekday on or before the N-th sick day, then W weekdays on (Mon–Fri, holidays not skipped). */
  | { readonly kind: "weekdaysAfterSickDay"; readonly sickDay: number; readonly weekdays: number }
  /** No fixed date: it happens when a party asks. */
  | { readonly kind: "onRequest" };

/** What the milestone becomes when a condition does not hold. */
export type Otherwise = "not_applicable" | "on_request";

export type Condition =
  /** Grade on the anchor date (or the last sick day before it) must be at least minGrade. */
  | { readonly kind: "gradeOnAnchor"; readonly minGrade: number; readonly otherwise: Otherwise; readonly note: string }
  /** The case must have at least this many sick days (an open case is assumed to get there). */
  | { readonly kind: "minSickDays"; readonly days: number; readonly otherwise: Otherwise; readonly note: string }
  /** The case must last at least this many calendar days from S (an open case is assumed to). */
  | { readonly kind: "minCaseDays"; readonly days: number; readonly otherwise: Otherwise; readonly note: string }
  /** The grade on the last sick day must be 100 (for an open case: the open period's grade). */
  | { readonly kind: "fullAtEnd"; readonly otherwise: Otherwise; readonly note: string };

export interface MilestoneRule {
  readonly id: MilestoneId;
  /** Sickness starting on or after this date is governed by this version. */
  readonly effectiveFrom: IsoDate;
  /** Short legal source, e.g. "aml § 4-6 (3)". */
  readonly source: string;
  readonly responsible: Responsible;
  readonly leaderAction: boolean;
  readonly anchor: Anchor;
  /** due = anchor + this many calendar days (e.g. a report due days after the first refund day). */
  readonly dueShiftDays?: number;
  /** due = last day of the month of (anchor + dueShiftDays). */
  readonly dueAtEndOfMonth?: boolean;
  /** A deadline window opens at anchor + this many days (reported as `earliest`). */
  readonly earliestShiftDays?: number;
  readonly conditions?: readonly Condition[];
  /**
   * NAV's stoppunkt rule: if the due date had already passed when we first learned that the case
   * runs past it, and the case continues after that day, the milestone falls due on that day.
   */
  readonly dueNotBeforeFirstSeen?: boolean;
  /**
   * When the case became known only after this milestone's reminders were due (a sick period
   * reported late): "remind_at_once" (the default for a leader's duty: the duty stands, so the
   * leader is told at once, with the deadline the law sets, now overdue) or "none" (nothing:
   * the point has lapsed, or another party acts on it). See the planner, src/domain/reminders/plan.ts.
   */
  readonly whenKnownLate?: "remind_at_once" | "none";
  /**
   * Facts about the case that settle this milestone (a confirmed plan, a meeting held …); see
   * ../settlement.ts. A person can settle any milestone by hand as well.
   */
  readonly settledBy?: readonly SettlementFactKind[];
  /** Developer-facing note where the doc marks an ambiguity or an unverified point. */
  readonly note?: string;
}

/** How sick periods form one case, and (Sweden) one sick-pay period. */
export interface CaseRule {
  /** A gap of at least this many non-sick calendar days starts a new case. */
  readonly newCaseAfterGapDays: number;
  /** Norway: vacation right after sick days (no work day between) is appended as sick days. */
  readonly vacationRightAfterSickIsSick: boolean;
  readonly source: string;
  readonly note?: string;
}

export interface SickPayPeriodRule {
  /** A gap of at least this many days starts a new sick-pay period (with a new 14-day count). */
  readonly newPeriodAfterGapDays: number;
  readonly source: string;
}

/** When the leader screens the risk of a long absence: day N of the case (day 1 = the first sick day). */
export interface EarlyScreeningRound {
  readonly round: "report" | "week2";
  readonly calendarDay: number;
  readonly note?: string;
}

/**
 * Denmark's early effort: the leader's screening rounds and the milestone a request settles
 * (a fast-track request to the jobcenter). Absent where the law has no such option.
 */
export interface EarlyEffortRule {
  readonly screenings: readonly EarlyScreeningRound[];
  readonly milestone: MilestoneId;
  /** The request is for absences expected to last longer than this many days from S. */
  readonly expectedAbsenceOverDays: number;
  readonly source: string;
  readonly note?: string;
}

export interface JurisdictionRules {
  readonly jurisdiction: Jurisdiction;
  readonly caseRule: CaseRule;
  readonly earlyEffort?: EarlyEffortRule;
  readonly sickPayPeriod?: SickPayPeriodRule;
  /** Output order follows the first appearance of each id; several versions of an id may be listed. */
  readonly rules: readonly MilestoneRule[];
}
