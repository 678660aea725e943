// Denmark: statutory-rules.md section 2, with concrete dates. S = Monday 2026-03-02.
import { describe, expect, it } from "vitest";
import { cases, dueStatus, milestone, onlyCase, sick } from "./helpers.js";

const S = "2026-03-02";

describe("DK: milestone dates for a long absence", () => {
  const c = onlyCase("DK", [sick(S, null)], "2026-03-20");

  it.each([
    ["dk.sygefravaerssamtale", "2026-03-30", "upcoming"],
    ["dk.employer_period_end", "2026-03-31", "upcoming"],
    ["dk.fast_track_request", "2026-04-05", "upcoming"],
    ["dk.fravaer_anmeldelse", "2026-04-06", "upcoming"],
    ["dk.jobcenter_first_followup", "2026-04-26", "upcoming"],
    // Day 185 = 2 Sep 2026; the revurdering is at the end of that month.
    ["dk.revurdering_22w", "2026-09-30", "upcoming"],
  ] as const)("%s due %s (%s)", (id, due, status) => {
    expect(dueStatus(c, id)).toEqual([due, status]);
  });

  it("retention plan and possibility statement have no fixed date", () => {
    expect(dueStatus(c, "dk.fastholdelsesplan")).toEqual([null, "on_request"]);
    expect(dueStatus(c, "dk.mulighedserklaering")).toEqual([null, "on_request"]);
  });

  it("names the responsible party and the source", () => {
    expect(milestone(c, "dk.sygefravaerssamtale")).toMatchObject({ responsible: "employer", leaderAction: true, source: "sygedagpengeloven § 7a" });
    expect(milestone(c, "dk.jobcenter_first_followup")).toMatchObject({ responsible: "kommune", leaderAction: false });
    expect(milestone(c, "dk.sygefravaerssamtale").note).toMatch(/S\+27/);
  });
});

describe("DK: cases", () => {
  it("every new sickness is a new case, even after one day back (UNVERIFIED in the doc)", () => {
    const all = cases("DK", [sick(S, "2026-03-10"), sick("2026-03-12", "2026-04-30")], "2026-03-20");
    expect(all.map((c) => c.start)).toEqual([S, "2026-03-12"]);
    expect(dueStatus(all[1]!, "dk.sygefravaerssamtale")).toEqual(["2026-04-09", "upcoming"]);
  });

  it("touching or overlapping certificates are the same sickness", () => {
    expect(cases("DK", [sick(S, "2026-03-10"), sick("2026-03-11", "2026-04-30")], "2026-03-20")).toHaveLength(1);
    expect(cases("DK", [sick(S, "2026-03-10"), sick("2026-03-05", "2026-04-30")], "2026-03-20")).toHaveLength(1);
  });
});

describe("DK: conditions and cancellation", () => {
  it("back before day 29: no sick-absence conversation", () => {
    const c = onlyCase("DK", [sick(S, "2026-03-29")], "2026-04-02");
    expect(dueStatus(c, "dk.sygefravaerssamtale")).toEqual(["2026-03-30", "cancelled"]);
    expect(dueStatus(c, "dk.employer_period_end")).toEqual(["2026-03-31", "cancelled"]);
  });

  it("the refund report is due when the absence reaches day 31, even if it ends before the deadline", () => {
    const reaches = onlyCase("DK", [sick(S, "2026-04-03")], "2026-04-02"); // ends on day 33
    expect(dueStatus(reaches, "dk.fravaer_anmeldelse")).toEqual(["2026-04-06", "upcoming"]);
    const short = onlyCase("DK", [sick(S, "2026-03-31")], "2026-04-02"); // ends on day 30
    expect(dueStatus(short, "dk.fravaer_anmeldelse")).toEqual(["2026-04-06", "cancelled"]);
  });

  it("fast track and retention plan need an absence beyond 8 weeks", () => {
    // Ends on day 40: past the fast-track deadline but not beyond 8 weeks.
    const sixWeeks = onlyCase("DK", [sick(S, "2026-04-10")], "2026-04-20");
    expect(dueStatus(sixWeeks, "dk.fast_track_request")).toEqual(["2026-04-05", "not_applicable"]);
    expect(dueStatus(sixWeeks, "dk.fastholdelsesplan")).toEqual([null, "not_applicable"]);
    // Ends on day 56: absent the whole 8 weeks (retention plan), but not more than 8 weeks (fast track).
    const eightWeeks = onlyCase("DK", [sick(S, "2026-04-26")], "2026-04-20");
    expect(dueStatus(eightWeeks, "dk.fastholdelsesplan")).toEqual([null, "on_request"]);
    expect(dueStatus(eightWeeks, "dk.fast_track_request")).toEqual(["2026-04-05", "not_applicable"]);
    // Ends on day 57.
    const longer = onlyCase("DK", [sick(S, "2026-04-27")], "2026-04-20");
    expect(dueStatus(longer, "dk.fast_track_request")).toEqual(["2026-04-05", "past"]);
  });

  it("the kommune's first follow-up and the 22-week revurdering are cancelled by an earlier return", () => {
    const c = onlyCase("DK", [sick(S, "2026-04-25")], "2026-05-01");
    expect(dueStatus(c, "dk.jobcenter_first_followup")).toEqual(["2026-04-26", "cancelled"]);
    expect(dueStatus(c, "dk.revurdering_22w")).toEqual(["2026-09-30", "cancelled"]);
    // Sick on day 185 (2 Sep) but back before the end of the month: the revurdering still happens.
    const reached = onlyCase("DK", [sick(S, "2026-09-10")], "2026-09-05");
    expect(dueStatus(reached, "dk.revurdering_22w")).toEqual(["2026-09-30", "upcoming"]);
  });

  it("graded (delvis) sickness counts like full sickness", () => {
    const c = onlyCase("DK", [sick(S, null, 50)], "2026-03-20");
    expect(dueStatus(c, "dk.sygefravaerssamtale")).toEqual(["2026-03-30", "upcoming"]);
    expect(dueStatus(c, "dk.jobcenter_first_followup")).toEqual(["2026-04-26", "upcoming"]);
  });

  it("leap year: S = 2028-02-01", () => {
    const c = onlyCase("DK", [sick("2028-02-01", null)], "2028-02-01");
    expect(dueStatus(c, "dk.sygefravaerssamtale")).toEqual(["2028-02-29", "upcoming"]);
    expect(dueStatus(c, "dk.employer_period_end")).toEqual(["2028-03-01", "upcoming"]);
  });
});
