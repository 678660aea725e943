// Evaluates a definition's conditions against answers. The lookup hides where an
// answer lives: inside a repeat item a step id may name a sibling item step.
import type { AnswerValue } from "../messages/commands.js";
import type { Condition } from "./schema.js";

/** Returns the answer of a step, or undefined when it has not been answered. */
export type AnswerLookup = (stepId: string) => AnswerValue | undefined;

function matches(answer: AnswerValue | undefined, value: string | number): boolean {
  if (answer === undefined || answer === null) return false;
  if (Array.isArray(answer)) return answer.includes(String(value));
  return answer === value || String(answer) === String(value);
}

export function evaluateCondition(condition: Condition, lookup: AnswerLookup): boolean {
  switch (condition.op) {
    case "equals":
      return matches(lookup(condition.step), condition.value);
    case "notEquals":
      return !matches(lookup(condition.step), condition.value);
    case "in": {
      const answer = lookup(condition.step);
      return condition.values.some((v) => matches(answer, v));
    }
    case "answered": {
      const answer = lookup(condition.step);
      return answer !== undefined && !(Array.isArray(answer) && answer.length === 0);
    }
    case "not":
      return !evaluateCondition(condition.condition, lookup);
    case "all":
      return condition.conditions.every((c) => evaluateCondition(c, lookup));
    case "any":
      return condition.conditions.some((c) => evaluateCondition(c, lookup));
  }
}

/** Every step id a condition refers to (for load-time validation). */
export function referencedSteps(condition: Condition): string[] {
  switch (condition.op) {
    case "not":
      return referencedSteps(condition.condition);
    case "all":
    case "any":
      return condition.conditions.flatMap(referencedSteps);
    default:
      return [condition.step];
  }
}
