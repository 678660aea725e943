// HR is told the leader decided a follow-up plan is not needed, and why.
import { z } from "zod";
import { parsePlanContent } from "../../../domain/plan/model.js";
import { defineNotification } from "../kind.js";
import { id, personById } from "./shared.js";

export const planNotNeeded = defineNotification({
  kind: "plan_not_needed",
  payload: z.looseObject({ planId: id, leaderId: id }),
  planned: "use case the leader's \"plan not needed\" (src/app/conversation/completion.ts)",
  async render(env, payload) {
    const plan = await env.ctx.db.plan.findUnique({ where: { id: payload.planId } });
    const leader = await personById(env, payload.leaderId);
    const employee = plan ? await personById(env, plan.employeeId) : null;
    if (!plan || !employee) return null;
    const content = parsePlanContent(JSON.parse(plan.draft ?? "{}"));
    const text = env.t("bot:notice.planNotNeeded", { name: employee.name, leader: leader?.name ?? "", reason: content.exception ? env.t(`plan:exception.reason.${content.exception.reason}`) : "" });
    return { summary: text, blocks: [{ kind: "text", text }, ...(content.exception?.text ? [{ kind: "text" as const, text: content.exception.text, style: "muted" as const }] : [])] };
  },
});
