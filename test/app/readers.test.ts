// "Who has seen my plan?" (issue 10): the employee sees every read of her case or plan by
// someone else — who, their role, when in her time zone, what — and nobody else may ask;
// HR exports the whole log of a case from the command line, and that export is logged too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { runDialogue, textOf, buttons, moreThenStop } from "../helpers/conversationDriver.js";
import { runCli } from "../helpers/cli.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import type { Person } from "../../src/generated/prisma/client.js";
import { exportAuditLog } from "../../src/app/auditLog.js";
import { formatDate } from "../../src/i18n/index.js";
import { localDateOf, localTimeOf } from "../../src/domain/time/zone.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,America/New_York,,,",
  "petter@firma.no,Petter Kollega,lise@firma.no,nb,NO,Europe/Oslo,,,",
  "hanne@firma.no,Hanne HR,,en,NO,Europe/Oslo,,,hr",
  "stian@firma.no,Stian Fremmed,,nb,NO,Europe/Oslo,,,",
].join("\n");

describe("who has seen my plan", () => {
  let db: TempDb;
  let services: Services;
  const now = new Date("2026-11-30T09:00:00Z");
  const who = {} as Record<"anne" | "lise" | "petter" | "hanne" | "stian", Person>;
  const say = (p: Person, command: Parameters<Services["conversation"]["handle"]>[1]) => services.conversation.handle(p, command, "console");

  beforeAll(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    services = createServices({ config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => now });
    for (const key of ["anne", "lise", "petter", "hanne", "stian"] as const) who[key] = await db.db.person.findUniqueOrThrow({ where: { email: `${key}@firma.no` } });
    await say(who.anne, { type: "report.submit", start: "2026-11-23", end: "2027-01-10", grade: 100, document: "sykmelding" });
    await runDialogue(services.conversation, who.anne, await say(who.anne, { type: "plan" }), { contactAsAgreed: "as_agreed", mainTasks: ["Kundemøter"], arrConsent: "no" });
    await runDialogue(services.conversation, who.lise, await say(who.lise, { type: "plan", employeeId: who.anne.id }), { "measures._more": moreThenStop(0), needsHelpFromNav: "no", employeeContributed: "yes", sendToNav: "no", sendToGp: "no" });
  }, 120_000);
  afterAll(async () => db?.dispose());

  it("lists each read by someone else with who, role, when in her time zone and what; her own reads are not there", async () => {
    await say(who.lise, { type: "plan", employeeId: who.anne.id }); // the leader reads version 1
    await new Promise((r) => setTimeout(r, 5)); // the log's clock: one read after the other
    await say(who.hanne, { type: "status" }); // HR's overview of open cases
    await say(who.anne, { type: "plan" }); // her own read: not logged

    const reply = await say(who.anne, { type: "text", text: "Hvem har sett planen?" });
    const text = textOf(reply);
    expect(text).toMatch(/Hvem har sett saken din/);
    expect(text).toMatch(/America\/New_York/);
    // The log's own time of each read, shown in New York time (not the server's, not Oslo's).
    const rows = await db.db.auditLog.findMany({ where: { subjectId: who.anne.id, action: "read" }, orderBy: { at: "asc" } });
    const at = (actorId: string) => rows.findLast((r) => r.actorId === actorId)!.at;
    const inZone = (zone: string) => (d: Date) => {
      const { hour, minute } = localTimeOf(d, zone);
      return `${formatDate(localDateOf(d, zone), "nb")} kl. ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
    };
    const ny = inZone("America/New_York");
    const oslo = inZone("Europe/Oslo");
    expect(text).toContain(`${ny(at(who.hanne.id))} · Hanne HR (HR): så oversikten over saken`);
    expect(text).toContain(`${ny(at(who.lise.id))} · Lise Leder (leder): leste planen (versjon 1)`);
    expect(text).not.toContain(oslo(at(who.lise.id)));
    expect(text).not.toMatch(/Anne Ansatt \(/);
    // Newest first.
    expect(text.indexOf("Hanne HR")).toBeLessThan(text.indexOf("Lise Leder"));
  });

  it("is a word in every language and a button where she sees her plan", async () => {
    for (const words of ["who has seen my plan", "kven har sett planen", "vem har sett min plan", "hvem har set min plan"]) {
      expect(textOf(await say(who.anne, { type: "text", text: words })), words).toMatch(/Hvem har sett saken din/);
    }
    const plan = await say(who.anne, { type: "plan" });
    const button = buttons(plan).find((b) => b.command.type === "plan.readers");
    expect(button?.label).toBe("Hvem har sett planen?");
    expect(textOf(await say(who.anne, button!.command))).toMatch(/Lise Leder \(leder\)/);
  });

  it("refuses a stranger, a colleague, the leader and HR asking for Anne's reads, the same as for nobody", async () => {
    const nobody = textOf(await say(who.stian, { type: "plan.readers", employeeId: "nobody" }));
    for (const p of [who.stian, who.petter, who.lise, who.hanne]) {
      const reply = textOf(await say(p, { type: "plan.readers", employeeId: who.anne.id }));
      expect(reply, p.name).toMatch(/^(Du har ikke tilgang til dette|You don't have access to that)/);
      expect(reply).not.toMatch(/Lise Leder \(|Hanne HR \(/);
      if (p.locale === "nb") expect(reply).toBe(nobody);
    }
    // Asking "who has seen my plan" without a target shows one's own (Stian: nobody has read his).
    expect(textOf(await say(who.stian, { type: "plan.readers" }))).toMatch(/Ingen andre enn deg har lest saken eller planen din/);
  });

  it("lets HR export the case's log from the CLI (logged), and refuses anyone else", async () => {
    const env = { DATABASE_URL: db.url };
    const exported = await runCli(["audit", "export", "--employee", "anne@firma.no", "--as", "hanne@firma.no", "--json"], { env });
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    const rows = exported.stdout.trim().split("\n").map((l) => JSON.parse(l) as { actorEmail: string; actorLabel: string; action: string; entity: string });
    expect(rows.some((r) => r.actorEmail === "lise@firma.no" && r.action === "read" && r.entity === "plan")).toBe(true);
    expect(rows.some((r) => r.actorLabel === "leader" && r.action === "change")).toBe(true);
    expect(await db.db.auditLog.count({ where: { subjectId: who.anne.id, actorId: who.hanne.id, entity: "audit" } })).toBe(1);

    // A stranger through the CLI; a colleague and the leader through the same app function it calls.
    const refused = await runCli(["audit", "export", "--employee", "anne@firma.no", "--as", "stian@firma.no"], { env });
    expect([refused.code, refused.stdout]).toEqual([2, ""]);
    expect(refused.stderr).toMatch(/You don't have access to that\.\n.*Only HR can export the log of a case/);
    for (const p of [who.petter, who.lise]) {
      await expect(exportAuditLog(db.db, p, who.anne, "2026-11-30")).rejects.toMatchObject({ key: "common:errors.forbidden", problems: [{ key: "access:refused.audit.export" }] });
    }
    expect(await db.db.auditLog.count({ where: { subjectId: who.anne.id, entity: "audit" } })).toBe(1);
    // And Anne sees that HR took the log out.
    expect(textOf(await say(who.anne, { type: "plan.readers" }))).toMatch(/Hanne HR \(HR\): tok ut denne loggen/);
  }, 240_000);
});
