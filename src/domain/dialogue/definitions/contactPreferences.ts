// "How do I want to be met if I get sick?" (seed 002), recorded before anyone
// is sick and reused when an absence starts. Seed 004 adds the personal list of
// tasks one could still do.
import { defineDialogue } from "../validate.js";
import { contactChannelOptions, keysFor } from "./shared.js";

const k = keysFor("contact_preferences");

export const contactPreferences = defineDialogue({
  id: "contact_preferences",
  version: 1,
  audience: "employee",
  titleKey: k.title,
  steps: [
    { id: "intro", type: "info", textKey: k.text("intro"), helpKey: k.help("intro") },
    {
      id: "channels",
      type: "multi_choice",
      textKey: k.text("channels"),
      helpKey: k.help("channels"),
      options: contactChannelOptions,
      planField: "contactChannel",
    },
    {
      id: "times",
      type: "multi_choice",
      textKey: k.text("times"),
      options: k.options("times", ["morning", "midday", "afternoon", "any_work_hours", "agree_each_time"]),
      planField: "contactTimes",
    },
    { id: "timesNote", type: "short_text", textKey: k.text("timesNote"), required: false },
    {
      id: "closeness",
      type: "single_choice",
      textKey: k.text("closeness"),
      helpKey: k.help("closeness"),
      options: k.options("closeness", ["weekly", "every_two_weeks", "when_needed", "i_get_in_touch"]),
    },
    {
      // The workshop's "whom do I contact?": who keeps in touch while she is away.
      id: "contactBy",
      type: "single_choice",
      textKey: k.text("contactBy"),
      helpKey: k.help("contactBy"),
      options: k.options("contactBy", ["leader", "leader_or_substitute", "named_person"]),
    },
    {
      id: "contactByName",
      type: "short_text",
      textKey: k.text("contactByName"),
      showIf: { op: "equals", step: "contactBy", value: "named_person" },
    },
    {
      id: "whoMayKnow",
      type: "single_choice",
      textKey: k.text("whoMayKnow"),
      helpKey: k.help("whoMayKnow"),
      options: k.options("whoMayKnow", ["leader_only", "leader_and_team", "leader_and_named", "ask_me_first"]),
      planField: "whoMayKnow",
    },
    {
      id: "whoMayKnowNames",
      type: "short_text",
      textKey: k.text("whoMayKnowNames"),
      showIf: { op: "equals", step: "whoMayKnow", value: "leader_and_named" },
    },
    {
      id: "taskHandover",
      type: "long_text",
      textKey: k.text("taskHandover"),
      helpKey: k.help("taskHandover"),
      required: false,
      planField: "taskHandover",
    },
    {
      id: "fallbackTasks",
      type: "list",
      textKey: k.text("fallbackTasks"),
      helpKey: k.help("fallbackTasks"),
      required: false,
      maxItems: 15,
      itemMaxLength: 120,
      planField: "otherSuitableTasks",
    },
    { id: "summary", type: "summary", textKey: k.text("summary") },
  ],
});
