import { describe, expect, it } from "vitest";
import { NAV_PLAN_FIELDS } from "../../src/domain/plan/fields.js";
import { emptyPlanContent } from "../../src/domain/plan/model.js";
import { confirmVersion } from "../../src/domain/plan/versions.js";
import { type LpsContext, LpsExportError, lpsFollowUpPlanSchema, toLpsFollowUpPlan } from "../../src/exports/lps.js";
import { DIAGNOSIS_TEXT, PRIVATE_TEXT, TODAY, jointPlan } from "../domain/plan/fixtures.js";

const context: LpsContext = {
  employeeIdentificationNumber: "12345678901",
  contactPerson: { fullName: "Åse Hæreid", phoneNumber: "99999999", email: "ase@example.no" },
  lpsName: "Jobbdialog",
};

/** NAV's FollowUpPlanDTO (lps-oppfolgingsplan-mottak), in declaration order. */
const NAV_DTO_FIELDS = [
  "employeeIdentificationNumber",
  "typicalWorkday",
  "tasksThatCanStillBeDone",
  "tasksThatCanNotBeDone",
  "previousFacilitation",
  "plannedFacilitation",
  "otherFacilitationOptions",
  "followUp",
  "evaluationDate",
  "sendPlanToNav",
  "needsHelpFromNav",
  "needsHelpFromNavDescription",
  "sendPlanToGeneralPractitioner",
  "messageToGeneralPractitioner",
  "additionalInformation",
  "contactPersonFullName",
  "contactPersonPhoneNumber",
  "contactPersonEmail",
  "employeeHasContributedToPlan",
  "employeeHasNotContributedToPlanDescription",
  "lpsName",
  "lpsEmail",
];

function confirmedPlan() {
  const result = confirmVersion(jointPlan(), { by: "employee", today: TODAY });
  if (!result.ok) throw new Error("fixture should confirm");
  return result.value;
}

describe("toLpsFollowUpPlan", () => {
  it("produces JSON with exactly NAV's field names that passes the schema", () => {
    const dto = toLpsFollowUpPlan(confirmedPlan(), context);
    const json = JSON.parse(JSON.stringify(dto)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual([...NAV_DTO_FIELDS].sort());
    for (const field of NAV_PLAN_FIELDS) expect(json).toHaveProperty(field);
    expect(lpsFollowUpPlanSchema.safeParse(json).success).toBe(true);
  });

  it("maps the plan onto NAV's types: LocalDate, booleans, nullable descriptions", () => {
    const dto = toLpsFollowUpPlan(confirmedPlan(), context);
    expect(dto.evaluationDate).toBe("2026-03-02");
    expect(dto.sendPlanToNav).toBe(false);
    expect(dto.needsHelpFromNav).toBe(false);
    expect(dto.needsHelpFromNavDescription).toBeNull();
    expect(dto.sendPlanToGeneralPractitioner).toBe(true);
    expect(dto.employeeHasContributedToPlan).toBe(true);
    expect(dto.employeeHasNotContributedToPlanDescription).toBeNull();
    expect(dto.contactPersonFullName).toBe("Åse Hæreid");
  });

  it("writes both voices and the assessed tasks as Norwegian text", () => {
    const dto = toLpsFollowUpPlan(confirmedPlan(), context);
    expect(dto.typicalWorkday).toBe(
      "Medarbeider: Jeg starter dagen med kundemøter og skriver rapporter på ettermiddagen.\n\nLeder: Stillingen består av kundeoppfølging og rapportering.",
    );
    expect(dto.tasksThatCanStillBeDone).toBe(
      "- Kundemøter – kan gjøres med tilpasning: mer tid, annen arbeidstid\n- Rapportskriving – kan gjøres som vanlig",
    );
    expect(dto.tasksThatCanNotBeDone).toBe("- Tunge løft på lageret – kan ikke gjøres nå");
    expect(dto.plannedFacilitation).toContain("Tiltak:\n- ergonomisk stol – ansvarlig: Leder, frist: 1. feb. 2026, status: Avtalt");
    expect(dto.followUp).toContain("Leder: Ukentlig samtale på fredager.");
  });

  it("never exports private text", () => {
    const text = JSON.stringify(toLpsFollowUpPlan(confirmedPlan(), context));
    expect(text).not.toContain(PRIVATE_TEXT);
    expect(text).not.toContain(DIAGNOSIS_TEXT);
  });

  it("sets the 'has not contributed' description exactly when the employee did not take part", () => {
    const plan = {
      ...confirmedPlan(),
      employeeHasContributedToPlan: false,
      employeeHasNotContributedToPlanDescription: { leader: "Var ikke tilgjengelig." },
    };
    const dto = toLpsFollowUpPlan(plan, context);
    expect(dto.employeeHasContributedToPlan).toBe(false);
    expect(dto.employeeHasNotContributedToPlanDescription).toBe("Leder: Var ikke tilgjengelig.");
  });

  it("refuses an incomplete plan and one NAV would reject", () => {
    expect(() => toLpsFollowUpPlan(emptyPlanContent(), context)).toThrow(LpsExportError);
    const helpWithoutSending = { ...confirmedPlan(), needsHelpFromNav: true, needsHelpFromNavDescription: { leader: "Tilskudd." } };
    expect(() => toLpsFollowUpPlan(helpWithoutSending, context)).toThrow(/needsHelpFromNav cannot be true/);
    expect(() => toLpsFollowUpPlan(confirmedPlan(), { ...context, employeeIdentificationNumber: "123" })).toThrow(LpsExportError);
  });
});

describe("lpsFollowUpPlanSchema", () => {
  const valid = () => JSON.parse(JSON.stringify(toLpsFollowUpPlan(confirmedPlan(), context))) as Record<string, unknown>;

  it("mirrors NAV's types and required fields", () => {
    expect(lpsFollowUpPlanSchema.safeParse({ ...valid(), evaluationDate: "02.03.2026" }).success).toBe(false);
    expect(lpsFollowUpPlanSchema.safeParse({ ...valid(), sendPlanToNav: "false" }).success).toBe(false);
    const withoutFollowUp = valid();
    delete withoutFollowUp.followUp;
    expect(lpsFollowUpPlanSchema.safeParse(withoutFollowUp).success).toBe(false);
    const withoutOptional = valid();
    delete withoutOptional.otherFacilitationOptions;
    delete withoutOptional.lpsEmail;
    expect(lpsFollowUpPlanSchema.safeParse(withoutOptional).success).toBe(true);
    expect(lpsFollowUpPlanSchema.safeParse({ ...valid(), extraField: 1 }).success).toBe(false);
  });

  it("applies NAV's cross-field rules", () => {
    expect(lpsFollowUpPlanSchema.safeParse({ ...valid(), employeeHasNotContributedToPlanDescription: "x" }).success).toBe(false);
    expect(lpsFollowUpPlanSchema.safeParse({ ...valid(), employeeHasContributedToPlan: false }).success).toBe(false);
    expect(
      lpsFollowUpPlanSchema.safeParse({ ...valid(), sendPlanToNav: true, needsHelpFromNav: true, needsHelpFromNavDescription: null }).success,
    ).toBe(false);
    expect(
      lpsFollowUpPlanSchema.safeParse({ ...valid(), sendPlanToNav: true, needsHelpFromNav: true, needsHelpFromNavDescription: "Tilskudd" }).success,
    ).toBe(true);
  });
});
