// Channel-neutral commands: what a user can ask the core to do. Channels turn
// platform events (a slash command, a button click, a card submit, a console
// line) into one of these; buttons carry them as JSON, so every inbound payload
// is parsed with this schema before it is trusted.
import { z } from "zod";

export const answerValueSchema = z.union([
  z.string().max(10_000),
  z.array(z.string().max(200)).max(50),
  z.number(),
  z.null(),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

const id = z.string().min(1).max(100);

export const commandSchema = z.discriminatedUnion("type", [
  /** Free text typed by the user: a keyword (syk, status, plan, hjelp) or the answer to the current question. */
  z.object({ type: z.literal("text"), text: z.string().max(10_000) }),
  z.object({ type: z.literal("help") }),
  z.object({ type: z.literal("status") }),
  z.object({ type: z.literal("report") }),
  /** A complete report from a form (a Slack modal, a Teams card): validated like the dialogue's answers. */
  z.object({
    type: z.literal("report.submit"),
    start: z.string().max(20),
    end: z.string().max(20).nullable(),
    grade: z.number().int(),
    document: z.enum(["egenmelding", "sykmelding"]).nullable(),
  }),
  z.object({ type: z.literal("plan"), employeeId: id.optional() }),
  /** "Who has seen my plan?": the reads of the case by others (only the employee's own; `employeeId` is checked). */
  z.object({ type: z.literal("plan.readers"), employeeId: id.optional() }),
  /** The case's history: one's own, or (with `employeeId`) a case one may see. */
  z.object({ type: z.literal("timeline"), employeeId: id.optional() }),
  /** Show (no `granted`) or change the employee's consent to share the plan summary with the ARR team. */
  z.object({ type: z.literal("consent"), granted: z.boolean().optional() }),
  /**
   * The team's routine (seed 002): `write` starts the leader's dialogue (HR: `leaderId` names the
   * team's leader); `show` shows a member the routine of her team; `accept`/`adjust` answer the
   * offered `version` (as-is into her contact preferences, or through her own dialogue); `keep`
   * says at the yearly reminder that her agreement still holds.
   */
  z.object({ type: z.literal("routine"), action: z.enum(["write", "show", "accept", "adjust", "keep"]), leaderId: id.optional(), version: z.number().int().min(1).optional() }),
  /** Where the person left off: the question of their open dialogue, if they have one (nothing otherwise). */
  z.object({ type: z.literal("dialogue.resume") }),
  /** Start (or resume) a named dialogue, about the person themselves or an employee they lead. */
  z.object({ type: z.literal("dialogue.start"), dialogueId: id, employeeId: id.optional() }),
  z.object({
    type: z.literal("dialogue"),
    sessionId: id,
    action: z.enum(["answer", "back", "edit", "confirm", "cancel", "restart", "skip"]),
    stepId: id.optional(),
    /** For repeat steps: index of the item being answered. */
    item: z.number().int().min(0).max(100).optional(),
    answer: answerValueSchema.optional(),
  }),
  z.object({
    type: z.literal("milestone"),
    caseId: id,
    milestoneId: id,
    action: z.enum(["done", "snooze", "not_needed", "open_not_needed"]),
    snoozeDays: z.number().int().min(1).max(60).optional(),
    reason: z.string().max(2000).optional(),
  }),
  z.object({
    type: z.literal("measure"),
    measureId: id,
    action: z.enum(["done", "postpone", "not_relevant"]),
    postponeDays: z.number().int().min(1).max(365).optional(),
  }),
  /**
   * Send a confirmed plan version through NAV's LPS API. Without `field` it starts (asks what is
   * missing); with `field` the channel has filled `answer` from the question's input.
   */
  z.object({
    type: z.literal("nav.send"),
    planId: id,
    version: z.number().int().min(1),
    to: z.array(z.enum(["nav", "doctor"])).min(1).max(2),
    field: z.enum(["phone", "nationalId"]).optional(),
    answer: answerValueSchema.optional(),
  }),
  /**
   * Denmark's fast track (sygedagpengeloven § 7c/§ 7e): `explain` what it is (and her request's
   * status); the leader `offer`s it to the employee (`employeeId`) and records it `submitted` to the
   * jobcenter; only the employee `agree`s (or asks for it herself) or `decline`s. Checked in the core.
   */
  z.object({ type: z.literal("fastTrack"), action: z.enum(["explain", "offer", "agree", "decline", "submitted"]), employeeId: id.optional() }),
  z.object({
    type: z.literal("plan.review"),
    planId: id,
    version: z.number().int().min(1),
    action: z.enum(["confirm", "disagree"]),
    comment: z.string().max(2000).optional(),
  }),
]);
export type Command = z.infer<typeof commandSchema>;

/** Parses an untrusted command (e.g. a button value); undefined when it is not one. */
export function parseCommand(raw: unknown): Command | undefined {
  const value = typeof raw === "string" ? safeJson(raw) : raw;
  const parsed = commandSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
