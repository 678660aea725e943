// The team's agreed routine (seed 002's workshop), written once by the leader (or HR for a
// leader's team): the questions of contact_preferences themselves, as data (steps, options,
// fields), each asked about the team ("how should the leader contact one of us?") instead of
// "you". What a single person alone can answer (her own list of tasks) is left to her. A member
// accepts the routine as-is or adjusts it into her own contact preferences.
import { defineDialogue } from "../validate.js";
import type { StepInput } from "../schema.js";
import { contactPreferences } from "./contactPreferences.js";
import { keysFor } from "./shared.js";

const k = keysFor("team_routine");

/** Questions only each person can answer for herself: not part of the team's routine. */
export const PERSONAL_STEPS: readonly string[] = ["fallbackTasks"];

/** The contact_preferences step, asked of the team: its own question text (and help), same answers. */
function forTheTeam(step: (typeof contactPreferences.steps)[number]): StepInput {
  return { ...step, textKey: k.text(step.id), ...(step.helpKey ? { helpKey: k.help(step.id) } : {}) } as StepInput;
}

export const teamRoutine = defineDialogue({
  id: "team_routine",
  version: 1,
  audience: "leader",
  titleKey: k.title,
  steps: contactPreferences.steps.filter((s) => !PERSONAL_STEPS.includes(s.id)).map(forTheTeam),
});
