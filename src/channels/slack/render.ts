// Renders the channel-neutral Message as Block Kit. Buttons carry their Command as
// JSON in `value`; a question is an input block (checkboxes, datepicker, number or
// text field) with a "next" button whose action_id names the input's block, so the
// click's `state.values` holds the answer. A single choice with few options is one
// button per option instead (one click answers). Everything is cut to Slack's limits.
import { createHash } from "node:crypto";
import type { types } from "@slack/bolt";
import type { Command } from "../../domain/messages/commands.js";
import type { Block, Button, InputBlock, Message } from "../../domain/messages/model.js";
import type { Translate } from "../../i18n/index.js";
import { LIMITS, mrkdwn, truncate } from "./limits.js";

export type SlackBlock = types.KnownBlock;
type PlainText = types.PlainTextElement;
type Option = types.PlainTextOption;

/** Action ids this app gives its elements (matched by the listeners). */
export const ACTION = {
  /** A button whose value is a Command. */
  command: "jd:cmd:",
  /** "Next" under an input: the rest of the id is the input's block_id. */
  next: "jd:next:",
  /** The element inside an input block (no action of its own). */
  value: "jd:val:",
} as const;

/** Single choices with at most this many options are rendered as buttons. */
const CHOICE_BUTTONS_MAX = 6;

export interface RenderContext {
  t: Translate;
  surface: "message" | "home";
}

export interface RenderedMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Gives every element a unique id within one message or view. */
class Ids {
  private n = 0;
  next(prefix: string): string {
    this.n += 1;
    return `${prefix}${this.n}`;
  }
}

export function plain(text: string, max: number): PlainText {
  // An empty text object is invalid; a lone space is not.
  return { type: "plain_text", text: truncate(text, max) || " ", emoji: true };
}

function commandValue(command: Command): string | undefined {
  const json = JSON.stringify(command);
  // A value cut in half would be a broken command: such a button is left out instead.
  return json.length <= LIMITS.buttonValue ? json : undefined;
}

function button(label: string, command: Command, ids: Ids, style?: Button["style"], actionId?: string): types.Button | undefined {
  const value = commandValue(command);
  if (value === undefined) return undefined;
  const element: types.Button = { type: "button", text: plain(label, LIMITS.buttonText), value, action_id: actionId ?? ids.next(ACTION.command) };
  if (style) element.style = style;
  return element;
}

function section(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: mrkdwn(text, LIMITS.sectionText) || " " } };
}

/** Long text is split at line ends into several sections rather than cut. */
function sections(text: string, prefix = ""): SlackBlock[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of `${prefix}${text}`.split("\n")) {
    if (current && current.length + 1 + line.length > LIMITS.sectionText - 200) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  chunks.push(current);
  return chunks.slice(0, 3).map(section);
}

function context(text: string): types.ContextBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: mrkdwn(text, LIMITS.contextText) || " " }] };
}

function actions(buttons: types.Button[], ids: Ids): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    blocks.push({ type: "actions", block_id: ids.next("jd:a:"), elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  return blocks;
}

function renderText(block: Extract<Block, { kind: "text" }>): SlackBlock[] {
  switch (block.style) {
    case "heading":
      return block.text.length <= LIMITS.headerText && !block.text.includes("\n")
        ? [{ type: "header", text: plain(block.text, LIMITS.headerText) }]
        : sections(block.text.split("\n").map((l) => `*${l}*`).join("\n"));
    case "muted":
      return [context(block.text)];
    case "warning":
      return sections(block.text, ":warning: ");
    case "success":
      return sections(block.text, ":white_check_mark: ");
    default:
      return sections(block.text);
  }
}

function renderFields(block: Extract<Block, { kind: "fields" }>): SlackBlock[] {
  const out: SlackBlock[] = [];
  for (let i = 0; i < block.fields.length; i += LIMITS.sectionFields) {
    const fields = block.fields.slice(i, i + LIMITS.sectionFields).map((f) => {
      const label = mrkdwn(f.label, 300);
      return { type: "mrkdwn" as const, text: `*${label}*\n${mrkdwn(f.value, LIMITS.fieldText - label.length - 4)}` };
    });
    out.push({ type: "section", fields });
  }
  return out;
}

/** A stable block id per question, so Slack clears what was typed when the next question replaces it. */
function inputBlockId(block: InputBlock): string {
  const hash = createHash("sha1").update(`${block.id}\u0000${JSON.stringify(block.submit)}`).digest("hex").slice(0, 10);
  return `jd:in:${hash}`;
}

function option(value: string, label: string, description?: string): Option {
  const o: Option = { text: plain(label, LIMITS.optionText), value: value.slice(0, LIMITS.optionValue) };
  if (description) o.description = plain(description, LIMITS.optionDescription);
  return o;
}

function inputElement(block: InputBlock, actionId: string): types.InputBlockElement {
  const input = block.input;
  switch (input.type) {
    case "choice": {
      const options = input.options.slice(0, LIMITS.selectOptions).map((o) => option(o.value, o.label, o.description));
      const initial = options.filter((o) => input.initial?.includes(o.value ?? ""));
      if (input.multiple) {
        if (options.length <= LIMITS.checkboxOptions) {
          return { type: "checkboxes", action_id: actionId, options, ...(initial.length > 0 ? { initial_options: initial } : {}) };
        }
        return { type: "multi_static_select", action_id: actionId, options, ...(initial.length > 0 ? { initial_options: initial } : {}) };
      }
      if (options.length <= LIMITS.checkboxOptions) {
        return { type: "radio_buttons", action_id: actionId, options, ...(initial[0] ? { initial_option: initial[0] } : {}) };
      }
      return { type: "static_select", action_id: actionId, options, ...(initial[0] ? { initial_option: initial[0] } : {}) };
    }
    case "text": {
      const max = Math.min(input.maxLength, LIMITS.textInputMax);
      const element: types.PlainTextInput = { type: "plain_text_input", action_id: actionId, multiline: input.multiline, max_length: max };
      if (input.initial) element.initial_value = truncate(input.initial, max);
      if (input.placeholder) element.placeholder = plain(input.placeholder, LIMITS.placeholder);
      return element;
    }
    case "number": {
      const element: types.NumberInput = { type: "number_input", action_id: actionId, is_decimal_allowed: false, min_value: String(input.min), max_value: String(input.max) };
      if (input.initial !== undefined) element.initial_value = String(input.initial);
      return element;
    }
    case "date": {
      const element: types.Datepicker = { type: "datepicker", action_id: actionId };
      if (input.initial && /^\d{4}-\d{2}-\d{2}$/.test(input.initial)) element.initial_date = input.initial;
      return element;
    }
  }
}

function renderInput(block: InputBlock, ids: Ids): SlackBlock[] {
  const input = block.input;
  if (input.type === "choice" && !input.multiple && input.options.length <= CHOICE_BUTTONS_MAX) {
    // One click answers: each option is a button carrying the complete answer.
    const out: SlackBlock[] = sections(`*${block.label}*`);
    const described = input.options.filter((o) => o.description);
    const hint = [block.hint, ...described.map((o) => `${o.label}: ${o.description}`)].filter(Boolean).join("\n");
    if (hint) out.push(context(hint));
    const buttons = input.options.flatMap((o) => {
      const b = button(o.label, { ...block.submit, answer: o.value } as Command, ids, input.initial?.includes(o.value) ? "primary" : undefined);
      return b ? [b] : [];
    });
    return [...out, ...actions(buttons, ids)];
  }
  const blockId = inputBlockId(block);
  const slackInput: types.InputBlock = {
    type: "input",
    block_id: blockId,
    label: plain(block.label, LIMITS.inputLabel),
    element: inputElement(block, ids.next(ACTION.value)),
    optional: block.optional === true,
  };
  if (block.hint) slackInput.hint = plain(block.hint, LIMITS.inputHint);
  const buttons: types.Button[] = [];
  const next = button(block.submitLabel, block.submit, ids, "primary", `${ACTION.next}${blockId}`);
  if (next) buttons.push(next);
  if (input.type === "date" && input.allowUnknown) {
    const unknown = button(input.unknownLabel ?? "?", { ...block.submit, answer: null } as Command, ids);
    if (unknown) buttons.push(unknown);
  }
  return [slackInput, ...actions(buttons, ids)];
}

function renderBlock(block: Block, ids: Ids): SlackBlock[] {
  switch (block.kind) {
    case "text":
      return renderText(block);
    case "fields":
      return renderFields(block);
    case "divider":
      return [{ type: "divider" }];
    case "actions":
      return actions(
        block.buttons.flatMap((b) => {
          const rendered = button(b.label, b.command, ids, b.style);
          return rendered ? [rendered] : [];
        }),
        ids,
      );
    case "input":
      return renderInput(block, ids);
  }
}

/** Keeps a rendering within `max` blocks: the closing buttons stay, the middle gives way to a note. */
export function fitBlocks(blocks: SlackBlock[], max: number, shortenedNote: string): SlackBlock[] {
  if (blocks.length <= max) return blocks;
  const last = blocks.at(-1);
  const tail = last?.type === "actions" ? [last] : [];
  return [...blocks.slice(0, max - 1 - tail.length), context(shortenedNote), ...tail];
}

function renderBlocks(blocks: Block[], ids: Ids = new Ids()): SlackBlock[] {
  return blocks.flatMap((b) => renderBlock(b, ids));
}

export function renderMessage(message: Message, rc: RenderContext): RenderedMessage {
  const max = rc.surface === "home" ? LIMITS.viewBlocks : LIMITS.messageBlocks;
  return {
    text: fallbackText(message.summary),
    blocks: fitBlocks(renderBlocks(message.blocks), max, rc.t("slack:render.shortened")),
  };
}

/** Several messages in one surface (the Home tab): ids stay unique across them. */
export function renderMany(messages: Message[], rc: RenderContext, max: number): SlackBlock[] {
  const ids = new Ids();
  const blocks: SlackBlock[] = [];
  messages.forEach((m, i) => {
    if (i > 0) blocks.push({ type: "divider" });
    blocks.push(...renderBlocks(m.blocks, ids));
  });
  return fitBlocks(blocks, max, rc.t("slack:render.shortened"));
}

export function fallbackText(summary: string): string {
  return mrkdwn(summary, LIMITS.fallbackText) || " ";
}

/** The message as it reads once answered: its text stays, its buttons and fields to fill in go. */
export function frozen(message: Message): Message {
  const blocks: Block[] = message.blocks.flatMap((b): Block[] => {
    if (b.kind === "actions") return [];
    if (b.kind === "input") return [{ kind: "text", text: b.label }];
    return [b];
  });
  return { ...message, blocks };
}

/** Slack blocks of a posted message with its interactive parts taken away, plus a closing line. */
export function closeSlackBlocks(blocks: SlackBlock[], outcome: string): SlackBlock[] {
  const kept = blocks.filter((b) => b.type !== "actions" && b.type !== "input");
  return [...kept.slice(0, LIMITS.messageBlocks - 1), context(outcome)];
}

