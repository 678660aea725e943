// Public vocabulary of the milestone engine. The ids and statuses are the contract
// of docs/statutory-rules.md: other modules (scheduler, summaries, locale files) key on them.
import type { IsoDate } from "../time/localDate.js";

export const JURISDICTIONS = ["NO", "DK", "SE"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const NO_MILESTONE_IDS = [
  "no.agp_end",
  "no.followup_plan",
  "no.plan_to_sykmelder",
  "no.dialogmote1",
  "no.aktivitetskrav",
  "no.nav_motebehov_query",
  "no.dialogmote2",
  "no.plan_to_nav",
  "no.dialogmote3",
  "no.ssps_letter",
  "no.maksdato",
] as const;

export const DK_MILESTONE_IDS = [
  "dk.sygefravaerssamtale",
  "dk.employer_period_end",
  "dk.fast_track_request",
  "dk.fravaer_anmeldelse",
  "dk.fastholdelsesplan",
  "dk.mulighedserklaering",
  "dk.jobcenter_first_followup",
  "dk.revurdering_22w",
] as const;

export const SE_MILESTONE_IDS = [
  "se.sick_pay_period_end",
  "se.medical_certificate",
  "se.report_to_fk",
  "se.return_to_work_plan",
  "se.day90",
  "se.day180",
  "se.day365",
] as const;

export const MILESTONE_IDS = [...NO_MILESTONE_IDS, ...DK_MILESTONE_IDS, ...SE_MILESTONE_IDS] as const;
export type MilestoneId = (typeof MILESTONE_IDS)[number];

export const MILESTONE_STATUSES = [
  "upcoming",
  "due_today",
  "past",
  "cancelled",
  "not_applicable",
  "on_request",
] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** Who must act: the employer (nearest leader/HR), the employee, or an authority. */
export type Responsible = "employer" | "employee" | "nav" | "kommune" | "fk";

export interface MilestoneResult {
  id: MilestoneId;
  /** Deadline (or the date the event happens); null when the milestone has no fixed date. */
  due: IsoDate | null;
  /** First day of a deadline window, where the law gives one (e.g. the Swedish report to FK). */
  earliest?: IsoDate;
  status: MilestoneStatus;
  /** Legal source, short form, e.g. "aml § 4-6 (3)". */
  source: string;
  /** The date the applied version of the rule took effect. */
  effectiveFrom: IsoDate;
  responsible: Responsible;
  /** Whether the nearest leader should be nudged about this milestone. */
  leaderAction: boolean;
  /** Developer-facing note on an ambiguity, an unverified point or why the status was chosen. */
  note?: string;
}

export interface CaseResult {
  /** First sick day of the case (S, day 1). */
  start: IsoDate;
  /** The day we first learned of the case: the earliest `reportedOn` of its periods (default: their start). */
  knownOn: IsoDate;
  /** Last sick day, or null while the latest period is open. */
  end: IsoDate | null;
  open: boolean;
  /**
   * Sick days in the case (gap days excluded): a closed case counts all its days, including
   * planned ones after today; an open case counts up to and including today.
   */
  sickDays: number;
  /** Whole weeks of sick days (sickDays / 7, floored), as NAV shows them. */
  weeks: number;
  /** Sick-leave grade today, or null when today is not a sick day of this case. */
  gradeNow: number | null;
  /** Grade on the last sick day (for an open case: the grade of the open period). */
  gradeAtEnd: number;
  milestones: MilestoneResult[];
}

export interface MilestoneEvaluation {
  jurisdiction: Jurisdiction;
  today: IsoDate;
  /** Cases in chronological order. */
  cases: CaseResult[];
}
