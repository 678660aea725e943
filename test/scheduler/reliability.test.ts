// Delivery that survives crashes, a second process, and a misbehaving platform: every
// reminder is sent exactly once and nothing is lost. The platform is a fake Slack-like
// DeliveryChannel that records sends; everything else is the real dispatcher and scheduler.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listReminders } from "../../src/app/reminders/list.js";
import { takeInbox } from "../../src/channels/console/delivery.js";
import { ROOT } from "../helpers/cli.js";
import { createWorld, instanceOn, oslo, type Instance, type Sent, type World } from "./helpers.js";

let world: World | undefined;
const instances: Instance[] = [];
afterEach(async () => {
  for (const i of instances.splice(0)) {
    await i.scheduler.stop();
    await i.opened.close();
  }
  await world?.dispose();
  world = undefined;
});

/** Five employees reported sick on Monday 5 Jan: ten nudges fall due on Friday 23 Jan at 08:00. */
async function busyFriday(): Promise<World> {
  world = await createWorld(oslo("2026-01-05", "09:00"));
  const w = world;
  const lina = await w.person("lina");
  await w.person("hanne", { roles: "hr" });
  for (const name of ["ola", "kari", "per", "nils", "anne"]) {
    const employee = await w.person(name, { leaderId: lina.id, slackUserId: null });
    await w.act(employee, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" });
  }
  await w.advanceTo(oslo("2026-01-23", "07:59"));
  w.slack.sent.length = 0;
  w.slack.attempts.length = 0;
  return w;
}

const nudgesDueAt = (w: World, at: Date) => w.tmp.db.outbox.count({ where: { kind: "nudge", dueAt: at } });

function expectEachOnce(sent: Sent[]): void {
  const fingerprints = sent.map((s) => s.fingerprint);
  expect(new Set(fingerprints).size).toBe(fingerprints.length);
}

function runTsx(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

// Spawns tsx processes; on a loaded 2-core machine one can take minutes.
describe("crash between claim and send", { timeout: 180_000 }, () => {
  it("throws after claiming: after a restart every reminder is sent once, once the lease has run out", async () => {
    const w = await busyFriday();
    const friday = oslo("2026-01-23", "08:00");
    expect(await nudgesDueAt(w, friday)).toBe(10);
    w.clock.now = friday;
    // A process whose dispatcher fails right after claiming.
    const crashing = await instanceOn(w.tmp.url, w.clock, [], undefined, undefined, {
      afterClaim: async () => {
        throw new Error("crash between claim and send");
      },
    });
    instances.push(crashing);
    await expect(crashing.scheduler.tick(friday)).rejects.toThrow("crash between claim and send");
    expect(await w.tmp.db.outbox.count({ where: { status: "claimed" } })).toBe(10);
    expect(w.slack.sent).toEqual([]);

    // The restarted process: a new connection, new services, a new scheduler.
    const log: Sent[] = [];
    const restarted = await instanceOn(w.tmp.url, w.clock, log);
    instances.push(restarted);
    w.clock.now = oslo("2026-01-23", "08:01");
    await restarted.scheduler.tick(w.clock.now);
    expect(log).toEqual([]); // still leased to the dead process
    w.clock.now = oslo("2026-01-23", "08:03");
    await restarted.scheduler.tick(w.clock.now);
    w.clock.now = oslo("2026-01-23", "08:04");
    await restarted.scheduler.tick(w.clock.now);
    expect(log.filter((s) => s.summary.startsWith("Reminder"))).toHaveLength(10);
    expectEachOnce(log);
    expect(await w.tmp.db.outbox.count({ where: { kind: "nudge", dueAt: friday, status: "sent" } })).toBe(10);
  });

  it("a process killed after claiming: nothing lost, nothing twice", async () => {
    const w = await busyFriday();
    const friday = oslo("2026-01-23", "08:00");
    const crashed = await runTsx([path.join(ROOT, "test/scheduler/fixtures/crashAfterClaim.ts"), w.tmp.url, friday.toISOString()]);
    expect(crashed.code).toBe(137);
    expect(crashed.stdout).toMatch(/claimed 10/);
    expect(await w.tmp.db.outbox.count({ where: { status: "claimed" } })).toBe(10);

    w.clock.now = oslo("2026-01-23", "08:05");
    await w.scheduler.tick(w.clock.now);
    await w.scheduler.tick(w.clock.now);
    expect(w.slack.sent.filter((s) => s.summary.startsWith("Reminder"))).toHaveLength(10);
    expectEachOnce(w.slack.sent);
    expect(await w.tmp.db.outbox.count({ where: { status: { in: ["claimed", "pending"] }, dueAt: { lte: w.clock.now } } })).toBe(0);
  });
});

/** Two real processes that each start tsx and tick dozens of times: generous on a busy 2-core machine. */
const TWO_PROCESSES_MS = 120_000;

describe("two scheduler processes on one database", () => {
  // Real processes: in production each server is its own process (and SQLite's lock waits
  // are per process), so two in-process clients would not be a faithful stand-in.
  async function runTwo(w: World, times: Date[], batch: number): Promise<Array<{ send?: { pid: number; fingerprint: string; summary: string }; tick?: { pid: number; at: string; jobs: string[] } }>> {
    const out = path.join(w.tmp.dir, `instances-${Date.now()}.jsonl`);
    writeFileSync(out, "");
    const barrier = path.join(w.tmp.dir, `barrier-${Date.now()}`);
    const args = [path.join(ROOT, "test/scheduler/fixtures/instance.ts"), w.tmp.url, out, barrier, "2", String(batch), ...times.map((t) => t.toISOString())];
    const [a, b] = await Promise.all([runTsx(args), runTsx(args)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    return readFileSync(out, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as never);
  }

  it("send each reminder once, while both tick at the same moments", async () => {
    const w = await busyFriday();
    const until = oslo("2026-02-06", "12:00");
    const due = await w.tmp.db.outbox.findMany({ where: { status: "pending", dueAt: { lte: until } }, select: { dueAt: true }, orderBy: { dueAt: "asc" } });
    const times = [...new Set(due.map((d) => d.dueAt.getTime()))].map((t) => new Date(t));
    // Small batches, so the two really take turns claiming.
    const lines = await runTwo(w, times, 2);
    const sends = lines.flatMap((l) => (l.send ? [l.send] : []));
    const sentRows = await w.tmp.db.outbox.count({ where: { status: "sent", channel: "slack", dueAt: { gte: oslo("2026-01-23", "08:00") } } });
    expect(sentRows).toBeGreaterThanOrEqual(40); // 5 cases × 2 milestones × (−5, −1, day, day after), escalations …
    expect(sends).toHaveLength(sentRows); // … and not one send more than rows sent
    expect(new Set(sends.map((x) => x.fingerprint)).size).toBe(sends.length);
    // Both really took part (with batches of 2 and ten rows per moment, each gets some).
    expect(new Set(sends.map((x) => x.pid)).size).toBe(2);
    expect(await w.tmp.db.outbox.count({ where: { status: { in: ["pending", "claimed"] }, dueAt: { lte: until } } })).toBe(0);
  }, TWO_PROCESSES_MS);

  it("run the daily retention and the weekly digest once across processes", async () => {
    world = await createWorld(oslo("2026-01-04", "12:00"));
    const w = world;
    const times = ["2026-01-05", "2026-01-06", "2026-01-07"].flatMap((day) => ["03:00", "08:00", "09:00"].map((time) => oslo(day, time)));
    const lines = await runTwo(w, times, 100);
    const ran = lines.flatMap((l) => (l.tick ? l.tick.jobs.map((job) => `${l.tick!.at} ${job}`) : [])).sort();
    expect(ran).toEqual(
      [
        `${oslo("2026-01-05", "03:00").toISOString()} retention`,
        `${oslo("2026-01-05", "08:00").toISOString()} digest`,
        `${oslo("2026-01-06", "03:00").toISOString()} retention`,
        `${oslo("2026-01-07", "03:00").toISOString()} retention`,
      ].sort(),
    );
  }, TWO_PROCESSES_MS);
});

describe("a platform that fails for a while", () => {
  it("waits out 429 Retry-After, backs off on 500s, and loses nothing when it recovers", async () => {
    const w = await busyFriday();
    w.slack.behaviour = (_target, attempt) => {
      if (attempt <= 2) return { ok: false, error: "HTTP 429 ratelimited", retryAfterMs: 90_000 };
      if (attempt <= 8) return { ok: false, error: "HTTP 500 internal_error" };
      return { ok: true, ref: "ts" };
    };
    // A tick every minute, as under cron, from 08:00 to 12:00.
    for (let minute = 0; minute <= 240; minute++) {
      w.clock.now = new Date(oslo("2026-01-23", "08:00").getTime() + minute * 60_000);
      await w.scheduler.tick(w.clock.now);
    }
    const attempts = w.slack.attempts;
    // After the 429 at 08:00 nothing was tried until its Retry-After (90 s) had passed.
    expect(attempts[0]!.at.toISOString()).toBe("2026-01-23T07:00:00.000Z");
    expect(attempts[1]!.at.getTime() - attempts[0]!.at.getTime()).toBeGreaterThanOrEqual(90_000);
    expect(attempts.filter((a) => !a.ok)).toHaveLength(8);
    expect(w.slack.sent.filter((s) => s.summary.startsWith("Reminder"))).toHaveLength(10);
    expectEachOnce(w.slack.sent);
    expect(await w.tmp.db.outbox.count({ where: { status: "parked" } })).toBe(0);
    // (A retried row's dueAt moves with each retry; the key names the reminder.)
    expect(await w.tmp.db.outbox.count({ where: { kind: "nudge", idempotencyKey: { contains: ":-5:" }, status: "sent" } })).toBe(10);
  });

  it("does not let a retry nudge anyone after working hours: a late Retry-After waits for Monday 08:00", async () => {
    const w = await busyFriday();
    // Friday 08:00: the platform asks us to come back in nine hours (17:00, after working hours).
    w.slack.behaviour = (_target, attempt) => (attempt === 1 ? { ok: false, error: "HTTP 429 ratelimited", retryAfterMs: 9 * 3_600_000 } : { ok: true, ref: "ts" });
    await w.advanceTo(oslo("2026-01-26", "12:00"));
    const reminders = w.slack.sent.filter((s) => s.summary.startsWith("Reminder"));
    expect(reminders).toHaveLength(10);
    // One went out on Monday 08:00 (the 429'd one; the others waited on the paused channel the same way).
    expect([...new Set(reminders.map((s) => s.at.toISOString()))]).toEqual(["2026-01-26T07:00:00.000Z"]);
    expect(w.slack.attempts.map((a) => a.at.toISOString())[0]).toBe("2026-01-23T07:00:00.000Z");
    expect(w.slack.attempts.every((a, i) => i === 0 || a.at.toISOString() >= "2026-01-26T07:00:00.000Z")).toBe(true);
    expectEachOnce(w.slack.sent);
  });

  it("parks a reminder after repeated failures and shows it as failed, never dropping it silently", async () => {
    const w = await busyFriday();
    w.slack.behaviour = () => ({ ok: false, error: "HTTP 503 service_unavailable" });
    await w.advanceTo(oslo("2026-01-23", "15:00"));
    const parked = await w.tmp.db.outbox.findMany({ where: { status: "parked", idempotencyKey: { contains: ":-5:" } } });
    expect(parked).toHaveLength(10);
    expect(parked.every((r) => r.attempts === 8 && r.lastError === "HTTP 503 service_unavailable")).toBe(true);
    const failed = await listReminders(w.tmp.db, { failed: true });
    expect(failed.rows.filter((r) => r.status === "parked").map((r) => r.id).sort()).toEqual(parked.map((r) => r.id).sort());
    expect(failed.rows[0]).toMatchObject({ kind: "nudge", recipientEmail: "lina@firma.test", lastError: "HTTP 503 service_unavailable" });
  });

  it("tells HR once a day when a person can only be reached in the console inbox", async () => {
    const w = await busyFriday();
    const lina = await w.tmp.db.person.findUniqueOrThrow({ where: { email: "lina@firma.test" } });
    const hanne = await w.tmp.db.person.findUniqueOrThrow({ where: { email: "hanne@firma.test" } });
    w.slack.behaviour = (target) => (target.person?.id === lina.id ? { ok: false, error: "user_not_found", unreachable: true } : { ok: true, ref: "ts" });
    await w.advanceTo(oslo("2026-01-23", "12:00"));
    // Nothing is lost: the ten nudges are in Lina's console inbox …
    const inbox = await takeInbox(w.tmp.db, [lina.id]);
    expect(inbox.filter((m) => m.summary.startsWith("Reminder"))).toHaveLength(10);
    // … and HR heard about it once.
    const notices = w.slack.sent.filter((s) => s.personId === hanne.id && s.summary.includes("cannot reach"));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.summary).toContain("Lina");
  });
});
