// The durable inbox under a burst: N distinct, correctly signed slash commands
// (`/jobbdialog status`, from 200 people) sent 50 at a time to the real bot (startBot in a
// child process: real SQLite database, Bolt, the inbox worker, a fake Slack Web API on
// 127.0.0.1 in this process). Prints the ack latency (each request's own time to its
// 200: the inbox insert is the only work before it), the time from the insert to the
// row marked processed (Inbox.createdAt → processedAt), and when the last answer reached
// the fake Slack.
//
//   npx tsx bench/slack-inbox.ts            (or npm run bench -- slack-inbox)
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadConfig } from "../src/config/env.js";
import { createLogger } from "../src/logging/logger.js";
import { startBot } from "../src/server/bot.js";
import { importDirectory } from "../src/app/directory/importDirectory.js";
import { openDatabase } from "../src/db/client.js";
import { createTempDb } from "../test/helpers/tempDb.js";
import { FakeSlack, TEAM_ID } from "../test/channels/slack/fakeSlack.js";

const SECRET = "bench-signing-secret";
const TOKEN = "xoxb-bench";
const USERS = 200;
const CONNECTIONS = 50;
const BURSTS = (process.env.BENCH_BURSTS ?? "500,2000").split(",").map(Number);

const userId = (i: number) => `U0I${String(i % USERS).padStart(3, "0")}`;

async function serveBot(fakeUrl: string): Promise<{ url: string; db: string }> {
  const db = await createTempDb();
  const rows = ["email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id"];
  for (let i = 0; i < USERS; i++) rows.push(`p${i}@bench.no,Person ${i},,nb,NO,Europe/Oslo,${userId(i)},`);
  await importDirectory(db.db, rows.join("\n"), { defaultTimeZone: "Europe/Oslo" });
  const config = loadConfig({ DATABASE_URL: db.url, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fakeUrl });
  const bot = await startBot(config, createLogger("silent"));
  process.once("SIGTERM", () => {
    void bot
      .stop()
      .then(() => db.dispose())
      .finally(() => process.exit(0));
  });
  return { url: bot.http.url, db: db.url };
}

function startChild(fakeUrl: string): Promise<{ url: string; db: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--bot"], {
    env: { ...process.env, BENCH_FAKE_URL: fakeUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve({ ...(JSON.parse(line) as { url: string; db: string }), child }));
    child.once("exit", (code) => reject(new Error(`bot exited with ${code}`)));
  });
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
    text: "status",
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

/** N requests, `CONNECTIONS` in flight at a time; each one's latency. */
async function burst(url: string, fake: FakeSlack, n: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < n) {
        next += 1;
        latencies.push(await post(url, slashBody(fake)));
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

export async function main(): Promise<void> {
  const fake = await new FakeSlack().start();
  const bot = await startChild(fake.url);
  const db = await openDatabase(bot.db);
  const f = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
  try {
    // Warm-up: JIT, first queries, connections.
    await burst(bot.url, fake, 100);
    for (;;) {
      if ((await db.db.inbox.count({ where: { status: { not: "done" } } })) === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    console.log(`${"burst".padStart(6)} | ${"ack p50".padStart(9)} ${"ack p95".padStart(9)} ${"ack max".padStart(9)} | ${"processed p50".padStart(13)} ${"p95".padStart(9)} ${"max".padStart(9)} | all answered after | rows/s | bot CPU/command`);
    for (const n of BURSTS) {
      const before = await db.db.inbox.aggregate({ _max: { id: true } });
      const firstId = before._max.id ?? 0;
      const postsBefore = fake.callsOf("chat.postMessage").length;
      const cpuBefore = cpuMsOf(bot.child.pid);
      const started = Date.now();
      const acks = await burst(bot.url, fake, n);
      const acked = Date.now();
      const deadline = Date.now() + 120_000;
      while ((await db.db.inbox.count({ where: { id: { gt: firstId }, status: "done" } })) < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      while (fake.callsOf("chat.postMessage").length - postsBefore < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const cpu = cpuMsOf(bot.child.pid) - cpuBefore;
      const posts = fake.callsOf("chat.postMessage").slice(postsBefore);
      const lastAnswer = posts.at(-1)?.at ?? Date.now();
      const rows = await db.db.inbox.findMany({ where: { id: { gt: firstId } }, select: { createdAt: true, processedAt: true } });
      const processed = rows
        .filter((r) => r.processedAt)
        .map((r) => r.processedAt!.getTime() - r.createdAt.getTime())
        .sort((a, b) => a - b);
      const firstCreated = Math.min(...rows.map((r) => r.createdAt.getTime()));
      const lastProcessed = Math.max(...rows.map((r) => r.processedAt?.getTime() ?? 0));
      console.log(
        `${String(n).padStart(6)} | ${f(percentile(acks, 50))} ${f(percentile(acks, 95))} ${f(acks.at(-1)!)} | ${f(percentile(processed, 50)).padStart(13)} ${f(percentile(processed, 95))} ${f(processed.at(-1)!)} | ${((lastAnswer - started) / 1000).toFixed(2).padStart(7)} s (acked in ${((acked - started) / 1000).toFixed(2)} s) | ${(rows.length / ((lastProcessed - firstCreated) / 1000)).toFixed(0).padStart(6)} | ${(cpu / n).toFixed(1)} ms`,
      );
      if (processed.length < n || posts.length < n) console.log(`  only ${processed.length} of ${n} processed and ${posts.length} answered within 120 s`);
    }
    console.log(`\nSigned /jobbdialog status from ${USERS} people, ${CONNECTIONS} at a time, SQLite; ack = each request's time to its 200 (the inbox insert happens before it);`);
    console.log("processed = Inbox.createdAt → processedAt of each row; answered = the last chat.postMessage at the fake Slack, from the burst's start;");
    console.log("bot CPU/command = the bot process's CPU time (user + system, /proc) over the burst divided by its commands: the figure least moved by other load on the machine.");
  } finally {
    await db.close();
    bot.child.kill("SIGTERM");
    await new Promise((r) => bot.child.once("exit", r));
    await fake.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === "--bot") {
    const served = await serveBot(process.env.BENCH_FAKE_URL ?? "");
    process.stdout.write(`${JSON.stringify(served)}\n`);
  } else {
    await main();
  }
}
