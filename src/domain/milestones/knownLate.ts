// What a milestone's rule says when the case became known only after the milestone's
// reminders were due (a sick period reported late): the rule's `whenKnownLate`, by default
// "remind_at_once" for a leader's duty (the duty stands: make the plan, hold the meeting,
// report — now; SFB 30:6 says "omgående" for a plan whose need becomes clear later) and
// "none" for a point nobody at the workplace acts on. Data on the rules (rules/*.ts).
import { RULES_BY_JURISDICTION } from "./rules/index.js";

export type WhenKnownLate = "remind_at_once" | "none";

const WHEN_KNOWN_LATE: ReadonlyMap<string, WhenKnownLate> = (() => {
  const map = new Map<string, WhenKnownLate>();
  for (const table of Object.values(RULES_BY_JURISDICTION)) {
    for (const rule of table.rules) {
      const value = rule.whenKnownLate ?? (rule.leaderAction ? "remind_at_once" : "none");
      // Every version of a rule says the same (a test holds the tables to it); "remind" wins.
      if (map.get(rule.id) !== "remind_at_once") map.set(rule.id, value);
    }
  }
  return map;
})();

export function whenKnownLateOf(milestoneId: string): WhenKnownLate {
  return WHEN_KNOWN_LATE.get(milestoneId) ?? "none";
}
