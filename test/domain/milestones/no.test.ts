// Norway: case building (statutory-rules.md 1.1) and every milestone of 1.2, with concrete dates.
import { describe, expect, it } from "vitest";
import { cases, dueStatus, milestone, onlyCase, sick, vacation } from "./helpers.js";

// S = Monday 2026-01-05 throughout unless a test says otherwise.
const S = "2026-01-05";

describe("NO: the brief's example", () => {
  it("plan due 2026-02-01 (S+27), upcoming on 2026-01-20", () => {
    const c = onlyCase("NO", [sick(S, "2026-03-01", 100, { document: "sykmelding" })], "2026-01-20");
    expect(c).toMatchObject({ start: S, end: "2026-03-01", open: false, sickDays: 56, weeks: 8 });
    expect(milestone(c, "no.followup_plan")).toMatchObject({
      due: "2026-02-01",
      status: "upcoming",
      source: "aml § 4-6 (3)",
      responsible: "employer",
      leaderAction: true,
    });
  });
});

describe("NO: milestone dates for a long 100 % case", () => {
  const c = onlyCase("NO", [sick(S, null)], "2026-01-20");

  it.each([
    ["no.agp_end", "2026-01-20", "due_today"],
    ["no.followup_plan", "2026-02-01", "upcoming"],
    ["no.plan_to_sykmelder", "2026-02-01", "upcoming"],
    ["no.dialogmote1", "2026-02-22", "upcoming"],
    ["no.aktivitetskrav", "2026-03-01", "upcoming"],
    ["no.nav_motebehov_query", "2026-05-04", "upcoming"],
    ["no.dialogmote2", "2026-07-05", "upcoming"],
    ["no.ssps_letter", "2026-08-28", "upcoming"],
    ["no.maksdato", "2027-01-01", "upcoming"],
  ] as const)("%s due %s (%s)", (id, due, status) => {
    expect(dueStatus(c, id)).toEqual([due, status]);
  });

  it("plan to NAV and dialogmøte 3 have no fixed date", () => {
    expect(dueStatus(c, "no.plan_to_nav")).toEqual([null, "on_request"]);
    expect(dueStatus(c, "no.dialogmote3")).toEqual([null, "on_request"]);
  });

  it("reports the open case through today", () => {
    expect(c).toMatchObject({ start: S, end: null, open: true, sickDays: 16, weeks: 2, gradeNow: 100, gradeAtEnd: 100 });
  });

  it("lists the milestones in the doc's order", () => {
    expect(c.milestones.map((m) => m.id)).toEqual([
      "no.agp_end",
      "no.followup_plan",
      "no.plan_to_sykmelder",
      "no.dialogmote1",
      "no.aktivitetskrav",
      "no.nav_motebehov_query",
      "no.dialogmote2",
      "no.plan_to_nav",
      "no.dialogmote3",
      "no.ssps_letter",
      "no.maksdato",
    ]);
  });

  it("nudges the leader for the plan but not for the employer period or NAV's letter", () => {
    expect(milestone(c, "no.followup_plan").leaderAction).toBe(true);
    expect(milestone(c, "no.agp_end").leaderAction).toBe(false);
    expect(milestone(c, "no.ssps_letter").leaderAction).toBe(false);
  });
});

describe("NO: statuses against today", () => {
  const periods = [sick(S, null)];
  it("past, due_today and upcoming around the plan deadline", () => {
    expect(dueStatus(onlyCase("NO", periods, "2026-01-31"), "no.followup_plan")).toEqual(["2026-02-01", "upcoming"]);
    expect(dueStatus(onlyCase("NO", periods, "2026-02-01"), "no.followup_plan")).toEqual(["2026-02-01", "due_today"]);
    expect(dueStatus(onlyCase("NO", periods, "2026-02-02"), "no.followup_plan")).toEqual(["2026-02-01", "past"]);
  });

  it("a case that ends before a milestone cancels it; one that ends on the day keeps it", () => {
    const c = onlyCase("NO", [sick(S, "2026-01-31")], "2026-03-01");
    expect(dueStatus(c, "no.followup_plan")).toEqual(["2026-02-01", "cancelled"]);
    expect(dueStatus(c, "no.dialogmote1")).toEqual(["2026-02-22", "cancelled"]);
    expect(dueStatus(c, "no.agp_end")).toEqual(["2026-01-20", "past"]);
    const onTheDay = onlyCase("NO", [sick(S, "2026-02-01")], "2026-03-01");
    expect(dueStatus(onTheDay, "no.followup_plan")).toEqual(["2026-02-01", "past"]);
  });

  it("a cancelled milestone comes back when a new period merges into the case", () => {
    const first = [sick(S, "2026-01-25")];
    expect(dueStatus(onlyCase("NO", first, "2026-02-10"), "no.followup_plan")).toEqual(["2026-02-01", "cancelled"]);
    // Back to work 26 Jan – 4 Feb (10 days), sick again from 5 Feb: same case, same S.
    const revived = onlyCase("NO", [...first, sick("2026-02-05", null)], "2026-02-10");
    expect(revived.start).toBe(S);
    expect(dueStatus(revived, "no.followup_plan")).toEqual(["2026-02-01", "past"]);
    expect(dueStatus(revived, "no.dialogmote1")).toEqual(["2026-02-22", "upcoming"]);
  });

  it("an open case keeps future milestones upcoming, however far ahead", () => {
    const c = onlyCase("NO", [sick(S, null)], "2026-01-06");
    expect(c.milestones.some((m) => m.status === "cancelled")).toBe(false);
  });
});

describe("NO: case building", () => {
  it("15 non-sick days between periods keep one case; 16 start a new one", () => {
    const a = sick(S, "2026-01-14");
    const merged = cases("NO", [a, sick("2026-01-30", "2026-03-31")], "2026-02-10");
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ start: S, end: "2026-03-31", sickDays: 10 + 61 });
    const split = cases("NO", [a, sick("2026-01-31", "2026-03-31")], "2026-02-10");
    expect(split.map((c) => [c.start, c.end])).toEqual([
      [S, "2026-01-14"],
      ["2026-01-31", "2026-03-31"],
    ]);
    // Milestones restart from the new S.
    expect(dueStatus(split[1]!, "no.followup_plan")).toEqual(["2026-02-27", "upcoming"]);
  });

  it("milestone dates are calendar offsets from S even across gap days; weeks count sick days only", () => {
    const c = onlyCase("NO", [sick(S, "2026-01-14"), sick("2026-01-30", "2026-03-31")], "2026-01-31");
    expect(dueStatus(c, "no.followup_plan")).toEqual(["2026-02-01", "upcoming"]);
    expect(dueStatus(c, "no.dialogmote1")).toEqual(["2026-02-22", "upcoming"]);
    expect(c.weeks).toBe(Math.floor(71 / 7));
  });

  it("egenmelding days are sick days: S is the first egenmelding day", () => {
    const c = onlyCase(
      "NO",
      [sick("2026-01-05", "2026-01-07", 100, { document: "egenmelding" }), sick("2026-01-08", "2026-02-28")],
      "2026-01-10",
    );
    expect(c.start).toBe("2026-01-05");
    expect(dueStatus(c, "no.followup_plan")).toEqual(["2026-02-01", "upcoming"]);
    expect(dueStatus(c, "no.agp_end")).toEqual(["2026-01-20", "upcoming"]);
  });

  it("an earlier egenmelding within 15 days is part of the case (and of the employer period)", () => {
    const c = onlyCase(
      "NO",
      [sick("2026-01-05", "2026-01-06", 100, { document: "egenmelding" }), sick("2026-01-15", "2026-03-31")],
      "2026-01-20",
    );
    expect(c.start).toBe("2026-01-05");
    // 2 egenmelding days + 14 more sick days from 15 Jan.
    expect(dueStatus(c, "no.agp_end")).toEqual(["2026-01-28", "upcoming"]);
  });

  it("vacation right after sick days is appended as sick days and does not break the case", () => {
    const c = onlyCase(
      "NO",
      [sick("2026-03-02", "2026-03-13"), vacation("2026-03-14", "2026-04-05"), sick("2026-04-06", "2026-05-31")],
      "2026-04-10",
    );
    expect(c).toMatchObject({ start: "2026-03-02", end: "2026-05-31", sickDays: 12 + 23 + 56 });
  });

  it("vacation after a work day counts toward the 16-day gap", () => {
    const all = cases(
      "NO",
      [sick("2026-03-02", "2026-03-13"), vacation("2026-03-15", "2026-04-05"), sick("2026-04-06", "2026-05-31")],
      "2026-04-10",
    );
    expect(all.map((c) => [c.start, c.end, c.sickDays])).toEqual([
      ["2026-03-02", "2026-03-13", 12],
      ["2026-04-06", "2026-05-31", 56],
    ]);
  });

  it("vacation at the end of a case extends it; the gap is counted from the vacation's end", () => {
    const periods = [sick("2026-03-02", "2026-03-13"), vacation("2026-03-14", "2026-03-20")];
    // 15 work days 21 Mar – 4 Apr: same case.
    expect(cases("NO", [...periods, sick("2026-04-05", "2026-04-30")], "2026-04-10")).toHaveLength(1);
    // 16 work days: new case.
    expect(cases("NO", [...periods, sick("2026-04-06", "2026-04-30")], "2026-04-10")).toHaveLength(2);
    expect(onlyCase("NO", periods, "2026-04-10")).toMatchObject({ end: "2026-03-20", sickDays: 19, gradeAtEnd: 100 });
  });

  it("vacation before any sick day is ignored", () => {
    const c = onlyCase("NO", [vacation("2026-02-01", "2026-02-14"), sick("2026-02-15", "2026-02-20")], "2026-02-16");
    expect(c).toMatchObject({ start: "2026-02-15", sickDays: 6 });
  });

  it("no sick periods, no cases", () => {
    expect(cases("NO", [], "2026-01-01")).toEqual([]);
    expect(cases("NO", [vacation("2026-07-01", "2026-07-21")], "2026-07-10")).toEqual([]);
  });

  it("overlapping periods are one run; the highest grade wins where they overlap", () => {
    const c = onlyCase("NO", [sick(S, "2026-01-31", 50), sick("2026-01-20", "2026-02-10", 100)], "2026-01-25");
    expect(c).toMatchObject({ start: S, end: "2026-02-10", sickDays: 37, gradeNow: 100, gradeAtEnd: 100 });
  });
});

describe("NO: arbeidsgiverperioden (no.agp_end)", () => {
  it("ends on the 16th sick day, counting sick days only", () => {
    // 10 sick days, 15 back at work, then sick again: the 16th sick day is the 6th of the new period.
    const c = onlyCase("NO", [sick(S, "2026-01-14"), sick("2026-01-30", "2026-02-20")], "2026-02-01");
    expect(dueStatus(c, "no.agp_end")).toEqual(["2026-02-04", "upcoming"]);
  });

  it("resets after 16 non-sick days: the new case has its own employer period", () => {
    const full = sick(S, "2026-01-25"); // 21 days: employer period completed on 20 Jan
    const sameCase = onlyCase("NO", [full, sick("2026-02-10", "2026-03-31")], "2026-02-11"); // 15 days back
    expect(dueStatus(sameCase, "no.agp_end")).toEqual(["2026-01-20", "past"]);
    const [, second] = cases("NO", [full, sick("2026-02-11", "2026-03-31")], "2026-02-11"); // 16 days back
    expect(dueStatus(second!, "no.agp_end")).toEqual(["2026-02-26", "upcoming"]);
  });

  it("a case shorter than 16 sick days never reaches it", () => {
    expect(dueStatus(onlyCase("NO", [sick(S, "2026-01-12")], "2026-02-01"), "no.agp_end")).toEqual(["2026-01-20", "cancelled"]);
  });
});

describe("NO: graded leave", () => {
  it("graded all along: plan still due, dialogmøte 1 on request, aktivitetskrav auto-fulfilled", () => {
    const c = onlyCase("NO", [sick(S, null, 50)], "2026-01-20");
    expect(dueStatus(c, "no.followup_plan")).toEqual(["2026-02-01", "upcoming"]);
    expect(dueStatus(c, "no.dialogmote1")).toEqual([null, "on_request"]);
    expect(dueStatus(c, "no.aktivitetskrav")).toEqual(["2026-03-01", "not_applicable"]);
    expect(milestone(c, "no.aktivitetskrav").note).toMatch(/automatically fulfilled/);
    expect(c).toMatchObject({ gradeNow: 50, gradeAtEnd: 50 });
  });

  it("dialogmøte 1 follows the grade on day 49", () => {
    const fullThenGraded = [sick(S, "2026-02-03", 100), sick("2026-02-04", null, 60)];
    expect(dueStatus(onlyCase("NO", fullThenGraded, "2026-01-20"), "no.dialogmote1")).toEqual([null, "on_request"]);
    const gradedThenFull = [sick(S, "2026-02-13", 40), sick("2026-02-14", null, 100)];
    expect(dueStatus(onlyCase("NO", gradedThenFull, "2026-01-20"), "no.dialogmote1")).toEqual(["2026-02-22", "upcoming"]);
  });

  it("dialogmøte 1 looks back to the last sick day when day 49 falls in a gap", () => {
    // 100 % until day 45 (18 Feb), at work 19–25 Feb, graded from 26 Feb.
    const periods = [sick(S, "2026-02-18", 100), sick("2026-02-26", null, 50)];
    expect(dueStatus(onlyCase("NO", periods, "2026-02-20"), "no.dialogmote1")).toEqual(["2026-02-22", "upcoming"]);
    const gradedBefore = [sick(S, "2026-02-18", 50), sick("2026-02-26", null, 100)];
    expect(dueStatus(onlyCase("NO", gradedBefore, "2026-02-20"), "no.dialogmote1")).toEqual([null, "on_request"]);
  });

  it("aktivitetskrav needs 56 sick days: gap days inside the case do not count", () => {
    // 30 sick days, 15 at work, then 26 more: 56 sick days, ends well after day 56.
    const enough = onlyCase("NO", [sick(S, "2026-02-03"), sick("2026-02-19", "2026-03-16")], "2026-02-20");
    expect(enough.sickDays).toBe(56);
    expect(dueStatus(enough, "no.aktivitetskrav")).toEqual(["2026-03-01", "upcoming"]);
    const tooFew = onlyCase("NO", [sick(S, "2026-02-03"), sick("2026-02-19", "2026-03-15")], "2026-02-20");
    expect(tooFew.sickDays).toBe(55);
    expect(dueStatus(tooFew, "no.aktivitetskrav")).toEqual(["2026-03-01", "not_applicable"]);
  });

  it("aktivitetskrav applies when the case ends at 100 % after a graded spell", () => {
    const c = onlyCase("NO", [sick(S, "2026-02-10", 50), sick("2026-02-11", "2026-03-31", 100)], "2026-02-20");
    expect(dueStatus(c, "no.aktivitetskrav")).toEqual(["2026-03-01", "upcoming"]);
    const gradedAtEnd = onlyCase("NO", [sick(S, "2026-02-10", 100), sick("2026-02-11", "2026-03-31", 50)], "2026-02-20");
    expect(dueStatus(gradedAtEnd, "no.aktivitetskrav")).toEqual(["2026-03-01", "not_applicable"]);
  });
});

describe("NO: leap years", () => {
  it("S = 2028-02-01 counts 29 February", () => {
    const c = onlyCase("NO", [sick("2028-02-01", null)], "2028-02-01");
    expect(dueStatus(c, "no.agp_end")).toEqual(["2028-02-16", "upcoming"]);
    expect(dueStatus(c, "no.followup_plan")).toEqual(["2028-02-28", "upcoming"]);
    expect(dueStatus(c, "no.dialogmote1")).toEqual(["2028-03-20", "upcoming"]);
    expect(dueStatus(c, "no.aktivitetskrav")).toEqual(["2028-03-27", "upcoming"]);
    expect(dueStatus(c, "no.nav_motebehov_query")).toEqual(["2028-05-30", "upcoming"]);
    expect(dueStatus(c, "no.dialogmote2")).toEqual(["2028-07-31", "upcoming"]);
  });

  it("a deadline across 29 February is one day earlier than in a common year", () => {
    expect(dueStatus(onlyCase("NO", [sick("2028-02-10", null)], "2028-02-10"), "no.followup_plan")).toEqual(["2028-03-08", "upcoming"]);
    expect(dueStatus(onlyCase("NO", [sick("2027-02-10", null)], "2027-02-10"), "no.followup_plan")).toEqual(["2027-03-09", "upcoming"]);
    expect(dueStatus(onlyCase("NO", [sick("2028-02-29", null)], "2028-03-01"), "no.followup_plan")).toEqual(["2028-03-27", "upcoming"]);
  });
});

describe("NO: maksdato and the 'snart slutt på sykepenger' letter", () => {
  it("worked example: sick from Monday 2018-01-01 → maksdato Friday 2018-12-28 (as spleis)", () => {
    // Employer period ends Tue 16 Jan; 248 weekdays later = 49 weeks (to Tue 25 Dec) + 3 weekdays.
    const c = onlyCase("NO", [sick("2018-01-01", null)], "2018-02-01");
    expect(dueStatus(c, "no.agp_end")).toEqual(["2018-01-16", "past"]);
    expect(dueStatus(c, "no.maksdato")).toEqual(["2018-12-28", "upcoming"]);
  });

  it("public holidays are not skipped: S = 2026-01-05 gives New Year's Day 2027", () => {
    expect(dueStatus(onlyCase("NO", [sick(S, null)], "2026-02-01"), "no.maksdato")).toEqual(["2027-01-01", "upcoming"]);
  });

  it("an employer period ending on a weekend counts from the Friday before", () => {
    // S = Sat 2026-01-03; day 16 = Sun 18 Jan → Fri 16 Jan + 248 weekdays.
    expect(dueStatus(onlyCase("NO", [sick("2026-01-03", null)], "2026-02-01"), "no.maksdato")).toEqual(["2026-12-30", "upcoming"]);
  });

  it("the letter goes out when 90 of 248 days remain (158 weekdays after the employer period)", () => {
    const c = onlyCase("NO", [sick(S, null)], "2026-08-28");
    expect(dueStatus(c, "no.ssps_letter")).toEqual(["2026-08-28", "due_today"]);
    expect(milestone(c, "no.ssps_letter").responsible).toBe("nav");
  });

  it("both are cancelled when the case ends first", () => {
    const c = onlyCase("NO", [sick(S, "2026-06-30")], "2026-07-01");
    expect(dueStatus(c, "no.ssps_letter")).toEqual(["2026-08-28", "cancelled"]);
    expect(dueStatus(c, "no.maksdato")).toEqual(["2027-01-01", "cancelled"]);
  });
});

describe("NO: NAV's query about a dialogue meeting (day 120) and the first-seen rule", () => {
  it("is due on day 120 when we knew of the case in time", () => {
    const c = onlyCase("NO", [sick(S, null, 100, { reportedOn: "2026-04-01" })], "2026-04-10");
    expect(dueStatus(c, "no.nav_motebehov_query")).toEqual(["2026-05-04", "upcoming"]);
  });

  it("falls due on the day we first learned of a case already past day 120", () => {
    const periods = [sick(S, null, 100, { reportedOn: "2026-06-01" })];
    expect(dueStatus(onlyCase("NO", periods, "2026-06-01"), "no.nav_motebehov_query")).toEqual(["2026-06-01", "due_today"]);
    expect(dueStatus(onlyCase("NO", periods, "2026-06-10"), "no.nav_motebehov_query")).toEqual(["2026-06-01", "past"]);
    // Only this milestone moves: the plan deadline stays where the law puts it (overdue).
    expect(dueStatus(onlyCase("NO", periods, "2026-06-01"), "no.followup_plan")).toEqual(["2026-02-01", "past"]);
  });

  it("does not move when the case had ended by the day we learned of it", () => {
    const c = onlyCase("NO", [sick(S, "2026-05-20", 100, { reportedOn: "2026-06-01" })], "2026-06-10");
    expect(dueStatus(c, "no.nav_motebehov_query")).toEqual(["2026-05-04", "past"]);
  });

  it("moves to the day a revived case became known when day 120 fell in the gap", () => {
    // Sick until 30 Apr (day 116), back at work 1–10 May, sick again from 11 May (reported that day).
    const c = onlyCase("NO", [sick(S, "2026-04-30"), sick("2026-05-11", null)], "2026-05-12");
    expect(c.start).toBe(S);
    expect(dueStatus(c, "no.nav_motebehov_query")).toEqual(["2026-05-11", "past"]);
  });

  it("uses the earliest report among the periods reaching day 120", () => {
    const periods = [
      sick(S, "2026-03-31", 100, { reportedOn: "2026-06-20" }),
      sick("2026-04-01", null, 100, { reportedOn: "2026-06-05" }),
    ];
    expect(dueStatus(onlyCase("NO", periods, "2026-06-20"), "no.nav_motebehov_query")).toEqual(["2026-06-05", "past"]);
  });
});

describe("NO: dialogmøte 2", () => {
  it("is due by the end of week 26 and cancelled if the case ends before", () => {
    expect(dueStatus(onlyCase("NO", [sick(S, "2026-12-31")], "2026-07-05"), "no.dialogmote2")).toEqual(["2026-07-05", "due_today"]);
    expect(dueStatus(onlyCase("NO", [sick(S, "2026-07-04")], "2026-07-05"), "no.dialogmote2")).toEqual(["2026-07-05", "cancelled"]);
  });
});
