// Start-up benchmark: how long a CLI command and the server take to start, and the server's
// idle memory, for the compiled build (dist/, what `npm start` and `npm run cli` run) and for
// tsx on the sources (development, and what every command did before the build). The time of
// a bare `node -e 0` in the same run is printed as the yardstick: on a busy machine every
// figure grows with it. Targets: --version ≤ 0.3 s, a database command ≤ 0.6 s, /healthz ≤ 1 s,
// idle RSS ≤ 150 MB.
// Run: npx tsx bench/start.ts [runs]   (builds dist/ first when it is stale)
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeRun(command: string, args: string[], env: NodeJS.ProcessEnv, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr.toString()}`);
  }
  return median(times);
}

function rssOf(pid: number): number {
  // VmRSS of the process itself (tsx runs the server in a child: measure that one).
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Starts `serve`, times the first 200 of /healthz, then the RSS after `idleMs`. */
async function serveFigures(command: string, args: string[], env: NodeJS.ProcessEnv, idleMs: number): Promise<{ healthzMs: number; rssMb: number }> {
  const t0 = Date.now();
  const child = spawn(command, [...args, "serve"], { cwd: ROOT, env: { ...env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" }, stdio: ["ignore", "pipe", "ignore"] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let buffer = "";
      child.stdout!.on("data", (d: Buffer) => {
        buffer += d.toString();
        const m = /"url":"([^"]+)"/.exec(buffer);
        if (m) resolve(m[1]!);
      });
      child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    });
    while (!(await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false))) await new Promise((r) => setTimeout(r, 10));
    const healthzMs = Date.now() - t0;
    await new Promise((r) => setTimeout(r, idleMs));
    const pids = [child.pid!, ...childPids(child.pid!)];
    const rssMb = Math.max(...pids.map(rssOf));
    return { healthzMs, rssMb };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const runs = Number(argv[0] ?? 5);
  const build = spawnSync(process.execPath, [path.join(ROOT, "scripts/build.mjs"), "--if-stale"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("build failed");
  const dir = mkdtempSync(path.join(tmpdir(), "jobbdialog-bench-"));
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "start.db")}`, LOG_LEVEL: "warn" };
  try {
    const dist = [process.execPath, [path.join(ROOT, "dist/cli/entry.js")]] as const;
    const tsx = [TSX, [path.join(ROOT, "src/cli/main.ts")]] as const;
    // The database exists and is migrated before the timed runs (as on a running system).
    timeRun(dist[0], [...dist[1], "reminders", "list"], env, 1);
    const bare = timeRun(process.execPath, ["-e", "0"], env, runs);
    console.log(`node -e 0 (yardstick): ${fmt(bare)} ms (median of ${runs})`);
    console.log(`${"".padEnd(30)}${"dist/ (npm start, cli)".padStart(24)}${"tsx (before)".padStart(16)}`);
    const row = (label: string, a: number, b: number, unit = "ms") => console.log(`${label.padEnd(30)}${`${fmt(a)} ${unit} (${(a / bare).toFixed(1)}×)`.padStart(24)}${`${fmt(b)} ${unit}`.padStart(16)}`);
    row("--version", timeRun(dist[0], [...dist[1], "--version"], env, runs), timeRun(tsx[0], [...tsx[1], "--version"], env, runs));
    row("reminders list (SQLite)", timeRun(dist[0], [...dist[1], "reminders", "list"], env, runs), timeRun(tsx[0], [...tsx[1], "reminders", "list"], env, runs));
    // As `npm start` runs it (see package.json).
    const a = await serveFigures(dist[0], ["--max-semi-space-size=2", ...dist[1]], env, 10_000);
    const b = await serveFigures(tsx[0], [...tsx[1]], env, 10_000);
    row("serve: first 200 of /healthz", a.healthzMs, b.healthzMs);
    console.log(`${"serve: RSS after 10 s idle".padEnd(30)}${`${fmt(a.rssMb)} MB`.padStart(24)}${`${fmt(b.rssMb)} MB`.padStart(16)}`);
    console.log("(× = multiples of node -e 0 in this run; the targets assume node -e 0 ≈ 60 ms)");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
