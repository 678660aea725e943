// The notification the Teams channel adds to the outbox's templates: telling HR that a
// person cannot be reached in Teams any more. No botbuilder here: every process (also
// `cli chat`, which never loads the Teams SDK) must be able to deliver such a row.
import type { Template } from "../../app/notify/templates.js";
import type { NotificationPayload } from "../../app/notify/outbox.js";

/** The kind (and template) of the outbox row that tells HR a person cannot be reached in Teams. */
export const UNREACHABLE_TEMPLATE = "teams_unreachable";

/** Which HR-facing explanation fits the error text (see teams:unreachable.*). */
export function reasonKey(error: string): "roster" | "blocked" | "other" {
  if (error.includes("BotNotInConversationRoster")) return "roster";
  if (error.includes("MessageWritesBlocked")) return "blocked";
  return "other";
}

/** What the dispatcher's fallback hook enqueues for HR when Teams refused a person. */
export function teamsUnreachablePayload(personId: string, unreachableReason: string): NotificationPayload {
  return { template: UNREACHABLE_TEMPLATE, params: { personId, reason: reasonKey(unreachableReason) } };
}

export const TEAMS_TEMPLATES: Readonly<Record<string, Template>> = {
  [UNREACHABLE_TEMPLATE]: async (env, params) => {
    const person = typeof params.personId === "string" ? await env.ctx.db.person.findUnique({ where: { id: params.personId } }) : null;
    // Back in Teams before the notice went out: nothing to report.
    if (!person || person.teamsConversationRef) return null;
    const reason = env.t(`teams:unreachable.${typeof params.reason === "string" ? params.reason : "other"}`);
    const text = env.t("teams:unreachable.hr", { name: person.name, reason });
    return { summary: text, blocks: [{ kind: "text", text, style: "warning" }] };
  },
};
