// What each kind of outbox row says, rendered when it is sent (in the recipient's
// language, from the state of things then): a notice about a report, a plan to
// review, an invitation to the other side of the dialogue, the ARR summary.
import type { Message } from "../../domain/messages/model.js";
import { buildArrSummary } from "../../domain/plan/arrSummary.js";
import { parsePlanContent } from "../../domain/plan/model.js";
import { milestoneTitleKey } from "../../domain/milestones/index.js";
import { translator, type Locale } from "../../i18n/index.js";
import type { Outbox, Person } from "../../generated/prisma/client.js";
import type { AppContext } from "../context.js";
import { currentCase, readCases } from "../cases.js";
import { todayFor } from "../people.js";
import { localeFor } from "../locale.js";
import { workspaceLocale } from "../workspaces.js";
import { planVersionMessage } from "../conversation/planMessages.js";
import { date, nextMilestone } from "../conversation/views.js";
import { hasConsent } from "../consents.js";
import { settlementFactsOfCase } from "../settlement.js";
import { agreementLines, parseAgreement } from "../../domain/agreement/index.js";
import type { NotificationRenderer } from "./dispatch.js";
import type { NotificationPayload } from "./outbox.js";
import { navOfferBlocks } from "../nav/messages.js";

type Params = Record<string, unknown>;
type Env = { ctx: AppContext; t: ReturnType<typeof translator>; locale: Locale; today: string };
export type TemplateEnv = Env;
/** `row` is the outbox row being sent (templates that need its time or key read it). */
export type Template = (env: Env, params: Params, recipient: Person | null, row?: Outbox) => Promise<Message | null>;

const str = (v: unknown): string => (typeof v === "string" ? v : String(v ?? ""));

async function personById(env: Env, id: unknown): Promise<Person | null> {
  return typeof id === "string" ? env.ctx.db.person.findUnique({ where: { id } }) : null;
}

/** Notifications of the conversation core; the composition root adds the scheduler's and the channels' own. */
export const CORE_TEMPLATES: Readonly<Record<string, Template>> = {
  async report_notice(env, params) {
    const employee = await personById(env, params.employeeId);
    const period = await env.ctx.db.absencePeriod.findUnique({ where: { id: str(params.periodId) } });
    if (!employee || !period) return null;
    const current = currentCase(await readCases(env.ctx.db, employee, env.today, env.ctx.clock()));
    const next = current ? nextMilestone(current.result, await settlementFactsOfCase(env.ctx.db, current.row.id, employee.timeZone)) : undefined;
    const { t } = env;
    const text = t("bot:notice.report", { name: employee.name, start: date(env, period.startDate), grade: period.grade });
    const lines = [
      period.endDate ? t("bot:notice.expectedEnd", { date: date(env, period.endDate) }) : t("bot:notice.endUnknown"),
      next ? t("bot:notice.next", { milestone: t(milestoneTitleKey(next.id)), date: date(env, next.due) }) : "",
      t("bot:notice.noDiagnosis"),
    ].filter(Boolean);
    // The whole follow-up agreement she made before she was sick, her own task list included.
    const agreement = agreementLines(t, employee.name, parseAgreement(employee.contactPreferences));
    return {
      summary: text,
      blocks: [
        { kind: "text", text, style: "heading" },
        { kind: "text", text: lines.join("\n") },
        { kind: "text", text: agreement.join("\n") },
        { kind: "actions", buttons: [{ label: t("bot:buttons.planFor", { name: employee.name }), command: { type: "plan", employeeId: employee.id }, style: "primary" }, { label: t("bot:buttons.status"), command: { type: "status" } }] },
      ],
    };
  },
  async measure_proposed(env, params) {
    const employee = await personById(env, params.employeeId);
    if (!employee) return null;
    const titles = Array.isArray(params.titles) ? params.titles.map(str) : [];
    const text = env.t("proposal:notice", { name: employee.name, count: titles.length });
    return {
      summary: text,
      blocks: [
        { kind: "text", text },
        ...(titles.length > 0 ? [{ kind: "text" as const, text: titles.map((title) => `• ${title}`).join("\n") }] : []),
        { kind: "text", text: env.t("proposal:noticeHint"), style: "muted" },
        { kind: "actions", buttons: [{ label: env.t("bot:buttons.planFor", { name: employee.name }), command: { type: "plan", employeeId: employee.id }, style: "primary" }] },
      ],
    };
  },
  async change_notice(env, params) {
    const employee = await personById(env, params.employeeId);
    if (!employee) return null;
    const text = env.t(`bot:notice.change.${str(params.change)}`, { name: employee.name });
    return { summary: text, blocks: [{ kind: "text", text }] };
  },
  async dialogue_invite(env, params) {
    const employee = await personById(env, params.employeeId);
    const from = await personById(env, params.from);
    if (!employee || !from) return null;
    const forLeader = params.dialogue === "leader_followup";
    const text = env.t(forLeader ? "bot:notice.inviteLeader" : "bot:notice.inviteEmployee", { name: from.name });
    return {
      summary: text,
      blocks: [
        { kind: "text", text },
        { kind: "actions", buttons: [{ label: env.t(forLeader ? "bot:buttons.planFor" : "bot:buttons.plan", { name: employee.name }), command: forLeader ? { type: "plan", employeeId: employee.id } : { type: "plan" }, style: "primary" }] },
      ],
    };
  },
  async plan_review(env, params, recipient) {
    if (!recipient) return null;
    const plan = await env.ctx.db.plan.findUnique({ where: { id: str(params.planId) } });
    if (!plan || plan.latestVersion !== Number(params.version)) return null; // a newer version replaced it
    return planVersionMessage(env, recipient, plan.id, Number(params.version), "employee");
  },
  async plan_confirmed(env, params) {
    const employee = await personById(env, params.employeeId);
    if (!employee) return null;
    const text = env.t("bot:notice.planConfirmed", { name: employee.name, version: params.version });
    const offer = await navOfferBlocks(env.ctx, env, str(params.planId), Number(params.version));
    return { summary: text, blocks: [{ kind: "text", text, style: "success" }, { kind: "actions", buttons: [{ label: env.t("bot:buttons.planFor", { name: employee.name }), command: { type: "plan", employeeId: employee.id } }] }, ...offer] };
  },
  async plan_disagreed(env, params) {
    const employee = await personById(env, params.employeeId);
    if (!employee) return null;
    const text = env.t("bot:notice.planDisagreed", { name: employee.name, version: params.version });
    return { summary: text, blocks: [{ kind: "text", text, style: "warning" }, { kind: "actions", buttons: [{ label: env.t("bot:buttons.planFor", { name: employee.name }), command: { type: "plan", employeeId: employee.id } }] }] };
  },
  async plan_not_needed(env, params) {
    const plan = await env.ctx.db.plan.findUnique({ where: { id: str(params.planId) } });
    const leader = await personById(env, params.leaderId);
    const employee = plan ? await personById(env, plan.employeeId) : null;
    if (!plan || !employee) return null;
    const content = parsePlanContent(JSON.parse(plan.draft ?? "{}"));
    const text = env.t("bot:notice.planNotNeeded", { name: employee.name, leader: leader?.name ?? "", reason: content.exception ? env.t(`plan:exception.reason.${content.exception.reason}`) : "" });
    return { summary: text, blocks: [{ kind: "text", text }, ...(content.exception?.text ? [{ kind: "text" as const, text: content.exception.text, style: "muted" as const }] : [])] };
  },
  async substitute_hr_notice(env, params) {
    const row = await env.ctx.db.leaderSubstitution.findUnique({ where: { id: str(params.substitutionId) }, include: { leader: true, substitute: true } });
    if (!row || row.endedAt) return null; // ended before HR heard of it: nothing to say
    const until = row.untilDate ? date(env, row.untilDate) : env.t("reminders:substitute.openEnd");
    const text = env.t("reminders:substitute.hrNotice", { leader: row.leader.name, substitute: `${row.substitute.name} (${row.substitute.email})`, from: date(env, row.fromDate), until });
    return { summary: text, blocks: [{ kind: "text", text }] };
  },
  async arr_summary(env, params) {
    const plan = await env.ctx.db.plan.findUnique({ where: { id: str(params.planId) } });
    const employee = plan ? await personById(env, plan.employeeId) : null;
    if (!plan || !employee || !plan.caseId) return null;
    // Consent is checked again at send time: a withdrawal in between stops the post.
    if (!(await hasConsent(env.ctx.db, employee.id, "arr_summary"))) return null;
    const confirmed = await env.ctx.db.planVersion.findFirst({ where: { planId: plan.id, reviewStatus: "confirmed" }, orderBy: { version: "desc" } });
    if (!confirmed) return null;
    const content = parsePlanContent(JSON.parse(confirmed.content));
    if (!content.arrConsent) return null;
    const current = currentCase(await readCases(env.ctx.db, employee, todayFor(employee, env.ctx.clock()), env.ctx.clock()));
    const theCase = current && current.row.id === plan.caseId ? current : undefined;
    const sickCase = await env.ctx.db.sickCase.findUnique({ where: { id: plan.caseId } });
    if (!sickCase) return null;
    const next = theCase ? nextMilestone(theCase.result, await settlementFactsOfCase(env.ctx.db, theCase.row.id, employee.timeZone)) : undefined;
    return buildArrSummary({
      caseKey: plan.caseId,
      employeeName: employee.name,
      caseStart: sickCase.startDate,
      weeks: theCase?.result.weeks ?? Math.floor(sickCase.sickDays / 7),
      grade: theCase?.result.gradeNow ?? theCase?.result.gradeAtEnd ?? 100,
      ...(next ? { nextMilestone: { id: next.id, titleKey: milestoneTitleKey(next.id), due: next.due } } : {}),
      content,
      version: confirmed.version,
      locale: env.locale,
      t: env.t,
    });
  },
};

/** A compact line from the stored contact-preference answers (labels as the employee saw them). */
export type TemplateRegistry = Readonly<Record<string, Template>>;

/**
 * The renderer the dispatcher uses: a person's own language, or the workspace default for ARR.
 * `templates` is every template the process knows, built once by the composition root.
 */
export function createNotificationRenderer(ctx: AppContext, templates: TemplateRegistry, arrLocale: Locale = "nb"): NotificationRenderer {
  return async (payload: NotificationPayload, recipient, row) => {
    const template = Object.hasOwn(templates, payload.template) ? templates[payload.template] : undefined;
    if (!template) throw new Error(`Unknown notification template ${payload.template}`);
    const person = recipient.kind === "person" ? recipient.person : null;
    // A person reads their own language; the ARR channel the language its workspace chose.
    const locale = person ? await localeFor(ctx.db, person) : recipient.kind === "arr" ? workspaceLocale(recipient.workspace, arrLocale) : arrLocale;
    const today = person ? todayFor(person, ctx.clock()) : todayFor({ timeZone: ctx.config.TZ_DEFAULT }, ctx.clock());
    return template({ ctx, t: translator(locale), locale, today }, payload.params, person, row);
  };
}
