// The plan version NAV gets: the confirmed version's FollowUpPlanDTO (src/exports/lps.ts),
// addressed to the recipients of this send, with the employee's leader as the contact
// person and our product as the LPS. NAV's rules are checked here, before anything is sent.
import type { Db } from "../../db/client.js";
import type { Person, Plan, PlanVersion } from "../../generated/prisma/client.js";
import { LpsExportError, toLpsFollowUpPlan, type FollowUpPlanDTO } from "../../exports/lps.js";
import { parsePlanContent } from "../../domain/plan/model.js";
import { UserError } from "../errors.js";

export const LPS_NAME = "Jobbdialog";
export const NAV_RECIPIENTS = ["nav", "doctor"] as const;
export type NavRecipient = (typeof NAV_RECIPIENTS)[number];

export interface SendablePlan {
  plan: Plan;
  version: PlanVersion;
  employee: Person;
  leader: Person;
}

/** The employee's plan version to send: the given one, else the latest confirmed one. */
export async function sendablePlan(db: Db, employee: Person, versionNumber?: number, planId?: string): Promise<SendablePlan> {
  const plan = planId
    ? await db.plan.findFirst({ where: { id: planId, employeeId: employee.id } })
    : await db.plan.findFirst({ where: { employeeId: employee.id, latestVersion: { gt: 0 } }, orderBy: { updatedAt: "desc" } });
  if (!plan) throw new UserError("nav:errors.noPlan", { name: employee.name });
  const version =
    versionNumber !== undefined
      ? await db.planVersion.findUnique({ where: { planId_version: { planId: plan.id, version: versionNumber } } })
      : await db.planVersion.findFirst({ where: { planId: plan.id, reviewStatus: "confirmed" }, orderBy: { version: "desc" } });
  if (!version) throw new UserError(versionNumber !== undefined ? "plan:errors.versionNotFound" : "nav:errors.notConfirmed", { version: versionNumber ?? plan.latestVersion, name: employee.name });
  // Only what the employee confirmed goes to NAV and the doctor.
  if (version.reviewStatus !== "confirmed") throw new UserError("nav:errors.notConfirmed", { version: version.version, name: employee.name });
  const leader = employee.leaderId ? await db.person.findUnique({ where: { id: employee.leaderId } }) : null;
  if (!leader) throw new UserError("nav:errors.noLeader", { name: employee.name });
  return { plan, version, employee, leader };
}

/** Where the plan itself says it should go (the leader's answers in the follow-up dialogue). */
export function plannedRecipients(version: PlanVersion): NavRecipient[] {
  const content = parsePlanContent(JSON.parse(version.content));
  return [...(content.sendPlanToNav === true ? (["nav"] as const) : []), ...(content.sendPlanToGeneralPractitioner === true ? (["doctor"] as const) : [])];
}

export function buildNavDto(sendable: SendablePlan, options: { nationalId: string; recipients: readonly NavRecipient[]; contactPhone: string }): FollowUpPlanDTO {
  const content = parsePlanContent(JSON.parse(sendable.version.content));
  const toNav = options.recipients.includes("nav");
  // NAV: "needsHelpFromNav cannot be true if sendPlanToNav is false".
  if (content.needsHelpFromNav === true && !toNav) throw new UserError("nav:errors.helpNeedsNav");
  try {
    return toLpsFollowUpPlan(
      { ...content, sendPlanToNav: toNav, sendPlanToGeneralPractitioner: options.recipients.includes("doctor") },
      {
        employeeIdentificationNumber: options.nationalId,
        contactPerson: { fullName: sendable.leader.name, email: sendable.leader.email, phoneNumber: options.contactPhone },
        lpsName: LPS_NAME,
        locale: "nb",
      },
    );
  } catch (error) {
    if (error instanceof LpsExportError) throw new UserError("nav:errors.planIncomplete", { fields: error.reasons.join(", ") });
    throw error;
  }
}
