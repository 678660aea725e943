// When Teams refuses a person (they removed or blocked the app), HR admins are told through
// the outbox. The delivery channel names the notice (src/app/facade/teamsUnreachable.ts), the
// reminder delivery hooks enqueue it for HR, and this kind renders it. It lives in the app,
// not in the Teams adapter, so every process (also `cli chat`, which never loads the Teams
// SDK) can deliver such a row.
import { z } from "zod";
import { UNREACHABLE_TEMPLATE } from "../../facade/teamsUnreachable.js";
import { defineNotification } from "../kind.js";
import { id } from "./shared.js";

export const teamsUnreachable = defineNotification({
  kind: UNREACHABLE_TEMPLATE,
  payload: z.looseObject({ personId: id, reason: z.string() }),
  planned: "use case the delivery's unreachable hook, in the Teams channel's words (src/app/reminders/delivery.ts)",
  async render(env, payload) {
    const person = await env.ctx.db.person.findUnique({ where: { id: payload.personId } });
    // Back in Teams before the notice went out: nothing to report.
    if (!person || person.teamsConversationRef) return null;
    const reason = env.t(`teams:unreachable.${payload.reason}`);
    const text = env.t("teams:unreachable.hr", { name: person.name, reason });
    return { summary: text, blocks: [{ kind: "text", text, style: "warning" }] };
  },
});
