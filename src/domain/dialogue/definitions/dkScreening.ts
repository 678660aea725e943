// Denmark's early effort (seed 003): the leader's short screening of the risk of a long
// absence, at the report and again in week 2. The indicators are the seed's screening tool
// (earlier long absences, the nature of the absence as the employee chose to describe it,
// her own expectation, conflicts and demands at work); the result is the leader's own
// assessment. Choices only, no free text: nothing about health is written down, and the
// nature of the absence is never a diagnosis.
import { defineDialogue } from "../validate.js";
import type { ChoiceOptionDef } from "../schema.js";

/** Locale keys of this dialogue (early:dialogue.*: the early-effort texts live in one file). */
const key = (path: string) => `early:dialogue.${path}`;
const options = (step: string, values: readonly string[]): ChoiceOptionDef[] => values.map((value) => ({ value, labelKey: key(`${step}.options.${value}`) }));
const yesNoUnknown = (step: string) => options(step, ["yes", "no", "unknown"]);

/** The indicator steps (their coded answers are what is stored, beside the assessment). */
export const SCREENING_INDICATORS = ["earlierAbsences", "nature", "ownExpectation", "workConflict", "workDemands"] as const;

export const dkScreening = defineDialogue({
  id: "dk_screening",
  version: 1,
  audience: "leader",
  privateText: "left_out",
  titleKey: key("title"),
  steps: [
    { id: "intro", type: "info", textKey: key("intro.text"), helpKey: key("intro.help") },
    { id: "earlierAbsences", type: "single_choice", textKey: key("earlierAbsences.text"), options: yesNoUnknown("earlierAbsences") },
    {
      id: "nature",
      type: "single_choice",
      textKey: key("nature.text"),
      helpKey: key("nature.help"),
      options: options("nature", ["short", "lasting", "work_related", "not_told"]),
    },
    { id: "ownExpectation", type: "single_choice", textKey: key("ownExpectation.text"), options: options("ownExpectation", ["within_2_weeks", "within_8_weeks", "over_8_weeks", "unsure", "not_asked"]) },
    { id: "workConflict", type: "single_choice", textKey: key("workConflict.text"), options: yesNoUnknown("workConflict") },
    { id: "workDemands", type: "single_choice", textKey: key("workDemands.text"), options: yesNoUnknown("workDemands") },
    { id: "assessment", type: "single_choice", textKey: key("assessment.text"), helpKey: key("assessment.help"), options: options("assessment", ["risk", "no_risk"]) },
    { id: "summary", type: "summary", textKey: key("summary.text") },
  ],
});
