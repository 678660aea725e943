// When Teams refuses a person (they removed or blocked the app), HR admins are told
// through the outbox. The delivery channel names the notice (unreachableNotice), the
// reminder delivery hooks enqueue it for HR, and this template renders it. It lives in
// the app, not in the Teams adapter, so every process (also `cli chat`, which never
// loads the Teams SDK) can deliver such a row.
import type { Template } from "../notify/templates.js";
import type { NotificationPayload } from "../notify/outbox.js";

/** The kind (and template) of the outbox row that tells HR a person cannot be reached in Teams. */
export const UNREACHABLE_TEMPLATE = "teams_unreachable";

/** Which HR-facing explanation fits the error text (see teams:unreachable.*). */
function reasonKey(error: string): "roster" | "blocked" | "other" {
  if (error.includes("BotNotInConversationRoster")) return "roster";
  if (error.includes("MessageWritesBlocked")) return "blocked";
  return "other";
}

/** What the dispatcher's fallback hook enqueues for HR when Teams refused a person. */
export function teamsUnreachablePayload(personId: string, unreachableReason: string): NotificationPayload {
  return { template: UNREACHABLE_TEMPLATE, params: { personId, reason: reasonKey(unreachableReason) } };
}

export const CHANNEL_TEMPLATES: Readonly<Record<string, Template>> = {
  [UNREACHABLE_TEMPLATE]: async (env, params) => {
    const person = typeof params.personId === "string" ? await env.ctx.db.person.findUnique({ where: { id: params.personId } }) : null;
    // Back in Teams before the notice went out: nothing to report.
    if (!person || person.teamsConversationRef) return null;
    const reason = env.t(`teams:unreachable.${typeof params.reason === "string" ? params.reason : "other"}`);
    const text = env.t("teams:unreachable.hr", { name: person.name, reason });
    return { summary: text, blocks: [{ kind: "text", text, style: "warning" }] };
  },
};
