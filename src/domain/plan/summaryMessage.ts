// A plan version shown in chat to the employee or the leader: the fields section by
// section, the tasks and the measures, and for the employee the review buttons
// (confirm / disagree) as plan.review commands. Long texts are shortened here; the
// full wording is in the plan document (Markdown/PDF).
import type { Locale, Translate } from "../locale.js";
import type { Block, Button, Message } from "../messages/model.js";
import type { PlanRole } from "./model.js";
import { missingRequiredFields } from "./versions.js";
import { type PlanDocument, type ViewItem, buildPlanView } from "./view.js";

/** Chat platforms cut long fields (Slack: 2000 characters per field); keep values readable. */
export const CHAT_VALUE_MAX = 600;

export interface PlanSummaryInput {
  planId: string;
  document: PlanDocument;
  viewer: PlanRole;
  locale: Locale;
  t: Translate;
}

export function renderPlanSummaryMessage(input: PlanSummaryInput): Message {
  const { document: doc, t, locale } = input;
  const view = buildPlanView(doc, { locale, t });
  const blocks: Block[] = [
    { kind: "text", style: "heading", text: t("plan:summary.heading", { name: doc.employeeName, version: doc.version }) },
    { kind: "text", style: "muted", text: view.statusLine },
  ];

  for (const section of view.sections) {
    blocks.push({ kind: "divider" }, { kind: "text", style: "heading", text: section.heading });
    const fields: Array<{ label: string; value: string }> = [];
    const lines: string[] = [];
    const flush = () => {
      if (fields.length > 0) blocks.push({ kind: "fields", fields: fields.splice(0) });
      if (lines.length > 0) blocks.push({ kind: "text", text: lines.splice(0).join("\n") });
    };
    for (const item of section.items) {
      if (item.kind === "paragraph") {
        flush();
        blocks.push({ kind: "text", text: shorten(item.text), ...(item.style ? { style: item.style } : {}) });
      } else if (item.kind === "task" || item.kind === "measure") {
        if (fields.length > 0) flush();
        lines.push(listLine(item, t));
      } else {
        if (lines.length > 0) flush();
        fields.push(fieldOf(item, t));
      }
    }
    flush();
  }

  const missing = missingRequiredFields(doc.content);
  if (!doc.confirmedAt && missing.length > 0) {
    blocks.push({ kind: "divider" }, {
      kind: "text",
      style: "warning",
      text: t("plan:summary.missing", { fields: missing.map((f) => t(`plan:fields.${f}`)).join(", ") }),
    });
  }

  if (input.viewer === "employee" && !doc.confirmedAt) {
    const review = (action: "confirm" | "disagree") =>
      ({ type: "plan.review", planId: input.planId, version: doc.version, action }) as const;
    const buttons: Button[] = [];
    if (missing.length === 0) buttons.push({ label: t("plan:summary.confirm"), command: review("confirm"), style: "primary" });
    buttons.push({ label: t("plan:summary.disagree"), command: review("disagree"), style: "danger" });
    blocks.push({ kind: "text", text: t("plan:summary.reviewHint") }, { kind: "actions", buttons });
  }

  return {
    summary: t("plan:summary.notification", { name: doc.employeeName, version: doc.version }),
    blocks,
    replaceKey: `plan:${input.planId}:${input.viewer}`,
  };
}

function fieldOf(item: Extract<ViewItem, { kind: "value" | "voices" }>, t: Translate): { label: string; value: string } {
  if (item.kind === "value") return { label: item.label, value: shorten(item.value) };
  // One voice needs no "Medarbeider:" after "Stilling:"; who said what matters when both answered
  // (the plan document always names the voice).
  if (item.voices.length === 1) return { label: item.label, value: shorten(item.voices[0]!.text) };
  const value = item.voices.map((v) => t("plan:voice.line", { who: v.who, text: shorten(v.text) })).join("\n");
  return { label: item.label, value };
}

function listLine(item: Extract<ViewItem, { kind: "task" | "measure" }>, t: Translate): string {
  if (item.kind === "task") {
    const extra = [item.note, item.otherView].filter((x): x is string => Boolean(x)).map((x) => `  ${shorten(x)}`);
    return [`• ${item.summary}`, ...extra].join("\n");
  }
  return `• ${t("plan:measure.line", { title: item.title, owner: item.owner, due: item.due, status: item.status })}`;
}

function shorten(text: string): string {
  return text.length <= CHAT_VALUE_MAX ? text : `${text.slice(0, CHAT_VALUE_MAX - 1).trimEnd()}…`;
}
