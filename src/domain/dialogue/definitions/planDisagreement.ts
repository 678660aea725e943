// The employee says what they disagree with in a plan version. It is recorded in
// their own words and cannot be overwritten by the leader.
import { defineDialogue } from "../validate.js";
import { keysFor } from "./shared.js";

const k = keysFor("plan_disagreement");

export const planDisagreement = defineDialogue({
  id: "plan_disagreement",
  version: 1,
  audience: "employee",
  // Her words are handed to the leader as they are: flagged text she keeps private is left out.
  privateText: "left_out",
  titleKey: k.title,
  steps: [
    { id: "comment", type: "long_text", textKey: k.text("comment"), helpKey: k.help("comment"), maxLength: 2000 },
    { id: "summary", type: "summary", textKey: k.text("summary") },
  ],
});
