// Renders the channel-neutral Message as plain text lines for a terminal.
// Choice options are numbered (answer "2" or the label); buttons get letters
// (a, b, c …) so they never collide with option numbers.
import type { Block, Button, Message } from "../../domain/messages/model.js";
import type { Translate } from "../../i18n/index.js";

export interface RenderedConsoleMessage {
  text: string;
  /** Letter → button, for mapping what the user types back to a command. */
  buttons: Map<string, Button>;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Renders the messages of one reply; button letters run on across them. */
export function renderConsoleReply(messages: Message[], t: Translate): RenderedConsoleMessage {
  const lines: string[] = [];
  const buttons = new Map<string, Button>();
  for (const message of messages) for (const block of message.blocks) renderBlock(block, lines, buttons, t);
  return { text: lines.join("\n"), buttons };
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
      for (const f of block.fields) lines.push(`  ${f.label}: ${f.value}`);
      return;
    case "divider":
      lines.push("  ----");
      return;
    case "actions": {
      const parts = block.buttons.map((b) => {
        const letter = LETTERS[buttons.size] ?? "?";
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
        lines.push(`  ${t("console:hints.date", { min: input.min ?? "", max: input.max ?? "" })}${input.allowUnknown ? ` ${t("console:hints.unknownAllowed", { label: input.unknownLabel ?? "?" })}` : ""}`);
      } else if (input.type === "number") {
        lines.push(`  ${t("console:hints.number", { min: input.min, max: input.max, unit: input.unit ?? "" })}`);
      } else {
        lines.push(`  ${t(input.multiline ? "console:hints.longText" : "console:hints.text", { max: input.maxLength })}`);
      }
      return;
    }
  }
}
