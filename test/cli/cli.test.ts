// The operator's CLI against a temporary database, run in-process through runCli(argv, io)
// (test/helpers/cli.ts); the process itself is covered by the smoke tests in test/server.
import { writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tempDb.js";

const dir = tempDir();
const env = { DATABASE_URL: `file:${path.join(dir, "cli.db")}` };
const csv = path.join(dir, "people.csv");
writeFileSync(
  csv,
  [
    "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id",
    "leder@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,",
    "ansatt@firma.no,Anne Ansatt,leder@firma.no,nb,NO,Europe/Oslo,,",
  ].join("\n"),
);

describe("cli", () => {
  it("answers --help for the program and every subcommand", async () => {
    for (const args of [["--help"], ["serve", "--help"], ["directory", "import", "--help"], ["directory", "export", "--help"], ["absence", "add", "--help"], ["absence", "list", "--help"], ["milestones", "--help"], ["guard", "--help"]]) {
      const result = await runCli(args, { env });
      expect(result.code, args.join(" ")).toBe(0);
      expect(result.stdout).toMatch(/Usage:/);
    }
  });

  it("gives a one-line error and exit code 2 for bad arguments", async () => {
    const unknown = await runCli(["frobnicate"], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split("\n")[0]).toMatch(/unknown command/);
    const missing = await runCli(["absence", "add", "--employee", "x@y.no"], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--start/);
    const badChoice = await runCli(["absence", "add", "--employee", "x@y.no", "--start", "2026-01-01", "--type", "holiday"], { env });
    expect(badChoice.code).toBe(2);
  });

  it("checks wordings with the health guard, one JSON line per input line", async () => {
    const result = await runCli(["guard"], { env, input: "Jeg trenger kortere dager en periode\nSykmeldt med F32.1 og bruker Cipralex\n" });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n").map((l) => JSON.parse(l) as { flagged: boolean; matches: string[] });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({ flagged: false, matches: [] });
    expect(lines[1]!.flagged).toBe(true);
    expect(lines[1]!.matches).toEqual(expect.arrayContaining(["F32.1", "Cipralex"]));
  });

  it("evaluates milestones from JSON on stdin, and names the bad field (exit 2)", async () => {
    const input = JSON.stringify({ jurisdiction: "NO", periods: [{ start: "2026-01-05", end: "2026-03-01", grade: 100, type: "sick", document: "sykmelding" }], today: "2026-01-20" });
    const result = await runCli(["milestones"], { env, input });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { cases: Array<{ start: string; sickDays: number; milestones: Array<{ id: string; due: string; status: string; source: string }> }> };
    expect(out.cases[0]!.milestones.find((m) => m.id === "no.followup_plan")).toMatchObject({ due: "2026-02-01", status: "upcoming", source: "aml § 4-6 (3)" });
    const bad = await runCli(["milestones"], { env, input: JSON.stringify({ jurisdiction: "NO", periods: [{ start: "2026-03-01", end: "2026-02-01", grade: 100 }], today: "2026-01-20" }) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/periods\[0\]\.end/);
    const unknown = await runCli(["milestones"], { env, input: JSON.stringify({ jurisdiction: "FI", periods: [], today: "2026-01-20" }) });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/jurisdiction/);
  });

  it("imports and exports the directory", async () => {
    const imported = await runCli(["directory", "import", csv], { env });
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/2 created/);
    const out = path.join(dir, "out.csv");
    const exported = await runCli(["directory", "export", "--output", out], { env });
    expect(exported.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("ansatt@firma.no,Anne Ansatt,leder@firma.no,nb,NO,Europe/Oslo,,");
    const missingFile = await runCli(["directory", "import", path.join(dir, "nope.csv")], { env });
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toMatch(/cannot read/);
  });

  it("rejects a bad directory file with every problem and its line (exit 2)", async () => {
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "email,name,leader_email,jurisdiction\nnot-mail,X,,NO\nok@firma.no,OK,ghost@firma.no,FI\n");
    const result = await runCli(["directory", "import", bad], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nothing was changed/);
    expect(result.stderr).toMatch(/line 2 email: "not-mail" is not a valid e-mail address/);
    expect(result.stderr).toMatch(/line 3 leader_email: leader ghost@firma.no/);
    expect(result.stderr).toMatch(/line 3 jurisdiction: unknown jurisdiction "FI"/);
  });

  it("registers and lists absences with the same validation as chat, localized", async () => {
    await runCli(["directory", "import", csv], { env });
    const add = await runCli(["absence", "add", "--employee", "ansatt@firma.no", "--start", "2026-11-02", "--end", "2026-11-20", "--grade", "60", "--document", "sykmelding", "--json"], { env });
    expect(add.stderr).toBe("");
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ start: "2026-11-02", end: "2026-11-20", grade: 60, type: "sick", document: "sykmelding", caseStart: "2026-11-02" });

    const endBeforeStart = await runCli(["absence", "add", "--employee", "ansatt@firma.no", "--start", "2026-12-10", "--end", "2026-12-01"], { env });
    expect(endBeforeStart.code).toBe(2);
    expect(endBeforeStart.stderr).toMatch(/end \(2026-12-01\) is before the start \(2026-12-10\)/);

    const badDate = await runCli(["absence", "add", "--employee", "ansatt@firma.no", "--start", "2026-02-30"], { env: { ...env, JOBBDIALOG_LOCALE: "nb" } });
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/Februar har bare 28 dager i 2026 \(«2026-02-30»\)/);

    const badGrade = await runCli(["absence", "add", "--employee", "ansatt@firma.no", "--start", "2026-12-01", "--grade", "0"], { env });
    expect(badGrade.code).toBe(2);
    expect(badGrade.stderr).toMatch(/grade must be a whole number from 1 to 100/);

    const stranger = await runCli(["absence", "add", "--employee", "nobody@firma.no", "--start", "2026-12-01"], { env });
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toMatch(/nobody@firma.no is not in the directory/);

    const list = await runCli(["absence", "list", "--employee", "ansatt@firma.no", "--json"], { env });
    expect(list.code).toBe(0);
    const periods = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ start: "2026-11-02", grade: 60, reportedVia: "cli" });
  });
});
