// The pure planner with concrete dates: which reminders exist, for whom, and when,
// for cases computed by the real milestone engine.
import { describe, expect, it } from "vitest";
import { evaluateMilestones, type Jurisdiction } from "../../../src/domain/milestones/index.js";
import {
  DEFAULT_REMINDER_SETTINGS,
  dialogueReminderTimes,
  nudgeDates,
  nudgePointOf,
  planReminders,
  type PlannedReminder,
  type PlanningInput,
  type ReminderRecipient,
} from "../../../src/domain/reminders/index.js";

const OSLO = "Europe/Oslo";
const employee: ReminderRecipient = { id: "emp", timeZone: OSLO, jurisdiction: "NO" };
const leader: ReminderRecipient = { id: "lead", timeZone: OSLO, jurisdiction: "NO" };
const sub: ReminderRecipient = { id: "sub", timeZone: OSLO, jurisdiction: "NO" };
const hr: ReminderRecipient = { id: "hr", timeZone: OSLO, jurisdiction: "NO" };

function caseOf(jurisdiction: Jurisdiction, start: string, end: string | null, today: string) {
  const result = evaluateMilestones({ jurisdiction, today, periods: [{ start, end, grade: 100 }] }).cases[0]!;
  return { id: "case1", result, planId: "plan1", planConfirmed: true };
}

function input(over: Partial<PlanningInput> = {}): PlanningInput {
  return {
    now: new Date("2026-01-06T09:00:00Z"),
    settings: DEFAULT_REMINDER_SETTINGS,
    person: employee,
    leader,
    substitutions: [],
    hrAdmins: [hr],
    arr: null,
    cases: [caseOf("NO", "2026-01-05", null, "2026-01-06")],
    states: [],
    measures: [],
    sessions: [],
    ...over,
  };
}

const about = (milestoneId: string, kind = "nudge") => (r: PlannedReminder) => r.kind === kind && r.milestoneId === milestoneId;
const times = (rs: PlannedReminder[]) => rs.map((r) => `${r.recipientId ?? "arr"}@${r.dueAt.toISOString()}`);

describe("nudges for a Norwegian case", () => {
  it("nudges 5 and 1 working days before, on the day (Friday for a Sunday deadline), the day after, then escalates", () => {
    const planned = planReminders(input());
    // Follow-up plan: day 28 = Sunday 1 February 2026.
    expect(times(planned.filter(about("no.followup_plan")))).toEqual([
      "lead@2026-01-23T07:00:00.000Z",
      "lead@2026-01-29T07:00:00.000Z",
      "lead@2026-01-30T07:00:00.000Z",
      "lead@2026-02-02T07:00:00.000Z",
    ]);
    expect(times(planned.filter(about("no.followup_plan", "escalation")))).toEqual(["hr@2026-02-04T07:00:00.000Z"]);
    // Not leader-action milestones are not nudged; authority steps are nudged but not escalated.
    expect(planned.some(about("no.agp_end"))).toBe(false);
    expect(planned.filter(about("no.dialogmote2")).length).toBeGreaterThan(0);
    expect(planned.some(about("no.dialogmote2", "escalation"))).toBe(false);
    const key = planned.find(about("no.followup_plan"))!.key;
    expect(key).toBe("nudge:case1:no.followup_plan:2026-02-01:-5:lead");
  });

  it("gives the same keys when planned again", () => {
    expect(planReminders(input()).map((r) => r.key)).toEqual(planReminders(input()).map((r) => r.key));
  });

  it("plans nothing for a milestone that is done or not needed, and moves nudges after a snooze", () => {
    const done = planReminders(input({ states: [{ caseId: "case1", milestoneId: "no.followup_plan", state: "done", snoozedUntil: null }] }));
    expect(done.some((r) => r.milestoneId === "no.followup_plan")).toBe(false);
    const notNeeded = planReminders(input({ states: [{ caseId: "case1", milestoneId: "no.followup_plan", state: "not_needed", snoozedUntil: null }] }));
    expect(notNeeded.some((r) => r.milestoneId === "no.followup_plan")).toBe(false);
    // Snoozed on Friday 23 Jan for 3 days: nothing before Monday 26, one on Monday, then the rest.
    const snoozed = planReminders(input({ states: [{ caseId: "case1", milestoneId: "no.followup_plan", state: "snoozed", snoozedUntil: "2026-01-26" }] }));
    expect(times(snoozed.filter(about("no.followup_plan")))).toEqual([
      "lead@2026-01-26T07:00:00.000Z",
      "lead@2026-01-29T07:00:00.000Z",
      "lead@2026-01-30T07:00:00.000Z",
      "lead@2026-02-02T07:00:00.000Z",
    ]);
    expect(snoozed.find(about("no.followup_plan"))!.key).toContain(":snooze-2026-01-26:");
    // The escalation is for HR and is not snoozed by the leader.
    expect(snoozed.some(about("no.followup_plan", "escalation"))).toBe(true);
  });

  it("plans nothing after the last sick day of a closed case", () => {
    // Back at work after 3 February: the day-after nudge (2 Feb) stays, the escalation (4 Feb) goes.
    const closed = planReminders(input({ cases: [caseOf("NO", "2026-01-05", "2026-02-03", "2026-01-06")] }));
    expect(times(closed.filter(about("no.followup_plan"))).at(-1)).toBe("lead@2026-02-02T07:00:00.000Z");
    expect(closed.some(about("no.followup_plan", "escalation"))).toBe(false);
    // Milestones after the end (dialogue meeting 1, day 49) are cancelled by the engine: no nudge at all.
    expect(closed.some((r) => r.milestoneId === "no.dialogmote1")).toBe(false);
    // Ended before the deadline: nothing for the plan either.
    const early = planReminders(input({ cases: [caseOf("NO", "2026-01-05", "2026-01-20", "2026-01-06")] }));
    expect(early.filter((r) => r.kind === "nudge" || r.kind === "escalation")).toEqual([]);
  });

  it("sends the leader's nudges to the substitute on the days they cover", () => {
    const planned = planReminders(input({ substitutions: [{ substitute: sub, from: "2026-01-26", until: "2026-01-30" }] }));
    expect(times(planned.filter(about("no.followup_plan")))).toEqual([
      "lead@2026-01-23T07:00:00.000Z",
      "sub@2026-01-29T07:00:00.000Z",
      "sub@2026-01-30T07:00:00.000Z",
      "lead@2026-02-02T07:00:00.000Z",
    ]);
  });

  it("sends to HR when the employee has no leader", () => {
    const planned = planReminders(input({ leader: null }));
    expect(planned.filter(about("no.followup_plan")).every((r) => r.recipientId === "hr")).toBe(true);
  });

  it("sends a missed reminder late only if it is the latest of its series, fresh, and not delivered to someone else", () => {
    // Saturday 31 Jan, e.g. after downtime: the Friday nudge is the one to send late; 23 and 29 Jan are dropped.
    const late = planReminders(input({ now: new Date("2026-01-31T12:00:00Z") }));
    expect(times(late.filter(about("no.followup_plan")))).toEqual(["lead@2026-01-30T07:00:00.000Z", "lead@2026-02-02T07:00:00.000Z"]);
    const friday = late.find(about("no.followup_plan"))!;
    const sent = planReminders(input({ now: new Date("2026-01-31T12:00:00Z"), sentNudgePoints: new Set([nudgePointOf(friday.key)]) }));
    expect(times(sent.filter(about("no.followup_plan")))).toEqual(["lead@2026-02-02T07:00:00.000Z"]);
    // Weeks later nothing stale is sent at all.
    const stale = planReminders(input({ now: new Date("2026-02-20T12:00:00Z") }));
    expect(stale.some((r) => r.milestoneId === "no.followup_plan")).toBe(false);
  });

  it("tells the leader at once when the case became known after a deadline, as the rule says; nothing from before it was known", () => {
    // Sick from Monday 5 January, reported only on Wednesday 11 February: the plan deadline
    // (1 February) had passed. The law's date stays (overdue); the leader is nudged that day.
    const today = "2026-02-11";
    const result = evaluateMilestones({ jurisdiction: "NO", today, periods: [{ start: "2026-01-05", end: null, grade: 100, reportedOn: today }] }).cases[0]!;
    expect(result.knownOn).toBe(today);
    const now = new Date("2026-02-11T09:00:00Z");
    const planned = planReminders(input({ now, cases: [{ id: "case1", result, planId: "plan1", planConfirmed: false }] }));
    const plan = planned.filter(about("no.followup_plan"));
    expect(plan.map((r) => [r.key.split(":")[4], r.dueAt.toISOString()])).toEqual([["known", "2026-02-11T07:00:00.000Z"]]);
    expect(plan[0]!.payload.params).toMatchObject({ due: "2026-02-01", offset: "known" });
    // Dialogue meeting 1 (week 7, 22 February) was not yet due: its usual nudges, none from before.
    const meeting = planned.filter(about("no.dialogmote1"));
    expect(meeting.length).toBeGreaterThan(0);
    expect(meeting.every((r) => r.dueAt >= now && r.key.split(":")[4] !== "known")).toBe(true);
    // Known in time (reported on the first day): no such nudge, the usual series.
    expect(planReminders(input()).some((r) => r.key.includes(":known:"))).toBe(false);
  });

  it("shares the consented summary with the ARR team at four weeks, and escalates to them too", () => {
    const arr = { workspaceId: "ws1", consent: true };
    const planned = planReminders(input({ arr }));
    // Day 28 is Sunday 1 Feb: the summary goes out Monday 08:00.
    expect(planned.filter((r) => r.kind === "arr_summary").map((r) => [r.key, r.target, r.dueAt.toISOString()])).toEqual([["arr4w:case1", "arr", "2026-02-02T07:00:00.000Z"]]);
    expect(planned.find(about("no.followup_plan", "escalation"))).toBeDefined();
    expect(planned.filter(about("no.followup_plan", "escalation")).map((r) => r.target)).toEqual(["person", "arr"]);
    const withoutConsent = planReminders(input({ arr: { workspaceId: "ws1", consent: false } }));
    expect(withoutConsent.some((r) => r.target === "arr")).toBe(false);
    const unconfirmed = planReminders(input({ arr, cases: [{ ...caseOf("NO", "2026-01-05", null, "2026-01-06"), planConfirmed: false }] }));
    expect(unconfirmed.some((r) => r.kind === "arr_summary")).toBe(false);
  });
});

describe("other jurisdictions and time zones", () => {
  it("Denmark: a deadline on Ascension Day is nudged the day before and the day after", () => {
    // § 7a conversation: S + 28 = Thursday 14 May 2026 (Kristi Himmelfartsdag).
    const planned = planReminders(
      input({
        now: new Date("2026-04-17T09:00:00Z"),
        person: { ...employee, jurisdiction: "DK", timeZone: "Europe/Copenhagen" },
        leader: { ...leader, jurisdiction: "DK", timeZone: "Europe/Copenhagen" },
        cases: [caseOf("DK", "2026-04-16", null, "2026-04-17")],
      }),
    );
    expect(times(planned.filter(about("dk.sygefravaerssamtale")))).toEqual([
      "lead@2026-05-06T06:00:00.000Z",
      "lead@2026-05-12T06:00:00.000Z",
      "lead@2026-05-13T06:00:00.000Z",
      "lead@2026-05-15T06:00:00.000Z",
    ]);
  });

  it("Sweden: the return-to-work plan due on Epiphany, around Christmas", () => {
    // Day 30 of a case from Monday 8 Dec 2025 = Tuesday 6 Jan 2026 (trettondedag jul).
    const se = { jurisdiction: "SE", timeZone: "Europe/Stockholm" };
    const planned = planReminders(
      input({
        now: new Date("2025-12-09T09:00:00Z"),
        person: { ...employee, ...se },
        leader: { ...leader, ...se },
        cases: [caseOf("SE", "2025-12-08", null, "2025-12-09")],
      }),
    );
    expect(times(planned.filter(about("se.return_to_work_plan")))).toEqual([
      "lead@2025-12-22T07:00:00.000Z",
      "lead@2026-01-02T07:00:00.000Z",
      "lead@2026-01-05T07:00:00.000Z",
      "lead@2026-01-07T07:00:00.000Z",
    ]);
  });

  it("keeps 08:00 local across the spring DST change, and uses the recipient's own zone", () => {
    // Day 28 of a case from Monday 2 March 2026 is Sunday 29 March, the night clocks go forward.
    const planned = planReminders(input({ now: new Date("2026-03-03T09:00:00Z"), cases: [caseOf("NO", "2026-03-02", null, "2026-03-03")] }));
    expect(times(planned.filter(about("no.followup_plan"))).slice(2)).toEqual(["lead@2026-03-27T07:00:00.000Z", "lead@2026-03-30T06:00:00.000Z"]);
    const abroad = planReminders(input({ leader: { ...leader, timeZone: "America/New_York" } }));
    expect(times(abroad.filter(about("no.followup_plan")))[0]).toBe("lead@2026-01-23T13:00:00.000Z");
  });

  it("computes nudge days for a policy with other offsets", () => {
    const points = nudgeDates("2026-02-01", { before: [10, 5, 1], onDay: true, dayAfter: false }, "NO", { caseStart: "2026-01-05", caseEnd: null });
    expect(points.map((p) => `${p.offset}:${p.date}`)).toEqual(["-10:2026-01-16", "-5:2026-01-23", "-1:2026-01-29", "0:2026-01-30"]);
  });
});

describe("measures and unfinished dialogues", () => {
  it("asks a measure's owner on the due date (the next working day after a weekend) at 14:00", () => {
    const measure = { id: "m1", caseId: "case1", owner: "leader", dueDate: "2026-02-07", status: "agreed" };
    const planned = planReminders(input({ measures: [measure, { ...measure, id: "m2", owner: "employee", dueDate: "2026-02-10" }, { ...measure, id: "m3", status: "proposed" }] }));
    expect(planned.filter((r) => r.kind === "measure_due").map((r) => [r.measureId, r.recipientId, r.dueAt.toISOString()])).toEqual([
      ["m1", "lead", "2026-02-09T13:00:00.000Z"],
      ["m2", "emp", "2026-02-10T13:00:00.000Z"],
    ]);
  });

  it("reminds after 2 working days of silence at the same time of day, at most twice, never after expiry", () => {
    const times2 = dialogueReminderTimes(new Date("2026-01-23T09:00:00Z"), new Date("2026-02-06T09:00:00Z"), employee, DEFAULT_REMINDER_SETTINGS);
    expect(times2.map((d) => d.toISOString())).toEqual(["2026-01-27T09:00:00.000Z", "2026-01-29T09:00:00.000Z"]);
    const evening = dialogueReminderTimes(new Date("2026-01-23T20:00:00Z"), new Date("2026-02-06T09:00:00Z"), employee, DEFAULT_REMINDER_SETTINGS);
    expect(evening[0]!.toISOString()).toBe("2026-01-27T07:00:00.000Z");
    const expiring = dialogueReminderTimes(new Date("2026-01-23T09:00:00Z"), new Date("2026-01-28T09:00:00Z"), employee, DEFAULT_REMINDER_SETTINGS);
    expect(expiring).toHaveLength(1);
    const session = { id: "s1", dialogueId: "employee_followup", subjectId: "emp", lastActivityAt: new Date("2026-01-23T09:00:00Z"), expiresAt: new Date("2026-02-06T09:00:00Z") };
    const planned = planReminders(input({ now: new Date("2026-01-23T09:05:00Z"), sessions: [session] }));
    expect(planned.filter((r) => r.kind === "dialogue_reminder").map((r) => r.key)).toEqual(["dialogue:s1:2026-01-23:1", "dialogue:s1:2026-01-23:2"]);
  });
});

describe("Denmark's early-effort screening (rules/dk.ts earlyEffort)", () => {
  const CPH = "Europe/Copenhagen";
  const dkEmployee: ReminderRecipient = { id: "emp", timeZone: CPH, jurisdiction: "DK" };
  const dkLeader: ReminderRecipient = { id: "lead", timeZone: CPH, jurisdiction: "DK" };
  // Monday 4 January 2027, open-ended; now is the morning of the report.
  const dkCase = (over: Record<string, unknown> = {}) => ({ ...caseOf("DK", "2027-01-04", null, "2027-01-04"), jurisdiction: "DK", ...over });
  const dkInput = (over: Partial<PlanningInput> = {}) =>
    input({ now: new Date("2027-01-04T06:00:00Z"), person: dkEmployee, leader: dkLeader, cases: [dkCase()], ...over });
  const screenings = (planned: PlannedReminder[]) => planned.filter((r) => r.kind === "early_screening").map((r) => `${r.payload.params.round}:${times([r])[0]}`);

  it("asks the leader at the report and again at the start of week 2, in working hours", () => {
    expect(screenings(planReminders(dkInput()))).toEqual(["report:lead@2027-01-04T07:00:00.000Z", "week2:lead@2027-01-11T07:00:00.000Z"]);
  });

  it("a screened round is not asked again; a round overtaken by the next is not asked; a request or a settled milestone ends it", () => {
    expect(screenings(planReminders(dkInput({ cases: [dkCase({ screenedRounds: ["report"] })] })))).toEqual(["week2:lead@2027-01-11T07:00:00.000Z"]);
    expect(screenings(planReminders(dkInput({ now: new Date("2027-01-12T09:00:00Z") })))).toEqual(["week2:lead@2027-01-11T07:00:00.000Z"]);
    expect(screenings(planReminders(dkInput({ cases: [dkCase({ fastTrackStatus: "awaiting_employee" })] })))).toEqual([]);
    expect(screenings(planReminders(dkInput({ cases: [dkCase({ facts: [{ kind: "fast_track_declined", on: "2027-01-05" }] })] })))).toEqual([]);
  });

  it("only the leader (or a substitute) screens: no leader, no screening; and no screening in a Norwegian case or one ending within 8 weeks", () => {
    expect(screenings(planReminders(dkInput({ leader: null })))).toEqual([]);
    expect(screenings(planReminders(dkInput({ cases: [{ ...caseOf("NO", "2027-01-04", null, "2027-01-04"), jurisdiction: "NO" }] })))).toEqual([]);
    expect(screenings(planReminders(dkInput({ cases: [dkCase({ ...caseOf("DK", "2027-01-04", "2027-02-05", "2027-01-04") })] })))).toEqual([]);
  });
});
