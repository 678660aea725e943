// The real `cli serve` in a child process: local mode, /healthz, migrations on a
// fresh database, config errors, and a graceful SIGTERM.
import { spawn } from "node:child_process";
import path from "node:path";
import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tempDb.js";


function startServe(env: Record<string, string>) {
  // node itself with tsx as a loader (not the tsx wrapper, which relays signals through a
  // second process): the SIGTERM reaches the server's own handler, as under `npm start`.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), "serve"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let buffer = "";
  const ready = new Promise<{ url: string; line: Record<string, unknown> }>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      buffer += d.toString();
      let i: number;
      while ((i = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        lines.push(line);
        const json = JSON.parse(line) as Record<string, unknown>;
        if (typeof json.url === "string") resolve({ url: json.url, line: json });
      }
    });
    child.on("exit", (code) => reject(new Error(`serve exited early with ${code}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, ready, exited, lines };
}

// Spawns tsx processes; on a loaded 2-core machine one can take minutes.
describe("cli serve", { timeout: 180_000 }, () => {
  const dir = tempDir();
  afterAll(() => undefined);

  it("starts in local mode with no credentials, answers /healthz, migrates a fresh database, stops on SIGTERM", async () => {
    const dbFile = path.join(dir, "fresh.db");
    const server = startServe({ DATABASE_URL: `file:${dbFile}` });
    const { url, line } = await server.ready;
    expect(String(line.msg)).toMatch(/local mode/);
    expect(server.lines.filter((l) => l.includes("local mode"))).toHaveLength(1);
    expect(existsSync(dbFile)).toBe(true);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as Record<string, unknown>;
    // Anyone may see that it runs and which version; nothing about its modes or teams.
    expect(Object.keys(body).sort()).toEqual(["status", "version"]);
    expect(body).toMatchObject({ status: "ok" });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);

    expect((await fetch(`${url}/nope`)).status).toBe(404);
    expect((await fetch(`${url}/healthz`, { method: "POST" })).status).toBe(405);

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.lines.some((l) => l.includes("shutting down"))).toBe(true);
  }, 90_000);

  it("refuses a bad configuration with a message naming the variable (exit 2)", async () => {
    const result = await runCli(["serve"], { env: { PORT: "not-a-port", DATABASE_URL: `file:${path.join(dir, "x.db")}` } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PORT/);
    const tz = await runCli(["serve"], { env: { TZ_DEFAULT: "Mars/Olympus", DATABASE_URL: `file:${path.join(dir, "x.db")}` } });
    expect(tz.code).toBe(2);
    expect(tz.stderr).toMatch(/TZ_DEFAULT/);
    const slack = await runCli(["serve"], { env: { SLACK_BOT_TOKEN: "xoxb-1", DATABASE_URL: `file:${path.join(dir, "x.db")}` } });
    expect(slack.code).toBe(2);
    expect(slack.stderr).toMatch(/SLACK_SIGNING_SECRET|SLACK_APP_TOKEN/);
  });

  it("stops with the error for a bad scheduler setting, before anything listens", async () => {
    const result = await runCli(["serve"], { env: { PORT: "0", HOST: "127.0.0.1", REMINDER_WORKING_HOURS: "25:00-16:00", DATABASE_URL: `file:${path.join(dir, "hours.db")}` } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/REMINDER_WORKING_HOURS/);
    // Nothing was started: no database file, no "listening" line.
    expect(existsSync(path.join(dir, "hours.db"))).toBe(false);
    expect(result.stdout).not.toMatch(/local mode|bot started/);
  });

  it("`npm start` stops gracefully when its own PID gets SIGTERM (no server left behind)", async () => {
    const child = spawn("npm", ["start"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", DATABASE_URL: `file:${path.join(dir, "npm.db")}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /"url":"(http:[^"]+)"/.exec(out);
        if (m && out.includes("local mode")) resolve(m[1]!);
      });
      child.on("exit", (code) => reject(new Error(`npm start exited early with ${code}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toMatch(/shutting down/);
    // The server itself is gone too, not orphaned behind npm.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  }, 90_000);
});
