// Runs the real bot (startBot: database, HTTP server, the Slack adapter with Bolt)
// against the fake Slack, and talks to it the way Slack does: signed requests to
// POST /slack/events (slash commands, clicks, modal submits, Events API).
import { createHmac, randomUUID } from "node:crypto";
import { loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/logging/logger.js";
import { startBot, type RunningBot } from "../../../src/server/bot.js";
import { importDirectory } from "../../../src/app/directory/importDirectory.js";
import { localDateOf } from "../../../src/domain/time/zone.js";
import { createTempDb, type TempDb } from "../../helpers/tempDb.js";
import { FakeSlack, TEAM_ID, type PostedMessage } from "./fakeSlack.js";

export const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
/** The operator token that shows /healthz details (work in flight). */
export const HEALTH_TOKEN = "operator-token-for-tests";

/** /healthz with the details an operator sees. */
export async function health(h: { url: string }): Promise<Record<string, unknown>> {
  return (await (await fetch(`${h.url}/healthz`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } })).json()) as Record<string, unknown>;
}

export interface Harness {
  fake: FakeSlack;
  db: TempDb;
  bot: RunningBot;
  url: string;
  stop(): Promise<void>;
}

export async function startHarness(options: { directory: string; env?: Record<string, string>; prepare?: (fake: FakeSlack) => Promise<void> }): Promise<Harness> {
  const fake = await new FakeSlack().start();
  await options.prepare?.(fake);
  const db = await createTempDb();
  await importDirectory(db.db, options.directory, { defaultTimeZone: "Europe/Oslo" });
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_API_URL: fake.url,
    HEALTH_TOKEN,
    ...options.env,
  });
  const bot = await startBot(config, createLogger(process.env.TEST_LOG_LEVEL ?? "silent"));
  return {
    fake,
    db,
    bot,
    url: bot.http.url,
    async stop() {
      await bot.stop();
      await fake.stop();
      await db.dispose();
    },
  };
}

export function today(): string {
  return localDateOf(new Date(), "Europe/Oslo");
}

export function signature(body: string, timestamp: number, secret = SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
  /** Sign this body but send another (a tampered request). */
  sendBody?: string;
}

export async function send(h: Harness, body: string, contentType: string, options: SendOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${h.url}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature(body, timestamp, options.secret),
      ...options.headers,
    },
    body: options.sendBody ?? body,
  });
}

export function slashBody(h: Harness, userId: string, text: string, channelId = `D${userId.slice(1)}`): { body: string; triggerId: string; responseId: string } {
  const triggerId = `trig-${randomUUID()}`;
  const responseId = randomUUID();
  const body = new URLSearchParams({
    token: "legacy",
    team_id: TEAM_ID,
    team_domain: "firma",
    channel_id: channelId,
    channel_name: channelId.startsWith("D") ? "directmessage" : "general",
    user_id: userId,
    user_name: userId.toLowerCase(),
    command: "/jobbdialog",
    text,
    api_app_id: "A0APP",
    response_url: h.fake.responseUrl(responseId),
    trigger_id: triggerId,
  }).toString();
  return { body, triggerId, responseId };
}

export async function slash(h: Harness, userId: string, text: string, channelId?: string): Promise<{ res: Response; triggerId: string; responseId: string }> {
  const { body, triggerId, responseId } = slashBody(h, userId, text, channelId);
  const res = await send(h, body, "application/x-www-form-urlencoded");
  return { res, triggerId, responseId };
}

export function interactionBody(payload: Record<string, unknown>): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export async function interact(h: Harness, payload: Record<string, unknown>, options: SendOptions = {}): Promise<Response> {
  return send(h, interactionBody(payload), "application/x-www-form-urlencoded", options);
}

type SlackBlock = Record<string, unknown>;
type Element = Record<string, unknown>;

export function elementsOf(blocks: SlackBlock[]): Element[] {
  return blocks.flatMap((b) => (b.type === "actions" ? (b.elements as Element[]) : []));
}

let actionCounter = 0;

/** A click on a button of a posted message, with what the message's inputs hold. */
export function clickPayload(userId: string, message: PostedMessage, button: Element, state: Record<string, Record<string, unknown>> = {}): Record<string, unknown> {
  actionCounter += 1;
  const block = message.blocks.find((b) => b.type === "actions" && (b.elements as Element[]).includes(button));
  return {
    type: "block_actions",
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM_ID },
    api_app_id: "A0APP",
    token: "legacy",
    container: { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    trigger_id: `trig-${randomUUID()}`,
    team: { id: TEAM_ID, domain: "firma" },
    channel: { id: message.channel, name: "directmessage" },
    message: { type: "message", ts: message.ts, text: message.text, blocks: message.blocks },
    state: { values: state },
    response_url: "https://hooks.invalid/actions/x",
    actions: [
      {
        type: "button",
        action_id: button.action_id,
        block_id: block?.block_id ?? "b",
        text: button.text,
        value: button.value,
        action_ts: `1700000${String(actionCounter).padStart(3, "0")}.000${actionCounter}`,
      },
    ],
  };
}

export function viewSubmission(userId: string, view: Record<string, unknown>, values: Record<string, Record<string, unknown>>, viewId = `V${randomUUID().slice(0, 8)}`): Record<string, unknown> {
  return {
    type: "view_submission",
    team: { id: TEAM_ID, domain: "firma" },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM_ID },
    api_app_id: "A0APP",
    token: "legacy",
    trigger_id: `trig-${randomUUID()}`,
    view: { ...view, id: viewId, team_id: TEAM_ID, app_id: "A0APP", bot_id: "B0BOT", hash: "h1", state: { values } },
    response_urls: [],
  };
}

let eventCounter = 0;

export function eventEnvelope(event: Record<string, unknown>, eventId?: string): string {
  eventCounter += 1;
  return JSON.stringify({
    token: "legacy",
    team_id: TEAM_ID,
    api_app_id: "A0APP",
    event,
    type: "event_callback",
    event_id: eventId ?? `Ev${String(eventCounter).padStart(6, "0")}${randomUUID().slice(0, 4)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: "U0BOT", is_bot: true, is_enterprise_install: false }],
  });
}

let tsCounter = 0;

export function dmEvent(userId: string, text: string): Record<string, unknown> {
  tsCounter += 1;
  const ts = `1700001${String(tsCounter).padStart(3, "0")}.000100`;
  return { type: "message", channel: `D${userId.slice(1)}`, channel_type: "im", user: userId, text, ts, event_ts: ts, team: TEAM_ID };
}

export async function postEvent(h: Harness, event: Record<string, unknown>, options: SendOptions & { eventId?: string } = {}): Promise<Response> {
  return send(h, eventEnvelope(event, options.eventId), "application/json", options);
}

/** Waits until the bot has finished what it accepted (its /healthz counts work in flight). */
export async function idle(h: Harness, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const details = (await health(h)) as { slack?: { inFlight?: number } };
    if (details.slack?.inFlight === 0) return;
    if (Date.now() > until) throw new Error("the bot did not become idle");
    await new Promise((r) => setTimeout(r, 10));
  }
}
