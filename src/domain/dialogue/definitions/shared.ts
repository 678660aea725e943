// Building blocks several dialogues share: key naming, yes/no, option sets whose
// values come from the plan's enums (so answers and plan fields stay in step),
// and the questions about one measure.
import { adjustmentSchema, measureOwnerSchema, taskAbilitySchema } from "../../plan/fields.js";
import type { ChoiceOptionDef, ItemStepInput } from "../schema.js";

/** Locale keys of one dialogue: "dialogue:<dialogue>.<step>.text" and so on. */
export function keysFor(dialogueId: string) {
  const prefix = `dialogue:${dialogueId}`;
  return {
    title: `${prefix}.title`,
    text: (stepId: string) => `${prefix}.${stepId}.text`,
    help: (stepId: string) => `${prefix}.${stepId}.help`,
    key: (path: string) => `${prefix}.${path}`,
    options: (stepId: string, values: readonly string[]): ChoiceOptionDef[] =>
      values.map((value) => ({ value, labelKey: `${prefix}.${stepId}.options.${value}` })),
  };
}

export const yesNo: ChoiceOptionDef[] = [
  { value: "yes", labelKey: "dialogue:common.yes" },
  { value: "no", labelKey: "dialogue:common.no" },
];

/** Options shared across dialogues, labelled under "dialogue:options.<set>.<value>". */
export function sharedOptions(set: string, values: readonly string[]): ChoiceOptionDef[] {
  return values.map((value) => ({ value, labelKey: `dialogue:options.${set}.${value}` }));
}

export const taskAbilityOptions = sharedOptions("taskAbility", taskAbilitySchema.options);
export const adjustmentOptions = sharedOptions("adjustment", adjustmentSchema.options);
export const measureOwnerOptions = sharedOptions("measureOwner", measureOwnerSchema.options);
export const contactChannelOptions = sharedOptions("contactChannel", ["phone", "meeting", "email", "sms", "chat"]);

/** One measure (tiltak): what, who is responsible, by when. */
export const measureItemSteps: ItemStepInput[] = [
  {
    id: "measureTitle",
    type: "short_text",
    textKey: "dialogue:measure.title.text",
    helpKey: "dialogue:measure.title.help",
    maxLength: 120,
    planField: "measureTitle",
  },
  {
    id: "measureDescription",
    type: "long_text",
    textKey: "dialogue:measure.description.text",
    helpKey: "dialogue:measure.description.help",
    required: false,
    planField: "measureDescription",
  },
  {
    id: "measureOwner",
    type: "single_choice",
    textKey: "dialogue:measure.owner.text",
    options: measureOwnerOptions,
    planField: "measureOwner",
  },
  {
    id: "measureDueDate",
    type: "date",
    textKey: "dialogue:measure.dueDate.text",
    helpKey: "dialogue:measure.dueDate.help",
    minDays: 0,
    maxDays: 365,
    planField: "measureDueDate",
  },
];

/** The list context key that holds the employee's own list of tasks she could do while sick. */
export const OWN_TASK_LIST = "fallbackTasks";

/**
 * A repeat over the employee's own task list (from her follow-up agreement), asked of
 * both parties: each says whether the task can be done now, and with which adjustment.
 * The answers become the plan's task assessment (the employee's view first, the
 * leader's beside it). With no list, the step has no items and is passed over.
 */
export function ownTaskListStep(role: "employee" | "leader") {
  return {
    id: "ownTasks",
    type: "repeat" as const,
    textKey: `agreement:fallbackTasks.${role}.text`,
    helpKey: `agreement:fallbackTasks.${role}.help`,
    source: { kind: "context" as const, key: OWN_TASK_LIST },
    group: "task" as const,
    itemTitleKey: "agreement:fallbackTasks.itemTitle",
    itemLabelKey: "agreement:fallbackTasks.itemLabel",
    itemPlanField: "taskName" as const,
    itemSteps: [
      {
        id: "ownAbility",
        type: "single_choice" as const,
        textKey: role === "employee" ? "dialogue:employee_followup.ability.text" : "agreement:fallbackTasks.leaderAbility.text",
        options: taskAbilityOptions,
        planField: "taskAbility" as const,
      },
      {
        id: "ownAdjustment",
        type: "multi_choice" as const,
        textKey: role === "employee" ? "dialogue:employee_followup.adjustment.text" : "agreement:fallbackTasks.leaderAdjustment.text",
        helpKey: role === "employee" ? "dialogue:employee_followup.adjustment.help" : "agreement:fallbackTasks.leaderAdjustment.help",
        options: adjustmentOptions,
        planField: "taskAdjustment" as const,
        showIf: { op: "equals" as const, step: "ownAbility", value: "with_adjustment" },
      },
    ],
  };
}
