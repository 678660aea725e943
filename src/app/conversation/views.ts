// Messages the conversation shows that are not dialogue steps: help, status,
// receipts. Built from data already fetched; text comes from the "bot" locale namespace.
import type { Message, Block, Button } from "../../domain/messages/model.js";
import type { CaseResult, MilestoneResult } from "../../domain/milestones/index.js";
import { milestoneTitleKey, settlementOf, settlementOutcome, snoozedUntilOf, type CaseFact, type ManualState, type SettlementFacts } from "../../domain/milestones/index.js";
import type { Measure, Person, PlanVersion } from "../../generated/prisma/client.js";
import { formatDate, type Locale, type Translate } from "../../i18n/index.js";

export interface ViewContext {
  t: Translate;
  locale: Locale;
  today: string;
}

export interface HelpAudience {
  isLeader: boolean;
  isHr?: boolean;
  isArr?: boolean;
  /** The person's law has an early effort (Denmark's fast track, «hurtigt spor»). */
  earlyEffort?: boolean;
  unknown?: string;
}

export function helpMessage(v: ViewContext, opts: HelpAudience): Message {
  const { t } = v;
  const blocks: Block[] = [];
  if (opts.unknown !== undefined) blocks.push({ kind: "text", text: t("bot:help.unknown", { text: opts.unknown.slice(0, 80) }), style: "warning" });
  blocks.push({ kind: "text", text: t("bot:help.title"), style: "heading" });
  // The introduction speaks to the person's role: "you and your leader" means nothing to an ARR member.
  const intro = opts.isLeader ? "bot:help.introLeader" : opts.isHr ? "bot:help.introHr" : opts.isArr ? "bot:help.introArr" : "bot:help.intro";
  blocks.push({ kind: "text", text: t(intro) });
  const lines = ["report", "status", "plan", "readers", "change", "contact", "help"].map((c) => ({ label: t(`bot:help.commands.${c}.word`), value: t(`bot:help.commands.${c}.what`) }));
  if (opts.isLeader) {
    lines.splice(3, 0, { label: t("bot:help.commands.leaderPlan.word"), value: t("bot:help.commands.leaderPlan.what") });
    lines.splice(4, 0, { label: t("bot:help.commands.substitute.word"), value: t("bot:help.commands.substitute.what") });
  }
  lines.splice(lines.length - 1, 0, { label: t("timeline:help.word"), value: t("timeline:help.what") }, { label: t("proposal:help.word"), value: t("proposal:help.what") });
  // The team's routine (src/app/routines.ts): every member may see it; leaders and HR write one.
  lines.splice(lines.length - 1, 0, { label: t("routine:help.routine.word"), value: t("routine:help.routine.what") });
  if (opts.isLeader || opts.isHr) lines.splice(lines.length - 1, 0, { label: t("routine:help.teamRoutine.word"), value: t("routine:help.teamRoutine.what") });
  if (opts.earlyEffort) lines.splice(lines.length - 1, 0, { label: t("early:help.word"), value: t("early:help.what") });
  blocks.push({ kind: "fields", fields: lines });
  blocks.push({ kind: "text", text: t("bot:help.privacy"), style: "muted" });
  blocks.push({
    kind: "actions",
    buttons: [
      { label: t("bot:buttons.report"), command: { type: "report" }, style: "primary" },
      { label: t("bot:buttons.status"), command: { type: "status" } },
      { label: t("bot:buttons.plan"), command: { type: "plan" } },
    ],
  });
  return { summary: t("bot:help.title"), blocks };
}

/** Whole weeks as NAV counts them, but days while it is under a week ("Uker: 0" said nothing). */
export function durationText(t: Translate, c: Pick<CaseResult, "weeks" | "sickDays">): string {
  return c.weeks >= 1 ? t("bot:status.durationWeeks", { count: c.weeks }) : t("bot:status.durationDays", { count: c.sickDays });
}

export function date(v: ViewContext, iso: string | null | undefined): string {
  return iso ? formatDate(iso, v.locale) : "–";
}

/** The milestones worth showing a person: the employer's duties and NAV's steps, not the far future. */
export function visibleMilestones(c: CaseResult): MilestoneResult[] {
  return c.milestones.filter((m) => m.due !== null && m.status !== "not_applicable" && m.status !== "cancelled");
}

/** What settles the case's milestones: the full facts (src/app/settlement.ts), or only the states set by hand. */
export type Settled = SettlementFacts | readonly ManualState[];

function factsOf(settled: Settled): SettlementFacts {
  return Array.isArray(settled) ? { states: settled as readonly ManualState[], facts: [] } : (settled as SettlementFacts);
}

/** The next unsettled milestone a leader should act on (or the next of any kind), for notices and summaries. */
export function nextMilestone(c: CaseResult, settled: Settled = []): MilestoneResult | undefined {
  const facts = factsOf(settled);
  const open = visibleMilestones(c).filter((m) => (m.status === "upcoming" || m.status === "due_today") && !settlementOf(m.id, facts));
  return open.find((m) => m.leaderAction) ?? open[0];
}

export function milestoneLine(v: ViewContext, m: MilestoneResult, settled: Settled = []): { label: string; value: string } {
  const { t } = v;
  const facts = factsOf(settled);
  const settlement = settlementOf(m.id, facts);
  const snoozed = snoozedUntilOf(m.id, facts);
  const status = settlement
    ? t(`bot:milestoneState.${settlementOutcome(settlement)}`)
    : snoozed
      ? t("bot:milestoneState.snoozed", { date: date(v, snoozed) })
      : t(`milestones:status.${m.status}`);
  return { label: t(milestoneTitleKey(m.id)), value: `${date(v, m.due)} · ${status}` };
}

export interface EmployeeStatus {
  person: Person;
  current?: CaseResult;
  caseId?: string;
  /** Milestone states set by hand … */
  states: readonly ManualState[];
  /** … and the case's facts (a confirmed plan …) that settle milestones too. */
  facts?: readonly CaseFact[];
  latest?: PlanVersion | null;
  planStatus?: string;
  measures: Measure[];
  /** Who is looking: the employee, their leader (or substitute), or someone else (HR). */
  viewer?: "self" | "leader" | "other";
}

export function employeeStatusBlocks(v: ViewContext, s: EmployeeStatus): Block[] {
  const { t } = v;
  const blocks: Block[] = [];
  if (!s.current) {
    blocks.push({ kind: "text", text: t("bot:status.noCase") });
  } else {
    const c = s.current;
    blocks.push({
      kind: "fields",
      fields: [
        { label: t("bot:status.caseStart"), value: date(v, c.start) },
        { label: t("bot:status.caseEnd"), value: c.open ? t("bot:status.open") : date(v, c.end) },
        { label: t("bot:status.duration"), value: durationText(t, c) },
        { label: t("bot:status.grade"), value: `${c.gradeNow ?? c.gradeAtEnd} %` },
      ],
    });
    const settled: SettlementFacts = { states: s.states, facts: s.facts ?? [] };
    const lines = visibleMilestones(c)
      .filter((m) => m.leaderAction || m.status === "upcoming" || m.status === "due_today")
      .slice(0, 8)
      .map((m) => milestoneLine(v, m, settled));
    if (lines.length > 0) {
      blocks.push({ kind: "text", text: t("bot:status.milestones"), style: "heading" });
      blocks.push({ kind: "fields", fields: lines });
    }
  }
  // Without a case there is no plan to start: "write «plan» to start" only misleads a leader, HR or ARR.
  if (s.current || s.latest) blocks.push({ kind: "text", text: planStateText(v, s.latest ?? null, s.planStatus, s.viewer ?? "self", s.person.name), style: "muted" });
  if (s.measures.length > 0) {
    blocks.push({ kind: "text", text: t("bot:status.measures"), style: "heading" });
    blocks.push({
      kind: "fields",
      fields: s.measures.map((m) => ({ label: m.title, value: `${t(`plan:measureStatus.${m.status}`)} · ${date(v, m.dueDate)}` })),
    });
  }
  return blocks;
}

export function planStateText(v: ViewContext, latest: PlanVersion | null, planStatus?: string, viewer: "self" | "leader" | "other" = "self", name = ""): string {
  const { t } = v;
  if (viewer === "self") {
    if (planStatus === "not_needed") return t("bot:status.planNotNeeded");
    if (!latest) return t("bot:status.noPlan");
    return t(`bot:status.plan.${latest.reviewStatus}`, { version: latest.version });
  }
  if (planStatus === "not_needed") return t("bot:status.planNotNeededOther", { name });
  if (!latest) return t(viewer === "leader" ? "bot:status.noPlanLeader" : "bot:status.noPlanOther", { name });
  return t(`bot:status.planOther.${latest.reviewStatus}`, { version: latest.version, name });
}

export interface TeamCase {
  employee: Person;
  result: CaseResult;
  caseId: string;
  next?: MilestoneResult;
}

export function teamBlocks(v: ViewContext, title: string, cases: TeamCase[], withButtons: boolean): Block[] {
  const { t } = v;
  const blocks: Block[] = [{ kind: "text", text: title, style: "heading" }];
  if (cases.length === 0) {
    blocks.push({ kind: "text", text: t("bot:status.teamNone"), style: "muted" });
    return blocks;
  }
  blocks.push({
    kind: "fields",
    fields: cases.map((c) => ({
      label: c.employee.name,
      value: [
        t("bot:status.teamLine", { start: date(v, c.result.start), duration: durationText(t, c.result), grade: c.result.gradeNow ?? c.result.gradeAtEnd }),
        c.next ? t("bot:status.teamNext", { milestone: t(milestoneTitleKey(c.next.id)), date: date(v, c.next.due) }) : "",
      ]
        .filter(Boolean)
        .join(" · "),
    })),
  });
  if (withButtons) {
    const buttons: Button[] = cases.slice(0, 5).map((c) => ({ label: t("bot:buttons.planFor", { name: c.employee.name }), command: { type: "plan", employeeId: c.employee.id } }));
    blocks.push({ kind: "actions", buttons });
  }
  return blocks;
}
