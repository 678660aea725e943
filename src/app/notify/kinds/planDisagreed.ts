// The leader is told the employee does not agree with a plan version.
import { z } from "zod";
import { defineNotification } from "../kind.js";
import { id, personById } from "./shared.js";

export const planDisagreed = defineNotification({
  kind: "plan_disagreed",
  payload: z.looseObject({ planId: id, version: z.number().int().min(1), employeeId: id }),
  planned: "use case the employee's plan review (src/app/conversation/actions.ts)",
  async render(env, payload) {
    const employee = await personById(env, payload.employeeId);
    if (!employee) return null;
    const text = env.t("bot:notice.planDisagreed", { name: employee.name, version: payload.version });
    return { summary: text, blocks: [{ kind: "text", text, style: "warning" }, { kind: "actions", buttons: [{ label: env.t("bot:buttons.planFor", { name: employee.name }), command: { type: "plan", employeeId: employee.id } }] }] };
  },
});
