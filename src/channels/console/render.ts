// Renders the channel-neutral Message as plain text lines for a terminal.
// Choice options are numbered (answer "2" or the label); buttons get letters
// (a, b, c …) so they never collide with option numbers. When a reply asks no
// question, a number picks the n-th button too, and so does its label.
import { fieldText, type Block, type Button, type Message } from "../../domain/messages/model.js";
import type { Translate } from "../../i18n/index.js";

export interface RenderedConsoleMessage {
  text: string;
  /** Letter → button, for mapping what the user types back to a command. */
  buttons: Map<string, Button>;
  /**
   * Whether the reply asks a question (options, a date, a number, free text): then a typed
   * number is the answer, never a button ("2" to "how many days?" must not press «Avbryt»).
   */
  asks: boolean;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** a … z, then aa, ab …: every button has a name to type, however many a reply has. */
export function buttonName(index: number): string {
  let n = index;
  let name = "";
  do {
    name = LETTERS[n % LETTERS.length] + name;
    n = Math.floor(n / LETTERS.length) - 1;
  } while (n >= 0);
  return name;
}

/** Renders the messages of one reply; button letters run on across them. */
export function renderConsoleReply(messages: Message[], t: Translate): RenderedConsoleMessage {
  const lines: string[] = [];
  const buttons = new Map<string, Button>();
  for (const message of messages) for (const block of message.blocks) renderBlock(block, lines, buttons, t);
  const asks = messages.some((m) => m.blocks.some((b) => b.kind === "input"));
  return { text: lines.join("\n"), buttons, asks };
}

/**
 * The button a typed line picks in the last reply: its letter ("b"); its number ("2", "2.")
 * when the reply asked no question; or its label, whatever the case.
 * Undefined means the line is typed text for the conversation.
 */
export function pickButton(reply: Pick<RenderedConsoleMessage, "buttons" | "asks">, typed: string): Button | undefined {
  const text = typed.trim().toLowerCase();
  const byLetter = reply.buttons.get(text);
  if (byLetter) return byLetter;
  const all = [...reply.buttons.values()];
  const number = /^(\d+)[.)]?$/.exec(text);
  if (number) return reply.asks ? undefined : all[Number(number[1]) - 1];
  const label = text.replace(/\s+/g, " ");
  return all.find((b) => b.label.trim().toLowerCase().replace(/\s+/g, " ") === label);
}

function renderBlock(block: Block, lines: string[], buttons: Map<string, Button>, t: Translate): void {
  switch (block.kind) {
    case "text":
      if (block.style === "heading") lines.push("", `== ${block.text} ==`);
      else if (block.style === "warning") lines.push(`! ${block.text}`);
      else if (block.style === "muted") lines.push(`  (${block.text})`);
      else if (block.style === "success") lines.push(`✓ ${block.text}`);
      else lines.push(block.text);
      return;
    case "fields":
      for (const f of block.fields) lines.push(`  ${fieldText(f)}`);
      return;
    case "divider":
      lines.push("  ----");
      return;
    case "actions": {
      const parts = block.buttons.map((b) => {
        const letter = buttonName(buttons.size);
        buttons.set(letter, b);
        return `[${letter}] ${b.label}`;
      });
      if (parts.length > 0) lines.push(`  ${parts.join("   ")}`);
      return;
    }
    case "input": {
      lines.push(`? ${block.label}${block.optional ? ` ${t("console:optional")}` : ""}`);
      if (block.hint) lines.push(`  (${block.hint})`);
      const input = block.input;
      if (input.type === "choice") {
        input.options.forEach((o, i) => lines.push(`  ${i + 1}) ${o.label}${o.description ? ` – ${o.description}` : ""}`));
        lines.push(`  ${t(input.multiple ? "console:hints.multiChoice" : "console:hints.choice")}`);
      } else if (input.type === "date") {
        // The example is a date the question accepts: the suggested one, else the latest allowed.
        const example = input.initial ?? input.max ?? input.min;
        const hint = [
          example ? t("console:hints.date", { example: typedDate(example) }) : "",
          input.min && input.max ? t("console:hints.dateRange", { min: typedDate(input.min), max: typedDate(input.max) }) : "",
          input.allowUnknown ? t("console:hints.unknownAllowed", { label: input.unknownLabel ?? "?" }) : "",
        ].filter(Boolean);
        if (hint.length > 0) lines.push(`  ${hint.join(" ")}`);
      } else if (input.type === "number") {
        lines.push(`  ${t("console:hints.number", { min: input.min, max: input.max, unit: input.unit ?? "" })}`);
      } else {
        lines.push(`  ${t(input.multiline ? "console:hints.longText" : "console:hints.text", { max: input.maxLength })}`);
      }
      return;
    }
  }
}

/** 2026-03-01 as people type it: 1.3.2026. */
function typedDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}.${m}.${y}`;
}
