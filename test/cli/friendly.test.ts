// The operator's CLI says what is wrong in words a person can act on: an impossible date,
// a semicolon-separated directory (Excel's default in the Nordics), reminders with a header and
// the recipient's own clock, the milestones contract without the developers' notes, and the
// workspace language for the ARR channel.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tempDb.js";

const SLOW = 400_000;

describe("friendlier CLI answers", () => {
  const dir = tempDir();
  const env = { DATABASE_URL: `file:${path.join(dir, "cli.db")}` };

  it("accepts a semicolon-separated directory, and names the separator it cannot use", async () => {
    const semicolons = path.join(dir, "excel.csv");
    writeFileSync(semicolons, "\uFEFFemail;name;leader_email;locale;jurisdiction;timezone\nleder@firma.no;Lise Leder;;nb;NO;Europe/Oslo\nansatt@firma.no;\"Anne; Ansatt\";leder@firma.no;sv;NO;Europe/Stockholm\n");
    const imported = await runCli(["directory", "import", semicolons], { env });
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toMatch(/2 created/);
    const pipes = path.join(dir, "pipes.csv");
    writeFileSync(pipes, "email|name|leader_email\nx@firma.no|X|\n");
    const refused = await runCli(["directory", "import", pipes], { env: { ...env, JOBBDIALOG_LOCALE: "nb" } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/kolonnene ser ut til å være skilt med «\|»; bruk komma \(eller semikolon\)/);
  }, SLOW);

  it("tells which month is short, in the operator's language", async () => {
    for (const [locale, expected] of [
      ["en", /February has only 28 days in 2026 \("2026-02-31"\)/],
      ["da", /Februar har kun 28 dage i 2026 \(»2026-02-31«\)/],
      ["sv", /Februari har bara 28 dagar år 2026/],
    ] as const) {
      const r = await runCli(["absence", "add", "--employee", "ansatt@firma.no", "--start", "2026-02-31"], { env: { ...env, JOBBDIALOG_LOCALE: locale } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(expected);
    }
  }, SLOW);

  it("lists reminders under a header, at the recipient's local time", async () => {
    await runCli(["absence", "add", "--employee", "ansatt@firma.no", "--start", "2026-01-05"], { env });
    const tick = await runCli(["tick", "--now", "2026-01-05T09:00:00+01:00"], { env });
    expect(tick.code).toBe(0);
    const list = await runCli(["reminders", "list", "--person", "leder@firma.no"], { env });
    expect(list.code).toBe(0);
    const [header, ...rows] = list.stdout.trim().split("\n");
    expect(header).toMatch(/^due \(recipient's time\)\s+status\s+kind\s+recipient\s+channel\s+sent\s+about$/);
    expect(rows.length).toBeGreaterThan(0);
    // Lise is in Oslo: times in CET/CEST, never the bare UTC instant.
    for (const row of rows) expect(row).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} (CET|CEST|GMT\+1|GMT\+2)\s/);
    expect(list.stdout).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
  }, SLOW);

  it("gives the milestones contract without the developers' notes", async () => {
    const input = JSON.stringify({ jurisdiction: "SE", periods: [{ start: "2026-01-05", end: "2026-06-01", grade: 100 }], today: "2026-01-20" });
    const r = await runCli(["milestones"], { env, input });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/UNVERIFIED|"note"/);
    expect(JSON.parse(r.stdout).cases[0].milestones.length).toBeGreaterThan(3);
  }, SLOW);

  it("sets a workspace's language for the ARR channel", async () => {
    const bad = await runCli(["workspace", "set", "--locale", "fi"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown language "fi"/);
    const set = await runCli(["workspace", "set", "--locale", "sv"], { env: { ...env, JOBBDIALOG_LOCALE: "da" } });
    expect(set.stderr).toBe("");
    expect(set.stdout).toMatch(/local local: sproget er nu svensk \(sv\)/);
    const list = await runCli(["workspace", "list", "--json"], { env });
    expect(JSON.parse(list.stdout.trim().split("\n")[0]!)).toMatchObject({ platform: "local", locale: "sv" });
  }, SLOW);
});
