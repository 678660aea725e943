// The outbox's way into Teams: proactive messages to a person's personal chat and
// to the workspace's ARR channel, from conversation references stored at install.
// A person who removed or blocked the app is reported unreachable (never retried
// forever) and their dead reference is dropped; HR admins are told through the
// dispatcher's fallback hook (src/app/reminders/delivery.ts), in this channel's words.
import type { CloudAdapter, ConversationReference, TurnContext } from "botbuilder";
import type { Message } from "../../domain/messages/model.js";
import { teamsUnreachablePayload, workspaceLocale, type ChannelFacade, type DeliveryChannel, type DeliveryResult, type NotificationPayload, type Person, type Workspace } from "../../app/facade/index.js";
import { translator } from "../../i18n/index.js";
import type { Logger } from "../../logging/logger.js";
import { errorCodeOf, postMessage, statusOf } from "./posting.js";

export { UNREACHABLE_TEMPLATE } from "../../app/facade/index.js";

export interface TeamsDeliveryOptions {
  adapter: CloudAdapter;
  appId: string;
  facade: ChannelFacade;
  logger: Logger;
}

export class TeamsDelivery implements DeliveryChannel {
  readonly name = "teams" as const;

  constructor(private readonly options: TeamsDeliveryOptions) {}

  canReach(person: Person): boolean {
    return Boolean(person.teamsConversationRef);
  }

  /** What HR is told when Teams refused the person (the dispatcher's fallback hook asks). */
  unreachableNotice(person: Pick<Person, "id" | "unreachableReason">): NotificationPayload {
    return teamsUnreachablePayload(person.id, person.unreachableReason ?? "");
  }

  async sendToPerson(person: Person, message: Message): Promise<DeliveryResult> {
    const reference = parseReference(person.teamsConversationRef);
    if (!reference) return { ok: false, error: "no Teams conversation with this person", unreachable: true };
    const t = translator(await this.options.facade.localeOf(person));
    const result = await this.send(reference, (context) => postMessage(context, message, { facade: this.options.facade, t, mode: "submit", inPlace: () => false }));
    // Removed or blocked: stop trying Teams until the person adds the app again.
    if (!result.ok && result.unreachable) await this.options.facade.dropTeamsReference(person, result.error);
    return result;
  }

  hasArrChannel(workspace: Workspace): boolean {
    return workspace.platform === "teams" && parseReference(workspace.arrChannel) !== undefined;
  }

  async sendToArr(workspace: Workspace, message: Message): Promise<DeliveryResult> {
    const reference = parseReference(workspace.arrChannel);
    if (!reference) return { ok: false, error: "no ARR channel registered in Teams", unreachable: true };
    // Card chrome (buttons, "shortened") in the language the workspace chose for its ARR channel.
    const t = translator(workspaceLocale(workspace));
    // A summary of a case is one post in the channel, kept up to date in place.
    const result = await this.send(reference, (context) => postMessage(context, message, { facade: this.options.facade, t, mode: "execute", inPlace: () => true }));
    if (!result.ok && result.unreachable) this.options.logger.warn({ workspace: workspace.id, error: result.error }, "teams: the ARR channel cannot be reached");
    return result;
  }

  private async send(reference: Partial<ConversationReference>, post: (context: TurnContext) => Promise<string>): Promise<DeliveryResult> {
    let ref = "";
    let failure: unknown;
    try {
      await this.options.adapter.continueConversationAsync(this.options.appId, reference, async (context) => {
        // Proactive posts start a new message, not a reply to the made-up continuation activity.
        context.onSendActivities(async (_ctx, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        // Caught here: the adapter's turn-error handler would otherwise swallow it.
        try {
          ref = await post(context);
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    return failure === undefined ? { ok: true, ref } : classify(failure);
  }
}

function parseReference(json: string | null | undefined): Partial<ConversationReference> | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as Partial<ConversationReference>;
    return value && typeof value === "object" && value.conversation?.id && value.serviceUrl ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Maps a failed Bot Connector call to what the dispatcher should do next. */
export function classify(error: unknown): DeliveryResult {
  const status = statusOf(error);
  const code = errorCodeOf(error);
  const text = `${status ?? "error"} ${code ?? ""} ${(error as Error)?.message ?? ""}`.trim().slice(0, 500);
  // 403: the user removed the app (BotNotInConversationRoster) or blocked it (MessageWritesBlocked).
  // 404: the conversation no longer exists. Retrying cannot help either.
  if (status === 403 || status === 404 || code === "BotNotInConversationRoster" || code === "MessageWritesBlocked") {
    return { ok: false, error: text, unreachable: true };
  }
  if (status === 429) {
    const retryAfter = retryAfterOf(error);
    return { ok: false, error: text, ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}) };
  }
  if (status === 400 || status === 413) return { ok: false, error: text, permanent: true };
  return { ok: false, error: text };
}

function retryAfterOf(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } })?.response?.headers;
  const value = headers?.get?.("retry-after");
  const seconds = value === undefined ? NaN : Number(value);
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : undefined;
}
