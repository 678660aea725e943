// What the Slack app listens to: the /jobbdialog command, button clicks, the two
// modals, messages in the bot's DM and the Home tab. A listener stores the request's
// work in the durable inbox (src/app/inbox/, through the facade; a repeat delivery is
// refused by its key) and only then acknowledges; the inbox worker processes it in
// the person's order (processSlackWork). What Slack needs within its 3 seconds stays
// right after the ack and is not stored: a modal opened with the trigger id, field
// errors of a modal (in the ack itself), the Home tab.
import type { AllMiddlewareArgs, App, BlockAction, RespondArguments, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Command } from "../../domain/messages/commands.js";
import { parseCommand } from "../../domain/messages/commands.js";
import type { Message } from "../../domain/messages/model.js";
import { todayFor, type ChannelFacade, type Person, type PlatformUser } from "../../app/facade/index.js";
import { translator, type Locale } from "../../i18n/index.js";
import type { Logger } from "../../logging/logger.js";
import { dedupeKey } from "./dedupe.js";
import { dmChannelOf, putToPerson, type SlackPoster } from "./delivery.js";
import { slackErrorCode } from "./errors.js";
import { homeView, strangerHomeView } from "./home.js";
import type { Directory, Identity } from "./identity.js";
import { answerFromState } from "./inbound.js";
import { unescapeSlackText } from "./limits.js";
import { CALLBACK, notNeededModal, readNotNeeded, readReport, reportModal } from "./modals.js";
import { ACTION, closeSlackBlocks, fallbackText, type SlackBlock } from "./render.js";
import type { Work } from "./work.js";
import { InboxRefused, type SlackWork } from "./workItem.js";

type Respond = (body: RespondArguments) => Promise<unknown>;

export interface SlackRuntime {
  facade: ChannelFacade;
  logger: Logger;
  directory: Directory;
  poster: SlackPoster;
  work: Work;
  /** The Web API client the stored work answers with (the request's own client is gone after a restart). */
  client: WebClient;
  /** The workspace the bot token belongs to (auth.test). */
  teamId: string | undefined;
}

/** Commands whose answer settles the message that was clicked (its buttons go away). */
const SETTLING: ReadonlySet<Command["type"]> = new Set(["milestone", "measure", "plan.review"]);

export function registerListeners(app: App, rt: SlackRuntime): void {
  app.command("/jobbdialog", async (args) => {
    const { command } = args;
    const wanted = slashCommand(rt, command.text ?? "");
    if (wanted === "report") {
      // The modal needs the trigger id within three seconds: opened right after the ack, not stored.
      await args.ack();
      rt.work.start(command.user_id, "command", () => openReportFromCommand(rt, args));
      return;
    }
    const who = whoOf(command.team_id || rt.teamId, command.user_id);
    await store(rt, dedupeKey.command(command.trigger_id), who, {
      kind: "command",
      who,
      ...(wanted === "arrChannel" ? { arrChannel: true } : { command: wanted }),
      channelId: command.channel_id,
      ...(command.response_url ? { responseUrl: command.response_url } : {}),
    });
    await args.ack();
  });

  app.action<BlockAction>({ action_id: new RegExp(`^(${ACTION.command}|${ACTION.next})`) }, async ({ ack, body, client }) => {
    const action = body.actions[0];
    const command = commandOf(body);
    if (!action || !command) {
      if (action) rt.logger.warn({ actionId: action.action_id }, "slack action without a valid command");
      return void (await ack());
    }
    if (command.type === "report" || (command.type === "milestone" && command.action === "open_not_needed")) {
      // A modal to open with the trigger id: right after the ack, not stored.
      await ack();
      rt.work.start(body.user.id, "action", () => openModalFromAction(rt, body, client, command));
      return;
    }
    const who = whoOf(teamOf(body, rt), body.user.id);
    const container = body.container as { type?: string; channel_id?: string; message_ts?: string };
    const settles = SETTLING.has(command.type) && container.type === "message" && container.channel_id && container.message_ts && body.message;
    await store(rt, dedupeKey.action(action.action_ts, body.user.id, action.action_id), who, {
      kind: "action",
      who,
      command,
      ...(settles ? { settle: { channel: container.channel_id!, ts: container.message_ts!, blocks: (body.message?.blocks as SlackBlock[] | undefined) ?? [] } } : {}),
      fromHome: container.type === "view" && body.view?.type === "home",
    });
    await ack();
  });

  /** A valid modal is stored before its ack (field errors go back in the ack itself). */
  const storeView = async (body: { user: { id: string } }, viewId: string, command: Command) => {
    const who = whoOf(teamOf(body, rt), body.user.id);
    await store(rt, dedupeKey.view(viewId), who, { kind: "view", who, command });
  };

  app.view(CALLBACK.report, async ({ ack, body, view }) => {
    // A repeat of a submission already stored is acknowledged as it is (not checked against its own result).
    if (await rt.facade.inInbox(dedupeKey.view(view.id))) return void (await ack());
    const person = await rt.facade.linkedPerson("slack", teamOf(body, rt), body.user.id);
    if (!person) return void (await ack());
    // Inside the 3-second ack window: the language is looked up once.
    const locale = await rt.facade.localeOf(person);
    const t = translator(locale);
    const today = todayFor(person, rt.facade.clock());
    const reading = readReport(view.state.values, t, locale, today, await rt.facade.existingPeriods(person));
    if (!reading.ok) return void (await ack({ response_action: "errors", errors: reading.errors }));
    await storeView(body, view.id, reading.command);
    await ack();
  });

  app.view(CALLBACK.notNeeded, async ({ ack, body, view }) => {
    if (await rt.facade.inInbox(dedupeKey.view(view.id))) return void (await ack());
    const person = await rt.facade.linkedPerson("slack", teamOf(body, rt), body.user.id);
    if (!person) return void (await ack());
    const reading = readNotNeeded(view.state.values, view.private_metadata, translator(await rt.facade.localeOf(person)));
    if (!reading.ok) return void (await ack({ response_action: "errors", errors: reading.errors }));
    await storeView(body, view.id, reading.command);
    await ack();
  });

  app.event("message", async ({ event, body }) => {
    // Only what a person typed in their DM with the bot; edits, joins and bots are not answers.
    if (event.channel_type !== "im" || event.subtype !== undefined) return;
    if (!("user" in event) || !event.user || ("bot_id" in event && event.bot_id)) return;
    const text = unescapeSlackText(event.text ?? "").trim();
    if (!text) return;
    const eventId = (body as { event_id?: string }).event_id ?? `${event.channel}:${event.ts}`;
    const who = whoOf(teamOf(body, rt), event.user);
    // Acknowledged by Bolt only when this returns (the HTTP receiver's processBeforeResponse).
    await store(rt, dedupeKey.event(eventId), who, { kind: "message", who, channel: event.channel, text });
  });

  app.event("app_home_opened", async ({ event, body, client }) => {
    // Not stored: the Home tab is drawn afresh at the next visit anyway.
    const eventId = (body as { event_id?: string }).event_id ?? `home:${event.user}:${event.tab}:${event.event_ts}`;
    rt.work.start(event.user, "home", async () => {
      if (!(await rt.facade.claimDelivery(dedupeKey.event(eventId)))) return;
      const identity = await rt.directory.identify(client, event.user, teamOf(body, rt));
      if (event.tab === "home") return publishHome(rt, client, event.user, identity);
      // The first visit to the Messages tab: say hello with what the bot can do, once.
      if (event.tab === "messages" && identity.kind === "person" && !identity.person.slackDmChannel) {
        await handleAndReply(rt, client, identity.person, { type: "help" });
      }
    });
  });
}

/** The platform user behind a request. */
function whoOf(teamId: string | undefined, userId: string): PlatformUser {
  return { platform: "slack", tenant: teamId, userId };
}

/** Stores the work item before the ack; a repeat delivery (same key) is acknowledged and nothing more. */
async function store(rt: SlackRuntime, key: string, who: PlatformUser, work: SlackWork): Promise<void> {
  try {
    await rt.facade.enqueue({ channel: "slack", dedupeKey: key, partition: `slack:${who.tenant ?? ""}:${who.userId}`, payload: work });
  } catch (error) {
    // No ack: Slack retries an event, and the person sees the command fail instead of silence.
    throw new InboxRefused(error);
  }
}

function teamOf(body: unknown, rt: SlackRuntime): string | undefined {
  const b = body as { team_id?: string; team?: { id?: string } | null; user?: { team_id?: string } };
  return b.team_id ?? b.team?.id ?? b.user?.team_id ?? rt.teamId;
}

async function publishHome(rt: SlackRuntime, client: WebClient, userId: string, identity: Identity): Promise<void> {
  const view = identity.kind === "person" ? await homeView(rt.facade, identity.person) : strangerHomeView(identity.locale);
  await client.views.publish({ user_id: userId, view });
}

/** Sends the core's answer to the person's DM, in order; dialogue steps replace their earlier version. */
async function reply(rt: SlackRuntime, client: WebClient, person: Person, messages: Message[], options: { moveDown?: boolean } = {}): Promise<void> {
  for (const message of messages) {
    await rt.work.yield();
    await putToPerson(rt.facade, client, rt.poster, person, message, message.replaceKey ? options : {});
  }
}

async function handleAndReply(rt: SlackRuntime, client: WebClient, person: Person, command: Command): Promise<Message[]> {
  await rt.work.yield();
  const messages = await rt.facade.handle(person, command, "slack");
  await reply(rt, client, person, messages);
  return messages;
}

/** What `/jobbdialog <text>` asks for, by the one keyword table: a command, the report form, or the ARR channel. */
function slashCommand(rt: SlackRuntime, text: string): Command | "report" | "arrChannel" {
  const meaning = rt.facade.keywords.meaningOf(text);
  if (meaning?.kind === "arrChannel") return "arrChannel";
  if (meaning?.kind !== "command") return { type: "help" }; // anything else (and nothing) shows what the bot can do
  return meaning.command.type === "report" ? "report" : meaning.command;
}

async function ephemeral(respond: Respond, text: string, logger: Logger): Promise<void> {
  try {
    await respond({ response_type: "ephemeral", replace_original: false, text: fallbackText(text) });
  } catch (error) {
    logger.warn({ err: error }, "could not answer the slash command in place");
  }
}

/** Answers through a slash command's response_url (valid for 30 minutes, so also after a restart). */
function respondVia(url: string | undefined): Respond {
  return async (body) => {
    if (!url) throw new Error("no response_url");
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`response_url answered ${res.status}`);
  };
}

/** `/jobbdialog syk`: the report modal, opened with the command's trigger id. */
async function openReportFromCommand(rt: SlackRuntime, { command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  if (!(await rt.facade.claimDelivery(dedupeKey.command(command.trigger_id)))) return;
  const identity = await rt.directory.identify(client, command.user_id, command.team_id || rt.teamId);
  if (identity.kind === "stranger") return ephemeral(respond, translator(identity.locale)("common:errors.notInDirectory"), rt.logger);
  const t = translator(await rt.facade.localeOf(identity.person));
  await client.views.open({ trigger_id: command.trigger_id, view: reportModal(t, todayFor(identity.person, rt.facade.clock())) });
}

/** A button that opens a modal (the report form, "plan not needed"), with the click's trigger id. */
async function openModalFromAction(rt: SlackRuntime, body: BlockAction, client: WebClient, command: Command): Promise<void> {
  const action = body.actions[0]!;
  if (!(await rt.facade.claimDelivery(dedupeKey.action(action.action_ts, body.user.id, action.action_id)))) return;
  const identity = await rt.directory.identify(client, body.user.id, teamOf(body, rt));
  if (identity.kind === "stranger") {
    await client.chat.postMessage({ channel: body.user.id, text: translator(identity.locale)("common:errors.notInDirectory") });
    return;
  }
  const t = translator(await rt.facade.localeOf(identity.person));
  if (command.type === "milestone") await client.views.open({ trigger_id: body.trigger_id, view: notNeededModal(t, command) });
  else await client.views.open({ trigger_id: body.trigger_id, view: reportModal(t, todayFor(identity.person, rt.facade.clock())) });
}

/**
 * Processes one stored work item (the inbox worker calls this). A failure before the
 * conversation core has handled the command throws, so the row is retried; once the
 * core has handled it, a failed reply is logged and the row is done (the command is
 * never applied twice because a reply failed).
 */
export async function processSlackWork(rt: SlackRuntime, work: SlackWork): Promise<void> {
  const client = rt.client;
  await rt.work.yield();
  const afterHandle = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (error) {
      rt.logger.warn({ err: error, work: what }, "slack: the command was handled, its reply failed");
    }
  };
  switch (work.kind) {
    case "command": {
      const respond = respondVia(work.responseUrl);
      const identity = await rt.directory.identify(client, work.who.userId, work.who.tenant);
      if (identity.kind === "stranger") return ephemeral(respond, translator(identity.locale)("common:errors.notInDirectory"), rt.logger);
      const person = identity.person;
      if (work.arrChannel) return registerArrChannel(rt, client, person, work.channelId, work.who.tenant, respond);
      if (!work.command) return;
      const messages = await rt.facade.handle(person, work.command, "slack");
      await afterHandle("command", async () => {
        await reply(rt, client, person, messages);
        // Answers go to the DM (they may be personal); elsewhere say where they went.
        if (work.channelId !== (await dmChannelOf(rt.facade, client, person))) {
          await ephemeral(respond, translator(await rt.facade.localeOf(person))("slack:command.answeredInDm"), rt.logger);
        }
      });
      return;
    }
    case "action": {
      const identity = await rt.directory.identify(client, work.who.userId, work.who.tenant);
      if (identity.kind === "stranger") {
        await client.chat.postMessage({ channel: work.who.userId, text: translator(identity.locale)("common:errors.notInDirectory") });
        return;
      }
      const person = identity.person;
      const messages = await rt.facade.handle(person, work.command, "slack");
      await afterHandle("action", async () => {
        await reply(rt, client, person, messages);
        if (work.settle && !messages.some((m) => m.replaceKey)) {
          await settle(rt, client, work.settle.channel, work.settle.ts, work.settle.blocks, messages, await rt.facade.localeOf(person));
        }
        if (work.fromHome) await publishHome(rt, client, work.who.userId, identity);
      });
      return;
    }
    case "view": {
      const person = await rt.facade.linkedPerson("slack", work.who.tenant, work.who.userId);
      if (!person) return;
      const messages = await rt.facade.handle(person, work.command, "slack");
      await afterHandle("view", () => reply(rt, client, person, messages));
      return;
    }
    case "message": {
      const identity = await rt.directory.identify(client, work.who.userId, work.who.tenant);
      if (identity.kind === "stranger") {
        await client.chat.postMessage({ channel: work.channel, text: translator(identity.locale)("common:errors.notInDirectory") });
        return;
      }
      const person = await rt.facade.setSlackDm(identity.person, work.channel);
      await rt.work.yield();
      const messages = await rt.facade.handle(person, { type: "text", text: work.text }, "slack");
      await afterHandle("message", () => reply(rt, client, person, messages, { moveDown: true }));
      return;
    }
  }
}

/** `/jobbdialog arr-kanal` in a channel: an HR admin makes it the workspace's ARR channel. */
async function registerArrChannel(rt: SlackRuntime, client: WebClient, person: Person, channel: string, teamId: string | undefined, respond: Respond): Promise<void> {
  const t = translator(await rt.facade.localeOf(person));
  if (!rt.facade.mayRegisterArrChannel(person)) return ephemeral(respond, t("slack:arr.onlyHr"), rt.logger);
  if (!teamId || channel.startsWith("D")) return ephemeral(respond, t("slack:arr.notInDm"), rt.logger);
  try {
    // Posting proves the bot may write here before anything is sent to the channel for real.
    await client.chat.postMessage({ channel, text: fallbackText(t("slack:arr.welcome")) });
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === "not_in_channel" || code === "channel_not_found") return ephemeral(respond, t("slack:arr.inviteFirst"), rt.logger);
    throw error;
  }
  const outcome = await rt.facade.registerArrChannel(person, "slack", teamId, channel);
  await ephemeral(respond, t(outcome === "registered" ? "slack:arr.registered" : "slack:arr.onlyHr"), rt.logger);
}

function commandOf(body: BlockAction): Command | undefined {
  const action = body.actions[0];
  if (!action || !("value" in action) || typeof action.value !== "string") return undefined;
  if (action.action_id.startsWith(ACTION.next)) {
    // "Next" under an input: the answer is what the person entered in the block it names.
    const base = parseCommand(action.value);
    if (!base) return undefined;
    const blockId = action.action_id.slice(ACTION.next.length);
    return parseCommand({ ...base, answer: answerFromState(body.state?.values, blockId) ?? "" });
  }
  return parseCommand(action.value);
}

/** The clicked message keeps its text; its buttons give way to what came of the click. */
async function settle(rt: SlackRuntime, client: WebClient, channel: string, ts: string, blocks: SlackBlock[] | undefined, messages: Message[], locale: Locale): Promise<void> {
  const outcome = messages.map((m) => m.summary).filter(Boolean).join(" ") || translator(locale)("slack:render.done");
  try {
    await client.chat.update({ channel, ts, text: fallbackText(outcome), blocks: closeSlackBlocks(blocks ?? [], outcome) });
  } catch (error) {
    rt.logger.warn({ err: error }, "could not update the clicked slack message");
  }
}
