// Teams messages and the durable inbox, over HTTP with the real bot (local mode, fake Bot
// Connector): a personal-chat message is stored before its turn runs and marked done
// when it has been answered, a redelivery of the same activity is processed once, and a
// message whose turn never finished (the process died during it: a row still held,
// its lease run out) is processed by the inbox worker and answered proactively.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDirectory } from "../../../src/app/directory/importDirectory.js";
import { loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/logging/logger.js";
import { startBot, type RunningBot } from "../../../src/server/bot.js";
import { tempDir } from "../../helpers/tempDb.js";
import { FakeConnector } from "./helpers/fakeConnector.js";
import { TENANT, TeamsClient, type TeamsUser } from "./helpers/teamsClient.js";

const DIRECTORY = ["email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles", "anne@firma.no,Anne Ansatt,,en,NO,Europe/Oslo,,aad-anne,"].join("\n");
const anne: TeamsUser = { id: "29:anne", name: "Anne Ansatt", aadObjectId: "aad-anne" };

describe("Teams: the durable inbox", () => {
  let bot: RunningBot;
  let connector: FakeConnector;
  let client: TeamsClient;
  const chat = TeamsClient.personalConversation(anne);
  const statusCards = () => connector.conversation(chat).filter((p) => JSON.stringify(p.activity).includes("Status for Anne Ansatt")).length;

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    const config = loadConfig({ DATABASE_URL: `file:${path.join(tempDir(), "teams.db")}`, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", TEAMS_LOCAL_MODE: "true" });
    bot = await startBot(config, createLogger("silent"));
    await importDirectory(bot.app.db, DIRECTORY, { defaultTimeZone: "Europe/Oslo" });
    client = new TeamsClient(bot.http.url, connector.url);
    for (const activity of client.installPersonal(anne)) await client.postOk(activity);
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  it("stores a message before its turn, marks it done when answered, and processes a redelivery once", async () => {
    const activity = client.text(anne, "status");
    await client.postOk(activity);
    const key = `teams:${chat}:${String(activity.id)}`;
    expect(await bot.app.db.inbox.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ channel: "teams", status: "done", attempts: 1, partition: `teams:${TENANT}:aad-anne` });
    expect(statusCards()).toBe(1);
    await client.postOk(activity);
    expect(statusCards()).toBe(1);
    expect(await bot.app.db.inbox.count({ where: { dedupeKey: key } })).toBe(1);
  });

  it("answers a message whose turn never finished, once its lease has run out", async () => {
    const before = statusCards();
    // What a process that died during the turn leaves behind: the row, held, its lease over.
    await bot.app.db.inbox.create({
      data: {
        channel: "teams",
        dedupeKey: "teams:died-during-turn:1",
        partition: `teams:${TENANT}:aad-anne`,
        payload: JSON.stringify({ kind: "message", who: { platform: "teams", tenant: TENANT, userId: "aad-anne" }, text: "status" }),
        status: "processing",
        attempts: 1,
        claimedBy: "held:dead-process",
        leaseUntil: new Date(Date.now() - 1000),
      },
    });
    const deadline = Date.now() + 15_000;
    while ((await bot.app.db.inbox.findUniqueOrThrow({ where: { dedupeKey: "teams:died-during-turn:1" } })).status !== "done" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await bot.app.db.inbox.findUniqueOrThrow({ where: { dedupeKey: "teams:died-during-turn:1" } })).toMatchObject({ status: "done", attempts: 2 });
    // Answered proactively in her personal chat.
    expect(statusCards()).toBe(before + 1);
  });

  // A card's Action.Execute is a request Teams sends once and waits on: a click that changes
  // something (here: the report form sent with Action.Execute) is kept like a message.
  const osloToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());
  const reportClick = () => client.execute(client.personal(anne, {}), "jd", { jdForm: "report", start: osloToday(), end: "", grade: "100", document: "egenmelding" });
  const anneId = async () => (await bot.app.db.person.findUniqueOrThrow({ where: { email: "anne@firma.no" } })).id;

  it("stores a card action that changes something before its turn, and a repeated invoke is answered without doing it twice", async () => {
    const click = reportClick();
    const first = await client.postOk(click);
    expect(JSON.stringify(first.body)).not.toContain("teams:duplicate");
    const key = `teams:${chat}:${String(click.id)}`;
    expect(await bot.app.db.inbox.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ channel: "teams", status: "done", partition: `teams:${TENANT}:aad-anne` });
    const periods = await bot.app.db.absencePeriod.count({ where: { personId: await anneId() } });
    expect(periods).toBe(1);
    // Teams retries the same invoke (same id): answered, nothing stored twice.
    const again = await client.postOk(click);
    expect(again.status).toBe(200);
    expect(await bot.app.db.absencePeriod.count({ where: { personId: await anneId() } })).toBe(periods);
    expect(await bot.app.db.inbox.count({ where: { dedupeKey: key } })).toBe(1);
  });

  it("keeps no row for read-only card views or Teams' automatic refreshes", async () => {
    const before = await bot.app.db.inbox.count();
    await client.postOk(client.execute(client.personal(anne, {}), "jd", { jdView: { type: "status" } }));
    await client.postOk(client.execute(client.personal(anne, {}), "jd", { jdView: { type: "status" } }, "automatic"));
    expect(await bot.app.db.inbox.count()).toBe(before);
  });

  it("processes a card action whose turn never finished, and answers in the personal chat", async () => {
    const personId = await anneId();
    await bot.app.db.absencePeriod.deleteMany({ where: { personId } });
    const before = connector.conversation(chat).length;
    await bot.app.db.inbox.create({
      data: {
        channel: "teams",
        dedupeKey: "teams:died-during-invoke:1",
        partition: `teams:${TENANT}:aad-anne`,
        payload: JSON.stringify({ kind: "message", who: { platform: "teams", tenant: TENANT, userId: "aad-anne" }, text: "", value: { jdForm: "report", start: osloToday(), end: "", grade: "100", document: "egenmelding" } }),
        status: "processing",
        attempts: 1,
        claimedBy: "held:dead-process",
        leaseUntil: new Date(Date.now() - 1000),
      },
    });
    const deadline = Date.now() + 15_000;
    while ((await bot.app.db.inbox.findUniqueOrThrow({ where: { dedupeKey: "teams:died-during-invoke:1" } })).status !== "done" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await bot.app.db.inbox.findUniqueOrThrow({ where: { dedupeKey: "teams:died-during-invoke:1" } })).toMatchObject({ status: "done", attempts: 2 });
    expect(await bot.app.db.absencePeriod.count({ where: { personId } })).toBe(1);
    expect(connector.conversation(chat).length).toBeGreaterThan(before);
  });
});
