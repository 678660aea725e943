// The employee's side of the follow-up conversation (follow-up-plan.md, topics
// 1–8): contact, the job as agreed, each main task, what else could work, what
// was tried, own goals, and consent for the ARR team. Work only, never health.
import { defineDialogue } from "../validate.js";
import { adjustmentOptions, contactChannelOptions, keysFor, ownTaskListStep, taskAbilityOptions, yesNo } from "./shared.js";

const k = keysFor("employee_followup");

export const employeeFollowup = defineDialogue({
  id: "employee_followup",
  version: 1,
  audience: "employee",
  titleKey: k.title,
  steps: [
    { id: "intro", type: "info", textKey: k.text("intro"), helpKey: k.help("intro") },

    // 1. Contact during this absence; agreed preferences may already cover it.
    {
      id: "contactAsAgreed",
      type: "single_choice",
      textKey: k.text("contactAsAgreed"),
      options: k.options("contactAsAgreed", ["as_agreed", "change", "none_yet"]),
      next: [{ when: { op: "equals", step: "contactAsAgreed", value: "as_agreed" }, goto: "role" }],
    },
    { id: "contactChannel", type: "multi_choice", textKey: k.text("contactChannel"), options: contactChannelOptions, planField: "contactChannel" },
    { id: "contactTimes", type: "short_text", textKey: k.text("contactTimes"), helpKey: k.help("contactTimes"), planField: "contactTimes" },
    { id: "whoMayKnow", type: "short_text", textKey: k.text("whoMayKnow"), helpKey: k.help("whoMayKnow"), planField: "whoMayKnow" },

    // 2. The job as agreed (prefilled from what is known; the person corrects it).
    { id: "role", type: "short_text", textKey: k.text("role"), maxLength: 120, planField: "role" },
    { id: "positionPercent", type: "percent", textKey: k.text("positionPercent"), min: 1, max: 100, planField: "positionPercent" },
    {
      id: "typicalWorkday",
      type: "long_text",
      textKey: k.text("typicalWorkday"),
      helpKey: k.help("typicalWorkday"),
      required: false,
      planField: "typicalWorkday",
    },
    {
      id: "mainTasks",
      type: "list",
      textKey: k.text("mainTasks"),
      helpKey: k.help("mainTasks"),
      maxItems: 10,
      itemMaxLength: 120,
      prefillFrom: "mainTasks",
      planField: "mainTasks",
    },

    // 3. Each main task: as normal, with adjustment (which), or not now.
    {
      id: "tasks",
      type: "repeat",
      textKey: k.text("tasks"),
      source: { kind: "step", step: "mainTasks" },
      group: "task",
      itemTitleKey: k.key("tasks.itemTitle"),
      itemLabelKey: k.key("tasks.itemLabel"),
      itemPlanField: "taskName",
      itemSteps: [
        { id: "ability", type: "single_choice", textKey: k.text("ability"), options: taskAbilityOptions, planField: "taskAbility" },
        {
          id: "adjustment",
          type: "multi_choice",
          textKey: k.text("adjustment"),
          helpKey: k.help("adjustment"),
          options: adjustmentOptions,
          planField: "taskAdjustment",
          showIf: { op: "equals", step: "ability", value: "with_adjustment" },
        },
        {
          id: "adjustmentOther",
          type: "short_text",
          textKey: k.text("adjustmentOther"),
          showIf: { op: "all", conditions: [
            { op: "equals", step: "ability", value: "with_adjustment" },
            { op: "equals", step: "adjustment", value: "other" },
          ] },
        },
      ],
    },

    // 3b. Her own list of tasks she could do while sick (seed 004, from her follow-up
    // agreement): assessed one by one like the main tasks; the leader assesses it too.
    ownTaskListStep("employee"),

    // 4.–5. What else could work now.
    { id: "otherTasks", type: "long_text", textKey: k.text("otherTasks"), helpKey: k.help("otherTasks"), required: false, planField: "otherSuitableTasks" },
    { id: "colleagueSupport", type: "long_text", textKey: k.text("colleagueSupport"), required: false, planField: "colleagueSupport" },
    { id: "workplaceChanges", type: "long_text", textKey: k.text("workplaceChanges"), helpKey: k.help("workplaceChanges"), required: false, planField: "workplaceChanges" },

    // 6. What has been tried.
    { id: "triedBefore", type: "single_choice", textKey: k.text("triedBefore"), options: yesNo },
    {
      id: "previousFacilitation",
      type: "long_text",
      textKey: k.text("previousFacilitation"),
      planField: "previousFacilitation",
      showIf: { op: "equals", step: "triedBefore", value: "yes" },
    },

    // 7. Own suggestions and goals for the return.
    { id: "ownSuggestions", type: "long_text", textKey: k.text("ownSuggestions"), required: false, planField: "ownSuggestions" },
    {
      id: "returnPace",
      type: "single_choice",
      textKey: k.text("returnPace"),
      options: k.options("returnPace", ["full_soon", "graded", "unsure"]),
    },
    {
      id: "returnGoals",
      type: "long_text",
      textKey: k.text("returnGoals"),
      helpKey: k.help("returnGoals"),
      required: false,
      planField: "returnGoals",
    },

    // 8. Explicit consent for the ARR team.
    { id: "arrConsent", type: "single_choice", textKey: k.text("arrConsent"), helpKey: k.help("arrConsent"), options: yesNo, planField: "arrConsent" },
    { id: "summary", type: "summary", textKey: k.text("summary"), helpKey: k.help("summary") },
  ],
});
