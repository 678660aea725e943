// Renders the channel-neutral Message as an Adaptive Card, and turns what a card
// sends back (Action.Submit value, Action.Execute data) into a Command again.
// In a personal chat buttons are Action.Submit; in a shared conversation they are
// Action.Execute, so the bot can answer with a card only the clicking user sees.
// Nothing here imports botbuilder: cards are plain JSON.
import { parseCommand, type AnswerValue, type Command } from "../../domain/messages/commands.js";
import type { Block, Button, InputBlock, Message } from "../../domain/messages/model.js";
import type { ReportForm } from "../../domain/messages/reportForm.js";
import type { Translate } from "../../i18n/index.js";

export type CardJson = Record<string, unknown>;
type Element = Record<string, unknown>;
type Action = Record<string, unknown>;

/** Action.Execute needs 1.4; input labels 1.3. Teams renders 1.5. */
export const CARD_VERSION = "1.5";
export const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

/** Verbs of our Action.Execute actions: run a command, or show the user's own view of a shared card. */
export const VERB_COMMAND = "jd";
export const VERB_VIEW = "jd.view";

/** Teams shows at most six buttons in a row; keep rows short so none is hidden. */
const ACTIONS_PER_SET = 5;
/** Choice sets with few options are shown as radio buttons, longer ones as a drop-down. */
const EXPANDED_MAX = 6;

export type ActionMode = "submit" | "execute";

export interface RenderOptions {
  mode: ActionMode;
  t: Translate;
}

/** What every action carries: the command, and for an input's own button which input holds the answer. */
export interface CardData {
  jd?: unknown;
  jdInput?: string;
  jdKind?: InputKind;
  jdForm?: "report";
  jdView?: unknown;
}

type InputKind = "choice" | "multi" | "text" | "date" | "number";

export function emptyCard(): CardJson {
  return { type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: CARD_VERSION, msteams: { width: "Full" }, body: [] };
}

/** One card for one message. */
export function renderCard(message: Message, options: RenderOptions): CardJson {
  return renderBlocksCard([message], options);
}

/** Several messages in one card (an Action.Execute answer can only be one card). */
export function renderBlocksCard(messages: Message[], options: RenderOptions): CardJson {
  const card = emptyCard();
  const body = card.body as Element[];
  let inputs = 0;
  messages.forEach((message, index) => {
    const elements: Element[] = [];
    let separate = index > 0;
    for (const block of message.blocks) {
      if (block.kind === "divider") {
        separate = true;
        continue;
      }
      const rendered = renderBlock(block, options, () => `in${inputs++}`);
      if (rendered.length === 0) continue;
      if (separate) {
        rendered[0] = { ...rendered[0], separator: true, spacing: "Medium" };
        separate = false;
      }
      elements.push(...rendered);
    }
    body.push(...elements);
  });
  if (body.length === 0) body.push({ type: "TextBlock", text: messages.map((m) => m.summary).join("\n\n") || " ", wrap: true });
  return card;
}

function renderBlock(block: Exclude<Block, { kind: "divider" }>, options: RenderOptions, nextId: () => string): Element[] {
  switch (block.kind) {
    case "text":
      return textBlocks(block.text, block.style);
    case "fields":
      if (block.fields.length === 0) return [];
      return [{ type: "FactSet", facts: block.fields.map((f) => ({ title: f.label, value: f.value || "–" })) }];
    case "actions":
      return actionSets(block.buttons.map((b) => buttonAction(b, options)));
    case "input":
      return inputElements(block, options, nextId());
  }
}

/** A TextBlock per line: Teams does not reliably break lines on a single "\n". */
function textBlocks(text: string, style: Extract<Block, { kind: "text" }>["style"]): Element[] {
  const look: Element =
    style === "heading"
      ? { weight: "Bolder", size: "Medium" }
      : style === "muted"
        ? { isSubtle: true }
        : style === "warning"
          ? { color: "Attention", weight: "Bolder" }
          : style === "success"
            ? { color: "Good" }
            : {};
  const lines = text.split("\n");
  return lines.map((line, i) => ({ type: "TextBlock", text: line.trim() === "" ? " " : line, wrap: true, ...look, ...(i > 0 ? { spacing: "None" } : {}) }));
}

function actionSets(actions: Action[]): Element[] {
  const sets: Element[] = [];
  for (let i = 0; i < actions.length; i += ACTIONS_PER_SET) sets.push({ type: "ActionSet", actions: actions.slice(i, i + ACTIONS_PER_SET) });
  return sets;
}

function action(title: string, data: CardData, options: RenderOptions, extra: { style?: Button["style"]; withInputs?: boolean }): Action {
  const base: Action =
    options.mode === "execute" ? { type: "Action.Execute", title, verb: VERB_COMMAND, data } : { type: "Action.Submit", title, data };
  if (extra.style === "primary") base.style = "positive";
  if (extra.style === "danger") base.style = "destructive";
  // Only an input's own button sends (and validates) the inputs: "Back" must work with an empty field.
  base.associatedInputs = extra.withInputs ? "auto" : "none";
  return base;
}

function buttonAction(button: Button, options: RenderOptions): Action {
  return action(button.label, { jd: button.command }, options, { ...(button.style ? { style: button.style } : {}) });
}

function inputElements(block: InputBlock, options: RenderOptions, id: string): Element[] {
  const { t } = options;
  const elements: Element[] = [];
  const required = !block.optional;
  const common: Element = { id, label: block.label, isRequired: required, ...(required ? { errorMessage: t("teams:card.required") } : {}) };
  const input = block.input;
  let kind: InputKind;
  let element: Element;
  switch (input.type) {
    case "choice":
      kind = input.multiple ? "multi" : "choice";
      element = {
        type: "Input.ChoiceSet",
        ...common,
        choices: input.options.map((o) => ({ title: o.description ? `${o.label} – ${o.description}` : o.label, value: o.value })),
        isMultiSelect: input.multiple,
        style: input.options.length <= EXPANDED_MAX ? "expanded" : "compact",
        wrap: true,
        ...(input.initial && input.initial.length > 0 ? { value: input.initial.join(",") } : {}),
      };
      break;
    case "text":
      kind = "text";
      element = {
        type: "Input.Text",
        ...common,
        isMultiline: input.multiline,
        maxLength: input.maxLength,
        ...(input.placeholder ? { placeholder: input.placeholder } : {}),
        ...(input.initial !== undefined ? { value: input.initial } : {}),
      };
      break;
    case "date":
      kind = "date";
      element = {
        type: "Input.Date",
        ...common,
        ...(input.min ? { min: input.min } : {}),
        ...(input.max ? { max: input.max } : {}),
        ...(input.initial ? { value: input.initial } : {}),
      };
      break;
    case "number":
      kind = "number";
      element = {
        type: "Input.Number",
        ...common,
        min: input.min,
        max: input.max,
        ...(input.unit ? { placeholder: input.unit } : {}),
        ...(input.initial !== undefined ? { value: input.initial } : {}),
      };
      break;
  }
  if (block.hint) elements.push({ type: "TextBlock", text: block.hint, wrap: true, isSubtle: true, spacing: "Small" });
  elements.push(element);
  const actions: Action[] = [action(block.submitLabel, { jd: block.submit, jdInput: id, jdKind: kind }, options, { style: "primary", withInputs: true })];
  if (input.type === "date" && input.allowUnknown) {
    // "Don't know yet" answers null without looking at the date field.
    actions.push(action(input.unknownLabel ?? "?", { jd: withAnswer(block.submit, null) }, options, {}));
  }
  elements.push({ type: "ActionSet", actions });
  return elements;
}

function withAnswer(command: Command, answer: AnswerValue): unknown {
  return { ...command, answer };
}

/** The report form of the message model (src/domain/messages/reportForm.ts) on one card. */
export function reportFormCard(options: RenderOptions & { form: ReportForm }): CardJson {
  const { form } = options;
  const card = emptyCard();
  const body: CardJson[] = [
    { type: "TextBlock", text: form.title, weight: "Bolder", size: "Medium", wrap: true },
    { type: "TextBlock", text: form.intro, wrap: true, isSubtle: true },
  ];
  for (const field of form.fields) {
    const base = { id: field.id, label: field.label, isRequired: field.required, ...(field.errorMessage ? { errorMessage: field.errorMessage } : {}) };
    switch (field.kind) {
      case "date":
        body.push({ type: "Input.Date", ...base, ...(field.initial ? { value: field.initial } : {}), min: field.min, ...(field.max ? { max: field.max } : {}) });
        break;
      case "number":
        body.push({ type: "Input.Number", ...base, value: field.initial, min: field.min, max: field.max });
        break;
      case "choice":
        body.push({ type: "Input.ChoiceSet", ...base, style: "expanded", choices: field.options.map((o) => ({ title: o.label, value: o.value })) });
        break;
    }
    if (field.hint) body.push({ type: "TextBlock", text: field.hint, wrap: true, isSubtle: true, spacing: "None" });
  }
  body.push({
    type: "ActionSet",
    actions: [
      action(form.submitLabel, { jdForm: "report" }, options, { style: "primary", withInputs: true }),
      action(form.stepByStepLabel, { jd: { type: "dialogue.start", dialogueId: "report_sickness" } }, options, {}),
    ],
  });
  card.body = body;
  return card;
}

/** The card others see in a shared conversation; the user it answers sees their own view instead. */
export function sharedViewCard(options: { t: Translate; name: string; userId: string; view: Command }): CardJson {
  const { t } = options;
  const data: CardData = { jdView: options.view };
  const card = emptyCard();
  card.refresh = { action: { type: "Action.Execute", title: t("teams:shared.show"), verb: VERB_VIEW, data }, userIds: [options.userId] };
  card.body = [{ type: "TextBlock", text: t("teams:shared.placeholder", { name: options.name }), wrap: true, isSubtle: true }];
  card.actions = [{ type: "Action.Execute", title: t("teams:shared.show"), verb: VERB_VIEW, data }];
  return card;
}

/** A plain text card (notices, errors, superseded cards). */
export function textCard(text: string, style?: Extract<Block, { kind: "text" }>["style"]): CardJson {
  const card = emptyCard();
  card.body = textBlocks(text, style);
  return card;
}

export type CardInput =
  | { kind: "command"; command: Command }
  | { kind: "view"; command: Command }
  | { kind: "invalid" };

/**
 * What a card sent back: Action.Submit puts data and inputs into activity.value,
 * Action.Execute into value.action.data. Every payload is untrusted and parsed.
 */
export function commandFromCard(raw: unknown): CardInput {
  if (raw === null || typeof raw !== "object") return { kind: "invalid" };
  const value = raw as Record<string, unknown>;
  if (value.jdForm === "report") {
    const grade = Number(value.grade);
    const command = parseCommand({
      type: "report.submit",
      start: stringOf(value.start),
      end: stringOf(value.end) || null,
      grade: Number.isFinite(grade) ? Math.round(grade) : 0,
      document: stringOf(value.document) || null,
    });
    return command ? { kind: "command", command } : { kind: "invalid" };
  }
  if (value.jdView !== undefined) {
    const command = parseCommand(value.jdView);
    return command ? { kind: "view", command } : { kind: "invalid" };
  }
  if (value.jd === undefined || value.jd === null || typeof value.jd !== "object") return { kind: "invalid" };
  const base = value.jd as Record<string, unknown>;
  const inputId = typeof value.jdInput === "string" ? value.jdInput : undefined;
  const candidate = inputId ? { ...base, answer: answerOf(value[inputId], value.jdKind) } : base;
  const command = parseCommand(candidate);
  return command ? { kind: "command", command } : { kind: "invalid" };
}

function stringOf(v: unknown): string {
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
}

/** Card inputs arrive as strings (a multi-select as "a,b"); the dialogue expects its own types. */
function answerOf(raw: unknown, kind: unknown): AnswerValue {
  if (raw === undefined || raw === null) return "";
  const text = typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : "";
  switch (kind) {
    case "multi":
      return text.split(",").map((v) => v.trim()).filter(Boolean);
    case "number": {
      const n = Number(text.trim().replace(",", "."));
      return text.trim() !== "" && Number.isFinite(n) ? n : text;
    }
    default:
      return text;
  }
}
