// The Microsoft Teams channel: Bot Framework's CloudAdapter at POST /api/messages,
// the TeamsBot behind it, proactive delivery for the outbox, and the personal tab.
// Every botbuilder import stays inside this folder, so moving to the Teams SDK
// (Microsoft has archived the Bot Framework SDK) touches nothing else.
//
// With MICROSOFT_APP_ID set, every request must carry a valid Bot Framework token
// (401 otherwise). Without one the endpoint is off, unless local mode is asked for
// (TEAMS_LOCAL_MODE=true): then it runs unauthenticated for the Microsoft 365 Agents
// Playground or the Bot Framework Emulator, and answers only requests made on this
// machine directly (a loopback peer, and no proxy headers: a reverse proxy on the same
// host would otherwise carry the internet's requests in from 127.0.0.1).
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";
// botbuilder's own dependency (the same SDK); it holds the public cloud's endpoints.
import { AuthenticationConstants, MsalServiceClientCredentialsFactory } from "botframework-connector";
// The Bot Framework SDK's own token library (the version botframework-connector uses).
import { ConfidentialClientApplication } from "@azure/msal-node";

type BotFrameworkAuthentication = ConfigurationBotFrameworkAuthentication;
type AuthenticateRequestResult = Awaited<ReturnType<BotFrameworkAuthentication["authenticateRequest"]>>;
import type { ChannelAdapter, RunningAdapter } from "../adapter.js";
import type { Config } from "../../config/env.js";
import { sendJson } from "../../server/router.js";
import { translator, normalizeLocale } from "../../i18n/index.js";
import { TeamsBot } from "./bot.js";
import { TeamsDelivery } from "./delivery.js";
import { mountTab } from "./tab/server.js";
import { cardActivity } from "./posting.js";
import { commandFromCard, textCard } from "./cards.js";
import { scopeOf, tenantOf } from "./identity.js";
import { parseTeamsWork } from "./workItem.js";
import type { Command } from "../../domain/messages/commands.js";

export const MESSAGES_PATH = "/api/messages";
/** Bot Framework activities are small; anything bigger is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

/** CloudAdapter with the authenticated turn exposed: we authenticate first, so any bad token is a 401. */
class BotAdapter extends CloudAdapter {
  run(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export function botAuthentication(config: Config): BotFrameworkAuthentication {
  const appId = config.MICROSOFT_APP_ID;
  if (!appId) return new ConfigurationBotFrameworkAuthentication({});
  const tenant = config.MICROSOFT_APP_TENANT_ID;
  const password = config.MICROSOFT_APP_PASSWORD ?? "";
  const singleTenant = Boolean(tenant && password);
  const settings: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: password,
    ...(singleTenant ? { MicrosoftAppType: "SingleTenant", MicrosoftAppTenantId: tenant } : { MicrosoftAppType: "MultiTenant" }),
  };
  const loginUrl = config.MICROSOFT_BOT_LOGIN_URL;
  // The authority the bot's own token comes from: the cloud's login URL with the bot's tenant
  // (botframework.com for a multi-tenant bot), as botbuilder builds it for the public cloud.
  const authority = loginUrl ? `${loginUrl.replace(/\/+$/, "")}/${singleTenant ? tenant : AuthenticationConstants.DefaultChannelAuthTenant}` : undefined;
  if (config.MICROSOFT_BOT_OPENID_METADATA || authority || config.MICROSOFT_BOT_OAUTH_SCOPE) {
    // Setting one endpoint makes botbuilder expect all of them: the public cloud's, with ours where set.
    Object.assign(settings, {
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: authority ?? AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: config.MICROSOFT_BOT_OAUTH_SCOPE ?? AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: config.MICROSOFT_BOT_OPENID_METADATA ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
    });
  }
  if (!authority) return new ConfigurationBotFrameworkAuthentication(settings);
  // botbuilder hands a login URL it does not know to MSAL unconfigured, and MSAL then asks
  // login.microsoftonline.com whether that authority exists (instance discovery), which a
  // sovereign or private cloud cannot answer. The operator named the authority, so it is
  // trusted as given: MSAL reads its OpenID metadata and token endpoint from it directly.
  const client = new ConfidentialClientApplication({
    auth: { clientId: appId, clientSecret: password, authority, knownAuthorities: [new URL(authority).host] },
  });
  // The same package seen through its ESM and its CommonJS type declarations: the factory only calls
  // acquireTokenByClientCredential on it.
  const factoryClient = client as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];
  return new ConfigurationBotFrameworkAuthentication(settings, new MsalServiceClientCredentialsFactory(appId, factoryClient));
}

/** How long a turn may take before the inbox worker assumes the process died during it. */
const TURN_LEASE_MS = 2 * 60_000;

export const teamsAdapter: ChannelAdapter = {
  name: "teams",
  async start({ config, logger, router, services }): Promise<RunningAdapter> {
    const { facade } = services;
    const appId = config.MICROSOFT_APP_ID ?? "";
    const auth = botAuthentication(config);
    const adapter = new BotAdapter(auth);
    const bot = new TeamsBot({ facade, logger });
    const log = logger.child({ channel: "teams" });

    adapter.onTurnError = async (context, error) => {
      log.error({ err: error, activity: context.activity.type }, "teams: turn failed");
      if (context.activity.type === ActivityTypes.Message) {
        const t = translator(normalizeLocale(context.activity.locale));
        await context.sendActivity(cardActivity(textCard(t("common:errors.internal"), "warning"), t("common:errors.internal"))).catch(() => undefined);
      }
    };

    // Teams may deliver an activity twice (a retry after a slow answer): each is handled once.
    const onTurn = async (context: TurnContext): Promise<void> => {
      const activity = context.activity;
      const key = activity.id ? `teams:${activity.conversation?.id ?? ""}:${activity.id}` : undefined;
      const userId = activity.from?.aadObjectId;
      const durable = key && userId ? durableWorkOf(activity) : undefined;
      if (key && userId && durable) {
        // A message in a personal chat, or a card's action that changes something, is stored
        // (durable inbox) before it is processed in the turn; if the process dies before the
        // turn is done, the inbox worker processes it later and answers in the personal chat.
        const who = { platform: "teams" as const, tenant: tenantOf(activity), userId };
        const held = await facade.holdInInbox(
          { channel: "teams", dedupeKey: key, partition: `teams:${who.tenant ?? ""}:${userId}`, payload: { kind: "message", who, ...durable } },
          TURN_LEASE_MS,
        );
        if (held.result === "duplicate") {
          log.info({ key }, "teams: duplicate activity ignored");
          if (activity.type === ActivityTypes.Invoke) await answerDuplicateInvoke(context);
          return;
        }
        try {
          await bot.run(context);
        } catch (error) {
          // Let a redelivery try again.
          await held.forget().catch(() => undefined);
          throw error;
        }
        await held.done();
        return;
      }
      if (key) {
        if (!(await facade.claimDelivery(key))) {
          log.info({ key }, "teams: duplicate activity ignored");
          if (activity.type === ActivityTypes.Invoke) await answerDuplicateInvoke(context);
          return;
        }
      }
      try {
        await bot.run(context);
      } catch (error) {
        // Let a redelivery try again.
        if (key) await facade.releaseDelivery(key).catch(() => undefined);
        throw error;
      }
    };

    router.add("POST", MESSAGES_PATH, async (req, res) => {
      // Without an app id nothing proves who is calling: accept only the Playground or Emulator on this machine.
      if (!appId && !isDirectLocalRequest(req)) {
        log.warn({ remote: req.socket.remoteAddress }, "teams: local mode accepts only direct requests from this machine; set MICROSOFT_APP_ID");
        return sendJson(res, 401, { error: "unauthorized" });
      }
      let activity: Activity;
      try {
        activity = parseActivity(await readBody(req, MAX_BODY_BYTES));
      } catch {
        return sendJson(res, 400, { error: "bad_request" });
      }
      let authenticated: AuthenticateRequestResult;
      try {
        authenticated = await auth.authenticateRequest(activity, headerOf(req, "authorization"));
      } catch (error) {
        // A missing, expired, wrongly signed or wrongly addressed token: never process the activity.
        log.warn({ reason: (error as Error).message }, "teams: request refused (authentication)");
        return sendJson(res, 401, { error: "unauthorized" });
      }
      const response = await adapter.run(authenticated, activity, onTurn);
      writeInvokeResponse(res, response);
    });

    mountTab(router, { config, facade, logger: log });
    // HR hears of a person Teams refuses through the dispatcher's hook (composition root), in
    // this channel's words (TeamsDelivery.unreachableNotice).
    const delivery = new TeamsDelivery({ adapter, appId, facade, logger: log });
    // Messages whose turn never finished (the process died): processed again and answered proactively.
    const inbox = facade.serveInbox("teams", async ({ id, payload }) => {
      const work = parseTeamsWork(payload);
      if (!work) return void log.error({ row: id }, "teams: an inbox row that is not Teams work; skipped");
      const person = await facade.linkedPerson("teams", work.who.tenant, work.who.userId);
      if (!person) return;
      const input = work.value !== undefined && work.value !== null ? commandFromCard(work.value) : undefined;
      const text = work.text.replace(/<at>[^<]*<\/at>/g, "").replace(/&nbsp;/g, " ").trim();
      const command: Command | undefined = input ? (input.kind === "invalid" ? undefined : input.command) : text ? { type: "text", text } : undefined;
      if (!command) return;
      const replies = await facade.handle(person, command, "teams");
      for (const message of replies) {
        const sent = await delivery.sendToPerson(person, message);
        if (!sent.ok) log.warn({ row: id, error: sent.error }, "teams: the command was handled, its reply failed");
      }
    });
    log.info(
      { mode: appId ? "bot-framework" : "local" },
      appId ? "teams: Bot Framework authentication enforced" : "teams: no MICROSOFT_APP_ID, so /api/messages is unauthenticated and answers this machine only (Agents Playground, Emulator)",
    );
    return {
      delivery,
      health: () => ({ mode: appId ? "bot-framework" : "local", endpoint: MESSAGES_PATH, authenticated: Boolean(appId), tab: "/tab" }),
      stop: () => inbox.stop(10_000),
    };
  },
};

/**
 * What of an activity the durable inbox keeps, or undefined for activities it does not: a
 * message in a personal chat (what was typed, or the card submitted with it), and a card's
 * Action.Execute that carries a command (a click that changes something). Views (a status card
 * refreshed in a channel, read-only) and Teams' automatic refreshes are not kept: lost in a
 * crash, they change nothing and Teams shows the person an error to try again.
 */
function durableWorkOf(activity: Activity): { text: string; value?: unknown } | undefined {
  if (activity.type === ActivityTypes.Message) return scopeOf(activity) === "personal" ? { text: activity.text ?? "", value: activity.value ?? undefined } : undefined;
  if (activity.type !== ActivityTypes.Invoke || activity.name !== "adaptiveCard/action") return undefined;
  const invoke = activity.value as { trigger?: string; action?: { data?: unknown } } | undefined;
  if (invoke?.trigger === "automatic") return undefined;
  const data = invoke?.action?.data;
  return commandFromCard(data).kind === "command" ? { text: "", value: data } : undefined;
}

/** Teams waits for an answer to every invoke: a repeated one is told it was handled already. */
async function answerDuplicateInvoke(context: TurnContext): Promise<void> {
  const t = translator(normalizeLocale(context.activity.locale));
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: t("teams:duplicate") } } });
}

function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127."));
}

/** A request made on this machine itself: a loopback peer that no proxy forwarded. */
export function isDirectLocalRequest(req: IncomingMessage): boolean {
  const proxied = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip", "via"].some((h) => req.headers[h] !== undefined);
  return !proxied && isLoopback(req.socket.remoteAddress);
}

function headerOf(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The body as an Activity (the checks and date fixes botbuilder's own HTTP handling makes). */
function parseActivity(text: string): Activity {
  const value = JSON.parse(text) as Record<string, unknown> | null;
  if (!value || typeof value !== "object" || Array.isArray(value) || typeof value.type !== "string") throw new Error("not an activity");
  for (const field of ["timestamp", "localTimestamp", "expiration"] as const) {
    const raw = value[field];
    if (typeof raw === "string") {
      value[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = raw;
      value[field] = new Date(raw);
    }
  }
  return value as unknown as Activity;
}

function writeInvokeResponse(res: ServerResponse, response: InvokeResponse | undefined): void {
  if (!response) {
    res.writeHead(200);
    res.end();
    return;
  }
  if (response.body === undefined) {
    res.writeHead(response.status);
    res.end();
    return;
  }
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
