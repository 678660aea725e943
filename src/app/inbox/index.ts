// The durable inbox. A channel adapter turns a verified platform request into a work
// item (who, the command, and where to answer) and stores it here *before* it
// acknowledges the request; a worker in the same process then claims the row with a
// lease, processes it through the channel's handler (the same conversation path as
// ever), and marks it done. So a crash after the acknowledgement loses nothing: a
// restart (or another replica) takes the row over once its lease has run out.
// - De-duplication: the platform's delivery id is a unique key; a repeat insert is
//   refused by the database in the same statement that stores the row.
// - Order: per partition (a person) one row at a time, in arrival order (claims take
//   only the oldest unfinished row of each partition, src/db/claims.ts).
// - Failures: retried with exponential backoff, parked after `maxAttempts` claims
//   (an attempt that crashed the process counts too).
// - At least once: a row whose processing had begun when the process died is processed
//   again; everything else exactly once.
// Leases use the real time (bookkeeping between processes), never the app's clock.
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import { claimInboxRows, insertInboxRows, markInboxRowsDone, type NewInboxRow } from "../../db/claims.js";
import { GroupCommit } from "./groupCommit.js";
import type { Inbox } from "../../generated/prisma/client.js";
import type { Logger } from "../../logging/logger.js";
import type { ChannelName } from "../notify/channels.js";

export interface InboxItem {
  channel: ChannelName;
  /** The platform's delivery id (e.g. `slack:event:Ev…`): the same key is stored once. */
  dedupeKey: string;
  /** Whose work it is (a platform user): their rows are processed one at a time, in order. */
  partition: string;
  /** The channel-neutral work item; must survive JSON. */
  payload: unknown;
}

export type EnqueueResult = "queued" | "duplicate";

export interface InboxWork {
  id: number;
  payload: unknown;
  /** 1 for the first claim of this row; more after a failure or a crash. */
  attempt: number;
  createdAt: Date;
}

/** Processes one row; throwing means "try again later" (and parks it after the last attempt). */
export type InboxHandler = (work: InboxWork) => Promise<void>;

export interface InboxOptions {
  /** Rows processed at once (across people; one per person). */
  concurrency?: number;
  /** How long a claim lasts; renewed while the row is processed. */
  leaseMs?: number;
  /** Claims before a row is parked. */
  maxAttempts?: number;
  /** How often the worker looks for work others left (expired leases, other replicas). */
  pollMs?: number;
  /** The wait before retry `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
  /** Awaited before each claim: a channel lets its pending acknowledgements go first (Slack's 3 seconds). */
  beforeClaim?: () => Promise<void>;
}

/** Rows one worker processes at once unless INBOX_CONCURRENCY says otherwise: most of a row's time is spent waiting for the platform's Web API, not the database. */
export const INBOX_CONCURRENCY = 16;

const DEFAULTS = {
  concurrency: INBOX_CONCURRENCY,
  leaseMs: 15_000,
  maxAttempts: 5,
  pollMs: 1_000,
  backoffMs: (attempt: number) => Math.min(60_000, 1_000 * 2 ** (attempt - 1)),
  beforeClaim: () => Promise.resolve(),
} satisfies Required<InboxOptions>;

/** Done rows are kept this long (the de-duplication window: platforms retry within minutes). */
export const KEEP_DONE_MS = 7 * 24 * 60 * 60_000;
const PRUNE_EVERY = 500;

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

interface Waiting {
  item: InboxItem;
  /** Stored as already being processed by the caller (its own turn), until this lease runs out. */
  hold?: { token: string; leaseMs: number };
}

/** A row the caller processes itself, within the request (Teams answers within the turn). */
export type Held =
  | { result: "duplicate" }
  | {
      result: "held";
      /** Processed: the row is done. */
      done(): Promise<void>;
      /** Not processed (the turn failed before the work was done): the row is forgotten, so the platform's redelivery is handled. */
      forget(): Promise<void>;
    };

export class DurableInbox {
  private readonly workers = new Map<ChannelName, InboxWorker>();
  private readonly inserts = new GroupCommit<Waiting, EnqueueResult>((batch) => this.insertBatch(batch));

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    /** The process's settings (INBOX_CONCURRENCY), under what a channel asks for. */
    private readonly defaults: InboxOptions = {},
  ) {}

  /**
   * Stores the item, or says it was stored before, and wakes the channel's worker. Items that
   * arrive together are written by one statement (a group commit: one disk flush for a
   * burst instead of one per request), an INSERT … ON CONFLICT DO NOTHING against the unique
   * key, so a repeat is refused by the statement that would store it.
   */
  enqueue(item: InboxItem): Promise<EnqueueResult> {
    return this.insert(item);
  }

  /**
   * Stores the item as being processed by the caller, within the request (claimed by it, with a
   * lease): should the process die before `done()`, a worker takes the row over once the lease
   * has run out and processes it as any other.
   */
  async hold(item: InboxItem, leaseMs: number): Promise<Held> {
    const token = `held:${randomUUID()}`;
    if ((await this.insert(item, { token, leaseMs })) === "duplicate") return { result: "duplicate" };
    const key = item.dedupeKey.slice(0, 500);
    return {
      result: "held",
      done: async () => {
        await this.db.inbox.updateMany({ where: { dedupeKey: key, claimedBy: token }, data: { status: "done", processedAt: new Date(), leaseUntil: null } });
      },
      forget: async () => {
        await this.db.inbox.deleteMany({ where: { dedupeKey: key, claimedBy: token } });
      },
    };
  }

  private insert(item: InboxItem, hold?: Waiting["hold"]): Promise<EnqueueResult> {
    return this.inserts.add({ item, ...(hold ? { hold } : {}) });
  }

  private async insertBatch(batch: Waiting[]): Promise<EnqueueResult[]> {
    const now = new Date();
    const rows = batch.map(({ item, hold }): NewInboxRow => ({
      channel: item.channel,
      dedupeKey: item.dedupeKey.slice(0, 500),
      partition: item.partition.slice(0, 500),
      payload: JSON.stringify(item.payload),
      status: hold ? "processing" : "pending",
      attempts: hold ? 1 : 0,
      claimedBy: hold?.token ?? null,
      leaseUntil: hold ? new Date(now.getTime() + hold.leaseMs) : null,
    }));
    const stored = await insertInboxRows(this.db, rows, now);
    for (const channel of new Set(batch.filter((w) => !w.hold).map((w) => w.item.channel))) this.workers.get(channel)?.kick();
    // A key stored by this batch counts once: a second item with it in the same batch is a repeat.
    return rows.map((row) => (stored.delete(row.dedupeKey) ? "queued" : "duplicate"));
  }

  /** Whether a delivery with this key was stored already (a repeat that must not be checked again). */
  async has(dedupeKey: string): Promise<boolean> {
    return (await this.db.inbox.count({ where: { dedupeKey: dedupeKey.slice(0, 500) } })) > 0;
  }

  /** Starts the worker for one channel's rows (it resumes rows a dead process left at once). */
  serve(channel: ChannelName, handler: InboxHandler, options: InboxOptions = {}): InboxWorker {
    if (this.workers.has(channel)) throw new Error(`the inbox of ${channel} is already served`);
    const worker = new InboxWorker(this.db, this.logger.child({ inbox: channel }), channel, handler, { ...DEFAULTS, ...this.defaults, ...options }, () => {
      if (this.workers.get(channel) === worker) this.workers.delete(channel);
    });
    this.workers.set(channel, worker);
    worker.start();
    return worker;
  }

  /** Forgets done rows older than the de-duplication window. */
  prune(now = new Date()): Promise<number> {
    return pruneInbox(this.db, now);
  }
}

export async function pruneInbox(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.inbox.deleteMany({ where: { status: "done", processedAt: { lt: new Date(now.getTime() - KEEP_DONE_MS) } } });
  return count;
}

export class InboxWorker {
  private readonly active = new Map<number, Inbox>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly idleWaiters: Array<() => void> = [];
  private readonly id = randomUUID().slice(0, 8);
  private seq = 0;
  private pumping = false;
  private again = false;
  private stopping = false;
  private poll: NodeJS.Timeout | undefined;
  private completed = 0;
  private expiredCheckedAt = 0;
  /** Rows processed whose "done" is being written (one statement for all that finished together). */
  private readonly doneMarks = new GroupCommit<Inbox, void>(async (rows) => {
    await markInboxRowsDone(
      this.db,
      rows.map((row) => ({ id: row.id, claimedBy: row.claimedBy ?? "" })),
      new Date(),
    );
    return rows.map(() => undefined);
  });

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    readonly channel: ChannelName,
    private readonly handler: InboxHandler,
    private readonly options: Required<InboxOptions>,
    private readonly onStopped: () => void,
  ) {}

  /** Rows being processed, waiting for a retry in this process, or a claim under way (for /healthz and tests). */
  get inFlight(): number {
    return this.active.size + this.retryTimers.size + (this.pumping ? 1 : 0);
  }

  start(): void {
    this.poll = setInterval(() => this.kick(), this.options.pollMs);
    this.poll.unref();
    void pruneInbox(this.db).catch((error: unknown) => this.logger.warn({ err: error }, "inbox: pruning failed"));
    this.kick();
  }

  /** Looks for work now (after an insert, a finished row, a retry time). */
  kick(): void {
    if (this.stopping) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.pump();
  }

  /** Resolves when nothing is in flight, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * Takes no new rows, waits up to `timeoutMs` for the rows under way, and gives the rest
   * back (pending, the attempt not counted) so the next process takes them at once.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.poll) clearInterval(this.poll);
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    const until = Date.now() + timeoutMs;
    while ((this.active.size > 0 || this.pumping) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const left = [...this.active.values()];
    for (const row of left) {
      await this.db.inbox.updateMany({
        where: { id: row.id, claimedBy: row.claimedBy, status: "processing" },
        data: { status: "pending", claimedBy: null, leaseUntil: null, attempts: { decrement: 1 } },
      });
    }
    if (left.length > 0) this.logger.warn({ released: left.length }, "inbox: rows released at stop");
    this.onStopped();
    this.wakeIdle();
  }

  private async pump(): Promise<void> {
    try {
      do {
        this.again = false;
        // Refilled in batches (a claim is two statements however many rows it takes), but at once when idle.
        const refillAt = Math.max(1, Math.floor(this.options.concurrency / 4));
        while (!this.stopping && this.options.concurrency - this.active.size >= (this.active.size === 0 ? 1 : refillAt)) {
          await this.options.beforeClaim();
          if (this.stopping) break;
          this.seq += 1;
          // Rows left by a dead process are looked for once per poll interval, not at every claim.
          const expired = Date.now() - this.expiredCheckedAt >= this.options.pollMs;
          if (expired) this.expiredCheckedAt = Date.now();
          const rows = await claimInboxRows(this.db, {
            expired,
            channel: this.channel,
            now: new Date(),
            limit: this.options.concurrency - this.active.size,
            leaseMs: this.options.leaseMs,
            token: `${this.id}:${this.seq}`,
          });
          if (rows.length === 0) break;
          for (const row of rows) this.run(row);
        }
      } while (this.again && !this.stopping);
    } catch (error) {
      this.logger.error({ err: error }, "inbox: claim failed");
    } finally {
      this.pumping = false;
      this.wakeIdle();
    }
  }

  private run(row: Inbox): void {
    this.active.set(row.id, row);
    const renew = setInterval(() => {
      void this.db.inbox
        .updateMany({ where: { id: row.id, claimedBy: row.claimedBy, status: "processing" }, data: { leaseUntil: new Date(Date.now() + this.options.leaseMs) } })
        .catch((error: unknown) => this.logger.warn({ err: error, row: row.id }, "inbox: lease renewal failed"));
    }, Math.max(50, Math.floor(this.options.leaseMs / 3)));
    void this.process(row)
      .catch((error: unknown) => this.logger.error({ err: error, row: row.id }, "inbox: bookkeeping failed"))
      .finally(() => {
        clearInterval(renew);
        this.active.delete(row.id);
        this.kick();
        this.wakeIdle();
      });
  }

  private async process(row: Inbox): Promise<void> {
    const mine = { id: row.id, claimedBy: row.claimedBy, status: "processing" };
    if (row.attempts > this.options.maxAttempts) {
      // Claimed that often without an outcome: it kept ending the process that took it.
      await this.db.inbox.updateMany({ where: mine, data: { status: "parked", leaseUntil: null, lastError: "no outcome after repeated claims (did processing end the process?)" } });
      this.logger.error({ row: row.id, attempts: row.attempts }, "inbox: row parked");
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload) as unknown;
    } catch {
      await this.db.inbox.updateMany({ where: mine, data: { status: "parked", leaseUntil: null, lastError: "payload is not JSON" } });
      return;
    }
    try {
      await this.handler({ id: row.id, payload, attempt: row.attempts, createdAt: row.createdAt });
    } catch (error) {
      const last = row.attempts >= this.options.maxAttempts;
      const wait = this.options.backoffMs(row.attempts);
      await this.db.inbox.updateMany({
        where: mine,
        data: last ? { status: "parked", leaseUntil: null, lastError: message(error) } : { status: "pending", leaseUntil: new Date(Date.now() + wait), claimedBy: null, lastError: message(error) },
      });
      this.logger.warn({ err: error, row: row.id, attempt: row.attempts, parked: last }, last ? "inbox: row parked" : "inbox: row failed, will retry");
      if (!last && !this.stopping) {
        const timer = setTimeout(() => {
          this.retryTimers.delete(timer);
          this.kick();
          this.wakeIdle();
        }, wait + 5);
        this.retryTimers.add(timer);
      }
      return;
    }
    await this.markDone(row);
    this.completed += 1;
    if (this.completed % PRUNE_EVERY === 0) await pruneInbox(this.db);
  }

  /**
   * Marks a processed row done. Rows that finish together are marked in one statement (a
   * group commit, like the inserts); the row counts as in flight until its mark is written, so
   * the next row of the same person is claimed only after it.
   */
  private markDone(row: Inbox): Promise<void> {
    return this.doneMarks.add(row);
  }

  private wakeIdle(): void {
    if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }
}
