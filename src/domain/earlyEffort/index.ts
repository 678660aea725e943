// Denmark's early effort (seed 003, sygedagpengeloven § 7c/§ 7e): the leader's screening
// of the risk of a long absence, and the fast-track request it may lead to. The rounds and
// the milestone are data in the rule pack (milestones/rules/dk.ts `earlyEffort`); this is
// the little logic over them. Pure.
import { RULES_BY_JURISDICTION } from "../milestones/rules/index.js";
import type { EarlyEffortRule, EarlyScreeningRound } from "../milestones/rules/model.js";
import type { Jurisdiction } from "../milestones/types.js";
import { addDays, daysBetween, type IsoDate } from "../time/localDate.js";

export const SCREENING_ROUNDS = ["report", "week2"] as const;
export type ScreeningRound = (typeof SCREENING_ROUNDS)[number];
export const ASSESSMENTS = ["risk", "no_risk"] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

/** A request's life: offered by the leader and waiting for her, agreed (or asked by her), declined, sent to the jobcenter. */
export const FAST_TRACK_STATUSES = ["awaiting_employee", "agreed", "declined", "submitted"] as const;
export type FastTrackStatus = (typeof FAST_TRACK_STATUSES)[number];

/** The jurisdiction's early-effort rule, if its law has one (only Denmark). */
export function earlyEffortOf(jurisdiction: string): EarlyEffortRule | undefined {
  return (RULES_BY_JURISDICTION as Record<string, { earlyEffort?: EarlyEffortRule }>)[jurisdiction as Jurisdiction]?.earlyEffort;
}

/** The first day of a round in a case starting on `caseStart`. */
export function roundDate(round: EarlyScreeningRound, caseStart: IsoDate): IsoDate {
  return addDays(caseStart, round.calendarDay - 1);
}

/** The round a screening made on `today` belongs to: the latest round that has begun. */
export function roundOn(rule: EarlyEffortRule, caseStart: IsoDate, today: IsoDate): ScreeningRound {
  const day = daysBetween(caseStart, today) + 1;
  let current = rule.screenings[0]!;
  for (const r of rule.screenings) if (r.calendarDay <= day) current = r;
  return current.round;
}

/** Whether this round is the last one (its "no risk" means no request will be made). */
export function isLastRound(rule: EarlyEffortRule, round: ScreeningRound): boolean {
  return rule.screenings.at(-1)?.round === round;
}
