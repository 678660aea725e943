// The life of a measure: proposed in a dialogue, agreed when the employee confirms
// the plan, then done, not relevant or cancelled; an agreed measure may be postponed
// with a new due date and a note saying why. On the due date the bot asks the owner.
import { type IsoDate, compareIsoDates, isIsoDate } from "../time/localDate.js";
import type { MeasureStatus } from "./fields.js";
import { type Measure, type PlanContent, isOpenMeasure } from "./model.js";
import { type PlanProblem, type ProblemCode, type Result, checkText, fail, ok } from "./validation.js";

export type MeasureAction =
  | { type: "agree"; note?: string }
  | { type: "done"; note?: string }
  | { type: "not_relevant"; note?: string }
  | { type: "cancel"; note?: string }
  | { type: "postpone"; newDueDate: IsoDate; note: string };

const NEXT_STATUS: Record<Exclude<MeasureAction["type"], "postpone">, MeasureStatus> = {
  agree: "agreed",
  done: "done",
  not_relevant: "not_relevant",
  cancel: "cancelled",
};

/**
 * Allowed moves. A proposal that is dropped before it is agreed may be cancelled or
 * found not relevant; only an agreed measure can be done or postponed. Closed
 * measures (done, not relevant, cancelled) stay closed: a new measure is proposed instead.
 */
const ALLOWED: Record<MeasureStatus, ReadonlyArray<MeasureAction["type"]>> = {
  proposed: ["agree", "cancel", "not_relevant"],
  agreed: ["done", "not_relevant", "cancel", "postpone"],
  done: [],
  not_relevant: [],
  cancelled: [],
};

export function canApplyMeasureAction(status: MeasureStatus, action: MeasureAction["type"]): boolean {
  return ALLOWED[status].includes(action);
}

export interface MeasureActionContext {
  today: IsoDate;
  /** Who acted (user id or role); written on the note. */
  by: string;
}

/** A new plan content with the action applied to one measure, or why it cannot be. */
export function applyMeasureAction(
  content: PlanContent,
  measureId: string,
  action: MeasureAction,
  context: MeasureActionContext,
): Result<PlanContent> {
  const index = content.measures.findIndex((m) => m.id === measureId);
  const measure = content.measures[index];
  if (!measure) {
    return fail(problem("measure_not_found", "plan:errors.measureNotFound", { id: measureId }));
  }
  if (!canApplyMeasureAction(measure.status, action.type)) {
    return fail({
      ...problem("measure_transition_not_allowed", "plan:errors.measureTransition", { title: measure.title }),
      labels: { status: `plan:measureStatus.${measure.status}` },
    });
  }
  const note = action.note?.trim();
  if (note) {
    const textProblem = checkText(note, "measures", `measures[${index}].notes`);
    if (textProblem) return fail(textProblem);
  }

  const next: Measure = structuredClone(measure);
  if (action.type === "postpone") {
    if (!note) return fail(problem("postpone_needs_note", "plan:errors.postponeNeedsNote", { title: measure.title }));
    if (!isIsoDate(action.newDueDate) || compareIsoDates(action.newDueDate, context.today) <= 0) {
      return fail({
        ...problem("postpone_date_invalid", "plan:errors.postponeDate", { title: measure.title }),
        dates: { today: context.today },
      });
    }
    next.dueDate = action.newDueDate;
  } else {
    next.status = NEXT_STATUS[action.type];
  }
  if (note) next.notes.push({ date: context.today, by: context.by, text: note });

  const measures = content.measures.map((m, i) => (i === index ? next : m));
  return ok({ ...content, measures });
}

/** Agreed measures due on this date: the bot asks their owners done / postpone / not relevant. */
export function measuresDueOn(content: PlanContent, date: IsoDate): Measure[] {
  return content.measures.filter((m) => m.status === "agreed" && m.dueDate === date);
}

/** Agreed measures whose due date has passed without an answer. */
export function overdueMeasures(content: PlanContent, date: IsoDate): Measure[] {
  return content.measures.filter((m) => m.status === "agreed" && m.dueDate !== null && compareIsoDates(m.dueDate, date) < 0);
}

/** Confirming the plan turns every proposal into an agreed measure. */
export function agreeProposedMeasures(measures: readonly Measure[]): Measure[] {
  return measures.map((m) => (m.status === "proposed" ? { ...m, status: "agreed" as const } : m));
}

export function openMeasures(content: PlanContent): Measure[] {
  return content.measures.filter(isOpenMeasure);
}

function problem(code: ProblemCode, key: string, params: Record<string, string | number>): PlanProblem {
  return { code, field: "measures", key, params };
}
