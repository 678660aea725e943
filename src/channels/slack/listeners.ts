// What the Slack app listens to: the /jobbdialog command, button clicks, the two
// modals, messages in the bot's DM and the Home tab. Every listener acknowledges
// first (Slack wants an answer within 3 seconds) and does the work afterwards,
// once per delivery (ProcessedEvent), in the person's order.
import type { AllMiddlewareArgs, App, BlockAction, RespondFn, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Command } from "../../domain/messages/commands.js";
import { parseCommand } from "../../domain/messages/commands.js";
import type { Message } from "../../domain/messages/model.js";
import { todayFor, type ChannelFacade, type Person } from "../../app/facade/index.js";
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

export interface SlackRuntime {
  facade: ChannelFacade;
  logger: Logger;
  directory: Directory;
  poster: SlackPoster;
  work: Work;
  /** The workspace the bot token belongs to (auth.test). */
  teamId: string | undefined;
}

/** Commands whose answer settles the message that was clicked (its buttons go away). */
const SETTLING: ReadonlySet<Command["type"]> = new Set(["milestone", "measure", "plan.review"]);

export function registerListeners(app: App, rt: SlackRuntime): void {
  app.command("/jobbdialog", async (args) => {
    await args.ack();
    rt.work.start(args.command.user_id, "command", () => onCommand(rt, args));
  });

  app.action<BlockAction>({ action_id: new RegExp(`^(${ACTION.command}|${ACTION.next})`) }, async ({ ack, body, client }) => {
    await ack();
    rt.work.start(body.user.id, "action", () => onAction(rt, body, client));
  });

  app.view(CALLBACK.report, async ({ ack, body, view, client }) => {
    const person = await rt.facade.linkedPerson("slack", teamOf(body, rt), body.user.id);
    if (!person) return void (await ack());
    const t = translator(await rt.facade.localeOf(person));
    const today = todayFor(person, rt.facade.clock());
    const reading = readReport(view.state.values, t, await rt.facade.localeOf(person), today, await rt.facade.existingPeriods(person));
    if (!reading.ok) return void (await ack({ response_action: "errors", errors: reading.errors }));
    await ack();
    rt.work.start(body.user.id, "report", async () => {
      if (!(await rt.facade.claimDelivery(dedupeKey.view(view.id)))) return;
      await handleAndReply(rt, client, person, reading.command);
    });
  });

  app.view(CALLBACK.notNeeded, async ({ ack, body, view, client }) => {
    const person = await rt.facade.linkedPerson("slack", teamOf(body, rt), body.user.id);
    if (!person) return void (await ack());
    const reading = readNotNeeded(view.state.values, view.private_metadata, translator(await rt.facade.localeOf(person)));
    if (!reading.ok) return void (await ack({ response_action: "errors", errors: reading.errors }));
    await ack();
    rt.work.start(body.user.id, "not_needed", async () => {
      if (!(await rt.facade.claimDelivery(dedupeKey.view(view.id)))) return;
      await handleAndReply(rt, client, person, reading.command);
    });
  });

  app.event("message", async ({ event, body, client }) => {
    // Only what a person typed in their DM with the bot; edits, joins and bots are not answers.
    if (event.channel_type !== "im" || event.subtype !== undefined) return;
    if (!("user" in event) || !event.user || ("bot_id" in event && event.bot_id)) return;
    const userId = event.user;
    const text = unescapeSlackText(event.text ?? "").trim();
    if (!text) return;
    const eventId = (body as { event_id?: string }).event_id ?? `${event.channel}:${event.ts}`;
    rt.work.start(userId, "message", async () => {
      if (!(await rt.facade.claimDelivery(dedupeKey.event(eventId)))) return;
      const identity = await rt.directory.identify(client, userId, teamOf(body, rt));
      if (identity.kind === "stranger") {
        await client.chat.postMessage({ channel: event.channel, text: translator(identity.locale)("common:errors.notInDirectory") });
        return;
      }
      const person = await rt.facade.setSlackDm(identity.person, event.channel);
      await rt.work.yield();
      const messages = await rt.facade.handle(person, { type: "text", text }, "slack");
      await reply(rt, client, person, messages, { moveDown: true });
    });
  });

  app.event("app_home_opened", async ({ event, body, client }) => {
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

async function ephemeral(respond: RespondFn, text: string, logger: Logger): Promise<void> {
  try {
    await respond({ response_type: "ephemeral", replace_original: false, text: fallbackText(text) });
  } catch (error) {
    logger.warn({ err: error }, "could not answer the slash command in place");
  }
}

async function onCommand(rt: SlackRuntime, { command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  if (!(await rt.facade.claimDelivery(dedupeKey.command(command.trigger_id)))) return;
  const identity = await rt.directory.identify(client, command.user_id, command.team_id || rt.teamId);
  if (identity.kind === "stranger") {
    await ephemeral(respond, translator(identity.locale)("common:errors.notInDirectory"), rt.logger);
    return;
  }
  const person = identity.person;
  const t = translator(await rt.facade.localeOf(person));
  const wanted = slashCommand(rt, command.text ?? "");
  if (wanted === "arrChannel") {
    await registerArrChannel(rt, client, person, command.channel_id, command.team_id || rt.teamId, respond);
    return;
  }
  if (wanted === "report") {
    await client.views.open({ trigger_id: command.trigger_id, view: reportModal(t, todayFor(person, rt.facade.clock())) });
    return;
  }
  await handleAndReply(rt, client, person, wanted);
  // Answers go to the DM (they may be personal); elsewhere say where they went.
  if (command.channel_id !== (await dmChannelOf(rt.facade, client, person))) {
    await ephemeral(respond, t("slack:command.answeredInDm"), rt.logger);
  }
}

/** `/jobbdialog arr-kanal` in a channel: an HR admin makes it the workspace's ARR channel. */
async function registerArrChannel(rt: SlackRuntime, client: WebClient, person: Person, channel: string, teamId: string | undefined, respond: RespondFn): Promise<void> {
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

async function onAction(rt: SlackRuntime, body: BlockAction, client: WebClient): Promise<void> {
  const action = body.actions[0];
  if (!action) return;
  if (!(await rt.facade.claimDelivery(dedupeKey.action(action.action_ts, body.user.id, action.action_id)))) return;
  const identity = await rt.directory.identify(client, body.user.id, teamOf(body, rt));
  if (identity.kind === "stranger") {
    await client.chat.postMessage({ channel: body.user.id, text: translator(identity.locale)("common:errors.notInDirectory") });
    return;
  }
  const person = identity.person;
  const command = commandOf(body);
  if (!command) {
    rt.logger.warn({ actionId: action.action_id }, "slack action without a valid command");
    return;
  }
  const t = translator(await rt.facade.localeOf(person));
  if (command.type === "report") {
    await client.views.open({ trigger_id: body.trigger_id, view: reportModal(t, todayFor(person, rt.facade.clock())) });
    return;
  }
  if (command.type === "milestone" && command.action === "open_not_needed") {
    await client.views.open({ trigger_id: body.trigger_id, view: notNeededModal(t, command) });
    return;
  }
  const messages = await handleAndReply(rt, client, person, command);
  const container = body.container as { type?: string; channel_id?: string; message_ts?: string };
  if (SETTLING.has(command.type) && container.type === "message" && container.channel_id && container.message_ts && body.message && !messages.some((m) => m.replaceKey)) {
    await settle(rt, client, container.channel_id, container.message_ts, body.message.blocks as SlackBlock[] | undefined, messages, await rt.facade.localeOf(person));
  }
  if (container.type === "view" && body.view?.type === "home") await publishHome(rt, client, body.user.id, identity);
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
