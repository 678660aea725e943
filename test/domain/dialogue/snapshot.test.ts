import { describe, expect, it } from "vitest";
import { dialogues } from "../../../src/domain/dialogue/definitions/index.js";
import { startSession } from "../../../src/domain/dialogue/engine.js";
import { snapshotAnswers } from "../../../src/domain/dialogue/snapshot.js";
import type { SessionState } from "../../../src/domain/dialogue/state.js";
import { answerSnapshotSchema } from "../../../src/domain/plan/snapshot.js";
import { formatDate, translator, type Locale } from "../../../src/i18n/index.js";
import { TODAY, answer, send, skip } from "./helpers.js";

const followup = dialogues.employee_followup;

function completedFollowup(): SessionState {
  let s = startSession(followup, { today: TODAY, listContext: { mainTasks: ["Kasse", "Lager"] } });
  s = answer(followup, s, "intro", null);
  s = answer(followup, s, "contactAsAgreed", "as_agreed");
  s = answer(followup, s, "role", "Butikkmedarbeider");
  s = answer(followup, s, "positionPercent", 80);
  s = answer(followup, s, "typicalWorkday", "Kasse om morgenen.");
  s = answer(followup, s, "mainTasks", ["Kasse", "Lager"]);
  s = answer(followup, s, "ability", "with_adjustment");
  s = answer(followup, s, "adjustment", ["more_time", "other_hours"]);
  s = answer(followup, s, "ability", "cannot");
  s = skip(followup, s, "otherTasks");
  s = skip(followup, s, "colleagueSupport");
  s = skip(followup, s, "workplaceChanges");
  s = answer(followup, s, "triedBefore", "no");
  // Flagged text kept private.
  s = send(followup, s, { action: "answer", stepId: "ownSuggestions", answer: "Pga migrene trenger jeg mørkere rom." }).state;
  s = send(followup, s, { action: "confirm", stepId: "ownSuggestions" }).state;
  s = answer(followup, s, "returnPace", "graded");
  s = skip(followup, s, "returnGoals");
  s = answer(followup, s, "arrConsent", "yes");
  return send(followup, s, { action: "confirm" }).state;
}

const snap = (state: SessionState, locale: Locale = "nb") =>
  snapshotAnswers(followup, state, { t: translator(locale), locale, answeredBy: "employee" });

describe("snapshotAnswers", () => {
  it("describes every answer on the path as it was asked", () => {
    const snapshots = snap(completedFollowup());
    for (const s of snapshots) expect(answerSnapshotSchema.parse(s)).toEqual(s);
    expect(snapshots.map((s) => s.questionId)).toEqual([
      "contactAsAgreed", "role", "positionPercent", "typicalWorkday", "mainTasks",
      "tasks[0]", "tasks[0].ability", "tasks[0].adjustment", "tasks[1]", "tasks[1].ability",
      "triedBefore", "ownSuggestions", "returnPace", "arrConsent",
    ]);
    const byId = Object.fromEntries(snapshots.map((s) => [s.questionId, s]));
    expect(byId["positionPercent"]).toMatchObject({ planField: "positionPercent", value: 80, display: "80 %", required: true });
    expect(byId["typicalWorkday"]).toMatchObject({
      planField: "typicalWorkday",
      label: "Hvordan ser en vanlig arbeidsdag ut for deg?",
      help: "Kort om hva du gjør, når og hvor.",
      required: false,
    });
    expect(byId["tasks[0]"]).toMatchObject({ planField: "taskName", group: { kind: "task", index: 0 }, label: "Oppgave 1", value: "Kasse" });
    expect(byId["tasks[0].adjustment"]).toMatchObject({
      planField: "taskAdjustment",
      group: { kind: "task", index: 0 },
      value: ["more_time", "other_hours"],
      display: "Mer tid, Annen arbeidstid",
    });
    expect(byId["tasks[1].ability"]).toMatchObject({ group: { kind: "task", index: 1 }, value: "cannot", display: "Kan ikke gjøre den nå" });
    expect(byId["ownSuggestions"]).toMatchObject({ private: true, planField: "ownSuggestions" });
    expect(byId["arrConsent"]).toMatchObject({ private: false, value: "yes", display: "Ja" });
    for (const s of snapshots) {
      expect(s).toMatchObject({ dialogueId: "employee_followup", dialogueVersion: 1, answeredBy: "employee", locale: "nb" });
    }
  });

  it("uses the dialogue's locale for labels and displays", () => {
    const byId = Object.fromEntries(snap(completedFollowup(), "en").map((s) => [s.questionId, s]));
    expect(byId["arrConsent"]).toMatchObject({ label: "May the ARR team see a summary of the plan?", display: "Yes", locale: "en" });
  });

  it("formats dates and 'unknown', and leaves out answers on branches no longer taken", () => {
    const def = dialogues.report_sickness;
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "intro", null);
    s = answer(def, s, "startDate", "2026-03-09");
    s = answer(def, s, "endDate", null);
    s = answer(def, s, "grade", "graded");
    s = answer(def, s, "gradePercent", 50);
    s = answer(def, s, "leaveType", "sykmelding");
    s = send(def, s, { action: "edit", stepId: "grade" }).state;
    s = answer(def, s, "grade", "full");
    expect(s.answers["gradePercent"]).toBe(50); // kept in case the person switches back
    const snapshots = snapshotAnswers(def, s, { t: translator("nb"), locale: "nb", answeredBy: "employee" });
    const byId = Object.fromEntries(snapshots.map((x) => [x.questionId, x]));
    expect(byId["gradePercent"]).toBeUndefined();
    expect(byId["startDate"]?.display).toBe(formatDate("2026-03-09", "nb"));
    expect(byId["endDate"]).toMatchObject({ value: null, display: "Vet ikke ennå" });
  });

  it("groups open-repeat measures without the add-another answers", () => {
    const def = dialogues.measures;
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "measureTitle", "Hjemmekontor");
    s = answer(def, s, "measureDescription", "Tirsdager.");
    s = answer(def, s, "measureOwner", "occupational_health");
    s = answer(def, s, "measureDueDate", "2026-03-20");
    s = answer(def, s, "measures._more", "no");
    const snapshots = snapshotAnswers(def, s, { t: translator("nb"), locale: "nb", answeredBy: "leader" });
    expect(snapshots.map((x) => [x.questionId, x.planField, x.group?.index, x.display])).toEqual([
      ["measures[0].measureTitle", "measureTitle", 0, "Hjemmekontor"],
      ["measures[0].measureDescription", "measureDescription", 0, "Tirsdager."],
      ["measures[0].measureOwner", "measureOwner", 0, "Bedriftshelsetjenesten"],
      ["measures[0].measureDueDate", "measureDueDate", 0, formatDate("2026-03-20", "nb")],
    ]);
  });
});
