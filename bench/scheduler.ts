// Benchmark of the scheduler: 100,000 persons, 5,000 open cases and their planned
// reminders in one SQLite database. Reports the time and the number of SQL queries of
// one tick with nothing due and with 1,000 due, what (re-)planning a person costs, and
// sends per second against a fake Slack-like channel that enforces a rate limit.
// Run: npx tsx bench/scheduler.ts [persons] [openCases] [ratePerSecond]
// Figures are printed, never asserted (speed belongs here, not in the tests). BENCH_TRACE=1
// also prints the SQL statements (with their times) of the measured ticks.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../src/generated/prisma/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { loadConfig } from "../src/config/env.js";
import { createLogger } from "../src/logging/logger.js";
import type { AppContext } from "../src/app/context.js";
import { createServices } from "../src/app/services.js";
import type { DeliveryChannel, DeliveryResult } from "../src/app/notify/channels.js";
import type { Person, Workspace } from "../src/generated/prisma/client.js";
import { defaultSchedulerSettings } from "../src/app/reminders/settings.js";
import { CHANGES_LEASE } from "../src/app/reminders/changes.js";
import { evaluateMilestones, type Jurisdiction } from "../src/domain/milestones/index.js";
import { DEFAULT_REMINDER_SETTINGS, planReminders, type ReminderRecipient } from "../src/domain/reminders/index.js";
import { addDays } from "../src/domain/time/localDate.js";
import { instantAt } from "../src/domain/time/zone.js";
import { prng } from "./prng.js";

const ZONES: Record<Jurisdiction, string> = { NO: "Europe/Oslo", SE: "Europe/Stockholm", DK: "Europe/Copenhagen" };
/** Monday 2 March 2026, 09:00 in Oslo: a working morning. */
const NOW = instantAt("2026-03-02", 9, 0, "Europe/Oslo");
const TODAY = "2026-03-02";
/** Prisma's text form of a DateTime in SQLite. */
const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");


/** A Slack-like platform: a token bucket of `perSecond` messages; over it, 429 with Retry-After. */
class RateLimitedSlack implements DeliveryChannel {
  readonly name = "slack" as const;
  sent = 0;
  limited = 0;
  private tokens: number;
  private last = Date.now();
  readonly seen = new Set<string>();
  duplicates = 0;

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }

  canReach(person: Person): boolean {
    return person.slackUserId !== null;
  }

  hasArrChannel(workspace: Workspace): boolean {
    return workspace.platform === "local";
  }

  private take(): DeliveryResult | undefined {
    if (this.perSecond === Infinity) return undefined;
    const now = Date.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return undefined;
    }
    this.limited += 1;
    return { ok: false, error: "HTTP 429 ratelimited", retryAfterMs: Math.ceil(((1 - this.tokens) / this.perSecond) * 1000) };
  }

  async sendToPerson(person: Person, message: { summary: string; blocks: unknown[] }): Promise<DeliveryResult> {
    const limited = this.take();
    if (limited) return limited;
    const fingerprint = `${person.id}:${JSON.stringify(message.blocks)}`;
    if (this.seen.has(fingerprint)) this.duplicates += 1;
    this.seen.add(fingerprint);
    this.sent += 1;
    return { ok: true, ref: String(this.sent) };
  }

  async sendToArr(): Promise<DeliveryResult> {
    const limited = this.take();
    if (limited) return limited;
    this.sent += 1;
    return { ok: true };
  }
}

interface Seeded {
  employees: Array<{ id: string; jurisdiction: Jurisdiction; leaderId: string; caseId: string }>;
  outboxRows: number;
}

/** Writes the directory, the open cases and their planned reminders straight into SQLite. */
function seed(file: string, persons: number, openCases: number, unplanned: Set<number>): Seeded {
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = OFF");
  const random = prng(42);
  // Everything "changed" yesterday and was planned then: the ticks below start from a quiet state.
  const changed = sqlDate(new Date(Date.now() - 86_400_000));
  const planned = sqlDate(new Date(Date.now() - 86_400_000 + 1000));
  const insertPerson = raw.prepare(
    `INSERT INTO "Person" (id, email, name, locale, timeZone, jurisdiction, roles, leaderId, slackUserId, remindersPlannedAt, createdAt, updatedAt) VALUES (?, ?, ?, 'nb', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPeriod = raw.prepare(
    `INSERT INTO "AbsencePeriod" (id, personId, startDate, endDate, grade, type, document, reportedVia, reportedOn, createdAt, updatedAt) VALUES (?, ?, ?, NULL, ?, 'sick', 'sykmelding', 'cli', ?, ?, ?)`,
  );
  const insertCase = raw.prepare(`INSERT INTO "SickCase" (id, personId, jurisdiction, startDate, endDate, open, sickDays, createdAt, updatedAt) VALUES (?, ?, ?, ?, NULL, 1, ?, ?, ?)`);
  const insertOutbox = raw.prepare(
    `INSERT INTO "Outbox" (id, idempotencyKey, kind, recipientId, target, payload, dueAt, status, attempts, caseId, milestoneId, measureId, subjectId, sentAt, channel, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const HR = 10;
  const LEADERS = 1000;
  const jurisdictionOf = (group: number): Jurisdiction => (group % 10 < 5 ? "NO" : group % 10 < 8 ? "SE" : "DK");
  const recipient = (id: string, j: Jurisdiction): ReminderRecipient => ({ id, timeZone: ZONES[j], jurisdiction: j });
  const employees: Seeded["employees"] = [];
  let outboxRows = 0;
  raw.transaction(() => {
    for (let i = 0; i < persons; i++) {
      const group = i < HR + LEADERS ? i : HR + (i % LEADERS);
      const j = jurisdictionOf(group);
      const leaderId = i >= HR + LEADERS ? `p${HR + (i % LEADERS)}` : null;
      insertPerson.run(`p${i}`, `p${i}@bench.example`, `Person ${i}`, ZONES[j], j, i < HR ? "hr" : "", leaderId, `U${i}`, planned, changed, changed);
    }
    const hrAdmins = Array.from({ length: HR }, (_, i) => recipient(`p${i}`, "NO"));
    let n = 0;
    for (let e = 0; e < openCases; e++) {
      const i = HR + LEADERS + e * Math.floor((persons - HR - LEADERS) / openCases);
      const id = `p${i}`;
      const group = HR + (i % LEADERS);
      const j = jurisdictionOf(group);
      const start = addDays(TODAY, -(1 + Math.floor(random() * 120)));
      const grade = random() < 0.2 ? 50 : 100;
      insertPeriod.run(`a${e}`, id, start, grade, start, changed, changed);
      const result = evaluateMilestones({ jurisdiction: j, today: TODAY, periods: [{ start, end: null, grade }] }).cases[0]!;
      insertCase.run(`c${e}`, id, j, start, result.sickDays, changed, changed);
      employees.push({ id, jurisdiction: j, leaderId: `p${group}`, caseId: `c${e}` });
      if (unplanned.has(e)) continue;
      const reminders = planReminders({
        now: NOW,
        settings: DEFAULT_REMINDER_SETTINGS,
        person: recipient(id, j),
        leader: recipient(`p${group}`, j),
        substitutions: [],
        hrAdmins,
        arr: null,
        cases: [{ id: `c${e}`, result, planId: null, planConfirmed: false }],
        states: [],
        measures: [],
        sessions: [],
      });
      for (const r of reminders) {
        // What was due before now went out on earlier ticks.
        const past = r.dueAt.getTime() <= NOW.getTime();
        insertOutbox.run(
          `o${n++}`,
          r.key,
          r.kind,
          r.recipientId,
          r.target,
          JSON.stringify(r.payload),
          sqlDate(r.dueAt),
          past ? "sent" : "pending",
          past ? 1 : 0,
          r.caseId ?? null,
          r.milestoneId ?? null,
          id,
          past ? sqlDate(r.dueAt) : null,
          past ? "slack" : null,
          changed,
          changed,
        );
      }
    }
    outboxRows = n;
  })();
  // The watermark: changes up to an hour ago have been looked at.
  raw.prepare(`INSERT INTO "Lease" (name, holder, expiresAt, watermark, updatedAt) VALUES (?, 'bench', ?, ?, ?)`).run(CHANGES_LEASE, changed, sqlDate(new Date(Date.now() - 3_600_000)), changed);
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.close();
  return { employees, outboxRows };
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const persons = Number(argv[0] ?? 100_000);
  const openCases = Number(argv[1] ?? 5_000);
  const rate = Number(argv[2] ?? 100);
  const started = process.hrtime.bigint();
  const dir = mkdtempSync(path.join(tmpdir(), "jobbdialog-bench-"));
  const file = path.join(dir, "bench.db");
  try {
    migrateDatabase(file);
    // 200 cases are left unplanned, to measure planning a person for the first time.
    const firstPlan = new Set(Array.from({ length: 200 }, (_, k) => k * Math.floor(openCases / 200)));
    let t0 = process.hrtime.bigint();
    const seeded = seed(file, persons, openCases, firstPlan);
    console.log(`seeded ${fmt(persons)} persons, ${fmt(openCases)} open cases, ${fmt(seeded.outboxRows)} planned reminder rows in ${fmt(ms(t0))} ms`);

    let queries = 0;
    let trace: string[] | undefined;
    const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 }), log: [{ emit: "event", level: "query" }] });
    db.$on("query", (e) => {
      queries += 1;
      trace?.push(`${e.duration}ms ${e.query.slice(0, 140)}`);
    });
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    let clock = NOW;
    const ctx: AppContext = { config: loadConfig({ DATABASE_URL: `file:${file}`, LOG_LEVEL: "silent" }), db, logger: createLogger("silent"), clock: () => clock };
    const unlimited = new RateLimitedSlack(Infinity);
    const services = createServices(ctx, { platformChannels: [unlimited], settings: defaultSchedulerSettings("Europe/Oslo") });
    const { scheduler } = services;
    const measure = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
      queries = 0;
      const t = process.hrtime.bigint();
      const result = await work();
      console.log(`${label}: ${fmt(ms(t))} ms, ${fmt(queries)} SQL queries`);
      return result;
    };

    // Planning through the real planner (database in, Outbox rows out).
    const fresh = seeded.employees.filter((_, e) => firstPlan.has(e));
    const again = seeded.employees.filter((_, e) => !firstPlan.has(e)).slice(0, 200);
    queries = 0;
    t0 = process.hrtime.bigint();
    let created = 0;
    for (const e of fresh) created += (await scheduler.planner.replan(e.id, NOW)).created;
    console.log(`plan a person for the first time: ${fmt(ms(t0) / fresh.length)} ms, ${fmt(queries / fresh.length)} queries each (${fresh.length} persons, ${created} rows created)`);
    queries = 0;
    t0 = process.hrtime.bigint();
    for (const e of again) await scheduler.planner.replan(e.id, NOW);
    console.log(`re-plan a person, nothing changed: ${fmt(ms(t0) / again.length)} ms, ${fmt(queries / again.length)} queries each`);

    // The first tick of the day also runs the periodic jobs (retention over all plans and drafts, the
    // digest) and sends what the first planning above made due at once (late reminders, caught up).
    const first = await measure("first tick (retention and digest jobs, catch-up of the newly planned)", () => scheduler.tick(clock));
    console.log(`  jobs: ${Object.keys(first.jobs).join(", ")}; sent ${first.delivery.sent}, cancelled ${first.delivery.cancelled}`);
    clock = new Date(NOW.getTime() + 60_000);
    if (process.env.BENCH_TRACE) trace = [];
    const idle = await measure(`tick with nothing due (${fmt(persons)} persons, ${fmt(openCases)} open cases)`, () => scheduler.tick(clock));
    if (idle.delivery.claimed !== 0 || idle.replanned !== 0) console.log(`  (unexpected: ${JSON.stringify(idle)})`);
    if (trace) console.log(trace.join("\n"));
    trace = undefined;
    // What the tick's two statements cost SQLite (index searches, no scans of Person or Outbox).
    const plan = (await db.$queryRawUnsafe<Array<{ detail: string }>>(
      `EXPLAIN QUERY PLAN SELECT id FROM "Outbox" WHERE (status = 'pending' AND dueAt <= ?) OR (status = 'claimed' AND claimedUntil < ?) ORDER BY dueAt LIMIT 100`,
      sqlDate(clock),
      sqlDate(clock),
    )).map((r) => r.detail);
    console.log(`  claim query plan: ${plan.join(" | ")}`);

    // 1,000 reminders fall due at once, sent through an unlimited channel: the clock moves on to
    // the instant the 1,000th pending reminder after `after` is planned for. (Moving rows'
    // dueAt earlier instead made every one of them "no longer wanted": the planner, asked at
    // send time, plans them later, so the figure was of 1,000 cancellations, none sent.)
    const when1000Due = async (after: Date) => {
      const [row] = await db.$queryRawUnsafe<Array<{ dueAt: Date | string }>>(
        `SELECT dueAt FROM "Outbox" WHERE status = 'pending' AND dueAt > ? ORDER BY dueAt LIMIT 1 OFFSET 999`,
        sqlDate(after),
      );
      const at = new Date(row!.dueAt);
      const counted = await db.$queryRawUnsafe<Array<{ n: number | bigint }>>(`SELECT COUNT(*) AS n FROM "Outbox" WHERE status = 'pending' AND dueAt > ? AND dueAt <= ?`, sqlDate(after), sqlDate(at));
      return { at, due: Number(counted[0]?.n ?? 0) };
    };
    const next = await when1000Due(new Date(NOW.getTime() + 60_000));
    clock = next.at;
    const due = next.due;
    console.log(`  (the clock moves to ${clock.toISOString()})`);
    if (process.env.BENCH_TRACE) trace = [];
    const sentBefore = unlimited.sent;
    const busy = await measure(`tick with ${fmt(due)} due`, () => scheduler.tick(clock));
    if (trace) console.log(trace.slice(0, 40).join("\n"));
    trace = undefined;
    console.log(`  jobs: ${Object.keys(busy.jobs).join(", ") || "none"}; sent ${busy.delivery.sent}, cancelled ${busy.delivery.cancelled}, deferred ${busy.delivery.deferred}; channel sends ${unlimited.sent - sentBefore} for ${busy.delivery.sent} rows marked sent`);

    // Sends per second against a platform that allows `rate` messages a second.
    const limited = new RateLimitedSlack(rate);
    const services2 = createServices({ ...ctx, clock: () => clock }, { platformChannels: [limited], settings: defaultSchedulerSettings("Europe/Oslo") });
    const scheduler2 = services2.scheduler;
    // The clock runs in real time from here, so Retry-After and the bucket agree.
    const later = await when1000Due(clock);
    const base = later.at;
    const realStart = Date.now();
    clock = base;
    const due2 = later.due;
    ctx.clock = () => clock;
    let ticks = 0;
    t0 = process.hrtime.bigint();
    while (limited.sent < due2 && ticks < 10_000) {
      clock = new Date(base.getTime() + (Date.now() - realStart));
      await scheduler2.tick(clock);
      ticks += 1;
    }
    const seconds = ms(t0) / 1000;
    const parked = await db.outbox.count({ where: { status: "parked" } });
    console.log(
      `rate-limited channel (${rate}/s): ${fmt(limited.sent)} sent in ${fmt(seconds)} s = ${fmt(limited.sent / seconds)} sends/s; ${fmt(limited.limited)} answered 429 and waited; ${ticks} ticks; parked ${parked}, duplicates ${limited.duplicates}`,
    );
    await scheduler.stop();
    await scheduler2.stop();
    await db.$disconnect();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`total ${fmt(ms(started) / 1000)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
