// The two modals: reporting sick leave (the message model's report form) and the
// reason why a follow-up plan is not needed. Field errors come back on the field
// itself (`response_action: "errors"`), checked by the form's own reading (the same
// absence rule as every other way of reporting), in the person's language.
import type { types } from "@slack/bolt";
import { parseCommand, type Command } from "../../domain/messages/commands.js";
import type { ExistingPeriod } from "../../domain/absence/validation.js";
import { readReportForm, reportForm } from "../../domain/messages/reportForm.js";
import type { Locale, Translate } from "../../i18n/index.js";
import { LIMITS, truncate } from "./limits.js";
import { plain } from "./render.js";
import { stateValue, type StateValues } from "./inbound.js";

export const CALLBACK = { report: "jd:report", notNeeded: "jd:not_needed" } as const;

// Report modal: each input block's id is the form field's id, and so is its element's action id.
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

/** The report form of the message model (src/domain/messages/reportForm.ts) as a modal. */
export function reportModal(t: Translate, today: string): types.ModalView {
  const form = reportForm(t, today);
  const blocks: types.KnownBlock[] = [context(form.intro)];
  for (const field of form.fields) {
    const base = { type: "input" as const, block_id: field.id, label: plain(field.label, LIMITS.inputLabel), optional: !field.required, ...(field.hint ? { hint: plain(field.hint, LIMITS.inputHint) } : {}) };
    switch (field.kind) {
      case "date":
        // Slack's date picker has no bounds: the window is checked when the modal is submitted.
        blocks.push({ ...base, element: { type: "datepicker", action_id: field.id, ...(field.initial ? { initial_date: field.initial } : {}) } });
        break;
      case "number":
        blocks.push({ ...base, element: { type: "number_input", action_id: field.id, is_decimal_allowed: false, min_value: String(field.min), max_value: String(field.max), initial_value: String(field.initial) } });
        break;
      case "choice":
        blocks.push({ ...base, element: { type: "radio_buttons", action_id: field.id, options: field.options.map((o) => ({ text: plain(o.label, LIMITS.optionText), value: o.value })) } });
        break;
    }
  }
  return modal(CALLBACK.report, t, "slack:report.title", "slack:report.submit", blocks);
}

export type ReportReading =
  | { ok: true; command: Extract<Command, { type: "report.submit" }> }
  | { ok: false; errors: Record<string, string> };

/** Reads and checks the report modal with the form's own rules; errors are keyed by block id (the field id), as Slack wants them. */
export function readReport(values: StateValues | undefined, t: Translate, locale: Locale, today: string, existing: ExistingPeriod[]): ReportReading {
  const read = (id: string) => stateValue(values, id, id);
  const reading = readReportForm(
    {
      start: read("start")?.selected_date ?? "",
      end: read("end")?.selected_date ?? null,
      grade: read("grade")?.value ?? "",
      document: read("document")?.selected_option?.value ?? null,
    },
    t,
    locale,
    today,
    existing,
  );
  if (reading.ok) return reading;
  return { ok: false, errors: Object.fromEntries(Object.entries(reading.errors).map(([id, text]) => [id, truncate(text ?? "", 300)])) };
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
