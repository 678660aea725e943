// How a failed Web API call reads to the outbox dispatcher: wait (429 Retry-After),
// give up on this channel for the person (they left, the bot was removed), give up
// for good (our request is malformed), or try again later.
import { WebAPIPlatformError, WebAPIRateLimitedError } from "@slack/web-api";
import type { DeliveryResult } from "../../app/facade/index.js";

/** The person or channel cannot be reached through Slack. */
const UNREACHABLE = new Set([
  "not_in_channel",
  "channel_not_found",
  "is_archived",
  "account_inactive",
  "user_not_found",
  "users_not_found",
  "user_disabled",
  "cannot_dm_bot",
  "messages_tab_disabled",
  "restricted_action",
  "team_access_not_granted",
]);

/** Retrying the same request cannot help. */
const PERMANENT = new Set(["invalid_blocks", "invalid_blocks_format", "invalid_arguments", "msg_too_long", "no_text", "invalid_attachments", "too_many_attachments", "invalid_metadata_format", "invalid_form_data"]);

/** Slack's error code of a failed call ("not_in_channel"), if it was a platform error. */
export function slackErrorCode(error: unknown): string | undefined {
  return error instanceof WebAPIPlatformError ? error.data.error : undefined;
}

export function toDeliveryResult(error: unknown): Extract<DeliveryResult, { ok: false }> {
  if (error instanceof WebAPIRateLimitedError) {
    return { ok: false, error: "rate_limited", retryAfterMs: Math.max(1, error.retryAfter) * 1000 };
  }
  const code = slackErrorCode(error);
  if (code && UNREACHABLE.has(code)) return { ok: false, error: code, unreachable: true };
  if (code && PERMANENT.has(code)) return { ok: false, error: code, permanent: true };
  return { ok: false, error: code ?? (error instanceof Error ? error.message : String(error)) };
}
