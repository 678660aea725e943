// Two fixes in the conversation core: `plan` offers no plan dialogue without a case, and
// the report's end-date question asks for the date that is stored (the last day away).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { buttons, promptOf, runDialogue, textOf } from "../helpers/conversationDriver.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import { SUPPORTED_LOCALES, translator } from "../../src/i18n/index.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id",
  "lise@firma.no,Lise Leder,,en,NO,Europe/Oslo,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,en,NO,Europe/Oslo,,",
].join("\n");

describe("plan and report", () => {
  let db: TempDb;
  let services: Services;
  beforeEach(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    const now = new Date("2026-11-23T09:00:00Z");
    services = createServices({ config: loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: "silent" }), db: db.db, logger: createLogger("silent"), clock: () => now });
  });
  afterEach(async () => {
    await db.dispose();
  });
  const person = (email: string) => db.db.person.findUniqueOrThrow({ where: { email } });

  it("offers no plan dialogue to someone with no case, to them or to their leader", async () => {
    const anne = await person("anne@firma.no");
    const lise = await person("lise@firma.no");
    const own = await services.conversation.handle(anne, { type: "plan" }, "console");
    expect(promptOf(own)).toBeUndefined();
    expect(textOf(own)).toMatch(/no sick leave registered/);
    expect(buttons(own).map((b) => b.command.type)).toContain("report");
    const forAnne = await services.conversation.handle(lise, { type: "plan", employeeId: anne.id }, "console");
    expect(promptOf(forAnne)).toBeUndefined();
    expect(textOf(forAnne)).toMatch(/Anne Ansatt has no sick leave registered/);
    expect(await db.db.dialogueSession.count()).toBe(0);
    expect(await db.db.plan.count()).toBe(0);
  });

  it("asks for the last day away, and stores that day as the last sick day", async () => {
    for (const locale of SUPPORTED_LOCALES) {
      // Never "when are you back": the day someone is back is not a sick day.
      expect(translator(locale)("dialogue:report_sickness.endDate.text"), locale).not.toMatch(/back|tilbake|tillbaka|tilbage/i);
    }
    const anne = await person("anne@firma.no");
    const first = await services.conversation.handle(anne, { type: "report" }, "console");
    await runDialogue(services.conversation, anne, first, { startDate: "2026-11-23", endDate: "2026-11-27", grade: "full", leaveType: "egenmelding" });
    const period = await db.db.absencePeriod.findFirstOrThrow({ where: { personId: anne.id } });
    expect([period.startDate, period.endDate]).toEqual(["2026-11-23", "2026-11-27"]);
    const sickCase = await db.db.sickCase.findFirstOrThrow({ where: { personId: anne.id } });
    expect(sickCase.sickDays).toBe(5);
  });
});
