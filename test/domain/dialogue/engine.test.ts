// Engine behaviour beyond the happy path: back, edit from the summary, restart,
// cancel, skip, invalid answers of each kind, stale buttons and the health guard.
import { describe, expect, it } from "vitest";
import { dialogues } from "../../../src/domain/dialogue/definitions/index.js";
import { progress, startSession } from "../../../src/domain/dialogue/engine.js";
import type { SessionState } from "../../../src/domain/dialogue/state.js";
import { TODAY, answer, here, send, skip } from "./helpers.js";

const sick = dialogues.report_sickness;
const followup = dialogues.employee_followup;

function sickUntilSummary(grade: "full" | "graded" = "full"): SessionState {
  let s = startSession(sick, { today: TODAY });
  s = answer(sick, s, "intro", null);
  s = answer(sick, s, "startDate", "2026-03-09");
  s = answer(sick, s, "endDate", "2026-03-20");
  s = answer(sick, s, "grade", grade);
  if (grade === "graded") s = answer(sick, s, "gradePercent", 60);
  s = answer(sick, s, "leaveType", "sykmelding");
  expect(here(s).stepId).toBe("summary");
  return s;
}

/** Employee follow-up up to the task walk, with the given task list. */
function followupAtTasks(tasks: string[]): SessionState {
  let s = startSession(followup, { today: TODAY, listContext: { mainTasks: tasks } });
  s = answer(followup, s, "intro", null);
  s = answer(followup, s, "contactAsAgreed", "as_agreed");
  s = answer(followup, s, "role", "Lagermedarbeider");
  s = answer(followup, s, "positionPercent", 100);
  s = skip(followup, s, "typicalWorkday");
  return answer(followup, s, "mainTasks", tasks);
}

function followupToSummary(s: SessionState): SessionState {
  for (const id of ["otherTasks", "colleagueSupport", "workplaceChanges"]) s = skip(followup, s, id);
  s = answer(followup, s, "triedBefore", "no");
  s = skip(followup, s, "ownSuggestions");
  s = answer(followup, s, "returnPace", "unsure");
  s = skip(followup, s, "returnGoals");
  s = answer(followup, s, "arrConsent", "no");
  expect(here(s).stepId).toBe("summary");
  return s;
}

describe("back", () => {
  it("returns step by step along the branch actually taken, keeping answers", () => {
    let s = sickUntilSummary("full");
    const back = (state: SessionState) => {
      const r = send(sick, state, { action: "back" });
      expect(r.outcome).toEqual({ type: "accepted" });
      return r.state;
    };
    s = back(s);
    expect(here(s).stepId).toBe("leaveType");
    s = back(s);
    // Full sick leave never visited the percentage step.
    expect(here(s).stepId).toBe("grade");
    s = answer(sick, s, "grade", "graded");
    expect(here(s).stepId).toBe("gradePercent");
    s = back(s);
    s = back(s);
    s = back(s);
    s = back(s);
    expect(here(s).stepId).toBe("intro");
    expect(s.answers).toMatchObject({ startDate: "2026-03-09", endDate: "2026-03-20", grade: "graded", leaveType: "sykmelding" });
    const first = send(sick, s, { action: "back" });
    expect(first.outcome).toEqual({ type: "invalid", reason: { key: "dialogue:errors.noBack" } });
    expect(first.state.answers).toEqual(s.answers);
  });

  it("passes over history entries on a branch no longer taken", () => {
    let s = sickUntilSummary("graded");
    // Change grade to full via edit; gradePercent (still in history) is off the path now.
    s = send(sick, s, { action: "edit", stepId: "grade" }).state;
    s = answer(sick, s, "grade", "full");
    expect(here(s).stepId).toBe("summary");
    s = send(sick, s, { action: "back" }).state;
    expect(here(s).stepId).toBe("leaveType");
    s = send(sick, s, { action: "back" }).state;
    expect(here(s).stepId).toBe("grade");
  });
});

describe("edit from the summary", () => {
  it("changes one answer and returns to the summary", () => {
    let s = sickUntilSummary();
    const r = send(sick, s, { action: "edit", stepId: "leaveType" });
    expect(r.outcome).toEqual({ type: "accepted" });
    s = r.state;
    expect(s.editingFromSummary).toBe(true);
    s = answer(sick, s, "leaveType", "egenmelding");
    expect(here(s).stepId).toBe("summary");
    expect(s.editingFromSummary).toBeUndefined();
    expect(s.answers["leaveType"]).toBe("egenmelding");
  });

  it("asks what a changed branch newly needs before returning", () => {
    let s = sickUntilSummary("full");
    s = send(sick, s, { action: "edit", stepId: "grade" }).state;
    s = answer(sick, s, "grade", "graded");
    expect(here(s).stepId).toBe("gradePercent");
    s = answer(sick, s, "gradePercent", 40);
    expect(here(s).stepId).toBe("summary");
  });

  it("re-asks a later answer the edit made invalid (end date before a new start date)", () => {
    let s = sickUntilSummary();
    s = send(sick, s, { action: "edit", stepId: "startDate" }).state;
    s = answer(sick, s, "startDate", "2026-03-22");
    expect(here(s).stepId).toBe("endDate");
    s = answer(sick, s, "endDate", "2026-03-30");
    expect(here(s).stepId).toBe("summary");
  });

  it("back from an edit returns to the summary without changing anything", () => {
    let s = sickUntilSummary();
    const before = s.answers;
    s = send(sick, s, { action: "edit", stepId: "endDate" }).state;
    s = send(sick, s, { action: "back" }).state;
    expect(here(s).stepId).toBe("summary");
    expect(s.editingFromSummary).toBeUndefined();
    expect(s.answers).toEqual(before);
  });

  it("a changed task list keeps each task's answers and asks only about new tasks", () => {
    let s = followupAtTasks(["Plukk", "Truck"]);
    s = answer(followup, s, "ability", "cannot");
    s = answer(followup, s, "ability", "with_adjustment");
    s = answer(followup, s, "adjustment", ["other_hours"]);
    s = followupToSummary(s);
    s = send(followup, s, { action: "edit", stepId: "mainTasks" }).state;
    s = answer(followup, s, "mainTasks", ["Truck", "Mottak"]);
    // "Truck" moved to position 0 with its answers; "Mottak" is new and asked.
    expect(here(s)).toEqual({ stepId: "ability", item: 1 });
    expect(s.answers["tasks[0].ability"]).toBe("with_adjustment");
    expect(s.answers["tasks[0].adjustment"]).toEqual(["other_hours"]);
    s = answer(followup, s, "ability", "normal");
    expect(here(s).stepId).toBe("summary");
    expect(Object.keys(s.answers).filter((k) => k.startsWith("tasks[")).sort()).toEqual(
      ["tasks[0].ability", "tasks[0].adjustment", "tasks[1].ability"],
    );
  });

  it("edits one item answer of a repeat and can add another measure", () => {
    const def = dialogues.measures;
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "measureTitle", "Hjemmekontor");
    s = skip(def, s, "measureDescription");
    s = answer(def, s, "measureOwner", "leader");
    s = answer(def, s, "measureDueDate", "2026-03-20");
    s = answer(def, s, "measures._more", "no");
    s = send(def, s, { action: "edit", stepId: "measureOwner", item: 0 }).state;
    s = answer(def, s, "measureOwner", "hr");
    expect(here(s).stepId).toBe("summary");
    s = send(def, s, { action: "edit", stepId: "measures._more", item: 1 }).state;
    s = answer(def, s, "measures._more", "yes");
    s = answer(def, s, "measureTitle", "Ergonomisk stol");
    // A question never seen is asked even when optional.
    s = skip(def, s, "measureDescription");
    s = answer(def, s, "measureOwner", "occupational_health");
    s = answer(def, s, "measureDueDate", "2026-03-25");
    // A fresh "add another?" is a real question, not passed over.
    expect(here(s)).toEqual({ stepId: "measures._more", item: 2 });
    s = answer(def, s, "measures._more", "no");
    expect(here(s).stepId).toBe("summary");
    expect(s.answers).toMatchObject({ "measures[0].measureOwner": "hr", "measures[1].measureTitle": "Ergonomisk stol" });
  });

  it("only works from the summary and for steps on the path", () => {
    let s = sickUntilSummary("full");
    expect(send(sick, s, { action: "edit", stepId: "gradePercent" }).outcome.type).toBe("invalid");
    expect(send(sick, s, { action: "edit", stepId: "intro" }).outcome.type).toBe("invalid");
    s = send(sick, s, { action: "back" }).state;
    expect(send(sick, s, { action: "edit", stepId: "grade" }).outcome).toEqual({
      type: "invalid",
      reason: { key: "dialogue:errors.cannotEdit" },
    });
  });
});

describe("restart, cancel, skip", () => {
  it("restart clears answers but keeps the prefill and list context", () => {
    let s = followupAtTasks(["Plukk"]);
    const r = send(followup, s, { action: "restart" });
    expect(r.outcome).toEqual({ type: "restarted" });
    s = r.state;
    expect(s.answers).toEqual({});
    expect(s.history).toEqual([]);
    expect(here(s).stepId).toBe("intro");
    expect(s.listContext).toEqual({ mainTasks: ["Plukk"] });
  });

  it("cancel ends the session; only restart brings it back", () => {
    let s = sickUntilSummary();
    const r = send(sick, s, { action: "cancel" });
    expect(r.outcome).toEqual({ type: "cancelled" });
    s = r.state;
    expect(s.status).toBe("cancelled");
    expect(s.answers["grade"]).toBe("full");
    expect(send(sick, s, { action: "answer", answer: "x" }).outcome).toEqual({ type: "invalid", reason: { key: "dialogue:errors.notActive" } });
    expect(send(sick, s, { action: "restart" }).state.status).toBe("active");
  });

  it("a completed session accepts nothing more", () => {
    const s = send(sick, sickUntilSummary(), { action: "confirm" }).state;
    expect(send(sick, s, { action: "restart" }).outcome.type).toBe("invalid");
    expect(send(sick, s, { action: "back" }).outcome.type).toBe("invalid");
  });

  it("skip works only for optional steps and removes an earlier answer", () => {
    let s = startSession(sick, { today: TODAY });
    s = answer(sick, s, "intro", null);
    expect(send(sick, s, { action: "skip", ...here(s) }).outcome).toEqual({ type: "invalid", reason: { key: "dialogue:errors.cannotSkip" } });
    let f = followupAtTasks(["Plukk"]);
    f = answer(followup, f, "ability", "normal");
    f = answer(followup, f, "otherTasks", "Varetelling");
    f = send(followup, f, { action: "back" }).state;
    f = skip(followup, f, "otherTasks");
    expect("otherTasks" in f.answers).toBe(false);
  });
});

describe("invalid answers keep everything already given", () => {
  const cases: Array<[string, () => SessionState, unknown, string, Record<string, unknown>?]> = [
    ["a day February does not have", () => atStep("startDate"), "2026-02-30", "dialogue:errors.noSuchDay", { year: 2026, month: 2, days: 28 }],
    ["a date that is no date", () => atStep("startDate"), "30/02", "dialogue:errors.badDate"],
    ["a start date too far back", () => atStep("startDate"), "2026-01-01", "dialogue:errors.dateTooEarly"],
    ["a start date too far ahead", () => atStep("startDate"), "2026-06-01", "dialogue:errors.dateTooLate"],
    ["an end date before the start", () => atStep("endDate"), "2026-03-01", "dialogue:errors.endBeforeStart"],
    ["a percentage out of range", () => atStep("gradePercent"), 150, "dialogue:errors.outOfRange", { min: 1, max: 100 }],
    ["a percentage that is no number", () => atStep("gradePercent"), "halv", "dialogue:errors.notANumber"],
    ["a choice that is no option", () => atStep("leaveType"), "ferie", "dialogue:errors.notAnOption"],
    ["a required answer left empty", () => atStep("leaveType"), undefined, "dialogue:errors.required"],
    ["'unknown' where a date is needed", () => atStep("startDate"), null, "dialogue:errors.unknownNotAllowed"],
  ];

  function atStep(id: string): SessionState {
    let s = startSession(sick, { today: TODAY });
    s = answer(sick, s, "intro", null);
    if (id === "startDate") return s;
    s = answer(sick, s, "startDate", "2026-03-05");
    if (id === "endDate") return s;
    s = answer(sick, s, "endDate", null);
    s = answer(sick, s, "grade", "graded");
    if (id === "gradePercent") return s;
    return answer(sick, s, "gradePercent", 50);
  }

  it.each(cases)("%s", (_name, setup, value, key, params) => {
    const s = setup();
    const r = send(sick, s, value === undefined ? { action: "answer", ...here(s) } : { action: "answer", ...here(s), answer: value as never });
    expect(r.outcome.type).toBe("invalid");
    if (r.outcome.type !== "invalid") return;
    expect(r.outcome.reason.key).toBe(key);
    if (params) expect(r.outcome.reason.params).toEqual(params);
    expect(r.state.stepId).toBe(s.stepId);
    expect(r.state.answers).toEqual(s.answers);
    expect(r.state.history).toEqual(s.history);
    expect(r.state.error?.key).toBe(key);
    // The next good answer clears the error.
    if (s.stepId === "leaveType") expect(send(sick, r.state, { action: "answer", answer: "sykmelding" }).state.error).toBeUndefined();
  });

  it("too long text says the maximum", () => {
    const def = dialogues.plan_not_needed;
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "intro", null);
    s = answer(def, s, "reason", "other");
    const r = send(def, s, { action: "answer", answer: "x".repeat(1001) });
    expect(r.outcome).toEqual({ type: "invalid", reason: { key: "dialogue:errors.tooLong", params: { max: 1000, length: 1001 } } });
    expect(r.state.answers).toEqual({ reason: "other" });
  });

  it("multi-choice and list limits", () => {
    let s = followupAtTasks(["Plukk"]);
    s = answer(followup, s, "ability", "with_adjustment");
    expect(send(followup, s, { action: "answer", ...here(s), answer: [] }).outcome).toMatchObject({ reason: { key: "dialogue:errors.required" } });
    expect(send(followup, s, { action: "answer", ...here(s), answer: ["more_time", "teleport"] }).outcome).toMatchObject({ reason: { key: "dialogue:errors.notAnOption" } });
    const list = send(followup, send(followup, s, { action: "back" }).state, { action: "back" }).state;
    expect(here(list).stepId).toBe("mainTasks");
    const tooMany = send(followup, list, { action: "answer", ...here(list), answer: Array.from({ length: 11 }, (_, i) => `Oppgave ${i}`) });
    expect(tooMany.outcome).toMatchObject({ reason: { key: "dialogue:errors.tooManyItems", params: { max: 10 } } });
    const tooLong = send(followup, list, { action: "answer", ...here(list), answer: ["x".repeat(121)] });
    expect(tooLong.outcome).toMatchObject({ reason: { key: "dialogue:errors.itemTooLong", params: { max: 120 } } });
  });

  it("a button from an earlier step is refused as stale", () => {
    let s = startSession(sick, { today: TODAY });
    s = answer(sick, s, "intro", null);
    s = answer(sick, s, "startDate", "2026-03-09");
    const r = send(sick, s, { action: "answer", stepId: "startDate", answer: "2026-03-08" });
    expect(r.outcome).toEqual({ type: "invalid", reason: { key: "dialogue:errors.stale" } });
    expect(r.state.answers["startDate"]).toBe("2026-03-09");
  });

  it("a session from an older version of the dialogue can only be restarted", () => {
    const s = { ...startSession(sick, { today: TODAY }), dialogueVersion: 0 };
    expect(send(sick, s, { action: "answer", answer: null }).outcome).toEqual({ type: "invalid", reason: { key: "dialogue:errors.outdated" } });
    expect(send(sick, s, { action: "restart" }).state.dialogueVersion).toBe(sick.version);
  });
});

describe("health guard", () => {
  const def = dialogues.plan_not_needed;
  function atText(): SessionState {
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "intro", null);
    return answer(def, s, "reason", "other");
  }
  const flagged = "Hun har migrene og er tilbake om en uke.";

  it("holds flagged text back, then a rephrased answer replaces it", () => {
    const hit = send(def, atText(), { action: "answer", answer: flagged });
    expect(hit.outcome).toEqual({ type: "guard_hit", matches: ["migrene"] });
    let s = hit.state;
    expect(here(s).stepId).toBe("reasonText");
    expect(s.pendingGuard).toEqual({ answerKey: "reasonText", value: flagged, matches: ["migrene"] });
    expect("reasonText" in s.answers).toBe(false);
    const rephrase = send(def, s, { action: "edit", ...here(s) });
    expect(rephrase.outcome).toEqual({ type: "accepted" });
    s = rephrase.state;
    expect(s.pendingGuard?.rephrasing).toBe(true);
    expect(s.pendingGuard?.value).toBe(flagged);
    // Still flagged: still held back.
    expect(send(def, s, { action: "answer", answer: "Fortsatt migrene." }).outcome.type).toBe("guard_hit");
    s = answer(def, s, "reasonText", "Tilbake om en uke i vanlig stilling.");
    expect(s.pendingGuard).toBeUndefined();
    expect(s.privateAnswers).toEqual([]);
    expect(s.answers["reasonText"]).toBe("Tilbake om en uke i vanlig stilling.");
  });

  it("stores the leader's flagged text nowhere when they choose not to keep it (a required question is asked again)", () => {
    let s = send(def, atText(), { action: "answer", answer: flagged }).state;
    const leaveOut = send(def, s, { action: "confirm", ...here(s) });
    expect(leaveOut.outcome).toEqual({ type: "invalid", reason: { key: "dialogue:errors.leftOutRequired" } });
    s = leaveOut.state;
    expect(here(s).stepId).toBe("reasonText");
    expect(JSON.stringify(s)).not.toMatch(/migrene/);
    expect(s.privateAnswers).toEqual([]);
    expect(s.pendingGuard).toBeUndefined();
  });

  it("does not drop held-back text when the person goes back and returns", () => {
    let s = send(def, atText(), { action: "answer", answer: flagged }).state;
    s = send(def, s, { action: "back" }).state;
    expect(here(s).stepId).toBe("reason");
    s = answer(def, s, "reason", "other");
    expect(s.pendingGuard?.value).toBe(flagged);
  });

  it("checks list items too, and leaves choices alone", () => {
    let s = followupAtTasks(["Plukk"]);
    s = send(followup, s, { action: "back" }).state;
    const hit = send(followup, s, { action: "answer", ...here(s), answer: ["Plukk", "Diagnose-kurs"] });
    expect(hit.outcome).toEqual({ type: "guard_hit", matches: ["Diagnose"] });
    expect(hit.state.answers["mainTasks"]).toEqual(["Plukk"]);
  });
});

describe("progress", () => {
  it("counts the definition's steps: the total never changes, a skipped step is a skipped number", () => {
    let s = startSession(sick, { today: TODAY });
    expect(progress(sick, s)).toEqual({ step: 1, total: 7 });
    s = answer(sick, s, "intro", null);
    s = answer(sick, s, "startDate", TODAY);
    s = answer(sick, s, "endDate", null);
    expect(progress(sick, s)).toEqual({ step: 4, total: 7 });
    s = answer(sick, s, "grade", "graded");
    expect(progress(sick, s)).toEqual({ step: 5, total: 7 });
    s = send(sick, s, { action: "back" }).state;
    s = answer(sick, s, "grade", "full");
    // Full sick leave skips the percentage: step 6 of the same 7, not "5 of 6".
    expect(progress(sick, s)).toEqual({ step: 6, total: 7 });
  });
});
