// The console channel as a real process with piped input, and plan exports from
// the CLI: the LPS JSON passes NAV's field types, the PDF opens with a PDF reader.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tempDb.js";
import { runDialogue } from "../helpers/conversationDriver.js";
import { openDatabase } from "../../src/db/client.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import { lpsFollowUpPlanSchema } from "../../src/exports/lps.js";
import { localDateOf } from "../../src/domain/time/zone.js";

const dir = tempDir();
const url = `file:${path.join(dir, "chat.db")}`;
const env = { DATABASE_URL: url };
const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo",
  "anne@firma.no,Anne Ansatt,lise@firma.no,en,NO,Europe/Oslo",
  "stian@firma.no,Stian Fremmed,,nb,NO,Europe/Oslo",
].join("\n");

beforeAll(async () => {
  const opened = await openDatabase(url);
  await importDirectory(opened.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
  await opened.close();
});

// Each case spawns several tsx processes; on a loaded 2-core machine one can take minutes.
describe("cli chat (the console channel)", { timeout: 300_000 }, () => {
  it("reports sickness with piped answers, tells the leader, and exits cleanly at end of input", async () => {
    // Anne's locale is English; she answers by number, by label and by button letter.
    // Anne's today is in her time zone (between 23:00 and 24:00 UTC it is already tomorrow in Oslo).
    const today = localDateOf(new Date(), "Europe/Oslo");
    const anne = await runCli(["chat", "--as", "anne@firma.no"], { env, input: ["sick", "a", "today", "unknown", "Full", "2", "confirm", ""].join("\n") });
    expect(anne.stderr).toBe("");
    expect(anne.code).toBe(0);
    expect(anne.stdout).toMatch(/signed in as Anne Ansatt/);
    expect(anne.stdout).toMatch(/registered from/);
    expect(anne.stdout).toMatch(/Goodbye\./);
    expect(anne.stdout).not.toMatch(/diagnos/i);

    const lise = await runCli(["chat", "--as", "lise@firma.no"], { env, input: "status\n" });
    expect(lise.code).toBe(0);
    expect(lise.stdout).toMatch(/Du har 1 ny melding:/);
    expect(lise.stdout).toMatch(/Anne Ansatt har meldt seg syk/);
    expect(lise.stdout).toMatch(/Åpne saker i teamet ditt/);

    const periods = JSON.parse((await runCli(["absence", "list", "--employee", "anne@firma.no", "--json"], { env })).stdout) as Array<{ start: string; reportedVia: string }>;
    expect(periods).toEqual([expect.objectContaining({ start: today, reportedVia: "console" })]);
  });

  it("the --locale option switches the language, and a stranger's commands reveal nothing", async () => {
    const stian = await runCli(["chat", "--as", "stian@firma.no", "--locale", "en"], { env, input: "plan\nstatus\nhjelp\n" });
    expect(stian.code).toBe(0);
    expect(stian.stdout).toMatch(/You have no registered sick leave/);
    expect(stian.stdout).not.toMatch(/Anne/);
    const nobody = await runCli(["chat", "--as", "nobody@firma.no"], { env, input: "hjelp\n" });
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toMatch(/nobody@firma.no is not in the directory/);
  });
});

describe("cli plan export", { timeout: 300_000 }, () => {
  beforeAll(async () => {
    // Make a confirmed plan through the core, then export it from a separate process.
    const opened = await openDatabase(url);
    const ctx = { config: loadConfig({ DATABASE_URL: url }), db: opened.db, logger: createLogger("silent"), clock: () => new Date() };
    const services = createServices(ctx);
    const anne = await opened.db.person.findUniqueOrThrow({ where: { email: "anne@firma.no" } });
    const lise = await opened.db.person.findUniqueOrThrow({ where: { email: "lise@firma.no" } });
    await runDialogue(services.conversation, anne, await services.conversation.handle(anne, { type: "plan" }, "console"), {
      contactAsAgreed: "as_agreed",
      mainTasks: ["Customer meetings", "Warehouse lifting"],
      arrConsent: "no",
    });
    let asked = 0;
    await runDialogue(services.conversation, lise, await services.conversation.handle(lise, { type: "plan", employeeId: anne.id }, "console"), {
      "measures._more": () => (asked++ === 0 ? "yes" : "no"),
      measureTitle: "Hjemmekontor tirsdag",
      measureOwner: "leader",
      needsHelpFromNav: "no",
      employeeContributed: "yes",
      sendToNav: "yes",
      sendToGp: "no",
    });
    const plan = await opened.db.plan.findFirstOrThrow({ where: { employeeId: anne.id } });
    await services.conversation.handle(anne, { type: "plan.review", planId: plan.id, version: 1, action: "confirm" }, "console");
    await opened.close();
  });

  it("exports NAV's LPS JSON that passes a schema of NAV's field types", async () => {
    const missingId = await runCli(["plan", "export", "--employee", "anne@firma.no", "--format", "lps"], { env });
    expect(missingId.code).toBe(2);
    expect(missingId.stderr).toMatch(/national identity number/);
    const result = await runCli(["plan", "export", "--employee", "anne@firma.no", "--format", "lps", "--national-id", "01017012345", "--contact-phone", "+47 99 99 99 99"], { env });
    expect(result.stderr).toBe("");
    const dto = lpsFollowUpPlanSchema.parse(JSON.parse(result.stdout));
    expect(dto.employeeIdentificationNumber).toBe("01017012345");
    expect(dto.contactPersonFullName).toBe("Lise Leder");
    expect(dto.plannedFacilitation).toMatch(/Hjemmekontor tirsdag/);
    expect(dto.sendPlanToNav).toBe(true);
  });

  it("exports Markdown in the employee's language and a real PDF", async () => {
    const md = await runCli(["plan", "export", "--employee", "anne@firma.no", "--format", "md"], { env });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# /m);
    expect(md.stdout).toMatch(/Anne Ansatt/);
    expect(md.stdout).toMatch(/Hjemmekontor tirsdag/);

    const file = path.join(dir, "plan.pdf");
    const pdf = await runCli(["plan", "export", "--employee", "anne@firma.no", "--format", "pdf", "--locale", "nb", "--output", file], { env });
    expect(pdf.stderr).toBe("");
    const data = new Uint8Array(readFileSync(file));
    expect(Buffer.from(data.subarray(0, 5)).toString()).toBe("%PDF-");
    const fonts = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;
    const doc = await getDocument({ data, standardFontDataUrl: fonts, isEvalSupported: false }).promise;
    const page = await doc.getPage(1);
    const text = (await page.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
    await doc.destroy();
    expect(text).toMatch(/Oppfølgingsplan/);
    expect(text).toMatch(/Anne Ansatt/);

    const badVersion = await runCli(["plan", "export", "--employee", "anne@firma.no", "--format", "md", "--version", "9"], { env });
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toMatch(/Version 9 of the plan does not exist/);
  });
});
