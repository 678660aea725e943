// Statutory milestone engine (Norway, Denmark, Sweden): pure functions over sick periods.
export * from "./types.js";
export { milestoneInputSchema, parseMilestoneInput } from "./input.js";
export type { MilestoneInput, ParsedMilestoneInput, PeriodInput, ParseResult } from "./input.js";
export { evaluateMilestones, milestoneIdsOf } from "./evaluate.js";
export { milestoneTitleKey, milestoneWhatKey, milestoneStatusKey, milestoneResponsibleKey, MILESTONES_NAMESPACE } from "./keys.js";
export { OPEN_END, buildCases } from "./cases.js";
export type { DaySpan, SickSpan, SickCase } from "./cases.js";
export { RULES_BY_JURISDICTION, NO_RULES, DK_RULES, SE_RULES } from "./rules/index.js";
export type { Anchor, Condition, Otherwise, MilestoneRule, CaseRule, SickPayPeriodRule, JurisdictionRules, EarlyEffortRule, EarlyScreeningRound } from "./rules/model.js";
export {
  SETTLEMENT_FACT_KINDS,
  isSettlementFactKind,
  settledByOf,
  isPlanMilestone,
  isPlanDecisionMilestone,
  planMilestoneIds,
  settlementOf,
  settlementOutcome,
  isSettled,
  snoozedUntilOf,
  NO_FACTS,
} from "./settlement.js";
export type { SettlementFactKind, CaseFact, ManualState, SettlementFacts, Settlement } from "./settlement.js";
export { whenKnownLateOf } from "./knownLate.js";
export type { WhenKnownLate } from "./knownLate.js";
