// A change to the sick leave already reported: extended, graded from a date, or
// back at work. Each branch asks only for the one date (and grade) it needs.
import { defineDialogue } from "../validate.js";
import { keysFor } from "./shared.js";

const k = keysFor("change_absence");
const when = (value: string) => ({ op: "equals" as const, step: "change", value });

export const changeAbsence = defineDialogue({
  id: "change_absence",
  version: 1,
  audience: "employee",
  titleKey: k.title,
  steps: [
    { id: "change", type: "single_choice", textKey: k.text("change"), options: k.options("change", ["extended", "graded", "back_at_work"]) },
    { id: "newEnd", type: "date", textKey: k.text("newEnd"), helpKey: k.help("newEnd"), allowUnknown: true, minDays: -30, maxDays: 365, showIf: when("extended") },
    { id: "gradeFrom", type: "date", textKey: k.text("gradeFrom"), minDays: -30, maxDays: 60, defaultDays: 0, showIf: when("graded") },
    { id: "gradePercent", type: "percent", textKey: k.text("gradePercent"), helpKey: k.help("gradePercent"), min: 1, max: 100, showIf: when("graded") },
    { id: "lastSickDay", type: "date", textKey: k.text("lastSickDay"), helpKey: k.help("lastSickDay"), minDays: -90, maxDays: 60, defaultDays: -1, showIf: when("back_at_work") },
    { id: "summary", type: "summary", textKey: k.text("summary") },
  ],
});
