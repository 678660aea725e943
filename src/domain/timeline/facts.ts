// What happened in one sick-leave case, as plain facts the app layer gathers from the
// database: periods, milestones, nudges, dialogues, plan versions, measures, consents,
// ARR summaries and plan reads. Instants are already turned into the viewer's local
// calendar dates (`on`), with `seq` (epoch milliseconds) to order events of one day.
// No I/O here: the timeline is built from these facts alone.
import type { IsoDate } from "../time/localDate.js";
import type { MilestoneResult } from "../milestones/types.js";

/** Who looks at the timeline, seen from the case (the ARR team only with the employee's consent). */
export const VIEWER_ROLES = ["employee", "leader", "substitute", "hr", "arr"] as const;
export type ViewerRole = (typeof VIEWER_ROLES)[number];

/** The role someone acted in, as written in the audit log and on rows. */
export type ActorRole = "employee" | "leader" | "substitute" | "hr" | "arr" | "cli" | "scheduler" | "system";

export interface Stamp {
  on: IsoDate;
  seq: number;
}

export interface PeriodFact extends Stamp {
  start: IsoDate;
  end: IsoDate | null;
  grade: number;
  type: "sick" | "vacation";
  /** How it reached us: "slack" | "teams" | "console" | "cli" (HR on the employee's behalf). */
  via: string;
  /** Set when a later change replaced this period (the row is kept). */
  superseded?: Stamp;
}

export interface MilestoneStateFact extends Stamp {
  milestoneId: string;
  state: "done" | "snoozed" | "not_needed";
  snoozedUntil?: IsoDate | null;
  /** Free text the leader gave for "not needed"; shown only to the roles allowed details. */
  reason?: string | null;
  by?: ActorRole;
}

export interface ReminderFact extends Stamp {
  kind: "nudge" | "escalation";
  milestoneId: string;
  /** Who was reminded. */
  to: "leader" | "substitute" | "hr" | "arr";
}

export interface DialogueFact extends Stamp {
  dialogueId: string;
  /** Whose side of the follow-up it was. */
  by: "employee" | "leader";
}

export interface PlanVersionFact extends Stamp {
  version: number;
  reviewStatus: "pending" | "confirmed" | "disagreed";
  reviewed?: Stamp;
  /** What the employee disagrees with (their own words). */
  disagreement?: string | null;
  /** The version records that a written plan is not needed. */
  notNeeded?: boolean;
}

export interface MeasureFact {
  key: string;
  title: string;
  owner: string | null;
  dueDate: IsoDate | null;
  status: "proposed" | "agreed" | "done" | "not_relevant" | "cancelled";
  proposed?: Stamp;
  agreed?: Stamp;
  /** When it was closed (done, not relevant, cancelled). */
  closed?: Stamp;
  notes: Array<{ on: IsoDate; text: string }>;
}

export interface ConsentFact extends Stamp {
  granted: boolean;
}

export interface ArrSummaryFact extends Stamp {
  version?: number;
}

export interface PlanReadFact extends Stamp {
  actorName: string;
  actorRole: ActorRole;
  /** The plan read in chat, exported, or this timeline looked at. */
  op: "read" | "export" | "timeline";
}

/** Who receives a plan sent through NAV's LPS API. */
export type NavRecipientFact = "nav" | "doctor";

/**
 * One step of sending a plan version through NAV's LPS API: asked for (by whom), accepted by
 * NAV (still waiting to be passed on), delivered, refused by NAV (its ApiError type), given up
 * after the retries ran out, or accepted but never confirmed delivered (status unknown).
 */
export interface NavSendingFact extends Stamp {
  event: "requested" | "accepted" | "delivered" | "refused" | "givenUp" | "statusUnknown";
  version: number;
  recipients: NavRecipientFact[];
  /** Who asked (requested only). */
  by?: ActorRole;
  byName?: string;
  /** NAV's ApiError type (refused only): a code, never NAV's own message. */
  errorType?: string;
}

/** Denmark's early effort: the leader's screening (the assessment only, never the indicators). */
export interface ScreeningFact extends Stamp {
  round: "report" | "week2";
  assessment: "risk" | "no_risk";
}

/** The case's fast-track request: each step that happened. */
export interface FastTrackFact {
  initiatedBy: "leader" | "employee";
  offered?: Stamp;
  agreed?: Stamp;
  declined?: Stamp;
  submitted?: Stamp;
}

export interface CaseFacts {
  today: IsoDate;
  caseStart: IsoDate;
  caseEnd: IsoDate | null;
  /** Still sick today (the end unknown or ahead). */
  ongoing: boolean;
  periods: PeriodFact[];
  milestones: MilestoneResult[];
  states: MilestoneStateFact[];
  reminders: ReminderFact[];
  dialogues: DialogueFact[];
  versions: PlanVersionFact[];
  measures: MeasureFact[];
  consents: ConsentFact[];
  arrSummaries: ArrSummaryFact[];
  reads: PlanReadFact[];
  /**
   * Milestones settled by a fact about the case (a confirmed plan, a fast-track request sent …),
   * with the day: as settlementOf (milestones/settlement.ts) answers; absent: none.
   */
  settledByFact?: Array<{ milestoneId: string; on: IsoDate }>;
  /** The leader's early-effort screenings (DK; absent: none). */
  screenings?: ScreeningFact[];
  /** The fast-track request (DK; absent: none). */
  fastTrack?: FastTrackFact | null;
  /** Sendings of the plan through NAV's LPS API (absent: none). */
  navSendings?: NavSendingFact[];
  /** Retention: the plan is no longer the leader's to read (six months after the case ended). */
  planHiddenFromLeader: boolean;
}
