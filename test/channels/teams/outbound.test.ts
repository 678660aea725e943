// The bot's own token on what it sends (issue 10, "Teams outbound authentication"):
// the real bot (startBot, CloudAdapter, MSAL through botframework-connector) gets its
// token with the client-credentials grant from a fake login authority on 127.0.0.1
// (https, MICROSOFT_BOT_LOGIN_URL), and a fake Bot Connector that refuses (401) every
// request without a token that authority issued to the bot for the Bot Connector's scope.
//
// (a) the leader's notice of a report arrives at the connector with that token, and so
//     does everything else the bot writes; (b) the token was asked for with client
//     credentials, the bot's app id and secret, its tenant and the Bot Connector's scope;
// (c) with a wrong secret no token is issued and nothing is delivered, and with a token
//     the connector refuses nothing is delivered either: the outbox row is retried and,
//     after the last attempt, parked — never dropped, never sent somewhere else.
//
// MSAL accepts only https authorities: the fake authority presents a self-signed
// certificate made at start (selfsigned), which this test's process trusts on node's
// global https agent (the one MSAL's HTTP client uses), restored afterwards.
import https from "node:https";
import path from "node:path";
import { rootCertificates } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/tempDb.js";
import { runDialogue } from "../../helpers/conversationDriver.js";
import { startBot, type RunningBot } from "../../../src/server/bot.js";
import { ConfigError, loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/logging/logger.js";
import { importDirectory } from "../../../src/app/directory/importDirectory.js";
import { todayFor } from "../../../src/app/people.js";
import { addDays } from "../../../src/domain/time/localDate.js";
import { FakeConnector } from "./helpers/fakeConnector.js";
import { BOT_FRAMEWORK_ISSUER, FakeIdentity } from "./helpers/fakeIdentity.js";
import { FakeLogin } from "./helpers/fakeLogin.js";
import { BOT, TENANT, TeamsClient, type TeamsUser } from "./helpers/teamsClient.js";
import { actionsOf, cardText } from "./helpers/cards.js";

const APP_ID = "5b0c2a41-8f7e-4d2b-a3c9-6e1f0d9b7a25";
const SECRET = "the-bots-client-secret";
/** A second registration, used only by the bot that has the wrong secret (so no cached token helps it). */
const OTHER_APP_ID = "9a1e7c33-2b4d-4f6a-8c0e-1d2f3a4b5c6d";
const OTHER_SECRET = "the-other-apps-secret";
/** The Bot Connector's scope in the public cloud (the default of MICROSOFT_BOT_OAUTH_SCOPE). */
const CONNECTOR_SCOPE = "https://api.botframework.com";

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,aad-lise,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,aad-anne,",
].join("\n");
const anne: TeamsUser = { id: "29:anne", name: "Anne Ansatt", aadObjectId: "aad-anne" };
const lise: TeamsUser = { id: "29:lise", name: "Lise Leder", aadObjectId: "aad-lise" };

let login: FakeLogin;
let identity: FakeIdentity;
let connector: FakeConnector;
let savedCa: unknown;
const bots: RunningBot[] = [];

beforeAll(async () => {
  login = await new FakeLogin().start();
  login.register(APP_ID, SECRET).register(OTHER_APP_ID, OTHER_SECRET);
  identity = await new FakeIdentity().start();
  connector = await new FakeConnector().start();
  // The Bot Connector checks the bearer token: issued by the authority, for the connector's scope, to a bot.
  connector.authorize = (authorization) => {
    const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
    const issued = token ? login.issued.get(token) : undefined;
    return issued !== undefined && issued.scope === CONNECTOR_SCOPE && issued.tenant === TENANT && [APP_ID, OTHER_APP_ID].includes(issued.appId);
  };
  savedCa = https.globalAgent.options.ca;
  https.globalAgent.options.ca = [...rootCertificates, login.certificate];
});

afterAll(async () => {
  for (const bot of bots) await bot.stop();
  https.globalAgent.options.ca = savedCa as typeof https.globalAgent.options.ca;
  await connector?.stop();
  await identity?.stop();
  await login?.stop();
});

async function startTeamsBot(name: string, env: Record<string, string>): Promise<RunningBot> {
  const bot = await startBot(
    loadConfig({
      DATABASE_URL: `file:${path.join(tempDir(), `${name}.db`)}`,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_BOT_OPENID_METADATA: identity.botMetadataUrl,
      MICROSOFT_BOT_LOGIN_URL: login.url,
      ...env,
    }),
    createLogger("silent"),
  );
  bots.push(bot);
  await importDirectory(bot.app.db, DIRECTORY, { defaultTimeZone: "Europe/Oslo" });
  return bot;
}

const personal = (user: TeamsUser) => TeamsClient.personalConversation(user);

describe("the bot's own token on proactive messages (client credentials)", () => {
  let bot: RunningBot;
  let client: TeamsClient;

  beforeAll(async () => {
    bot = await startTeamsBot("outbound", { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET });
    // What Teams sends the bot is signed by the Bot Framework (as in auth.test.ts).
    client = new TeamsClient(bot.http.url, connector.url, async () => ({
      authorization: `Bearer ${await identity.sign({ iss: BOT_FRAMEWORK_ISSUER, aud: APP_ID, serviceurl: connector.url })}`,
    }));
  });

  it("the fake Bot Connector refuses a request without the bot's token, or with a token of its own making", async () => {
    const post = (authorization?: string) =>
      fetch(`${connector.url}v3/conversations/${encodeURIComponent(personal(lise))}/activities`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ type: "message", text: "hei" }),
      });
    expect((await post()).status).toBe(401);
    expect((await post("Bearer fake-bot-token-made-up")).status).toBe(401);
    expect(connector.writes).toHaveLength(0);
    connector.unauthorized.length = 0;
  });

  it("(a) delivers the leader's notice of a report to her Teams chat with the token, as everything else it writes", async () => {
    for (const user of [anne, lise]) for (const activity of client.installPersonal(user)) await client.postOk(activity);
    const today = todayFor({ timeZone: "Europe/Oslo" }, new Date());
    await client.postOk(client.text(anne, "syk"));
    const form = connector.conversation(personal(anne)).findLast((p) => actionsOf(FakeConnector.cardOf(p.activity) ?? {}).some((a) => (a.data as Record<string, unknown> | undefined)?.jdForm === "report"))!;
    expect(form).toBeDefined();
    const send = actionsOf(FakeConnector.cardOf(form.activity)!).find((a) => (a.data as Record<string, unknown>).jdForm === "report")!;
    await client.postOk(client.submit(anne, { ...(send.data as object), start: today, end: addDays(today, 20), grade: "100", document: "sykmelding" }, form.id));

    // The notice: a proactive post (no reply-to) in Lise's personal chat, carrying a token the authority issued.
    const toLise = connector.writes.filter((w) => w.conversationId === personal(lise) && /Anne Ansatt har meldt seg syk/.test(cardText(FakeConnector.cardOf(w.activity) ?? {})));
    expect(toLise).toHaveLength(1);
    expect(toLise[0]!.kind).toBe("post");
    const token = /^Bearer (\S+)$/.exec(toLise[0]!.authorization ?? "")?.[1];
    expect(login.tokensFor(APP_ID, TENANT, CONNECTOR_SCOPE)).toContain(token);
    const liseRow = await bot.app.db.person.findUniqueOrThrow({ where: { email: "lise@firma.no" } });
    const notices = await bot.app.db.outbox.findMany({ where: { recipientId: liseRow.id, status: "sent" } });
    expect(notices.map((n) => n.channel)).toEqual(["teams"]);
    // Replies in a turn (welcome, the form, the receipt) carried it too; the connector refused nothing.
    expect(connector.writes.length).toBeGreaterThan(3);
    for (const write of connector.writes) expect(login.issued.get(/^Bearer (\S+)$/.exec(write.authorization ?? "")?.[1] ?? "")?.appId).toBe(APP_ID);
    expect(connector.unauthorized).toEqual([]);
  });

  it("(b) asked the authority for it with client credentials: the bot's app id and secret, its tenant, the Bot Connector's scope", () => {
    expect(login.metadataRequests).toContain(TENANT);
    const asked = login.requests.filter((r) => r.form.client_id === APP_ID);
    expect(asked.length).toBeGreaterThan(0);
    for (const request of asked) {
      expect(request).toMatchObject({ tenant: TENANT, form: { grant_type: "client_credentials", client_id: APP_ID, client_secret: SECRET, scope: `${CONNECTOR_SCOPE}/.default` } });
      expect(request.issued).toBeDefined();
    }
    // One token, reused until it nears expiry (botframework-connector's cache), not one per message.
    expect(asked).toHaveLength(1);
  });
});

describe("without a token the connector accepts, nothing is delivered and the row is kept", () => {
  /** Anne reports sick on the console (through the core): Lise, in Teams, is to be told. */
  async function reportAndFirstAttempt(bot: RunningBot) {
    const people = bot.app.db.person;
    await people.update({
      where: { email: "lise@firma.no" },
      data: {
        teamsTenantId: TENANT,
        // The reference Teams gave at install (what the bot stores from conversationUpdate).
        teamsConversationRef: JSON.stringify({
          channelId: "msteams",
          serviceUrl: connector.url,
          conversation: { id: personal(lise), conversationType: "personal", tenantId: TENANT },
          bot: BOT,
          user: { id: lise.id, name: lise.name, aadObjectId: lise.aadObjectId },
        }),
      },
    });
    const anneRow = await people.findUniqueOrThrow({ where: { email: "anne@firma.no" } });
    const today = todayFor({ timeZone: "Europe/Oslo" }, new Date());
    const first = await bot.services.facade.handle(anneRow, { type: "text", text: "syk" }, "console");
    await runDialogue(bot.services.conversation, anneRow, first, { startDate: today, endDate: addDays(today, 20), grade: "full", leaveType: "sykmelding" });
    const liseRow = await people.findUniqueOrThrow({ where: { email: "lise@firma.no" } });
    const tried = await bot.app.db.outbox.findMany({ where: { recipientId: liseRow.id, attempts: { gt: 0 } } });
    return { liseRow, tried };
  }

  /** Delivery rounds later and later (past each back-off) until the row is no longer pending. */
  async function retryUntilSettled(bot: RunningBot, rowId: string) {
    let now = Date.now();
    for (let round = 0; round < 20; round++) {
      const row = await bot.app.db.outbox.findUniqueOrThrow({ where: { id: rowId } });
      if (row.status !== "pending") return row;
      now = Math.max(now, row.dueAt.getTime()) + 60_000;
      await bot.services.deliver(new Date(now));
    }
    return bot.app.db.outbox.findUniqueOrThrow({ where: { id: rowId } });
  }

  it("(c) a wrong secret: no token is issued, nothing reaches the connector, the notice is retried and then parked", async () => {
    const bot = await startTeamsBot("wrong-secret", { MICROSOFT_APP_ID: OTHER_APP_ID, MICROSOFT_APP_PASSWORD: "not-the-secret" });
    const writesBefore = connector.writes.length;
    const { liseRow, tried } = await reportAndFirstAttempt(bot);

    // The token was asked for, with client credentials and the wrong secret, and refused.
    const asked = login.requests.filter((r) => r.form.client_id === OTHER_APP_ID);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => r.form.grant_type === "client_credentials" && r.form.client_secret === "not-the-secret" && r.issued === undefined)).toBe(true);
    // Tried once in Teams, failed, kept for a retry: not sent, not dropped, not marked unreachable.
    expect(tried).toHaveLength(1);
    const row = tried[0]!;
    expect(row).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(row.lastError).toMatch(/invalid_client|AADSTS7000215/);
    expect(row.dueAt.getTime()).toBeGreaterThan(Date.now());
    expect(liseRow.unreachableSince).toBeNull();

    const settled = await retryUntilSettled(bot, row.id);
    expect(settled).toMatchObject({ status: "parked", attempts: 8, sentAt: null });
    expect(settled.lastError).toMatch(/invalid_client|AADSTS7000215/);
    // Nothing reached the connector, and nothing went to Lise some other way (her console inbox).
    expect(connector.writes.length).toBe(writesBefore);
    expect(await bot.app.db.consoleInbox.count({ where: { personId: liseRow.id } })).toBe(0);
    expect(login.issued.size).toBe([...login.issued.values()].filter((t) => t.appId === APP_ID).length);
  });

  it("(c) a token for another audience: the connector refuses it (401), and the notice is retried, not dropped", async () => {
    // The authority issues this one (right secret), but for a scope the Bot Connector does not accept.
    const bot = await startTeamsBot("wrong-scope", { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET, MICROSOFT_BOT_OAUTH_SCOPE: "https://api.other-cloud.example" });
    const writesBefore = connector.writes.length;
    const refusedBefore = connector.unauthorized.length;
    const { liseRow, tried } = await reportAndFirstAttempt(bot);

    const wrongToken = login.tokensFor(APP_ID, TENANT, "https://api.other-cloud.example");
    expect(wrongToken).toHaveLength(1);
    const refused = connector.unauthorized.slice(refusedBefore);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.authorization === `Bearer ${wrongToken[0]}` && r.path.includes(encodeURIComponent(personal(lise))))).toBe(true);
    expect(tried).toHaveLength(1);
    expect(tried[0]!).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(tried[0]!.lastError).toMatch(/401/);
    expect(connector.writes.length).toBe(writesBefore);
    expect(await bot.app.db.consoleInbox.count({ where: { personId: liseRow.id } })).toBe(0);
  });
});

describe("the login settings are validated and named", () => {
  const base = { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET, MICROSOFT_APP_TENANT_ID: TENANT };
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
  };

  it.each([
    ["http is refused", { ...base, MICROSOFT_BOT_LOGIN_URL: "http://login.example.com" }, /^MICROSOFT_BOT_LOGIN_URL: must be the https base URL/],
    ["a path is refused (the tenant is added by the bot)", { ...base, MICROSOFT_BOT_LOGIN_URL: "https://login.microsoftonline.us/some-tenant" }, /^MICROSOFT_BOT_LOGIN_URL: /],
    ["not a URL", { ...base, MICROSOFT_BOT_LOGIN_URL: "login.microsoftonline.us" }, /^MICROSOFT_BOT_LOGIN_URL: /],
    ["a scope that is not an https URL", { ...base, MICROSOFT_BOT_OAUTH_SCOPE: "api.botframework.us" }, /^MICROSOFT_BOT_OAUTH_SCOPE: must be an https URL/],
    ["a login URL without an app id", { MICROSOFT_BOT_LOGIN_URL: "https://login.microsoftonline.us" }, /^MICROSOFT_BOT_LOGIN_URL: only used with MICROSOFT_APP_ID/],
    ["a login URL without a secret", { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TENANT_ID: TENANT, MICROSOFT_BOT_LOGIN_URL: "https://login.microsoftonline.us" }, /^MICROSOFT_APP_PASSWORD: required with MICROSOFT_BOT_LOGIN_URL/],
  ])("%s", (_name, env, expected) => {
    expect(problems(env).some((p) => expected.test(p))).toBe(true);
  });

  it("accepts a sovereign cloud's login URL and scope", () => {
    const config = loadConfig({ ...base, MICROSOFT_BOT_LOGIN_URL: "https://login.microsoftonline.us", MICROSOFT_BOT_OAUTH_SCOPE: "https://api.botframework.us" });
    expect(config.MICROSOFT_BOT_LOGIN_URL).toBe("https://login.microsoftonline.us");
  });
});
