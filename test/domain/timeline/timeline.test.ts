// The pure timeline: facts in, entries out, cut by the role table.
import { describe, expect, it } from "vitest";
import { buildTimeline, TIMELINE_VISIBILITY, ENTRY_KINDS, VIEWER_ROLES, arrMaySee, timelineLines, type CaseFacts } from "../../../src/domain/timeline/index.js";
import { evaluateMilestones } from "../../../src/domain/milestones/index.js";
import { translator } from "../../../src/i18n/index.js";

const at = (iso: string) => ({ on: iso.slice(0, 10), seq: Date.parse(iso) });

function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  const today = "2026-12-05";
  const milestones = evaluateMilestones({ jurisdiction: "NO", today, periods: [{ start: "2026-11-02", end: null, grade: 100, type: "sick" }] }).cases[0]!.milestones;
  return {
    today,
    caseStart: "2026-11-02",
    caseEnd: null,
    ongoing: true,
    periods: [{ ...at("2026-11-02T07:00:00Z"), start: "2026-11-02", end: null, grade: 100, type: "sick", via: "slack" }],
    milestones,
    states: [{ ...at("2026-11-20T10:00:00Z"), milestoneId: "no.dialogmote1", state: "not_needed", reason: "Vi snakkes hver uke", by: "leader" }],
    reminders: [{ ...at("2026-11-20T07:00:00Z"), kind: "nudge", milestoneId: "no.followup_plan", to: "leader" }],
    dialogues: [{ ...at("2026-11-10T09:00:00Z"), dialogueId: "employee_followup", by: "employee" }],
    versions: [{ ...at("2026-11-12T09:00:00Z"), version: 1, reviewStatus: "disagreed", reviewed: at("2026-11-13T09:00:00Z"), disagreement: "Ikke enig i telefonvakt" }],
    measures: [
      { key: "m1", title: "Hjemmekontor", owner: "leader", dueDate: "2026-12-20", status: "agreed", proposed: at("2026-11-12T09:00:00Z"), agreed: at("2026-11-13T09:00:00Z"), notes: [{ on: "2026-11-30", text: "Utsatt en uke" }] },
    ],
    consents: [{ ...at("2026-11-10T09:05:00Z"), granted: true }],
    arrSummaries: [{ ...at("2026-11-13T09:01:00Z"), version: 1 }],
    reads: [
      { ...at("2026-11-14T09:00:00Z"), actorName: "Lise", actorRole: "leader", op: "read" },
      { ...at("2026-11-14T11:00:00Z"), actorName: "Lise", actorRole: "leader", op: "read" },
    ],
    planHiddenFromLeader: false,
    ...overrides,
  };
}

/** One version asked for twice (the doctor refused the first time), delivered to NAV, the doctor never confirmed. */
const NAV_SENDINGS: NonNullable<CaseFacts["navSendings"]> = [
  { ...at("2026-11-15T09:00:00Z"), event: "requested", version: 1, recipients: ["nav", "doctor"], by: "leader", byName: "Lise" },
  { ...at("2026-11-15T09:01:00Z"), event: "refused", version: 1, recipients: ["doctor"], errorType: "EMPLOYEE_NOT_FOUND" },
  { ...at("2026-11-16T09:00:00Z"), event: "requested", version: 1, recipients: ["doctor"], by: "cli" },
  { ...at("2026-11-16T09:01:00Z"), event: "accepted", version: 1, recipients: ["doctor"] },
  { ...at("2026-11-16T09:02:00Z"), event: "delivered", version: 1, recipients: ["nav"] },
  { ...at("2026-11-17T09:00:00Z"), event: "statusUnknown", version: 1, recipients: ["doctor"] },
  { ...at("2026-11-18T09:00:00Z"), event: "givenUp", version: 1, recipients: ["nav", "doctor"] },
];

describe("the timeline's role table", () => {
  it("names every kind of entry, and only known roles", () => {
    expect(Object.keys(TIMELINE_VISIBILITY).sort()).toEqual([...ENTRY_KINDS].sort());
    for (const rule of Object.values(TIMELINE_VISIBILITY)) {
      for (const role of [...rule.roles, ...(rule.detail ?? [])]) expect(VIEWER_ROLES).toContain(role);
      // Free text only for roles that see the entry at all, and never for the ARR team.
      for (const role of rule.detail ?? []) expect(rule.roles).toContain(role);
      expect(rule.detail ?? []).not.toContain("arr");
    }
  });

  it("gives the employee everything, in order, with her own and the leader's words", () => {
    const kinds = buildTimeline(facts(), "employee").map((e) => e.kind);
    expect(kinds).toContain("plan.read");
    expect(kinds).toContain("plan.disagreed");
    expect(kinds.indexOf("period.reported")).toBe(0);
    const entries = buildTimeline(facts(), "employee");
    expect(entries.find((e) => e.kind === "plan.disagreed")!.detail).toBe("Ikke enig i telefonvakt");
    expect(entries.find((e) => e.kind === "milestone.notNeeded")!.detail).toBe("Vi snakkes hver uke");
    // Two reads by the same person on one day are one entry.
    expect(entries.filter((e) => e.kind === "plan.read")).toHaveLength(1);
    expect(entries.find((e) => e.kind === "plan.read")!.params.count).toBe(2);
    const dates = entries.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it("marks an unsettled leader milestone past its date as overdue, and a settled one not", () => {
    const entries = buildTimeline(facts(), "hr");
    expect(entries.some((e) => e.kind === "milestone.overdue" && e.params.milestone === "no.followup_plan")).toBe(true);
    const done = facts({ states: [{ ...at("2026-11-25T10:00:00Z"), milestoneId: "no.followup_plan", state: "done", by: "leader" }] });
    expect(buildTimeline(done, "hr").some((e) => e.kind === "milestone.overdue" && e.params.milestone === "no.followup_plan")).toBe(false);
  });

  it("keeps who read the plan from the leader, and the plan itself after retention", () => {
    const leader = buildTimeline(facts(), "leader");
    expect(leader.some((e) => e.kind === "plan.read")).toBe(false);
    expect(leader.find((e) => e.kind === "plan.disagreed")!.detail).toBeDefined();
    const hidden = buildTimeline(facts({ planHiddenFromLeader: true }), "substitute").map((e) => e.kind);
    expect(hidden).not.toContain("plan.proposed");
    expect(hidden).not.toContain("measure.agreed");
    expect(hidden).toContain("period.reported");
    // HR still sees the plan after retention.
    expect(buildTimeline(facts({ planHiddenFromLeader: true }), "hr").map((e) => e.kind)).toContain("plan.proposed");
  });

  it("gives the ARR team the summary level only, and nothing without consent", () => {
    const arr = buildTimeline(facts(), "arr");
    const kinds = new Set(arr.map((e) => e.kind));
    for (const hidden of ["plan.read", "plan.disagreed", "plan.proposed", "milestone.nudged", "dialogue.completed", "measure.note", "measure.proposed"]) expect(kinds.has(hidden as never)).toBe(false);
    expect(kinds.has("measure.agreed")).toBe(true);
    expect(arr.every((e) => e.detail === undefined)).toBe(true);
    expect(arrMaySee(facts())).toBe(true);
    expect(arrMaySee(facts({ consents: [...facts().consents, { ...at("2026-11-20T09:00:00Z"), granted: false }] }))).toBe(false);
  });

  it("follows a sending through NAV: every step for the case's parties, only the delivery for the ARR team", () => {
    const sent = facts({ navSendings: NAV_SENDINGS });
    for (const role of ["employee", "leader", "substitute", "hr"] as const) {
      const nav = buildTimeline(sent, role).filter((e) => e.kind.startsWith("nav."));
      expect(nav.map((e) => e.kind)).toEqual(["nav.requested", "nav.refused", "nav.requested", "nav.accepted", "nav.delivered", "nav.statusUnknown", "nav.givenUp"]);
      expect(nav[0]!.params).toMatchObject({ version: 1, to: "both", by: "leader", name: "Lise" });
      expect(nav[1]!.params).toMatchObject({ to: "doctor", reason: "EMPLOYEE_NOT_FOUND" });
    }
    const arr = buildTimeline(sent, "arr").filter((e) => e.kind.startsWith("nav."));
    expect(arr.map((e) => e.kind)).toEqual(["nav.delivered"]);
    expect(arr[0]!.params).toEqual({ version: 1, to: "nav" });
    // In words: who asked, where it went, NAV's reason in the reader's language (a code, never NAV's message).
    const en = timelineLines(buildTimeline(sent, "leader"), { t: translator("en"), locale: "en" }).map((l) => l.text);
    expect(en).toContain("Lise (leader) asked for version 1 of the plan to be sent to NAV and the doctor (sykmelder)");
    expect(en).toContain("NAV did not accept version 1 of the plan for the doctor (sykmelder): the national identity number is unknown to NAV");
    expect(en).toContain("Version 1 of the plan delivered to NAV");
    const nb = timelineLines(buildTimeline(sent, "arr"), { t: translator("nb"), locale: "nb" }).map((l) => l.text);
    expect(nb).toContain("Versjon 1 av planen levert til NAV");
    // After retention the leader side no longer sees the plan's sendings; HR does.
    expect(buildTimeline(facts({ navSendings: NAV_SENDINGS, planHiddenFromLeader: true }), "leader").some((e) => e.kind.startsWith("nav."))).toBe(false);
    expect(buildTimeline(facts({ navSendings: NAV_SENDINGS, planHiddenFromLeader: true }), "hr").some((e) => e.kind.startsWith("nav."))).toBe(true);
  });

  it("reads in every language without a raw key", () => {
    for (const locale of ["nb", "nn", "en", "sv", "da"] as const) {
      for (const role of VIEWER_ROLES) {
        const lines = timelineLines(buildTimeline(facts({ navSendings: NAV_SENDINGS }), role), { t: translator(locale), locale });
        for (const l of lines) expect(l.text).not.toMatch(/timeline:|nav:|entry\.|\{\{/);
      }
      const lines = timelineLines(buildTimeline(facts(), "employee"), { t: translator(locale), locale });
      for (const l of lines) expect(l.text).not.toMatch(/timeline:|entry\.|\{\{/);
    }
  });
});

describe("Denmark's early effort in the timeline", () => {
  const dk = (overrides: Partial<CaseFacts> = {}): CaseFacts => {
    const today = "2026-12-20";
    const milestones = evaluateMilestones({ jurisdiction: "DK", today, periods: [{ start: "2026-11-02", end: null, grade: 100, type: "sick" }] }).cases[0]!.milestones;
    return {
      ...facts(),
      today,
      milestones,
      states: [],
      screenings: [{ ...at("2026-11-02T10:00:00Z"), round: "report", assessment: "risk" }],
      fastTrack: { initiatedBy: "leader", offered: at("2026-11-02T10:05:00Z"), agreed: at("2026-11-03T08:00:00Z"), submitted: at("2026-11-04T08:00:00Z") },
      ...overrides,
    };
  };

  it("shows the leader's assessment and each step of the request to the case's parties, never to the ARR team", () => {
    const kinds = (role: Parameters<typeof buildTimeline>[1]) => buildTimeline(dk(), role).map((e) => e.kind).filter((k) => k.startsWith("early.") || k.startsWith("fastTrack."));
    for (const role of ["employee", "leader", "substitute", "hr"] as const) expect(kinds(role), role).toEqual(["early.screened", "fastTrack.offered", "fastTrack.agreed", "fastTrack.submitted"]);
    expect(kinds("arr")).toEqual([]);
    const lines = timelineLines(buildTimeline(dk(), "employee"), { t: translator("da"), locale: "da" }).map((l) => l.text);
    expect(lines).toContain("Lederens vurdering ved sygemeldingen: risiko for langvarigt fravær");
  });

  it("a milestone settled by a fact before its date (the request sent) is not overdue; unsettled, it is", () => {
    const overdue = (f: CaseFacts) => buildTimeline(f, "leader").filter((e) => e.kind === "milestone.overdue" && e.params.milestone === "dk.fast_track_request");
    expect(overdue(dk())).toHaveLength(1);
    expect(overdue(dk({ settledByFact: [{ milestoneId: "dk.fast_track_request", on: "2026-11-04" }] }))).toEqual([]);
    expect(overdue(dk({ settledByFact: [{ milestoneId: "dk.fast_track_request", on: "2026-12-10" }] }))).toHaveLength(1);
  });
});
