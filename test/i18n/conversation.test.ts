// Each person is answered in their own language, whatever language their command word was in;
// help and status speak to the person's role.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { promptOf, textOf } from "../helpers/conversationDriver.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import { loadResources, SUPPORTED_LOCALES, translator, type Locale } from "../../src/i18n/index.js";
import { ensureWorkspace, workspaceLocale } from "../../src/app/workspaces.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "leder@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "nb@firma.no,Nora Bokmål,leder@firma.no,nb,NO,Europe/Oslo,,,",
  "nn@firma.no,Nils Nynorsk,leder@firma.no,nn,NO,Europe/Oslo,,,",
  "en@firma.no,Emma English,leder@firma.no,en,NO,Europe/Oslo,,,",
  "sv@firma.no,Sara Svensk,leder@firma.no,sv,SE,Europe/Stockholm,,,",
  "da@firma.no,Dorte Dansk,leder@firma.no,da,DK,Europe/Copenhagen,,,",
  "arr@firma.no,Arne ARR,,nb,NO,Europe/Oslo,,,arr",
  "hr@firma.no,Hilde HR,,sv,NO,Europe/Oslo,,,hr",
].join("\n");

const HELP: Record<Locale, string> = { nb: "hjelp", nn: "hjelp", en: "help", sv: "hjälp", da: "hjælp" };
const CANCEL: Record<Locale, string> = { nb: "avbryt", nn: "avbryt", en: "cancel", sv: "avbryt", da: "annuller" };

describe("answers in the person's own language", () => {
  let db: TempDb;
  let services: Services;
  const person = (email: string) => db.db.person.findUniqueOrThrow({ where: { email } });

  beforeEach(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    const ctx = { config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => new Date("2026-11-23T09:00:00Z") };
    services = createServices(ctx);
  });
  afterEach(async () => db.dispose());

  for (const locale of SUPPORTED_LOCALES) {
    it(`${locale}: «${HELP[locale]}» gives help in ${locale}, «${CANCEL[locale]}» ends a dialogue`, async () => {
      const t = translator(locale);
      const who = await person(`${locale}@firma.no`);
      const help = textOf(await services.conversation.handle(who, { type: "text", text: HELP[locale] }, "console"));
      expect(help).toContain(t("bot:help.title"));
      expect(help).toContain(t("bot:help.intro"));
      expect(help).not.toContain(t("bot:help.unknown", { text: HELP[locale] }));

      const started = await services.conversation.handle(who, { type: "text", text: t("bot:help.commands.report.word") }, "console");
      expect(promptOf(started)).toBeDefined();
      const cancelled = await services.conversation.handle(who, { type: "text", text: CANCEL[locale] }, "console");
      expect(promptOf(cancelled)?.blocks.some((b) => b.kind === "input") ?? false).toBe(false);
      expect(await db.db.dialogueSession.count({ where: { personId: who.id, status: "active" } })).toBe(0);
    });
  }

  it("a Danish word from a bokmål user is understood and answered in bokmål", async () => {
    const help = textOf(await services.conversation.handle(await person("nb@firma.no"), { type: "text", text: "hjælp" }, "console"));
    expect(help).toContain(translator("nb")("bot:help.title"));
  });

  it("an ARR member is not told about «you and your leader»; a leader hears about «vikar»", async () => {
    const nb = translator("nb");
    const arr = textOf(await services.conversation.handle(await person("arr@firma.no"), { type: "text", text: "hjelp" }, "console"));
    expect(arr).toContain(nb("bot:help.introArr"));
    expect(arr).not.toContain(nb("bot:help.intro"));
    const leader = textOf(await services.conversation.handle(await person("leder@firma.no"), { type: "text", text: "hjelp" }, "console"));
    expect(leader).toContain(nb("bot:help.introLeader"));
    expect(leader).toContain(`${nb("bot:help.commands.substitute.word")}: `);
  });

  it("status of someone without a case does not tell them to start a plan", async () => {
    const nb = translator("nb");
    for (const email of ["leder@firma.no", "arr@firma.no"]) {
      const status = textOf(await services.conversation.handle(await person(email), { type: "text", text: "status" }, "console"));
      expect(status).toContain(nb("bot:status.noCase"));
      expect(status).not.toContain(nb("bot:status.noPlan"));
    }
  });

  it("every language's cancel word, typed with no dialogue open, says there is nothing to cancel (in the person's language)", async () => {
    const resources = loadResources();
    const cancelWords = SUPPORTED_LOCALES.flatMap((l) => ((resources[l]!.bot!.keywords as Record<string, string[]>).cancel ?? []));
    expect(cancelWords).toEqual(expect.arrayContaining(["avbryt", "cancel", "annuller", "afbryd"]));
    for (const locale of SUPPORTED_LOCALES) {
      const t = translator(locale);
      const who = await person(`${locale}@firma.no`);
      for (const word of cancelWords) {
        const reply = textOf(await services.conversation.handle(who, { type: "text", text: word }, "console"));
        expect(reply, `${locale} typing «${word}»`).toContain(t("bot:session.nothingToCancel"));
        expect(reply).not.toContain(t("bot:help.unknown", { text: word }));
      }
      // back, restart and confirm without a dialogue: understood too, not "I didn't understand".
      for (const word of [t("bot:keywords.back.0"), t("bot:keywords.restart.0"), t("bot:keywords.confirm.0")]) {
        const reply = textOf(await services.conversation.handle(who, { type: "text", text: word }, "console"));
        expect(reply, `${locale} typing «${word}»`).toContain(t("bot:session.nothingOpen"));
      }
    }
  });

  it("HR sets the workspace language with «språk sv» (any language's word); others may only ask", async () => {
    const local = () => ensureWorkspace(db.db, "local", "local");
    expect(workspaceLocale(await local())).toBe("nb");
    const sv = translator("sv");
    const asked = textOf(await services.conversation.handle(await person("nb@firma.no"), { type: "text", text: "språk" }, "console"));
    expect(asked).toContain(translator("nb")("bot:workspace.current", { language: "norsk bokmål" }));
    const refused = textOf(await services.conversation.handle(await person("da@firma.no"), { type: "text", text: "sprog en" }, "console"));
    expect(refused).toContain(translator("da")("bot:workspace.onlyHr"));
    expect(workspaceLocale(await local())).toBe("nb");
    const set = textOf(await services.conversation.handle(await person("hr@firma.no"), { type: "text", text: "language da" }, "console"));
    expect(set).toContain(sv("bot:workspace.set", { language: sv("common:languages.da") }));
    expect(workspaceLocale(await local())).toBe("da");
  });
});

// Which language a person is answered in: their own choice > what their platform reports >
// their workspace's language > bokmål (src/app/locale.ts).
describe("a person without a language of their own", () => {
  let db: TempDb;
  let services: Services;
  const DIRECTORY = [
    "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
    "hr@firma.se,Hanna HR,,sv,SE,Europe/Stockholm,,,hr",
    "ny@firma.se,Nils Ny,,,SE,Europe/Stockholm,,,",
    "egen@firma.se,Eva Egen,,en,SE,Europe/Stockholm,,,",
  ].join("\n");
  const person = (email: string) => db.db.person.findUniqueOrThrow({ where: { email } });
  const help = async (email: string, text = "hjälp") => textOf(await services.conversation.handle(await person(email), { type: "text", text }, "console"));

  beforeEach(async () => {
    db = await createTempDb();
    await importDirectory(db.db, DIRECTORY, { defaultTimeZone: "Europe/Stockholm" });
    services = createServices({ config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => new Date("2026-11-23T09:00:00Z") });
  });
  afterEach(async () => db.dispose());

  it("is stored without one (a blank locale column), and exported blank again", async () => {
    expect((await person("ny@firma.se")).locale).toBeNull();
    const { exportDirectory } = await import("../../src/app/directory/exportDirectory.js");
    expect(await exportDirectory(db.db)).toContain("ny@firma.se,Nils Ny,,,SE");
  });

  it("is answered in the workspace's language once HR sets it («språk sv»), bokmål before; their own choice still wins", async () => {
    expect(await help("ny@firma.se")).toContain(translator("nb")("bot:help.title"));
    await services.conversation.handle(await person("hr@firma.se"), { type: "text", text: "språk sv" }, "console");
    const sv = translator("sv");
    const swedish = await help("ny@firma.se");
    expect(swedish).toContain(sv("bot:help.title"));
    expect(swedish).toContain(sv("bot:help.intro"));
    // Not understood, and told so in Swedish too.
    expect(await help("ny@firma.se", "blabla")).toContain(sv("bot:help.unknown", { text: "blabla" }));
    expect(await help("egen@firma.se")).toContain(translator("en")("bot:help.title"));
  });

  it("the order: own choice > the platform's reported locale > the workspace's > bokmål", async () => {
    const { localeFor, resolveLocale } = await import("../../src/app/locale.js");
    expect(resolveLocale({ locale: null })).toBe("nb");
    expect(resolveLocale({ locale: null }, { workspaces: [null, { locale: "da" }] })).toBe("da");
    expect(resolveLocale({ locale: null }, { reported: "sv-SE", workspaces: [{ locale: "da" }] })).toBe("sv");
    expect(resolveLocale({ locale: "nn" }, { reported: "sv-SE", workspaces: [{ locale: "da" }] })).toBe("nn");
    expect(resolveLocale({ locale: null }, { reported: "de-DE", workspaces: [{ locale: null }, { locale: "en" }] })).toBe("en");
    // With the database: a Teams tenant's language comes before the local workspace's.
    const ny = await db.db.person.update({ where: { email: "ny@firma.se" }, data: { teamsTenantId: "tenant-1" } });
    await db.db.workspace.create({ data: { platform: "local", externalId: "local", locale: "da" } });
    expect(await localeFor(db.db, ny)).toBe("da");
    await db.db.workspace.create({ data: { platform: "teams", externalId: "tenant-1", locale: "en" } });
    expect(await localeFor(db.db, ny)).toBe("en");
    expect(await localeFor(db.db, ny, "sv-SE")).toBe("sv");
    expect(await localeFor(db.db, await person("egen@firma.se"), "sv-SE")).toBe("en");
  });
});
