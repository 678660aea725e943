// End to end under a burst: N distinct, correctly signed slash commands (by default a mix of
// status, help and timeline; see TEXTS) from 200 people, sent 50 at a time to the real bot (`node dist/cli/entry.js serve`, as `npm start` runs it: Bolt, the
// durable inbox, the conversation core, a fake Slack Web API on 127.0.0.1 in this process), on
// SQLite with one replica and on PostgreSQL with one and with two (requests alternate between
// the two, as a load balancer would). In the same run, a bare Bolt app (no database: ack, then
// chat.postMessage) gets the same burst, and the bot's figures are printed as ratios to it.
// Figures: the ack latency (each request's own time to its 200: for the bot, the inbox insert
// is the only work before it), the time from the insert to the row marked processed
// (Inbox.createdAt → processedAt), when the last answer reached the fake Slack, answered/s,
// the CPU the bot's processes used per command (/proc: little moved by other load), and the
// resident memory of a bot process before the burst, at its peak, and 5 s and 15 s after the last
// answer (V8 gives its heap back once the process has been idle for some seconds).
//
//   npm run bench -- slack-inbox
//   BENCH_BURSTS=500 BENCH_SETUPS=bare,sqlite npm run bench -- slack-inbox
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { App, HTTPReceiver } from "@slack/bolt";
import { importDirectory } from "../src/app/directory/importDirectory.js";
import { openDatabase, type OpenedDb } from "../src/db/client.js";
import { createTempDb, withDatabase } from "../test/helpers/tempDb.js";
import { FakeSlack, TEAM_ID } from "../test/channels/slack/fakeSlack.js";
import { SECRET } from "../test/channels/slack/harness.js";
import { serve } from "../test/channels/slack/serveProcess.js";
import { postgresBinDir, startPostgres } from "../scripts/postgres.mjs";

const TOKEN = "xoxb-bench";
const USERS = 200;
const CONNECTIONS = 50;
const BURSTS = (process.env.BENCH_BURSTS ?? "500,2000").split(",").map(Number);
/**
 * Commands each bot gets before the measured bursts. A process that has just started runs
 * V8's optimizing compiler alongside (a fifth of the CPU in a burst right after start), so
 * its first thousands of commands cost more than those of a process that has been up a
 * while: BENCH_WARMUP=100 measures the process as it comes up.
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 4000);
/**
 * The commands of a burst, in turn: by default a mix (status, help, timeline) from a directory
 * where every tenth person leads the nine after her and one in four is on sick leave, so a
 * status reads a case, its milestones and a team. BENCH_TEXTS=status gives the status-only
 * burst of earlier runs.
 */
const TEXTS = (process.env.BENCH_TEXTS ?? "status,hjelp,tidslinje,status").split(",");
const SETUPS = (process.env.BENCH_SETUPS ?? "bare,sqlite,postgres,postgres2").split(",");

const userId = (i: number) => `U0I${String(i % USERS).padStart(3, "0")}`;

/** A bare Bolt app in this (child) process: what Bolt alone costs for the same command and answer. */
async function serveBare(fakeUrl: string): Promise<{ url: string }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: "/slack/events" });
  const app = new App({ receiver, token: TOKEN, tokenVerificationEnabled: false, clientOptions: { slackApiUrl: `${fakeUrl.replace(/\/$/, "")}/` } });
  app.command("/jobbdialog", async ({ ack, client, command }) => {
    await ack();
    await client.chat.postMessage({ channel: command.channel_id, text: `Status for ${command.user_id}` });
  });
  // Mounted on a plain HTTP server, as serve mounts Bolt's receiver.
  const server = createServer((req, res) => void receiver.requestListener(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function startChild(args: string[], fakeUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    env: { ...process.env, BENCH_FAKE_URL: fakeUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve({ ...(JSON.parse(line) as { url: string }), child }));
    child.once("exit", (code) => reject(new Error(`bench child exited with ${code}`)));
  });
}

/** A process's resident memory now and at its peak so far, in MB, from /proc (Linux); NaN elsewhere. */
function rssOf(pid: number | undefined): { now: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
    return { now: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return { now: Number.NaN, peak: Number.NaN };
  }
}

/** CPU time (user + system) a process has used, in ms, from /proc (Linux); NaN elsewhere. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

let counter = 0;

function slashBody(fake: FakeSlack): string {
  const id = userId(counter++);
  return new URLSearchParams({
    team_id: TEAM_ID,
    channel_id: `D${id.slice(1)}`,
    channel_name: "directmessage",
    user_id: id,
    command: "/jobbdialog",
    text: TEXTS[counter % TEXTS.length]!,
    api_app_id: "A0APP",
    response_url: fake.responseUrl("bench"),
    trigger_id: `trig-${randomUUID()}`,
  }).toString();
}

async function post(url: string, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  const started = performance.now();
  const res = await fetch(`${url}/slack/events`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature },
    body,
  });
  await res.text();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return performance.now() - started;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** N requests, `CONNECTIONS` in flight at a time, spread over `urls` in turn; each one's latency. */
async function burst(urls: string[], fake: FakeSlack, n: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < n) {
        const url = urls[next % urls.length]!;
        next += 1;
        latencies.push(await post(url, slashBody(fake)));
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

interface Figures {
  ackP50: number;
  ackP95: number;
  answeredAfterS: number;
  answeredPerS: number;
  processedP95?: number;
  cpuPerCommand: number;
  /** The first bot process's resident memory (MB): before the burst, its peak so far, 5 s and 15 s after the last answer. */
  rss: { before: number; peak: number; after: number; later: number };
}

interface Setup {
  name: string;
  urls: string[];
  children: ChildProcess[];
  /** The database the bot uses (none for bare Bolt). */
  db?: OpenedDb;
  dispose(): Promise<void>;
}

async function untilDone(db: OpenedDb | undefined, firstId: number, n: number, deadline: number): Promise<void> {
  if (!db) return;
  while ((await db.db.inbox.count({ where: { id: { gt: firstId }, status: "done" } })) < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/** One burst of `n` and its figures; `settle: false` (a warm-up) skips the wait for the memory figures after it. */
async function measure(setup: Setup, fake: FakeSlack, n: number, settle = true): Promise<Figures> {
  const firstId = setup.db ? ((await setup.db.db.inbox.aggregate({ _max: { id: true } }))._max.id ?? 0) : 0;
  const postsBefore = fake.callsOf("chat.postMessage").length;
  const cpuBefore = setup.children.reduce((sum, c) => sum + cpuMsOf(c.pid), 0);
  const rssBefore = rssOf(setup.children[0]?.pid).now;
  const started = Date.now();
  const acks = await burst(setup.urls, fake, n);
  const deadline = Date.now() + 180_000;
  await untilDone(setup.db, firstId, n, deadline);
  while (fake.callsOf("chat.postMessage").length - postsBefore < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const cpu = setup.children.reduce((sum, c) => sum + cpuMsOf(c.pid), 0) - cpuBefore;
  const posts = fake.callsOf("chat.postMessage").slice(postsBefore);
  const lastAnswer = posts.at(-1)?.at ?? Date.now();
  if (posts.length < n) console.log(`  ${setup.name}: only ${posts.length} of ${n} answered within 180 s`);
  let processedP95: number | undefined;
  if (setup.db) {
    const rows = await setup.db.db.inbox.findMany({ where: { id: { gt: firstId } }, select: { createdAt: true, processedAt: true } });
    const processed = rows
      .filter((r) => r.processedAt)
      .map((r) => r.processedAt!.getTime() - r.createdAt.getTime())
      .sort((a, b) => a - b);
    processedP95 = percentile(processed, 95);
  }
  const answeredAfterS = (lastAnswer - started) / 1000;
  if (settle) await new Promise((r) => setTimeout(r, Math.max(0, lastAnswer + 5_000 - Date.now())));
  const after = rssOf(setup.children[0]?.pid);
  if (settle) await new Promise((r) => setTimeout(r, Math.max(0, lastAnswer + 15_000 - Date.now())));
  const rss = { before: rssBefore, peak: after.peak, after: after.now, later: rssOf(setup.children[0]?.pid).now };
  return { ackP50: percentile(acks, 50), ackP95: percentile(acks, 95), answeredAfterS, answeredPerS: posts.length / answeredAfterS, ...(processedP95 !== undefined ? { processedP95 } : {}), cpuPerCommand: cpu / n, rss };
}

const DIRECTORY = (() => {
  const rows = ["email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id"];
  for (let i = 0; i < USERS; i++) rows.push(`p${i}@bench.no,Person ${i},${i % 10 === 0 ? "" : `p${i - (i % 10)}@bench.no`},nb,NO,Europe/Oslo,${userId(i)},`);
  return rows.join("\n");
})();

/** The bot on `db` in `replicas` processes; disposing stops them, then lets the database go (`release`). */
async function botSetup(name: string, db: OpenedDb & { url: string }, replicas: number, fake: FakeSlack, release: () => Promise<void>): Promise<Setup> {
  await importDirectory(db.db, DIRECTORY, { defaultTimeZone: "Europe/Oslo" });
  // One in four on sick leave since ten days ago (the first command of each syncs her case).
  const since = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const sick = await db.db.person.findMany({ where: { email: { in: Array.from({ length: USERS / 4 }, (_, k) => `p${k * 4 + 1}@bench.no`) } }, select: { id: true } });
  await db.db.absencePeriod.createMany({ data: sick.map((p) => ({ personId: p.id, startDate: since, grade: 100, reportedVia: "slack", reportedOn: since })) });
  // The bot as production runs it: dist/, npm start's command line (built by main() if stale).
  const servers = Array.from({ length: replicas }, () => serve(db.url, fake, "dist"));
  const urls = await Promise.all(servers.map((s) => s.url));
  const children = servers.map((s) => s.child);
  return {
    name,
    urls,
    children,
    db,
    async dispose() {
      await stopChildren(children);
      await release();
    },
  };
}

async function stopChildren(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map((child) => {
      if (child.exitCode !== null) return Promise.resolve();
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      return exited;
    }),
  );
}

export async function main(): Promise<void> {
  const fake = await new FakeSlack().start();
  // PostgreSQL: the server CI or the caller gave (TEST_POSTGRES_URL), else a throw-away one.
  let pg: { url: string; stop(): void } | undefined;
  const wantsPg = SETUPS.some((s) => s.startsWith("postgres"));
  if (SETUPS.some((s) => s !== "bare")) execFileSync(process.execPath, [fileURLToPath(new URL("../scripts/build.mjs", import.meta.url)), "--if-stale"], { stdio: "inherit" });
  if (wantsPg && !process.env.TEST_POSTGRES_URL && !postgresBinDir()) console.log("PostgreSQL setups skipped: no TEST_POSTGRES_URL and no PostgreSQL installed");
  else if (wantsPg) pg = process.env.TEST_POSTGRES_URL ? { url: process.env.TEST_POSTGRES_URL, stop: () => undefined } : await startPostgres();
  const pgDb = async (): Promise<OpenedDb & { url: string; drop(): Promise<void> }> => {
    const { default: pgLib } = await import("pg");
    const name = `jobbdialog_bench_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const admin = new pgLib.Client({ connectionString: pg!.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = withDatabase(pg!.url, name);
    const opened = await openDatabase(url);
    return {
      ...opened,
      url,
      async drop() {
        await opened.close();
        const again = new pgLib.Client({ connectionString: pg!.url });
        await again.connect();
        await again.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await again.end();
      },
    };
  };

  const makers: Record<string, () => Promise<Setup>> = {
    bare: async () => {
      const bare = await startChild(["--bare"], fake.url);
      return { name: "bare Bolt (no database)", urls: [bare.url], children: [bare.child], dispose: () => stopChildren([bare.child]) };
    },
    sqlite: async () => {
      const db = await createTempDb();
      return botSetup("SQLite, 1 replica", db, 1, fake, () => db.dispose());
    },
    postgres: async () => {
      const db = await pgDb();
      return botSetup("PostgreSQL, 1 replica", db, 1, fake, () => db.drop());
    },
    postgres2: async () => {
      const db = await pgDb();
      return botSetup("PostgreSQL, 2 replicas", db, 2, fake, () => db.drop());
    },
  };

  const results: Array<{ setup: string; n: number; figures: Figures }> = [];
  try {
    for (const key of SETUPS) {
      const make = makers[key];
      if (!make || (key.startsWith("postgres") && !pg)) continue;
      const setup = await make();
      try {
        // Warm-up: JIT, first queries, connections (see WARMUP).
        for (let left = WARMUP; left > 0; left -= 2000) await measure(setup, fake, Math.min(left, 2000), false);
        for (const n of BURSTS) results.push({ setup: setup.name, n, figures: await measure(setup, fake, n) });
      } finally {
        await setup.dispose();
      }
    }
  } finally {
    await fake.stop();
    pg?.stop();
  }

  const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "-" : `${v.toFixed(0)} ms`).padStart(9);
  console.log(`${"setup".padEnd(26)} ${"burst".padStart(5)} | ${"ack p50".padStart(9)} ${"ack p95".padStart(9)} | ${"proc. p95".padStart(9)} | ${"answered".padStart(9)} ${"per s".padStart(6)} | ${"CPU/cmd".padStart(8)} | ${"RSS MB: before, peak, +5 s, +15 s".padEnd(33)} | vs bare: per s, ack p95`);
  for (const { setup, n, figures } of results) {
    const bare = results.find((r) => r.setup.startsWith("bare") && r.n === n)?.figures;
    const ratio = bare && !setup.startsWith("bare") ? `${(figures.answeredPerS / bare.answeredPerS).toFixed(2)}×, ${(figures.ackP95 / bare.ackP95).toFixed(2)}×` : "";
    console.log(
      `${setup.padEnd(26)} ${String(n).padStart(5)} | ${ms(figures.ackP50)} ${ms(figures.ackP95)} | ${ms(figures.processedP95)} | ${`${figures.answeredAfterS.toFixed(2)} s`.padStart(9)} ${figures.answeredPerS.toFixed(0).padStart(6)} | ${`${figures.cpuPerCommand.toFixed(1)} ms`.padStart(8)} | ${`${figures.rss.before.toFixed(0)}, ${figures.rss.peak.toFixed(0)}, ${figures.rss.after.toFixed(0)}, ${figures.rss.later.toFixed(0)}`.padEnd(33)} | ${ratio}`,
    );
  }
  console.log(`\nAfter a warm-up of ${WARMUP} commands per setup (BENCH_WARMUP). Signed /jobbdialog ${TEXTS.join(" / ")} in turn, from ${USERS} people (one in ten a leader, one in four on sick leave), ${CONNECTIONS} at a time. ack = each request's time to its 200 (the bot stores it in the inbox first);`);
  console.log("proc. = Inbox.createdAt → processedAt; answered = the last chat.postMessage at the fake Slack, from the burst's start; per s = answers per second over that time;");
  console.log("CPU/cmd = the CPU time (user + system, /proc) of the bot's processes over the burst, per command. Two replicas share one PostgreSQL and the burst alternates between them.");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === "--bare") {
    process.stdout.write(`${JSON.stringify(await serveBare(process.env.BENCH_FAKE_URL ?? ""))}\n`);
  } else {
    await main();
  }
}
