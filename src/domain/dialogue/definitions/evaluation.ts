// Evaluating the plan: how each known measure worked (the plan's measures come
// in as list context), the overall picture, and what happens next.
import { defineDialogue } from "../validate.js";
import { keysFor } from "./shared.js";

const k = keysFor("evaluation");

export const evaluation = defineDialogue({
  id: "evaluation",
  version: 1,
  audience: "leader",
  titleKey: k.title,
  steps: [
    {
      id: "measureResults",
      type: "repeat",
      textKey: k.text("measureResults"),
      source: { kind: "context", key: "measures" },
      group: "measure",
      itemTitleKey: k.key("measureResults.itemTitle"),
      itemLabelKey: k.key("measureResults.itemLabel"),
      itemPlanField: "measureTitle",
      itemSteps: [
        {
          id: "result",
          type: "single_choice",
          textKey: k.text("result"),
          options: k.options("result", ["worked", "partly", "not_worked", "not_started"]),
        },
        { id: "resultNote", type: "short_text", textKey: k.text("resultNote"), required: false, maxLength: 500 },
      ],
    },
    { id: "howItWent", type: "long_text", textKey: k.text("howItWent"), helpKey: k.help("howItWent"), planField: "previousFacilitation" },
    {
      id: "decision",
      type: "single_choice",
      textKey: k.text("decision"),
      options: k.options("decision", ["continue", "adjust", "finish"]),
      planField: "evaluationOutcome",
    },
    {
      id: "adjustments",
      type: "long_text",
      textKey: k.text("adjustments"),
      planField: "plannedFacilitation",
      showIf: { op: "equals", step: "decision", value: "adjust" },
    },
    {
      id: "newEvaluationDate",
      type: "date",
      textKey: k.text("newEvaluationDate"),
      minDays: 1,
      maxDays: 365,
      planField: "evaluationDate",
      showIf: { op: "notEquals", step: "decision", value: "finish" },
    },
    { id: "summary", type: "summary", textKey: k.text("summary") },
  ],
});
