import { describe, expect, it } from "vitest";
import { translator } from "../../../src/i18n/index.js";
import type { Message } from "../../../src/domain/messages/model.js";
import {
  type ArrSummaryInput,
  ArrConsentMissingError,
  buildArrSummary,
  renderArrSummaryText,
} from "../../../src/domain/plan/arrSummary.js";
import { confirmVersion } from "../../../src/domain/plan/versions.js";
import { DIAGNOSIS_TEXT, PRIVATE_TEXT, TODAY, jointPlan } from "./fixtures.js";

function input(overrides: Partial<ArrSummaryInput> = {}): ArrSummaryInput {
  const confirmed = confirmVersion(jointPlan(), { by: "employee", today: TODAY });
  if (!confirmed.ok) throw new Error("fixture should confirm");
  return {
    caseKey: "case-42",
    employeeName: "Bjørn Ødegård",
    caseStart: "2025-12-29",
    weeks: 3,
    grade: 60,
    // A key of the plan namespace stands in for the milestone engine's title key.
    nextMilestone: { id: "no.followup_plan", titleKey: "plan:doc.title", due: "2026-01-25" },
    content: confirmed.value,
    version: 2,
    locale: "nb",
    t: translator("nb"),
    ...overrides,
  };
}

function messageText(message: Message): string {
  return [
    message.summary,
    ...message.blocks.flatMap((b) =>
      b.kind === "text" ? [b.text] : b.kind === "fields" ? b.fields.flatMap((f) => [f.label, f.value]) : [],
    ),
  ].join("\n");
}

describe("buildArrSummary", () => {
  it("holds what the ARR team needs", () => {
    const message = buildArrSummary(input());
    const text = messageText(message);
    expect(message.replaceKey).toBe("arr:case-42");
    expect(text).toContain("Oppfølging av Bjørn Ødegård");
    expect(text).toContain("mandag 29. desember 2025");
    expect(text).toContain("3 uker");
    expect(text).toContain("60 %");
    expect(text).toContain("Oppfølgingsplan – søndag 25. januar 2026");
    expect(text).toContain("mandag 2. mars 2026");
    expect(text).toContain("Hjemmekontor og fleksitid.");
    expect(text).toContain("Medarbeider: Hjemmekontor to dager i uka fungerte godt.");
    expect(text).toContain("ergonomisk stol – ansvarlig: Leder, frist: 1. feb. 2026, status: Avtalt");
    expect(text).toContain("Gradert oppstart – ansvarlig: Medarbeider, frist: 15. feb. 2026, status: Avtalt");
    expect(text).toContain("versjon 2");
  });

  it("contains nothing else: no private answers, no diagnosis, no other free text", () => {
    const content = input().content;
    for (const text of [messageText(buildArrSummary(input())), renderArrSummaryText(input())]) {
      expect(text).not.toContain(PRIVATE_TEXT);
      expect(text).not.toContain(DIAGNOSIS_TEXT);
      expect(text).not.toContain("Ryggprolaps");
      // Shared with the leader, but not something the ARR team needs:
      expect(text).not.toContain(content.typicalWorkday.employee!);
      expect(text).not.toContain(content.ownSuggestions.employee!);
      expect(text).not.toContain(content.followUp.leader!);
      expect(text).not.toContain("Kundemøter");
      expect(text).not.toContain(content.measures[0]!.description!);
    }
  });

  it("says 'on request' for a milestone without a date and singular for one week", () => {
    const text = renderArrSummaryText(input({ weeks: 1, nextMilestone: { id: "x", titleKey: "plan:doc.title", due: null } }));
    expect(text).toContain("1 uke\n");
    expect(text).toContain("Oppfølgingsplan – ved behov");
  });

  it("is written in the team's language", () => {
    const text = renderArrSummaryText(input({ locale: "en", t: translator("en") }));
    expect(text).toContain("Follow-up of Bjørn Ødegård");
    expect(text).toContain("Duration: 3 weeks");
    expect(text).toContain("owner: Leader");
  });

  it("refuses to build without the employee's consent", () => {
    const noConsent = { ...input().content, arrConsent: false };
    expect(() => buildArrSummary(input({ content: noConsent }))).toThrow(ArrConsentMissingError);
    expect(() => renderArrSummaryText(input({ content: noConsent }))).toThrow(ArrConsentMissingError);
  });
});
