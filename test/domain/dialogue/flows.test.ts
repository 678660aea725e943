// Each shipped dialogue driven end to end through applyCommand, with button
// values and with typed (parsed) answers, including its branches.
import { describe, expect, it } from "vitest";
import { dialogues } from "../../../src/domain/dialogue/definitions/index.js";
import { progress, startSession } from "../../../src/domain/dialogue/engine.js";
import type { SessionState } from "../../../src/domain/dialogue/state.js";
import { TODAY, answer, here, send, skip, type } from "./helpers.js";

function confirm(def: (typeof dialogues)[keyof typeof dialogues], state: SessionState): SessionState {
  expect(here(state).stepId).toBe("summary");
  const result = send(def, state, { action: "confirm" });
  expect(result.outcome).toEqual({ type: "completed" });
  expect(result.state.status).toBe("completed");
  return result.state;
}

describe("report_sickness", () => {
  const def = dialogues.report_sickness;

  it("full sick leave with buttons skips the percentage", () => {
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "intro", null);
    s = answer(def, s, "startDate", "2026-03-09");
    s = answer(def, s, "endDate", null); // unknown
    s = answer(def, s, "grade", "full");
    s = answer(def, s, "leaveType", "egenmelding");
    s = confirm(def, s);
    expect(s.answers).toEqual({ startDate: "2026-03-09", endDate: null, grade: "full", leaveType: "egenmelding" });
  });

  it("graded sick leave typed as text", () => {
    let s = startSession(def, { today: TODAY });
    s = type(def, s, "intro", "");
    s = type(def, s, "startDate", "i dag");
    s = type(def, s, "endDate", "24.3.2026");
    s = type(def, s, "grade", "2");
    s = type(def, s, "gradePercent", "50 %");
    s = type(def, s, "leaveType", "Sykmelding fra lege");
    s = confirm(def, s);
    expect(s.answers).toEqual({ startDate: TODAY, endDate: "2026-03-24", grade: "graded", gradePercent: 50, leaveType: "sykmelding" });
  });

  it("accepts labels typed in another locale and 'unknown' in English", () => {
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "intro", null);
    s = type(def, s, "startDate", "yesterday");
    s = type(def, s, "endDate", "unknown");
    s = type(def, s, "grade", "partly (graded)");
    expect(s.answers["grade"]).toBe("graded");
    expect(s.answers["endDate"]).toBeNull();
    expect(s.answers["startDate"]).toBe("2026-03-09");
  });
});

describe("contact_preferences", () => {
  const def = dialogues.contact_preferences;

  it("asks for names only when chosen, and can be filled in by typing", () => {
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "intro", null);
    s = type(def, s, "channels", "1, 5");
    s = type(def, s, "times", "Formiddag; afternoon");
    s = skip(def, s, "timesNote");
    s = type(def, s, "closeness", "every_two_weeks");
    s = answer(def, s, "contactBy", "named_person");
    s = answer(def, s, "contactByName", "Kari på lageret");
    s = answer(def, s, "whoMayKnow", "leader_and_named");
    s = answer(def, s, "whoMayKnowNames", "Kari på lageret");
    s = answer(def, s, "taskHandover", "Ola tar kassen, rutinene ligger i permen.");
    s = type(def, s, "fallbackTasks", "Bestilling av varer\nOpplæring av nye");
    s = confirm(def, s);
    expect(s.answers["channels"]).toEqual(["phone", "chat"]);
    expect(s.answers["times"]).toEqual(["morning", "afternoon"]);
    expect(s.answers["fallbackTasks"]).toEqual(["Bestilling av varer", "Opplæring av nye"]);
    expect("timesNote" in s.answers).toBe(false);
  });

  it("goes straight from who may know to task handover for other choices", () => {
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "intro", null);
    s = answer(def, s, "channels", ["email"]);
    s = answer(def, s, "times", ["agree_each_time"]);
    s = answer(def, s, "timesNote", "");
    s = answer(def, s, "closeness", "when_needed");
    s = answer(def, s, "contactBy", "leader");
    s = answer(def, s, "whoMayKnow", "leader_only");
    expect(here(s).stepId).toBe("taskHandover");
  });
});

describe("employee_followup", () => {
  const def = dialogues.employee_followup;
  const start = () =>
    startSession(def, {
      today: TODAY,
      prefill: { role: "Butikkmedarbeider", positionPercent: 80 },
      listContext: { mainTasks: ["Kasse", "Varepåfylling", "Bestilling"] },
    });

  it("walks contact, job, each task with adjustments, and consent", () => {
    let s = start();
    s = answer(def, s, "intro", null);
    s = answer(def, s, "contactAsAgreed", "change");
    s = answer(def, s, "contactChannel", ["phone", "sms"]);
    s = answer(def, s, "contactTimes", "Før lunsj");
    s = answer(def, s, "whoMayKnow", "Bare lederen");
    s = answer(def, s, "role", "Butikkmedarbeider");
    s = type(def, s, "positionPercent", "80");
    s = answer(def, s, "typicalWorkday", "Kasse om morgenen, lager etter lunsj.");
    s = type(def, s, "mainTasks", "Kasse, Varepåfylling, Bestilling");
    // Task 1: normal; task 2: with adjustment incl. "other"; task 3: cannot.
    s = answer(def, s, "ability", "normal");
    expect(here(s)).toEqual({ stepId: "ability", item: 1 });
    s = answer(def, s, "ability", "with_adjustment");
    s = type(def, s, "adjustment", "2,5");
    s = answer(def, s, "adjustmentOther", "Tralle med hjul");
    s = type(def, s, "ability", "Kan ikke gjøre den nå");
    s = answer(def, s, "otherTasks", "Prismerking");
    s = skip(def, s, "colleagueSupport");
    s = skip(def, s, "workplaceChanges");
    s = answer(def, s, "triedBefore", "yes");
    s = answer(def, s, "previousFacilitation", "Kortere vakter i to uker, det gikk bra.");
    s = skip(def, s, "ownSuggestions");
    s = answer(def, s, "returnPace", "graded");
    s = answer(def, s, "returnGoals", "50 % i to uker, så 80 %.");
    s = type(def, s, "arrConsent", "ja");
    s = confirm(def, s);
    expect(s.answers).toMatchObject({
      "tasks[0].ability": "normal",
      "tasks[1].ability": "with_adjustment",
      "tasks[1].adjustment": ["more_time", "other"],
      "tasks[1].adjustmentOther": "Tralle med hjul",
      "tasks[2].ability": "cannot",
      arrConsent: "yes",
    });
    expect(Object.keys(s.answers).some((k) => k.startsWith("tasks[0].adjustment"))).toBe(false);
  });

  it("jumps past the contact questions when the agreement stands, and skips 'what was tried' on no", () => {
    let s = start();
    s = answer(def, s, "intro", null);
    s = answer(def, s, "contactAsAgreed", "as_agreed");
    expect(here(s).stepId).toBe("role");
    s = answer(def, s, "role", "Butikkmedarbeider");
    s = answer(def, s, "positionPercent", 80);
    s = skip(def, s, "typicalWorkday");
    s = answer(def, s, "mainTasks", ["Kasse"]);
    s = answer(def, s, "ability", "normal");
    s = skip(def, s, "otherTasks");
    s = skip(def, s, "colleagueSupport");
    s = skip(def, s, "workplaceChanges");
    s = answer(def, s, "triedBefore", "no");
    expect(here(s).stepId).toBe("ownSuggestions");
  });

  it("requires at least one main task", () => {
    let s = start();
    s = answer(def, s, "intro", null);
    s = answer(def, s, "contactAsAgreed", "as_agreed");
    s = answer(def, s, "role", "Butikkmedarbeider");
    s = answer(def, s, "positionPercent", 80);
    s = skip(def, s, "typicalWorkday");
    const result = send(def, s, { action: "answer", ...here(s), answer: "  \n " });
    expect(result.outcome).toEqual({ type: "invalid", reason: { key: "dialogue:errors.required" } });
  });
});

describe("leader_followup", () => {
  const def = dialogues.leader_followup;

  it("records measures in an open loop and the NAV fields with their follow-up questions", () => {
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "intro", null);
    s = answer(def, s, "typicalWorkday", "Kasse og lager, dagtid.");
    s = answer(def, s, "tasksPossible", "Kasse med stol, bestilling.");
    s = skip(def, s, "tasksMoved");
    s = answer(def, s, "triedBefore", "no");
    // "no" jumps over what was tried.
    s = answer(def, s, "plannedFacilitation", "Kortere vakter og tralle.");
    s = skip(def, s, "otherFacilitationOptions");
    s = answer(def, s, "measures._more", "yes");
    s = answer(def, s, "measureTitle", "Kortere vakter");
    s = skip(def, s, "measureDescription");
    s = answer(def, s, "measureOwner", "leader");
    s = type(def, s, "measureDueDate", "i morgen");
    expect(here(s)).toEqual({ stepId: "measures._more", item: 1 });
    s = type(def, s, "measures._more", "ja");
    s = answer(def, s, "measureTitle", "Tralle");
    s = answer(def, s, "measureDescription", "Bestille tralle til lageret.");
    s = type(def, s, "measureOwner", "HR");
    s = answer(def, s, "measureDueDate", "2026-04-01");
    s = type(def, s, "measures._more", "nei");
    s = answer(def, s, "followUp", "Samtale hver fredag.");
    s = type(def, s, "evaluationDate", "1.5.2026");
    s = answer(def, s, "needsHelpFromNav", "yes");
    s = answer(def, s, "needsHelpFromNavDescription", "Tilskudd til hjelpemidler.");
    s = answer(def, s, "employeeContributed", "no");
    s = answer(def, s, "notContributedReason", "Vi møtes neste uke for å gå gjennom planen.");
    s = answer(def, s, "sendToNav", "no");
    s = answer(def, s, "sendToGp", "yes");
    s = confirm(def, s);
    expect(s.answers).toMatchObject({
      "measures[0].measureTitle": "Kortere vakter",
      "measures[0].measureDueDate": "2026-03-11",
      "measures[1].measureOwner": "hr",
      "measures[1].measureDueDate": "2026-04-01",
      evaluationDate: "2026-05-01",
    });
    expect("previousFacilitation" in s.answers).toBe(false);
  });

  it("can leave out measures entirely", () => {
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "intro", null);
    s = answer(def, s, "typicalWorkday", "Kontor.");
    s = answer(def, s, "tasksPossible", "Det meste.");
    s = skip(def, s, "tasksMoved");
    s = answer(def, s, "triedBefore", "yes");
    s = answer(def, s, "previousFacilitation", "Hjemmekontor, fungerte godt.");
    s = answer(def, s, "plannedFacilitation", "Fortsette med hjemmekontor.");
    s = skip(def, s, "otherFacilitationOptions");
    s = answer(def, s, "measures._more", "no");
    expect(here(s).stepId).toBe("followUp");
  });
});

describe("measures", () => {
  const def = dialogues.measures;

  it("starts directly on the first measure and stops at max when asked", () => {
    let s = startSession(def, { today: TODAY });
    expect(here(s)).toEqual({ stepId: "measureTitle", item: 0 });
    s = answer(def, s, "measureTitle", "Hjemmekontor tirsdager");
    s = answer(def, s, "measureDescription", "Fast avtale i fire uker.");
    s = answer(def, s, "measureOwner", "employee");
    s = answer(def, s, "measureDueDate", "2026-04-07");
    s = answer(def, s, "measures._more", "no");
    s = confirm(def, s);
    // A repeat is one step of the definition (its items are numbered by their title).
    expect(progress(def, s)).toEqual({ step: 2, total: 2 });
  });
});

describe("evaluation", () => {
  const def = dialogues.evaluation;

  it("walks the plan's measures from context, then the decision", () => {
    let s = startSession(def, { today: TODAY, listContext: { measures: ["Kortere vakter", "Tralle"] } });
    s = answer(def, s, "result", "worked");
    s = skip(def, s, "resultNote");
    s = type(def, s, "result", "3");
    s = answer(def, s, "resultNote", "Tralla er for tung.");
    s = answer(def, s, "howItWent", "Vaktene fungerer, utstyret ikke.");
    s = answer(def, s, "decision", "adjust");
    s = answer(def, s, "adjustments", "Bytte til lettere tralle.");
    s = type(def, s, "newEvaluationDate", "2026-04-10");
    s = confirm(def, s);
    expect(s.answers["measureResults[1].result"]).toBe("not_worked");
  });

  it("without known measures starts at the overall question; finishing asks no new date", () => {
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "howItWent", "Godt.");
    s = answer(def, s, "decision", "finish");
    expect(here(s).stepId).toBe("summary");
  });
});

describe("plan_not_needed", () => {
  const def = dialogues.plan_not_needed;

  it("records reason and text", () => {
    let s = startSession(def, { today: TODAY });
    s = answer(def, s, "intro", null);
    s = type(def, s, "reason", "1");
    s = answer(def, s, "reasonText", "Tilbake om en uke i vanlig stilling.");
    s = confirm(def, s);
    expect(s.answers).toEqual({ reason: "returns_soon", reasonText: "Tilbake om en uke i vanlig stilling." });
  });
});
