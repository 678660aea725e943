// What the chat shows about sending to NAV: the offer on a confirmed plan, the questions
// (the contact person's phone, the national identity number), the sending status of a
// version; the notice when NAV has answered is its own kind (src/app/notify/kinds/navResult.ts). All text comes from the nav locale files.
import type { Block, Message } from "../../domain/messages/model.js";
import type { Command } from "../../domain/messages/commands.js";
import type { Db } from "../../db/client.js";
import type { Person } from "../../generated/prisma/client.js";
import { formatDate, type Locale, type Translate } from "../../i18n/index.js";
import { localDateOf } from "../../domain/time/zone.js";
import type { AppContext } from "../context.js";
import { NAV_RECIPIENTS, type NavRecipient } from "./plan.js";

type Env = { t: Translate; locale: Locale };

export function recipientsText(t: Translate, recipients: readonly string[]): string {
  const both = recipients.includes("nav") && recipients.includes("doctor");
  return both ? t("nav:recipients.both") : recipients.includes("nav") ? t("nav:recipients.nav") : t("nav:recipients.doctor");
}

/** Recipients this version has not reached and is not on its way to. */
export async function openRecipients(db: Db, planId: string, version: number): Promise<NavRecipient[]> {
  const rows = await db.navSubmission.findMany({ where: { planId, version } });
  return NAV_RECIPIENTS.filter((r) => !rows.some((s) => s.recipient === r && s.status !== "failed"));
}

/** "Send to NAV / to the doctor" under a confirmed version, for someone who may send it. */
export async function navOfferBlocks(ctx: Pick<AppContext, "db" | "config">, env: Env, planId: string, version: number): Promise<Block[]> {
  if (!ctx.config.nav) return [];
  const open = await openRecipients(ctx.db, planId, version);
  if (open.length === 0) return [];
  const command = (to: NavRecipient[]): Command => ({ type: "nav.send", planId, version, to });
  const buttons = [
    ...(open.length === 2 ? [{ label: env.t("nav:offer.both"), command: command(["nav", "doctor"]), style: "primary" as const }] : []),
    ...open.map((r) => ({ label: env.t(`nav:offer.${r}`), command: command([r]) })),
  ];
  return [
    { kind: "text", text: env.t("nav:offer.text", { version }), style: "muted" },
    { kind: "actions", buttons },
  ];
}

/** The sending status of a version (nothing when it was never sent). */
export async function navStatusBlocks(db: Db, env: Env, planId: string, version: number, timeZone: string): Promise<Block[]> {
  const rows = await db.navSubmission.findMany({ where: { planId, version }, orderBy: { recipient: "desc" } });
  if (rows.length === 0) return [];
  const fields = rows.map((row) => ({
    label: env.t(`nav:recipients.${row.recipient === "nav" ? "nav" : "doctor"}`),
    value:
      row.status === "sent" && row.sentAt
        ? env.t("nav:status.sent", { date: formatDate(localDateOf(row.sentAt, timeZone), env.locale, "short") })
        : row.status === "failed"
          ? env.t("nav:status.failed", { reason: errorText(env.t, row.errorType ?? "OTHER", "requester") })
          : env.t(row.status === "accepted" ? "nav:status.accepted" : "nav:status.queued"),
  }));
  return [{ kind: "text", text: env.t("nav:status.title", { version }), style: "muted" }, { kind: "fields", fields }];
}

/** A refusal in words the reader can act on; HR gets what HR must do. */
export function errorText(t: Translate, type: string, audience: "requester" | "hr"): string {
  const known = ["VALIDATION_ERROR", "AUTHENTICATION_ERROR", "NO_ACTIVE_SENT_SYKMELDING", "NO_ACTIVE_EMPLOYMENT", "GENERAL_PRACTITIONER_NOT_FOUND", "EMPLOYEE_NOT_FOUND", "FOLLOWUP_PLAN_NOT_FOUND", "UNAVAILABLE"];
  const key = known.includes(type) ? type : "OTHER";
  return t(audience === "hr" ? `nav:hr.${key}` : `nav:apiError.${key}`);
}

export function phoneQuestion(env: Env, leader: Person, submit: Command, replaceKey: string): Message {
  const label = env.t("nav:ask.phone.label", { name: leader.name });
  return {
    summary: label,
    replaceKey,
    blocks: [{ kind: "input", id: "nav_phone", label, hint: env.t("nav:ask.phone.hint"), input: { type: "text", multiline: false, maxLength: 30, placeholder: "+47 …" }, submit, submitLabel: env.t("nav:ask.next") }],
  };
}

export function nationalIdQuestion(env: Env, employee: Person, recipients: readonly string[], submit: Command, replaceKey: string, problem?: string): Message {
  const label = env.t("nav:ask.nationalId.label", { name: employee.name });
  const blocks: Block[] = [];
  if (problem) blocks.push({ kind: "text", text: problem, style: "warning" });
  blocks.push({ kind: "text", text: env.t("nav:ask.nationalId.intro", { name: employee.name, recipients: recipientsText(env.t, recipients) }) });
  blocks.push({ kind: "input", id: "nav_national_id", label, hint: env.t("nav:ask.nationalId.hint"), input: { type: "text", multiline: false, maxLength: 20, placeholder: env.t("nav:ask.nationalId.placeholder") }, submit, submitLabel: env.t("nav:ask.send"), sensitive: true });
  return { summary: label, replaceKey, blocks };
}
