// `cli chat`: the console channel. It reads lines, turns them into the same
// commands Slack and Teams produce, and prints the same messages rendered as text.
// A letter picks a button of the last reply (so does its number or label when the
// reply asks no question, see render.ts); anything else is typed text.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Command } from "../../domain/messages/commands.js";
import type { Message } from "../../domain/messages/model.js";
import { translator, type Locale } from "../../i18n/index.js";
import type { ChannelFacade, Person } from "../../app/facade/index.js";
import { pickButton, renderConsoleReply, type RenderedConsoleMessage } from "./render.js";
import type { Button, InputBlock } from "../../domain/messages/model.js";

export interface ConsoleChatOptions {
  facade: ChannelFacade;
  person: Person;
  locale: Locale;
  input: Readable;
  output: Writable;
}

export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { facade, person, locale, output } = options;
  const t = translator(locale);
  let last: Pick<RenderedConsoleMessage, "buttons" | "asks"> = { buttons: new Map<string, Button>(), asks: false };
  // A question outside a dialogue (e.g. the national identity number for NAV): the next line answers it.
  let question: InputBlock | undefined;
  const print = (messages: Message[]) => {
    if (messages.length === 0) return;
    const rendered = renderConsoleReply(messages, t);
    last = rendered;
    question = messages.flatMap((m) => m.blocks).findLast((b): b is InputBlock => b.kind === "input" && b.submit.type !== "dialogue");
    output.write(`${rendered.text}\n`);
  };
  const showInbox = async () => {
    const waiting = await facade.takeConsoleInbox(person);
    if (waiting.length > 0) {
      output.write(`${t("console:inbox", { count: waiting.length })}\n`);
      print(waiting);
    }
  };

  // A dialogue's «Avbryt» picked by its letter or number waits for the same key again: the
  // letters move from step to step (b is «Hopp over» on an optional question and «Avbryt» on
  // the next one), and a cancelled dialogue keeps none of its answers.
  let cancelling: string | undefined;

  output.write(`${t("console:welcome", { name: person.name })}\n`);
  await showInbox();
  // An open dialogue is shown where it was left: the last session's screen is gone, and without
  // it «b» (meant as a button) would be taken as the answer to the question.
  print(await facade.handle(person, { type: "dialogue.resume" }, "console", locale));
  const lines = createInterface({ input: options.input, terminal: false });
  for await (const line of lines) {
    const text = line.trim();
    if (text === "") continue;
    const keyword = facade.keywords.keywordOf(text);
    const button = pickButton(last, text) ?? confirmButton(last, keyword);
    const key = text.toLowerCase();
    const again = cancelling === key;
    cancelling = undefined;
    if (button && isDialogueCancel(button.command) && !again && button.label.trim().toLowerCase() !== key) {
      output.write(`> ${text}\n${t("console:cancelCheck", { key: text })}\n`);
      cancelling = key;
      continue;
    }
    const answering = !button && question && keyword !== "cancel" ? question : undefined;
    output.write(`> ${answering?.sensitive ? "*".repeat(text.length) : text}\n`);
    const command: Command = button ? button.command : answering ? ({ ...answering.submit, answer: text } as Command) : { type: "text", text };
    question = undefined;
    print(await facade.handle(person, command, "console", locale));
    await showInbox();
  }
  output.write(`${t("console:bye")}\n`);
}

function isDialogueCancel(command: Command): boolean {
  return command.type === "dialogue" && command.action === "cancel";
}

/**
 * «bekreft» (confirm, in any language) typed under a plan waiting for the employee's confirmation
 * presses its «Bekreft planen»: outside a dialogue the word has nothing else to confirm.
 */
function confirmButton(reply: Pick<RenderedConsoleMessage, "buttons">, keyword: string | undefined): Button | undefined {
  if (keyword !== "confirm") return undefined;
  const confirms = [...reply.buttons.values()].filter((b) => b.command.type === "plan.review" && b.command.action === "confirm");
  return confirms.length === 1 ? confirms[0] : undefined;
}
