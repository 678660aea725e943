import { describe, expect, it } from "vitest";
import { buildPlanDraft } from "../../../src/domain/plan/merge.js";
import { planContentSchema } from "../../../src/domain/plan/model.js";
import {
  DIAGNOSIS_TEXT,
  PRIVATE_TEXT,
  TODAY,
  employeeSnapshots,
  jointPlan,
  leaderSnapshots,
  snap,
} from "./fixtures.js";

const withoutSnapshots = (content: ReturnType<typeof jointPlan>) => ({ ...content, snapshots: undefined });

describe("buildPlanDraft", () => {
  it("keeps both voices where both answered", () => {
    const plan = jointPlan();
    expect(plan.typicalWorkday).toEqual({
      employee: "Jeg starter dagen med kundemøter og skriver rapporter på ettermiddagen.",
      leader: "Stillingen består av kundeoppfølging og rapportering.",
    });
    expect(plan.previousFacilitation.employee).toContain("Hjemmekontor to dager");
    expect(plan.previousFacilitation.leader).toBe("Hjemmekontor og fleksitid.");
    expect(plan.followUp.employee).toBeDefined();
    expect(plan.followUp.leader).toBeDefined();
  });

  it("builds assessed tasks from the task groups, keeping a differing leader view", () => {
    const plan = jointPlan();
    expect(plan.tasks.map((t) => [t.name, t.ability, t.assessedBy])).toEqual([
      ["Kundemøter", "with_adjustment", "employee"],
      ["Tunge løft på lageret", "cannot", "employee"],
      ["Rapportskriving", "normal", "employee"],
    ]);
    const meetings = plan.tasks[0]!;
    expect(meetings.adjustments).toEqual(["more_time", "other_hours"]);
    expect(meetings.note).toBe("Korte møter går fint.");
    expect(meetings.otherView).toEqual({ by: "leader", ability: "with_adjustment", adjustments: ["more_time"] });
  });

  it("builds measures from the measure groups as proposals, merging the same measure from both", () => {
    const plan = jointPlan();
    expect(plan.measures).toHaveLength(2);
    const [chair, start] = plan.measures;
    expect(chair).toMatchObject({
      id: "m1",
      title: "ergonomisk stol",
      description: "Bestilles fra leverandøren i år.",
      owner: "leader",
      dueDate: "2026-02-01",
      status: "proposed",
      proposedBy: "leader",
    });
    expect(start).toMatchObject({ id: "m2", title: "Gradert oppstart", owner: "employee", status: "proposed" });
  });

  it("takes one-value fields with the leader first, and ARR consent from the employee only", () => {
    const plan = jointPlan();
    expect(plan.evaluationDate).toBe("2026-03-02");
    expect(plan.positionPercent).toBe(80);
    expect(plan.needsHelpFromNav).toBe(false);
    expect(plan.sendPlanToNav).toBe(false);
    expect(plan.sendPlanToGeneralPractitioner).toBe(true);
    expect(plan.arrConsent).toBe(true);
    expect(plan.employeeHasContributedToPlan).toBe(true);
    expect(plan.contactChannel.employee).toBe("Chat");
  });

  it("stores the label the person saw for a choice mapped to a text field", () => {
    const plan = buildPlanDraft({
      today: TODAY,
      leader: [snap("leader", { questionId: "decision", planField: "evaluationOutcome", value: "adjust", display: "Justere planen" })],
    });
    expect(plan.evaluationOutcome).toEqual({ leader: "Justere planen" });
  });

  it("never lets private answers into shared fields, but keeps them in the raw snapshots", () => {
    const plan = jointPlan();
    const shared = JSON.stringify(withoutSnapshots(plan));
    expect(shared).not.toContain(PRIVATE_TEXT);
    expect(shared).not.toContain(DIAGNOSIS_TEXT);
    expect(plan.ownSuggestions).toEqual({ employee: "Starte med 50 % og øke gradvis." });
    expect(plan.workplaceChanges).toEqual({});
    expect(plan.snapshots.employee.some((s) => s.value === PRIVATE_TEXT && s.private)).toBe(true);
  });

  it("drops answers filed under the wrong party instead of attributing them", () => {
    const stray = snap("leader", { questionId: "x", planField: "returnGoals", value: "Lederens mål" });
    const plan = buildPlanDraft({ employee: [stray], today: TODAY });
    expect(plan.returnGoals).toEqual({});
    expect(plan.snapshots.employee).toEqual([]);
  });

  it("produces content that passes the stored schema and survives a JSON round trip", () => {
    const plan = jointPlan();
    expect(planContentSchema.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  it("keeps the previous version's measures with their ids, statuses and notes, and numbers new ones after them", () => {
    const previous = jointPlan();
    previous.measures[0]!.status = "agreed";
    previous.measures[0]!.notes.push({ date: TODAY, by: "leader", text: "Bestilt." });
    previous.measures[1]!.status = "done";

    const next = buildPlanDraft({
      previous,
      today: "2026-02-03",
      leader: [
        snap("leader", { questionId: "m[0].t", planField: "measureTitle", group: { kind: "measure", index: 0 }, value: "Ergonomisk stol" }),
        snap("leader", { questionId: "m[0].d", planField: "measureDueDate", group: { kind: "measure", index: 0 }, value: "2026-02-20" }),
        snap("leader", { questionId: "m[1].t", planField: "measureTitle", group: { kind: "measure", index: 1 }, value: "Hev-senk-pult" }),
      ],
    });

    expect(next.measures.map((m) => [m.id, m.status])).toEqual([
      ["m1", "agreed"],
      ["m2", "done"],
      ["m3", "proposed"],
    ]);
    expect(next.measures[0]!.dueDate).toBe("2026-02-20");
    expect(next.measures[0]!.notes).toEqual([{ date: TODAY, by: "leader", text: "Bestilt." }]);
  });

  it("carries unanswered fields, the other party's words and the disagreement forward from the previous version", () => {
    const previous = { ...jointPlan(), disagreement: { by: "employee" as const, text: "Uenig i fristen.", onVersion: 1, date: TODAY } };
    const next = buildPlanDraft({
      previous,
      today: "2026-02-03",
      leader: [
        snap("leader", { questionId: "workday", planField: "typicalWorkday", value: "Ny beskrivelse fra leder." }),
        snap("leader", { questionId: "follow", planField: "followUp", value: null }),
      ],
    });
    expect(next.typicalWorkday).toEqual({ employee: previous.typicalWorkday.employee, leader: "Ny beskrivelse fra leder." });
    expect(next.followUp).toEqual(previous.followUp);
    expect(next.tasks).toEqual(previous.tasks);
    expect(next.disagreement).toEqual(previous.disagreement);
    expect(next.snapshots.employee).toEqual(previous.snapshots.employee);
    expect(next.snapshots.leader).toHaveLength(2);
  });

  it("replaces only the answering party's task assessments", () => {
    const previous = jointPlan();
    const next = buildPlanDraft({
      previous,
      today: "2026-02-03",
      employee: [
        snap("employee", { questionId: "t[0].n", planField: "taskName", group: { kind: "task", index: 0 }, value: "Kundemøter" }),
        snap("employee", { questionId: "t[0].a", planField: "taskAbility", group: { kind: "task", index: 0 }, value: "normal" }),
        snap("employee", { questionId: "t[1].n", planField: "taskName", group: { kind: "task", index: 1 }, value: "Opplæring" }),
      ],
    });
    expect(next.tasks).toHaveLength(1);
    expect(next.tasks[0]).toMatchObject({ name: "Kundemøter", ability: "normal", adjustments: [], otherView: { by: "leader" } });
    expect(next.mainTasks).toContain("Opplæring");
  });

  it("records a leader's 'plan not needed' answer as an exception, with the dialogue's free text as details", () => {
    const plan = buildPlanDraft({
      today: TODAY,
      actorIds: { leader: "U123" },
      leader: [
        { ...snap("leader", { questionId: "reason", planField: "notNeededReason", value: "returns_soon" }), dialogueId: "plan_not_needed" },
        { ...snap("leader", { questionId: "reasonText", value: "Tilbake neste uke." }), dialogueId: "plan_not_needed" },
        snap("leader", { questionId: "unrelated", value: "Fra en annen dialog." }),
      ],
    });
    expect(plan.exception).toEqual({ reason: "returns_soon", text: "Tilbake neste uke.", recordedBy: "U123", date: TODAY });
  });

  it("reads a reason given as text as the 'other' reason", () => {
    const plan = buildPlanDraft({
      today: TODAY,
      leader: [snap("leader", { questionId: "why", planField: "notNeededReason", value: "Vikariatet slutter om en uke." })],
    });
    expect(plan.exception).toEqual({ reason: "other", text: "Vikariatet slutter om en uke.", recordedBy: "leader", date: TODAY });
  });

  it("turns an evaluation's answers about a measure into a follow-up note on it", () => {
    const previous = jointPlan();
    const group = { kind: "measure" as const, index: 0 };
    const next = buildPlanDraft({
      previous,
      today: "2026-03-02",
      actorIds: { leader: "U-leader" },
      leader: [
        snap("leader", { questionId: "measureResults[0]", planField: "measureTitle", group, value: "Ergonomisk stol" }),
        snap("leader", { questionId: "measureResults[0].result", group, value: "partly", display: "Det har fungert delvis" }),
        snap("leader", { questionId: "measureResults[0].resultNote", group, value: "Kom sent." }),
      ],
    });
    expect(next.measures).toHaveLength(2);
    expect(next.measures[0]!.notes).toEqual([{ date: "2026-03-02", by: "U-leader", text: "Det har fungert delvis – Kom sent." }]);
    expect(next.measures[0]!.owner).toBe(previous.measures[0]!.owner);
  });

  it("ignores values that are not valid for their field", () => {
    const plan = buildPlanDraft({
      today: TODAY,
      leader: [
        snap("leader", { questionId: "eval", planField: "evaluationDate", value: "2026-02-30" }),
        snap("leader", { questionId: "pct", planField: "positionPercent", value: 150 }),
        snap("leader", { questionId: "help", planField: "needsHelpFromNav", value: "kanskje" }),
      ],
    });
    expect(plan.evaluationDate).toBeNull();
    expect(plan.positionPercent).toBeNull();
    expect(plan.needsHelpFromNav).toBeNull();
  });

  it("does not change its inputs", () => {
    const previous = jointPlan();
    const before = JSON.stringify(previous);
    buildPlanDraft({ previous, employee: employeeSnapshots(), leader: leaderSnapshots(), today: TODAY });
    expect(JSON.stringify(previous)).toBe(before);
  });
});
