// The plan as NAV's FollowUpPlanDTO (navikt/lps-oppfolgingsplan-mottak, POST
// /api/v1/followupplan), the API through which third-party systems send plans to NAV
// and the employee's GP. Field names and types follow NAV's DTO and validator:
// evaluationDate is a LocalDate (YYYY-MM-DD); the employee's national identity number
// has 11 digits; needsHelpFromNav may only be true when the plan is sent to NAV, and
// then needs a description; the "has not contributed" description is set exactly
// when employeeHasContributedToPlan is false. NAV's plan text is Norwegian, so the
// default locale is bokmål.
//
// Only the plan's shared fields are read; private answers never reach them, and the
// raw snapshots are not read at all.
import { z } from "zod";
import { type Locale, translator } from "../i18n/index.js";
import type { PlanContent, Voices } from "../domain/plan/model.js";
import { hasVoice } from "../domain/plan/model.js";
import { composeVoices, derivedTaskTexts, measureLine, type PlanLocalizer } from "../domain/plan/text.js";
import { taskKey } from "../domain/plan/tasks.js";
import { missingRequiredFields } from "../domain/plan/versions.js";
import { isIsoDate } from "../domain/time/localDate.js";

const nullableText = z.string().nullable();

/** Mirrors NAV's FollowUpPlanDTO: required, nullable and optional exactly as NAV declares them. */
export const lpsFollowUpPlanSchema = z
  .strictObject({
    employeeIdentificationNumber: z.string().regex(/^\d{11}$/),
    typicalWorkday: z.string(),
    tasksThatCanStillBeDone: z.string(),
    tasksThatCanNotBeDone: z.string(),
    previousFacilitation: z.string(),
    plannedFacilitation: z.string(),
    otherFacilitationOptions: nullableText.optional(),
    followUp: z.string(),
    evaluationDate: z.string().refine(isIsoDate, { message: "evaluationDate must be a LocalDate YYYY-MM-DD" }),
    sendPlanToNav: z.boolean(),
    needsHelpFromNav: z.boolean().nullable().optional(),
    needsHelpFromNavDescription: nullableText.optional(),
    sendPlanToGeneralPractitioner: z.boolean(),
    messageToGeneralPractitioner: nullableText.optional(),
    additionalInformation: nullableText.optional(),
    contactPersonFullName: z.string(),
    contactPersonPhoneNumber: z.string(),
    contactPersonEmail: z.string(),
    employeeHasContributedToPlan: z.boolean(),
    employeeHasNotContributedToPlanDescription: nullableText.optional(),
    lpsName: z.string(),
    lpsEmail: nullableText.optional(),
  })
  .superRefine((plan, ctx) => {
    if (plan.needsHelpFromNav === true && !plan.sendPlanToNav) {
      ctx.addIssue({ code: "custom", path: ["needsHelpFromNav"], message: "needsHelpFromNav cannot be true if sendPlanToNav is false" });
    }
    if (plan.needsHelpFromNav === true && !plan.needsHelpFromNavDescription?.trim()) {
      ctx.addIssue({
        code: "custom",
        path: ["needsHelpFromNavDescription"],
        message: "needsHelpFromNavDescription is obligatory if needsHelpFromNav is true",
      });
    }
    const description = plan.employeeHasNotContributedToPlanDescription;
    if (!plan.employeeHasContributedToPlan && !description?.trim()) {
      ctx.addIssue({
        code: "custom",
        path: ["employeeHasNotContributedToPlanDescription"],
        message: "employeeHasNotContributedToPlanDescription is mandatory if employeeHasContributedToPlan = false",
      });
    }
    if (plan.employeeHasContributedToPlan && description) {
      ctx.addIssue({
        code: "custom",
        path: ["employeeHasNotContributedToPlanDescription"],
        message: "employeeHasNotContributedToPlanDescription should not be set if employeeHasContributedToPlan = true",
      });
    }
  });
export type FollowUpPlanDTO = z.infer<typeof lpsFollowUpPlanSchema>;

/** What NAV needs besides the plan: who the employee is, the employer's contact person, our system. */
export interface LpsContext {
  employeeIdentificationNumber: string;
  contactPerson: { fullName: string; phoneNumber: string; email: string };
  lpsName: string;
  lpsEmail?: string;
  messageToGeneralPractitioner?: string;
  additionalInformation?: string;
  /** Language of the composed texts; NAV reads Norwegian (default "nb"). */
  locale?: Locale;
}

export class LpsExportError extends Error {
  constructor(
    message: string,
    readonly reasons: string[],
  ) {
    super(message);
    this.name = "LpsExportError";
  }
}

export function toLpsFollowUpPlan(content: PlanContent, context: LpsContext): FollowUpPlanDTO {
  const missing = missingRequiredFields(content);
  if (missing.length > 0 || content.evaluationDate === null) {
    throw new LpsExportError(`The plan lacks required fields: ${missing.join(", ")}`, missing);
  }
  const locale = context.locale ?? "nb";
  const loc: PlanLocalizer = { locale, t: translator(locale) };
  const { t } = loc;
  const text = (voices: Voices) => composeVoices(voices, t);
  const orNone = (value: string) => (value === "" ? t("plan:lps.none") : value);
  const orNull = (value: string) => (value === "" ? null : value);
  const labelled = (labelKey: string, value: string) => (value === "" ? "" : `${t(labelKey)}:\n${value}`);
  const join = (...parts: string[]) => parts.filter((p) => p !== "").join("\n\n");
  const list = (lines: string[]) => lines.map((line) => `- ${line}`).join("\n");

  const tasks = derivedTaskTexts(content, t);
  const open = content.measures.filter((m) => m.status === "proposed" || m.status === "agreed");
  const done = content.measures.filter((m) => m.status === "done");
  const sendPlanToNav = content.sendPlanToNav === true;
  const needsHelpFromNav = content.needsHelpFromNav === true;
  const contributed = content.employeeHasContributedToPlan === true;

  const dto: FollowUpPlanDTO = {
    employeeIdentificationNumber: context.employeeIdentificationNumber,
    // Confirming needs a typical workday or assessed tasks; without the former, the main tasks describe the day.
    typicalWorkday: orNone(
      hasVoice(content.typicalWorkday) ? text(content.typicalWorkday) : labelled("plan:fields.mainTasks", list(taskNames(content))),
    ),
    tasksThatCanStillBeDone: orNone(tasks.canStillBeDone),
    tasksThatCanNotBeDone: orNone(tasks.canNotBeDone),
    previousFacilitation: orNone(join(text(content.previousFacilitation), labelled("plan:lps.doneMeasures", list(done.map((m) => measureLine(m, loc)))))),
    plannedFacilitation: orNone(join(text(content.plannedFacilitation), labelled("plan:lps.measures", list(open.map((m) => measureLine(m, loc)))))),
    otherFacilitationOptions: orNull(join(text(content.otherFacilitationOptions), labelled("plan:fields.otherSuitableTasks", text(content.otherSuitableTasks)))),
    followUp: text(content.followUp),
    evaluationDate: content.evaluationDate,
    sendPlanToNav,
    needsHelpFromNav,
    needsHelpFromNavDescription: needsHelpFromNav ? orNull(text(content.needsHelpFromNavDescription)) : null,
    sendPlanToGeneralPractitioner: content.sendPlanToGeneralPractitioner === true,
    messageToGeneralPractitioner: context.messageToGeneralPractitioner ?? null,
    additionalInformation: context.additionalInformation ?? null,
    contactPersonFullName: context.contactPerson.fullName,
    contactPersonPhoneNumber: context.contactPerson.phoneNumber,
    contactPersonEmail: context.contactPerson.email,
    employeeHasContributedToPlan: contributed,
    employeeHasNotContributedToPlanDescription: contributed ? null : orNull(text(content.employeeHasNotContributedToPlanDescription)),
    lpsName: context.lpsName,
    lpsEmail: context.lpsEmail ?? null,
  };

  // NAV rejects these; say so here rather than in NAV's 400 response.
  const checked = lpsFollowUpPlanSchema.safeParse(dto);
  if (!checked.success) {
    const reasons = checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new LpsExportError(`The plan cannot be sent to NAV: ${reasons.join("; ")}`, reasons);
  }
  return checked.data;
}

function taskNames(content: PlanContent): string[] {
  const names = content.tasks.map((task) => task.name);
  for (const name of content.mainTasks) {
    if (!names.some((n) => taskKey(n) === taskKey(name))) names.push(name);
  }
  return names;
}
