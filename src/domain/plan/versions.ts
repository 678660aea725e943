// Rules for plan versions, used by the service layer that stores every version
// immutably: what a version needs before it can be confirmed, the employee's review
// (confirm, or record what they disagree with), and which parts of a plan belong to
// one party so that the other cannot rewrite them.
import type { IsoDate } from "../time/localDate.js";
import type { PlanField } from "./fields.js";
import { agreeProposedMeasures } from "./measures.js";
import {
  type ExceptionReason,
  type PlanContent,
  type PlanRole,
  VOICE_FIELDS,
  hasVoice,
  isOpenMeasure,
} from "./model.js";
import { combineTaskViews, splitTaskViews } from "./tasks.js";
import {
  type PlanProblem,
  type Result,
  checkText,
  fail,
  ok,
  textLimitProblems,
  validateEvaluationDate,
} from "./validation.js";

export {
  agreeProposedMeasures,
  applyMeasureAction,
  canApplyMeasureAction,
  measuresDueOn,
  overdueMeasures,
  type MeasureAction,
} from "./measures.js";
export { oneYearAfter, textLimitProblems, validateEvaluationDate } from "./validation.js";

/**
 * Required fields a draft may still lack (a draft accepts partial answers). Confirming
 * needs: a typical workday or assessed tasks, follow-up, evaluation date, whether the
 * employee took part (with a reason if not), whether NAV's help is needed (with a
 * description if so), and an owner and due date for every open measure (the bot asks
 * the owner on the due date).
 */
export function missingRequiredFields(content: PlanContent): PlanField[] {
  const missing: PlanField[] = [];
  if (!hasVoice(content.typicalWorkday) && content.tasks.length === 0) missing.push("typicalWorkday");
  if (!hasVoice(content.followUp)) missing.push("followUp");
  if (content.evaluationDate === null) missing.push("evaluationDate");
  if (content.employeeHasContributedToPlan === null) missing.push("employeeHasContributedToPlan");
  else if (!content.employeeHasContributedToPlan && !hasVoice(content.employeeHasNotContributedToPlanDescription)) {
    missing.push("employeeHasNotContributedToPlanDescription");
  }
  if (content.needsHelpFromNav === null) missing.push("needsHelpFromNav");
  else if (content.needsHelpFromNav && !hasVoice(content.needsHelpFromNavDescription)) {
    missing.push("needsHelpFromNavDescription");
  }
  const open = content.measures.filter(isOpenMeasure);
  if (open.some((m) => m.owner === null)) missing.push("measureOwner");
  if (open.some((m) => m.dueDate === null)) missing.push("measureDueDate");
  return missing;
}

/** Everything that stops a version from being confirmed today; empty when it can be. */
export function confirmationProblems(content: PlanContent, today: IsoDate): PlanProblem[] {
  const problems: PlanProblem[] = missingRequiredFields(content).map((field) => ({
    code: "missing" as const,
    field,
    key: "plan:errors.missing",
    params: {},
  }));
  problems.push(...textLimitProblems(content));
  if (content.evaluationDate !== null) {
    const date = validateEvaluationDate(content.evaluationDate, today);
    if (!date.ok) problems.push(date.error);
  }
  // NAV's API: help from NAV is asked for by sending the plan to NAV.
  if (content.needsHelpFromNav === true && content.sendPlanToNav !== true) {
    problems.push({
      code: "needs_help_requires_send_to_nav",
      field: "sendPlanToNav",
      key: "plan:errors.needsHelpRequiresSendToNav",
      params: {},
    });
  }
  return problems;
}

/**
 * The confirmed content: proposals become agreed measures. Only the employee confirms
 * (src/app/access.ts, "plan.confirm"); a plan she did not take part in stays pending
 * until she reviews it, and the leader settles the milestone by marking it done.
 */
export function confirmVersion(
  content: PlanContent,
  context: { by: PlanRole; today: IsoDate },
): Result<PlanContent, PlanProblem[]> {
  if (context.by !== "employee") {
    return fail([roleProblem("plan:errors.onlyEmployeeConfirms", "employeeHasContributedToPlan")]);
  }
  const problems = confirmationProblems(content, context.today);
  if (problems.length > 0) return fail(problems);
  return ok({ ...content, measures: agreeProposedMeasures(content.measures) });
}

/** The employee records (or rewrites) what they disagree with in this version. */
export function recordDisagreement(
  content: PlanContent,
  input: { by: PlanRole; text: string; onVersion: number; date: IsoDate },
): Result<PlanContent> {
  if (input.by !== "employee") return fail(roleProblem("plan:errors.onlyEmployeeDisagrees", "disagreement"));
  const text = input.text.trim();
  const problem = checkText(text, "disagreement", "disagreement.text");
  if (problem) return fail(problem);
  return ok({ ...content, disagreement: { by: "employee", text, onVersion: input.onVersion, date: input.date } });
}

export function withdrawDisagreement(content: PlanContent, by: PlanRole): Result<PlanContent> {
  if (by !== "employee") return fail(roleProblem("plan:errors.onlyEmployeeDisagrees", "disagreement"));
  return ok({ ...content, disagreement: null });
}

/** "Plan not needed" is the leader's assessment, recorded with a reason and visible to HR. */
export function recordPlanNotNeeded(
  content: PlanContent,
  input: { by: PlanRole; recordedBy: string; reason: ExceptionReason; text?: string; date: IsoDate },
): Result<PlanContent> {
  if (input.by !== "leader") return fail(roleProblem("plan:errors.onlyLeaderRecordsException", "exception"));
  const text = input.text?.trim();
  if (text) {
    const problem = checkText(text, "exception", "exception.text");
    if (problem) return fail(problem);
  }
  if (input.reason === "other" && !text) {
    return fail({ code: "missing", field: "exception", key: "plan:errors.exceptionNeedsText", params: {} });
  }
  return ok({
    ...content,
    exception: { reason: input.reason, ...(text ? { text } : {}), recordedBy: input.recordedBy, date: input.date },
  });
}

export interface ChangeResult {
  /** `next` with everything the acting party may not change put back as it was. */
  content: PlanContent;
  /** What the change tried to alter and was refused, e.g. "disagreement", "typicalWorkday.employee". */
  refused: string[];
}

/**
 * A change made by one party, checked against the previous version: the other party's
 * words (voices, task assessments, raw answers) are theirs and are kept as they were.
 * Neither may delete a measure (it is closed through its status instead). A leader
 * additionally cannot drop, rewrite or add the employee's disagreement, nor change
 * the employee's ARR consent. Refused parts are restored, not silently lost:
 * `refused` says what was put back so the caller can tell the person.
 */
export function applyChangeBy(by: PlanRole, previous: PlanContent, next: PlanContent): ChangeResult {
  const other: PlanRole = by === "leader" ? "employee" : "leader";
  const content = structuredClone(next);
  const refused: string[] = [];

  for (const field of VOICE_FIELDS) {
    const before = previous[field][other];
    if (content[field][other] === before) continue;
    refused.push(`${field}.${other}`);
    const voices = { ...content[field] };
    if (before === undefined) delete voices[other];
    else voices[other] = before;
    content[field] = voices;
  }

  const beforeViews = splitTaskViews(previous.tasks);
  const nextViews = splitTaskViews(content.tasks);
  if (!sameJson(beforeViews[other], nextViews[other])) {
    refused.push(`tasks.${other}`);
    nextViews[other] = beforeViews[other];
    content.tasks = combineTaskViews(nextViews.employee, nextViews.leader);
  }

  // Measures are closed through their status, never deleted: nothing of the plan's history is thrown away.
  const kept = previous.measures.map((measure) => {
    const now = content.measures.find((m) => m.id === measure.id);
    if (now) return now;
    refused.push(`measures.${measure.id}`);
    return structuredClone(measure);
  });
  content.measures = [...kept, ...content.measures.filter((m) => !previous.measures.some((p) => p.id === m.id))];

  if (!sameJson(previous.snapshots[other], content.snapshots[other])) {
    refused.push(`snapshots.${other}`);
    content.snapshots[other] = structuredClone(previous.snapshots[other]);
  }

  if (by === "leader") {
    if (!sameJson(previous.disagreement, content.disagreement)) {
      refused.push("disagreement");
      content.disagreement = structuredClone(previous.disagreement);
    }
    if (previous.arrConsent !== content.arrConsent) {
      refused.push("arrConsent");
      content.arrConsent = previous.arrConsent;
    }
  }
  return { content, refused };
}

/** A leader's edit of the plan; see applyChangeBy. */
export function applyLeaderChange(previous: PlanContent, next: PlanContent): ChangeResult {
  return applyChangeBy("leader", previous, next);
}

function roleProblem(key: string, field: PlanProblem["field"]): PlanProblem {
  return { code: "not_allowed_for_role", field, key, params: {} };
}

/** Structural equality of JSON data, independent of key order. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

