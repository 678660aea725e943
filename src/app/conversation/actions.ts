// Button actions outside dialogues: a leader settles a milestone (done, snooze,
// not needed), an owner updates a measure, the employee reviews a plan version.
// Each is idempotent: the same click twice leaves the same state and says so.
import type { Command } from "../../domain/messages/commands.js";
import type { Message } from "../../domain/messages/model.js";
import { applyMeasureAction } from "../../domain/plan/measures.js";
import { MILESTONE_IDS, milestoneTitleKey, type MilestoneId } from "../../domain/milestones/index.js";
import { addDays } from "../../domain/time/localDate.js";
import { parsePlanContent } from "../../domain/plan/model.js";
import { actorFor, authorize, refusal } from "../access.js";
import { audit } from "../audit.js";
import { UserError } from "../errors.js";
import { hasConsent, setConsent } from "../consents.js";
import { enqueue } from "../notify/outbox.js";
import { leadersOf } from "../people.js";
import type { Person } from "../../generated/prisma/client.js";
import { PlanProblems, reviewVersion, saveDraft, syncMeasures, workingContent } from "../plans.js";
import { workspaceOf } from "../workspaces.js";
import { arrMayKnow } from "../disclosure.js";
import { parseAgreement } from "../../domain/agreement/index.js";
import type { Turn } from "./conversation.js";
import type { StartDialogue } from "./planCommand.js";
import { date } from "./views.js";
import type { KindPayload } from "../notify/kinds/index.js";

function note(text: string, style: "success" | "muted" | "warning" = "success"): Message {
  return { summary: text, blocks: [{ kind: "text", text, style }] };
}

export async function milestoneCommand(turn: Turn, cmd: Extract<Command, { type: "milestone" }>, start: StartDialogue): Promise<Message[]> {
  const { db } = turn.ctx;
  const sickCase = await db.sickCase.findUnique({ where: { id: cmd.caseId } });
  const employee = sickCase ? await db.person.findUnique({ where: { id: sickCase.personId } }) : null;
  const relation = await authorize(db, turn.person, employee, "milestone.set", turn.today);
  if (!(MILESTONE_IDS as readonly string[]).includes(cmd.milestoneId)) throw refusal("milestone.set");
  const title = turn.t(milestoneTitleKey(cmd.milestoneId as MilestoneId));
  if (cmd.action === "open_not_needed") return start({ employee: employee!, role: "leader" }, "plan_not_needed");

  const existing = await db.milestoneState.findUnique({ where: { caseId_milestoneId: { caseId: cmd.caseId, milestoneId: cmd.milestoneId } } });
  const snoozedUntil = cmd.action === "snooze" ? addDays(turn.today, cmd.snoozeDays ?? 1) : null;
  const state = cmd.action === "snooze" ? "snoozed" : cmd.action;
  if (state === "not_needed" && !cmd.reason?.trim()) throw new UserError("bot:milestone.reasonNeeded");
  if (existing && existing.state === state && existing.snoozedUntil === snoozedUntil) {
    return [note(turn.t("bot:milestone.already", { milestone: title }), "muted")];
  }
  await db.milestoneState.upsert({
    where: { caseId_milestoneId: { caseId: cmd.caseId, milestoneId: cmd.milestoneId } },
    create: { caseId: cmd.caseId, milestoneId: cmd.milestoneId, state, snoozedUntil, reason: cmd.reason ?? null, setById: turn.person.id, setAt: turn.now },
    update: { state, snoozedUntil, reason: cmd.reason ?? null, setById: turn.person.id, setAt: turn.now },
  });
  // Done or not needed: the pending nudges about it have nothing left to say.
  if (state !== "snoozed") {
    await db.outbox.updateMany({ where: { caseId: cmd.caseId, milestoneId: cmd.milestoneId, status: "pending" }, data: { status: "cancelled" } });
  }
  await audit(db, { actor: actorFor(turn.person, relation), subjectId: employee!.id, action: "change", entity: "milestone", entityId: cmd.caseId, detail: { milestoneId: cmd.milestoneId, state } });
  const key = state === "snoozed" ? "bot:milestone.snoozed" : state === "done" ? "bot:milestone.done" : "bot:milestone.notNeeded";
  return [note(turn.t(key, { milestone: title, name: employee!.name, date: date(turn, snoozedUntil) }))];
}

export async function measureCommand(turn: Turn, cmd: Extract<Command, { type: "measure" }>): Promise<Message[]> {
  const { db } = turn.ctx;
  const row = await db.measure.findUnique({ where: { id: cmd.measureId }, include: { plan: true } });
  const employee = row ? await db.person.findUnique({ where: { id: row.plan.employeeId } }) : null;
  // The employee updates their own measures; the leader side (leader, substitute, HR) any measure,
  // since it follows up those owned by occupational health, NAV or the ARR team too.
  const relation = await authorize(db, turn.person, employee, row?.owner === "employee" ? "measure.employeeOwned" : "measure.otherOwned", turn.today);
  if (!row) throw refusal("measure.otherOwned");
  const content = await workingContent(db, row.plan);
  const current = content.measures.find((m) => m.id === row.key);
  const target = cmd.action === "postpone" ? "agreed" : cmd.action;
  if (current && current.status === target && cmd.action !== "postpone") {
    return [note(turn.t("bot:measure.already", { title: row.title }), "muted")];
  }
  const by = turn.person.id;
  const action =
    cmd.action === "postpone"
      ? { type: "postpone" as const, newDueDate: addDays(current?.dueDate && current.dueDate > turn.today ? current.dueDate : turn.today, cmd.postponeDays ?? 7), note: turn.t("bot:measure.postponedNote") }
      : { type: cmd.action };
  const result = applyMeasureAction(content, row.key, action, { today: turn.today, by });
  if (!result.ok) throw new PlanProblems([result.error]);
  await saveDraft(db, row.plan, result.value, actorFor(turn.person, relation));
  await syncMeasures(db, row.planId, result.value, turn.now);
  await db.outbox.updateMany({ where: { measureId: row.id, status: "pending" }, data: { status: "cancelled" } });
  const updated = result.value.measures.find((m) => m.id === row.key);
  return [note(turn.t(`bot:measure.${cmd.action}`, { title: row.title, date: date(turn, updated?.dueDate) }))];
}

export async function reviewCommand(turn: Turn, cmd: Extract<Command, { type: "plan.review" }>, start: StartDialogue): Promise<Message[]> {
  const { db } = turn.ctx;
  const plan = await db.plan.findUnique({ where: { id: cmd.planId } });
  const employee = plan ? await db.person.findUnique({ where: { id: plan.employeeId } }) : null;
  // Only the employee confirms or disagrees: the leader side can never speak in her name.
  const relation = await authorize(db, turn.person, employee, cmd.action === "confirm" ? "plan.confirm" : "plan.disagree", turn.today);
  const by = "employee" as const;
  if (cmd.action === "disagree" && !cmd.comment?.trim()) {
    // Ask what they disagree with; the answer comes back as a review with a comment.
    return start({ employee: employee!, role: "employee" }, "plan_disagreement");
  }
  const review = cmd.action === "confirm" ? { action: "confirm" as const } : { action: "disagree" as const, comment: cmd.comment!.trim() };
  const { version } = await reviewVersion(db, plan!, cmd.version, review, by, actorFor(turn.person, relation), turn.today, turn.now);
  await afterReview(turn, plan!.id, employee!, version.version, cmd.action);
  return [note(turn.t(cmd.action === "confirm" ? "bot:plan.confirmed" : "bot:plan.disagreementRecorded", { version: version.version }))];
}

/** Tells the leaders, and (with consent) updates the ARR team's summary. */
export async function afterReview(turn: Turn, planId: string, employee: Person, version: number, action: "confirm" | "disagree"): Promise<void> {
  const { db } = turn.ctx;
  for (const leader of await leadersOf(db, employee, turn.today)) {
    await enqueue(db, {
      key: `reviewed:${planId}:${version}:${leader.id}`,
      kind: action === "confirm" ? "plan_confirmed" : "plan_disagreed",
      recipientId: leader.id,
      payload: { template: action === "confirm" ? "plan_confirmed" : "plan_disagreed", params: { planId, version, employeeId: employee.id } } satisfies KindPayload,
      dueAt: turn.now,
    });
  }
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId } });
  const content = parsePlanContent(JSON.parse(plan.draft ?? "{}"));
  if (action === "confirm" && plan.caseId && content.arrConsent && (await arrMayKnow(db, employee))) {
    const workspace = await workspaceOf(db, employee);
    await enqueue(db, {
      key: `arr:${plan.caseId}:${version}`,
      kind: "arr_summary",
      target: "arr",
      payload: { template: "arr_summary", params: { workspaceId: workspace.id, planId, caseId: plan.caseId } } satisfies KindPayload,
      dueAt: turn.now,
      caseId: plan.caseId,
    });
  }
}

/** The employee's consent to share the plan summary with the ARR team: shown, given or withdrawn at any time. */
export async function consentCommand(turn: Turn, granted: boolean | undefined): Promise<Message[]> {
  const { db } = turn.ctx;
  if (granted !== undefined) {
    await setConsent(db, turn.person.id, "arr_summary", granted, turn.origin, { personId: turn.person.id, label: "employee" }, turn.now);
    // The plan itself records the consent too, so the next version and every export agree.
    const plan = await db.plan.findFirst({ where: { employeeId: turn.person.id }, orderBy: { updatedAt: "desc" } });
    if (plan) {
      const content = await workingContent(db, plan);
      if (content.arrConsent !== granted) await saveDraft(db, plan, { ...content, arrConsent: granted }, { personId: turn.person.id, label: "employee" });
    }
  }
  const now = await hasConsent(db, turn.person.id, "arr_summary");
  const text = turn.t(now ? "bot:consent.given" : "bot:consent.notGiven");
  return [
    {
      summary: text,
      blocks: [
        { kind: "text", text, style: granted === undefined ? "normal" : "success" },
        { kind: "text", text: turn.t("bot:consent.what"), style: "muted" },
        // The stricter answer wins (src/app/disclosure.ts): say so where she gives the consent.
        ...(now && parseAgreement(turn.person.contactPreferences)?.whoMayKnow?.code === "leader_only" ? [{ kind: "text" as const, text: turn.t("routine:whoMayKnow.leaderOnlyLimitsArr"), style: "warning" as const }] : []),
        { kind: "actions", buttons: [now ? { label: turn.t("bot:consent.withdraw"), command: { type: "consent", granted: false }, style: "danger" } : { label: turn.t("bot:consent.give"), command: { type: "consent", granted: true }, style: "primary" }] },
      ],
    },
  ];
}
