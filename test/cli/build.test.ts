// The compiled build (what `npm start` and `npm run cli` run): tsc's ESM output in dist/
// resolves its .js specifiers, finds the locale files, the migrations and package.json
// from its own place, and runs a database command.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tempDb.js";

const ENTRY = path.join(ROOT, "dist", "cli", "entry.js");
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [ENTRY, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LOG_LEVEL: "warn", JOBBDIALOG_LOCALE: "en", ...env } });

describe("the compiled build", () => {
  beforeAll(() => {
    // Built at install; rebuilt here only when a source is newer (as prestart does).
    const build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build.mjs"), "--if-stale"], { cwd: ROOT, encoding: "utf8" });
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
  });

  it("stops quietly when the reader of its output goes away (`… | head`)", async () => {
    const { spawn } = await import("node:child_process");
    // `guard` answers every line of stdin with a line of JSON: far more than a pipe holds.
    const child = spawn(process.execPath, [ENTRY, "guard"], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "warn" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdout.once("data", () => child.stdout.destroy());
    child.stdin.on("error", () => {});
    child.stdin.end("Jeg trenger en hev-senk-pult\n".repeat(200_000));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("answers --version from package.json", () => {
    const version = run(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("migrates a fresh database and runs commands on it, with text from the locale files", () => {
    const dir = tempDir();
    const env = { DATABASE_URL: `file:${path.join(dir, "dist.db")}` };
    const csv = path.join(dir, "people.csv");
    writeFileSync(csv, "email,name,leader_email\nlise@firma.no,Lise,\nanne@firma.no,Anne,lise@firma.no\n");
    const imported = run(["directory", "import", csv], env);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toMatch(/Imported 2 rows: 2 created/);
    const added = run(["absence", "add", "--employee", "anne@firma.no", "--start", "2026-11-20"], env);
    expect(added.stderr).toBe("");
    const ticked = run(["tick", "--now", "2026-12-01T09:00:00Z"], env);
    expect(ticked.stdout).toMatch(/re-planned 1 persons/);
    expect(run(["reminders", "list"], env).stdout).toMatch(/nudge\s+lise@firma\.no/);
  });
});
