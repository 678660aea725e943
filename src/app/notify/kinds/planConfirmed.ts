// The leader is told the employee confirmed a plan version (with the offer to send it to NAV).
import { z } from "zod";
import { navOfferBlocks } from "../../nav/messages.js";
import { defineNotification } from "../kind.js";
import { id, personById } from "./shared.js";

export const planConfirmed = defineNotification({
  kind: "plan_confirmed",
  payload: z.looseObject({ planId: id, version: z.number().int().min(1), employeeId: id }),
  planned: "use case the employee's plan review (src/app/conversation/actions.ts)",
  async render(env, payload) {
    const employee = await personById(env, payload.employeeId);
    if (!employee) return null;
    const text = env.t("bot:notice.planConfirmed", { name: employee.name, version: payload.version });
    const offer = await navOfferBlocks(env.ctx, env, payload.planId, payload.version);
    return { summary: text, blocks: [{ kind: "text", text, style: "success" }, { kind: "actions", buttons: [{ label: env.t("bot:buttons.planFor", { name: employee.name }), command: { type: "plan", employeeId: employee.id } }] }, ...offer] };
  },
});
