// The leader is told of a change to a sick leave (extended, graded, back at work …).
import { z } from "zod";
import { defineNotification } from "../kind.js";
import { id, personById } from "./shared.js";

export const changeNotice = defineNotification({
  kind: "change_notice",
  payload: z.looseObject({ employeeId: id, change: z.string() }),
  planned: "use case completion of a change dialogue (src/app/conversation/completion.ts)",
  async render(env, payload) {
    const employee = await personById(env, payload.employeeId);
    if (!employee) return null;
    const text = env.t(`bot:notice.change.${payload.change}`, { name: employee.name });
    return { summary: text, blocks: [{ kind: "text", text }] };
  },
});
