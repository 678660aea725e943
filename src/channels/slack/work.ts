// Work done after Slack has its answer (the 3-second ack). Node runs everything on one
// thread, and the work behind a click (database, conversation core, Web API calls)
// costs far more than the ack, so acks come first: a task starts only when no request
// is waiting for its ack (or after a short wait, so work never starves), few tasks run
// at once, one person's interactions run in arrival order, and shutdown waits for
// what is under way.
import type { ServerResponse } from "node:http";
import { KeyedLock } from "../../app/facade/index.js";
import type { Logger } from "../../logging/logger.js";

export interface WorkOptions {
  /** Tasks running at once (the database is one file; more only adds contention). */
  concurrency?: number;
  /** The longest a task waits for pending acks before it starts anyway. */
  maxDeferMs?: number;
}

export class Work {
  private readonly perUser = new KeyedLock();
  private readonly concurrency: number;
  private readonly maxDeferMs: number;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private pending = 0;
  private idleWaiters: Array<() => void> = [];
  private acking = 0;
  private quietWaiters: Array<() => void> = [];

  constructor(
    private readonly logger: Logger,
    options: WorkOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 2;
    this.maxDeferMs = options.maxDeferMs ?? 50;
  }

  /** Tasks accepted and not finished yet (for /healthz and for tests waiting for quiet). */
  get inFlight(): number {
    return this.pending;
  }

  /** A request is being answered: tasks not yet started wait until its response is sent. */
  holdFor(res: ServerResponse): void {
    this.acking += 1;
    res.once("close", () => {
      this.acking -= 1;
      if (this.acking === 0) for (const wake of this.quietWaiters.splice(0)) wake();
    });
  }

  /** Runs `task` after earlier work for the same key; failures are logged, never thrown. */
  start(key: string, label: string, task: () => Promise<void>): void {
    this.pending += 1;
    void this.perUser
      .run(key, async () => {
        await this.acquire();
        try {
          await task();
        } finally {
          this.release();
        }
      })
      .catch((error: unknown) => this.logger.error({ err: error, work: label }, "slack work failed"))
      .finally(() => {
        this.pending -= 1;
        if (this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
  }

  /** Resolves when nothing is in flight, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** A point inside a task where requests that arrived meanwhile are read and acknowledged first. */
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.acking > 0) await this.quiet();
  }

  private async acquire(): Promise<void> {
    if (this.running < this.concurrency) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    await this.yield();
  }

  private quiet(): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const i = this.quietWaiters.indexOf(wake);
        if (i >= 0) this.quietWaiters.splice(i, 1);
        resolve();
      }, this.maxDeferMs);
      this.quietWaiters.push(wake);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
