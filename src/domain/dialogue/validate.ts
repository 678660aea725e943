// Load-time checks a zod schema cannot express: references between steps. A
// definition that passes can be walked without surprises: every jump lands on a
// later step, every condition reads an answer given before it, every text exists.
import { referencedSteps } from "./conditions.js";
import {
  END,
  dialogueDefinitionSchema,
  type Condition,
  type DialogueDefinition,
  type DialogueDefinitionInput,
  type ItemStep,
  type Step,
} from "./schema.js";

/** Keys the engine adds to every open repeat's "add another?" question. */
const MORE_OPTION_KEYS = ["dialogue:common.yes", "dialogue:common.no"];

type Known = Map<string, Step | ItemStep>;

function valueProblems(condition: Condition, known: Known, where: string): string[] {
  switch (condition.op) {
    case "not":
      return valueProblems(condition.condition, known, where);
    case "all":
    case "any":
      return condition.conditions.flatMap((c) => valueProblems(c, known, where));
    case "answered":
      return [];
    default: {
      // A typo in a compared value would silently never match; catch it here.
      const step = known.get(condition.step);
      if (!step || (step.type !== "single_choice" && step.type !== "multi_choice")) return [];
      const values = condition.op === "in" ? condition.values : [condition.value];
      return values
        .filter((v) => !step.options.some((o) => o.value === String(v)))
        .map((v) => `${where}: condition compares ${condition.step} with "${v}", which is not one of its options`);
    }
  }
}

function conditionProblems(condition: Condition | undefined, known: Known, where: string): string[] {
  if (!condition) return [];
  const problems = referencedSteps(condition)
    .filter((id) => !known.has(id))
    .map((id) => `${where}: condition refers to "${id}", which is not an answerable step before it`);
  return problems.length > 0 ? problems : valueProblems(condition, known, where);
}

function isAnswerableStep(step: Step | ItemStep): boolean {
  return step.type !== "info" && step.type !== "repeat" && step.type !== "summary";
}

/** Every locale key a definition uses (for the "all texts exist" check). */
export function definitionKeys(def: DialogueDefinition): string[] {
  const keys = new Set<string>([def.titleKey]);
  const addStep = (step: Step | ItemStep) => {
    keys.add(step.textKey);
    if (step.helpKey) keys.add(step.helpKey);
    if ("options" in step) for (const o of step.options) {
      keys.add(o.labelKey);
      if (o.helpKey) keys.add(o.helpKey);
    }
  };
  for (const step of def.steps) {
    addStep(step);
    if (step.type !== "repeat") continue;
    keys.add(step.itemTitleKey);
    if (step.itemLabelKey) keys.add(step.itemLabelKey);
    if (step.source.kind === "open") {
      keys.add(step.source.addFirstKey);
      keys.add(step.source.addAnotherKey);
      for (const k of MORE_OPTION_KEYS) keys.add(k);
    }
    step.itemSteps.forEach(addStep);
  }
  return [...keys];
}

function stepProblems(step: Step | ItemStep, where: string, known: Known): string[] {
  const problems: string[] = [];
  if ("options" in step) {
    const values = step.options.map((o) => o.value);
    if (new Set(values).size !== values.length) problems.push(`${where}: option values are not unique`);
  }
  if (step.type === "multi_choice") {
    const max = step.max ?? step.options.length;
    if ((step.min ?? 1) > max || max > step.options.length) problems.push(`${where}: min/max do not fit the options`);
  }
  if (step.type === "percent" && step.min > step.max) problems.push(`${where}: min is above max`);
  if (step.type === "date") {
    const { minDays, maxDays, defaultDays } = step;
    if (minDays !== undefined && maxDays !== undefined && minDays > maxDays) problems.push(`${where}: minDays is above maxDays`);
    if (defaultDays !== undefined && ((minDays !== undefined && defaultDays < minDays) || (maxDays !== undefined && defaultDays > maxDays))) {
      problems.push(`${where}: defaultDays is outside the bounds`);
    }
    if (step.notBefore !== undefined && known.get(step.notBefore)?.type !== "date") {
      problems.push(`${where}: notBefore must name an earlier date step`);
    }
  }
  return problems;
}

/**
 * Checks a parsed definition; returns the problems found (empty when valid).
 * With `hasKey`, also checks that every locale key it uses exists.
 */
export function validateDefinition(def: DialogueDefinition, hasKey?: (key: string) => boolean): string[] {
  const problems: string[] = [];
  const ids = [...def.steps.map((s) => s.id), ...def.steps.flatMap((s) => (s.type === "repeat" ? s.itemSteps.map((i) => i.id) : []))];
  for (const id of new Set(ids)) {
    if (ids.filter((x) => x === id).length > 1) problems.push(`step id "${id}" is used more than once`);
  }

  const summaries = def.steps.filter((s) => s.type === "summary");
  if (summaries.length > 1) problems.push("more than one summary step");
  if (summaries.length === 1 && def.steps.at(-1)?.type !== "summary") problems.push("the summary step must be the last step");

  // Answerable top-level steps before the one being checked.
  const before: Known = new Map();
  def.steps.forEach((step, index) => {
    const where = `step "${step.id}"`;
    problems.push(...conditionProblems(step.showIf, before, where));
    problems.push(...stepProblems(step, where, before));

    // Jump rules may also look at the step's own answer.
    const withSelf: Known = new Map(before);
    if (isAnswerableStep(step)) withSelf.set(step.id, step);
    for (const jump of step.next ?? []) {
      problems.push(...conditionProblems(jump.when, withSelf, where));
      if (step.type === "summary") problems.push(`${where}: a summary step cannot jump`);
      if (jump.goto === END) continue;
      const target = def.steps.findIndex((s) => s.id === jump.goto);
      if (target < 0) problems.push(`${where}: goto "${jump.goto}" does not exist`);
      else if (target <= index) problems.push(`${where}: goto "${jump.goto}" must be a later step`);
    }

    if (step.type === "single_choice" && step.typedPercent) {
      const { option, step: target } = step.typedPercent;
      if (!step.options.some((o) => o.value === option)) problems.push(`${where}: typedPercent picks "${option}", which is not one of its options`);
      // The step right after it, so the typed percentage answers the question that comes next.
      if (def.steps[index + 1]?.id !== target || def.steps[index + 1]?.type !== "percent") problems.push(`${where}: typedPercent must answer the percent step right after it`);
    }

    if (step.type === "repeat") {
      const source = step.source;
      if (source.kind === "step" && before.get(source.step)?.type !== "list") {
        problems.push(`${where}: source "${source.step}" must be an earlier list step`);
      }
      if (source.kind === "open" && source.minItems > source.maxItems) problems.push(`${where}: minItems is above maxItems`);
      if (step.itemSteps[0]?.showIf) problems.push(`${where}: the first item step must always be shown`);
      const inItem: Known = new Map(before);
      for (const item of step.itemSteps) {
        const itemWhere = `${where} item "${item.id}"`;
        problems.push(...conditionProblems(item.showIf, inItem, itemWhere));
        problems.push(...stepProblems(item, itemWhere, inItem));
        if (item.type === "single_choice" && item.typedPercent) problems.push(`${itemWhere}: typedPercent is for top-level steps`);
        inItem.set(item.id, item);
      }
    }
    if (isAnswerableStep(step)) before.set(step.id, step);
  });

  if (hasKey) {
    for (const key of definitionKeys(def)) if (!hasKey(key)) problems.push(`locale key "${key}" is missing`);
  }
  return problems;
}

/** Parses and checks a definition; throws listing every problem. Used by the shipped definitions. */
export function defineDialogue(input: DialogueDefinitionInput): DialogueDefinition {
  const def = dialogueDefinitionSchema.parse(input);
  const problems = validateDefinition(def);
  if (problems.length > 0) throw new Error(`Dialogue "${def.id}" is invalid:\n- ${problems.join("\n- ")}`);
  return def;
}
