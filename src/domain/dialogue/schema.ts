// Dialogues are data: a definition lists its steps, their input kinds, where
// each answer lands in the plan, and when a step is shown or skipped. Keeping
// them as zod-validated data (not code) lets us version them, check them at load
// (see validate.ts) and snapshot every answer together with the question asked.
import { z } from "zod";
import { TEXT_FIELD_MAX, planFieldSchema } from "../plan/fields.js";

/**
 * A condition on earlier answers. `equals`/`notEquals`/`in` on a multi-choice
 * or list answer test whether the array contains the value(s). `answered` is
 * true once a value (even "unknown") was given; a skipped step is unanswered.
 */
export type Condition =
  | { op: "equals"; step: string; value: string | number }
  | { op: "notEquals"; step: string; value: string | number }
  | { op: "in"; step: string; values: Array<string | number> }
  | { op: "answered"; step: string }
  | { op: "not"; condition: Condition }
  | { op: "all"; conditions: Condition[] }
  | { op: "any"; conditions: Condition[] };

/** Step ids become parts of answer keys ("tasks[2].ability"), so no dots or brackets. */
export const STEP_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const stepIdSchema = z.string().max(60).regex(STEP_ID_PATTERN);
/** Locale keys are always namespaced: "dialogue:report_sickness.startDate.text". */
const keySchema = z.string().regex(/^[a-z]+:[A-Za-z0-9_.]+$/);
const scalarSchema = z.union([z.string().min(1), z.number()]);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("op", [
    z.object({ op: z.literal("equals"), step: stepIdSchema, value: scalarSchema }),
    z.object({ op: z.literal("notEquals"), step: stepIdSchema, value: scalarSchema }),
    z.object({ op: z.literal("in"), step: stepIdSchema, values: z.array(scalarSchema).min(1) }),
    z.object({ op: z.literal("answered"), step: stepIdSchema }),
    z.object({ op: z.literal("not"), condition: conditionSchema }),
    z.object({ op: z.literal("all"), conditions: z.array(conditionSchema).min(1) }),
    z.object({ op: z.literal("any"), conditions: z.array(conditionSchema).min(1) }),
  ]),
);

export const optionSchema = z.object({
  value: z.string().min(1).max(60),
  labelKey: keySchema,
  helpKey: keySchema.optional(),
});
export type ChoiceOptionDef = z.infer<typeof optionSchema>;

const base = {
  id: stepIdSchema,
  textKey: keySchema,
  helpKey: keySchema.optional(),
  required: z.boolean().default(true),
  planField: planFieldSchema.optional(),
  showIf: conditionSchema.optional(),
};

/** Jumps: the first rule whose condition holds wins, else the following step. */
export const jumpSchema = z.object({ when: conditionSchema, goto: z.string().min(1) });
export const END = "end";
const withNext = { next: z.array(jumpSchema).max(20).optional() };

const infoShape = z.object({ ...base, type: z.literal("info") });
const singleChoiceShape = z.object({
  ...base,
  type: z.literal("single_choice"),
  options: z.array(optionSchema).min(2).max(20),
  /**
   * A percentage typed instead of an option («50 %», «50 prosent») picks `option` and answers
   * the percent step `step` (the one that option leads to) with it: the person said both at once.
   */
  typedPercent: z.object({ option: z.string().min(1), step: stepIdSchema }).optional(),
});
const multiChoiceShape = z.object({
  ...base,
  type: z.literal("multi_choice"),
  options: z.array(optionSchema).min(2).max(20),
  /** Fewest selections when answered (a required step needs at least one anyway). */
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(1).optional(),
});
const shortTextShape = z.object({
  ...base,
  type: z.literal("short_text"),
  maxLength: z.number().int().min(1).max(TEXT_FIELD_MAX).default(200),
});
const longTextShape = z.object({
  ...base,
  type: z.literal("long_text"),
  maxLength: z.number().int().min(1).max(TEXT_FIELD_MAX).default(TEXT_FIELD_MAX),
});
const dateShape = z.object({
  ...base,
  type: z.literal("date"),
  /** Bounds in days relative to the day the question is answered (negative = past). */
  minDays: z.number().int().optional(),
  maxDays: z.number().int().optional(),
  /** Pre-selected date, relative to today. */
  defaultDays: z.number().int().optional(),
  /** Offers "unknown" (stored as null), e.g. for an expected end date. */
  allowUnknown: z.boolean().default(false),
  /** An earlier date step this date must not precede (end date after start date). */
  notBefore: stepIdSchema.optional(),
});
const percentShape = z.object({
  ...base,
  type: z.literal("percent"),
  min: z.number().int().min(0).max(100).default(1),
  max: z.number().int().min(0).max(100).default(100),
});
const listShape = z.object({
  ...base,
  type: z.literal("list"),
  maxItems: z.number().int().min(1).max(50).default(10),
  itemMaxLength: z.number().int().min(1).max(200).default(200),
  /** Key in the session's list context that pre-fills the list (e.g. known main tasks). */
  prefillFrom: z.string().min(1).optional(),
});
const summaryShape = z.object({ ...base, type: z.literal("summary") });

/** Steps asked once per item of a repeat step; they jump nowhere (showIf only). */
export const itemStepSchema = z.discriminatedUnion("type", [
  singleChoiceShape,
  multiChoiceShape,
  shortTextShape,
  longTextShape,
  dateShape,
  percentShape,
]);
export type ItemStep = z.output<typeof itemStepSchema>;
export type ItemStepInput = z.input<typeof itemStepSchema>;

/**
 * Where a repeat step's items come from:
 * - `step`: the items of an earlier list answer (e.g. the main tasks just entered);
 * - `context`: a list known before the dialogue started (e.g. the plan's measures);
 * - `open`: the person adds items one by one and is asked "add another?" in between.
 */
export const repeatSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("step"), step: stepIdSchema }),
  z.object({ kind: z.literal("context"), key: z.string().min(1) }),
  z.object({
    kind: z.literal("open"),
    minItems: z.number().int().min(0).max(50).default(0),
    maxItems: z.number().int().min(1).max(50).default(10),
    /** "Do you want to add a measure?" (before the first item, when minItems is 0). */
    addFirstKey: keySchema,
    /** "Add another measure?" */
    addAnotherKey: keySchema,
  }),
]);
export type RepeatSource = z.output<typeof repeatSourceSchema>;

const repeatShape = z.object({
  ...base,
  ...withNext,
  type: z.literal("repeat"),
  source: repeatSourceSchema,
  group: z.enum(["task", "measure"]),
  /** Heading above each item's questions; params {index, count, item}. */
  itemTitleKey: keySchema,
  /** For step/context sources: the label of the item's own name in summaries and snapshots; params {index}. */
  itemLabelKey: keySchema.optional(),
  /** Plan field of the item's own name (e.g. taskName). */
  itemPlanField: planFieldSchema.optional(),
  itemSteps: z.array(itemStepSchema).min(1).max(10),
});

export const stepSchema = z.discriminatedUnion("type", [
  infoShape.extend(withNext),
  singleChoiceShape.extend(withNext),
  multiChoiceShape.extend(withNext),
  shortTextShape.extend(withNext),
  longTextShape.extend(withNext),
  dateShape.extend(withNext),
  percentShape.extend(withNext),
  listShape.extend(withNext),
  repeatShape,
  summaryShape.extend(withNext),
]);
export type Step = z.output<typeof stepSchema>;
export type StepInput = z.input<typeof stepSchema>;
export type StepType = Step["type"];
export type RepeatStep = Extract<Step, { type: "repeat" }>;

export const dialogueDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/).max(60),
  version: z.number().int().min(1),
  audience: z.enum(["employee", "leader"]),
  /**
   * What "keep private" does with text the health guard flagged (see `privateTextOf`):
   * "kept_for_self" keeps it in the person's own answers, marked private; "left_out"
   * stores it nowhere. Unset: kept for the employee's own dialogues, left out of the
   * leader's (health details about someone else are never kept).
   */
  privateText: z.enum(["kept_for_self", "left_out"]).optional(),
  titleKey: keySchema,
  steps: z.array(stepSchema).min(1).max(100),
});
export type DialogueDefinition = z.output<typeof dialogueDefinitionSchema>;
/** What definition modules are written as (defaults such as `required: true` may be left out). */
export type DialogueDefinitionInput = z.input<typeof dialogueDefinitionSchema>;

/** A step that takes a value (everything except info, repeat and summary). */
export type AnswerableStep = Exclude<Step, { type: "info" | "repeat" | "summary" }> | ItemStep;
/** Any step the person can be looking at. */
export type PromptStep = Step | ItemStep;

export const TEXT_STEP_TYPES = ["short_text", "long_text", "list"] as const;

export type PrivateTextPolicy = "kept_for_self" | "left_out";

/** What "keep private" means in this dialogue (one rule for the engine, the views and the snapshots). */
export function privateTextOf(def: Pick<DialogueDefinition, "audience" | "privateText">): PrivateTextPolicy {
  return def.privateText ?? (def.audience === "employee" ? "kept_for_self" : "left_out");
}
