// Sweden: statutory-rules.md section 3, with concrete dates. S = Monday 2026-03-02.
import { describe, expect, it } from "vitest";
import { cases, dueStatus, milestone, onlyCase, sick, vacation } from "./helpers.js";

const S = "2026-03-02";

describe("SE: milestone dates for an uninterrupted absence", () => {
  const c = onlyCase("SE", [sick(S, null)], "2026-03-09");

  it.each([
    ["se.sick_pay_period_end", "2026-03-15", "upcoming"],
    ["se.medical_certificate", "2026-03-09", "due_today"],
    ["se.report_to_fk", "2026-03-22", "upcoming"],
    ["se.return_to_work_plan", "2026-03-31", "upcoming"],
    ["se.day90", "2026-05-30", "upcoming"],
    ["se.day180", "2026-08-28", "upcoming"],
    ["se.day365", "2027-03-01", "upcoming"],
  ] as const)("%s due %s (%s)", (id, due, status) => {
    expect(dueStatus(c, id)).toEqual([due, status]);
  });

  it("the report to Försäkringskassan has a window: day 15 to day 21", () => {
    expect(milestone(c, "se.report_to_fk")).toMatchObject({ earliest: "2026-03-16", due: "2026-03-22", responsible: "employer" });
  });

  it("the certificate is the employee's duty; the rehab steps are FK's", () => {
    expect(milestone(c, "se.medical_certificate").responsible).toBe("employee");
    expect(milestone(c, "se.day90").responsible).toBe("fk");
  });
});

describe("SE: the rehabilitation chain (periods < 90 days apart)", () => {
  const first = sick("2026-01-05", "2026-02-03"); // 30 sick days

  it("89 days between periods: one chain, day N is the N-th sick day", () => {
    const c = onlyCase("SE", [first, sick("2026-05-04", null)], "2026-05-10");
    expect(c.start).toBe("2026-01-05");
    // 30 days in the first period, so day 90 is the 60th day of the second.
    expect(dueStatus(c, "se.day90")).toEqual(["2026-07-02", "upcoming"]);
    // Day 30 was the last day of the first period.
    expect(dueStatus(c, "se.return_to_work_plan")).toEqual(["2026-02-03", "past"]);
  });

  it("90 days between periods: a new chain starts at day 1", () => {
    const all = cases("SE", [first, sick("2026-05-05", null)], "2026-05-10");
    expect(all.map((c) => c.start)).toEqual(["2026-01-05", "2026-05-05"]);
    expect(dueStatus(all[1]!, "se.day90")).toEqual(["2026-08-02", "upcoming"]);
  });

  it("full and part-time days count alike", () => {
    const c = onlyCase("SE", [sick(S, null, 25)], "2026-03-09");
    expect(dueStatus(c, "se.day90")).toEqual(["2026-05-30", "upcoming"]);
  });

  it("vacation is not sick time in Sweden", () => {
    const c = onlyCase("SE", [sick(S, "2026-03-10"), vacation("2026-03-11", "2026-03-31")], "2026-03-12");
    expect(c).toMatchObject({ end: "2026-03-10", sickDays: 9 });
  });
});

describe("SE: the sjuklöneperiod (falling ill again within 5 days continues it)", () => {
  const first = sick(S, "2026-03-11"); // 10 sick days

  it("5 days between periods: the same 14 days continue", () => {
    const c = onlyCase("SE", [first, sick("2026-03-17", null)], "2026-03-18");
    expect(dueStatus(c, "se.sick_pay_period_end")).toEqual(["2026-03-20", "upcoming"]);
    expect(dueStatus(c, "se.medical_certificate")).toEqual(["2026-03-09", "past"]);
    expect(milestone(c, "se.report_to_fk")).toMatchObject({ earliest: "2026-03-21", due: "2026-03-27", status: "upcoming" });
  });

  it("6 days between periods: a new sjuklöneperiod within the same chain", () => {
    const c = onlyCase("SE", [first, sick("2026-03-18", null)], "2026-03-18");
    expect(dueStatus(c, "se.sick_pay_period_end")).toEqual(["2026-03-31", "upcoming"]);
    expect(dueStatus(c, "se.medical_certificate")).toEqual(["2026-03-25", "upcoming"]);
    expect(milestone(c, "se.report_to_fk")).toMatchObject({ earliest: "2026-04-01", due: "2026-04-07" });
    // The rehab chain still adds both periods: 10 + 80 sick days.
    expect(dueStatus(c, "se.day90")).toEqual(["2026-06-05", "upcoming"]);
  });

  it("the report is needed once sick on day 15, even if back before the deadline", () => {
    const sixteenDays = onlyCase("SE", [sick(S, "2026-03-17")], "2026-03-18");
    expect(dueStatus(sixteenDays, "se.report_to_fk")).toEqual(["2026-03-22", "upcoming"]);
    const fourteenDays = onlyCase("SE", [sick(S, "2026-03-15")], "2026-03-18");
    expect(dueStatus(fourteenDays, "se.report_to_fk")).toEqual(["2026-03-22", "cancelled"]);
    expect(dueStatus(fourteenDays, "se.sick_pay_period_end")).toEqual(["2026-03-15", "past"]);
  });

  it("a short absence cancels everything after it", () => {
    const c = onlyCase("SE", [sick(S, "2026-03-06")], "2026-03-20");
    expect(c.milestones.map((m) => m.status)).toEqual(Array(7).fill("cancelled"));
  });
});

describe("SE: return-to-work plan", () => {
  it("is not required when the chain stays under 60 sick days", () => {
    const c = onlyCase("SE", [sick(S, "2026-04-15")], "2026-04-20"); // 45 days
    expect(dueStatus(c, "se.return_to_work_plan")).toEqual(["2026-03-31", "not_applicable"]);
  });

  it("is required when the chain reaches 60 sick days", () => {
    const c = onlyCase("SE", [sick(S, "2026-04-30")], "2026-03-20"); // 60 days
    expect(dueStatus(c, "se.return_to_work_plan")).toEqual(["2026-03-31", "upcoming"]);
  });

  it("leap year: day 30 from 2028-02-01 is 1 March", () => {
    expect(dueStatus(onlyCase("SE", [sick("2028-02-01", null)], "2028-02-01"), "se.return_to_work_plan")).toEqual(["2028-03-01", "upcoming"]);
  });
});
