// Hand-built answer snapshots (the dialogue engine is written in parallel; the shape
// is fixed by src/domain/plan/snapshot.ts) and a ready plan built from them.
import type { AnswerValue } from "../../../src/domain/messages/commands.js";
import { buildPlanDraft } from "../../../src/domain/plan/merge.js";
import type { PlanContent } from "../../../src/domain/plan/model.js";
import { type AnswerSnapshot, answerSnapshotSchema } from "../../../src/domain/plan/snapshot.js";
import type { PlanDocument } from "../../../src/domain/plan/view.js";

export const TODAY = "2026-01-20";

/** Strings that must never leave the private answers. */
export const PRIVATE_TEXT = "PRIVAT-NOTAT: vil ikke at lederen skal vite om søvnvanskene";
export const DIAGNOSIS_TEXT = "Ryggprolaps diagnostisert av fastlegen, tar smertestillende";

interface SnapInput {
  questionId: string;
  planField?: AnswerSnapshot["planField"];
  value: AnswerValue;
  display?: string;
  group?: AnswerSnapshot["group"];
  private?: boolean;
  required?: boolean;
}

export function snap(by: "employee" | "leader", input: SnapInput): AnswerSnapshot {
  return answerSnapshotSchema.parse({
    questionId: input.questionId,
    planField: input.planField,
    group: input.group,
    label: `Spørsmål ${input.questionId}`,
    required: input.required ?? false,
    value: input.value,
    display: input.display ?? (Array.isArray(input.value) ? input.value.join(", ") : String(input.value ?? "")),
    private: input.private ?? false,
    dialogueId: by === "employee" ? "employee-followup" : "leader-followup",
    dialogueVersion: 1,
    answeredBy: by,
    locale: "nb",
  });
}

const task = (index: number) => ({ kind: "task" as const, index });
const measure = (index: number) => ({ kind: "measure" as const, index });

export function employeeSnapshots(): AnswerSnapshot[] {
  const e = (input: SnapInput) => snap("employee", input);
  return [
    e({ questionId: "workday", planField: "typicalWorkday", value: "Jeg starter dagen med kundemøter og skriver rapporter på ettermiddagen." }),
    e({ questionId: "tasks[0].name", planField: "taskName", group: task(0), value: "Kundemøter" }),
    e({ questionId: "tasks[0].ability", planField: "taskAbility", group: task(0), value: "with_adjustment" }),
    e({ questionId: "tasks[0].adjust", planField: "taskAdjustment", group: task(0), value: ["more_time", "other_hours"] }),
    e({ questionId: "tasks[0].note", group: task(0), value: "Korte møter går fint." }),
    e({ questionId: "tasks[1].name", planField: "taskName", group: task(1), value: "Tunge løft på lageret" }),
    e({ questionId: "tasks[1].ability", planField: "taskAbility", group: task(1), value: "cannot" }),
    e({ questionId: "tasks[2].name", planField: "taskName", group: task(2), value: "Rapportskriving" }),
    e({ questionId: "tasks[2].ability", planField: "taskAbility", group: task(2), value: "normal" }),
    e({ questionId: "tried", planField: "previousFacilitation", value: "Hjemmekontor to dager i uka fungerte godt." }),
    // A private answer in a field the ARR summary and NAV export do show.
    e({ questionId: "tried-private", planField: "previousFacilitation", value: DIAGNOSIS_TEXT, private: true }),
    e({ questionId: "suggest", planField: "ownSuggestions", value: "Starte med 50 % og øke gradvis." }),
    e({ questionId: "private-note", planField: "ownSuggestions", value: PRIVATE_TEXT, private: true }),
    e({ questionId: "changes", planField: "workplaceChanges", value: DIAGNOSIS_TEXT, private: true }),
    e({ questionId: "follow", planField: "followUp", value: "En prat hver fredag passer meg." }),
    e({ questionId: "contact", planField: "contactChannel", value: ["chat"], display: "Chat" }),
    e({ questionId: "arr", planField: "arrConsent", value: "yes", display: "Ja" }),
    e({ questionId: "measures[0].title", planField: "measureTitle", group: measure(0), value: "Ergonomisk stol" }),
    e({ questionId: "measures[0].owner", planField: "measureOwner", group: measure(0), value: "leader" }),
  ];
}

export function leaderSnapshots(): AnswerSnapshot[] {
  const l = (input: SnapInput) => snap("leader", input);
  return [
    l({ questionId: "workday", planField: "typicalWorkday", value: "Stillingen består av kundeoppfølging og rapportering." }),
    l({ questionId: "percent", planField: "positionPercent", value: 80 }),
    l({ questionId: "tasks[0].name", planField: "taskName", group: task(0), value: "kundemøter" }),
    l({ questionId: "tasks[0].ability", planField: "taskAbility", group: task(0), value: "with_adjustment" }),
    l({ questionId: "tasks[0].adjust", planField: "taskAdjustment", group: task(0), value: ["more_time"] }),
    l({ questionId: "tried", planField: "previousFacilitation", value: "Hjemmekontor og fleksitid." }),
    l({ questionId: "follow", planField: "followUp", value: "Ukentlig samtale på fredager." }),
    l({ questionId: "eval", planField: "evaluationDate", value: "2026-03-02" }),
    l({ questionId: "nav-help", planField: "needsHelpFromNav", value: "no" }),
    l({ questionId: "to-nav", planField: "sendPlanToNav", value: "no" }),
    l({ questionId: "to-gp", planField: "sendPlanToGeneralPractitioner", value: "yes" }),
    l({ questionId: "arr", planField: "arrConsent", value: "no" }),
    l({ questionId: "measures[0].title", planField: "measureTitle", group: measure(0), value: "ergonomisk  stol" }),
    l({ questionId: "measures[0].desc", planField: "measureDescription", group: measure(0), value: "Bestilles fra leverandøren i år." }),
    l({ questionId: "measures[0].owner", planField: "measureOwner", group: measure(0), value: "leader" }),
    l({ questionId: "measures[0].due", planField: "measureDueDate", group: measure(0), value: "2026-02-01" }),
    l({ questionId: "measures[1].title", planField: "measureTitle", group: measure(1), value: "Gradert oppstart" }),
    l({ questionId: "measures[1].owner", planField: "measureOwner", group: measure(1), value: "employee" }),
    l({ questionId: "measures[1].due", planField: "measureDueDate", group: measure(1), value: "2026-02-15" }),
  ];
}

export function jointPlan(): PlanContent {
  return buildPlanDraft({ employee: employeeSnapshots(), leader: leaderSnapshots(), today: TODAY });
}

export function planDocument(content: PlanContent = jointPlan(), extra: Partial<PlanDocument> = {}): PlanDocument {
  return {
    content,
    version: 2,
    employeeName: "Bjørn Ødegård",
    leaderName: "Åse Hæreid",
    caseStart: "2025-12-29",
    createdAt: TODAY,
    ...extra,
  };
}

/** Every string value anywhere in a JSON-like structure, joined, for leak checks. */
export function allText(value: unknown): string {
  return JSON.stringify(value);
}
