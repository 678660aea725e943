// The follow-up plan as stored: one plan per case, a working draft, and immutable
// versions. A version is proposed (pending), and the employee confirms it or records
// what they disagree with; once reviewed its content never changes again.
import type { Db } from "../db/client.js";
import type { Person, Plan, PlanVersion, SickCase } from "../generated/prisma/client.js";
import { buildPlanDraft } from "../domain/plan/merge.js";
import { emptyPlanContent, parsePlanContent, type PlanContent, type PlanRole } from "../domain/plan/model.js";
import { confirmVersion, recordDisagreement } from "../domain/plan/versions.js";
import type { PlanProblem } from "../domain/plan/validation.js";
import type { AnswerSnapshot } from "../domain/plan/snapshot.js";
import type { PlanDocument } from "../domain/plan/view.js";
import { audit, type Actor } from "./audit.js";
import { UserError } from "./errors.js";

export class PlanProblems extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super(problems.map((p) => p.key).join(", "));
  }
}

/** The plan of the employee's case (or their standing plan when there is no case), created on first use. */
export async function planFor(db: Db, employee: Person, sickCase: SickCase | null): Promise<Plan> {
  return (await existingPlanFor(db, employee, sickCase)) ?? db.plan.create({ data: { employeeId: employee.id, caseId: sickCase?.id ?? null } });
}

/** The plan planFor would give, if there is one yet (nothing is created). */
export async function existingPlanFor(db: Db, employee: Pick<Person, "id">, sickCase: Pick<SickCase, "id"> | null): Promise<Plan | null> {
  return db.plan.findFirst({ where: { employeeId: employee.id, caseId: sickCase?.id ?? null }, orderBy: { createdAt: "desc" } });
}

/** A version that waits for the employee's confirmation: the plan is not agreed until they say so. */
export function awaitsConfirmation(version: Pick<PlanVersion, "reviewStatus"> | null): boolean {
  return version?.reviewStatus === "pending";
}

export async function latestVersion(db: Db, plan: Pick<Plan, "id">): Promise<PlanVersion | null> {
  return db.planVersion.findFirst({ where: { planId: plan.id }, orderBy: { version: "desc" } });
}

/** The content the next change starts from: the draft, else the latest version, else empty. */
export async function workingContent(db: Db, plan: Plan): Promise<PlanContent> {
  if (plan.draft) return parsePlanContent(JSON.parse(plan.draft));
  const latest = await latestVersion(db, plan);
  return latest ? parsePlanContent(JSON.parse(latest.content)) : emptyPlanContent();
}

/** Adds one party's answers to the draft (the other party's words are kept as they were). */
export async function addAnswersToDraft(
  db: Db,
  plan: Plan,
  role: PlanRole,
  snapshots: AnswerSnapshot[],
  actor: Actor,
  today: string,
): Promise<{ plan: Plan; content: PlanContent }> {
  const previous = await workingContent(db, plan);
  const content = buildPlanDraft({
    previous,
    [role]: snapshots,
    today,
    ...(actor.personId ? { actorIds: { [role]: actor.personId } } : {}),
  });
  const updated = await saveDraft(db, plan, content, actor);
  return { plan: updated, content };
}

export async function saveDraft(db: Db, plan: Plan, content: PlanContent, actor: Actor): Promise<Plan> {
  const updated = await db.plan.update({ where: { id: plan.id }, data: { draft: JSON.stringify(content) } });
  await audit(db, { actor, subjectId: plan.employeeId, action: "change", entity: "plan", entityId: plan.id, detail: { op: "draft" } });
  return updated;
}

/** Makes the draft the next version, waiting for the employee's review. */
export async function proposeVersion(db: Db, plan: Plan, actor: Actor, now: Date): Promise<PlanVersion> {
  const content = await workingContent(db, plan);
  return db.$transaction(async (tx) => {
    const fresh = await tx.plan.findUniqueOrThrow({ where: { id: plan.id } });
    const version = fresh.latestVersion + 1;
    const row = await tx.planVersion.create({
      // Dated by the clock (simulated in the demo), not by the database's now().
      data: { planId: plan.id, version, content: JSON.stringify(content), createdById: actor.personId ?? null, createdAt: now },
    });
    await tx.plan.update({ where: { id: plan.id }, data: { latestVersion: version, status: content.exception ? "not_needed" : "active" } });
    await syncMeasures(tx as unknown as Db, plan.id, content, now);
    await audit(tx, { actor, subjectId: plan.employeeId, action: "change", entity: "plan", entityId: plan.id, detail: { op: "propose", version } });
    return row;
  });
}

export type Review = { action: "confirm" } | { action: "disagree"; comment: string };

/** The employee (or, where the employee did not take part, the leader) reviews a pending version. */
export async function reviewVersion(
  db: Db,
  plan: Plan,
  versionNumber: number,
  review: Review,
  by: PlanRole,
  actor: Actor,
  today: string,
  now: Date,
): Promise<{ version: PlanVersion; content: PlanContent }> {
  const row = await db.planVersion.findUnique({ where: { planId_version: { planId: plan.id, version: versionNumber } } });
  if (!row) throw new UserError("plan:errors.versionNotFound", { version: versionNumber });
  if (!awaitsConfirmation(row)) throw new UserError("plan:errors.alreadyReviewed", { version: versionNumber });
  if (versionNumber !== plan.latestVersion) throw new UserError("plan:errors.notLatest", { version: versionNumber, latest: plan.latestVersion });
  const content = parsePlanContent(JSON.parse(row.content));
  const result =
    review.action === "confirm"
      ? confirmVersion(content, { by, today })
      : (() => {
          const r = recordDisagreement(content, { by, text: review.comment, onVersion: versionNumber, date: today });
          return r.ok ? r : { ok: false as const, error: [r.error] };
        })();
  if (!result.ok) throw new PlanProblems(result.error);
  const reviewed = result.value;
  const version = await db.$transaction(async (tx) => {
    // The review is the last change a version gets: from here on it is immutable.
    const done = await tx.planVersion.updateMany({
      where: { id: row.id, reviewStatus: "pending" },
      data: {
        content: JSON.stringify(reviewed),
        reviewStatus: review.action === "confirm" ? "confirmed" : "disagreed",
        reviewedAt: now,
        disagreement: review.action === "disagree" ? review.comment : null,
      },
    });
    if (done.count !== 1) throw new UserError("plan:errors.alreadyReviewed", { version: versionNumber });
    // The next round starts from the reviewed content (agreed measures, the recorded disagreement).
    await tx.plan.update({ where: { id: plan.id }, data: { draft: JSON.stringify(reviewed) } });
    await syncMeasures(tx as unknown as Db, plan.id, reviewed, now);
    await audit(tx, { actor, subjectId: plan.employeeId, action: "change", entity: "plan", entityId: plan.id, detail: { op: review.action, version: versionNumber } });
    return tx.planVersion.findUniqueOrThrow({ where: { id: row.id } });
  });
  return { version, content: reviewed };
}

/** Mirrors the plan's measures into rows the scheduler can query by due date. */
export async function syncMeasures(db: Db, planId: string, content: PlanContent, at?: Date): Promise<void> {
  const stamp = at ? { updatedAt: at } : {};
  for (const m of content.measures) {
    await db.measure.upsert({
      where: { planId_key: { planId, key: m.id } },
      create: { planId, key: m.id, title: m.title, owner: m.owner, dueDate: m.dueDate ?? null, status: m.status, ...stamp },
      update: { title: m.title, owner: m.owner, dueDate: m.dueDate ?? null, status: m.status, ...stamp },
    });
  }
}

/** A version ready to render (Markdown, PDF, chat summary). */
export function planDocument(
  version: PlanVersion,
  employee: Person,
  leader: Person | null,
  sickCase: Pick<SickCase, "startDate"> | null,
  confirmedOn?: string,
): PlanDocument {
  return {
    content: parsePlanContent(JSON.parse(version.content)),
    version: version.version,
    ...(confirmedOn ? { confirmedAt: confirmedOn } : {}),
    employeeName: employee.name,
    leaderName: leader?.name ?? "",
    ...(sickCase ? { caseStart: sickCase.startDate } : {}),
    createdAt: version.createdAt.toISOString().slice(0, 10),
  };
}
