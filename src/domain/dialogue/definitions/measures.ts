// Adding measures (tiltak) outside a full follow-up conversation.
import { defineDialogue } from "../validate.js";
import { keysFor, measureItemSteps } from "./shared.js";

const k = keysFor("measures");

export const measures = defineDialogue({
  id: "measures",
  version: 1,
  audience: "leader",
  titleKey: k.title,
  steps: [
    {
      id: "measures",
      type: "repeat",
      textKey: k.text("measures"),
      source: { kind: "open", minItems: 1, maxItems: 10, addFirstKey: "dialogue:measure.addFirst", addAnotherKey: "dialogue:measure.addAnother" },
      group: "measure",
      itemTitleKey: "dialogue:measure.itemTitle",
      itemSteps: measureItemSteps,
    },
    { id: "summary", type: "summary", textKey: k.text("summary") },
  ],
});
