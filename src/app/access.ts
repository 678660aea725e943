// Who may do what with someone's case. The plan belongs to the employee; their leader
// (and a substitute covering for the leader) and HR admins may read it and work on the
// leader's side; the ARR team only ever sees the consented summary; colleagues and
// strangers nothing. The rule for every command that acts on a case is one row of
// CASE_PERMISSIONS below, and every channel, job and view asks `authorize`, where the
// command is executed. A refusal says the same whether or not the person or case exists.
import type { Db } from "../db/client.js";
import type { Person } from "../generated/prisma/client.js";
import { activeSubstitutes, isArrMember, isHrAdmin } from "./people.js";
import { UserError } from "./errors.js";
import type { DialogueId } from "../domain/dialogue/definitions/index.js";

/** How a person relates to an employee's case, strongest first. */
export const RELATIONS = ["self", "leader", "substitute", "hr", "arr", "peer", "stranger"] as const;
export type Relation = (typeof RELATIONS)[number];
/** Relations that may see the case at all (the ARR team sees only the consented summary, elsewhere). */
export type CaseRelation = Extract<Relation, "self" | "leader" | "substitute" | "hr">;

/**
 * Every command that acts on a case, and the relations that may execute it. Commands
 * that have no target (report, consent, absence change) always act on the person's own
 * case; they are listed so the table is the whole truth.
 */
export const CASE_PERMISSIONS = {
  /** Read the plan and case (chat "plan", the tab, the PDF). */
  "plan.read": ["self", "leader", "substitute", "hr"],
  /**
   * The case's timeline (chat "tidslinje", the export's section). The ARR team sees its
   * summary-level cut only while the employee consents (src/app/timeline.ts asks that
   * apart, at every look); without consent it is refused like anyone outside the case.
   */
  "timeline.read": ["self", "leader", "substitute", "hr"],
  /** Start one of the employee's own dialogues (follow-up, contact preferences). */
  "dialogue.employee": ["self"],
  /** Start a leader-side dialogue about the employee (leader's follow-up, measures, evaluation, plan not needed). */
  "dialogue.leader": ["leader", "substitute", "hr"],
  /** Mark a statutory milestone done, snoozed or not needed. */
  "milestone.set": ["leader", "substitute", "hr"],
  /** Update a measure the employee owns (done, postpone, not relevant). */
  "measure.employeeOwned": ["self", "leader", "substitute", "hr"],
  /** Update a measure owned by the leader, HR, occupational health, NAV or the ARR team. */
  "measure.otherOwned": ["leader", "substitute", "hr"],
  /** Confirm a pending plan version: only the employee says the plan is agreed. */
  "plan.confirm": ["self"],
  /** Record what she disagrees with (or open the dialogue to write it): only the employee. */
  "plan.disagree": ["self"],
  /** Send a confirmed version to NAV and the doctor (NAV's LPS API): the employer's duty, under its Maskinporten token. */
  "plan.sendToNav": ["leader", "substitute", "hr"],
  /** "Who has seen my plan?": the reads of her case by others. */
  "audit.own": ["self"],
  /** Export the audit log of a case (cli audit export). */
  "audit.export": ["hr"],
  /** Report sickness, change a period, give or withdraw the ARR consent: one's own case only. */
  "report": ["self"],
  "absence.change": ["self"],
  "consent": ["self"],
  /**
   * Write (or rewrite) a team's agreed routine (the team_routine dialogue). The "case" here is the
   * leader whose team it is: the leader herself, or HR for a named leader. Never a colleague, a
   * member of the team, a substitute or the leader's own leader. The team must exist (checked
   * with it, src/app/routines.ts).
   */
  "routine.write": ["self", "hr"],
  /**
   * Denmark's early effort: the screening is the leader's own assessment (the leader, or a
   * substitute covering), never HR's or a colleague's; so is offering the fast track to the
   * employee and recording that the request went to the jobcenter.
   */
  "earlyEffort.screen": ["leader", "substitute"],
  "fastTrack.offer": ["leader", "substitute"],
  /** The fast track is voluntary: only the employee agrees to it, declines it, or asks for it herself. */
  "fastTrack.agree": ["self"],
} as const satisfies Record<string, readonly Relation[]>;
export type CaseAction = keyof typeof CASE_PERMISSIONS;
export const CASE_ACTIONS = Object.keys(CASE_PERMISSIONS) as CaseAction[];

/** The permission a dialogue about a case needs (started by a button or from a plan view). */
export const DIALOGUE_ACTIONS = {
  report_sickness: "report",
  change_absence: "absence.change",
  contact_preferences: "dialogue.employee",
  employee_followup: "dialogue.employee",
  plan_disagreement: "plan.disagree",
  leader_followup: "dialogue.leader",
  measures: "dialogue.leader",
  evaluation: "dialogue.leader",
  plan_not_needed: "dialogue.leader",
  propose_measure: "dialogue.employee",
  team_routine: "routine.write",
  dk_screening: "earlyEffort.screen",
} as const satisfies Record<DialogueId, CaseAction>;

export function mayExecute(action: CaseAction, relation: Relation): boolean {
  return (CASE_PERMISSIONS[action] as readonly Relation[]).includes(relation);
}

/** How `viewer` relates to `employee` on `date` (the strongest relation wins). */
export async function relationTo(db: Db, viewer: Person, employee: Person, date: string): Promise<Relation> {
  if (viewer.id === employee.id) return "self";
  if (employee.leaderId === viewer.id) return "leader";
  if (employee.leaderId) {
    const subs = await activeSubstitutes(db, employee.leaderId, date);
    if (subs.some((s) => s.id === viewer.id)) return "substitute";
  }
  if (isHrAdmin(viewer)) return "hr";
  if (isArrMember(viewer)) return "arr";
  if (employee.leaderId && viewer.leaderId === employee.leaderId) return "peer";
  return "stranger";
}

/**
 * Checks `action` for `viewer` on `employee`'s case and returns the relation. Throws one
 * refusal per action, the same for "no such person or case" and "not yours", so nothing leaks.
 */
export async function authorize(db: Db, viewer: Person, employee: Person | null | undefined, action: CaseAction, date: string): Promise<Relation> {
  if (!employee) throw refusal(action);
  const relation = await relationTo(db, viewer, employee, date);
  if (!mayExecute(action, relation)) throw refusal(action);
  return relation;
}

/** The refusal for an action: "you do not have access", and who may do it (no word about the case). */
export function refusal(action: CaseAction): UserError {
  // One text for both measure rows: which one applied would tell who owns the measure.
  const reason = action.startsWith("measure.") ? "measure" : action;
  return new UserError("common:errors.forbidden", {}, [{ key: `access:refused.${reason}` }]);
}

/** Reading the case (kept for the views that only read). */
export async function requireCaseAccess(db: Db, viewer: Person, employee: Person | null, date: string): Promise<CaseRelation> {
  return (await authorize(db, viewer, employee, "plan.read", date)) as CaseRelation;
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
