// Which language the Teams bot answers in (src/app/locale.ts): the person's own choice, else the
// locale their Teams client reports on the activity, else their workspace's, else bokmål.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/tempDb.js";
import { startBot, type RunningBot } from "../../../src/server/bot.js";
import { loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/logging/logger.js";
import { importDirectory } from "../../../src/app/directory/importDirectory.js";
import { translator } from "../../../src/i18n/index.js";
import { FakeConnector } from "./helpers/fakeConnector.js";
import { TENANT, TeamsClient, type TeamsUser } from "./helpers/teamsClient.js";
import { cardText } from "./helpers/cards.js";

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "nils@firma.se,Nils Ny,,,SE,Europe/Stockholm,,aad-nils,",
  "emma@firma.se,Emma Egen,,en,SE,Europe/Stockholm,,aad-emma,",
].join("\n");

const nils: TeamsUser = { id: "29:nils", name: "Nils Ny", aadObjectId: "aad-nils" };
const emma: TeamsUser = { id: "29:emma", name: "Emma Egen", aadObjectId: "aad-emma" };

describe("Teams: the language of a reply", () => {
  let bot: RunningBot;
  let connector: FakeConnector;
  let client: TeamsClient;

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    const config = loadConfig({ DATABASE_URL: `file:${path.join(tempDir(), "teams.db")}`, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", TEAMS_LOCAL_MODE: "true" });
    bot = await startBot(config, createLogger("silent"));
    await importDirectory(bot.app.db, DIRECTORY, { defaultTimeZone: "Europe/Stockholm" });
    client = new TeamsClient(bot.http.url, connector.url);
  });

  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  async function helpText(user: TeamsUser, locale: string): Promise<string> {
    const before = connector.writes.length;
    await client.postOk({ ...client.text(user, "help"), locale });
    return connector.writes
      .slice(before)
      .map((w) => cardText(FakeConnector.cardOf(w.activity) ?? {}))
      .join("\n");
  }

  it("without a language of their own: the Teams client's locale, else the workspace's; their own choice wins", async () => {
    expect(await helpText(nils, "sv-SE")).toContain(translator("sv")("bot:help.title"));
    // German is not supported: the tenant's workspace language applies (bokmål while unset).
    expect(await helpText(nils, "de-DE")).toContain(translator("nb")("bot:help.title"));
    await bot.app.db.workspace.upsert({ where: { platform_externalId: { platform: "teams", externalId: TENANT } }, create: { platform: "teams", externalId: TENANT, locale: "da" }, update: { locale: "da" } });
    expect(await helpText(nils, "de-DE")).toContain(translator("da")("bot:help.title"));
    expect(await helpText(emma, "sv-SE")).toContain(translator("en")("bot:help.title"));
  });
});
