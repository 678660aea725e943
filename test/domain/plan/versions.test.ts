import { describe, expect, it } from "vitest";
import { translator } from "../../../src/i18n/index.js";
import { TEXT_FIELD_MAX } from "../../../src/domain/plan/fields.js";
import { buildPlanDraft } from "../../../src/domain/plan/merge.js";
import { type PlanContent, emptyPlanContent, planContentSchema } from "../../../src/domain/plan/model.js";
import { problemMessage } from "../../../src/domain/plan/validation.js";
import {
  applyChangeBy,
  applyLeaderChange,
  confirmVersion,
  confirmationProblems,
  missingRequiredFields,
  oneYearAfter,
  recordDisagreement,
  recordPlanNotNeeded,
  textLimitProblems,
  validateEvaluationDate,
  withdrawDisagreement,
} from "../../../src/domain/plan/versions.js";
import { TODAY, jointPlan, snap } from "./fixtures.js";

function completePlan(): PlanContent {
  return {
    ...emptyPlanContent(),
    typicalWorkday: { employee: "Kontorarbeid." },
    followUp: { leader: "Ukentlig samtale." },
    evaluationDate: "2026-03-02",
    employeeHasContributedToPlan: true,
    needsHelpFromNav: false,
  };
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe("missingRequiredFields", () => {
  it("lists every required field of an empty draft", () => {
    expect(missingRequiredFields(emptyPlanContent())).toEqual([
      "typicalWorkday",
      "followUp",
      "evaluationDate",
      "employeeHasContributedToPlan",
      "needsHelpFromNav",
    ]);
  });

  it("is empty for a complete plan, and assessed tasks can stand in for the typical workday", () => {
    expect(missingRequiredFields(completePlan())).toEqual([]);
    const withTasks = { ...completePlan(), typicalWorkday: {}, tasks: jointPlan().tasks };
    expect(missingRequiredFields(withTasks)).toEqual([]);
    expect(missingRequiredFields({ ...completePlan(), typicalWorkday: {} })).toEqual(["typicalWorkday"]);
  });

  it("asks for the reason when the employee did not take part, and NAV's help described when needed", () => {
    expect(missingRequiredFields({ ...completePlan(), employeeHasContributedToPlan: false })).toEqual([
      "employeeHasNotContributedToPlanDescription",
    ]);
    expect(missingRequiredFields({ ...completePlan(), needsHelpFromNav: true })).toEqual(["needsHelpFromNavDescription"]);
    expect(
      missingRequiredFields({ ...completePlan(), needsHelpFromNav: true, needsHelpFromNavDescription: { leader: "Tilskudd." } }),
    ).toEqual([]);
  });

  it("wants an owner and due date on open measures only", () => {
    const plan = jointPlan();
    plan.measures[1]!.owner = null;
    plan.measures.push({ ...plan.measures[0]!, id: "m3", dueDate: null, status: "cancelled" });
    expect(missingRequiredFields(plan)).toEqual(["measureOwner"]);
  });

  it("the joint fixture plan is complete", () => {
    expect(missingRequiredFields(jointPlan())).toEqual([]);
  });
});

describe("text limit", () => {
  const long = "x".repeat(TEXT_FIELD_MAX + 1);

  it("accepts exactly the limit and reports one character more, with the field and length", () => {
    expect(textLimitProblems({ ...completePlan(), followUp: { leader: "x".repeat(TEXT_FIELD_MAX) } })).toEqual([]);
    const problems = textLimitProblems({ ...completePlan(), followUp: { leader: long } });
    expect(problems).toEqual([
      expect.objectContaining({ code: "text_too_long", field: "followUp", path: "followUp.leader", params: { length: 2001, max: 2000 } }),
    ]);
    const message = problemMessage(problems[0]!, translator("nb"), "nb");
    expect(message).toBe("«Slik følges planen opp» er for lang: 2001 tegn. Høyst 2000 tegn er tillatt.");
    expect(problemMessage(problems[0]!, translator("en"), "en")).toContain("2001 characters");
  });

  it("finds long texts in tasks and measure notes, and the stored schema rejects them too", () => {
    const plan = jointPlan();
    plan.tasks[0]!.note = long;
    plan.measures[0]!.notes.push({ date: TODAY, by: "leader", text: long });
    expect(textLimitProblems(plan).map((p) => p.path)).toEqual(["tasks[0].note", "measures[0].notes[0].text"]);
    const parsed = planContentSchema.safeParse(plan);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain("At most 2000 characters");
  });

  it("a too long answer survives the draft but blocks confirmation", () => {
    const plan = buildPlanDraft({ today: TODAY, employee: [snap("employee", { questionId: "w", planField: "typicalWorkday", value: long })] });
    expect(plan.typicalWorkday.employee).toHaveLength(2001);
    expect(confirmationProblems({ ...completePlan(), typicalWorkday: plan.typicalWorkday }, TODAY).map((p) => p.code)).toEqual([
      "text_too_long",
    ]);
  });
});

describe("validateEvaluationDate", () => {
  it("accepts tomorrow up to the same date next year", () => {
    expect(validateEvaluationDate("2026-01-21", TODAY)).toEqual({ ok: true, value: "2026-01-21" });
    expect(validateEvaluationDate("2027-01-20", TODAY).ok).toBe(true);
  });

  it("rejects today, a date beyond a year and a non-date, with the allowed range", () => {
    const early = validateEvaluationDate(TODAY, TODAY);
    expect(early).toMatchObject({ ok: false, error: { code: "evaluation_date_too_early", dates: { min: "2026-01-21", max: "2027-01-20" } } });
    expect(validateEvaluationDate("2027-01-21", TODAY)).toMatchObject({ ok: false, error: { code: "evaluation_date_too_late" } });
    expect(validateEvaluationDate("2026-02-30", TODAY)).toMatchObject({ ok: false, error: { code: "evaluation_date_invalid" } });
    if (early.ok) throw new Error("unreachable");
    expect(problemMessage(early.error, translator("nb"), "nb")).toBe("Evalueringsdatoen må være tidligst i morgen (onsdag 21. januar 2026).");
  });

  it("counts a year from 29 February to 28 February", () => {
    expect(oneYearAfter("2028-02-29")).toBe("2029-02-28");
    expect(validateEvaluationDate("2029-03-01", "2028-02-29").ok).toBe(false);
  });
});

describe("confirmVersion", () => {
  it("turns proposals into agreed measures when the employee confirms a complete plan", () => {
    const confirmed = unwrap(confirmVersion(jointPlan(), { by: "employee", today: TODAY }));
    expect(confirmed.measures.map((m) => m.status)).toEqual(["agreed", "agreed"]);
  });

  it("refuses an incomplete plan, naming what is missing", () => {
    const result = confirmVersion({ ...jointPlan(), followUp: {} }, { by: "employee", today: TODAY });
    expect(result).toMatchObject({ ok: false, error: [{ code: "missing", field: "followUp" }] });
  });

  it("refuses an evaluation date that has passed by the time of confirmation", () => {
    const result = confirmVersion(jointPlan(), { by: "employee", today: "2026-03-02" });
    expect(result).toMatchObject({ ok: false, error: [{ code: "evaluation_date_too_early" }] });
  });

  it("refuses NAV help without sending the plan to NAV (NAV's own rule)", () => {
    const plan = { ...jointPlan(), needsHelpFromNav: true, needsHelpFromNavDescription: { leader: "Hjelpemidler." } };
    expect(confirmationProblems(plan, TODAY).map((p) => p.code)).toEqual(["needs_help_requires_send_to_nav"]);
  });

  it("never lets the leader confirm, not even a plan the employee did not take part in (issue 10)", () => {
    expect(confirmVersion(jointPlan(), { by: "leader", today: TODAY })).toMatchObject({ ok: false, error: [{ code: "not_allowed_for_role" }] });
    const without = {
      ...jointPlan(),
      employeeHasContributedToPlan: false,
      employeeHasNotContributedToPlanDescription: { leader: "Ikke tilgjengelig." },
    };
    expect(confirmVersion(without, { by: "leader", today: TODAY })).toMatchObject({ ok: false, error: [{ code: "not_allowed_for_role" }] });
    expect(confirmVersion(without, { by: "employee", today: TODAY }).ok).toBe(true);
  });
});

describe("disagreement", () => {
  const recorded = () =>
    unwrap(recordDisagreement(jointPlan(), { by: "employee", text: " Fristen for stolen er for sen. ", onVersion: 2, date: TODAY }));

  it("is recorded by the employee, trimmed and tied to the version", () => {
    expect(recorded().disagreement).toEqual({ by: "employee", text: "Fristen for stolen er for sen.", onVersion: 2, date: TODAY });
  });

  it("cannot be recorded or withdrawn by the leader", () => {
    expect(recordDisagreement(jointPlan(), { by: "leader", text: "x", onVersion: 2, date: TODAY })).toMatchObject({
      ok: false,
      error: { code: "not_allowed_for_role" },
    });
    expect(withdrawDisagreement(recorded(), "leader").ok).toBe(false);
    expect(unwrap(withdrawDisagreement(recorded(), "employee")).disagreement).toBeNull();
  });

  it("respects the text limit", () => {
    const result = recordDisagreement(jointPlan(), { by: "employee", text: "x".repeat(2001), onVersion: 2, date: TODAY });
    expect(result).toMatchObject({ ok: false, error: { code: "text_too_long", field: "disagreement" } });
    expect(recordDisagreement(jointPlan(), { by: "employee", text: "  ", onVersion: 2, date: TODAY }).ok).toBe(false);
  });

  it("is carried into the next draft and cannot be dropped or rewritten by the leader", () => {
    const previous = recorded();
    const leaderDraft = buildPlanDraft({
      previous,
      today: "2026-02-01",
      leader: [snap("leader", { questionId: "follow", planField: "followUp", value: "Samtale annenhver uke." })],
    });
    expect(leaderDraft.disagreement).toEqual(previous.disagreement);

    const dropped = applyLeaderChange(previous, { ...leaderDraft, disagreement: null });
    expect(dropped.refused).toEqual(["disagreement"]);
    expect(dropped.content.disagreement).toEqual(previous.disagreement);

    const rewritten = applyLeaderChange(previous, {
      ...leaderDraft,
      disagreement: { by: "employee", text: "Alt er fint.", onVersion: 3, date: "2026-02-01" },
    });
    expect(rewritten.refused).toEqual(["disagreement"]);
    expect(rewritten.content.disagreement?.text).toBe("Fristen for stolen er for sen.");

    const untouched = applyLeaderChange(previous, leaderDraft);
    expect(untouched.refused).toEqual([]);
    expect(untouched.content.followUp.leader).toBe("Samtale annenhver uke.");
  });

  it("a leader cannot add a disagreement in the employee's name either", () => {
    const previous = jointPlan();
    const forged = applyLeaderChange(previous, { ...previous, disagreement: { by: "employee", text: "Forfalsket", onVersion: 2, date: TODAY } });
    expect(forged.refused).toEqual(["disagreement"]);
    expect(forged.content.disagreement).toBeNull();
  });
});

describe("applyChangeBy", () => {
  it("puts back the employee's words, task assessments, raw answers and ARR consent when the leader edits them", () => {
    const previous = jointPlan();
    const edited = structuredClone(previous);
    edited.typicalWorkday.employee = "Omskrevet av leder";
    delete edited.previousFacilitation.employee;
    edited.tasks[1]!.ability = "normal";
    edited.snapshots.employee = [];
    edited.arrConsent = false;
    edited.followUp.leader = "Ny oppfølging";

    const result = applyLeaderChange(previous, edited);
    expect(result.refused.sort()).toEqual(
      ["arrConsent", "previousFacilitation.employee", "snapshots.employee", "tasks.employee", "typicalWorkday.employee"].sort(),
    );
    expect(result.content.typicalWorkday.employee).toBe(previous.typicalWorkday.employee);
    expect(result.content.previousFacilitation.employee).toBe(previous.previousFacilitation.employee);
    expect(result.content.tasks).toEqual(previous.tasks);
    expect(result.content.snapshots.employee).toEqual(previous.snapshots.employee);
    expect(result.content.arrConsent).toBe(true);
    expect(result.content.followUp.leader).toBe("Ny oppfølging");
  });

  it("puts back a deleted measure", () => {
    const previous = jointPlan();
    const result = applyChangeBy("leader", previous, { ...previous, measures: [previous.measures[1]!] });
    expect(result.refused).toEqual(["measures.m1"]);
    expect(result.content.measures.map((m) => m.id)).toEqual(["m1", "m2"]);
  });

  it("lets the leader change their own assessment of a task", () => {
    const previous = jointPlan();
    const edited = structuredClone(previous);
    edited.tasks[0]!.otherView = { by: "leader", ability: "normal", adjustments: [] };
    const result = applyLeaderChange(previous, edited);
    expect(result.refused).toEqual([]);
    expect(result.content.tasks[0]!.otherView?.ability).toBe("normal");
  });

  it("protects the leader's words from the employee's edits the same way", () => {
    const previous = jointPlan();
    const edited = structuredClone(previous);
    edited.followUp.leader = "Endret av arbeidstaker";
    const result = applyChangeBy("employee", previous, edited);
    expect(result.refused).toEqual(["followUp.leader"]);
    expect(result.content.followUp.leader).toBe(previous.followUp.leader);
  });
});

describe("recordPlanNotNeeded", () => {
  it("is the leader's, and 'other' needs a text", () => {
    expect(recordPlanNotNeeded(emptyPlanContent(), { by: "employee", recordedBy: "U1", reason: "other", text: "x", date: TODAY }).ok).toBe(false);
    expect(recordPlanNotNeeded(emptyPlanContent(), { by: "leader", recordedBy: "U1", reason: "other", date: TODAY })).toMatchObject({
      ok: false,
      error: { key: "plan:errors.exceptionNeedsText" },
    });
    const plan = unwrap(recordPlanNotNeeded(emptyPlanContent(), { by: "leader", recordedBy: "U1", reason: "returns_soon", date: TODAY }));
    expect(plan.exception).toEqual({ reason: "returns_soon", recordedBy: "U1", date: TODAY });
  });
});
