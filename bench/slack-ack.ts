// How fast the Slack channel acknowledges (Slack gives up after 3 seconds): slash
// commands and button clicks under 50 and 200 concurrent connections, against the
// real bot (startBot: real database, conversation core and Slack adapter, with a
// fake Slack Web API on 127.0.0.1) and, in the same run, a bare Bolt app that only
// acks. Each server runs in its own process (as in production; the load generator
// and the fake Slack stay in this one). Every request is distinct (its own trigger id
// or action_ts) and correctly signed. The bot keeps working through what it accepted
// while its next runs go on, so its acks are measured under that load too (it is
// paused while the bare app is measured).
//
//   npx tsx bench/slack-ack.ts
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { App, HTTPReceiver } from "@slack/bolt";
import { loadConfig } from "../src/config/env.js";
import { createLogger } from "../src/logging/logger.js";
import { startBot } from "../src/server/bot.js";
import { importDirectory } from "../src/app/directory/importDirectory.js";
import { createTempDb } from "../test/helpers/tempDb.js";
import { FakeSlack, TEAM_ID } from "../test/channels/slack/fakeSlack.js";

interface Histogram {
  p50: number;
  p99: number;
}
interface Result {
  latency: Histogram;
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  requests: Array<{ method: string; path: string; setupRequest: (req: RawRequest) => RawRequest }>;
}) => Promise<Result>;

const SECRET = "bench-signing-secret";
const TOKEN = "xoxb-bench";
const USERS = 40;
const SECONDS = 3;
/** Requests of each kind sent first and not measured: JIT, the first queries, connections. */
const WARMUP = 40;
const CONCURRENCY = [50, 200] as const;

// ---- the two servers, each run in a child process of this file ----

async function serveBare(fakeUrl: string): Promise<string> {
  const app = new App({
    receiver: new HTTPReceiver({ signingSecret: SECRET }),
    token: TOKEN,
    botId: "B0BOT",
    botUserId: "U0BOT",
    tokenVerificationEnabled: false,
    clientOptions: { slackApiUrl: fakeUrl },
  });
  app.command("/jobbdialog", async ({ ack }) => {
    await ack();
  });
  app.action(/.*/, async ({ ack }) => {
    await ack();
  });
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function serveBot(fakeUrl: string): Promise<string> {
  const db = await createTempDb();
  const rows = ["email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id", "leder@bench.no,Leder,,nb,NO,Europe/Oslo,U0LEDER,"];
  for (let i = 0; i < USERS; i++) rows.push(`p${i}@bench.no,Person ${i},leder@bench.no,nb,NO,Europe/Oslo,${userId(i)},`);
  await importDirectory(db.db, rows.join("\n"), { defaultTimeZone: "Europe/Oslo" });
  const config = loadConfig({ DATABASE_URL: db.url, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fakeUrl });
  const bot = await startBot(config, createLogger("silent"));
  process.once("SIGTERM", () => {
    void db.dispose().finally(() => process.exit(0));
  });
  return bot.http.url;
}

function startChild(mode: "--bare" | "--bot", fakeUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), mode], {
    env: { ...process.env, BENCH_FAKE_URL: fakeUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve({ url: (JSON.parse(line) as { url: string }).url, child }));
    child.once("exit", (code) => reject(new Error(`${mode} exited with ${code}`)));
  });
}

// ---- the load ----

function userId(i: number): string {
  return `U0B${String(i % USERS).padStart(3, "0")}`;
}

function signed(body: string): RawRequest {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { method: "POST", path: "/slack/events", body, headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature } };
}

let counter = 0;

function slashRequest(fake: FakeSlack): RawRequest {
  const id = userId(counter++);
  return signed(
    new URLSearchParams({
      team_id: TEAM_ID,
      channel_id: `D${id.slice(1)}`,
      channel_name: "directmessage",
      user_id: id,
      command: "/jobbdialog",
      text: "help",
      api_app_id: "A0APP",
      response_url: fake.responseUrl("bench"),
      trigger_id: `trig-${randomUUID()}`,
    }).toString(),
  );
}

function clickRequest(): RawRequest {
  const id = userId(counter++);
  const payload = {
    type: "block_actions",
    user: { id, username: id, team_id: TEAM_ID },
    team: { id: TEAM_ID, domain: "bench" },
    api_app_id: "A0APP",
    container: { type: "message", message_ts: "1.1", channel_id: `D${id.slice(1)}` },
    channel: { id: `D${id.slice(1)}`, name: "directmessage" },
    trigger_id: `trig-${randomUUID()}`,
    response_url: "https://hooks.invalid/x",
    actions: [{ type: "button", action_id: "jd:cmd:1", block_id: "b", value: JSON.stringify({ type: "help" }), action_ts: `${Date.now()}.${counter}` }],
  };
  return signed(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
}

async function idle(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await backlog(url)) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

async function backlog(url: string): Promise<number> {
  const health = (await (await fetch(`${url}/healthz`)).json()) as { slack?: { inFlight?: number } };
  return health.slack?.inFlight ?? 0;
}

export async function main(): Promise<void> {
  const startedAt = Date.now();
  const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
  const fake = await new FakeSlack().start();
  const [bare, bot] = await Promise.all([startChild("--bare", fake.url), startChild("--bot", fake.url)]);
  const run = (url: string, connections: number, make: () => RawRequest, amount?: number) =>
    autocannon({ url, connections, ...(amount ? { amount } : { duration: SECONDS }), requests: [{ method: "POST", path: "/slack/events", setupRequest: () => make() }] });
  for (const server of [bare, bot]) {
    await run(server.url, 4, () => slashRequest(fake), WARMUP);
    await run(server.url, 4, clickRequest, WARMUP);
  }
  await idle(bot.url, 20_000);

  const rows: string[] = [];
  let failures = 0;
  const f = (v: number) => v.toFixed(0).padStart(6);
  const header = `${"request".padEnd(13)}${"conns".padStart(6)} |${"bare p50".padStart(9)}${"p99".padStart(6)} |${"bot p50".padStart(8)}${"p99".padStart(6)} | ratio p50  p99 | acks/s bare   bot | bot backlog`;
  console.log(header);
  for (const connections of CONCURRENCY) {
    for (const [kind, make] of [["slash command", () => slashRequest(fake)], ["button click", clickRequest]] as const) {
      // The bot is paused while the bare app is measured: its backlog would take a core from it.
      bot.child.kill("SIGSTOP");
      const b = await run(bare.url, connections, make);
      bot.child.kill("SIGCONT");
      const r = await run(bot.url, connections, make);
      failures += b.non2xx + b.errors + b.timeouts + r.non2xx + r.errors + r.timeouts;
      const ratio = (x: number, y: number) => (x / Math.max(y, 1)).toFixed(2).padStart(5);
      rows.push(
        `${kind.padEnd(13)}${String(connections).padStart(6)} |${f(b.latency.p50)} ms${f(b.latency.p99)} |${f(r.latency.p50)}${f(r.latency.p99)} |  ${ratio(r.latency.p50, b.latency.p50)} ${ratio(r.latency.p99, b.latency.p99)} | ${f(b.requests.average)} ${f(r.requests.average)} | ${await backlog(bot.url)} tasks`,
      );
      console.log(rows.at(-1));
    }
  }
  const calls = fake.calls.length;
  bare.child.kill("SIGTERM");
  bot.child.kill("SIGTERM");
  await fake.stop();
  console.log(`\nAck latency (ms) of signed Slack requests, ${SECONDS} s per run, autocannon; ratio = bot / bare.`);
  console.log(`Errors, non-2xx and timeouts: ${failures}. Web API calls the bot made meanwhile: ${calls}. Total ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
}

// Run directly: the benchmark, or one of its two servers (a child process of the benchmark).
// Imported by bench/run.ts: nothing runs until it calls main().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const mode = process.argv[2];
  if (mode === "--bare" || mode === "--bot") {
    const fakeUrl = process.env.BENCH_FAKE_URL ?? "";
    const url = mode === "--bare" ? await serveBare(fakeUrl) : await serveBot(fakeUrl);
    process.stdout.write(`${JSON.stringify({ url })}\n`);
    process.once("SIGTERM", () => process.exit(0));
  } else {
    await main();
  }
}
