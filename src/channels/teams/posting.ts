// Posting Messages as Adaptive Cards in one Teams conversation, and replacing a
// message posted earlier under the same replaceKey (remembered in PostedMessage).
// Used inside a turn (replies) and inside continueConversationAsync (proactive).
import { CardFactory, MessageFactory, type TurnContext } from "botbuilder";
import type { ChannelFacade } from "../../app/facade/index.js";
import type { Message } from "../../domain/messages/model.js";
import type { Translate } from "../../i18n/index.js";
import { renderCard, textCard, type ActionMode, type CardJson } from "./cards.js";

export const CHANNEL = "teams" as const;

export interface PostOptions {
  facade: ChannelFacade;
  t: Translate;
  mode: ActionMode;
  /**
   * Replace the earlier card in place. Otherwise a new card is posted (so the person
   * is notified and sees it at the bottom) and the earlier one is marked as replaced.
   */
  inPlace: (previousRef: string) => boolean;
}

export function cardActivity(card: CardJson, summary: string) {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  // Shown in notifications and by clients that cannot render the card.
  activity.summary = summary.slice(0, 500);
  return activity;
}

/** Posts (or replaces) one message; returns the Teams activity id it lives in. */
export async function postMessage(context: TurnContext, message: Message, options: PostOptions): Promise<string> {
  const card = renderCard(message, { mode: options.mode, t: options.t });
  return postCard(context, card, message.summary, message.replaceKey, options);
}

export async function postCard(context: TurnContext, card: CardJson, summary: string, replaceKey: string | undefined, options: PostOptions): Promise<string> {
  const { facade } = options;
  const target = context.activity.conversation.id;
  const previousRef = replaceKey ? await facade.postedRef(replaceKey, CHANNEL, target) : undefined;
  const previous = previousRef !== undefined ? { ref: previousRef } : null;
  const activity = cardActivity(card, summary);
  if (replaceKey && previous && options.inPlace(previous.ref)) {
    try {
      await context.updateActivity({ ...activity, id: previous.ref });
      await facade.rememberPosted(replaceKey, CHANNEL, target, previous.ref);
      return previous.ref;
    } catch (error) {
      // The old message is gone (deleted, too old to edit): post a new one below.
      if (statusOf(error) !== 404 && statusOf(error) !== 400) throw error;
    }
  }
  const sent = await context.sendActivity(activity);
  const ref = sent?.id ?? "";
  if (replaceKey && ref) {
    await facade.rememberPosted(replaceKey, CHANNEL, target, ref);
    if (previous && previous.ref !== ref) {
      // The earlier card's buttons belong to an older state; say so instead of leaving them live.
      await context
        .updateActivity({ ...cardActivity(textCard(options.t("teams:card.superseded"), "muted"), options.t("teams:card.superseded")), id: previous.ref })
        .catch(() => undefined);
    }
  }
  return ref;
}

/** The HTTP status of a failed Bot Connector call, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  const value = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof value === "number" ? value : undefined;
}

/** The Bot Connector's error code (e.g. "BotNotInConversationRoster"), if it sent one. */
export function errorCodeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; body?: unknown; response?: { bodyAsText?: unknown; parsedBody?: unknown } } | null;
  const fromBody = (body: unknown): string | undefined => {
    const parsed = typeof body === "string" ? safeJson(body) : body;
    const code = (parsed as { error?: { code?: unknown } } | undefined)?.error?.code;
    return typeof code === "string" ? code : undefined;
  };
  return fromBody(e?.body) ?? fromBody(e?.response?.parsedBody) ?? fromBody(e?.response?.bodyAsText) ?? (typeof e?.code === "string" && /^[A-Z]/.test(e.code) ? e.code : undefined);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
