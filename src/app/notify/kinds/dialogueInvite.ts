// The other side of the follow-up dialogue is invited to theirs.
import { z } from "zod";
import { defineNotification } from "../kind.js";
import { id, personById } from "./shared.js";

export const dialogueInvite = defineNotification({
  kind: "dialogue_invite",
  payload: z.looseObject({ employeeId: id, from: id, dialogue: z.string() }),
  planned: "use case completion of a follow-up dialogue (src/app/conversation/completion.ts)",
  async render(env, payload) {
    const employee = await personById(env, payload.employeeId);
    const from = await personById(env, payload.from);
    if (!employee || !from) return null;
    const forLeader = payload.dialogue === "leader_followup";
    const text = env.t(forLeader ? "bot:notice.inviteLeader" : "bot:notice.inviteEmployee", { name: from.name });
    return {
      summary: text,
      blocks: [
        { kind: "text", text },
        { kind: "actions", buttons: [{ label: env.t(forLeader ? "bot:buttons.planFor" : "bot:buttons.plan", { name: employee.name }), command: forLeader ? { type: "plan", employeeId: employee.id } : { type: "plan" }, style: "primary" }] },
      ],
    };
  },
});
