// The durable inbox on a real database (SQLite, and PostgreSQL in the postgresql project):
// a repeated key is stored once, claims take one row per person in arrival order, a lease
// that ran out is taken over, failures are retried and then parked, a stop gives rows
// back, and two workers on two connections (two replicas) process every row once, each
// person's rows in order and never two of one person at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DurableInbox, type InboxWork } from "../../src/app/inbox/index.js";
import { claimInboxRows } from "../../src/db/claims.js";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { createLogger } from "../../src/logging/logger.js";
import { ConfigError, loadConfig } from "../../src/config/env.js";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";

const logger = createLogger("silent");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(20);
  }
}

describe("the durable inbox", () => {
  let tmp: TempDb;
  beforeAll(async () => {
    tmp = await createTempDb();
  });
  afterAll(async () => tmp?.dispose());

  it("stores a key once: a repeat is refused by the insert itself", async () => {
    const inbox = new DurableInbox(tmp.db, logger);
    const item = { channel: "slack" as const, dedupeKey: "t1:dup", partition: "t1:p", payload: { n: 1 } };
    expect(await inbox.enqueue(item)).toBe("queued");
    expect(await inbox.enqueue({ ...item, payload: { n: 2 } })).toBe("duplicate");
    const rows = await tmp.db.inbox.findMany({ where: { dedupeKey: "t1:dup" } });
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.payload)).toEqual({ n: 1 });
    await tmp.db.inbox.deleteMany({});
  });

  it("claims only the oldest unfinished row of each person, and takes over a lease that ran out", async () => {
    const inbox = new DurableInbox(tmp.db, logger);
    for (const [key, partition] of [["a1", "a"], ["a2", "a"], ["b1", "b"], ["a3", "a"]] as const) {
      await inbox.enqueue({ channel: "teams", dedupeKey: `t2:${key}`, partition: `t2:${partition}`, payload: key });
    }
    const now = new Date();
    const first = await claimInboxRows(tmp.db, { channel: "teams", now, limit: 10, leaseMs: 200, token: "w1" });
    expect(first.map((r) => r.payload)).toEqual(['"a1"', '"b1"']);
    expect(first.every((r) => r.status === "processing" && r.attempts === 1)).toBe(true);
    // While a1 is processing (lease valid), nothing more of person a.
    expect(await claimInboxRows(tmp.db, { channel: "teams", now, limit: 10, leaseMs: 200, token: "w2" })).toEqual([]);
    // a1's worker died: once its lease ran out another takes it over (a second attempt).
    const later = new Date(now.getTime() + 500);
    const taken = await claimInboxRows(tmp.db, { channel: "teams", now: later, limit: 10, leaseMs: 10_000, token: "w3" });
    expect(taken.map((r) => [r.payload, r.attempts])).toEqual([['"a1"', 2], ['"b1"', 2]]);
    await tmp.db.inbox.updateMany({ where: { claimedBy: "w3" }, data: { status: "done" } });
    const next = await claimInboxRows(tmp.db, { channel: "teams", now: later, limit: 10, leaseMs: 10_000, token: "w4" });
    expect(next.map((r) => r.payload)).toEqual(['"a2"']);
    // Other channels' rows are not touched.
    expect(await claimInboxRows(tmp.db, { channel: "slack", now: later, limit: 10, leaseMs: 10_000, token: "w5" })).toEqual([]);
    await tmp.db.inbox.deleteMany({});
  });

  it("retries a failing row with backoff, then parks it, and the person's next row goes on", async () => {
    const inbox = new DurableInbox(tmp.db, logger);
    const seen: string[] = [];
    const worker = inbox.serve(
      "slack",
      async ({ payload, attempt }: InboxWork) => {
        seen.push(`${String(payload)}#${attempt}`);
        if (payload === "bad") throw new Error("always fails");
      },
      { maxAttempts: 3, backoffMs: () => 30, pollMs: 50 },
    );
    await inbox.enqueue({ channel: "slack", dedupeKey: "t3:1", partition: "t3:p", payload: "bad" });
    await inbox.enqueue({ channel: "slack", dedupeKey: "t3:2", partition: "t3:p", payload: "good" });
    await until(async () => (await tmp.db.inbox.count({ where: { dedupeKey: "t3:2", status: "done" } })) === 1);
    // In order: the failing row's three attempts come before the next row of the same person.
    expect(seen).toEqual(["bad#1", "bad#2", "bad#3", "good#1"]);
    const parked = await tmp.db.inbox.findUniqueOrThrow({ where: { dedupeKey: "t3:1" } });
    expect(parked).toMatchObject({ status: "parked", attempts: 3, lastError: "always fails" });
    await worker.stop(1000);
    await tmp.db.inbox.deleteMany({});
  });

  it("gives a row under way back when stopped, uncounted, so the next start takes it at once", async () => {
    const inbox = new DurableInbox(tmp.db, logger);
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const worker = inbox.serve("slack", async () => {
      started();
      await sleep(5_000);
    });
    await inbox.enqueue({ channel: "slack", dedupeKey: "t4:1", partition: "t4:p", payload: 1 });
    await running;
    await worker.stop(50);
    expect(await tmp.db.inbox.findUniqueOrThrow({ where: { dedupeKey: "t4:1" } })).toMatchObject({ status: "pending", attempts: 0, claimedBy: null, leaseUntil: null });
    // The next start processes it.
    const again = new DurableInbox(tmp.db, logger).serve("slack", async () => undefined);
    await until(async () => (await tmp.db.inbox.count({ where: { dedupeKey: "t4:1", status: "done" } })) === 1);
    await again.stop(1000);
    await tmp.db.inbox.deleteMany({});
  });

  it("works on as many rows at once as the process's setting (INBOX_CONCURRENCY) allows, never more", async () => {
    const inbox = new DurableInbox(tmp.db, logger, { concurrency: 3 });
    let active = 0;
    let most = 0;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const worker = inbox.serve("slack", async () => {
      active += 1;
      most = Math.max(most, active);
      await released;
      active -= 1;
    });
    for (let i = 0; i < 10; i++) await inbox.enqueue({ channel: "slack", dedupeKey: `t6:${i}`, partition: `t6:p${i}`, payload: i });
    await until(async () => active === 3);
    await sleep(300);
    expect(active).toBe(3);
    release();
    await until(async () => (await tmp.db.inbox.count({ where: { dedupeKey: { startsWith: "t6:" }, status: "done" } })) === 10);
    expect(most).toBe(3);
    await worker.stop(1000);
    await tmp.db.inbox.deleteMany({});
    // The setting as read from the environment: a whole number from 1 to 256, unset by default.
    expect(loadConfig({ INBOX_CONCURRENCY: "64" }).INBOX_CONCURRENCY).toBe(64);
    expect(loadConfig({}).INBOX_CONCURRENCY).toBeUndefined();
    for (const bad of ["0", "1.5", "many", "1000"]) expect(() => loadConfig({ INBOX_CONCURRENCY: bad })).toThrow(ConfigError);
  });

  it("two workers on two connections process every row once, each person's rows in order and one at a time", async () => {
    const second: OpenedDb = await openDatabase(tmp.url);
    try {
      const people = 12;
      const perPerson = 15;
      const log: Array<{ worker: number; partition: string; n: number }> = [];
      const inFlight = new Map<string, number>();
      let overlap = 0;
      const handler = (worker: number) => async ({ payload }: InboxWork) => {
        const { partition, n } = payload as { partition: string; n: number };
        inFlight.set(partition, (inFlight.get(partition) ?? 0) + 1);
        if (inFlight.get(partition)! > 1) overlap += 1;
        await sleep(Math.floor(Math.random() * 4));
        log.push({ worker, partition, n });
        inFlight.set(partition, inFlight.get(partition)! - 1);
      };
      const one = new DurableInbox(tmp.db, logger);
      const two = new DurableInbox(second.db, logger);
      const workers = [one.serve("slack", handler(1), { pollMs: 20 }), two.serve("slack", handler(2), { pollMs: 20 })];
      // Rows arrive through both, interleaved, while both are working.
      for (let n = 0; n < perPerson; n += 1) {
        for (let p = 0; p < people; p += 1) {
          const inbox = (n + p) % 2 === 0 ? one : two;
          await inbox.enqueue({ channel: "slack", dedupeKey: `t5:${p}:${n}`, partition: `t5:${p}`, payload: { partition: `t5:${p}`, n } });
        }
      }
      await until(async () => (await tmp.db.inbox.count({ where: { status: "done" } })) === people * perPerson, 40_000);
      await Promise.all(workers.map((w) => w.stop(1000)));
      expect(log).toHaveLength(people * perPerson);
      expect(new Set(log.map((l) => `${l.partition}:${l.n}`)).size).toBe(people * perPerson);
      expect(overlap).toBe(0);
      for (let p = 0; p < people; p += 1) {
        expect(log.filter((l) => l.partition === `t5:${p}`).map((l) => l.n)).toEqual(Array.from({ length: perPerson }, (_, i) => i));
      }
      // Both took part.
      expect(new Set(log.map((l) => l.worker)).size).toBe(2);
    } finally {
      await second.close();
    }
  }, 60_000);
});
