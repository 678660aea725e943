// Showing a plan version in chat (to review it, or to read it as the leader).
import type { Message } from "../../domain/messages/model.js";
import { renderPlanSummaryMessage } from "../../domain/plan/summaryMessage.js";
import type { PlanRole } from "../../domain/plan/model.js";
import type { Person } from "../../generated/prisma/client.js";
import type { Translate, Locale } from "../../i18n/index.js";
import type { Db } from "../../db/client.js";
import { awaitsConfirmation, planDocument } from "../plans.js";
import { localDateOf } from "../../domain/time/zone.js";
import { navStatusBlocks } from "../nav/messages.js";

export async function planVersionMessage(
  env: { ctx: { db: Db }; t: Translate; locale: Locale },
  employee: Person,
  planId: string,
  versionNumber: number,
  viewer: PlanRole,
): Promise<Message> {
  const { db } = env.ctx;
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId } });
  const version = await db.planVersion.findUniqueOrThrow({ where: { planId_version: { planId, version: versionNumber } } });
  const leader = employee.leaderId ? await db.person.findUnique({ where: { id: employee.leaderId } }) : null;
  const sickCase = plan.caseId ? await db.sickCase.findUnique({ where: { id: plan.caseId } }) : null;
  const confirmedOn = version.reviewStatus === "confirmed" && version.reviewedAt ? localDateOf(version.reviewedAt, employee.timeZone) : undefined;
  const doc = planDocument(version, employee, leader, sickCase, confirmedOn);
  const message = renderPlanSummaryMessage({ planId, document: doc, viewer, locale: env.locale, t: env.t });
  // Only a pending version can be reviewed: a reviewed one is shown without the buttons.
  if (!awaitsConfirmation(version)) message.blocks = message.blocks.filter((b) => b.kind !== "actions");
  // Where this version went through NAV's API (sent, waiting, refused), for everyone who reads it.
  message.blocks.push(...(await navStatusBlocks(db, env, planId, versionNumber, employee.timeZone)));
  return message;
}

export function planReviewMessage(env: { ctx: { db: Db }; t: Translate; locale: Locale }, employee: Person, planId: string, version: number): Promise<Message> {
  return planVersionMessage(env, employee, planId, version, "employee");
}
