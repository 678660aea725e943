// Reporting sick: only dates, grade and the kind of absence. Never why: an info
// line says so before the first question.
import { defineDialogue } from "../validate.js";
import { keysFor } from "./shared.js";
import { REPORT_START_WINDOW } from "../../absence/validation.js";

const k = keysFor("report_sickness");

export const reportSickness = defineDialogue({
  id: "report_sickness",
  version: 1,
  audience: "employee",
  titleKey: k.title,
  steps: [
    { id: "intro", type: "info", textKey: k.text("intro"), helpKey: k.help("intro") },
    { id: "startDate", type: "date", textKey: k.text("startDate"), ...REPORT_START_WINDOW, defaultDays: 0 },
    {
      id: "endDate",
      type: "date",
      textKey: k.text("endDate"),
      helpKey: k.help("endDate"),
      allowUnknown: true,
      notBefore: "startDate",
      minDays: REPORT_START_WINDOW.minDays,
      maxDays: 365,
    },
    {
      id: "grade",
      type: "single_choice",
      textKey: k.text("grade"),
      options: k.options("grade", ["full", "graded"]),
      // «50 %» typed here is graded at 50 %: the percentage question is answered with it.
      typedPercent: { option: "graded", step: "gradePercent" },
      // Full sick leave needs no percentage.
      next: [{ when: { op: "equals", step: "grade", value: "full" }, goto: "leaveType" }],
    },
    { id: "gradePercent", type: "percent", textKey: k.text("gradePercent"), helpKey: k.help("gradePercent"), min: 1, max: 100 },
    {
      id: "leaveType",
      type: "single_choice",
      textKey: k.text("leaveType"),
      helpKey: k.help("leaveType"),
      options: k.options("leaveType", ["egenmelding", "sykmelding"]),
    },
    { id: "summary", type: "summary", textKey: k.text("summary") },
  ],
});
