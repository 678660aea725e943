// The employee proposes measures herself, in chat, at any time (seed 001: she is in
// the driver's seat). Her proposals go into the plan's draft as hers; the leader is
// told, and they become agreed when a new version that holds them is confirmed.
import { defineDialogue } from "../validate.js";
import { measureItemSteps } from "./shared.js";

export const proposeMeasure = defineDialogue({
  id: "propose_measure",
  version: 1,
  audience: "employee",
  // What she proposes goes to her leader and into the plan: text she keeps private stays out of it.
  privateText: "left_out",
  titleKey: "proposal:title",
  steps: [
    {
      id: "measures",
      type: "repeat",
      textKey: "proposal:measures.text",
      helpKey: "proposal:measures.help",
      source: { kind: "open", minItems: 1, maxItems: 5, addFirstKey: "dialogue:measure.addFirst", addAnotherKey: "dialogue:measure.addAnother" },
      group: "measure",
      itemTitleKey: "dialogue:measure.itemTitle",
      itemSteps: measureItemSteps,
    },
    { id: "summary", type: "summary", textKey: "proposal:summary.text" },
  ],
});
