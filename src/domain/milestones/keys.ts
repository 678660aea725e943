// Locale keys of the milestones namespace. Ids contain dots ("no.followup_plan"), which
// i18next reads as nesting, so the locale files nest them: { "no": { "followup_plan": { … } } }.
import type { MilestoneId, MilestoneStatus, Responsible } from "./types.js";

export const MILESTONES_NAMESPACE = "milestones";

/** "milestones:no.followup_plan.title" – short title for a leader. */
export function milestoneTitleKey(id: MilestoneId): string {
  return `${MILESTONES_NAMESPACE}:${id}.title`;
}

/** "milestones:no.followup_plan.what" – one sentence on what must happen. */
export function milestoneWhatKey(id: MilestoneId): string {
  return `${MILESTONES_NAMESPACE}:${id}.what`;
}

/** "milestones:status.upcoming" */
export function milestoneStatusKey(status: MilestoneStatus): string {
  return `${MILESTONES_NAMESPACE}:status.${status}`;
}

/** "milestones:responsible.nav" – name of the party that must act. */
export function milestoneResponsibleKey(responsible: Responsible): string {
  return `${MILESTONES_NAMESPACE}:responsible.${responsible}`;
}
