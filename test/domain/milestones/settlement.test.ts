import { describe, expect, it } from "vitest";
import { RULES_BY_JURISDICTION, isPlanMilestone, planMilestoneIds, settlementOf, snoozedUntilOf, SETTLEMENT_FACT_KINDS } from "../../../src/domain/milestones/index.js";

describe("milestone settlement as data", () => {
  it("every version of a rule names the same settling facts, all from the vocabulary", () => {
    for (const table of Object.values(RULES_BY_JURISDICTION)) {
      const byId = new Map<string, string>();
      for (const rule of table.rules) {
        for (const k of rule.settledBy ?? []) expect(SETTLEMENT_FACT_KINDS).toContain(k);
        const key = JSON.stringify([...(rule.settledBy ?? [])].sort());
        expect(byId.get(rule.id) ?? key, rule.id).toBe(key);
        byId.set(rule.id, key);
      }
    }
  });

  it("the plan milestones are the ones a plan (or 'not needed') settles", () => {
    expect(planMilestoneIds().sort()).toEqual(["dk.fastholdelsesplan", "no.followup_plan", "no.plan_to_sykmelder", "se.return_to_work_plan"]);
    expect(isPlanMilestone("no.dialogmote1")).toBe(false);
  });

  it("settles by hand, by a fact the rule names, and not by other facts or a snooze", () => {
    const none = { states: [], facts: [] };
    expect(settlementOf("no.followup_plan", none)).toBeNull();
    expect(settlementOf("no.followup_plan", { states: [], facts: [{ kind: "plan_confirmed", on: "2026-01-20" }] })).toEqual({ by: "plan_confirmed", manual: false, on: "2026-01-20" });
    // A confirmed plan is not the plan sent to the doctor.
    expect(settlementOf("no.plan_to_sykmelder", { states: [], facts: [{ kind: "plan_confirmed", on: "2026-01-20" }] })).toBeNull();
    expect(settlementOf("no.plan_to_sykmelder", { states: [], facts: [{ kind: "plan_not_needed", on: "2026-01-20" }] })?.by).toBe("plan_not_needed");
    expect(settlementOf("no.dialogmote1", { states: [], facts: [{ kind: "meeting_held", on: "2026-02-10" }] })?.by).toBe("meeting_held");
    expect(settlementOf("no.dialogmote1", { states: [{ milestoneId: "no.dialogmote1", state: "done" }], facts: [] })).toEqual({ by: "done", manual: true });
    const snoozed = { states: [{ milestoneId: "no.dialogmote1", state: "snoozed", snoozedUntil: "2026-02-20" }], facts: [] };
    expect(settlementOf("no.dialogmote1", snoozed)).toBeNull();
    expect(snoozedUntilOf("no.dialogmote1", snoozed)).toBe("2026-02-20");
  });
});
