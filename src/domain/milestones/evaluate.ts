// The milestone engine: periods + today → cases with dated, statused milestones.
// Pure and deterministic; everything is computed from the periods, so a case revived by a
// new period is simply re-evaluated on the next pass.
import { lastDayOfMonth, toEpochDay, addWeekdays, type EpochDay } from "../time/localDate.js";
import {
  OPEN_END,
  buildCases,
  firstSeenReaching,
  gradeAtOrBefore,
  gradeOn,
  latestGroupStart,
  nthSickDay,
  sickDaysUpTo,
  type DaySpan,
  type SickCase,
  type SickSpan,
} from "./cases.js";
import type { MilestoneInput } from "./input.js";
import { isoText, parseDay } from "./dayText.js";
import { RULES_BY_JURISDICTION } from "./rules/index.js";
import type { Anchor, Condition, JurisdictionRules, MilestoneRule, Otherwise } from "./rules/model.js";
import type { CaseResult, Jurisdiction, MilestoneEvaluation, MilestoneId, MilestoneResult, MilestoneStatus } from "./types.js";

interface CompiledVersion {
  readonly rule: MilestoneRule;
  readonly from: EpochDay;
  /** Per condition: its note followed by the rule's note, joined once here instead of per evaluation. */
  readonly conditionNotes: readonly string[];
}

interface CompiledRule {
  readonly id: MilestoneId;
  /** Newest first. */
  readonly versions: readonly CompiledVersion[];
  readonly usesSickPayPeriod: boolean;
  readonly notInForceNote: string;
}

interface CompiledTable {
  readonly table: JurisdictionRules;
  readonly rules: readonly CompiledRule[];
}

function joinNotes(first: string, second: string | undefined): string {
  return second ? `${first} ${second}` : first;
}

function compileTable(table: JurisdictionRules): CompiledTable {
  const byId = new Map<MilestoneId, MilestoneRule[]>();
  for (const rule of table.rules) {
    const versions = byId.get(rule.id);
    if (versions) versions.push(rule);
    else byId.set(rule.id, [rule]);
  }
  const rules: CompiledRule[] = [];
  for (const [id, versions] of byId) {
    const compiled = versions
      .map((rule) => ({
        rule,
        from: toEpochDay(rule.effectiveFrom),
        conditionNotes: (rule.conditions ?? []).map((c) => joinNotes(c.note, rule.note)),
      }))
      .sort((a, b) => b.from - a.from);
    const oldest = compiled[compiled.length - 1]!;
    rules.push({
      id,
      versions: compiled,
      usesSickPayPeriod: compiled.some((v) => v.rule.anchor.kind === "sickDay" && v.rule.anchor.scope === "sickPayPeriod"),
      notInForceNote: `The case started before the earliest recorded version of this rule (${oldest.rule.effectiveFrom}).`,
    });
  }
  return { table, rules };
}

const COMPILED: Record<Jurisdiction, CompiledTable> = {
  NO: compileTable(RULES_BY_JURISDICTION.NO),
  DK: compileTable(RULES_BY_JURISDICTION.DK),
  SE: compileTable(RULES_BY_JURISDICTION.SE),
};

/** What the rules need to know about one case, computed once per case. */
interface CaseFacts {
  readonly c: SickCase;
  /** Index of the first run of the latest sick-pay period (Sweden); 0 elsewhere. */
  readonly sickPayRun: number;
  /** Sick days of the whole case; Infinity while open (an open case is assumed to go on). */
  readonly projectedSickDays: number;
  /** Calendar days S…end; Infinity while open. */
  readonly projectedCaseDays: number;
  readonly gradeAtEnd: number;
}

function anchorDay(anchor: Exclude<Anchor, { kind: "onRequest" }>, facts: CaseFacts): EpochDay {
  const c = facts.c;
  switch (anchor.kind) {
    case "calendarDay":
      return c.start + anchor.day - 1;
    case "sickDay":
      return nthSickDay(c.runs, anchor.day, anchor.scope === "sickPayPeriod" ? facts.sickPayRun : 0);
    case "weekdaysAfterSickDay":
      return addWeekdays(nthSickDay(c.runs, anchor.sickDay), anchor.weekdays);
  }
}

function conditionHolds(condition: Condition, facts: CaseFacts, anchor: EpochDay | undefined): boolean {
  switch (condition.kind) {
    case "gradeOnAnchor":
      // Without an anchor date the grade that matters is the current end of the case.
      return (anchor === undefined ? facts.gradeAtEnd : gradeAtOrBefore(facts.c.spans, anchor)) >= condition.minGrade;
    case "minSickDays":
      return facts.projectedSickDays >= condition.days;
    case "minCaseDays":
      return facts.projectedCaseDays >= condition.days;
    case "fullAtEnd":
      return facts.gradeAtEnd >= 100;
  }
}

/** Index of the first condition that fails, or −1. */
function failedCondition(rule: MilestoneRule, facts: CaseFacts, anchor: EpochDay | undefined): number {
  const conditions = rule.conditions;
  if (!conditions) return -1;
  for (let i = 0; i < conditions.length; i++) {
    if (!conditionHolds(conditions[i]!, facts, anchor)) return i;
  }
  return -1;
}

function statusOn(due: EpochDay, today: EpochDay): MilestoneStatus {
  return due < today ? "past" : due === today ? "due_today" : "upcoming";
}

function pickVersion(rule: CompiledRule, startOfScope: EpochDay): CompiledVersion | undefined {
  for (const version of rule.versions) if (version.from <= startOfScope) return version;
  return undefined;
}

function evaluateRule(compiled: CompiledRule, facts: CaseFacts, today: EpochDay): MilestoneResult {
  const c = facts.c;
  const scopeStart = compiled.usesSickPayPeriod ? c.runs[facts.sickPayRun]!.start : c.start;
  const version = pickVersion(compiled, scopeStart);
  if (!version) {
    const oldest = compiled.versions[compiled.versions.length - 1]!.rule;
    return result(oldest, null, undefined, "not_applicable", compiled.notInForceNote);
  }
  const rule = version.rule;
  if (rule.anchor.kind === "onRequest") {
    const failed = failedCondition(rule, facts, undefined);
    if (failed < 0) return result(rule, null, undefined, "on_request", rule.note);
    return result(rule, null, undefined, rule.conditions![failed]!.otherwise, version.conditionNotes[failed]);
  }

  const anchor = anchorDay(rule.anchor, facts);
  let due = anchor + (rule.dueShiftDays ?? 0);
  if (rule.dueAtEndOfMonth) due = lastDayOfMonth(due);
  const earliest = rule.earliestShiftDays === undefined ? undefined : anchor + rule.earliestShiftDays;

  // The case must still be running on the anchor date (statutory-rules.md 1.5 #4).
  if (c.end < anchor) return result(rule, due, earliest, "cancelled", rule.note);

  const failed = failedCondition(rule, facts, anchor);
  if (failed >= 0) {
    const otherwise: Otherwise = rule.conditions![failed]!.otherwise;
    return result(rule, otherwise === "on_request" ? null : due, earliest, otherwise, version.conditionNotes[failed]);
  }
  if (rule.dueNotBeforeFirstSeen) {
    const seen = firstSeenReaching(c.spans, due);
    if (seen !== undefined && due < seen && seen < c.end) due = seen;
  }
  return result(rule, due, earliest, statusOn(due, today), rule.note);
}

function result(
  rule: MilestoneRule,
  due: EpochDay | null,
  earliest: EpochDay | undefined,
  status: MilestoneStatus,
  note: string | undefined,
): MilestoneResult {
  // Same property order every time keeps the objects on one hidden class.
  return {
    id: rule.id,
    due: due === null ? null : isoText(due),
    earliest: earliest === undefined ? undefined : isoText(earliest),
    status,
    source: rule.source,
    effectiveFrom: rule.effectiveFrom,
    responsible: rule.responsible,
    leaderAction: rule.leaderAction,
    note,
  };
}

function evaluateCase(c: SickCase, compiled: CompiledTable, today: EpochDay): CaseResult {
  const sickDays = sickDaysUpTo(c.runs, c.open ? today : OPEN_END);
  const sickPay = compiled.table.sickPayPeriod;
  const facts: CaseFacts = {
    c,
    sickPayRun: sickPay ? latestGroupStart(c.runs, sickPay.newPeriodAfterGapDays) : 0,
    projectedSickDays: c.open ? Infinity : sickDays,
    projectedCaseDays: c.open ? Infinity : c.end - c.start + 1,
    gradeAtEnd: gradeAtOrBefore(c.spans, c.end),
  };
  const milestones: MilestoneResult[] = new Array<MilestoneResult>(compiled.rules.length);
  for (let i = 0; i < compiled.rules.length; i++) milestones[i] = evaluateRule(compiled.rules[i]!, facts, today);
  const gradeNow = today >= c.start && today <= c.end ? gradeOn(c.spans, today) : 0;
  return {
    start: isoText(c.start),
    knownOn: isoText(c.spans.reduce((seen, s) => Math.min(seen, s.seen), c.spans[0]?.seen ?? c.start)),
    end: c.open ? null : isoText(c.end),
    open: c.open,
    sickDays,
    weeks: Math.floor(sickDays / 7),
    gradeNow: gradeNow > 0 ? gradeNow : null,
    gradeAtEnd: facts.gradeAtEnd,
    milestones,
  };
}

/** Converts validated input periods to epoch-day spans; throws RangeError on input that skipped validation. */
function toSpans(input: MilestoneInput, today: EpochDay): { sick: SickSpan[]; vacations: DaySpan[] } {
  const sick: SickSpan[] = [];
  const vacations: DaySpan[] = [];
  const periods = input.periods;
  for (let i = 0; i < periods.length; i++) {
    const period = periods[i]!;
    const start = parseDay(period.start);
    const isSick = (period.type ?? "sick") === "sick";
    // An open vacation cannot be planned; treat it as lasting until today.
    const end = period.end === null ? (isSick ? OPEN_END : today) : parseDay(period.end);
    if (end < start) throw new RangeError(`periods[${i}].end: end is before start`);
    if (isSick) {
      const grade = period.grade;
      if (grade === undefined || !(grade >= 1 && grade <= 100)) throw new RangeError(`periods[${i}].grade: must be 1–100`);
      sick.push({ start, end, grade, seen: period.reportedOn === undefined ? start : parseDay(period.reportedOn) });
    } else {
      vacations.push({ start, end });
    }
  }
  return { sick, vacations };
}

/**
 * Evaluates the statutory milestones of every case in the input against `today`.
 * Expects input that passed parseMilestoneInput (throws RangeError otherwise).
 */
export function evaluateMilestones(input: MilestoneInput): MilestoneEvaluation {
  const compiled = COMPILED[input.jurisdiction];
  if (!compiled) throw new RangeError(`jurisdiction: unknown ${JSON.stringify(input.jurisdiction)}`);
  const today = parseDay(input.today);
  const { sick, vacations } = toSpans(input, today);
  const cases = buildCases(sick, vacations, compiled.table.caseRule);
  const results: CaseResult[] = new Array<CaseResult>(cases.length);
  for (let i = 0; i < cases.length; i++) results[i] = evaluateCase(cases[i]!, compiled, today);
  return { jurisdiction: input.jurisdiction, today: input.today, cases: results };
}

/** Milestone ids of a jurisdiction in output order. */
export function milestoneIdsOf(jurisdiction: Jurisdiction): readonly MilestoneId[] {
  return COMPILED[jurisdiction].rules.map((r) => r.id);
}
