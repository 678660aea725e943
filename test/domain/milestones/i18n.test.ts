// Every milestone id, status and party has leader-facing text in the milestones namespace.
import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES, hasKey, translator } from "../../../src/i18n/index.js";
import {
  MILESTONE_IDS,
  MILESTONE_STATUSES,
  milestoneResponsibleKey,
  milestoneStatusKey,
  milestoneTitleKey,
  milestoneWhatKey,
  type Responsible,
} from "../../../src/domain/milestones/index.js";

const PARTIES: Responsible[] = ["employer", "employee", "nav", "kommune", "fk"];

describe("milestone texts", () => {
  it("key helpers nest the dotted ids", () => {
    expect(milestoneTitleKey("no.followup_plan")).toBe("milestones:no.followup_plan.title");
    expect(milestoneWhatKey("se.day90")).toBe("milestones:se.day90.what");
    expect(milestoneStatusKey("due_today")).toBe("milestones:status.due_today");
    expect(milestoneResponsibleKey("kommune")).toBe("milestones:responsible.kommune");
  });

  it.each([...SUPPORTED_LOCALES])("%s has a title and an explanation for every id, every status and every party", (locale) => {
    const missing = [
      ...MILESTONE_IDS.flatMap((id) => [milestoneTitleKey(id), milestoneWhatKey(id)]),
      ...MILESTONE_STATUSES.map(milestoneStatusKey),
      ...PARTIES.map(milestoneResponsibleKey),
    ].filter((key) => !hasKey(locale, key));
    expect(missing).toEqual([]);
  });

  it("resolves to real text, different per locale", () => {
    const nb = translator("nb");
    const en = translator("en");
    expect(nb(milestoneTitleKey("no.followup_plan"))).toBe("Oppfølgingsplan");
    expect(en(milestoneTitleKey("no.followup_plan"))).toBe("Follow-up plan");
    expect(en(milestoneStatusKey("on_request"))).toBe("On request");
    for (const id of MILESTONE_IDS) {
      const what = en(milestoneWhatKey(id));
      expect(what).not.toContain("milestones:");
      expect(what.endsWith(".")).toBe(true);
    }
  });
});
