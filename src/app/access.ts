// Who may see what. The plan belongs to the employee; their leader (and a
// substitute covering for the leader) and HR admins may read it; the ARR team
// only ever sees the consented summary. Everyone else gets a refusal that says
// nothing about whether a case exists.
import type { Db } from "../db/client.js";
import type { Person } from "../generated/prisma/client.js";
import { activeSubstitutes, isHrAdmin } from "./people.js";
import { UserError } from "./errors.js";

export type Relation = "self" | "leader" | "substitute" | "hr" | "none";

/** How `viewer` relates to `employee` on `date` (the strongest relation wins). */
export async function relationTo(db: Db, viewer: Person, employee: Person, date: string): Promise<Relation> {
  if (viewer.id === employee.id) return "self";
  if (employee.leaderId === viewer.id) return "leader";
  if (employee.leaderId) {
    const subs = await activeSubstitutes(db, employee.leaderId, date);
    if (subs.some((s) => s.id === viewer.id)) return "substitute";
  }
  if (isHrAdmin(viewer)) return "hr";
  return "none";
}

/** Throws the same refusal for "no such person" and "not yours", so nothing leaks. */
export async function requireCaseAccess(db: Db, viewer: Person, employee: Person | null, date: string): Promise<Exclude<Relation, "none">> {
  if (!employee) throw new UserError("common:errors.forbidden");
  const relation = await relationTo(db, viewer, employee, date);
  if (relation === "none") throw new UserError("common:errors.forbidden");
  return relation;
}

/**
 * Retention: six months after the case's last sick day the plan is hidden from the leader side
 * (the leader and a substitute); the employee and HR still see it. The one home of that rule.
 */
export function planHiddenFrom(plan: { hiddenFromLeaderAt: Date | null }, relation: Relation): boolean {
  return plan.hiddenFromLeaderAt !== null && (relation === "leader" || relation === "substitute");
}

/** The audit label for an actor acting in a relation. */
export function actorFor(viewer: Person, relation: Relation): { personId: string; label: string } {
  return { personId: viewer.id, label: relation === "self" ? "employee" : relation };
}

/** People this viewer leads directly or covers for today. */
export async function teamOf(db: Db, viewer: Person, date: string): Promise<Person[]> {
  const covering = await db.leaderSubstitution.findMany({
    where: { substituteId: viewer.id, endedAt: null, fromDate: { lte: date }, OR: [{ untilDate: null }, { untilDate: { gte: date } }] },
    select: { leaderId: true },
  });
  const leaderIds = [viewer.id, ...covering.map((c) => c.leaderId)];
  return db.person.findMany({ where: { leaderId: { in: leaderIds }, NOT: { id: viewer.id } }, orderBy: { name: "asc" } });
}
