// The outbox job that sends a plan version to NAV's LPS API. Rows are claimed with the
// outbox's lease, so two processes never send the same row. A 5xx, a 429, a timeout or
// a network error waits and tries again (exponential backoff, NAV's Retry-After); NAV's
// refusals (ApiError) are final and told to the sender, and to HR where HR must act.
// When NAV has accepted the plan the national identity number is wiped from the row,
// which from then on only asks for the sending status until NAV and the doctor have it.
import type { Outbox, Person } from "../../generated/prisma/client.js";
import type { AppContext } from "../context.js";
import { backoffMs, claimDue, JOB_TARGET } from "../notify/dispatch.js";
import { enqueue, payloadOf } from "../notify/outbox.js";
import { isHrAdmin } from "../people.js";
import { UserError } from "../errors.js";
import type { LpsClient, LpsOutcome, NavApiErrorType, SendingStatus } from "../../integrations/nav/lps.js";
import { buildNavDto, sendablePlan, type NavRecipient } from "./plan.js";
import { NAV_SEND_KIND, type NavJobParams } from "./send.js";
import { settlePlanSentToDoctor } from "./settle.js";
import { dialectOf } from "../../db/client.js";
import type { KindPayload } from "../notify/kinds/index.js";

const MAX_ATTEMPTS = 8;
/** Sending-status checks after NAV accepted the plan (backoff to an hour: about a day in all). */
const MAX_POLLS = 30;
const LEASE_MS = 2 * 60_000;

/** Refusals HR must act on (the integration, the employment, something we got wrong), besides the sender. */
export const HR_ERROR_TYPES: readonly string[] = ["AUTHENTICATION_ERROR", "NO_ACTIVE_EMPLOYMENT", "VALIDATION_ERROR", "FOLLOWUP_PLAN_NOT_FOUND", "OTHER", "UNAVAILABLE"];

export interface NavJobStats {
  claimed: number;
  sent: number;
  accepted: number;
  retried: number;
  refused: number;
  parked: number;
  lost: number;
}

export type NavResultOutcome = "sent" | "refused" | "unavailable" | "statusUnknown";

export interface NavResultParams {
  outcome: NavResultOutcome;
  audience: "requester" | "hr" | "employee";
  planId: string;
  version: number;
  employeeId: string;
  recipients: NavRecipient[];
  errorType?: string;
}

/** What the jobs need beyond the context: the composition root's one way to re-plan a person. */
export type NavJobContext = AppContext & { caseChanged(personId: string): Promise<void> };

export async function runNavJobs(ctx: NavJobContext, lps: LpsClient, now: Date, limit = 20): Promise<NavJobStats> {
  const stats: NavJobStats = { claimed: 0, sent: 0, accepted: 0, retried: 0, refused: 0, parked: 0, lost: 0 };
  const rows = await claimDue(ctx, now, limit, LEASE_MS, { target: JOB_TARGET, kind: NAV_SEND_KIND });
  stats.claimed = rows.length;
  for (const row of rows) {
    try {
      stats[await processRow(ctx, lps, row, now)] += 1;
    } catch (error) {
      // A bug must not keep the number: park the row without it.
      ctx.logger.error({ err: error, outbox: row.id }, "nav job failed");
      await finish(ctx, row, withoutNationalId(row), { status: "parked", lastError: `internal: ${(error as Error).message}`.slice(0, 500) });
      stats.parked += 1;
    }
  }
  return stats;
}

async function processRow(ctx: NavJobContext, lps: LpsClient, row: Outbox, now: Date): Promise<Exclude<keyof NavJobStats, "claimed">> {
  const { db } = ctx;
  const params = payloadOf(row).params as unknown as NavJobParams;
  const employee = await db.person.findUnique({ where: { id: params.employeeId } });
  if (!employee) {
    await finish(ctx, row, withoutNationalId(row), { status: "cancelled", lastError: "employee not found" });
    return "refused";
  }
  // Still ours? (A process whose lease ran out must not send a row another has taken.)
  const renewed = await db.outbox.updateMany({ where: { id: row.id, claimedBy: row.claimedBy, status: "claimed" }, data: { claimedUntil: new Date(now.getTime() + LEASE_MS) } });
  if (renewed.count === 0) return "lost";

  if (params.phase === "submit") {
    if (!params.nationalId) {
      await finish(ctx, row, params, { status: "parked", lastError: "no national identity number" });
      return "parked";
    }
    let outcome: LpsOutcome<SendingStatus>;
    try {
      const sendable = await sendablePlan(db, employee, params.version, params.planId);
      outcome = await lps.submit(buildNavDto(sendable, { nationalId: params.nationalId, recipients: params.recipients, contactPhone: params.contactPhone }));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      outcome = { ok: false, retryable: false, type: "VALIDATION_ERROR", status: 0, message: error.key };
    }
    if (outcome.ok) {
      // Accepted: NAV has the plan under its uuid, and we no longer need the number.
      const next: NavJobParams = { ...stripNationalId(params), phase: "poll", navUuid: outcome.value.uuid, polls: 0 };
      await db.navSubmission.updateMany({ where: submissionsOf(params), data: { status: "accepted", navUuid: outcome.value.uuid } });
      const done = await applyStatus(ctx, params, employee, outcome.value, now);
      await finish(ctx, row, next, done ? { status: "sent", sentAt: now, attempts: row.attempts + 1, lastError: null } : { status: "pending", dueAt: new Date(now.getTime() + backoffMs(1)), attempts: row.attempts + 1, lastError: null });
      await forgetFreedPages(ctx);
      ctx.logger.info({ outbox: row.id, navUuid: outcome.value.uuid, done }, "plan accepted by NAV");
      return done ? "sent" : "accepted";
    }
    return failed(ctx, row, params, employee, outcome, now);
  }

  if (!params.navUuid) {
    await finish(ctx, row, params, { status: "parked", lastError: "no NAV uuid to ask about" });
    return "parked";
  }
  const outcome = await lps.sendingStatus(params.navUuid);
  if (outcome.ok) {
    const done = await applyStatus(ctx, params, employee, outcome.value, now);
    const polls = (params.polls ?? 0) + 1;
    if (done) {
      await finish(ctx, row, { ...params, polls }, { status: "sent", sentAt: now, lastError: null });
      return "sent";
    }
    if (polls >= MAX_POLLS) {
      // NAV keeps the plan; it has just not told us it passed it on. The plan view keeps saying "accepted".
      await finish(ctx, row, { ...params, polls }, { status: "parked", lastError: "NAV accepted the plan but never confirmed it reached every recipient" });
      return "parked";
    }
    await finish(ctx, row, { ...params, polls }, { status: "pending", dueAt: new Date(now.getTime() + backoffMs(polls + 1)), lastError: null });
    return "accepted";
  }
  return failed(ctx, row, params, employee, outcome, now);
}

async function failed(ctx: AppContext, row: Outbox, params: NavJobParams, employee: Person, outcome: Extract<LpsOutcome<unknown>, { ok: false }>, now: Date): Promise<"retried" | "refused" | "parked"> {
  const { db } = ctx;
  const attempts = row.attempts + 1;
  if (outcome.retryable && attempts < MAX_ATTEMPTS) {
    const wait = outcome.retryAfterMs ?? backoffMs(attempts);
    ctx.logger.warn({ outbox: row.id, attempts, status: outcome.status }, "NAV unavailable; trying again later");
    await finish(ctx, row, params, { status: "pending", attempts, dueAt: new Date(now.getTime() + wait), lastError: outcome.message.slice(0, 500) });
    return "retried";
  }
  const errorType = outcome.retryable ? "UNAVAILABLE" : outcome.type;
  ctx.logger.warn({ outbox: row.id, errorType, status: outcome.status, phase: params.phase }, "NAV did not take the plan");
  if (params.phase === "poll" && errorType !== "FOLLOWUP_PLAN_NOT_FOUND") {
    // NAV has the plan (it gave us a uuid); only asking for its status fails. The plan view keeps
    // saying "accepted by NAV", and HR hears that we can no longer follow it.
    await finish(ctx, row, params, { status: "parked", attempts, lastError: `${errorType}: ${outcome.message}`.slice(0, 500) });
    const { requestedById: _sender, ...forHr } = params;
    await tell(ctx, row, forHr, employee, { outcome: "statusUnknown", errorType }, now, "hrOnly");
    return "parked";
  }
  if (params.phase === "submit") {
    await db.navSubmission.updateMany({ where: submissionsOf(params), data: { status: "failed", errorType } });
  } else if (errorType === "FOLLOWUP_PLAN_NOT_FOUND") {
    // NAV lost track of a plan it accepted: whatever was not confirmed may be sent again.
    await db.navSubmission.updateMany({ where: { ...submissionsOf(params), status: "accepted" }, data: { status: "failed", errorType } });
  }
  // Refused or given up: either way the number leaves the database now.
  await finish(ctx, row, stripNationalId(params), { status: outcome.retryable ? "parked" : "cancelled", attempts, lastError: `${errorType}: ${outcome.message}`.slice(0, 500) });
  await forgetFreedPages(ctx);
  await tell(ctx, row, params, employee, { outcome: outcome.retryable ? "unavailable" : "refused", errorType }, now);
  return outcome.retryable ? "parked" : "refused";
}

/** Records what NAV confirmed; true when every recipient of the row has the plan. */
async function applyStatus(ctx: NavJobContext, params: NavJobParams, employee: Person, status: SendingStatus, now: Date): Promise<boolean> {
  const { db } = ctx;
  const newly: NavRecipient[] = [];
  for (const recipient of params.recipients) {
    const has = recipient === "nav" ? status.sentToNav : status.sentToGeneralPractitioner;
    if (!has) continue;
    const changed = await db.navSubmission.updateMany({
      where: { planId: params.planId, version: params.version, recipient, status: { not: "sent" } },
      data: { status: "sent", sentAt: now, navUuid: status.uuid },
    });
    if (changed.count === 0) continue;
    newly.push(recipient);
    // Recorded on the version itself: this version is with NAV / with the doctor.
    await db.planVersion.updateMany({ where: { planId: params.planId, version: params.version }, data: recipient === "nav" ? { sentToNavAt: now } : { sentToDoctorAt: now } });
    if (recipient === "doctor") await settlePlanSentToDoctor(ctx, params.planId, params.requestedById, now);
  }
  if (newly.length > 0) {
    await tell(ctx, undefined, params, employee, { outcome: "sent", recipients: newly }, now);
    await ctx.caseChanged(employee.id);
  }
  const rows = await db.navSubmission.findMany({ where: submissionsOf(params) });
  return rows.length > 0 && rows.every((r) => r.status === "sent");
}

/** Notices through the outbox, in each reader's language, rendered by the nav_result template. */
async function tell(ctx: AppContext, row: Outbox | undefined, params: NavJobParams, employee: Person, what: { outcome: NavResultOutcome; errorType?: string; recipients?: NavRecipient[] }, now: Date, only?: "hrOnly"): Promise<void> {
  const recipients = what.recipients ?? params.recipients;
  const base = { outcome: what.outcome, planId: params.planId, version: params.version, employeeId: params.employeeId, recipients, ...(what.errorType ? { errorType: what.errorType } : {}) };
  const tag = `${params.planId}:v${params.version}:${recipients.join("+")}:${what.outcome}:${row?.id ?? "status"}`;
  // Due at the job's own instant, so the dispatch that follows in the same run sends them.
  const send = (person: Pick<Person, "id">, audience: NavResultParams["audience"]) =>
    enqueue(ctx.db, { key: `nav_result:${tag}:${person.id}`, kind: "nav_result", recipientId: person.id, payload: { template: "nav_result", params: { ...base, audience } } satisfies KindPayload, dueAt: now });
  if (params.requestedById) await send({ id: params.requestedById }, "requester");
  if (what.outcome === "sent") {
    // The employee sees where their plan went (trust: nothing about them happens behind their back).
    await send(employee, "employee");
    return;
  }
  if (only === "hrOnly" || what.outcome === "unavailable" || HR_ERROR_TYPES.includes(what.errorType ?? "")) {
    const hr = (await ctx.db.person.findMany({ where: { roles: { contains: "hr" } } })).filter((p) => isHrAdmin(p) && p.id !== params.requestedById);
    for (const person of hr) await send(person, "hr");
  }
}

function submissionsOf(params: NavJobParams) {
  return { planId: params.planId, version: params.version, recipient: { in: params.recipients } };
}

function stripNationalId(params: NavJobParams): NavJobParams {
  const { nationalId: _gone, ...rest } = params;
  return rest;
}

function withoutNationalId(row: Outbox): NavJobParams {
  return stripNationalId(payloadOf(row).params as unknown as NavJobParams);
}

async function finish(
  ctx: AppContext,
  row: Outbox,
  params: NavJobParams,
  data: { status: string; attempts?: number; lastError?: string | null; dueAt?: Date; sentAt?: Date },
): Promise<void> {
  const payload = JSON.stringify({ template: NAV_SEND_KIND, params });
  await ctx.db.outbox.updateMany({ where: { id: row.id, claimedBy: row.claimedBy }, data: { ...data, payload, claimedBy: null, claimedUntil: null } });
}

/**
 * SQLite keeps an overwritten value in free space and in the write-ahead log until they are
 * reused; with secure_delete on (src/db/client.ts) the page is zeroed, and a checkpoint that
 * truncates the WAL drops its old copy. Best effort: a reader still using the WAL only delays it.
 * PostgreSQL has neither: the old row version stays in the table until VACUUM reuses its space.
 */
async function forgetFreedPages(ctx: AppContext): Promise<void> {
  if (dialectOf(ctx.db) !== "sqlite") return;
  try {
    await ctx.db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not checkpoint the database after wiping a national identity number");
  }
}

export type { NavApiErrorType };
