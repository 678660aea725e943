// The one message model every channel renders. The core decides *what* to say
// (already localized text, fields, choices, buttons); a channel adapter decides
// *how* (Block Kit in Slack, Adaptive Cards in Teams, plain lines in the console).
// Buttons and inputs carry a channel-neutral Command that comes back to the core
// unchanged when the user acts, so adapters never interpret domain meaning.

import type { Command } from "./commands.js";

export type TextStyle = "heading" | "normal" | "muted" | "warning" | "success";

export interface TextBlock {
  kind: "text";
  text: string;
  style?: TextStyle;
}

export interface FieldsBlock {
  kind: "fields";
  fields: Array<{ label: string; value: string }>;
}

/**
 * A field as one line of plain text: "Grad: 50 %". A label that is a question or ends in a
 * full stop ("Når er du tilbake?") takes no colon ("?:" and ".:" read badly).
 */
export function fieldText(field: { label: string; value: string }): string {
  return /[?.:!]$/.test(field.label.trim()) ? `${field.label} ${field.value}` : `${field.label}: ${field.value}`;
}

export interface DividerBlock {
  kind: "divider";
}

export interface Button {
  label: string;
  command: Command;
  style?: "primary" | "danger";
}

export interface ActionsBlock {
  kind: "actions";
  buttons: Button[];
}

export interface ChoiceOption {
  value: string;
  label: string;
  description?: string;
}

/** A question waiting for an answer; `submit` is the command the answer completes. */
export type Input =
  | { type: "choice"; options: ChoiceOption[]; multiple: boolean; initial?: string[] }
  | { type: "text"; multiline: boolean; maxLength: number; placeholder?: string; initial?: string }
  | { type: "date"; min?: string; max?: string; initial?: string; allowUnknown?: boolean; unknownLabel?: string }
  | { type: "number"; min: number; max: number; unit?: string; initial?: number };

export interface InputBlock {
  kind: "input";
  /** A stable id for the input element (unique within the message). */
  id: string;
  label: string;
  hint?: string;
  optional?: boolean;
  input: Input;
  /** Sent back with `answer` set to the user's value. */
  submit: Command;
  submitLabel: string;
  /** The answer is personal data (a national identity number): channels never echo or keep it. */
  sensitive?: boolean;
}

export type Block = TextBlock | FieldsBlock | DividerBlock | ActionsBlock | InputBlock;

export interface Message {
  /** Plain-text summary for notifications and for channels that cannot render blocks. */
  summary: string;
  blocks: Block[];
  /**
   * Identifies a message that may later be replaced in place (a dialogue session's
   * current step, an ARR summary of a case). Channels remember where they posted it.
   */
  replaceKey?: string;
}

export function textMessage(text: string, style?: TextStyle): Message {
  return { summary: text, blocks: [{ kind: "text", text, style }] };
}
