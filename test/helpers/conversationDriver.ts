// Drives the real Conversation like a person would: reads the prompt it got back
// and answers the question on it (a scripted answer per step id, else a sensible
// default for the input kind), until the dialogue is done.
import type { AnswerValue, Command } from "../../src/domain/messages/commands.js";
import type { InputBlock, Message } from "../../src/domain/messages/model.js";
import type { Conversation } from "../../src/app/conversation/conversation.js";
import type { Person } from "../../src/generated/prisma/client.js";

export type Answers = Record<string, AnswerValue | ((input: InputBlock) => AnswerValue)>;

/** An answer for an "add another?" question: yes `times` times, then no. */
export function moreThenStop(times: number): () => AnswerValue {
  let asked = 0;
  return () => (asked++ < times ? "yes" : "no");
}

export function promptOf(messages: Message[]): Message | undefined {
  return messages.findLast((m) => m.replaceKey?.startsWith("dialogue:"));
}

export function textOf(messages: Message[]): string {
  return messages
    .flatMap((m) => m.blocks)
    .map((b) => (b.kind === "text" ? b.text : b.kind === "fields" ? b.fields.map((f) => `${f.label}: ${f.value}`).join("\n") : b.kind === "input" ? b.label : ""))
    .join("\n");
}

export function buttons(messages: Message[]) {
  return messages.flatMap((m) => m.blocks.flatMap((b) => (b.kind === "actions" ? b.buttons : [])));
}

function defaultAnswer(block: InputBlock): AnswerValue {
  const input = block.input;
  switch (input.type) {
    case "choice":
      return input.multiple ? [input.options[0]!.value] : input.options[0]!.value;
    case "date":
      return input.initial ?? input.min ?? "2026-12-01";
    case "number":
      return input.initial ?? Math.min(input.max, Math.max(input.min, 50));
    case "text":
      return input.multiline ? "Vi prøver kortere dager og færre tunge løft." : "Kortere dager";
  }
}

/** Answers prompts until the dialogue completes; returns every message seen. */
export async function runDialogue(
  conversation: Conversation,
  person: Person,
  first: Message[],
  answers: Answers = {},
  options: { maxSteps?: number; seen?: string[] } = {},
): Promise<Message[]> {
  const all = [...first];
  let reply = first;
  for (let step = 0; step < (options.maxSteps ?? 80); step++) {
    const prompt = promptOf(reply);
    if (!prompt) return all;
    const input = prompt.blocks.find((b): b is InputBlock => b.kind === "input");
    // The health guard asks: "keep private" is a confirm aimed at the step (the summary's confirm has no step).
    const keepPrivate = buttons([prompt]).find((b) => b.command.type === "dialogue" && b.command.action === "confirm" && b.command.stepId !== undefined);
    let command: Command | undefined;
    if (keepPrivate) {
      command = keepPrivate.command;
    } else if (input) {
      const stepId = input.submit.type === "dialogue" ? (input.submit.stepId ?? "") : "";
      options.seen?.push(stepId);
      const scripted = answers[stepId];
      const answer = typeof scripted === "function" ? scripted(input) : scripted !== undefined ? scripted : defaultAnswer(input);
      command = { ...input.submit, answer } as Command;
    } else {
      // An info step ("continue") or the summary ("confirm"): the primary button moves on.
      const next = buttons([prompt]).find((b) => b.command.type === "dialogue" && (b.command.action === "confirm" || b.command.action === "answer"));
      if (!next) return all;
      command = next.command;
    }
    reply = await conversation.handle(person, command, "console");
    all.push(...reply);
    if (!promptOf(reply) || reply.some((m) => m.replaceKey?.startsWith("dialogue:") && m.blocks.some((b) => b.kind === "text" && b.style === "success"))) {
      if (!reply.some((m) => m.blocks.some((b) => b.kind === "input"))) return all;
    }
  }
  throw new Error("dialogue did not finish");
}
