// The Block Kit rendering on its own: every kind of question becomes the element a
// person expects, its answer reads back from `state.values`, and text that could
// break a message (too long, markup, emoji at the cut) is made safe.
import { describe, expect, it } from "vitest";
import type { InputBlock, Message } from "../../../src/domain/messages/model.js";
import { SUPPORTED_LOCALES, translator } from "../../../src/i18n/index.js";
import { answerFromState } from "../../../src/channels/slack/inbound.js";
import { truncate } from "../../../src/channels/slack/limits.js";
import { notNeededModal, reportModal } from "../../../src/channels/slack/modals.js";
import { renderMessage } from "../../../src/channels/slack/render.js";
import { checkBlocks, checkView } from "./blockKit.js";

const t = translator("en");
const submit = { type: "dialogue" as const, sessionId: "s1", action: "answer" as const, stepId: "q" };

function question(input: InputBlock["input"], extra: Partial<InputBlock> = {}): Message {
  return { summary: "Q", blocks: [{ kind: "input", id: "q", label: "Question?", input, submit, submitLabel: "Next", ...extra }] };
}

type Json = Record<string, unknown>;

function rendered(message: Message): Json[] {
  const { blocks } = renderMessage(message, { t, surface: "message" });
  expect(checkBlocks(blocks, "message")).toEqual([]);
  return blocks as unknown as Json[];
}

function nextButton(blocks: Json[]): Json {
  return blocks.flatMap((b) => (b.type === "actions" ? (b.elements as Json[]) : [])).find((e) => String(e.action_id).startsWith("jd:next:"))!;
}

describe("Slack rendering", () => {
  it("renders a short single choice as one button per option, each carrying its answer", () => {
    const blocks = rendered(question({ type: "choice", multiple: false, options: [{ value: "yes", label: "Yes" }, { value: "no", label: "No", description: "Not now" }], initial: ["no"] }));
    const buttons = blocks.flatMap((b) => (b.type === "actions" ? (b.elements as Json[]) : []));
    expect(buttons.map((b) => JSON.parse(String(b.value)).answer)).toEqual(["yes", "no"]);
    expect(buttons.map((b) => b.style)).toEqual([undefined, "primary"]);
    expect(JSON.stringify(blocks)).toContain("No: Not now");
    expect(blocks.some((b) => b.type === "input")).toBe(false);
  });

  it.each([
    ["checkboxes", { type: "choice", multiple: true, options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] }, { type: "checkboxes", selected_options: [{ value: "b" }] }, ["b"]],
    ["radio_buttons", { type: "choice", multiple: false, options: Array.from({ length: 8 }, (_, i) => ({ value: `o${i}`, label: `O${i}` })) }, { type: "radio_buttons", selected_option: { value: "o3" } }, "o3"],
    ["static_select", { type: "choice", multiple: false, options: Array.from({ length: 14 }, (_, i) => ({ value: `o${i}`, label: `O${i}` })) }, { type: "static_select", selected_option: { value: "o12" } }, "o12"],
    ["multi_static_select", { type: "choice", multiple: true, options: Array.from({ length: 14 }, (_, i) => ({ value: `o${i}`, label: `O${i}` })) }, { type: "multi_static_select", selected_options: [{ value: "o1" }, { value: "o13" }] }, ["o1", "o13"]],
    ["plain_text_input", { type: "text", multiline: true, maxLength: 500 }, { type: "plain_text_input", value: "Kasse" }, "Kasse"],
    ["number_input", { type: "number", min: 1, max: 100, initial: 50 }, { type: "number_input", value: "60" }, 60],
    ["datepicker", { type: "date", initial: "2026-03-01" }, { type: "datepicker", selected_date: "2026-03-02" }, "2026-03-02"],
  ] as const)("renders %s with a next button that reads the answer back", (elementType, input, state, answer) => {
    const blocks = rendered(question(input as InputBlock["input"]));
    const inputBlock = blocks.find((b) => b.type === "input")!;
    const element = inputBlock.element as Json;
    expect(element.type).toBe(elementType);
    const next = nextButton(blocks);
    expect(String(next.action_id)).toBe(`jd:next:${String(inputBlock.block_id)}`);
    expect(JSON.parse(String(next.value))).toEqual(submit);
    const values = { [String(inputBlock.block_id)]: { [String(element.action_id)]: state } };
    expect(answerFromState(values as never, String(inputBlock.block_id))).toEqual(answer);
  });

  it("offers 'don't know' for a date that may be unknown (answer null), and an unpicked date is no answer", () => {
    const blocks = rendered(question({ type: "date", allowUnknown: true, unknownLabel: "Don't know yet" }));
    const unknown = blocks.flatMap((b) => (b.type === "actions" ? (b.elements as Json[]) : [])).find((e) => JSON.parse(String(e.value)).answer === null);
    expect(unknown).toBeDefined();
    const inputBlock = blocks.find((b) => b.type === "input")!;
    expect(answerFromState({ [String(inputBlock.block_id)]: { x: { type: "datepicker", selected_date: null } } } as never, String(inputBlock.block_id))).toBe("");
  });

  it("gives each question its own block id, so Slack clears what was typed for the previous one", () => {
    const a = rendered(question({ type: "text", multiline: false, maxLength: 50 })).find((b) => b.type === "input")!.block_id;
    const b = rendered({ summary: "Q", blocks: [{ kind: "input", id: "r", label: "Other?", input: { type: "text", multiline: false, maxLength: 50 }, submit: { ...submit, stepId: "r" }, submitLabel: "Next" }] }).find((x) => x.type === "input")!.block_id;
    expect(a).not.toBe(b);
  });

  it("escapes Slack markup in text, and never cuts inside an emoji", () => {
    const blocks = rendered({ summary: "<!channel> hi", blocks: [{ kind: "text", text: "Hei <!channel> & <@U123|x>" }] });
    expect(JSON.stringify(blocks)).toContain("Hei &lt;!channel&gt; &amp; &lt;@U123|x&gt;");
    const cut = truncate("ab😀😀😀", 5);
    expect(cut).toBe("ab😀…");
    expect(cut.length).toBeLessThanOrEqual(5);
    const { text } = renderMessage({ summary: "<!here>", blocks: [] }, { t, surface: "message" });
    expect(text).toBe("&lt;!here&gt;");
  });

  it("renders a long heading as bold text instead of a header, and long text in several sections", () => {
    const blocks = rendered({ summary: "x", blocks: [{ kind: "text", text: "H".repeat(200), style: "heading" }, { kind: "text", text: Array.from({ length: 200 }, () => "line of text ".repeat(4)).join("\n") }] });
    expect(blocks[0]!.type).toBe("section");
    expect(blocks.filter((b) => b.type === "section").length).toBeGreaterThan(2);
  });

  it("keeps both modals within limits in every language", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const tl = translator(locale);
      expect(checkView(reportModal(tl, "2026-05-01") as unknown as Json), locale).toEqual([]);
      expect(checkView(notNeededModal(tl, { type: "milestone", caseId: "c".repeat(100), milestoneId: "no.followup_plan", action: "open_not_needed" }) as unknown as Json), locale).toEqual([]);
    }
  });
});
