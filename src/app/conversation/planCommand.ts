// "plan": the employee starts or continues their side of the follow-up; a leader
// chooses whose plan to work on, then gets the leader's dialogue or the plan itself.
import type { Message } from "../../domain/messages/model.js";
import type { DialogueId } from "../../domain/dialogue/definitions/index.js";
import type { Person } from "../../generated/prisma/client.js";
import { actorFor, mayExecute, planHiddenFrom, requireCaseAccess, teamOf, type Relation } from "../access.js";
import { audit } from "../audit.js";
import { awaitsConfirmation, existingPlanFor, latestVersion, planFor } from "../plans.js";
import { latestCompleted } from "./sessions.js";
import type { Turn } from "./conversation.js";
import type { DialogueSubject } from "./completion.js";
import { currentCaseRow } from "./completion.js";
import { planVersionMessage } from "./planMessages.js";
import { navOfferBlocks } from "../nav/messages.js";
import { readersButton } from "./readers.js";

export type StartDialogue = (subject: DialogueSubject, dialogueId: DialogueId) => Promise<Message[]>;

export async function planCommand(turn: Turn, employeeId: string | undefined, start: StartDialogue): Promise<Message[]> {
  const { db } = turn.ctx;
  if (employeeId === undefined) {
    const team = await teamOf(db, turn.person, turn.today);
    if (team.length === 0) return ownPlan(turn, start);
    const text = turn.t("bot:plan.chooseEmployee");
    return [
      {
        summary: text,
        blocks: [
          { kind: "text", text },
          {
            kind: "actions",
            buttons: [
              ...team.slice(0, 9).map((p) => ({ label: p.name, command: { type: "plan" as const, employeeId: p.id } })),
              { label: turn.t("bot:plan.myOwn"), command: { type: "plan" as const, employeeId: turn.person.id } },
            ],
          },
        ],
      },
    ];
  }
  if (employeeId === turn.person.id) return ownPlan(turn, start);
  const employee = await db.person.findUnique({ where: { id: employeeId } });
  const relation = await requireCaseAccess(db, turn.person, employee, turn.today);
  return leaderPlan(turn, employee!, relation, start);
}

/**
 * A follow-up plan belongs to a sick-leave case: without one (and without an earlier plan to
 * show) there is no plan dialogue to offer, only the way to report.
 */
async function withoutCase(turn: Turn, employee: Person, hasCase: boolean): Promise<Message[] | undefined> {
  if (hasCase) return undefined;
  const standing = await turn.ctx.db.plan.findFirst({ where: { employeeId: employee.id, latestVersion: { gt: 0 } }, select: { id: true } });
  if (standing) return undefined;
  const own = employee.id === turn.person.id;
  const text = own ? turn.t("plan:noCase.own") : turn.t("plan:noCase.other", { name: employee.name });
  const blocks: Message["blocks"] = [{ kind: "text", text }];
  if (own) blocks.push({ kind: "actions", buttons: [{ label: turn.t("bot:buttons.report"), command: { type: "report" }, style: "primary" }, { label: turn.t("bot:buttons.status"), command: { type: "status" } }] });
  return [{ summary: text, blocks }];
}

async function ownPlan(turn: Turn, start: StartDialogue): Promise<Message[]> {
  const { db } = turn.ctx;
  const current = await currentCaseRow(turn, turn.person);
  const noCase = await withoutCase(turn, turn.person, current !== undefined);
  if (noCase) return noCase;
  const plan = await planFor(db, turn.person, current?.row ?? null);
  const latest = await latestVersion(db, plan);
  // A version waiting for me comes first: the plan is not agreed until I say so.
  if (latest && awaitsConfirmation(latest)) {
    const message = await planVersionMessage(turn, turn.person, plan.id, latest.version, "employee");
    return [{ ...message, blocks: [...message.blocks, { kind: "actions", buttons: [readersButton(turn)] }] }];
  }
  const done = await latestCompleted(db, "employee_followup", turn.person.id);
  if (latest && done && done.caseId === (current?.row.id ?? null)) {
    return [
      await planVersionMessage(turn, turn.person, plan.id, latest.version, "employee"),
      {
        summary: turn.t("bot:plan.updateHint"),
        blocks: [
          { kind: "text", text: turn.t("bot:plan.updateHint") },
          { kind: "actions", buttons: [{ label: turn.t("bot:buttons.updateMyPart"), command: { type: "dialogue.start", dialogueId: "employee_followup" } }, readersButton(turn)] },
        ],
      },
    ];
  }
  return start({ employee: turn.person, role: "employee" }, "employee_followup");
}

async function leaderPlan(turn: Turn, employee: Person, relation: string, start: StartDialogue): Promise<Message[]> {
  const { db } = turn.ctx;
  const current = await currentCaseRow(turn, employee);
  const noCase = await withoutCase(turn, employee, current !== undefined);
  if (noCase) return noCase;
  const plan = await planFor(db, employee, current?.row ?? null);
  if (planHiddenFrom(plan, relation as Relation)) {
    const text = turn.t("bot:plan.hiddenFromLeader", { name: employee.name });
    return [{ summary: text, blocks: [{ kind: "text", text, style: "muted" }] }];
  }
  const leaderDone = await latestCompleted(db, "leader_followup", employee.id);
  if (!leaderDone || leaderDone.caseId !== (current?.row.id ?? null)) return start({ employee, role: "leader" }, "leader_followup");
  const latest = await latestVersion(db, plan);
  const messages: Message[] = [];
  if (latest) {
    const view = await planVersionMessage(turn, employee, plan.id, latest.version, "leader");
    // A confirmed version can go to NAV and the doctor from here (when Maskinporten is configured).
    if (latest.reviewStatus === "confirmed" && mayExecute("plan.sendToNav", relation as Relation)) view.blocks.push(...(await navOfferBlocks(turn.ctx, turn, plan.id, latest.version)));
    messages.push(view);
    await audit(db, { actor: actorFor(turn.person, relation as never), subjectId: employee.id, action: "read", entity: "plan", entityId: plan.id, detail: { version: latest.version }, at: turn.now });
  } else {
    messages.push({ summary: turn.t("bot:plan.stillWaitingForEmployee", { name: employee.name }), blocks: [{ kind: "text", text: turn.t("bot:plan.stillWaitingForEmployee", { name: employee.name }) }] });
  }
  const next = (dialogueId: string, key: string) => ({ label: turn.t(key), command: { type: "dialogue.start" as const, dialogueId, employeeId: employee.id } });
  messages.push({
    summary: turn.t("bot:plan.leaderNext", { name: employee.name }),
    blocks: [
      { kind: "text", text: turn.t("bot:plan.leaderNext", { name: employee.name }) },
      {
        kind: "actions",
        buttons: [
          next("measures", "bot:buttons.addMeasures"),
          next("evaluation", "bot:buttons.evaluate"),
          next("leader_followup", "bot:buttons.updateLeaderPart"),
          next("plan_not_needed", "bot:buttons.planNotNeeded"),
        ],
      },
    ],
  });
  return messages;
}

/** Whether `plan` would show the person a version of their own plan to confirm (nothing is created to find out). */
export async function hasOwnPlanToConfirm(turn: Turn): Promise<boolean> {
  const current = await currentCaseRow(turn, turn.person);
  const plan = await existingPlanFor(turn.ctx.db, turn.person, current?.row ?? null);
  return plan !== null && awaitsConfirmation(await latestVersion(turn.ctx.db, plan));
}
