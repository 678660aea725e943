// Asking for a plan version to be sent to NAV and/or the doctor: who may, what is
// checked before anything leaves (the national identity number, NAV's rules, a version
// already sent), and the outbox job that does the sending. The national identity number
// is kept only in that job's row, and only until NAV has accepted the plan.
import type { Person } from "../../generated/prisma/client.js";
import { missingNavSettings } from "../../config/env.js";
import { nationalIdProblem, normalizeNationalId } from "../../domain/nav/nationalId.js";
import { isPhoneNumber } from "../directory/csvFormat.js";
import type { AppContext } from "../context.js";
import { authorize, type Relation } from "../access.js";
import { audit, type Actor } from "../audit.js";
import { UserError } from "../errors.js";
import { JOB_TARGET } from "../notify/dispatch.js";
import { enqueue } from "../notify/outbox.js";
import { buildNavDto, plannedRecipients, sendablePlan, type NavRecipient, type SendablePlan } from "./plan.js";

export const NAV_SEND_KIND = "nav_send";


export function navConfigured(ctx: Pick<AppContext, "config">): boolean {
  return ctx.config.nav !== undefined;
}

/** Fails with the settings that are missing when sending to NAV is not configured. */
export function requireNavConfigured(ctx: Pick<AppContext, "config">): void {
  if (navConfigured(ctx)) return;
  throw new UserError("nav:errors.notConfigured", { missing: missingNavSettings(ctx.config).join(", ") });
}

/** The payload of a NAV job row. `nationalId` is there until NAV accepted the plan, then wiped. */
export interface NavJobParams {
  phase: "submit" | "poll";
  planId: string;
  version: number;
  employeeId: string;
  recipients: NavRecipient[];
  nationalId?: string;
  contactPhone: string;
  requestedById?: string;
  navUuid?: string;
  polls?: number;
}

export interface SendRequest {
  employee: Person;
  /** The person asking (chat); undefined for an operator at the CLI. */
  requester?: Person;
  actor: Actor;
  version?: number;
  planId?: string;
  nationalId: string;
  recipients?: NavRecipient[];
  /** The contact person's phone when the directory has none. */
  contactPhone?: string;
  today: string;
}

export interface SendRequested {
  sendable: SendablePlan;
  recipients: NavRecipient[];
  /** Recipients left out because this version is already with them or on its way. */
  already: NavRecipient[];
  outboxKey?: string;
}

/** The requester's relation to the employee, refused unless they may send. */
export async function requireMaySend(ctx: AppContext, requester: Person, employee: Person, today: string): Promise<Relation> {
  // The rule is the permission table's (src/app/access.ts): leader, substitute or HR; not the employee,
  // who gets the plan herself and may hand it to her doctor.
  return authorize(ctx.db, requester, employee, "plan.sendToNav", today);
}

export async function requestNavSend(ctx: AppContext, req: SendRequest): Promise<SendRequested> {
  requireNavConfigured(ctx);
  if (req.requester) await requireMaySend(ctx, req.requester, req.employee, req.today);
  const { db } = ctx;
  const sendable = await sendablePlan(db, req.employee, req.version, req.planId);
  const wanted = dedupe(req.recipients ?? plannedRecipients(sendable.version));
  if (wanted.length === 0) throw new UserError("nav:errors.noRecipient");
  const problem = nationalIdProblem(req.nationalId);
  if (problem) throw new UserError(`nav:errors.nationalId.${problem}`);
  const nationalId = normalizeNationalId(req.nationalId);
  const contactPhone = (req.contactPhone ?? sendable.leader.phone ?? "").trim();
  if (!contactPhone) throw new UserError("nav:errors.noPhone", { name: sendable.leader.name });
  if (!isPhoneNumber(contactPhone)) throw new UserError("nav:errors.badPhone", { value: contactPhone });

  const existing = await db.navSubmission.findMany({ where: { planId: sendable.plan.id, version: sendable.version.version } });
  const already = wanted.filter((r) => existing.some((s) => s.recipient === r && s.status !== "failed"));
  const recipients = wanted.filter((r) => !already.includes(r));
  if (recipients.length === 0) return { sendable, recipients, already };
  // Everything NAV would refuse is refused here, before the job exists.
  buildNavDto(sendable, { nationalId, recipients, contactPhone });

  const outboxKey = await db.$transaction(async (tx) => {
    let tries = 1;
    for (const recipient of recipients) {
      const key = { planId: sendable.plan.id, version: sendable.version.version, recipient };
      const row = await tx.navSubmission.findUnique({ where: { planId_version_recipient: key } });
      if (!row) {
        await tx.navSubmission.create({ data: { ...key, status: "queued", requestedById: req.requester?.id ?? null } });
      } else {
        // Only a refused or failed one is asked for again (checked above, re-checked here against a race).
        const updated = await tx.navSubmission.updateMany({
          where: { id: row.id, status: "failed" },
          data: { status: "queued", tries: row.tries + 1, errorType: null, requestedById: req.requester?.id ?? null },
        });
        if (updated.count === 0) throw new UserError("nav:errors.alreadySent", { recipients: recipient });
        tries = Math.max(tries, row.tries + 1);
      }
    }
    // One key per version, recipients and request: a repeated click finds the row and adds nothing.
    const key = `nav:${sendable.plan.id}:v${sendable.version.version}:${recipients.join("+")}:${tries}`;
    const params: NavJobParams = {
      phase: "submit",
      planId: sendable.plan.id,
      version: sendable.version.version,
      employeeId: req.employee.id,
      recipients,
      nationalId,
      contactPhone,
      ...(req.requester ? { requestedById: req.requester.id } : {}),
    };
    await enqueue(tx, {
      key,
      kind: NAV_SEND_KIND,
      target: JOB_TARGET,
      ...(req.requester ? { recipientId: req.requester.id } : {}),
      payload: { template: NAV_SEND_KIND, params: params as unknown as Record<string, unknown> },
      dueAt: ctx.clock(),
      ...(sendable.plan.caseId ? { caseId: sendable.plan.caseId } : {}),
    });
    await tx.navSubmission.updateMany({ where: { planId: sendable.plan.id, version: sendable.version.version, recipient: { in: recipients } }, data: { outboxKey: key } });
    // The audit names what was sent where, never the national identity number.
    await audit(tx, { actor: req.actor, subjectId: req.employee.id, action: "change", entity: "plan", entityId: sendable.plan.id, detail: { op: "nav_send", version: sendable.version.version, recipients } });
    return key;
  });
  return { sendable, recipients, already, outboxKey };
}

function dedupe(recipients: NavRecipient[]): NavRecipient[] {
  return [...new Set(recipients)];
}
