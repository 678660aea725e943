// Bot Framework authentication with MICROSOFT_APP_ID set: the real bot checks every
// request's token against OpenID metadata and keys served on 127.0.0.1 (botbuilder's
// ToBotFromChannelOpenIdMetadataUrl, set through MICROSOFT_BOT_OPENID_METADATA).
// Anything but a valid, unexpired token for our app id from the Bot Framework is a 401,
// and a refused activity leaves no trace.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/tempDb.js";
import { startBot, type RunningBot } from "../../../src/server/bot.js";
import { loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/logging/logger.js";
import { importDirectory } from "../../../src/app/directory/importDirectory.js";
import { FakeConnector } from "./helpers/fakeConnector.js";
import { BOT_FRAMEWORK_ISSUER, FakeIdentity, signingKey } from "./helpers/fakeIdentity.js";
import { TENANT, TeamsClient, type TeamsUser } from "./helpers/teamsClient.js";
import { cardProblems, cardText, type Card } from "./helpers/cards.js";

const APP_ID = "5b0c2a41-8f7e-4d2b-a3c9-6e1f0d9b7a25";
const anne: TeamsUser = { id: "29:anne", name: "Anne Ansatt", aadObjectId: "aad-anne" };

describe("Bot Framework authentication (MICROSOFT_APP_ID set)", () => {
  let bot: RunningBot;
  let connector: FakeConnector;
  let identity: FakeIdentity;
  let client: TeamsClient;

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    identity = await new FakeIdentity().start();
    const config = loadConfig({
      DATABASE_URL: `file:${path.join(tempDir(), "auth.db")}`,
      PORT: "0",
      HOST: "127.0.0.1",
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: "not-used-by-these-tests",
      MICROSOFT_APP_TENANT_ID: TENANT,
      HEALTH_TOKEN: "operator-token-for-tests",
      MICROSOFT_BOT_OPENID_METADATA: identity.botMetadataUrl,
    });
    bot = await startBot(config, createLogger("silent"));
    await importDirectory(
      bot.app.db,
      ["email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles", "anne@firma.no,Anne Ansatt,,nb,NO,Europe/Oslo,,aad-anne,"].join("\n"),
      { defaultTimeZone: "Europe/Oslo" },
    );
    client = new TeamsClient(bot.http.url, connector.url);
  });

  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
    await identity?.stop();
  });

  /** Anne asks for her status from a card (an invoke: answered in the HTTP response, no outbound call). */
  const statusInvoke = () => client.execute(client.personal(anne, {}), "jd", { jd: { type: "status" } });
  const claims = (extra: Record<string, unknown> = {}) => ({ iss: BOT_FRAMEWORK_ISSUER, aud: APP_ID, serviceurl: connector.url, ...extra });

  async function postWith(activity: Record<string, unknown>, authorization?: string) {
    const response = await fetch(`${bot.http.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity),
    });
    return { status: response.status, body: (await response.text()) || undefined };
  }

  it("reports the enforced mode on /healthz to the operator, and only status and version to anyone else", async () => {
    const open = (await (await fetch(`${bot.http.url}/healthz`)).json()) as Record<string, unknown>;
    expect(Object.keys(open).sort()).toEqual(["status", "version"]);
    const wrong = (await (await fetch(`${bot.http.url}/healthz`, { headers: { authorization: "Bearer operator-token-for-test" } })).json()) as Record<string, unknown>;
    expect(Object.keys(wrong).sort()).toEqual(["status", "version"]);
    const health = (await (await fetch(`${bot.http.url}/healthz`, { headers: { authorization: "Bearer operator-token-for-tests" } })).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ mode: "connected", channels: { teams: true }, teams: { mode: "bot-framework", authenticated: true } });
  });

  it("processes an activity with a valid token", async () => {
    const token = await identity.sign(claims());
    const result = await postWith(statusInvoke(), `Bearer ${token}`);
    expect(result.status).toBe(200);
    const body = JSON.parse(result.body!) as { statusCode: number; type: string; value: Card };
    expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(body.value)).toMatch(/Status for Anne Ansatt/);
    expect(cardProblems(body.value)).toEqual([]);
    expect(identity.metadataRequests).toBeGreaterThan(0);
  });

  it.each([
    ["no Authorization header", async () => undefined],
    ["a token for another app (audience)", async () => `Bearer ${await identity.sign(claims({ aud: "00000000-1111-2222-3333-444444444444" }))}`],
    ["an expired token", async () => `Bearer ${await identity.sign(claims(), { expiresIn: -3600 })}`],
    ["a token from another issuer", async () => `Bearer ${await identity.sign(claims({ iss: "https://sts.example.com/" }))}`],
    ["a token for another service URL", async () => `Bearer ${await identity.sign(claims({ serviceurl: "https://smba.example.com/" }))}`],
    ["a token signed with an unpublished key", async () => `Bearer ${await identity.sign(claims(), { key: await signingKey("someone-else") })}`],
    ["a forged signature under a published key id", async () => `Bearer ${await identity.sign(claims(), { key: { ...(await signingKey("bf-key-1")) } })}`],
    ["a malformed token", async () => "Bearer not.a.token"],
  ])("refuses %s with 401 and processes nothing", async (_name, authorization) => {
    const activity = statusInvoke();
    const before = { events: await bot.app.db.processedEvent.count(), writes: connector.writes.length };
    const result = await postWith(activity, await authorization());
    expect(result.status).toBe(401);
    expect(await bot.app.db.processedEvent.count()).toBe(before.events);
    expect(connector.writes.length).toBe(before.writes);
    // The same activity with a good token is then processed normally.
    const ok = await postWith(activity, `Bearer ${await identity.sign(claims())}`);
    expect(ok.status).toBe(200);
  });

  it("answers a redelivered invoke once, and says so the second time", async () => {
    const activity = statusInvoke();
    const first = await postWith(activity, `Bearer ${await identity.sign(claims())}`);
    const second = await postWith(activity, `Bearer ${await identity.sign(claims())}`);
    expect(JSON.parse(first.body!)).toMatchObject({ type: "application/vnd.microsoft.card.adaptive" });
    expect(JSON.parse(second.body!)).toMatchObject({ type: "application/vnd.microsoft.activity.message", value: "Dette er allerede behandlet." });
  });
});
