// Sends what is due in the outbox. Rows are claimed with a lease (a token and an
// expiry) in one UPDATE (src/db/claims.ts: SKIP LOCKED on PostgreSQL), so two processes on the same database never
// take the same row, and a process that dies mid-send leaves a row that is taken
// again when its lease runs out: nothing is lost. A batch that runs long renews its
// claim before each send, so it never sends a row another process has taken over.
import { randomUUID } from "node:crypto";
import type { Message } from "../../domain/messages/model.js";
import type { Outbox, Person, Workspace } from "../../generated/prisma/client.js";
import type { AppContext } from "../context.js";
import type { ChannelName, ChannelRegistry, DeliveryResult } from "./channels.js";
import { payloadOf, type NotificationPayload } from "./outbox.js";
import { claimOutboxRows, type OutboxClaim } from "../../db/claims.js";

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
  const health: ChannelHealth = { pausedUntil: new Map(), failures: new Map() };
  // One query for every person the batch goes to, instead of one per row.
  const ids = [...new Set(rows.flatMap((r) => (r.target === "person" && r.recipientId ? [r.recipientId] : [])))];
  const people = new Map(ids.length > 0 ? (await ctx.db.person.findMany({ where: { id: { in: ids } } })).map((p) => [p.id, p]) : []);
  const batch: Batch = { claimedAt: Date.now(), people, health };
  for (const row of rows) {
    const outcome = await sendOne(ctx, channels, render, row, options, batch);
    stats[outcome] += 1;
  }
  return stats;
}

interface Batch {
  /** Real time of the claim: a claim younger than a third of its lease cannot have been taken over. */
  claimedAt: number;
  people: Map<string, Person>;
  health: ChannelHealth;
}

/**
 * What one batch learned about its channels: a 429 (or a run of 5xx/timeouts) pauses the
 * channel for the rest of the batch, so the other rows wait without spending attempts.
 */
interface ChannelHealth {
  pausedUntil: Map<ChannelName, Date>;
  failures: Map<ChannelName, number>;
}

async function sendOne(
  ctx: AppContext,
  channels: ChannelRegistry,
  render: NotificationRenderer,
  row: Outbox,
  options: DispatchOptions,
  batch: Batch,
): Promise<Exclude<keyof DispatchStats, "claimed">> {
  const { db, logger } = ctx;
  const { health } = batch;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  // Still ours? A slow batch renews the claim right before sending, so it never sends a row
  // whose lease ran out and that another process has claimed since.
  if (Date.now() - batch.claimedAt > leaseMs / 3) {
    const renewed = await db.outbox.updateMany({
      where: { id: row.id, claimedBy: row.claimedBy, status: "claimed" },
      data: { claimedUntil: new Date(Math.max(ctx.clock().getTime(), options.now.getTime()) + leaseMs) },
    });
    if (renewed.count === 0) return "lost";
  }
  const recipient = await resolveRecipient(ctx, row, batch.people);
  if (!recipient) return finish(ctx, row, { status: "cancelled", lastError: "recipient not found" }, "cancelled");
  const later = await options.deferUntil?.(row, recipient, options.now);
  if (later && later.getTime() > options.now.getTime()) return finish(ctx, row, { status: "pending", dueAt: later }, "deferred");
  let message: Message | null;
  try {
    message = await render(payloadOf(row), recipient, row);
  } catch (error) {
    logger.error({ err: error, outbox: row.id, kind: row.kind }, "could not render notification");
    return finish(ctx, row, { status: "parked", lastError: `render: ${(error as Error).message}` }, "parked");
  }
  if (!message) return finish(ctx, row, { status: "cancelled", lastError: NO_LONGER_APPLIES }, "cancelled");

  const candidates = recipient.kind === "person" ? channels.forPerson(recipient.person) : channels.forArr(recipient.workspace);
  let last: DeliveryResult = { ok: false, error: "no channel can reach the recipient", unreachable: true };
  const unreachableIn: ChannelName[] = [];
  for (const channel of candidates) {
    const paused = health.pausedUntil.get(channel.name);
    if (paused && paused.getTime() > options.now.getTime()) return finish(ctx, row, { status: "pending", dueAt: paused }, "deferred");
    try {
      last = recipient.kind === "person" ? await channel.sendToPerson(recipient.person, message) : await channel.sendToArr(recipient.workspace, message);
    } catch (error) {
      last = { ok: false, error: (error as Error).message };
    }
    if (last.ok) {
      await db.outbox.updateMany({
        where: { id: row.id, claimedBy: row.claimedBy },
        data: { status: "sent", sentAt: options.now, channel: channel.name, claimedBy: null, claimedUntil: null, attempts: row.attempts + 1, lastError: null },
      });
      if (recipient.kind === "person" && recipient.person.unreachableSince) {
        await db.person.update({ where: { id: recipient.person.id }, data: { unreachableSince: null, unreachableReason: null } });
        batch.people.delete(recipient.person.id);
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
    if (!last.unreachable) break;
  }

  const attempts = row.attempts + 1;
  if (!last.ok && last.unreachable) {
    if (recipient.kind === "person") {
      await db.person.update({ where: { id: recipient.person.id }, data: { unreachableSince: options.now, unreachableReason: last.error.slice(0, 500) } });
      batch.people.delete(recipient.person.id);
      await options.onUnreachable?.(recipient.person, row);
    }
    logger.warn({ outbox: row.id, kind: row.kind }, "recipient unreachable in every channel; parked");
    return finish(ctx, row, { status: "parked", attempts, lastError: last.error }, "parked");
  }
  const error = last.ok ? "" : last.error;
  if ((!last.ok && last.permanent) || attempts >= maxAttempts) {
    logger.warn({ outbox: row.id, kind: row.kind, attempts }, "delivery failed; parked");
    return finish(ctx, row, { status: "parked", attempts, lastError: error }, "parked");
  }
  const wait = !last.ok && last.retryAfterMs !== undefined ? last.retryAfterMs : backoffMs(attempts);
  return finish(ctx, row, { status: "pending", attempts, lastError: error, dueAt: new Date(options.now.getTime() + wait) }, "retried");
}

/** lastError of a row whose template decided at send time that it has nothing left to say. */
export const NO_LONGER_APPLIES = "no longer applies";

async function finish<T extends string>(
  ctx: AppContext,
  row: Outbox,
  data: { status: string; attempts?: number; lastError?: string | null; dueAt?: Date },
  outcome: T,
): Promise<T> {
  // Only the holder of the claim may finish the row (a slower process whose lease ran out may not).
  await ctx.db.outbox.updateMany({ where: { id: row.id, claimedBy: row.claimedBy }, data: { ...data, claimedBy: null, claimedUntil: null } });
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
