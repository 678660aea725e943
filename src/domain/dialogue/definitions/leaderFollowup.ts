// The leader's side: the same topics from the workplace's view, then the
// measures with owner and due date, the evaluation date and NAV's plan fields.
import { defineDialogue } from "../validate.js";
import { keysFor, measureItemSteps, ownTaskListStep, yesNo } from "./shared.js";

const k = keysFor("leader_followup");

export const leaderFollowup = defineDialogue({
  id: "leader_followup",
  version: 1,
  audience: "leader",
  titleKey: k.title,
  steps: [
    { id: "intro", type: "info", textKey: k.text("intro"), helpKey: k.help("intro") },
    { id: "typicalWorkday", type: "long_text", textKey: k.text("typicalWorkday"), helpKey: k.help("typicalWorkday"), planField: "typicalWorkday" },
    { id: "tasksPossible", type: "long_text", textKey: k.text("tasksPossible"), helpKey: k.help("tasksPossible"), planField: "tasksThatCanStillBeDone" },
    { id: "tasksMoved", type: "long_text", textKey: k.text("tasksMoved"), helpKey: k.help("tasksMoved"), required: false, planField: "tasksThatCanNotBeDone" },
    ownTaskListStep("leader"),
    {
      id: "triedBefore",
      type: "single_choice",
      textKey: k.text("triedBefore"),
      options: yesNo,
      next: [{ when: { op: "equals", step: "triedBefore", value: "no" }, goto: "plannedFacilitation" }],
    },
    { id: "previousFacilitation", type: "long_text", textKey: k.text("previousFacilitation"), planField: "previousFacilitation" },
    { id: "plannedFacilitation", type: "long_text", textKey: k.text("plannedFacilitation"), helpKey: k.help("plannedFacilitation"), planField: "plannedFacilitation" },
    {
      id: "otherFacilitationOptions",
      type: "long_text",
      textKey: k.text("otherFacilitationOptions"),
      helpKey: k.help("otherFacilitationOptions"),
      required: false,
      planField: "otherFacilitationOptions",
    },
    {
      id: "measures",
      type: "repeat",
      textKey: k.text("measures"),
      source: { kind: "open", minItems: 0, maxItems: 10, addFirstKey: "dialogue:measure.addFirst", addAnotherKey: "dialogue:measure.addAnother" },
      group: "measure",
      itemTitleKey: "dialogue:measure.itemTitle",
      itemSteps: measureItemSteps,
    },
    { id: "followUp", type: "long_text", textKey: k.text("followUp"), helpKey: k.help("followUp"), planField: "followUp" },
    { id: "evaluationDate", type: "date", textKey: k.text("evaluationDate"), helpKey: k.help("evaluationDate"), minDays: 1, maxDays: 365, planField: "evaluationDate" },
    { id: "needsHelpFromNav", type: "single_choice", textKey: k.text("needsHelpFromNav"), options: yesNo, planField: "needsHelpFromNav" },
    {
      id: "needsHelpFromNavDescription",
      type: "long_text",
      textKey: k.text("needsHelpFromNavDescription"),
      planField: "needsHelpFromNavDescription",
      showIf: { op: "equals", step: "needsHelpFromNav", value: "yes" },
    },
    { id: "employeeContributed", type: "single_choice", textKey: k.text("employeeContributed"), options: yesNo, planField: "employeeHasContributedToPlan" },
    {
      id: "notContributedReason",
      type: "long_text",
      textKey: k.text("notContributedReason"),
      planField: "employeeHasNotContributedToPlanDescription",
      showIf: { op: "equals", step: "employeeContributed", value: "no" },
    },
    { id: "sendToNav", type: "single_choice", textKey: k.text("sendToNav"), helpKey: k.help("sendToNav"), options: yesNo, planField: "sendPlanToNav" },
    { id: "sendToGp", type: "single_choice", textKey: k.text("sendToGp"), helpKey: k.help("sendToGp"), options: yesNo, planField: "sendPlanToGeneralPractitioner" },
    { id: "summary", type: "summary", textKey: k.text("summary"), helpKey: k.help("summary") },
  ],
});
