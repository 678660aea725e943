// `cli chat`: the console channel. It reads lines, turns them into the same
// commands Slack and Teams produce, and prints the same messages rendered as text.
// A letter picks a button of the last reply; anything else is typed text.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Command } from "../../domain/messages/commands.js";
import type { Message } from "../../domain/messages/model.js";
import { translator, type Locale } from "../../i18n/index.js";
import type { ChannelFacade, Person } from "../../app/facade/index.js";
import { renderConsoleReply } from "./render.js";
import type { Button } from "../../domain/messages/model.js";

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
  let buttons = new Map<string, Button>();
  const print = (messages: Message[]) => {
    if (messages.length === 0) return;
    const rendered = renderConsoleReply(messages, t);
    buttons = rendered.buttons;
    output.write(`${rendered.text}\n`);
  };
  const showInbox = async () => {
    const waiting = await facade.takeConsoleInbox(person);
    if (waiting.length > 0) {
      output.write(`${t("console:inbox", { count: waiting.length })}\n`);
      print(waiting);
    }
  };

  output.write(`${t("console:welcome", { name: person.name })}\n`);
  await showInbox();
  const lines = createInterface({ input: options.input, terminal: false });
  for await (const line of lines) {
    const text = line.trim();
    if (text === "") continue;
    output.write(`> ${text}\n`);
    const button = buttons.get(text.toLowerCase());
    const command: Command = button ? button.command : { type: "text", text };
    print(await facade.handle(person, command, "console", locale));
    await showInbox();
  }
  output.write(`${t("console:bye")}\n`);
}
