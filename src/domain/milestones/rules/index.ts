import type { Jurisdiction } from "../types.js";
import { DK_RULES } from "./dk.js";
import type { JurisdictionRules } from "./model.js";
import { NO_RULES } from "./no.js";
import { SE_RULES } from "./se.js";

export const RULES_BY_JURISDICTION: Readonly<Record<Jurisdiction, JurisdictionRules>> = {
  NO: NO_RULES,
  DK: DK_RULES,
  SE: SE_RULES,
};

export { DK_RULES, NO_RULES, SE_RULES };
