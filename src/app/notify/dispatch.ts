// Sends what is due in the outbox. Rows are claimed with a lease (a token and an
// expiry) in one conditional UPDATE, so two processes on the same database never
// take the same row, and a process that dies mid-send leaves a row that is taken
// again when its lease runs out: nothing is lost.
import { randomUUID } from "node:crypto";
import type { Message } from "../../domain/messages/model.js";
import type { Outbox, Person, Workspace } from "../../generated/prisma/client.js";
import type { AppContext } from "../context.js";
import type { ChannelRegistry, DeliveryResult } from "./channels.js";
import { payloadOf, type NotificationPayload } from "./outbox.js";

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
}

export interface DispatchStats {
  claimed: number;
  sent: number;
  retried: number;
  parked: number;
  cancelled: number;
}

const DEFAULT_LEASE_MS = 2 * 60_000;
const DEFAULT_MAX_ATTEMPTS = 8;

/** Exponential backoff: 1, 2, 4 … minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export async function claimDue(ctx: AppContext, now: Date, limit: number, leaseMs: number): Promise<Outbox[]> {
  const { db } = ctx;
  const claimable = {
    OR: [
      { status: "pending", dueAt: { lte: now } },
      { status: "claimed", claimedUntil: { lt: now } },
    ],
  };
  const candidates = await db.outbox.findMany({ where: claimable, orderBy: { dueAt: "asc" }, take: limit, select: { id: true } });
  if (candidates.length === 0) return [];
  const token = randomUUID();
  await db.outbox.updateMany({
    where: { id: { in: candidates.map((c) => c.id) }, ...claimable },
    data: { status: "claimed", claimedBy: token, claimedUntil: new Date(now.getTime() + leaseMs) },
  });
  return db.outbox.findMany({ where: { claimedBy: token, status: "claimed" }, orderBy: { dueAt: "asc" } });
}

export async function dispatchDue(ctx: AppContext, channels: ChannelRegistry, render: NotificationRenderer, options: DispatchOptions): Promise<DispatchStats> {
  const stats: DispatchStats = { claimed: 0, sent: 0, retried: 0, parked: 0, cancelled: 0 };
  const rows = await claimDue(ctx, options.now, options.limit ?? 100, options.leaseMs ?? DEFAULT_LEASE_MS);
  stats.claimed = rows.length;
  if (options.afterClaim) await options.afterClaim(rows);
  for (const row of rows) {
    const outcome = await sendOne(ctx, channels, render, row, options);
    stats[outcome] += 1;
  }
  return stats;
}

async function sendOne(
  ctx: AppContext,
  channels: ChannelRegistry,
  render: NotificationRenderer,
  row: Outbox,
  options: DispatchOptions,
): Promise<"sent" | "retried" | "parked" | "cancelled"> {
  const { db, logger } = ctx;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const recipient = await resolveRecipient(ctx, row);
  if (!recipient) return finish(ctx, row, { status: "cancelled", lastError: "recipient not found" }, "cancelled");
  let message: Message | null;
  try {
    message = await render(payloadOf(row), recipient, row);
  } catch (error) {
    logger.error({ err: error, outbox: row.id, kind: row.kind }, "could not render notification");
    return finish(ctx, row, { status: "parked", lastError: `render: ${(error as Error).message}` }, "parked");
  }
  if (!message) return finish(ctx, row, { status: "cancelled", lastError: null }, "cancelled");

  const candidates = recipient.kind === "person" ? channels.forPerson(recipient.person) : channels.forArr(recipient.workspace);
  let last: DeliveryResult = { ok: false, error: "no channel can reach the recipient", unreachable: true };
  for (const channel of candidates) {
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
      }
      return "sent";
    }
    // Unreachable here: try the person's next channel. Anything else: retry later in the same order.
    if (!last.unreachable) break;
  }

  const attempts = row.attempts + 1;
  if (!last.ok && last.unreachable) {
    if (recipient.kind === "person") {
      await db.person.update({ where: { id: recipient.person.id }, data: { unreachableSince: options.now, unreachableReason: last.error.slice(0, 500) } });
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

async function resolveRecipient(ctx: AppContext, row: Outbox): Promise<Recipient | undefined> {
  if (row.target === "arr") {
    const params = payloadOf(row).params;
    const workspaceId = typeof params.workspaceId === "string" ? params.workspaceId : undefined;
    const workspace = workspaceId ? await ctx.db.workspace.findUnique({ where: { id: workspaceId } }) : null;
    return workspace ? { kind: "arr", workspace } : undefined;
  }
  if (!row.recipientId) return undefined;
  const person = await ctx.db.person.findUnique({ where: { id: row.recipientId } });
  return person ? { kind: "person", person } : undefined;
}
