// "teamrutine" (the leader, or HR for a leader's team, writes the team's routine), "rutine" (a
// member sees the routine of her team), and the offer's buttons: accept as-is or adjust, both
// into her own contact preferences; "still fits" at the yearly reminder. The rules are in
// src/app/routines.ts; who may write is CASE_PERMISSIONS["routine.write"].
import type { Message } from "../../domain/messages/model.js";
import type { AnswerValue } from "../../domain/messages/commands.js";
import type { DialogueId } from "../../domain/dialogue/definitions/index.js";
import { answerSnapshotSchema } from "../../domain/plan/snapshot.js";
import { authorize } from "../access.js";
import { assertLeadsATeam, leadersWithTeams, ownAnswers, recordRoutineAnswer, routineAnswers, routineLeaderFor, routineOfTeam, routineOfferMessage, routineSnapshots, type RoutineCommand } from "../routines.js";
import type { DialogueSubject } from "./completion.js";
import type { Turn } from "./conversation.js";

export type StartWithPrefill = (subject: DialogueSubject, id: DialogueId, prefill?: Record<string, AnswerValue>) => Promise<Message[]>;

const note = (text: string, style: "success" | "muted" | "normal" | "warning" = "normal"): Message => ({ summary: text, blocks: [{ kind: "text", text, style }] });

export async function routineCommand(turn: Turn, cmd: RoutineCommand, start: StartWithPrefill): Promise<Message[]> {
  const { db } = turn.ctx;
  const { t } = turn;
  if (cmd.action === "write") {
    const leader = await routineLeaderFor(db, turn.person, cmd.leaderId);
    if (leader === "choose") {
      const leaders = await leadersWithTeams(db);
      if (leaders.length === 0) return [note(t("routine:write.noLeaders"), "muted")];
      const text = t("routine:write.chooseLeader");
      return [{ summary: text, blocks: [{ kind: "text", text }, { kind: "actions", buttons: leaders.map((l) => ({ label: l.name, command: { type: "routine", action: "write", leaderId: l.id } })) }] }];
    }
    await authorize(db, turn.person, leader, "routine.write", turn.today);
    await assertLeadsATeam(db, leader);
    return start({ employee: leader, role: "leader" }, "team_routine");
  }
  if (cmd.action === "keep") {
    await recordRoutineAnswer(db, turn.person, "kept", turn.now);
    return [note(t("routine:kept"), "success")];
  }
  const routine = await routineOfTeam(db, turn.person);
  if (!routine) {
    const leads = (await db.person.count({ where: { leaderId: turn.person.id } })) > 0;
    return [note(t(leads ? "routine:noneLeader" : "routine:none"), "muted")];
  }
  if (cmd.action === "show") return [await routineOfferMessage(db, turn, turn.person, routine)];
  // A button from an older version of the routine: show the one that holds now.
  if (cmd.version !== undefined && cmd.version !== routine.version) return [note(t("routine:changed"), "warning"), await routineOfferMessage(db, turn, turn.person, routine)];
  const answers = routineAnswers(routine.answers);
  // Her own list of tasks she could do while sick is hers, whatever the team agreed.
  const own = ownAnswers(turn.person.contactPreferences);
  if (cmd.action === "adjust") {
    return start({ employee: turn.person, role: "employee" }, "contact_preferences", { ...answers, ...("fallbackTasks" in own ? { fallbackTasks: own.fallbackTasks! } : {}) });
  }
  const snapshots = routineSnapshots(answers, turn);
  const kept = parsedSnapshots(turn.person.contactPreferences).filter((s) => s.questionId === "fallbackTasks");
  await db.person.update({ where: { id: turn.person.id }, data: { contactPreferences: JSON.stringify([...snapshots, ...kept]) } });
  await recordRoutineAnswer(db, turn.person, "accepted", turn.now);
  return [note(t("routine:accepted"), "success")];
}

function parsedSnapshots(json: string | null) {
  if (!json) return [];
  try {
    const parsed = answerSnapshotSchema.array().safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
