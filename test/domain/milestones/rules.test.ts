// The rule tables as data: complete, well-formed, and versioned by the date a rule took effect.
import { describe, expect, it } from "vitest";
import {
  DK_MILESTONE_IDS,
  MILESTONE_IDS,
  NO_MILESTONE_IDS,
  RULES_BY_JURISDICTION,
  SE_MILESTONE_IDS,
  milestoneIdsOf,
  type Jurisdiction,
} from "../../../src/domain/milestones/index.js";
import { isIsoDate } from "../../../src/domain/time/localDate.js";
import { dueStatus, milestone, onlyCase, sick } from "./helpers.js";

const ALL: Jurisdiction[] = ["NO", "DK", "SE"];

describe("rule tables", () => {
  it("cover exactly the ids of statutory-rules.md, in its order", () => {
    expect(milestoneIdsOf("NO")).toEqual(NO_MILESTONE_IDS);
    expect(milestoneIdsOf("DK")).toEqual(DK_MILESTONE_IDS);
    expect(milestoneIdsOf("SE")).toEqual(SE_MILESTONE_IDS);
    expect(MILESTONE_IDS).toHaveLength(11 + 8 + 7);
  });

  it.each(ALL)("%s: every rule carries a source, a valid effectiveFrom, a responsible party and its own prefix", (j) => {
    const table = RULES_BY_JURISDICTION[j];
    const seen = new Set<string>();
    for (const rule of table.rules) {
      expect(rule.id.startsWith(`${j.toLowerCase()}.`)).toBe(true);
      expect(rule.source.trim()).not.toBe("");
      expect(isIsoDate(rule.effectiveFrom)).toBe(true);
      expect(["employer", "employee", "nav", "kommune", "fk"]).toContain(rule.responsible);
      const key = `${rule.id}@${rule.effectiveFrom}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      for (const condition of rule.conditions ?? []) expect(condition.note.trim()).not.toBe("");
    }
  });

  it("Denmark's missing merge rule is flagged UNVERIFIED beside the rule", () => {
    expect(RULES_BY_JURISDICTION.DK.caseRule.newCaseAfterGapDays).toBe(1);
    expect(RULES_BY_JURISDICTION.DK.caseRule.note).toMatch(/UNVERIFIED/);
  });

  it("every milestone reports the source and effective date of the version applied", () => {
    const c = onlyCase("NO", [sick("2026-01-05", null)], "2026-01-20");
    expect(milestone(c, "no.nav_motebehov_query")).toMatchObject({ effectiveFrom: "2022-05-19", responsible: "nav" });
    expect(milestone(c, "no.dialogmote1")).toMatchObject({ effectiveFrom: "2014-07-01", source: "aml § 4-6 (4)" });
  });
});

describe("a change in the law is a new version in the table", () => {
  it("NO dialogmøte 1: graded leave needed it until 30 June 2014, not from 1 July 2014", () => {
    const before = onlyCase("NO", [sick("2014-06-30", null, 50)], "2014-07-01");
    expect(dueStatus(before, "no.dialogmote1")).toEqual(["2014-08-17", "upcoming"]);
    expect(milestone(before, "no.dialogmote1").effectiveFrom).toBe("2011-07-01");
    const after = onlyCase("NO", [sick("2014-07-01", null, 50)], "2014-07-01");
    expect(dueStatus(after, "no.dialogmote1")).toEqual([null, "on_request"]);
  });

  it("NO follow-up plan: 6 weeks before 1 July 2011, 4 weeks after", () => {
    expect(dueStatus(onlyCase("NO", [sick("2011-06-30", null)], "2011-07-01"), "no.followup_plan")).toEqual(["2011-08-10", "upcoming"]);
    expect(dueStatus(onlyCase("NO", [sick("2011-07-01", null)], "2011-07-01"), "no.followup_plan")).toEqual(["2011-07-28", "upcoming"]);
  });

  it("DK employer period: 21 days for sickness from 2 June 2008, 30 days from 2 January 2012", () => {
    const old = onlyCase("DK", [sick("2011-12-30", null)], "2012-01-02");
    expect(dueStatus(old, "dk.employer_period_end")).toEqual(["2012-01-19", "upcoming"]);
    const current = onlyCase("DK", [sick("2012-01-02", null)], "2012-01-02");
    expect(dueStatus(current, "dk.employer_period_end")).toEqual(["2012-01-31", "upcoming"]);
  });

  it("a rule not yet in force when the case started is not applicable", () => {
    const c = onlyCase("DK", [sick("2009-12-01", null)], "2010-01-10");
    expect(milestone(c, "dk.sygefravaerssamtale")).toMatchObject({ due: null, status: "not_applicable", effectiveFrom: "2010-01-04" });
    expect(milestone(c, "dk.sygefravaerssamtale").note).toMatch(/before the earliest recorded version/);
    const se = onlyCase("SE", [sick("2018-06-01", null)], "2018-06-10");
    expect(dueStatus(se, "se.return_to_work_plan")).toEqual([null, "not_applicable"]);
  });
});
