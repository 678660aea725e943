// Brings the employee's and the leader's answers together into one joint plan draft.
//
// Rules (documented here because the service and the renderers rely on them):
// - Private answers (snapshot.private) are kept in `snapshots` only; they never reach
//   a shared field. Answers filed under the wrong party (answeredBy ≠ the list they
//   came in) are dropped rather than attributed to the other person.
// - Free text is stored per voice: where both answered a field, both are kept
//   (`{ employee, leader }`), and rendering labels them "Employee: … / Leader: …".
//   Several answers of one party to one field are joined with a blank line.
// - A field nobody answered this round keeps the previous version's value; an empty
//   or skipped (null) answer changes nothing, so skipping never erases earlier words.
// - One-value fields take the leader's answer first (evaluation date, NAV decisions,
//   position %: the employer's statements on NAV's form), else the employee's. ARR
//   consent is the employee's alone. employeeHasContributedToPlan is true when the
//   employee answered anything shareable and nobody said otherwise.
// - Tasks come from repeat groups of kind "task" (taskName, taskAbility,
//   taskAdjustment; a text answer without a planField is the note). A party's new
//   assessments replace that party's earlier ones; the other party's stay. A task
//   without an ability yet is remembered in mainTasks, not dropped.
// - Measures come from groups of kind "measure". A measure whose title matches an
//   earlier one (case and spacing ignored) updates it and keeps its id, status and
//   notes; a new one gets the next id ("m<n>") and status "proposed" until the plan
//   is confirmed. Measures are never removed, only closed through their status.
//   Other answers in a measure group (an evaluation's "how did it work") become a
//   follow-up note on the measure.
// - "Plan not needed" (notNeededReason, a reason code or text) becomes the exception;
//   free-text answers without a planField from the same dialogue are its details.
import type { AnswerValue } from "../messages/commands.js";
import type { IsoDate } from "../time/localDate.js";
import { isIsoDate } from "../time/localDate.js";
import {
  type Adjustment,
  type MeasureOwner,
  type PlanField,
  type TaskAbility,
  adjustmentSchema,
  measureOwnerSchema,
  taskAbilitySchema,
} from "./fields.js";
import {
  type BooleanField,
  type ExceptionReason,
  type Measure,
  type PlanContent,
  type PlanRole,
  type VoiceField,
  BOOLEAN_FIELDS,
  MEASURE_ID,
  VOICE_FIELDS,
  emptyPlanContent,
  exceptionReasonSchema,
} from "./model.js";
import type { AnswerSnapshot } from "./snapshot.js";
import { type RoleTaskView, combineTaskViews, splitTaskViews, taskKey } from "./tasks.js";

export interface PlanDraftInput {
  employee?: readonly AnswerSnapshot[];
  leader?: readonly AnswerSnapshot[];
  previous?: PlanContent;
  today: IsoDate;
  /** Who answered (user ids), written on the exception and on measure notes; the role name when absent. */
  actorIds?: Partial<Record<PlanRole, string>>;
}

const VOICE_FIELD_SET: ReadonlySet<string> = new Set(VOICE_FIELDS);
const BOOLEAN_FIELD_SET: ReadonlySet<string> = new Set(BOOLEAN_FIELDS);

export function buildPlanDraft(input: PlanDraftInput): PlanContent {
  const plan: PlanContent = input.previous ? structuredClone(input.previous) : emptyPlanContent();
  const rounds: Partial<Record<PlanRole, RoundAnswers>> = {};

  for (const role of ["employee", "leader"] as const) {
    const given = input[role];
    if (!given || given.length === 0) continue;
    const accepted = given.filter((s) => s.answeredBy === role);
    plan.snapshots[role] = accepted.map((s) => structuredClone(s));
    rounds[role] = collectRound(accepted.filter((s) => !s.private));
  }

  for (const role of ["employee", "leader"] as const) {
    const round = rounds[role];
    if (!round) continue;
    for (const [field, text] of round.voices) plan[field] = { ...plan[field], [role]: text };
    for (const name of round.mainTasks) addMainTask(plan, name);
  }

  applyOneValueFields(plan, rounds);
  applyTasks(plan, rounds);
  const actor = (role: PlanRole) => input.actorIds?.[role] ?? role;
  applyMeasures(plan, rounds, input.today, actor);
  applyException(plan, rounds.leader, actor("leader"), input.today);
  return plan;
}

/** What one party said this round, parsed from their shareable snapshots. */
interface RoundAnswers {
  voices: Map<VoiceField, string>;
  booleans: Map<BooleanField, boolean>;
  evaluationDate?: IsoDate;
  positionPercent?: number;
  arrConsent?: boolean;
  mainTasks: string[];
  tasks: RoleTaskView[];
  measures: MeasureAnswer[];
  exceptionCodes: ExceptionReason[];
  exceptionTexts: string[];
  answeredAnything: boolean;
}

interface MeasureAnswer {
  title: string;
  description?: string;
  owner?: MeasureOwner;
  dueDate?: IsoDate;
  note?: string;
}

function collectRound(snapshots: readonly AnswerSnapshot[]): RoundAnswers {
  const round: RoundAnswers = {
    voices: new Map(),
    booleans: new Map(),
    mainTasks: [],
    tasks: [],
    measures: [],
    exceptionCodes: [],
    exceptionTexts: [],
    answeredAnything: false,
  };
  // Keyed by repeat step and item ("tasks#0", "ownTasks#0"): a dialogue may have more
  // than one repeat of the same kind (the main tasks and the employee's own list).
  const taskGroups = new Map<string, AnswerSnapshot[]>();
  const measureGroups = new Map<string, AnswerSnapshot[]>();
  const unmapped: AnswerSnapshot[] = [];
  const exceptionDialogues = new Set<string>();

  for (const s of snapshots) {
    if (isEmptyValue(s.value)) continue;
    round.answeredAnything = true;
    if (s.group) {
      const groups = s.group.kind === "task" ? taskGroups : measureGroups;
      const key = groupKey(s);
      groups.set(key, [...(groups.get(key) ?? []), s]);
      continue;
    }
    if (s.planField === "notNeededReason") exceptionDialogues.add(s.dialogueId);
    if (s.planField) collectField(round, s.planField, s);
    else if (typeof s.value === "string") unmapped.push(s);
  }
  for (const s of unmapped) {
    if (exceptionDialogues.has(s.dialogueId) && textOf(s)) round.exceptionTexts.push(textOf(s));
  }

  for (const key of sortedGroupKeys(taskGroups)) {
    const task = parseTaskGroup(taskGroups.get(key) ?? []);
    if (task.view) round.tasks.push(task.view);
    else if (task.name) round.mainTasks.push(task.name);
  }
  for (const key of sortedGroupKeys(measureGroups)) {
    const measure = parseMeasureGroup(measureGroups.get(key) ?? []);
    if (measure) round.measures.push(measure);
  }
  return round;
}

/** "tasks[2].ability" → "tasks#2": the repeat step and the item an answer belongs to. */
function groupKey(s: AnswerSnapshot): string {
  const repeat = /^([^[\]]+)\[/.exec(s.questionId)?.[1] ?? "";
  return `${repeat}#${s.group?.index ?? 0}`;
}

/** Groups in the order their repeat step was first met, items in index order within it. */
function sortedGroupKeys(groups: Map<string, AnswerSnapshot[]>): string[] {
  const order = new Map<string, number>();
  for (const key of groups.keys()) {
    const repeat = key.slice(0, key.lastIndexOf("#"));
    if (!order.has(repeat)) order.set(repeat, order.size);
  }
  const index = (key: string) => Number(key.slice(key.lastIndexOf("#") + 1));
  const repeatOf = (key: string) => key.slice(0, key.lastIndexOf("#"));
  return [...groups.keys()].sort((a, b) => order.get(repeatOf(a))! - order.get(repeatOf(b))! || index(a) - index(b));
}

function collectField(round: RoundAnswers, field: PlanField, s: AnswerSnapshot): void {
  if (VOICE_FIELD_SET.has(field)) {
    const text = textOf(s);
    if (!text) return;
    const key = field as VoiceField;
    const earlier = round.voices.get(key);
    round.voices.set(key, earlier ? `${earlier}\n\n${text}` : text);
    return;
  }
  if (BOOLEAN_FIELD_SET.has(field)) {
    const value = booleanOf(s.value);
    if (value !== undefined) round.booleans.set(field as BooleanField, value);
    return;
  }
  switch (field) {
    case "evaluationDate": {
      const date = dateOf(s.value);
      if (date) round.evaluationDate = date;
      return;
    }
    case "positionPercent": {
      const percent = percentOf(s.value);
      if (percent !== undefined) round.positionPercent = percent;
      return;
    }
    case "arrConsent": {
      const value = booleanOf(s.value);
      if (value !== undefined) round.arrConsent = value;
      return;
    }
    case "mainTasks":
      round.mainTasks.push(...listOf(s.value));
      return;
    case "notNeededReason": {
      const code = exceptionReasonSchema.safeParse(single(s.value));
      if (code.success) round.exceptionCodes.push(code.data);
      else if (textOf(s)) round.exceptionTexts.push(textOf(s));
      return;
    }
    default:
      // Task and measure item fields only mean something inside their repeat group.
      return;
  }
}

function parseTaskGroup(answers: readonly AnswerSnapshot[]): { name?: string; view?: RoleTaskView } {
  let name: string | undefined;
  let ability: TaskAbility | undefined;
  let adjustments: Adjustment[] = [];
  const notes: string[] = [];
  for (const s of answers) {
    if (s.planField === "taskName") name = oneLine(textOf(s)) || name;
    else if (s.planField === "taskAbility") ability = taskAbilitySchema.safeParse(single(s.value)).data ?? ability;
    else if (s.planField === "taskAdjustment") adjustments = enumList(s.value, adjustmentSchema.options);
    else if (s.planField === undefined && textOf(s)) notes.push(textOf(s));
  }
  if (!name) return {};
  name = name.slice(0, 200);
  if (!ability) return { name };
  return {
    view: {
      name,
      ability,
      // Adjustments only describe "can do with adjustment".
      adjustments: ability === "with_adjustment" ? adjustments : [],
      ...(notes.length > 0 ? { note: notes.join("\n\n") } : {}),
    },
  };
}

function parseMeasureGroup(answers: readonly AnswerSnapshot[]): MeasureAnswer | undefined {
  const measure: Partial<MeasureAnswer> = {};
  const notes: string[] = [];
  for (const s of answers) {
    if (s.planField === "measureTitle") measure.title = oneLine(textOf(s)).slice(0, 200) || measure.title;
    else if (s.planField === "measureDescription") measure.description = textOf(s) || measure.description;
    else if (s.planField === "measureOwner") measure.owner = measureOwnerSchema.safeParse(single(s.value)).data ?? measure.owner;
    else if (s.planField === "measureDueDate") measure.dueDate = dateOf(s.value) ?? measure.dueDate;
    else if (s.planField === undefined && textOf(s)) notes.push(textOf(s));
  }
  if (!measure.title) return undefined;
  return { ...measure, title: measure.title, ...(notes.length > 0 ? { note: notes.join(" – ") } : {}) };
}

const ONE_VALUE_PRECEDENCE: readonly PlanRole[] = ["leader", "employee"];

function applyOneValueFields(plan: PlanContent, rounds: Partial<Record<PlanRole, RoundAnswers>>): void {
  const first = <T>(pick: (round: RoundAnswers) => T | undefined): T | undefined => {
    for (const role of ONE_VALUE_PRECEDENCE) {
      const round = rounds[role];
      const value = round ? pick(round) : undefined;
      if (value !== undefined) return value;
    }
    return undefined;
  };
  for (const field of BOOLEAN_FIELDS) {
    const value = first((r) => r.booleans.get(field));
    if (value !== undefined) plan[field] = value;
  }
  const evaluationDate = first((r) => r.evaluationDate);
  if (evaluationDate !== undefined) plan.evaluationDate = evaluationDate;
  const percent = first((r) => r.positionPercent);
  if (percent !== undefined) plan.positionPercent = percent;

  const consent = rounds.employee?.arrConsent;
  if (consent !== undefined) plan.arrConsent = consent;

  if (plan.employeeHasContributedToPlan === null && rounds.employee?.answeredAnything) {
    plan.employeeHasContributedToPlan = true;
  }
}

function applyTasks(plan: PlanContent, rounds: Partial<Record<PlanRole, RoundAnswers>>): void {
  const views = splitTaskViews(plan.tasks);
  let changed = false;
  for (const role of ["employee", "leader"] as const) {
    const round = rounds[role];
    if (round && round.tasks.length > 0) {
      views[role] = round.tasks;
      changed = true;
    }
  }
  if (changed) plan.tasks = combineTaskViews(views.employee, views.leader);
}

function applyMeasures(
  plan: PlanContent,
  rounds: Partial<Record<PlanRole, RoundAnswers>>,
  today: IsoDate,
  actor: (role: PlanRole) => string,
): void {
  // The leader's measures first: measures with owner and date are the leader's part of the dialogue.
  for (const role of ["leader", "employee"] as const) {
    for (const answer of rounds[role]?.measures ?? []) {
      const note = answer.note !== undefined ? [{ date: today, by: actor(role), text: answer.note }] : [];
      const existing = plan.measures.find((m) => taskKey(m.title) === taskKey(answer.title));
      if (existing) {
        if (answer.description !== undefined) existing.description = answer.description;
        if (answer.owner !== undefined) existing.owner = answer.owner;
        if (answer.dueDate !== undefined) existing.dueDate = answer.dueDate;
        existing.notes.push(...note);
        continue;
      }
      plan.measures.push({
        id: nextMeasureId(plan.measures),
        title: answer.title,
        ...(answer.description !== undefined ? { description: answer.description } : {}),
        owner: answer.owner ?? null,
        dueDate: answer.dueDate ?? null,
        status: "proposed",
        proposedBy: role,
        notes: note,
      });
    }
  }
}

function applyException(plan: PlanContent, leader: RoundAnswers | undefined, recordedBy: string, today: IsoDate): void {
  if (!leader || (leader.exceptionCodes.length === 0 && leader.exceptionTexts.length === 0)) return;
  const text = leader.exceptionTexts.join("\n\n");
  plan.exception = {
    reason: leader.exceptionCodes[0] ?? "other",
    ...(text ? { text } : {}),
    recordedBy,
    date: today,
  };
}

export function nextMeasureId(measures: readonly Measure[]): string {
  let max = 0;
  for (const m of measures) {
    if (MEASURE_ID.test(m.id)) max = Math.max(max, Number(m.id.slice(1)));
  }
  return `m${max + 1}`;
}

function addMainTask(plan: PlanContent, name: string): void {
  const trimmed = name.trim().slice(0, 200);
  if (trimmed && !plan.mainTasks.some((t) => taskKey(t) === taskKey(trimmed))) plan.mainTasks.push(trimmed);
}

function isEmptyValue(value: AnswerValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

/**
 * Free text as typed; for choices the labels the person saw. A text answer's display
 * is the text itself, so a string whose display differs is a choice code.
 */
function textOf(s: AnswerSnapshot): string {
  if (s.value === null) return "";
  if (typeof s.value === "string" && (s.display.trim() === "" || s.display === s.value)) return s.value.trim();
  return s.display.trim();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function single(value: AnswerValue): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

function booleanOf(value: AnswerValue): boolean | undefined {
  const v = single(value);
  if (typeof v === "string") {
    const lower = v.trim().toLowerCase();
    if (lower === "yes" || lower === "true") return true;
    if (lower === "no" || lower === "false") return false;
  }
  return undefined;
}

function dateOf(value: AnswerValue): IsoDate | undefined {
  const v = single(value);
  return typeof v === "string" && isIsoDate(v) ? v : undefined;
}

function percentOf(value: AnswerValue): number | undefined {
  const v = single(value);
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v.replace(",", ".").replace("%", "").trim()) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

function listOf(value: AnswerValue): string[] {
  if (Array.isArray(value)) return value.map((v) => v.trim()).filter(Boolean);
  if (typeof value === "string") return value.split("\n").map((v) => v.trim()).filter(Boolean);
  return [];
}

function enumList<T extends string>(value: AnswerValue, allowed: readonly T[]): T[] {
  const values = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return [...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v)))];
}
