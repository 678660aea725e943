// The channel layer under attack, against the real server on 127.0.0.1: identities
// taken over from another tenant or by an e-mail claim, an endpoint open where it
// should not run, and signed-but-malformed or future-dated Slack requests. Each case
// is one of issue 10's attacks; each failed before the fix it guards.
import path from "node:path";
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/tempDb.js";
import { startBot, type RunningBot } from "../../src/server/bot.js";
import { ConfigError, loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { isDirectLocalRequest } from "../../src/channels/teams/index.js";
import { FakeConnector } from "./teams/helpers/fakeConnector.js";
import { FakeIdentity } from "./teams/helpers/fakeIdentity.js";
import { TENANT, TeamsClient, type TeamsUser } from "./teams/helpers/teamsClient.js";
import { cardText } from "./teams/helpers/cards.js";
import { TEAM_ID } from "./slack/fakeSlack.js";
import { dmEvent, eventEnvelope, idle, send, slashBody, startHarness, type Harness } from "./slack/harness.js";

const APP_ID = "5b0c2a41-8f7e-4d2b-a3c9-6e1f0d9b7a25";
const OTHER_TENANT = "0a0b0c0d-1111-2222-3333-444455556666";

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,U0LISE,,hr",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,aad-anne,",
  "kari@firma.no,Kari Kollega,lise@firma.no,en,NO,Europe/Oslo,,,",
].join("\n");

/** An activity as another tenant's Teams would send it. */
function fromTenant(activity: Record<string, unknown>, tenant: string): Record<string, unknown> {
  return { ...activity, conversation: { ...(activity.conversation as object), tenantId: tenant }, channelData: { ...(activity.channelData as object), tenant: { id: tenant } } };
}

describe("configuration refuses what would leave Teams open", () => {
  const base = { DATABASE_URL: "file:./x.db" };
  it.each([
    ["a multi-tenant app id with no tenant to serve", { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "secret" }, "MICROSOFT_APP_TENANT_ID"],
    ["local mode together with an app id", { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TENANT_ID: TENANT, TEAMS_LOCAL_MODE: "true" }, "TEAMS_LOCAL_MODE"],
    ["an allowed tenant that is not a tenant id", { MICROSOFT_APP_ID: APP_ID, TEAMS_ALLOWED_TENANTS: `${TENANT},contoso` }, "TEAMS_ALLOWED_TENANTS"],
    ["a guessable operator token", { HEALTH_TOKEN: "short" }, "HEALTH_TOKEN"],
  ])("refuses %s, naming the setting", (_name, env, setting) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(setting);
  });

  it("runs no Teams endpoint unless Teams is configured or local mode is asked for", () => {
    expect(loadConfig(base).teamsMode).toBe("off");
    expect(loadConfig({ ...base, TEAMS_LOCAL_MODE: "true" }).teamsMode).toBe("local");
    expect(loadConfig({ ...base, MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TENANT_ID: TENANT }).teamsMode).toBe("bot-framework");
  });
});

describe("Teams: identity bound to its tenant (local mode, allowed tenant list)", () => {
  let bot: RunningBot;
  let connector: FakeConnector;
  let client: TeamsClient;
  const person = (email: string) => bot.app.db.person.findUniqueOrThrow({ where: { email } });

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    const config = loadConfig({
      DATABASE_URL: `file:${path.join(tempDir(), "attacks-teams.db")}`,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      TEAMS_LOCAL_MODE: "true",
      TEAMS_ALLOWED_TENANTS: TENANT,
    });
    bot = await startBot(config, createLogger("silent"));
    await importDirectory(bot.app.db, DIRECTORY, { defaultTimeZone: "Europe/Oslo" });
    client = new TeamsClient(bot.http.url, connector.url);
    // Anne uses Teams from her own tenant first: her personal chat is known.
    for (const activity of client.installPersonal({ id: "29:anne", name: "Anne Ansatt", aadObjectId: "aad-anne" })) await client.postOk(activity);
  });

  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  it("refuses an activity from another tenant whose member e-mail matches a directory person, and links nothing", async () => {
    const mallory: TeamsUser = { id: "29:mallory", name: "Mallory", aadObjectId: "aad-mallory" };
    connector.members.set(mallory.id, { id: mallory.id, name: "Mallory", aadObjectId: mallory.aadObjectId, email: "kari@firma.no" });
    const before = connector.writes.length;
    await client.postOk(fromTenant(client.text(mallory, "status"), OTHER_TENANT));
    const answer = connector.writes.slice(before).map((w) => cardText(FakeConnector.cardOf(w.activity) ?? {})).join("\n");
    expect(answer).toMatch(/finner deg ikke i katalogen|not in the directory/i);
    expect(answer).not.toMatch(/Kari/);
    const kari = await person("kari@firma.no");
    expect([kari.teamsUserId, kari.teamsTenantId, kari.teamsConversationRef]).toEqual([null, null, null]);
  });

  it("never moves an existing object-id link to someone else with the same e-mail, nor to another tenant", async () => {
    const anneBefore = await person("anne@firma.no");
    expect(anneBefore.teamsTenantId).toBe(TENANT);
    const impostor: TeamsUser = { id: "29:impostor", name: "Anne Ansatt", aadObjectId: "aad-impostor" };
    connector.members.set(impostor.id, { id: impostor.id, name: "Anne Ansatt", aadObjectId: impostor.aadObjectId, email: "anne@firma.no" });
    // Same tenant, another account with Anne's address; and Anne's own object id from another tenant.
    await client.postOk(client.text(impostor, "status"));
    await client.postOk(fromTenant(client.text({ id: "29:anne-elsewhere", name: "Anne", aadObjectId: "aad-anne" }, "status"), OTHER_TENANT));
    const anne = await person("anne@firma.no");
    expect([anne.teamsUserId, anne.teamsTenantId, anne.teamsConversationRef]).toEqual([anneBefore.teamsUserId, TENANT, anneBefore.teamsConversationRef]);
  });

  it("links a directory person by the roster's e-mail the first time, within the allowed tenant", async () => {
    const kari: TeamsUser = { id: "29:kari", name: "Kari Kollega", aadObjectId: "aad-kari" };
    connector.members.set(kari.id, { id: kari.id, name: kari.name, aadObjectId: kari.aadObjectId, email: "kari@firma.no" });
    await client.postOk(client.text(kari, "status"));
    const linked = await person("kari@firma.no");
    expect([linked.teamsUserId, linked.teamsTenantId]).toEqual(["aad-kari", TENANT]);
  });

  it("refuses proxied requests in local mode, even from loopback", async () => {
    const activity = client.text({ id: "29:anne", name: "Anne Ansatt", aadObjectId: "aad-anne" }, "status");
    for (const header of [{ "x-forwarded-for": "203.0.113.9" }, { forwarded: "for=203.0.113.9;proto=https" }] as Array<Record<string, string>>) {
      const response = await fetch(`${bot.http.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json", ...header }, body: JSON.stringify(activity) });
      expect(response.status).toBe(401);
    }
  });

  it("treats a non-loopback peer as not local", () => {
    const req = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;
    expect(isDirectLocalRequest(req("127.0.0.1"))).toBe(true);
    expect(isDirectLocalRequest(req("::1"))).toBe(true);
    expect(isDirectLocalRequest(req("192.168.1.20"))).toBe(false);
    expect(isDirectLocalRequest(req("::ffff:10.0.0.4"))).toBe(false);
    expect(isDirectLocalRequest(req("127.0.0.1", { via: "1.1 proxy" }))).toBe(false);
  });
});

describe("Teams tab: SSO tokens bound to the tenant", () => {
  let bot: RunningBot;
  let identity: FakeIdentity;
  const token = (tenant: string, claims: Record<string, unknown>) =>
    identity.sign({ iss: identity.ssoIssuer(tenant), aud: APP_ID, tid: tenant, ver: "2.0", ...claims }, { key: identity.published[1]! });
  const me = (t: string) => fetch(`${bot.http.url}/api/tab/me`, { headers: { authorization: `Bearer ${t}` } });

  beforeAll(async () => {
    identity = await new FakeIdentity().start();
    const config = loadConfig({
      DATABASE_URL: `file:${path.join(tempDir(), "attacks-tab.db")}`,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: "not-used-by-these-tests",
      TEAMS_ALLOWED_TENANTS: TENANT,
      TEAMS_SSO_OPENID_METADATA: identity.ssoMetadataUrl,
    });
    bot = await startBot(config, createLogger("silent"));
    await importDirectory(bot.app.db, DIRECTORY, { defaultTimeZone: "Europe/Oslo" });
  });

  afterAll(async () => {
    await bot?.stop();
    await identity?.stop();
  });

  it("refuses a valid token from another tenant that names a directory person", async () => {
    for (const claims of [{ oid: "aad-evil", preferred_username: "kari@firma.no" }, { oid: "aad-anne", preferred_username: "anne@firma.no" }]) {
      const response = await me(await token(OTHER_TENANT, claims));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "tenant_not_allowed" });
    }
    const kari = await bot.app.db.person.findUniqueOrThrow({ where: { email: "kari@firma.no" } });
    expect(kari.teamsUserId).toBeNull();
  });

  it("never links by an unverified `email` claim, nor moves a link made by object id", async () => {
    const unverified = await me(await token(TENANT, { oid: "aad-evil", email: "kari@firma.no" }));
    expect(unverified.status).toBe(403);
    const overwrite = await me(await token(TENANT, { oid: "aad-evil", preferred_username: "anne@firma.no" }));
    expect(overwrite.status).toBe(403);
    // Anne herself, and a first sign-in by name within the tenant, work.
    expect((await me(await token(TENANT, { oid: "aad-anne" }))).status).toBe(200);
    expect((await me(await token(TENANT, { oid: "aad-kari", email: "kari@firma.no", xms_edov: true }))).status).toBe(200);
    const kari = await bot.app.db.person.findUniqueOrThrow({ where: { email: "kari@firma.no" } });
    expect([kari.teamsUserId, kari.teamsTenantId]).toEqual(["aad-kari", TENANT]);
  });
});

describe("Slack-only server and malformed Slack requests", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ directory: DIRECTORY });
    h.fake.addUser({ id: "U0LISE", email: "lise@firma.no" });
    h.fake.addUser({ id: "U0EVIL", email: "kari@firma.no", teamId: "T0OTHER" });
  });
  afterAll(async () => h?.stop());

  it("serves no /api/messages, not even to loopback with X-Forwarded-For", async () => {
    const activity = { type: "message", id: "1", text: "status", from: { id: "29:x", aadObjectId: "aad-anne" }, conversation: { id: "a:1" }, serviceUrl: "http://127.0.0.1:9/", channelId: "msteams" };
    const response = await fetch(`${h.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" }, body: JSON.stringify(activity) });
    expect(response.status).toBe(404);
    expect((await fetch(`${h.url}/tab`)).status).toBe(404);
  });

  it("answers a signed payload=null or JSON null with 400 and stays up", async () => {
    for (const [body, type] of [
      ["payload=null", "application/x-www-form-urlencoded"],
      ["payload=%5B%5D", "application/x-www-form-urlencoded"],
      ["null", "application/json"],
      ["[1,2]", "application/json"],
      ["{not json", "application/json"],
    ] as const) {
      expect((await send(h, body, type)).status, body).toBe(400);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const { body } = slashBody(h, "U0LISE", "hjelp");
    expect((await send(h, body, "application/x-www-form-urlencoded")).status).toBe(200);
    await idle(h);
  });

  it("refuses a signed request dated more than five minutes in the future, like an old one", async () => {
    const before = h.fake.calls.length;
    const { body } = slashBody(h, "U0LISE", "status");
    const inTenMinutes = Math.floor(Date.now() / 1000) + 10 * 60;
    expect((await send(h, body, "application/x-www-form-urlencoded", { timestamp: inTenMinutes })).status).toBe(401);
    const inFourMinutes = Math.floor(Date.now() / 1000) + 4 * 60;
    expect((await send(h, slashBody(h, "U0LISE", "status").body, "application/x-www-form-urlencoded", { timestamp: inFourMinutes })).status).toBe(200);
    await idle(h);
    expect(h.fake.calls.length).toBeGreaterThan(before);
  });

  it("does not link a user of another Slack team whose profile e-mail matches a directory person", async () => {
    // Slack Connect: the event comes through our workspace, the user belongs to another team.
    expect((await send(h, eventEnvelope(dmEvent("U0EVIL", "status")), "application/json")).status).toBe(200);
    // And an event claiming to be of another workspace altogether.
    const foreign = eventEnvelope(dmEvent("U0EVIL", "status")).replaceAll(TEAM_ID, "T0OTHER");
    expect((await send(h, foreign, "application/json")).status).toBe(200);
    await idle(h);
    const kari = await h.bot.app.db.person.findUniqueOrThrow({ where: { email: "kari@firma.no" } });
    expect([kari.slackUserId, kari.slackTeamId]).toEqual([null, null]);
  });
});
