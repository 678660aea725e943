// Posting to Slack. A message with a replaceKey (a dialogue step, an ARR summary, a
// plan view) is posted once and then updated in place with chat.update; where it was
// posted is kept in PostedMessage. The outbox reaches people and the ARR channel
// through SlackDelivery, which turns Web API failures into what the dispatcher
// understands (wait, unreachable, permanent, retry).
import type { WebClient } from "@slack/web-api";
import type { Message } from "../../domain/messages/model.js";
import { KeyedLock, workspaceLocale, type ChannelFacade, type DeliveryChannel, type DeliveryResult, type Person, type Workspace } from "../../app/facade/index.js";
import { translator, type Locale } from "../../i18n/index.js";
import type { Logger } from "../../logging/logger.js";
import { frozen, renderMessage } from "./render.js";
import { slackErrorCode, toDeliveryResult } from "./errors.js";
import type { Directory } from "./identity.js";

const CHANNEL = "slack" as const;
/** chat.update failures that mean "the old message is gone or frozen": post a new one instead. */
const GONE = new Set(["message_not_found", "cant_update_message", "edit_window_closed", "msg_too_long_to_update"]);
/** How long a failed e-mail lookup stops us from trying Slack for that person again. */
const LOOKUP_MISS_MS = 60 * 60_000;

export interface PutOptions {
  /**
   * The person answered by typing: the old copy stays where it was (without its
   * buttons) and the new version is posted below the typed answer.
   */
  moveDown?: boolean;
}

/** Posts and updates messages, one at a time per Slack channel so they arrive in order. */
export class SlackPoster {
  private readonly lock = new KeyedLock();
  /** The last message posted per replaceKey and channel, to leave a readable copy when it moves down. */
  private readonly recent = new Map<string, Message>();

  constructor(
    private readonly facade: ChannelFacade,
    private readonly logger: Logger,
  ) {}

  /** Posts (or updates in place) and returns the message ts. Web API errors are thrown. */
  put(client: WebClient, channel: string, message: Message, locale: Locale, options: PutOptions = {}): Promise<string> {
    return this.lock.run(channel, () => this.putNow(client, channel, message, locale, options));
  }

  private async putNow(client: WebClient, channel: string, message: Message, locale: Locale, options: PutOptions): Promise<string> {
    const t = translator(locale);
    const rendered = renderMessage(message, { t, surface: "message" });
    const key = message.replaceKey;
    if (key) {
      const ref = await this.facade.postedRef(key, CHANNEL, channel);
      if (ref !== undefined && options.moveDown) {
        await this.leaveCopy(client, channel, ref, key, t);
      } else if (ref !== undefined) {
        try {
          await client.chat.update({ channel, ts: ref, text: rendered.text, blocks: rendered.blocks });
          this.remember(key, channel, message);
          return ref;
        } catch (error) {
          if (!GONE.has(slackErrorCode(error) ?? "")) throw error;
        }
      }
    }
    const posted = await client.chat.postMessage({ channel, text: rendered.text, blocks: rendered.blocks, unfurl_links: false, unfurl_media: false });
    const ts = posted.ts ?? "";
    if (key) {
      await this.facade.rememberPosted(key, CHANNEL, channel, ts);
      this.remember(key, channel, message);
    }
    return ts;
  }

  /** The old copy keeps its text (or, after a restart, a pointer downwards) and loses its buttons. */
  private async leaveCopy(client: WebClient, channel: string, ts: string, key: string, t: ReturnType<typeof translator>): Promise<void> {
    const old = this.recent.get(`${key}\u0000${channel}`);
    const text = t("slack:dialogue.continuedBelow");
    const copy: Message = old ? frozen(old) : { summary: text, blocks: [{ kind: "text", text, style: "muted" }] };
    const rendered = renderMessage(copy, { t, surface: "message" });
    try {
      await client.chat.update({ channel, ts, text: rendered.text, blocks: rendered.blocks });
    } catch (error) {
      // The new message still goes out; a stale copy above it is only cosmetic.
      this.logger.warn({ err: error }, "could not freeze the previous slack message");
    }
  }

  private remember(key: string, channel: string, message: Message): void {
    // Only dialogue steps move down when answered by typing; they are small.
    if (!key.startsWith("dialogue:")) return;
    const id = `${key}\u0000${channel}`;
    this.recent.delete(id);
    this.recent.set(id, message);
    if (this.recent.size > 1000) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
  }
}

/** The person's DM with the bot: the stored one, else opened (conversations.open) and stored. */
export async function dmChannelOf(facade: ChannelFacade, client: WebClient, person: Person): Promise<string> {
  if (person.slackDmChannel) return person.slackDmChannel;
  if (!person.slackUserId) throw new Error("person has no Slack user id");
  const opened = await client.conversations.open({ users: person.slackUserId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error("conversations.open returned no channel");
  await facade.setSlackDm(person, channel);
  person.slackDmChannel = channel;
  return channel;
}

/** Posts to a person's DM; a stored DM that no longer exists is opened again once. */
export async function putToPerson(facade: ChannelFacade, client: WebClient, poster: SlackPoster, person: Person, message: Message, options: PutOptions = {}): Promise<string> {
  const locale = await facade.localeOf(person);
  const stored = person.slackDmChannel;
  try {
    return await poster.put(client, await dmChannelOf(facade, client, person), message, locale, options);
  } catch (error) {
    if (!stored || slackErrorCode(error) !== "channel_not_found") throw error;
    await facade.setSlackDm(person, null);
    person.slackDmChannel = null;
    return poster.put(client, await dmChannelOf(facade, client, person), message, locale, options);
  }
}

export interface SlackDeliveryDeps {
  facade: ChannelFacade;
  /** A client that reports 429s at once (rejectRateLimitedCalls): the dispatcher waits, not us. */
  client: WebClient;
  poster: SlackPoster;
  directory: Directory;
  teamId: string | undefined;
  logger: Logger;
}

export class SlackDelivery implements DeliveryChannel {
  readonly name = "slack" as const;
  private readonly lookupMisses = new Map<string, number>();

  constructor(private readonly deps: SlackDeliveryDeps) {}

  canReach(person: Person): boolean {
    if (person.slackUserId) return true;
    // Someone known on Teams is not looked for in Slack; others are found by e-mail.
    if (person.teamsUserId || person.teamsConversationRef) return false;
    const missed = this.lookupMisses.get(person.email);
    return missed === undefined || Date.now() - missed > LOOKUP_MISS_MS;
  }

  async sendToPerson(person: Person, message: Message): Promise<DeliveryResult> {
    const { facade, client, poster, directory, teamId } = this.deps;
    try {
      let target = person;
      if (!target.slackUserId) {
        target = await directory.link(client, person, teamId);
        if (!target.slackUserId) {
          this.lookupMisses.set(person.email, Date.now());
          return { ok: false, error: "users_not_found", unreachable: true };
        }
      }
      return { ok: true, ref: await putToPerson(facade, client, poster, target, message) };
    } catch (error) {
      if (slackErrorCode(error) === "users_not_found") this.lookupMisses.set(person.email, Date.now());
      const result = toDeliveryResult(error);
      this.deps.logger.warn({ personId: person.id, error: result.error }, "slack delivery failed");
      return result;
    }
  }

  hasArrChannel(workspace: Workspace): boolean {
    return workspace.platform === "slack" && Boolean(workspace.arrChannel);
  }

  async sendToArr(workspace: Workspace, message: Message): Promise<DeliveryResult> {
    if (!workspace.arrChannel) return { ok: false, error: "no ARR channel", unreachable: true };
    try {
      return { ok: true, ref: await this.deps.poster.put(this.deps.client, workspace.arrChannel, message, workspaceLocale(workspace)) };
    } catch (error) {
      const result = toDeliveryResult(error);
      this.deps.logger.warn({ workspaceId: workspace.id, error: result.error }, "slack ARR delivery failed");
      return result;
    }
  }
}
