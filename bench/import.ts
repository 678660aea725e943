// Benchmark of `cli directory import`: a generated CSV of N people (the columns of
// examples/people.csv: a tree of leaders, Slack ids for half of them) imported into a fresh
// SQLite database by the compiled CLI (`npm run cli`: dist/, with its node options), then imported again
// with every tenth person changed. Prints the time, the CLI's peak RSS, and the longest time a
// concurrent simple query (a read, and a small write as a command makes) waited meanwhile:
// what a `serve` on the same database lives through during an import.
// Run: npx tsx bench/import.ts [rows]   (200,000 by default; builds dist/ first when it is stale)
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { openDatabase } from "../src/db/client.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

/** N people: one HR admin, a leader per ten, everyone else under a leader; `changed` renames every tenth. */
export function directoryCsv(rows: number, changed = false): string {
  const leaders = Math.max(1, Math.floor(rows / 10));
  const lines = ["email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles,phone"];
  for (let i = 0; i < rows; i++) {
    const leader = i === 0 ? "" : i <= leaders ? "p0@bench.example" : `p${1 + (i % leaders)}@bench.example`;
    const [jurisdiction, zone] = i % 10 < 6 ? ["NO", "Europe/Oslo"] : i % 10 < 8 ? ["SE", "Europe/Stockholm"] : ["DK", "Europe/Copenhagen"];
    const name = changed && i % 10 === 3 ? `Person ${i} (renamed)` : `Person ${i}`;
    const slack = i % 2 === 0 ? `U${i}` : "";
    const roles = i === 0 ? "hr" : "";
    lines.push(`p${i}@bench.example,${name},${leader},${i % 7 === 0 ? "en" : "nb"},${jurisdiction},${zone},${slack},,${roles},`);
  }
  return `${lines.join("\n")}\n`;
}

function hwmOf(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

interface Probe {
  stop(): Promise<{ reads: number; writes: number; maxReadMs: number; maxWriteMs: number; failures: number }>;
}

/** A simple read and a small write every 20 ms on another connection, as `serve` would make. */
async function probe(url: string): Promise<Probe> {
  const opened = await openDatabase(url);
  const { db } = opened;
  const person = await db.person.findFirst({ select: { id: true } });
  let running = true;
  const stats = { reads: 0, writes: 0, maxReadMs: 0, maxWriteMs: 0, failures: 0 };
  const loop = (async () => {
    while (running) {
      let t = performance.now();
      try {
        await db.person.findFirst({ where: { id: person?.id ?? "" }, select: { id: true } });
        stats.maxReadMs = Math.max(stats.maxReadMs, performance.now() - t);
        stats.reads += 1;
        t = performance.now();
        await db.lease.upsert({ where: { name: "bench:probe" }, create: { name: "bench:probe", holder: "bench", expiresAt: new Date() }, update: { expiresAt: new Date() } });
        stats.maxWriteMs = Math.max(stats.maxWriteMs, performance.now() - t);
        stats.writes += 1;
      } catch {
        stats.failures += 1;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await opened.close();
      return stats;
    },
  };
}

/** The node options and script of `npm run cli` (package.json), so the figure is what it runs. */
function cliCommand(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [node, ...args] = scripts.cli!.split(/\s+/);
  if (node !== "node") throw new Error(`unexpected cli script: ${scripts.cli}`);
  return args.map((a) => (a.endsWith(".js") ? path.join(ROOT, a) : a));
}

async function runImport(url: string, file: string): Promise<{ ms: number; peakMb: number; out: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...cliCommand(), "directory", "import", file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  let peakMb = 0;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, hwmOf(child.pid!))), 25);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`directory import failed (${code}): ${out}`);
  return { ms: performance.now() - t0, peakMb, out: out.trim() };
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const rows = Number(argv[0] ?? 200_000);
  const build = spawnSync(process.execPath, [path.join(ROOT, "scripts/build.mjs"), "--if-stale"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("build failed");
  const dir = mkdtempSync(path.join(tmpdir(), "jobbdialog-bench-import-"));
  try {
    const url = `file:${path.join(dir, "import.db")}`;
    // A database with one person, so the probe has a row to read.
    const opened = await openDatabase(url);
    await opened.db.person.create({ data: { email: "probe@bench.example", name: "Probe" } });
    await opened.close();
    for (const [label, changed] of [
      ["first import", false],
      ["again, every tenth renamed", true],
    ] as const) {
      const file = path.join(dir, `people-${changed ? "changed" : "new"}.csv`);
      writeFileSync(file, directoryCsv(rows, changed));
      const p = await probe(url);
      const result = await runImport(url, file);
      const s = await p.stop();
      console.log(`directory import of ${fmt(rows)} rows (${label}): ${fmt(result.ms / 1000, 1)} s, peak RSS ${fmt(result.peakMb)} MB — ${result.out}`);
      console.log(
        `  concurrent queries meanwhile: longest read ${fmt(s.maxReadMs, 1)} ms, longest write ${fmt(s.maxWriteMs, 1)} ms (${fmt(s.reads)} reads, ${fmt(s.writes)} writes, ${s.failures} failed)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
