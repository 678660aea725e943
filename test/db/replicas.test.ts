// Two `serve` replicas on one PostgreSQL (PostgreSQL only: SQLite is one host's file).
// Both run the real server and scheduler; 4,000 messages are due when they start, twice what
// one tick sends (dispatchBatch × dispatchRounds), so their first ticks claim from the outbox
// side by side (a batched tick sends 400 in a fraction of a second: the replica that started
// first would take them all before the other is up). Every message is sent once, none is
// lost, and the periodic jobs run in one replica only (their lease).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";


interface Replica {
  child: ChildProcess;
  url: Promise<string>;
  lines: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

function startReplica(databaseUrl: string): Replica {
  // node itself with tsx as a loader (not the tsx wrapper, which relays signals through a
  // second process): the SIGTERM reaches the server's own handler, as under `npm start`.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), "serve"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Array<Record<string, unknown>> = [];
  let buffer = "";
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      buffer += d.toString();
      let i: number;
      while ((i = buffer.indexOf("\n")) >= 0) {
        const line = JSON.parse(buffer.slice(0, i)) as Record<string, unknown>;
        buffer = buffer.slice(i + 1);
        lines.push(line);
        if (typeof line.url === "string") resolve(line.url);
      }
    });
    child.on("exit", (code) => reject(new Error(`serve exited early with ${code}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, url, lines, exited };
}

type Tick = { jobs: Record<string, unknown>; delivery: { claimed: number; sent: number } };
const ticksOf = (r: Replica): Tick[] => r.lines.flatMap((l) => (l.tick ? [l.tick as Tick] : []));

let tmp: TempDb | undefined;
const replicas: Replica[] = [];
afterAll(async () => {
  for (const r of replicas) if (r.child.exitCode === null) r.child.kill("SIGKILL");
  await tmp?.dispose();
});

describe("two serve replicas on one PostgreSQL", () => {
  it("send every message once between them, lose none, and run each periodic job in one of them", async () => {
    tmp = await createTempDb();
    const { db } = tmp;
    const employee = await db.person.create({ data: { email: "anne@firma.test", name: "Anne", locale: "en" } });
    const leaders = await Promise.all(Array.from({ length: 20 }, (_, i) => db.person.create({ data: { email: `leader${i}@firma.test`, name: `Leader ${i}`, locale: "en" } })));

    // 4,000 notices (to people only the console channel reaches), due now: both replicas'
    // first tick, at start, finds them, and neither may send them all in one tick.
    const now = new Date();
    await db.outbox.createMany({
      data: Array.from({ length: 4000 }, (_, i) => ({
        idempotencyKey: `replicas:${i}`,
        kind: "change_notice",
        recipientId: leaders[i % leaders.length]!.id,
        payload: JSON.stringify({ template: "change_notice", params: { employeeId: employee.id, change: "extended" } }),
        dueAt: now,
      })),
    });
    replicas.push(startReplica(tmp.url), startReplica(tmp.url));
    const urls = await Promise.all(replicas.map((r) => r.url));
    for (const url of urls) expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const deadline = Date.now() + 100_000;
    while ((await db.outbox.count({ where: { status: "sent" } })) < 4000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));

    expect(await db.outbox.count({ where: { status: "sent" } })).toBe(4000);
    // Sent once: one console message per row, two hundred per leader.
    expect(await db.consoleInbox.count()).toBe(4000);
    const perLeader = await db.consoleInbox.groupBy({ by: ["personId"], _count: { _all: true } });
    expect(perLeader.map((g) => g._count._all)).toEqual(leaders.map(() => 200));
    const sentBy = replicas.map((r) => ticksOf(r).reduce((n, t) => n + t.delivery.sent, 0));
    expect(sentBy[0]! + sentBy[1]!).toBe(4000);
    // Both took part (they claim side by side with SKIP LOCKED, not one after the other).
    expect(sentBy.every((n) => n > 0)).toBe(true);

    // The periodic jobs' leases: each job is held by one replica, and ran in at most one.
    const leases = await db.lease.findMany({ where: { name: { startsWith: "job:" } } });
    expect(leases.map((l) => l.name).sort()).toEqual(["job:digest", "job:retention"]);
    for (const job of ["retention", "digest"]) {
      expect(replicas.filter((r) => ticksOf(r).some((t) => job in t.jobs)).length).toBeLessThanOrEqual(1);
    }

    for (const r of replicas) r.child.kill("SIGTERM");
    expect(await Promise.all(replicas.map((r) => r.exited))).toEqual([0, 0]);
  }, 180_000);
});
