// The employee is asked to review a new plan version.
import { z } from "zod";
import { planVersionMessage } from "../../conversation/planMessages.js";
import { defineNotification } from "../kind.js";
import { id } from "./shared.js";

export const planReview = defineNotification({
  kind: "plan_review",
  payload: z.looseObject({ planId: id, version: z.number().int().min(1) }),
  planned: "use case a plan version sent for review (src/app/conversation/completion.ts)",
  async render(env, payload, recipient) {
    if (!recipient) return null;
    const plan = await env.ctx.db.plan.findUnique({ where: { id: payload.planId } });
    if (!plan || plan.latestVersion !== payload.version) return null; // a newer version replaced it
    return planVersionMessage(env, recipient, plan.id, payload.version, "employee");
  },
});
