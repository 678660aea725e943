// The health-detail guard: checks free text for diagnoses, symptoms, treatments,
// medication and diagnosis codes before it is stored (see docs/follow-up-plan.md,
// "A conversation about work, not about illness"). The bot's wording on a hit is in
// src/i18n/locales/<locale>/guard.json.
export type { GuardResult, HealthGuard } from "./types.js";
export { checkHealthDetails, healthGuard } from "./check.js";
export {
  evaluateGuard,
  parseLabelledTsv,
  type GuardEvaluation,
  type GuardMistake,
  type LabelledRow,
} from "./evaluate.js";
