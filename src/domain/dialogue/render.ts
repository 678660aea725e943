// Shows the current step as a channel-neutral Message. Every button and input
// carries the `dialogue` command that comes back unchanged, and the message has
// a replaceKey so a channel updates the prompt in place instead of posting anew.
import type { AnswerValue, Command } from "../messages/commands.js";
import type { ActionsBlock, Block, Button, ChoiceOption, Input, InputBlock, Message } from "../messages/model.js";
import type { IsoDate } from "../time/localDate.js";
import { addDays, compareIsoDates } from "../time/localDate.js";
import type { Locale, Translate } from "../locale.js";
import { dateBounds, isAnswerable } from "./answers.js";
import { displayValue } from "./display.js";
import { activePath, lookupAt, moreStep, progress, repeatItems, stepAt, topStep } from "./navigation.js";
import { privateTextOf, type AnswerableStep, type DialogueDefinition, type PrivateTextPolicy, type RepeatStep } from "./schema.js";
import { MORE, answerKey, commandStepId, cursorOf, type Cursor, type PendingGuard, type SessionState } from "./state.js";

export interface RenderContext {
  t: Translate;
  locale: Locale;
  today: IsoDate;
  sessionId: string;
}

/** Edit buttons per actions block: enough to be useful, few enough for every channel. */
const EDIT_BUTTONS_PER_BLOCK = 5;

function command(rc: RenderContext, action: Extract<Command, { type: "dialogue" }>["action"], cursor?: Cursor): Command {
  const cmd: Command = { type: "dialogue", sessionId: rc.sessionId, action };
  if (cursor) {
    cmd.stepId = commandStepId(cursor);
    if (cursor.itemIndex !== undefined) cmd.item = cursor.itemIndex;
  }
  return cmd;
}

function button(label: string, cmd: Command, style?: Button["style"]): Button {
  return style ? { label, command: cmd, style } : { label, command: cmd };
}

/** The value an input starts with: pending (flagged) text, the answer, a prefill, or the step's default. */
function initialValue(state: SessionState, cursor: Cursor, step: AnswerableStep, today: IsoDate): AnswerValue | undefined {
  const key = answerKey(cursor);
  if (state.pendingGuard?.answerKey === key) return state.pendingGuard.value;
  if (key in state.answers) return state.answers[key];
  if (cursor.itemStepId === undefined && key in state.prefill) return state.prefill[key];
  if (step.type === "date" && step.defaultDays !== undefined) return addDays(today, step.defaultDays);
  if (step.type === "list" && step.prefillFrom) return state.listContext[step.prefillFrom];
  return undefined;
}

function inputFor(def: DialogueDefinition, state: SessionState, cursor: Cursor, step: AnswerableStep, rc: RenderContext): Input {
  const { t } = rc;
  const initial = initialValue(state, cursor, step, rc.today);
  switch (step.type) {
    case "single_choice":
    case "multi_choice": {
      const options: ChoiceOption[] = step.options.map((o) =>
        o.helpKey ? { value: o.value, label: t(o.labelKey), description: t(o.helpKey) } : { value: o.value, label: t(o.labelKey) },
      );
      const input: Input = { type: "choice", options, multiple: step.type === "multi_choice" };
      if (initial !== undefined && initial !== null) input.initial = Array.isArray(initial) ? initial : [String(initial)];
      return input;
    }
    case "short_text":
    case "long_text": {
      const input: Input = { type: "text", multiline: step.type === "long_text", maxLength: step.maxLength };
      if (typeof initial === "string") input.initial = initial;
      return input;
    }
    case "list": {
      // One item per line; room for every item plus its line break.
      const input: Input = {
        type: "text",
        multiline: true,
        maxLength: step.maxItems * (step.itemMaxLength + 1),
        placeholder: t("dialogue:input.listPlaceholder"),
      };
      if (Array.isArray(initial)) input.initial = initial.join("\n");
      return input;
    }
    case "date": {
      const bounds = dateBounds(step, rc.today, lookupAt(def, state, cursor));
      const min = bounds.notBefore && (!bounds.min || compareIsoDates(bounds.notBefore, bounds.min) > 0) ? bounds.notBefore : bounds.min;
      const input: Input = { type: "date" };
      if (min) input.min = min;
      if (bounds.max) input.max = bounds.max;
      if (typeof initial === "string") input.initial = initial;
      if (step.allowUnknown) {
        input.allowUnknown = true;
        input.unknownLabel = t("dialogue:values.unknown");
      }
      return input;
    }
    case "percent": {
      const input: Input = { type: "number", min: step.min, max: step.max, unit: "%" };
      if (typeof initial === "number") input.initial = initial;
      return input;
    }
  }
}

/** Heading text above an item's questions ("Task 2 of 4: Cash desk"). */
function itemTitle(state: SessionState, repeat: RepeatStep, index: number, t: Translate): string {
  const items = repeatItems(state, repeat);
  return t(repeat.itemTitleKey, { index: index + 1, count: items.length, item: items[index] ?? "" });
}

function navigation(state: SessionState, step: AnswerableStep | undefined, cursor: Cursor, rc: RenderContext): ActionsBlock {
  const buttons: Button[] = [];
  if (state.history.length > 0) buttons.push(button(rc.t("dialogue:actions.back"), command(rc, "back")));
  if (step && !step.required) buttons.push(button(rc.t("dialogue:actions.skip"), command(rc, "skip", cursor)));
  buttons.push(button(rc.t("dialogue:actions.cancel"), command(rc, "cancel"), "danger"));
  return { kind: "actions", buttons };
}

interface SummaryRow {
  label: string;
  value: string;
  cursor: Cursor;
}

interface SummarySection {
  /** "" for top-level answers, "tasks[1]" for an item. */
  id: string;
  title?: string;
  rows: SummaryRow[];
}

function repeatOf(def: DialogueDefinition, cursor: Cursor): RepeatStep | undefined {
  const step = cursor.itemStepId !== undefined ? topStep(def, cursor.stepId) : undefined;
  return step?.type === "repeat" ? step : undefined;
}

/** Every answer on the path, numbered, in sections; plus "add another" for open repeats. */
function renderSummary(def: DialogueDefinition, state: SessionState, rc: RenderContext): Block[] {
  const { t } = rc;
  const sections: SummarySection[] = [];
  const addButtons: Button[] = [];
  let number = 0;
  for (const cursor of activePath(def, state)) {
    const step = stepAt(def, cursor);
    const repeat = repeatOf(def, cursor);
    if (!step) continue;
    if (cursor.itemStepId === MORE && repeat) {
      // The last "add another?" on the path (unanswered or "no") is where a new item would go.
      if (state.answers[answerKey(cursor)] !== "yes") {
        addButtons.push(button(t(moreStep(repeat, cursor.itemIndex ?? 0).textKey), command(rc, "edit", cursor)));
      }
      continue;
    }
    if (!isAnswerable(step)) continue;
    const id = repeat ? `${repeat.id}[${cursor.itemIndex ?? 0}]` : "";
    let section = sections.at(-1);
    if (!section || section.id !== id) {
      section = repeat ? { id, title: itemTitle(state, repeat, cursor.itemIndex ?? 0, t), rows: [] } : { id, rows: [] };
      sections.push(section);
    }
    const key = answerKey(cursor);
    const shown = displayValue(step, state.answers[key], t, rc.locale);
    number += 1;
    section.rows.push({
      label: t("dialogue:summary.numbered", { n: number, label: t(step.textKey) }),
      value: state.privateAnswers.includes(key) ? t("dialogue:summary.privateValue", { value: shown }) : shown,
      cursor,
    });
  }

  const blocks: Block[] = [];
  number = 0;
  for (const section of sections) {
    if (section.title) blocks.push({ kind: "text", text: section.title, style: "heading" });
    blocks.push({ kind: "fields", fields: section.rows.map(({ label, value }) => ({ label, value })) });
    for (let k = 0; k < section.rows.length; k += EDIT_BUTTONS_PER_BLOCK) {
      const buttons = section.rows.slice(k, k + EDIT_BUTTONS_PER_BLOCK).map((row) => {
        number += 1;
        return button(t("dialogue:actions.editNumber", { n: number }), command(rc, "edit", row.cursor));
      });
      blocks.push({ kind: "actions", buttons });
    }
  }
  if (addButtons.length > 0) blocks.push({ kind: "actions", buttons: addButtons });
  blocks.push({ kind: "divider" });
  const finalButtons: Button[] = [button(t("dialogue:actions.confirm"), command(rc, "confirm"), "primary")];
  if (state.history.length > 0) finalButtons.push(button(t("dialogue:actions.back"), command(rc, "back")));
  finalButtons.push(button(t("dialogue:actions.restart"), command(rc, "restart")));
  finalButtons.push(button(t("dialogue:actions.cancel"), command(rc, "cancel"), "danger"));
  blocks.push({ kind: "actions", buttons: finalButtons });
  return blocks;
}

/** A finished or cancelled session: the prompt turns into a closing line (cancelled: with "start again"). */
function renderClosed(state: SessionState, title: string, rc: RenderContext): Message {
  const { t } = rc;
  const completed = state.status === "completed";
  const text = t(completed ? "dialogue:status.completed" : "dialogue:status.cancelled", { title });
  const blocks: Block[] = [
    { kind: "text", text: title, style: "heading" },
    { kind: "text", text, style: completed ? "success" : "muted" },
  ];
  if (!completed) blocks.push({ kind: "actions", buttons: [button(t("dialogue:actions.restart"), command(rc, "restart"))] });
  return { summary: text, blocks, replaceKey: `dialogue:${rc.sessionId}` };
}

/** A session started on an older version of the questions can only start again or stop. */
function renderOutdated(title: string, rc: RenderContext): Message {
  const { t } = rc;
  const text = t("dialogue:errors.outdated");
  const buttons = [button(t("dialogue:actions.restart"), command(rc, "restart"), "primary"), button(t("dialogue:actions.cancel"), command(rc, "cancel"), "danger")];
  return {
    summary: text,
    blocks: [{ kind: "text", text: title, style: "heading" }, { kind: "text", text, style: "warning" }, { kind: "actions", buttons }],
    replaceKey: `dialogue:${rc.sessionId}`,
  };
}

/**
 * Flagged free text: say why, show what triggered it, offer "rephrase" or "keep
 * private to me". The texts belong to the guard namespace.
 */
function guardWarning(pending: PendingGuard, cursor: Cursor, rc: RenderContext, policy: PrivateTextPolicy): Block[] {
  const { t } = rc;
  if (pending.rephrasing) return [{ kind: "text", text: t("dialogue:guard.rephraseHint"), style: "muted" }];
  const matches = pending.matches.join(", ");
  return [
    { kind: "text", text: t("guard:warning.title"), style: "warning" },
    { kind: "text", text: t("guard:warning.body", { matches }) },
    { kind: "text", text: t("guard:warning.matches", { matches }) },
    { kind: "text", text: t("guard:warning.tip"), style: "muted" },
    { kind: "text", text: t("guard:warning.question") },
    {
      kind: "actions",
      buttons: [
        button(t("guard:actions.rephrase"), command(rc, "edit", cursor), "primary"),
        // The option says exactly what happens: kept in one's own answers only, or stored nowhere.
        button(t(policy === "left_out" ? "guard:actions.leaveOut" : "guard:actions.keepPrivate"), command(rc, "confirm", cursor)),
      ],
    },
    { kind: "text", text: t(policy === "left_out" ? "guard:actions.leaveOutHint" : "guard:actions.keepPrivateHint"), style: "muted" },
  ];
}

export function renderPrompt(def: DialogueDefinition, state: SessionState, rc: RenderContext): Message {
  const { t } = rc;
  const replaceKey = `dialogue:${rc.sessionId}`;
  const title = t(def.titleKey);
  if (state.status !== "active") return renderClosed(state, title, rc);
  const cursor = cursorOf(state);
  const step = stepAt(def, cursor);
  if (state.dialogueVersion !== def.version || !step) return renderOutdated(title, rc);

  const { step: at, total } = progress(def, state);
  const blocks: Block[] = [{ kind: "text", text: t("dialogue:heading", { title, step: at, total }), style: "heading" }];
  const repeat = repeatOf(def, cursor);
  if (repeat) {
    blocks.push({ kind: "text", text: t(repeat.textKey), style: "muted" });
    if (cursor.itemStepId !== MORE) blocks.push({ kind: "text", text: itemTitle(state, repeat, cursor.itemIndex ?? 0, t), style: "heading" });
  }
  if (state.error) blocks.push({ kind: "text", text: t(state.error.key, state.error.params), style: "warning" });

  const question = t(step.textKey);
  const help = step.helpKey ? t(step.helpKey) : undefined;

  if (step.type === "summary") {
    blocks.push({ kind: "text", text: question });
    if (help) blocks.push({ kind: "text", text: help, style: "muted" });
    blocks.push(...renderSummary(def, state, rc));
    return { summary: question, blocks, replaceKey };
  }

  if (step.type === "info" || step.type === "repeat") {
    blocks.push({ kind: "text", text: question });
    if (help) blocks.push({ kind: "text", text: help, style: "muted" });
    const nav = navigation(state, undefined, cursor, rc);
    nav.buttons.unshift(button(t("dialogue:actions.continue"), command(rc, "answer", cursor), "primary"));
    blocks.push(nav);
    return { summary: question, blocks, replaceKey };
  }

  const pending = state.pendingGuard?.answerKey === answerKey(cursor) ? state.pendingGuard : undefined;
  if (pending) blocks.push(...guardWarning(pending, cursor, rc, privateTextOf(def)));

  const input: InputBlock = {
    kind: "input",
    id: answerKey(cursor),
    label: question,
    input: inputFor(def, state, cursor, step, rc),
    submit: command(rc, "answer", cursor),
    submitLabel: t("dialogue:actions.next"),
  };
  if (help) input.hint = help;
  if (!step.required) input.optional = true;
  blocks.push(input);
  blocks.push(navigation(state, step, cursor, rc));
  return { summary: question, blocks, replaceKey };
}
