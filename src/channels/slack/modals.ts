// The two modals: reporting sick leave (dates, grade, type) and the reason why a
// follow-up plan is not needed. Field errors come back on the field itself
// (`response_action: "errors"`), checked with the same rules as every other way of
// reporting (validateAbsence), in the person's language.
import type { types } from "@slack/bolt";
import { parseCommand, type Command } from "../../domain/messages/commands.js";
import { validateAbsence, type AbsenceProblem, type ExistingPeriod } from "../../domain/absence/validation.js";
import type { Translate } from "../../i18n/index.js";
import { LIMITS, truncate } from "./limits.js";
import { plain } from "./render.js";
import { stateValue, type StateValues } from "./inbound.js";

export const CALLBACK = { report: "jd:report", notNeeded: "jd:not_needed" } as const;

/** Block ids of the report modal; each block's one element has the block id as its action id. */
const REPORT_BLOCKS = { start: "start", end: "end", grade: "grade", document: "document" } as const;
const REASON_BLOCK = "reason";

function modal(callbackId: string, t: Translate, titleKey: string, submitKey: string, blocks: types.KnownBlock[], privateMetadata?: string): types.ModalView {
  const view: types.ModalView = {
    type: "modal",
    callback_id: callbackId,
    title: plain(t(titleKey), LIMITS.modalTitle),
    submit: plain(t(submitKey), LIMITS.modalButton),
    close: plain(t("slack:modal.cancel"), LIMITS.modalButton),
    blocks,
  };
  if (privateMetadata) view.private_metadata = privateMetadata;
  return view;
}

function context(text: string): types.ContextBlock {
  return { type: "context", elements: [{ type: "plain_text", text: truncate(text, LIMITS.contextText), emoji: true }] };
}

export function reportModal(t: Translate, today: string): types.ModalView {
  const docOption = (value: "egenmelding" | "sykmelding"): types.PlainTextOption => ({
    text: plain(t(`dialogue:report_sickness.leaveType.options.${value}`), LIMITS.optionText),
    value,
  });
  const blocks: types.KnownBlock[] = [
    context(t("dialogue:report_sickness.intro.text")),
    {
      type: "input",
      block_id: REPORT_BLOCKS.start,
      label: plain(t("slack:report.start"), LIMITS.inputLabel),
      element: { type: "datepicker", action_id: REPORT_BLOCKS.start, initial_date: today },
    },
    {
      type: "input",
      block_id: REPORT_BLOCKS.end,
      optional: true,
      label: plain(t("slack:report.end"), LIMITS.inputLabel),
      hint: plain(t("slack:report.endHint"), LIMITS.inputHint),
      element: { type: "datepicker", action_id: REPORT_BLOCKS.end },
    },
    {
      type: "input",
      block_id: REPORT_BLOCKS.grade,
      label: plain(t("slack:report.grade"), LIMITS.inputLabel),
      hint: plain(t("dialogue:report_sickness.gradePercent.help"), LIMITS.inputHint),
      element: { type: "number_input", action_id: REPORT_BLOCKS.grade, is_decimal_allowed: false, min_value: "1", max_value: "100", initial_value: "100" },
    },
    {
      type: "input",
      block_id: REPORT_BLOCKS.document,
      optional: true,
      label: plain(t("dialogue:report_sickness.leaveType.text"), LIMITS.inputLabel),
      hint: plain(t("dialogue:report_sickness.leaveType.help"), LIMITS.inputHint),
      element: { type: "radio_buttons", action_id: REPORT_BLOCKS.document, options: [docOption("egenmelding"), docOption("sykmelding")] },
    },
  ];
  return modal(CALLBACK.report, t, "slack:report.title", "slack:report.submit", blocks);
}

export type ReportReading =
  | { ok: true; command: Extract<Command, { type: "report.submit" }> }
  | { ok: false; errors: Record<string, string> };

/** Reads and checks the report modal; errors are keyed by block id, as Slack wants them. */
export function readReport(values: StateValues | undefined, t: Translate, today: string, existing: ExistingPeriod[]): ReportReading {
  const start = stateValue(values, REPORT_BLOCKS.start, REPORT_BLOCKS.start)?.selected_date ?? "";
  const end = stateValue(values, REPORT_BLOCKS.end, REPORT_BLOCKS.end)?.selected_date ?? null;
  const gradeText = (stateValue(values, REPORT_BLOCKS.grade, REPORT_BLOCKS.grade)?.value ?? "").trim();
  const document = stateValue(values, REPORT_BLOCKS.document, REPORT_BLOCKS.document)?.selected_option?.value ?? null;
  const grade = /^\d+$/.test(gradeText) ? Number(gradeText) : Number.NaN;
  const result = validateAbsence({ start, end, grade, type: "sick", document }, today, existing);
  if (!result.ok) return { ok: false, errors: fieldErrors(result.problems, t, gradeText) };
  const { value } = result;
  return { ok: true, command: { type: "report.submit", start: value.start, end: value.end, grade: value.grade, document: value.document } };
}

function fieldErrors(problems: AbsenceProblem[], t: Translate, gradeText: string): Record<string, string> {
  const blockOf: Record<AbsenceProblem["field"], string> = { start: REPORT_BLOCKS.start, end: REPORT_BLOCKS.end, grade: REPORT_BLOCKS.grade, document: REPORT_BLOCKS.document, type: REPORT_BLOCKS.start };
  const errors: Record<string, string> = {};
  for (const p of problems) {
    const block = blockOf[p.field];
    // The first problem per field is the one to fix first.
    if (errors[block] !== undefined) continue;
    const params = p.field === "grade" ? { ...p.params, value: gradeText } : p.params;
    errors[block] = truncate(t(p.key, params), 300);
  }
  return errors;
}

/** "Plan not needed": the milestone command travels in private_metadata, the reason is asked for. */
export function notNeededModal(t: Translate, command: Extract<Command, { type: "milestone" }>): types.ModalView {
  const meta = JSON.stringify({ ...command, action: "not_needed" });
  const blocks: types.KnownBlock[] = [
    context(t("dialogue:plan_not_needed.intro.text")),
    {
      type: "input",
      block_id: REASON_BLOCK,
      label: plain(t("dialogue:plan_not_needed.reasonText.text"), LIMITS.inputLabel),
      hint: plain(t("dialogue:plan_not_needed.reasonText.help"), LIMITS.inputHint),
      element: { type: "plain_text_input", action_id: REASON_BLOCK, multiline: true, max_length: 2000 },
    },
  ];
  return modal(CALLBACK.notNeeded, t, "slack:notNeeded.title", "slack:modal.save", blocks, meta);
}

export type NotNeededReading = { ok: true; command: Command } | { ok: false; errors: Record<string, string> };

export function readNotNeeded(values: StateValues | undefined, privateMetadata: string, t: Translate): NotNeededReading {
  const reason = (stateValue(values, REASON_BLOCK, REASON_BLOCK)?.value ?? "").trim();
  if (!reason) return { ok: false, errors: { [REASON_BLOCK]: t("bot:milestone.reasonNeeded") } };
  let meta: unknown;
  try {
    meta = JSON.parse(privateMetadata) as unknown;
  } catch {
    meta = undefined;
  }
  const command = parseCommand(meta && typeof meta === "object" ? { ...meta, reason } : undefined);
  if (!command || command.type !== "milestone") return { ok: false, errors: { [REASON_BLOCK]: t("common:errors.unknownCommand") } };
  return { ok: true, command };
}
