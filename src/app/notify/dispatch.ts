// Sends what is due in the outbox. Rows are claimed with a lease (a token and an
// expiry) in one UPDATE (src/db/claims.ts: SKIP LOCKED on PostgreSQL), so two processes on the same database never
// take the same row, and a process that dies mid-send leaves a row that is taken
// again when its lease runs out: nothing is lost. A batch that runs long renews its
// claim before each send, so it never sends a row another process has taken over.
// A batch costs a bounded number of statements, not a few per row: its recipients and
// renders are read together, the console inbox takes its messages in one INSERT, and
// the rows' endings are written together (one UPDATE per kind of ending) at a flush, at
// the end of the batch or every second while a slow platform sends.
import { randomUUID } from "node:crypto";
import type { Message } from "../../domain/messages/model.js";
import type { Outbox, Person, Workspace } from "../../generated/prisma/client.js";
import type { AppContext } from "../context.js";
import type { ChannelName, ChannelRegistry, DeliveryChannel, DeliveryResult } from "./channels.js";
import { payloadOf, type NotificationPayload } from "./outbox.js";
import { claimOutboxRows, type OutboxClaim } from "../../db/claims.js";
import { peopleByIds } from "../../db/rows.js";

export type Recipient = { kind: "person"; person: Person } | { kind: "arr"; workspace: Workspace };

/** Turns a payload into the message for this recipient now; null when it no longer applies. */
export type NotificationRenderer = (payload: NotificationPayload, recipient: Recipient, row: Outbox) => Promise<Message | null>;

export interface DispatchOptions {
  now: Date;
  limit?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Called when a person could not be reached in any channel. */
  onUnreachable?: (person: Person, row: Outbox) => Promise<void>;
  /** Test hook: runs after claiming, before sending (lets tests simulate a crash there). */
  afterClaim?: (rows: Outbox[]) => Promise<void>;
  /** A later instant when the row must not go out now (e.g. outside the recipient's working hours). */
  deferUntil?: (row: Outbox, recipient: Recipient, now: Date) => Promise<Date | undefined> | Date | undefined;
  /** Called after a row was sent (e.g. to count dialogue reminders). */
  onSent?: (row: Outbox, channel: ChannelName) => Promise<void>;
  /**
   * Called when a person was reached only through a later channel because the earlier ones
   * said unreachable (e.g. left in the console inbox after Slack refused): nobody may read it.
   */
  onFallback?: (person: Person, row: Outbox, unreachableIn: ChannelName[], sentVia: ChannelName) => Promise<void>;
}

export interface DispatchStats {
  claimed: number;
  sent: number;
  retried: number;
  parked: number;
  cancelled: number;
  /** Put back without an attempt: outside working time, or the channel asked us to wait. */
  deferred: number;
  /** Claimed, but another process took the row over before we sent it. */
  lost: number;
}

const DEFAULT_LEASE_MS = 2 * 60_000;
const DEFAULT_MAX_ATTEMPTS = 8;
/** Consecutive retryable failures of one channel after which the rest of the batch waits. */
const CHANNEL_FAILURES_BEFORE_PAUSE = 3;

/** Exponential backoff: 1, 2, 4 … minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/** Rows with target "job" are work for an integration (e.g. sending a plan to NAV), claimed by their own runner. */
export const JOB_TARGET = "job" as const;

/** Claims due rows (src/db/claims.ts); by default every row but the integration jobs, which their runner claims. */
export async function claimDue(ctx: AppContext, now: Date, limit: number, leaseMs: number, scope: OutboxClaim["scope"] = { targetNot: JOB_TARGET }): Promise<Outbox[]> {
  return claimOutboxRows(ctx.db, { now, limit, leaseMs, token: randomUUID(), scope });
}

export async function dispatchDue(ctx: AppContext, channels: ChannelRegistry, render: NotificationRenderer, options: DispatchOptions): Promise<DispatchStats> {
  const stats: DispatchStats = { claimed: 0, sent: 0, retried: 0, parked: 0, cancelled: 0, deferred: 0, lost: 0 };
  const rows = await claimDue(ctx, options.now, options.limit ?? 100, options.leaseMs ?? DEFAULT_LEASE_MS);
  stats.claimed = rows.length;
  if (options.afterClaim) await options.afterClaim(rows);
  if (rows.length === 0) return stats;
  const health: ChannelHealth = { pausedUntil: new Map(), failures: new Map() };
  // One query for every person the batch goes to, instead of one per row.
  const ids = [...new Set(rows.flatMap((r) => (r.target === "person" && r.recipientId ? [r.recipientId] : [])))];
  const people = new Map(ids.length > 0 ? (await peopleByIds(ctx.db, ids)).map((p) => [p.id, p]) : []);
  const batch: Batch = { claimedAt: Date.now(), flushedAt: Date.now(), people, health, marks: [], queued: [], stats };
  // Recipients and renders of the whole batch at once: their reads run side by side, so
  // Prisma folds the look-ups of one shape into one statement (the renders only read).
  const prepared = await Promise.all(rows.map((row) => prepare(ctx, render, row, options, batch)));
  for (const [i, row] of rows.entries()) {
    // A batch slowed down by a platform writes what it has done so far (the marks) now and then.
    if (Date.now() - batch.flushedAt > FLUSH_EVERY_MS) await flush(ctx, options, batch);
    const outcome = await sendOne(ctx, channels, row, prepared[i]!, options, batch);
    if (outcome) stats[outcome] += 1;
  }
  await flush(ctx, options, batch);
  return stats;
}

/** How long a batch may hold back its writes (the marks, the console inbox) while it sends. */
const FLUSH_EVERY_MS = 1_000;

interface Batch {
  /** Real time of the claim: a claim younger than a third of its lease cannot have been taken over. */
  claimedAt: number;
  /** Real time of the last flush. */
  flushedAt: number;
  /** The people of the batch as this dispatch left them (reachability set or cleared). */
  people: Map<string, Person>;
  health: ChannelHealth;
  /** How rows end, written together at the next flush (one UPDATE per kind of ending). */
  marks: Array<{ row: Outbox; data: MarkData }>;
  /** Sends waiting for a channel that takes many at once (the console inbox: one INSERT). */
  queued: Array<{ attempt: Attempt; channel: DeliveryChannel; message: Message }>;
  stats: DispatchStats;
}

type Outcome = Exclude<keyof DispatchStats, "claimed">;
type MarkData = { status: string; attempts?: number; lastError?: string | null; dueAt?: Date; sentAt?: Date; channel?: string };

/** What a row needs before it is sent: its recipient and message, or how it ends without a send. */
type Prepared = { kind: "end"; data: MarkData; outcome: Outcome } | { kind: "send"; recipient: Recipient; message: Message };

/** One row on its way through the recipient's channels. */
interface Attempt {
  row: Outbox;
  recipient: Recipient;
  message: Message;
  candidates: DeliveryChannel[];
  /** The index of the candidate to try next. */
  next: number;
  last: DeliveryResult;
  unreachableIn: ChannelName[];
}

/**
 * What one batch learned about its channels: a 429 (or a run of 5xx/timeouts) pauses the
 * channel for the rest of the batch, so the other rows wait without spending attempts.
 */
interface ChannelHealth {
  pausedUntil: Map<ChannelName, Date>;
  failures: Map<ChannelName, number>;
}

async function prepare(ctx: AppContext, render: NotificationRenderer, row: Outbox, options: DispatchOptions, batch: Batch): Promise<Prepared> {
  const recipient = await resolveRecipient(ctx, row, batch.people);
  if (!recipient) return { kind: "end", data: { status: "cancelled", lastError: "recipient not found" }, outcome: "cancelled" };
  const later = await options.deferUntil?.(row, recipient, options.now);
  if (later && later.getTime() > options.now.getTime()) return { kind: "end", data: { status: "pending", dueAt: later }, outcome: "deferred" };
  let message: Message | null;
  try {
    message = await render(payloadOf(row), recipient, row);
  } catch (error) {
    ctx.logger.error({ err: error, outbox: row.id, kind: row.kind }, "could not render notification");
    return { kind: "end", data: { status: "parked", lastError: `render: ${(error as Error).message}` }, outcome: "parked" };
  }
  if (!message) return { kind: "end", data: { status: "cancelled", lastError: NO_LONGER_APPLIES }, outcome: "cancelled" };
  return { kind: "send", recipient, message };
}

/** The row's ending, or undefined when its send waits in the batch's queue (counted at the flush). */
async function sendOne(ctx: AppContext, channels: ChannelRegistry, row: Outbox, prepared: Prepared, options: DispatchOptions, batch: Batch): Promise<Outcome | undefined> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  // Still ours? A slow batch renews the claim right before sending, so it never sends a row
  // whose lease ran out and that another process has claimed since.
  if (Date.now() - batch.claimedAt > leaseMs / 3) {
    const renewed = await ctx.db.outbox.updateMany({
      where: { id: row.id, claimedBy: row.claimedBy, status: "claimed" },
      data: { claimedUntil: new Date(Math.max(ctx.clock().getTime(), options.now.getTime()) + leaseMs) },
    });
    if (renewed.count === 0) return "lost";
  }
  if (prepared.kind === "end") return finish(batch, row, prepared.data, prepared.outcome);
  // The person as this batch left them (an earlier row may have found them unreachable).
  const recipient: Recipient = prepared.recipient.kind === "person" ? { kind: "person", person: batch.people.get(prepared.recipient.person.id) ?? prepared.recipient.person } : prepared.recipient;
  const candidates = recipient.kind === "person" ? channels.forPerson(recipient.person) : channels.forArr(recipient.workspace);
  const attempt: Attempt = {
    row,
    recipient,
    message: prepared.message,
    candidates,
    next: 0,
    last: { ok: false, error: "no channel can reach the recipient", unreachable: true },
    unreachableIn: [],
  };
  return tryChannels(ctx, attempt, options, batch);
}

/** Tries the recipient's channels from `attempt.next` on; undefined when the send was queued. */
async function tryChannels(ctx: AppContext, attempt: Attempt, options: DispatchOptions, batch: Batch): Promise<Outcome | undefined> {
  const { row, recipient, message } = attempt;
  const { health } = batch;
  while (attempt.next < attempt.candidates.length) {
    const channel = attempt.candidates[attempt.next]!;
    attempt.next += 1;
    const paused = health.pausedUntil.get(channel.name);
    if (paused && paused.getTime() > options.now.getTime()) return finish(batch, row, { status: "pending", dueAt: paused }, "deferred");
    if (channel.sendManyToPeople && recipient.kind === "person") {
      batch.queued.push({ attempt, channel, message });
      return undefined;
    }
    let last: DeliveryResult;
    try {
      last = recipient.kind === "person" ? await channel.sendToPerson(recipient.person, message) : await channel.sendToArr(recipient.workspace, message);
    } catch (error) {
      last = { ok: false, error: (error as Error).message };
    }
    const outcome = await afterSend(ctx, attempt, channel, last, options, batch);
    if (outcome !== "next") return outcome;
  }
  return failed(ctx, attempt, options, batch);
}

/** What one channel's answer means for the row: its ending, or "next" (unreachable here: try the next channel). */
async function afterSend(ctx: AppContext, attempt: Attempt, channel: DeliveryChannel, last: DeliveryResult, options: DispatchOptions, batch: Batch): Promise<Outcome | "next"> {
  const { db } = ctx;
  const { row, recipient, unreachableIn } = attempt;
  const { health } = batch;
  attempt.last = last;
  if (last.ok) {
    finish(batch, row, { status: "sent", sentAt: options.now, channel: channel.name, attempts: row.attempts + 1, lastError: null }, "sent");
    if (recipient.kind === "person") {
      const person = batch.people.get(recipient.person.id) ?? recipient.person;
      if (person.unreachableSince) {
        await db.person.update({ where: { id: person.id }, data: { unreachableSince: null, unreachableReason: null } });
        batch.people.set(person.id, { ...person, unreachableSince: null, unreachableReason: null });
      }
    }
    health.failures.set(channel.name, 0);
    await options.onSent?.(row, channel.name);
    if (unreachableIn.length > 0 && recipient.kind === "person") await options.onFallback?.(recipient.person, row, unreachableIn, channel.name);
    return "sent";
  }
  if (last.unreachable) unreachableIn.push(channel.name);
  if (last.retryAfterMs !== undefined) {
    health.pausedUntil.set(channel.name, new Date(options.now.getTime() + last.retryAfterMs));
  } else if (!last.unreachable && !last.permanent) {
    const failures = (health.failures.get(channel.name) ?? 0) + 1;
    health.failures.set(channel.name, failures);
    if (failures >= CHANNEL_FAILURES_BEFORE_PAUSE) health.pausedUntil.set(channel.name, new Date(options.now.getTime() + backoffMs(1)));
  }
  // Unreachable here: try the person's next channel. Anything else: retry later in the same order.
  if (last.unreachable) return "next";
  return failed(ctx, attempt, options, batch);
}

/** The row could not be sent in any of its channels (or must wait): park it or retry later. */
async function failed(ctx: AppContext, attempt: Attempt, options: DispatchOptions, batch: Batch): Promise<Outcome> {
  const { db, logger } = ctx;
  const { row, recipient, last } = attempt;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const attempts = row.attempts + 1;
  if (!last.ok && last.unreachable) {
    if (recipient.kind === "person") {
      // The hook hears of the person as they were before this failure (it reports once per spell).
      const before = batch.people.get(recipient.person.id) ?? recipient.person;
      const reason = last.error.slice(0, 500);
      await db.person.update({ where: { id: before.id }, data: { unreachableSince: options.now, unreachableReason: reason } });
      batch.people.set(before.id, { ...before, unreachableSince: options.now, unreachableReason: reason });
      await options.onUnreachable?.(before, row);
    }
    logger.warn({ outbox: row.id, kind: row.kind }, "recipient unreachable in every channel; parked");
    return finish(batch, row, { status: "parked", attempts, lastError: last.error }, "parked");
  }
  const error = last.ok ? "" : last.error;
  if ((!last.ok && last.permanent) || attempts >= maxAttempts) {
    logger.warn({ outbox: row.id, kind: row.kind, attempts }, "delivery failed; parked");
    return finish(batch, row, { status: "parked", attempts, lastError: error }, "parked");
  }
  const wait = !last.ok && last.retryAfterMs !== undefined ? last.retryAfterMs : backoffMs(attempts);
  return finish(batch, row, { status: "pending", attempts, lastError: error, dueAt: new Date(options.now.getTime() + wait) }, "retried");
}

/**
 * Writes what the batch has done so far: first the queued sends (one call per channel that
 * takes many at once), then the rows' endings, one UPDATE for each kind of ending, in one
 * transaction. A crash before the marks only sends those rows again once their lease runs
 * out (at least once, as with a crash between a send and its mark).
 */
async function flush(ctx: AppContext, options: DispatchOptions, batch: Batch): Promise<void> {
  while (batch.queued.length > 0) {
    const queued = batch.queued.splice(0);
    const byChannel = new Map<DeliveryChannel, typeof queued>();
    for (const q of queued) byChannel.set(q.channel, [...(byChannel.get(q.channel) ?? []), q]);
    for (const [channel, items] of byChannel) {
      let results: DeliveryResult[];
      try {
        results = await channel.sendManyToPeople!(items.map((q) => ({ person: (q.attempt.recipient as { person: Person }).person, message: q.message })));
      } catch (error) {
        results = items.map(() => ({ ok: false, error: (error as Error).message }));
      }
      for (const [i, q] of items.entries()) {
        const paused = batch.health.pausedUntil.get(channel.name);
        let outcome: Outcome | "next" | undefined;
        if (paused && paused.getTime() > options.now.getTime() && !results[i]!.ok) outcome = finish(batch, q.attempt.row, { status: "pending", dueAt: paused }, "deferred");
        else outcome = await afterSend(ctx, q.attempt, channel, results[i]!, options, batch);
        // Unreachable there too: the row goes on to its next channel (which may queue it again).
        if (outcome === "next") outcome = await tryChannels(ctx, q.attempt, options, batch);
        if (outcome) batch.stats[outcome] += 1;
      }
    }
  }
  const marks = batch.marks.splice(0);
  batch.flushedAt = Date.now();
  if (marks.length === 0) return;
  const groups = new Map<string, { claimedBy: string | null; data: MarkData; ids: string[] }>();
  for (const { row, data } of marks) {
    const key = JSON.stringify([row.claimedBy, data]);
    const group = groups.get(key);
    if (group) group.ids.push(row.id);
    else groups.set(key, { claimedBy: row.claimedBy, data, ids: [row.id] });
  }
  // Only the holder of the claim may finish a row (a slower process whose lease ran out may not).
  const updates = [...groups.values()].map((g) =>
    ctx.db.outbox.updateMany({ where: { id: { in: g.ids }, claimedBy: g.claimedBy }, data: { ...g.data, claimedBy: null, claimedUntil: null } }),
  );
  if (updates.length === 1) await updates[0];
  else await ctx.db.$transaction(updates);
}

/** lastError of a row whose template decided at send time that it has nothing left to say. */
export const NO_LONGER_APPLIES = "no longer applies";

/** Notes how the row ends; written at the batch's next flush. */
function finish<T extends Outcome>(batch: Batch, row: Outbox, data: MarkData, outcome: T): T {
  batch.marks.push({ row, data });
  return outcome;
}

async function resolveRecipient(ctx: AppContext, row: Outbox, people?: Map<string, Person>): Promise<Recipient | undefined> {
  if (row.target === "arr") {
    const params = payloadOf(row).params;
    const workspaceId = typeof params.workspaceId === "string" ? params.workspaceId : undefined;
    const workspace = workspaceId ? await ctx.db.workspace.findUnique({ where: { id: workspaceId } }) : null;
    return workspace ? { kind: "arr", workspace } : undefined;
  }
  if (!row.recipientId) return undefined;
  const person = people?.get(row.recipientId) ?? (await ctx.db.person.findUnique({ where: { id: row.recipientId } }));
  return person ? { kind: "person", person } : undefined;
}
