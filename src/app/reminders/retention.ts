// Retention (docs/follow-up-plan.md, NAV's practice): unfinished dialogue drafts are
// deleted 4 months after their last change; plans are hidden from the leader 6 months
// after the case's last sick day, and deleted (every version, one-sided drafts too, and
// the dialogues they were made from) PLAN_RETENTION_MONTHS after it. Each step is a conditional write per row, so two
// processes running it at once (they should not: the job holds a lease) change and
// audit each row once.
import { DateTime } from "luxon";
import { localDateOf } from "../../domain/time/zone.js";
import type { AppContext } from "../context.js";
import { SCHEDULER_ACTOR, audit } from "../audit.js";
import { closeEndedCases } from "../cases.js";
import { scrubLeftOutPrivateText } from "../privateText.js";

export const DRAFT_RETENTION_MONTHS = 4;
/** Platforms retry a delivery within minutes (Slack) or hours; a week of remembered ids is ample. */
export const PROCESSED_EVENT_RETENTION_DAYS = 7;
export const LEADER_PLAN_VISIBILITY_MONTHS = 6;
const BATCH = 500;

export interface RetentionReport {
  draftsDeleted: number;
  plansHidden: number;
  plansDeleted: number;
  privateTextRemoved: number;
  processedEventsPruned: number;
  /** The day rollover of the case read model: cases whose last sick day has passed. */
  casesClosed: number;
}

export async function runRetention(ctx: AppContext, now: Date): Promise<RetentionReport> {
  const { db } = ctx;
  const report: RetentionReport = { draftsDeleted: 0, plansHidden: 0, plansDeleted: 0, privateTextRemoved: 0, processedEventsPruned: 0, casesClosed: 0 };
  // In the workspace's zone: a day's slack either way only means the first read repairs a row.
  report.casesClosed = await closeEndedCases(db, localDateOf(now, ctx.config.TZ_DEFAULT));

  // lastActivityAt is the draft's last change as the person saw it (the conversation's clock).
  const draftCutoff = DateTime.fromJSDate(now).minus({ months: DRAFT_RETENTION_MONTHS }).toJSDate();
  const unfinished = ["active", "cancelled", "expired"];
  for (;;) {
    const drafts = await db.dialogueSession.findMany({
      where: { status: { in: unfinished }, lastActivityAt: { lt: draftCutoff } },
      select: { id: true, personId: true, subjectId: true, dialogueId: true, lastActivityAt: true },
      take: BATCH,
    });
    for (const draft of drafts) {
      const deleted = await db.dialogueSession.deleteMany({ where: { id: draft.id, status: { in: unfinished }, lastActivityAt: { lt: draftCutoff } } });
      if (deleted.count === 0) continue;
      report.draftsDeleted += 1;
      await audit(db, {
        actor: SCHEDULER_ACTOR,
        subjectId: draft.subjectId,
        action: "change",
        entity: "dialogue",
        entityId: draft.id,
        detail: { op: "retention.deleteDraft", dialogueId: draft.dialogueId, lastChange: draft.lastActivityAt.toISOString() },
      });
    }
    if (drafts.length < BATCH) break;
  }

  // Case end dates are calendar dates: compare with today in the workspace's zone.
  const today = localDateOf(now, ctx.config.TZ_DEFAULT);
  const caseCutoff = DateTime.fromISO(today).minus({ months: LEADER_PLAN_VISIBILITY_MONTHS }).toISODate()!;
  const plans = await db.$queryRaw<Array<{ id: string; employeeId: string; endDate: string }>>`
    SELECT p."id" AS "id", p."employeeId" AS "employeeId", c."endDate" AS "endDate"
      FROM "Plan" p JOIN "SickCase" c ON c."id" = p."caseId"
     WHERE p."hiddenFromLeaderAt" IS NULL AND c."voidedAt" IS NULL AND c."endDate" IS NOT NULL AND c."endDate" <= ${caseCutoff}`;
  for (const plan of plans) {
    const hidden = await db.plan.updateMany({ where: { id: plan.id, hiddenFromLeaderAt: null }, data: { hiddenFromLeaderAt: now } });
    if (hidden.count === 0) continue;
    report.plansHidden += 1;
    await audit(db, {
      actor: SCHEDULER_ACTOR,
      subjectId: plan.employeeId,
      action: "change",
      entity: "plan",
      entityId: plan.id,
      detail: { op: "retention.hideFromLeader", caseEnd: plan.endDate },
    });
  }
  report.plansDeleted = await deleteOldPlans(ctx, today);
  await deleteOldScreenings(ctx, today);
  report.privateTextRemoved = await scrubLeftOutPrivateText(ctx);
  // The ids of platform deliveries already handled only guard against retries; old ones can go.
  const eventCutoff = new Date(now.getTime() - PROCESSED_EVENT_RETENTION_DAYS * 86_400_000);
  report.processedEventsPruned = (await db.processedEvent.deleteMany({ where: { createdAt: { lt: eventCutoff } } })).count;
  return report;
}

/**
 * Denmark's early-effort screenings (the leader's coded indicators about the employee) go when
 * the plan would, PLAN_RETENTION_MONTHS after the case's last sick day, plan or no plan; audited.
 */
async function deleteOldScreenings(ctx: AppContext, today: string): Promise<void> {
  const { db } = ctx;
  const cutoff = DateTime.fromISO(today).minus({ months: ctx.config.PLAN_RETENTION_MONTHS }).toISODate()!;
  const old = await db.earlyScreening.findMany({
    where: { sickCase: { voidedAt: null, endDate: { not: null, lte: cutoff } } },
    select: { id: true, caseId: true, round: true, sickCase: { select: { personId: true, endDate: true } } },
  });
  for (const row of old) {
    const gone = await db.earlyScreening.deleteMany({ where: { id: row.id } });
    if (gone.count === 0) continue; // another process got there first
    await audit(db, {
      actor: SCHEDULER_ACTOR,
      subjectId: row.sickCase.personId,
      action: "change",
      entity: "case",
      entityId: row.caseId,
      detail: { op: "retention.deleteScreening", round: row.round, caseEnd: row.sickCase.endDate },
    });
  }
}

/**
 * Plans of cases whose last sick day is PLAN_RETENTION_MONTHS ago go, with their versions
 * and measures (cascade), the completed dialogues whose answers they hold, and where they
 * were posted. A plan still waiting for its first version (one side's answers only) goes too.
 */
async function deleteOldPlans(ctx: AppContext, today: string): Promise<number> {
  const { db } = ctx;
  const cutoff = DateTime.fromISO(today).minus({ months: ctx.config.PLAN_RETENTION_MONTHS }).toISODate()!;
  // A tagged template (bound parameters) with quoted identifiers: the same SQL on SQLite and
  // PostgreSQL, which folds unquoted camelCase names to lower case and has no `?` placeholders.
  const old = await db.$queryRaw<Array<{ id: string; employeeId: string; caseId: string; endDate: string; latestVersion: number }>>`
    SELECT p."id" AS "id", p."employeeId" AS "employeeId", p."caseId" AS "caseId", c."endDate" AS "endDate", p."latestVersion" AS "latestVersion"
      FROM "Plan" p JOIN "SickCase" c ON c."id" = p."caseId"
     WHERE c."voidedAt" IS NULL AND c."endDate" IS NOT NULL AND c."endDate" <= ${cutoff}`;
  let deleted = 0;
  for (const plan of old) {
    const done = await db.$transaction(async (tx) => {
      const versions = await tx.planVersion.count({ where: { planId: plan.id } });
      const gone = await tx.plan.deleteMany({ where: { id: plan.id } });
      if (gone.count === 0) return false; // another process got there first
      const dialogues = await tx.dialogueSession.deleteMany({ where: { subjectId: plan.employeeId, caseId: plan.caseId } });
      await tx.postedMessage.deleteMany({ where: { replaceKey: { startsWith: `plan:${plan.id}:` } } });
      await audit(tx, {
        actor: SCHEDULER_ACTOR,
        subjectId: plan.employeeId,
        action: "change",
        entity: "plan",
        entityId: plan.id,
        detail: { op: "retention.deletePlan", caseEnd: plan.endDate, versions, oneSidedDraft: Number(plan.latestVersion) === 0, dialogues: dialogues.count },
      });
      return true;
    });
    if (done) deleted += 1;
  }
  return deleted;
}
