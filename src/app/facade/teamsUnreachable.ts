// When Teams refuses a person (they removed or blocked the app), HR admins are told
// through the outbox. The delivery channel names the notice (unreachableNotice), the
// reminder delivery hooks enqueue it for HR, and its kind renders it
// (src/app/notify/kinds/teamsUnreachable.ts).
import type { NotificationPayload } from "../notify/outbox.js";
import type { KindPayload } from "../notify/kinds/index.js";

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
  return { template: UNREACHABLE_TEMPLATE, params: { personId, reason: reasonKey(unreachableReason) } } satisfies KindPayload;
}
