// The shipped dialogues by id. Each definition is parsed and checked when its
// module loads, so a broken definition fails at start-up, not mid-conversation.
import type { DialogueDefinition } from "../schema.js";
import { contactPreferences } from "./contactPreferences.js";
import { employeeFollowup } from "./employeeFollowup.js";
import { evaluation } from "./evaluation.js";
import { leaderFollowup } from "./leaderFollowup.js";
import { measures } from "./measures.js";
import { planNotNeeded } from "./planNotNeeded.js";
import { reportSickness } from "./reportSickness.js";
import { changeAbsence } from "./changeAbsence.js";
import { planDisagreement } from "./planDisagreement.js";
import { proposeMeasure } from "./proposeMeasure.js";
import { teamRoutine } from "./teamRoutine.js";
import { dkScreening } from "./dkScreening.js";

export const DIALOGUE_IDS = [
  "report_sickness",
  "contact_preferences",
  "employee_followup",
  "leader_followup",
  "measures",
  "evaluation",
  "plan_not_needed",
  "change_absence",
  "plan_disagreement",
  "propose_measure",
  "team_routine",
  "dk_screening",
] as const;
export type DialogueId = (typeof DIALOGUE_IDS)[number];

export const dialogues: Readonly<Record<DialogueId, DialogueDefinition>> = {
  report_sickness: reportSickness,
  contact_preferences: contactPreferences,
  employee_followup: employeeFollowup,
  leader_followup: leaderFollowup,
  measures,
  evaluation,
  plan_not_needed: planNotNeeded,
  change_absence: changeAbsence,
  plan_disagreement: planDisagreement,
  propose_measure: proposeMeasure,
  team_routine: teamRoutine,
  dk_screening: dkScreening,
};

export function isDialogueId(value: string): value is DialogueId {
  return (DIALOGUE_IDS as readonly string[]).includes(value);
}

export function getDialogue(id: string): DialogueDefinition | undefined {
  return isDialogueId(id) ? dialogues[id] : undefined;
}
