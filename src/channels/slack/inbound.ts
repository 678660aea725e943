// What comes back from Slack's interactive elements, turned into the core's values.
import type { ViewStateValue } from "@slack/bolt";
import type { AnswerValue } from "../../domain/messages/commands.js";

export type StateValues = Record<string, Record<string, ViewStateValue>>;

/** The value of the one element in an input block, as the dialogue expects it. */
export function answerFromState(values: StateValues | undefined, blockId: string): AnswerValue | undefined {
  const block = values?.[blockId];
  const element = block ? Object.values(block)[0] : undefined;
  if (!element) return undefined;
  switch (element.type) {
    case "checkboxes":
    case "multi_static_select":
      return (element.selected_options ?? []).map((o) => o.value);
    case "radio_buttons":
    case "static_select":
      return element.selected_option?.value ?? "";
    case "datepicker":
      // No date picked is "no answer", not "unknown" (null is the unknown button's answer).
      return element.selected_date ?? "";
    case "number_input": {
      const text = (element.value ?? "").trim();
      return /^-?\d+$/.test(text) ? Number(text) : text;
    }
    default:
      return element.value ?? "";
  }
}

/** A value read from a modal's state by block and action id. */
export function stateValue(values: StateValues | undefined, blockId: string, actionId: string): ViewStateValue | undefined {
  return values?.[blockId]?.[actionId];
}
