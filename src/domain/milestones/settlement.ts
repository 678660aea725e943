// When a milestone is settled: the one answer the planner, the notification templates,
// status, App Home and the Teams tab all ask. What settles a milestone is data on its
// rule (rules/*.ts, `settledBy`); a person can always settle any milestone by hand
// (done, or not needed with a reason), and a snooze only postpones.
import type { IsoDate } from "../time/localDate.js";
import { RULES_BY_JURISDICTION } from "./rules/index.js";
import type { MilestoneId } from "./types.js";

/**
 * Facts about a case that settle milestones. Extensible: a new kind here (and on the rules it
 * settles) is all it takes; facts are recorded per case with a date and a source.
 */
export const SETTLEMENT_FACT_KINDS = [
  /** The employee confirmed a version of the follow-up plan. */
  "plan_confirmed",
  /** The leader recorded that a plan is obviously unnecessary (aml § 4-6 (3) "åpenbart unødvendig"). */
  "plan_not_needed",
  /** The plan was sent to the doctor (sykmelder). */
  "plan_sent_to_doctor",
  /** The plan was sent to NAV (before a dialogue meeting NAV convenes). */
  "plan_sent_to_nav",
  /** A dialogue meeting (dialogmøte, sygefraværssamtale) was held. */
  "meeting_held",
  /** DK: the fast-track request (agreed by the employee) was sent to the jobcenter (sygedagpengeloven § 7c/§ 7e). */
  "fast_track_requested",
  /** DK: the employee declined the fast track (it is voluntary): no request is made. */
  "fast_track_declined",
  /** DK: the leader's last screening (week 2) found no risk of a long absence: no request is made. */
  "fast_track_not_indicated",
] as const;
export type SettlementFactKind = (typeof SETTLEMENT_FACT_KINDS)[number];

export function isSettlementFactKind(value: string): value is SettlementFactKind {
  return (SETTLEMENT_FACT_KINDS as readonly string[]).includes(value);
}

export interface CaseFact {
  kind: string;
  /** The day it happened. */
  on: IsoDate;
}

/** What a person set on a milestone (MilestoneState). */
export interface ManualState {
  milestoneId: string;
  state: string;
  snoozedUntil?: IsoDate | null;
}

export interface SettlementFacts {
  states: readonly ManualState[];
  facts: readonly CaseFact[];
}

export type Settlement =
  | { by: "done" | "not_needed"; manual: true }
  | { by: SettlementFactKind; manual: false; on: IsoDate };

/** Facts that settle a milestone by making it unnecessary (it reads "not needed", not "done"). */
const NOT_NEEDED_FACTS: readonly string[] = ["not_needed", "plan_not_needed", "fast_track_declined", "fast_track_not_indicated"];

/** How a settlement reads to a person: done, or not needed. */
export function settlementOutcome(s: Settlement): "done" | "not_needed" {
  return NOT_NEEDED_FACTS.includes(s.by) ? "not_needed" : "done";
}

const SETTLED_BY: ReadonlyMap<string, readonly SettlementFactKind[]> = (() => {
  const map = new Map<string, SettlementFactKind[]>();
  for (const table of Object.values(RULES_BY_JURISDICTION)) {
    for (const rule of table.rules) {
      // Every version of a rule names the same facts (a test holds the tables to it); union to be safe.
      const kinds = map.get(rule.id) ?? [];
      for (const k of rule.settledBy ?? []) if (!kinds.includes(k)) kinds.push(k);
      map.set(rule.id, kinds);
    }
  }
  return map;
})();

/** The facts that settle this milestone (beyond a person marking it by hand). */
export function settledByOf(milestoneId: string): readonly SettlementFactKind[] {
  return SETTLED_BY.get(milestoneId) ?? [];
}

/** A follow-up-plan milestone: the plan settles it, so its nudges offer the plan and "plan not needed". */
export function isPlanMilestone(milestoneId: string): boolean {
  return settledByOf(milestoneId).includes("plan_not_needed");
}

/**
 * The milestone that is the plan itself (a confirmed version settles it): only there can the
 * leader record that no plan is needed. "Send the plan to the doctor" follows from that
 * decision but is not where it is made.
 */
export function isPlanDecisionMilestone(milestoneId: string): boolean {
  const kinds = settledByOf(milestoneId);
  return kinds.includes("plan_confirmed") && kinds.includes("plan_not_needed");
}

/** The plan milestones of the rule tables (every jurisdiction). */
export function planMilestoneIds(): MilestoneId[] {
  return [...SETTLED_BY.keys()].filter(isPlanMilestone) as MilestoneId[];
}

/** Whether (and how) the milestone is settled for the case these facts belong to; null when it is not. */
export function settlementOf(milestoneId: string, facts: SettlementFacts): Settlement | null {
  const state = facts.states.find((s) => s.milestoneId === milestoneId);
  if (state && (state.state === "done" || state.state === "not_needed")) return { by: state.state, manual: true };
  const kinds = settledByOf(milestoneId);
  let first: CaseFact | undefined;
  for (const f of facts.facts) if (kinds.includes(f.kind as SettlementFactKind) && (!first || f.on < first.on)) first = f;
  return first ? { by: first.kind as SettlementFactKind, manual: false, on: first.on } : null;
}

export function isSettled(milestoneId: string, facts: SettlementFacts): boolean {
  return settlementOf(milestoneId, facts) !== null;
}

/** The snooze a person set, if the milestone is snoozed (not settled: it only waits). */
export function snoozedUntilOf(milestoneId: string, facts: SettlementFacts): IsoDate | null {
  const state = facts.states.find((s) => s.milestoneId === milestoneId);
  return state?.state === "snoozed" ? (state.snoozedUntil ?? null) : null;
}

export const NO_FACTS: SettlementFacts = { states: [], facts: [] };
