// What happens when a person finishes a dialogue: the answers become an absence
// period, contact preferences, or a plan draft and version; leaders, the employee
// and HR are told through the outbox.
import type { Message } from "../../domain/messages/model.js";
import type { AnswerValue } from "../../domain/messages/commands.js";
import type { DialogueDefinition } from "../../domain/dialogue/schema.js";
import type { SessionState } from "../../domain/dialogue/state.js";
import type { StartContext } from "../../domain/dialogue/engine.js";
import { snapshotAnswers } from "../../domain/dialogue/snapshot.js";
import type { PlanRole } from "../../domain/plan/model.js";
import type { AnswerSnapshot } from "../../domain/plan/snapshot.js";
import { parseAgreement } from "../../domain/agreement/index.js";
import { assertLeadsATeam, ownAnswers, recordRoutineAnswer, routineAnswers, saveRoutine } from "../routines.js";
import { OWN_TASK_LIST } from "../../domain/dialogue/definitions/shared.js";
import { milestoneTitleKey } from "../../domain/milestones/index.js";
import type { Person, SickCase } from "../../generated/prisma/client.js";
import { registerAbsence, changeAbsence } from "../absences.js";
import { currentCase, readCases } from "../cases.js";
import { setConsent } from "../consents.js";
import { enqueue } from "../notify/outbox.js";
import { leadersOf, isHrAdmin } from "../people.js";
import { addAnswersToDraft, planFor, proposeVersion, reviewVersion, workingContent } from "../plans.js";
import { afterReview } from "./actions.js";
import { UserError } from "../errors.js";
import { actorFor, authorize, DIALOGUE_ACTIONS } from "../access.js";
import type { DialogueId } from "../../domain/dialogue/definitions/index.js";
import { latestCompleted, type SessionRow } from "./sessions.js";
import type { Turn } from "./conversation.js";
import { date, nextMilestone } from "./views.js";
import { planReviewMessage } from "./planMessages.js";
import type { KindPayload } from "../notify/kinds/index.js";
import { danishCase, screeningCompleted } from "./earlyEffort.js";

/** Whose case a dialogue is about, and in which role the person answers. */
export interface DialogueSubject {
  employee: Person;
  role: PlanRole;
}

export async function currentCaseRow(turn: Turn, employee: Person): Promise<{ row: SickCase; result: Awaited<ReturnType<typeof readCases>>[number]["result"] } | undefined> {
  const cases = await readCases(turn.ctx.db, employee, turn.today, turn.now);
  return currentCase(cases);
}

/** Prefills and lists a dialogue starts from (the plan's main tasks and measures). */
export async function startContextFor(turn: Turn, def: DialogueDefinition, subject: DialogueSubject): Promise<{ context: Omit<StartContext, "today">; caseId: string | null }> {
  // Her agreement (and a team's routine) starts from what it says now, so changing one answer is one answer.
  if (def.id === "contact_preferences") return { context: { prefill: ownAnswers(subject.employee.contactPreferences) }, caseId: null };
  if (def.id === "team_routine") {
    // A routine is a team's: refused before the first question for someone who leads nobody.
    await assertLeadsATeam(turn.ctx.db, subject.employee);
    const routine = await turn.ctx.db.teamRoutine.findUnique({ where: { leaderId: subject.employee.id } });
    return { context: routine ? { prefill: routineAnswers(routine.answers) } : {}, caseId: null };
  }
  if (["report_sickness", "change_absence", "plan_disagreement"].includes(def.id)) return { context: {}, caseId: null };
  // The screening is for a case under a law with an early effort (Denmark): refused before the first question otherwise.
  if (def.id === "dk_screening") return { context: {}, caseId: (await danishCase(turn, subject.employee)).row.id };
  const current = await currentCaseRow(turn, subject.employee);
  const plan = await planFor(turn.ctx.db, subject.employee, current?.row ?? null);
  const content = await workingContent(turn.ctx.db, plan);
  const mainTasks = content.mainTasks.length > 0 ? content.mainTasks : content.tasks.map((t) => t.name);
  const openMeasures = content.measures.filter((m) => m.status === "agreed" || m.status === "proposed").map((m) => m.title);
  // The employee's own list of tasks she could do while sick, from her follow-up agreement (seed 004).
  const ownTasks = parseAgreement(subject.employee.contactPreferences)?.fallbackTasks ?? [];
  return { context: { listContext: { mainTasks, measures: openMeasures, [OWN_TASK_LIST]: ownTasks } }, caseId: current?.row.id ?? null };
}

export async function onDialogueCompleted(turn: Turn, row: SessionRow, def: DialogueDefinition, state: SessionState): Promise<Message[]> {
  const { db } = turn.ctx;
  const employee = row.subjectId === turn.person.id ? turn.person : await db.person.findUniqueOrThrow({ where: { id: row.subjectId } });
  switch (def.id) {
    case "report_sickness":
      return reportCompleted(turn, state);
    case "change_absence":
      return changeCompleted(turn, state);
    case "plan_disagreement":
      return disagreementCompleted(turn, state, employee);
    case "dk_screening":
      return screeningCompleted(turn, state, employee);
    case "contact_preferences": {
      const snapshots = snapshotAnswers(def, state, { t: turn.t, locale: turn.locale, answeredBy: "employee" });
      await db.person.update({ where: { id: turn.person.id }, data: { contactPreferences: JSON.stringify(snapshots) } });
      // She has looked at her agreement (adjusting the team's routine or on her own): a year from now she is asked again.
      await recordRoutineAnswer(db, turn.person, "adjusted", turn.now);
      return [note(turn.t("bot:contact.saved"), "success")];
    }
    case "team_routine":
      return routineCompleted(turn, employee, state);
    default:
      return planDialogueCompleted(turn, row, def, state, employee);
  }
}

/** The team's routine is stored and offered to every member of the leader's team. */
async function routineCompleted(turn: Turn, leader: Person, state: SessionState): Promise<Message[]> {
  const { routine, members } = await saveRoutine({ db: turn.ctx.db, now: turn.now, view: turn, caseChanged: turn.caseChanged }, turn.person, leader, state);
  const text =
    members.length > 0
      ? turn.t("routine:saved", { version: routine.version, count: members.length, names: members.map((m) => m.name).join(", ") })
      : turn.t("routine:savedNoTeam", { version: routine.version });
  return [note(text, "success")];
}

/** The agreement's answers that fill plan fields (contact, times, who may know, handover). */
function asAgreedSnapshots(employee: Person): AnswerSnapshot[] {
  const agreement = parseAgreement(employee.contactPreferences);
  if (!agreement) return [];
  const fields = new Set(["contactChannel", "contactTimes", "whoMayKnow", "taskHandover"]);
  return agreement.snapshots.filter((s) => s.planField !== undefined && fields.has(s.planField)).map((s) => ({ ...s, answeredBy: "employee" as const }));
}

function answer(state: SessionState, key: string): AnswerValue | undefined {
  return state.answers[key];
}

function note(text: string, style: "success" | "muted" | "normal" | "warning" = "normal"): Message {
  return { summary: text, blocks: [{ kind: "text", text, style }] };
}

async function reportCompleted(turn: Turn, state: SessionState): Promise<Message[]> {
  return submitReport(turn, {
    start: String(answer(state, "startDate")),
    end: typeof answer(state, "endDate") === "string" ? String(answer(state, "endDate")) : null,
    grade: answer(state, "grade") === "graded" ? Number(answer(state, "gradePercent")) : 100,
    document: typeof answer(state, "leaveType") === "string" ? String(answer(state, "leaveType")) : null,
  });
}

/** Registers a report (from the dialogue or a form), tells the leaders, and gives the employee a receipt. */
export async function submitReport(turn: Turn, report: { start: string; end: string | null; grade: number; document: string | null }): Promise<Message[]> {
  const { db } = turn.ctx;
  const result = await registerAbsence(db, {
    employee: turn.person,
    input: { start: report.start, end: report.end, grade: report.grade, type: "sick", document: report.document },
    via: turn.origin,
    actor: { personId: turn.person.id, label: "employee" },
    today: turn.today,
    now: turn.now,
  });
  const theCase = result.caseOfPeriod;
  const leaders = await leadersOf(db, turn.person, turn.today);
  for (const leader of leaders) {
    await enqueue(db, {
      key: `report:${result.period.id}:${leader.id}`,
      kind: "report_notice",
      recipientId: leader.id,
      payload: { template: "report_notice", params: { employeeId: turn.person.id, periodId: result.period.id } } satisfies KindPayload,
      dueAt: turn.now,
      ...(theCase ? { caseId: theCase.row.id } : {}),
    });
  }
  const next = theCase ? nextMilestone(theCase.result) : undefined;
  const lines = [
    turn.t("bot:report.receipt", { start: date(turn, result.period.startDate), end: result.period.endDate ? date(turn, result.period.endDate) : turn.t("bot:report.endUnknown"), grade: result.period.grade }),
    leaders.length > 0 ? turn.t("bot:report.leaderTold", { names: leaders.map((l) => l.name).join(", ") }) : turn.t("bot:report.noLeader"),
    next ? turn.t("bot:report.next", { milestone: turn.t(milestoneTitleKey(next.id)), date: date(turn, next.due) }) : "",
    turn.t("bot:report.whatNow"),
  ].filter(Boolean);
  return [
    {
      summary: lines[0]!,
      blocks: [
        { kind: "text", text: lines.join("\n"), style: "success" },
        { kind: "actions", buttons: [{ label: turn.t("bot:buttons.plan"), command: { type: "plan" }, style: "primary" }, { label: turn.t("bot:buttons.status"), command: { type: "status" } }] },
      ],
    },
  ];
}

async function changeCompleted(turn: Turn, state: SessionState): Promise<Message[]> {
  const kind = answer(state, "change");
  const newEnd = answer(state, "newEnd");
  const change =
    kind === "extended"
      ? { kind: "extend" as const, end: typeof newEnd === "string" ? newEnd : null }
      : kind === "graded"
        ? { kind: "grade" as const, from: String(answer(state, "gradeFrom")), grade: Number(answer(state, "gradePercent")) }
        : { kind: "back_at_work" as const, lastSickDay: String(answer(state, "lastSickDay")) };
  await changeAbsence(turn.ctx.db, turn.person, change, { personId: turn.person.id, label: "employee" }, turn.today, turn.origin, turn.now);
  for (const leader of await leadersOf(turn.ctx.db, turn.person, turn.today)) {
    await enqueue(turn.ctx.db, {
      key: `change:${turn.person.id}:${turn.now.getTime()}:${leader.id}`,
      kind: "change_notice",
      recipientId: leader.id,
      // `kind` is the dialogue's stored answer (not typed): not checked against change_notice's schema here; a non-string is parked at render.
      payload: { template: "change_notice", params: { employeeId: turn.person.id, change: kind } },
      dueAt: turn.now,
    });
  }
  return [note(turn.t(`bot:change.done.${String(kind)}`), "success")];
}

async function disagreementCompleted(turn: Turn, state: SessionState, employee: Person): Promise<Message[]> {
  const { db } = turn.ctx;
  const plan = await db.plan.findFirst({ where: { employeeId: employee.id, latestVersion: { gt: 0 } }, orderBy: { updatedAt: "desc" } });
  if (!plan) throw new UserError("plan:errors.versionNotFound", { version: 1 });
  // Checked again where it is executed: a session about someone else never speaks in her name.
  const relation = await authorize(db, turn.person, employee, "plan.disagree", turn.today);
  // Text she kept private is never handed on (the dialogue leaves it out; an older session may hold it).
  const comment = state.privateAnswers.includes("comment") ? "" : String(answer(state, "comment") ?? "").trim();
  const actor = actorFor(turn.person, relation);
  const { version } = await reviewVersion(db, plan, plan.latestVersion, { action: "disagree", comment }, "employee", actor, turn.today, turn.now);
  await afterReview(turn, plan.id, employee, version.version, "disagree");
  return [note(turn.t("bot:plan.disagreementRecorded", { version: version.version }), "success")];
}

async function planDialogueCompleted(turn: Turn, row: SessionRow, def: DialogueDefinition, state: SessionState, employee: Person): Promise<Message[]> {
  const { db } = turn.ctx;
  const role: PlanRole = def.audience;
  // The relation may have changed since the dialogue started (a substitution ended): ask again.
  const relation = await authorize(db, turn.person, employee, DIALOGUE_ACTIONS[def.id as DialogueId], turn.today);
  const actor = actorFor(turn.person, relation);
  const sickCase = row.caseId ? await db.sickCase.findUnique({ where: { id: row.caseId } }) : null;
  let plan = await planFor(db, employee, sickCase);
  const snapshots = snapshotAnswers(def, state, { t: turn.t, locale: turn.locale, answeredBy: role });
  // "As agreed": the contact and handover fields of the plan come from her follow-up agreement.
  if (def.id === "employee_followup" && answer(state, "contactAsAgreed") === "as_agreed") snapshots.push(...asAgreedSnapshots(employee));
  const { content } = await addAnswersToDraft(db, plan, role, snapshots, actor, turn.today);
  plan = await db.plan.findUniqueOrThrow({ where: { id: plan.id } });
  if (def.id === "employee_followup" && typeof answer(state, "arrConsent") === "string") {
    await setConsent(db, employee.id, "arr_summary", answer(state, "arrConsent") === "yes", turn.origin, actor, turn.now);
  }

  if (def.id === "propose_measure") {
    // Her proposals wait in the draft for the leader; they are agreed when she confirms a version that holds them.
    const titles = content.measures.filter((m) => m.proposedBy === "employee" && m.status === "proposed").map((m) => m.title);
    const leaders = await leadersOf(db, employee, turn.today);
    for (const leader of leaders) {
      await enqueue(db, {
        key: `proposal:${row.id}:${leader.id}`,
        kind: "measure_proposed",
        recipientId: leader.id,
        payload: { template: "measure_proposed", params: { employeeId: employee.id, titles } } satisfies KindPayload,
        dueAt: turn.now,
      });
    }
    return [note(turn.t("proposal:saved", { name: leaders.map((l) => l.name).join(", ") || "–" }), "success")];
  }

  if (def.id === "plan_not_needed") {
    if (!content.exception) throw new UserError("plan:errors.exceptionNeedsText");
    // The plan's status is the fact: it settles the milestones whose rule names "plan_not_needed"
    // (src/domain/milestones/rules/*.ts), for as long as no later version brings a plan back.
    await db.plan.update({ where: { id: plan.id }, data: { status: "not_needed" } });
    const hrs = (await db.person.findMany({ where: { roles: { contains: "hr" } } })).filter(isHrAdmin);
    for (const hr of hrs) {
      await enqueue(db, {
        key: `not_needed:${plan.id}:${row.id}:${hr.id}`,
        kind: "plan_not_needed",
        recipientId: hr.id,
        payload: { template: "plan_not_needed", params: { planId: plan.id, leaderId: turn.person.id } } satisfies KindPayload,
        dueAt: turn.now,
      });
    }
    return [note(turn.t("bot:plan.notNeededRecorded", { name: employee.name }), "success")];
  }

  // The two follow-up dialogues become a version when both have spoken (or the leader
  // records that the employee did not take part); measures and evaluations at once.
  const otherDialogue = def.id === "employee_followup" ? "leader_followup" : def.id === "leader_followup" ? "employee_followup" : undefined;
  if (otherDialogue) {
    const otherDone = await latestCompleted(db, otherDialogue, employee.id);
    const otherCounts = otherDone !== null && otherDone.caseId === row.caseId && plan.createdAt <= otherDone.updatedAt;
    const leaderSaysNoContribution = role === "leader" && content.employeeHasContributedToPlan === false;
    if (!otherCounts && !leaderSaysNoContribution && plan.latestVersion === 0) {
      const recipients = role === "employee" ? await leadersOf(db, employee, turn.today) : [employee];
      for (const r of recipients) {
        await enqueue(db, {
          key: `invite:${row.id}:${r.id}`,
          kind: "dialogue_invite",
          recipientId: r.id,
          payload: { template: "dialogue_invite", params: { employeeId: employee.id, from: turn.person.id, dialogue: otherDialogue } } satisfies KindPayload,
          dueAt: turn.now,
        });
      }
      return [note(turn.t(role === "employee" ? "bot:plan.waitingForLeader" : "bot:plan.waitingForEmployee", { name: role === "employee" ? recipients.map((r) => r.name).join(", ") : employee.name }), "success")];
    }
  }
  const version = await proposeVersion(db, plan, actor, turn.now);
  if (turn.person.id === employee.id) {
    return [note(turn.t("bot:plan.versionReady", { version: version.version }), "success"), await planReviewMessage(turn, employee, plan.id, version.version)];
  }
  await enqueue(db, {
    key: `review:${plan.id}:${version.version}`,
    kind: "plan_review",
    recipientId: employee.id,
    payload: { template: "plan_review", params: { planId: plan.id, version: version.version } } satisfies KindPayload,
    dueAt: turn.now,
  });
  return [note(turn.t("bot:plan.sentForReview", { version: version.version, name: employee.name }), "success")];
}
