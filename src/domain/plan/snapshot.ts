// A self-describing record of one answer, as it was asked. Plan versions store
// these instead of bare values, so an old plan still renders correctly after the
// questions change, and a summary or PDF can be made from the snapshot alone.
import { z } from "zod";
import { answerValueSchema } from "../messages/commands.js";
import { planFieldSchema } from "./fields.js";

export const answerSnapshotSchema = z.object({
  /** Step id; for items of a repeat step "<stepId>[<index>].<itemStepId>". */
  questionId: z.string(),
  planField: planFieldSchema.optional(),
  /** Groups item answers: e.g. all answers about task 2, or measure 1. */
  group: z.object({ kind: z.enum(["task", "measure"]), index: z.number().int().min(0) }).optional(),
  label: z.string(),
  help: z.string().optional(),
  required: z.boolean(),
  value: answerValueSchema,
  /** The value as the person saw it (choice labels, formatted dates), in the dialogue's locale. */
  display: z.string(),
  /** The employee chose to keep this text to themselves (not shared with leader/ARR/NAV). */
  private: z.boolean().default(false),
  dialogueId: z.string(),
  dialogueVersion: z.number().int().min(1),
  answeredBy: z.enum(["employee", "leader"]),
  locale: z.string(),
});
export type AnswerSnapshot = z.infer<typeof answerSnapshotSchema>;
