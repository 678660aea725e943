// What the scheduler's reminders say, rendered when they are sent (in the recipient's
// language, from the state of things then). Whether a row is still wanted — the milestone
// not settled, the case not ended, no newer reminder of its series due, not too late — is
// not asked here: the composition root asks the pure planner before rendering
// (ReminderPlanner.stillWanted), so the rules that plan a reminder are the rules that keep it.
// A template returns null only when what it would show is gone.
import type { Button, Message } from "../../domain/messages/model.js";
import { isPlanDecisionMilestone, isPlanMilestone, milestoneTitleKey, milestoneWhatKey, settlementOf, type MilestoneId } from "../../domain/milestones/index.js";
import { getDialogue } from "../../domain/dialogue/definitions/index.js";
import { progress } from "../../domain/dialogue/navigation.js";
import type { SessionState } from "../../domain/dialogue/state.js";
import type { ReminderSettings } from "../../domain/reminders/index.js";
import { daysBetween, type IsoDate } from "../../domain/time/localDate.js";
import { localDateOf } from "../../domain/time/zone.js";
import { formatDate } from "../../i18n/index.js";
import type { Person } from "../../generated/prisma/client.js";
import { hasConsent } from "../consents.js";
import { readCases } from "../cases.js";
import { isHrAdmin } from "../people.js";
import type { Template, TemplateEnv } from "../notify/templates.js";
import { durationText, visibleMilestones } from "../conversation/views.js";
import { settlementFactsOf } from "../settlement.js";

const DAY_MS = 86_400_000;


const str = (v: unknown): string => (typeof v === "string" ? v : String(v ?? ""));
const dateText = (env: TemplateEnv, iso: string) => formatDate(iso, env.locale);

function text(value: string, style?: "heading" | "muted" | "warning" | "success"): Message["blocks"][number] {
  return style ? { kind: "text", text: value, style } : { kind: "text", text: value };
}

async function personById(env: TemplateEnv, id: unknown): Promise<Person | null> {
  return typeof id === "string" ? env.ctx.db.person.findUnique({ where: { id } }) : null;
}



function dueLine(env: TemplateEnv, due: IsoDate): string {
  const days = daysBetween(env.today, due);
  const date = dateText(env, due);
  if (days > 0) return env.t("reminders:nudge.dueIn", { count: days, date });
  if (days === 0) return env.t("reminders:nudge.dueToday", { date });
  return env.t("reminders:nudge.overdue", { count: -days, date });
}

const nudge: Template = async (env, params, recipient) => {
  if (!recipient) return null;
  const caseId = str(params.caseId);
  const milestoneId = str(params.milestoneId);
  const due = str(params.due);
  const sickCase = await env.ctx.db.sickCase.findUnique({ where: { id: caseId }, include: { person: true } });
  if (!sickCase || sickCase.voidedAt) return null;
  const isSnoozeNudge = str(params.offset).startsWith("snooze-");
  const employee = sickCase.person;

  const { t } = env;
  const title = t(milestoneTitleKey(milestoneId as MilestoneId));
  const heading = t("reminders:nudge.heading", { milestone: title, name: employee.name });
  const lines = [dueLine(env, due), t(milestoneWhatKey(milestoneId as MilestoneId))];
  if (isSnoozeNudge) lines.unshift(t("reminders:nudge.snoozed"));
  const blocks: Message["blocks"] = [text(heading, "heading"), text(lines.join("\n"))];
  if (employee.leaderId && employee.leaderId !== recipient.id) {
    const leader = await personById(env, employee.leaderId);
    if (leader) blocks.push(text(t("reminders:nudge.covering", { leader: leader.name }), "muted"));
  } else if (!employee.leaderId) {
    blocks.push(text(t("reminders:nudge.noLeader", { name: employee.name }), "muted"));
  }
  const milestone = (action: "done" | "snooze", snoozeDays?: number) => ({ type: "milestone" as const, caseId, milestoneId, action, ...(snoozeDays ? { snoozeDays } : {}) });
  const buttons: Button[] = [{ label: t("reminders:nudge.buttons.done"), command: milestone("done"), style: "primary" }];
  if (isPlanMilestone(milestoneId)) {
    buttons.push({ label: t("reminders:nudge.buttons.plan"), command: { type: "plan", employeeId: employee.id } });
  }
  buttons.push({ label: t("reminders:nudge.buttons.tomorrow"), command: milestone("snooze", 1) }, { label: t("reminders:nudge.buttons.later"), command: milestone("snooze", 3) });
  if (isPlanDecisionMilestone(milestoneId)) {
    buttons.push({ label: t("reminders:nudge.buttons.notNeeded"), command: { type: "milestone", caseId, milestoneId, action: "open_not_needed" } });
  }
  blocks.push({ kind: "actions", buttons });
  return { summary: heading, blocks };
};

const escalation: Template = async (env, params, recipient) => {
  const caseId = str(params.caseId);
  const milestoneId = str(params.milestoneId);
  const due = str(params.due);
  const sickCase = await env.ctx.db.sickCase.findUnique({ where: { id: caseId } });
  if (!sickCase || sickCase.voidedAt) return null;
  const employee = await personById(env, params.employeeId);
  if (!employee) return null;
  // HR: only while they are HR. The ARR channel: only while the employee consents (checked
  // again at send time, whatever was planned: a withdrawal stops it at once).
  if (recipient ? !isHrAdmin(recipient) : !(await hasConsent(env.ctx.db, employee.id, "arr_summary"))) return null;
  const { t } = env;
  const title = t(milestoneTitleKey(milestoneId as MilestoneId));
  const heading = t("reminders:escalation.heading", { milestone: title, name: employee.name });
  const leader = employee.leaderId ? await personById(env, employee.leaderId) : null;
  const overdue = Math.max(1, daysBetween(due, env.today));
  const blocks: Message["blocks"] = [
    text(heading, "warning"),
    text([t("reminders:escalation.text", { count: overdue, date: dateText(env, due) }), leader ? t("reminders:escalation.leader", { leader: leader.name }) : t("reminders:escalation.noLeader")].join("\n")),
  ];
  if (recipient) {
    blocks.push({
      kind: "actions",
      buttons: [
        { label: t("reminders:escalation.buttons.plan", { name: employee.name }), command: { type: "plan", employeeId: employee.id } },
        { label: t("reminders:escalation.buttons.done"), command: { type: "milestone", caseId, milestoneId, action: "done" } },
      ],
    });
  } else {
    blocks.push(text(t("reminders:escalation.arr", { name: employee.name }), "muted"));
  }
  return { summary: heading, blocks };
};

const measureDue: Template = async (env, params, recipient) => {
  if (!recipient) return null;
  const measure = await env.ctx.db.measure.findUnique({ where: { id: str(params.measureId) }, include: { plan: true } });
  if (!measure) return null;
  const employee = await personById(env, measure.plan.employeeId);
  if (!employee) return null;
  const { t } = env;
  const heading = t("reminders:measure.heading", { title: measure.title });
  const body = recipient.id === employee.id ? t("reminders:measure.textOwn", { title: measure.title, date: dateText(env, str(params.due)) }) : t("reminders:measure.textOther", { title: measure.title, name: employee.name, date: dateText(env, str(params.due)) });
  const act = (action: "done" | "postpone" | "not_relevant") => ({ type: "measure" as const, measureId: measure.id, action, ...(action === "postpone" ? { postponeDays: 7 } : {}) });
  return {
    summary: heading,
    blocks: [
      text(heading, "heading"),
      text(body),
      {
        kind: "actions",
        buttons: [
          { label: t("reminders:measure.buttons.done"), command: act("done"), style: "primary" },
          { label: t("reminders:measure.buttons.postpone"), command: act("postpone") },
          { label: t("reminders:measure.buttons.notRelevant"), command: act("not_relevant") },
        ],
      },
    ],
  };
};

const dialogueReminder = (settings: ReminderSettings): Template => async (env, params, recipient) => {
  if (!recipient) return null;
  const session = await env.ctx.db.dialogueSession.findUnique({ where: { id: str(params.sessionId) } });
  if (!session || session.personId !== recipient.id) return null;
  const def = getDialogue(session.dialogueId);
  if (!def) return null;
  const { step, total } = progress(def, JSON.parse(session.state) as SessionState);
  const { t } = env;
  const title = t(def.titleKey);
  const lines = [t("reminders:dialogue.text", { step, total, title })];
  if (session.subjectId !== session.personId) {
    const subject = await personById(env, session.subjectId);
    if (subject) lines.push(t("reminders:dialogue.about", { name: subject.name }));
  }
  if (Number(params.n) >= settings.dialogueMaxReminders) {
    lines.push(t("reminders:dialogue.last", { date: dateText(env, localDateOf(session.expiresAt, recipient.timeZone)) }));
  }
  const heading = t("reminders:dialogue.heading", { title });
  const employeeId = session.subjectId !== session.personId ? { employeeId: session.subjectId } : {};
  return {
    summary: heading,
    blocks: [
      text(heading, "heading"),
      text(lines.join("\n")),
      {
        kind: "actions",
        buttons: [
          { label: t("reminders:dialogue.buttons.continue"), command: { type: "dialogue.start", dialogueId: session.dialogueId, ...employeeId }, style: "primary" },
          { label: t("reminders:dialogue.buttons.cancel"), command: { type: "dialogue", sessionId: session.id, action: "cancel" } },
        ],
      },
    ],
  };
};

/** The weekly overview for the ARR team: consented cases with deadlines in the week. */
const arrDigest: Template = async (env, params) => {
  const weekStart = str(params.weekStart);
  const caseIds = Array.isArray(params.caseIds) ? params.caseIds.map(str) : [];
  const weekEnd = new Date(Date.parse(`${weekStart}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10);
  const { t } = env;
  const fields: Array<{ label: string; value: string }> = [];
  for (const caseId of caseIds) {
    const row = await env.ctx.db.sickCase.findUnique({ where: { id: caseId } });
    const employee = row ? await personById(env, row.personId) : null;
    if (!row || row.voidedAt || !employee || !(await hasConsent(env.ctx.db, employee.id, "arr_summary"))) continue;
    const synced = (await readCases(env.ctx.db, employee, env.today, env.ctx.clock())).find((c) => c.row.id === caseId);
    if (!synced) continue;
    const facts = (await settlementFactsOf(env.ctx.db, [caseId])).get(caseId)!;
    const items = visibleMilestones(synced.result).filter((m) => m.due !== null && m.due >= weekStart && m.due <= weekEnd && !settlementOf(m.id, facts));
    if (items.length === 0) continue;
    const r = synced.result;
    fields.push({
      label: employee.name,
      value: [
        t("reminders:digest.line", { start: dateText(env, r.start), duration: durationText(t, r), grade: r.gradeNow ?? r.gradeAtEnd }),
        ...items.map((m) => t("reminders:digest.milestone", { title: t(milestoneTitleKey(m.id)), date: dateText(env, m.due!) })),
      ].join("\n"),
    });
  }
  if (fields.length === 0) return null;
  const heading = t("reminders:digest.heading", { from: dateText(env, weekStart), to: dateText(env, weekEnd) });
  return { summary: heading, blocks: [text(heading, "heading"), text(t("reminders:digest.intro")), { kind: "fields", fields }] };
};

const unreachableNotice: Template = async (env, params, recipient) => {
  if (!recipient || !isHrAdmin(recipient)) return null;
  const person = await personById(env, params.personId);
  if (!person) return null;
  const heading = env.t("reminders:unreachable.heading", { name: person.name });
  const reason = str(params.reason) || person.unreachableReason || "";
  return { summary: heading, blocks: [text(heading, "warning"), text(env.t("reminders:unreachable.text", { name: person.name, email: person.email, reason }))] };
};

const substituteNotice: Template = async (env, params, recipient) => {
  if (!recipient) return null;
  const row = await env.ctx.db.leaderSubstitution.findUnique({ where: { id: str(params.substitutionId) }, include: { leader: true } });
  if (!row || row.endedAt || row.substituteId !== recipient.id) return null;
  const until = row.untilDate ? dateText(env, row.untilDate) : env.t("reminders:substitute.openEnd");
  const value = env.t("reminders:substitute.notice", { leader: row.leader.name, from: dateText(env, row.fromDate), until });
  return { summary: value, blocks: [text(value)] };
};

/** The scheduler's templates, for these settings (the composition root builds them once per process). */
export function reminderTemplates(settings: ReminderSettings): Record<string, Template> {
  return {
    nudge,
    escalation,
    measure_due: measureDue,
    dialogue_reminder: dialogueReminder(settings),
    arr_digest: arrDigest,
    unreachable_notice: unreachableNotice,
    substitute_notice: substituteNotice,
  };
}
