// The scheduler of one process. A tick (every minute under node-cron, or once from
// `cli tick --now …`) does three things, each safe with any number of processes on
// the same database:
//   1. re-plans persons whose data another process changed (watermark, src/app/reminders/changes.ts);
//   2. runs the periodic jobs whose slot has come (retention daily, ARR digest weekly),
//      once across processes: a job's Lease is held until its next slot;
//   3. sends what is due through the outbox dispatcher (claims with a lease; see dispatch.ts).
// In this process the conversation re-plans a person right after each change
// (Services.caseChanged, wired by the composition root), so the tick only has to catch
// what others did. The scheduler is built by createServices (src/app/services.ts).
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import cron, { type ScheduledTask } from "node-cron";
import { dailySlot, weeklySlot, type Slot } from "../domain/reminders/index.js";
import type { AppContext } from "../app/context.js";
import type { DispatchStats } from "../app/notify/dispatch.js";
import type { ReminderPlanner } from "../app/reminders/planner.js";
import { replanChanged } from "../app/reminders/changes.js";
import { runRetention } from "../app/reminders/retention.js";
import { runDigest } from "../app/reminders/digest.js";
import { holdLeaseUntil, readLease, tryAcquireLease } from "../app/reminders/leases.js";
import type { SchedulerSettings } from "../app/reminders/settings.js";

export interface TickReport {
  at: string;
  replanned: number;
  jobs: Record<string, unknown>;
  delivery: DispatchStats;
}

interface PeriodicJob {
  name: string;
  slot(now: Date): Slot;
  /** A slot older than this is skipped rather than run late (a Thursday digest "for this week" helps nobody). */
  maxLateMs: number;
  run(now: Date, slot: Slot): Promise<unknown>;
}

/** How long a job may run before another process may take over its lease. */
const JOB_LEASE_MS = 10 * 60_000;

const emptyStats = (): DispatchStats => ({ claimed: 0, sent: 0, retried: 0, parked: 0, cancelled: 0, deferred: 0, lost: 0 });

export interface SchedulerDeps {
  ctx: AppContext;
  settings: SchedulerSettings;
  planner: ReminderPlanner;
  /** The process's delivery (one dispatch at a time; see createServices). */
  deliver(now?: Date): Promise<DispatchStats>;
}

export class Scheduler {
  readonly planner: ReminderPlanner;
  readonly settings: SchedulerSettings;
  private readonly ctx: AppContext;
  private readonly deliver: (now?: Date) => Promise<DispatchStats>;
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly jobs: PeriodicJob[];
  /** When each job's lease is known to be held until (saves a query per tick). */
  private readonly notBefore = new Map<string, number>();
  private running: Promise<TickReport> | undefined;
  private task: ScheduledTask | undefined;

  constructor({ ctx, settings, planner, deliver }: SchedulerDeps) {
    this.ctx = ctx;
    this.settings = settings;
    this.planner = planner;
    this.deliver = deliver;
    const zone = settings.jobsTimeZone;
    this.jobs = [
      {
        name: "retention",
        slot: (now) => dailySlot(now, zone, settings.retentionMinute),
        maxLateMs: Number.POSITIVE_INFINITY,
        run: (now) => runRetention(ctx, now),
      },
      {
        name: "digest",
        slot: (now) => weeklySlot(now, zone, settings.digestWeekday, settings.digestMinute),
        maxLateMs: 12 * 3_600_000,
        run: (now, slot) => runDigest(ctx, slot.date, now),
      },
    ];
  }

  /** One pass; a call while a pass runs waits for that pass instead of overlapping it. */
  tick(now: Date = this.ctx.clock()): Promise<TickReport> {
    if (this.running) return this.running;
    this.running = this.pass(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(now: Date): Promise<TickReport> {
    const { ctx } = this;
    const changes = await replanChanged(ctx, this.planner, { now, limit: this.settings.replanBatch });
    const jobs = await this.runDueJobs(now);
    const delivery = await this.deliverDue(now);
    const report: TickReport = { at: now.toISOString(), replanned: changes.replanned, jobs, delivery };
    if (changes.replanned > 0 || delivery.claimed > 0 || Object.keys(jobs).length > 0) ctx.logger.info({ tick: report }, "scheduler tick");
    return report;
  }

  /** Sends in rounds until nothing more is due (bounded, so one tick never runs away). */
  private async deliverDue(now: Date): Promise<DispatchStats> {
    const total = emptyStats();
    for (let round = 0; round < this.settings.dispatchRounds; round++) {
      const stats = await this.deliver(now);
      for (const k of Object.keys(total) as Array<keyof DispatchStats>) total[k] += stats[k];
      if (stats.claimed < this.settings.dispatchBatch) break;
    }
    return total;
  }

  private async runDueJobs(now: Date): Promise<Record<string, unknown>> {
    const { db, logger } = this.ctx;
    const done: Record<string, unknown> = {};
    for (const job of this.jobs) {
      if ((this.notBefore.get(job.name) ?? 0) > now.getTime()) continue;
      const leaseName = `job:${job.name}`;
      if (!(await tryAcquireLease(db, leaseName, this.holder, now, JOB_LEASE_MS))) {
        // Someone holds it: running now, or done until the next slot.
        const lease = await readLease(db, leaseName);
        if (lease) this.notBefore.set(job.name, lease.expiresAt.getTime());
        continue;
      }
      const slot = job.slot(now);
      try {
        if (now.getTime() - slot.current.getTime() <= job.maxLateMs) done[job.name] = await job.run(now, slot);
        await holdLeaseUntil(db, leaseName, this.holder, slot.next, slot.current);
        this.notBefore.set(job.name, slot.next.getTime());
      } catch (error) {
        // The lease runs out by itself and the next tick (here or elsewhere) tries again.
        logger.error({ err: error, job: job.name }, "periodic job failed");
      }
    }
    return done;
  }

  /** Starts the every-minute tick (node-cron; overlapping runs are skipped). */
  start(): void {
    if (this.task) return;
    this.task = cron.schedule(
      "* * * * *",
      async () => {
        try {
          await this.tick();
        } catch (error) {
          this.ctx.logger.error({ err: error }, "scheduler tick failed");
        }
      },
      { name: `jobbdialog-scheduler-${this.holder}`, noOverlap: true },
    );
  }

  async stop(): Promise<void> {
    const task = this.task;
    this.task = undefined;
    if (task) {
      await task.stop();
      await task.destroy();
    }
    await this.running?.catch(() => undefined);
  }
}
