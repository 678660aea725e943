// The leader records that a follow-up plan is obviously unnecessary, and why.
// HR sees the reason, so the text is kept to work matters like everything else.
import { defineDialogue } from "../validate.js";
import { keysFor } from "./shared.js";

const k = keysFor("plan_not_needed");

export const planNotNeeded = defineDialogue({
  id: "plan_not_needed",
  version: 1,
  audience: "leader",
  titleKey: k.title,
  steps: [
    { id: "intro", type: "info", textKey: k.text("intro") },
    {
      id: "reason",
      type: "single_choice",
      textKey: k.text("reason"),
      options: k.options("reason", ["returns_soon", "measures_working", "cannot_return", "other"]),
      planField: "notNeededReason",
    },
    { id: "reasonText", type: "long_text", textKey: k.text("reasonText"), helpKey: k.help("reasonText"), maxLength: 1000 },
    { id: "summary", type: "summary", textKey: k.text("summary") },
  ],
});
