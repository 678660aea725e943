// Answers a dialogue in a person's Slack DM the way a person would: reads the live
// prompt from what the bot posted (the fake's copy of the DM), then clicks a button,
// fills in the input and clicks "next", or types the answer as a DM message.
import { expect } from "vitest";
import type { PostedMessage } from "./fakeSlack.js";
import { clickPayload, dmEvent, elementsOf, idle, interact, postEvent, today, type Harness } from "./harness.js";
import { addDays } from "../../../src/domain/time/localDate.js";

type Element = Record<string, unknown>;
type AnswerValue = string | string[] | number;

export type Move =
  /** Click the option button with this answer value, or the step's skip button ("skip"). */
  | { click: string }
  /** Write the answer as a DM message. */
  | { type: string }
  /** Fill in the input and click its "next" button. */
  | { input: AnswerValue }
  /** On the summary: click "edit" for this step. */
  | { edit: string }
  | { confirm: true }
  /** The answer, however the step is shown: its option button if it has one, else its input. */
  | { answer: AnswerValue };

export type Script = Record<string, Move | Move[]>;

export interface DriveLog {
  steps: string[];
  moves: string[];
}

interface Cmd {
  element: Element;
  command: Record<string, unknown>;
}

function commandsOf(message: PostedMessage): Cmd[] {
  return elementsOf(message.blocks)
    .filter((e) => e.type === "button" && typeof e.value === "string")
    .map((element) => ({ element, command: JSON.parse(String(element.value)) as Record<string, unknown> }));
}

/** The prompt the person can act on: the newest message in the DM with dialogue buttons. */
export function livePrompt(messages: PostedMessage[]): PostedMessage | undefined {
  return messages.findLast((m) => commandsOf(m).some((c) => c.command.type === "dialogue" && c.command.action !== "restart"));
}

export function dmOf(userId: string): string {
  return `D${userId.slice(1)}`;
}

export function findButton(message: PostedMessage, match: (command: Record<string, unknown>, element: Element) => boolean): Element | undefined {
  return commandsOf(message).find((c) => match(c.command, c.element))?.element;
}

export async function click(h: Harness, userId: string, message: PostedMessage, button: Element, state: Record<string, Record<string, unknown>> = {}): Promise<Response> {
  const res = await interact(h, clickPayload(userId, message, button, state));
  expect(res.status).toBe(200);
  return res;
}

function stateFor(input: Record<string, unknown>, value: AnswerValue): Record<string, Record<string, unknown>> {
  const element = input.element as Element;
  const actionId = String(element.action_id);
  const options = (element.options as Array<{ value: string; text: unknown }>) ?? [];
  const pick = (v: string) => {
    const o = options.find((x) => x.value === v);
    if (!o) throw new Error(`no option ${v}`);
    return o;
  };
  let entry: Record<string, unknown>;
  switch (element.type) {
    case "checkboxes":
    case "multi_static_select":
      entry = { type: element.type, selected_options: (Array.isArray(value) ? value : [String(value)]).map(pick) };
      break;
    case "radio_buttons":
    case "static_select":
      entry = { type: element.type, selected_option: pick(String(value)) };
      break;
    case "datepicker":
      entry = { type: "datepicker", selected_date: String(value) };
      break;
    default:
      entry = { type: element.type, value: String(value) };
  }
  return { [String(input.block_id)]: { [actionId]: entry } };
}

function defaultValue(input: Record<string, unknown>): AnswerValue {
  const element = input.element as Element;
  const options = (element.options as Array<{ value: string }>) ?? [];
  switch (element.type) {
    case "checkboxes":
    case "multi_static_select":
      return [options[0]!.value];
    case "radio_buttons":
    case "static_select":
      return options[0]!.value;
    case "datepicker":
      return String(element.initial_date ?? addDays(today(), 7));
    case "number_input":
      return String(element.initial_value ?? element.min_value ?? "50");
    default:
      return element.multiline ? "Vi prøver kortere dager og færre tunge løft." : "Kortere dager";
  }
}

/** Drives the dialogue in the person's DM until no live prompt is left. */
export async function drive(h: Harness, userId: string, script: Script, maxSteps = 80): Promise<DriveLog> {
  const channel = dmOf(userId);
  const queues = new Map(Object.entries(script).map(([k, v]) => [k, Array.isArray(v) ? [...v] : [v]]));
  const nextMove = (stepId: string): Move | undefined => {
    const queue = queues.get(stepId);
    if (!queue || queue.length === 0) return undefined;
    return queue.length > 1 ? queue.shift() : queue[0];
  };
  const log: DriveLog = { steps: [], moves: [] };
  for (let i = 0; i < maxSteps; i++) {
    await idle(h);
    const prompt = livePrompt(h.fake.channel(channel));
    if (!prompt) return log;
    const cmds = commandsOf(prompt);
    const input = prompt.blocks.find((b) => b.type === "input");
    const next = cmds.find((c) => String(c.element.action_id).startsWith("jd:next:"));
    const optionButtons = cmds.filter((c) => c.command.action === "answer" && "answer" in c.command);
    const keepPrivate = cmds.find((c) => c.command.action === "confirm" && c.command.stepId !== undefined);
    const stepId = (next?.command.stepId ?? optionButtons[0]?.command.stepId) as string | undefined;
    const isSummary = cmds.some((c) => c.command.action === "edit") && cmds.some((c) => c.command.action === "confirm" && c.command.stepId === undefined);
    if (keepPrivate) {
      log.moves.push("keepPrivate");
      await click(h, userId, prompt, keepPrivate.element);
      continue;
    }
    if (isSummary) {
      log.steps.push("summary");
      const move = nextMove("summary") ?? { confirm: true };
      if ("edit" in move) {
        const edit = cmds.find((c) => c.command.action === "edit" && c.command.stepId === move.edit);
        if (!edit) throw new Error(`no edit button for ${move.edit}`);
        log.moves.push(`edit:${move.edit}`);
        await click(h, userId, prompt, edit.element);
      } else {
        log.moves.push("confirm");
        await click(h, userId, prompt, cmds.find((c) => c.command.action === "confirm")!.element);
      }
      continue;
    }
    if (stepId === undefined) {
      // An info step: "continue".
      const go = cmds.find((c) => c.command.action === "answer");
      if (!go) throw new Error(`nothing to do on ${JSON.stringify(prompt.blocks).slice(0, 400)}`);
      log.steps.push("(info)");
      log.moves.push("continue");
      await click(h, userId, prompt, go.element);
      continue;
    }
    log.steps.push(stepId);
    const move = nextMove(stepId);
    if (move && "type" in move) {
      log.moves.push(`type:${stepId}`);
      const res = await postEvent(h, dmEvent(userId, move.type));
      expect(res.status).toBe(200);
    } else if (move && "answer" in move && optionButtons.some((c) => c.command.answer === move.answer)) {
      log.moves.push(`click:${stepId}=${String(move.answer)}`);
      await click(h, userId, prompt, optionButtons.find((c) => c.command.answer === move.answer)!.element);
    } else if (move && "answer" in move && input && next) {
      log.moves.push(`input:${stepId}`);
      await click(h, userId, prompt, next.element, stateFor(input, move.answer));
    } else if (move && "click" in move) {
      const target =
        move.click === "skip"
          ? cmds.find((c) => c.command.action === "skip")
          : (optionButtons.find((c) => c.command.answer === move.click) ?? undefined);
      if (!target) throw new Error(`no button ${move.click} on step ${stepId}`);
      log.moves.push(`click:${stepId}=${move.click}`);
      await click(h, userId, prompt, target.element);
    } else if (input && next) {
      const value = move && "input" in move ? move.input : defaultValue(input);
      log.moves.push(`input:${stepId}`);
      await click(h, userId, prompt, next.element, stateFor(input, value));
    } else if (optionButtons[0]) {
      log.moves.push(`click:${stepId}=first`);
      await click(h, userId, prompt, optionButtons[0].element);
    } else {
      throw new Error(`cannot answer ${stepId}`);
    }
  }
  throw new Error(`dialogue did not finish: ${log.steps.join(" → ")}`);
}
