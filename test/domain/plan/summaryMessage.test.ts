import { describe, expect, it } from "vitest";
import { translator } from "../../../src/i18n/index.js";
import { parseCommand } from "../../../src/domain/messages/commands.js";
import type { Message } from "../../../src/domain/messages/model.js";
import { CHAT_VALUE_MAX, renderPlanSummaryMessage } from "../../../src/domain/plan/summaryMessage.js";
import { DIAGNOSIS_TEXT, PRIVATE_TEXT, jointPlan, planDocument } from "./fixtures.js";

function render(viewer: "employee" | "leader", doc = planDocument()): Message {
  return renderPlanSummaryMessage({ planId: "plan-7", document: doc, viewer, locale: "nb", t: translator("nb") });
}

function allText(message: Message): string {
  return message.blocks
    .flatMap((b) => (b.kind === "text" ? [b.text] : b.kind === "fields" ? b.fields.flatMap((f) => [f.label, f.value]) : []))
    .join("\n");
}

describe("renderPlanSummaryMessage", () => {
  it("shows the fields with both voices, the tasks and the measures", () => {
    const text = allText(render("leader"));
    expect(text).toContain("Typisk arbeidsdag");
    expect(text).toContain("Medarbeider: Jeg starter dagen med kundemøter");
    expect(text).toContain("Leder: Stillingen består av kundeoppfølging");
    expect(text).toContain("• Kundemøter – kan gjøres med tilpasning: mer tid, annen arbeidstid");
    expect(text).toContain("Leder vurderer: Kundemøter – kan gjøres med tilpasning: mer tid");
    expect(text).toContain("• Tunge løft på lageret – kan ikke gjøres nå");
    expect(text).toContain("• ergonomisk stol – ansvarlig: Leder, frist: 1. feb. 2026, status: Foreslått");
    expect(text).toContain("Versjon 2 – utkast");
    expect(text).not.toContain(PRIVATE_TEXT);
    expect(text).not.toContain(DIAGNOSIS_TEXT);
  });

  it("gives the employee confirm and disagree buttons as plan.review commands", () => {
    const message = render("employee");
    const actions = message.blocks.find((b) => b.kind === "actions");
    expect(actions?.kind).toBe("actions");
    if (actions?.kind !== "actions") return;
    expect(actions.buttons.map((b) => [b.label, b.command])).toEqual([
      ["Bekreft planen", { type: "plan.review", planId: "plan-7", version: 2, action: "confirm" }],
      ["Jeg er uenig", { type: "plan.review", planId: "plan-7", version: 2, action: "disagree" }],
    ]);
    for (const button of actions.buttons) expect(parseCommand(JSON.stringify(button.command))).toEqual(button.command);
    expect(message.replaceKey).toBe("plan:plan-7:employee");
  });

  it("gives the leader no review buttons, and nobody buttons on a confirmed version", () => {
    expect(render("leader").blocks.some((b) => b.kind === "actions")).toBe(false);
    const confirmed = planDocument(jointPlan(), { confirmedAt: "2026-01-21" });
    const message = render("employee", confirmed);
    expect(message.blocks.some((b) => b.kind === "actions")).toBe(false);
    expect(allText(message)).toContain("bekreftet av medarbeideren onsdag 21. januar 2026");
  });

  it("names what is missing and offers only 'disagree' while the plan cannot be confirmed", () => {
    const message = render("employee", planDocument({ ...jointPlan(), followUp: {}, evaluationDate: null }));
    expect(allText(message)).toContain("Dette mangler før planen kan bekreftes: Slik følges planen opp, Evalueringsdato");
    const actions = message.blocks.find((b) => b.kind === "actions");
    if (actions?.kind !== "actions") throw new Error("expected actions");
    expect(actions.buttons.map((b) => b.command)).toEqual([{ type: "plan.review", planId: "plan-7", version: 2, action: "disagree" }]);
  });

  it("shows a recorded disagreement as a warning and shortens very long texts", () => {
    const content = { ...jointPlan(), typicalWorkday: { employee: "å".repeat(1500) } };
    content.disagreement = { by: "employee", text: "Jeg er uenig i fristen.", onVersion: 1, date: "2026-01-19" };
    const message = render("leader", planDocument(content));
    const warning = message.blocks.find((b) => b.kind === "text" && b.style === "warning");
    expect(warning?.kind === "text" && warning.text).toContain("registrerte uenighet i versjon 1");
    expect(allText(message)).toContain("Jeg er uenig i fristen.");
    const field = message.blocks.flatMap((b) => (b.kind === "fields" ? b.fields : [])).find((f) => f.label === "Typisk arbeidsdag");
    expect(field?.value.length).toBeLessThanOrEqual(CHAT_VALUE_MAX + "Medarbeider: ".length);
    expect(field?.value.endsWith("…")).toBe(true);
  });
});
