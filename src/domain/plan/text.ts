// Localized wording of plan parts, shared by the chat messages, the Markdown and PDF
// documents and the NAV export, so the same thing reads the same everywhere.
// Dates are formatted with the i18n module's formatDate (Intl only, no I/O).
import type { Locale, Translate } from "../locale.js";
import { formatDate } from "../locale.js";
import type { IsoDate } from "../time/localDate.js";
import type { Adjustment, MeasureOwner, MeasureStatus, TaskAbility } from "./fields.js";
import type { AssessedTask, Measure, PlanContent, PlanRole, Voices } from "./model.js";

export interface PlanLocalizer {
  locale: Locale;
  t: Translate;
}

export function dateText(date: IsoDate, loc: PlanLocalizer, style: "long" | "short" = "long"): string {
  return formatDate(date, loc.locale, style);
}

export const abilityLabel = (t: Translate, ability: TaskAbility): string => t(`plan:ability.${ability}`);
export const adjustmentLabel = (t: Translate, adjustment: Adjustment): string => t(`plan:adjustment.${adjustment}`);
export const ownerLabel = (t: Translate, owner: MeasureOwner): string => t(`plan:owner.${owner}`);
export const statusLabel = (t: Translate, status: MeasureStatus): string => t(`plan:measureStatus.${status}`);
export const roleLabel = (t: Translate, role: PlanRole): string => t(`plan:voice.${role}`);
export const yesNo = (t: Translate, value: boolean): string => t(value ? "plan:value.yes" : "plan:value.no");

export interface VoiceEntry {
  by: PlanRole;
  who: string;
  text: string;
}

/** The employee's words first, then the leader's. */
export function voiceEntries(voices: Voices, t: Translate): VoiceEntry[] {
  const entries: VoiceEntry[] = [];
  for (const by of ["employee", "leader"] as const) {
    const text = voices[by];
    if (text !== undefined) entries.push({ by, who: roleLabel(t, by), text });
  }
  return entries;
}

/** "Employee: …" and "Leader: …" as one text, blank-line separated; "" when nobody answered. */
export function composeVoices(voices: Voices, t: Translate): string {
  return voiceEntries(voices, t)
    .map((v) => t("plan:voice.line", { who: v.who, text: v.text }))
    .join("\n\n");
}

/** "Customer meetings – can do with adjustment: more time, help or aids". */
export function taskSummary(task: Pick<AssessedTask, "name" | "ability" | "adjustments">, t: Translate): string {
  const ability = abilityLabel(t, task.ability);
  if (task.adjustments.length === 0) return t("plan:task.line", { name: task.name, ability });
  const adjustments = task.adjustments.map((a) => adjustmentLabel(t, a)).join(", ");
  return t("plan:task.lineWithAdjustments", { name: task.name, ability, adjustments });
}

/**
 * NAV's form wants the tasks that can and cannot be done as text: the assessed tasks
 * as a list, followed by what the parties wrote in those fields themselves.
 */
export function derivedTaskTexts(content: PlanContent, t: Translate): { canStillBeDone: string; canNotBeDone: string } {
  const list = (tasks: AssessedTask[]) => tasks.map((task) => `- ${taskSummary(task, t)}`).join("\n");
  const join = (...parts: string[]) => parts.filter((p) => p !== "").join("\n\n");
  return {
    canStillBeDone: join(list(content.tasks.filter((task) => task.ability !== "cannot")), composeVoices(content.tasksThatCanStillBeDone, t)),
    canNotBeDone: join(list(content.tasks.filter((task) => task.ability === "cannot")), composeVoices(content.tasksThatCanNotBeDone, t)),
  };
}

export function measureOwnerText(measure: Measure, t: Translate): string {
  return measure.owner ? ownerLabel(t, measure.owner) : t("plan:measure.noOwner");
}

export function measureDueText(measure: Measure, loc: PlanLocalizer): string {
  return measure.dueDate ? dateText(measure.dueDate, loc, "short") : loc.t("plan:measure.noDue");
}

/** "Ergonomic chair – owner: Leader, due: 5 Jan 2026, status: Agreed". */
export function measureLine(measure: Measure, loc: PlanLocalizer): string {
  return loc.t("plan:measure.line", {
    title: measure.title,
    owner: measureOwnerText(measure, loc.t),
    due: measureDueText(measure, loc),
    status: statusLabel(loc.t, measure.status),
  });
}
