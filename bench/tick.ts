// Benchmark of one scheduler tick with 1,000 messages due, on SQLite and on PostgreSQL (the
// same rows, the same code): its time and its number of SQL statements. The rows are notices
// to 100 people only the console channel reaches, so the figure is the database's and the
// dispatcher's, not a platform's. PostgreSQL runs when TEST_POSTGRES_URL names a server or
// its binaries are installed (a throw-away server is started then).
// Run: npx tsx bench/tick.ts [due]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../src/db/client.js";
import { loadConfig } from "../src/config/env.js";
import { createLogger } from "../src/logging/logger.js";
import { createServices } from "../src/app/services.js";
import { defaultSchedulerSettings } from "../src/app/reminders/settings.js";
import { postgresBinDir, startPostgres } from "../scripts/postgres.mjs";

const NOW = new Date("2026-03-04T09:00:00Z");
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });

async function tickOn(url: string, due: number): Promise<string> {
  let queries = 0;
  // TRACE_SQL=1 prints the measured tick's statements (the first 60).
  const seen: string[] = [];
  const opened = await openDatabase(url, {
    onQuery: (q) => {
      queries += 1;
      if (process.env.TRACE_SQL && seen.length < 60) seen.push(q.replace(/\s+/g, " ").slice(0, 140));
    },
  });
  try {
    const { db } = opened;
    const employee = await db.person.create({ data: { email: "anne@bench.no", name: "Anne", locale: "en" } });
    await db.person.createMany({ data: Array.from({ length: 100 }, (_, i) => ({ email: `leader${i}@bench.no`, name: `Leader ${i}`, locale: "en" })) });
    const leaders = await db.person.findMany({ where: { email: { startsWith: "leader" } }, select: { id: true } });
    const payload = JSON.stringify({ template: "change_notice", params: { employeeId: employee.id, change: "extended" } });
    for (let i = 0; i < due; i += 500) {
      await db.outbox.createMany({
        data: Array.from({ length: Math.min(500, due - i) }, (_, k) => ({ idempotencyKey: `bench:${i + k}`, kind: "change_notice", recipientId: leaders[(i + k) % leaders.length]!.id, payload, dueAt: new Date(NOW.getTime() - 60_000) })),
      });
    }
    const ctx = { config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent" }), db, logger: createLogger("silent"), clock: () => NOW };
    const { scheduler } = createServices(ctx, { settings: defaultSchedulerSettings("Europe/Oslo") });
    // Two ticks with nothing due take the periodic jobs, the bootstrap and the re-planning of the
    // 101 people just created (changed since the first tick's watermark) out of the figure.
    await db.outbox.updateMany({ data: { dueAt: new Date(NOW.getTime() + 3_600_000) } });
    await scheduler.tick(NOW);
    await scheduler.tick(NOW);
    await db.outbox.updateMany({ data: { dueAt: new Date(NOW.getTime() - 60_000) } });
    queries = 0;
    seen.length = 0;
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const report = await scheduler.tick(NOW);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    // CPU time of this process too: on a shared machine the wall time also counts the neighbours.
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (process.env.TRACE_SQL) console.log(seen.map((q) => `    ${q}`).join("\n"));
    await scheduler.stop();
    const { sent, claimed } = report.delivery;
    return `${fmt(ms)} ms (CPU ${fmt(cpuMs)} ms), ${fmt(queries)} SQL statements (${fmt(queries / Math.max(1, sent))} per row); sent ${sent} of ${claimed} claimed, re-planned ${report.replanned}`;
  } finally {
    await opened.close();
  }
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const due = Number(argv[0] ?? 1000);
  const dir = mkdtempSync(path.join(tmpdir(), "jobbdialog-bench-"));
  try {
    console.log(`tick with ${fmt(due)} due, SQLite:     ${await tickOn(`file:${path.join(dir, "tick.db")}`, due)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  let server: { url: string; stop(): void } | undefined;
  let base = process.env.TEST_POSTGRES_URL;
  if (!base && postgresBinDir()) {
    server = await startPostgres();
    base = server.url;
  }
  if (!base) {
    console.log("tick on PostgreSQL: skipped (no TEST_POSTGRES_URL and no PostgreSQL binaries)");
    return;
  }
  const name = `jobbdialog_bench_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    console.log(`tick with ${fmt(due)} due, PostgreSQL: ${await tickOn(u.toString(), due)}`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    server?.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
