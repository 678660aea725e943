import { describe, expect, it } from "vitest";
import { dialogues } from "../../../src/domain/dialogue/definitions/index.js";
import { dialogueDefinitionSchema, type DialogueDefinitionInput, type PromptStep } from "../../../src/domain/dialogue/schema.js";
import { defineDialogue, definitionKeys, validateDefinition } from "../../../src/domain/dialogue/validate.js";
import { COMPLETE_LOCALES, hasKey, loadResources } from "../../../src/i18n/index.js";

/** Reads a key from raw locale resources, so the check does not depend on fallbacks. */
function existsIn(resources: ReturnType<typeof loadResources>, locale: string, key: string): boolean {
  const [ns, path] = key.split(":") as [string, string];
  let node: unknown = resources[locale]?.[ns];
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" && node.length > 0;
}

const resources = loadResources();

const valid: DialogueDefinitionInput = {
  id: "test_dialogue",
  version: 1,
  audience: "employee",
  titleKey: "dialogue:report_sickness.title",
  steps: [
    { id: "a", type: "single_choice", textKey: "dialogue:report_sickness.grade.text", options: [
      { value: "x", labelKey: "dialogue:common.yes" },
      { value: "y", labelKey: "dialogue:common.no" },
    ], next: [{ when: { op: "equals", step: "a", value: "y" }, goto: "c" }] },
    { id: "b", type: "short_text", textKey: "dialogue:report_sickness.startDate.text" },
    { id: "c", type: "summary", textKey: "dialogue:report_sickness.summary.text" },
  ],
};

function problemsOf(patch: (d: DialogueDefinitionInput) => void): string[] {
  const input = structuredClone(valid);
  patch(input);
  return validateDefinition(dialogueDefinitionSchema.parse(input), (key) => existsIn(resources, "nb", key));
}

describe("definition validation", () => {
  it("accepts a well-formed definition", () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it("rejects duplicate step ids, also between top-level and item steps", () => {
    expect(problemsOf((d) => { d.steps[1]!.id = "a"; }).join()).toMatch(/"a" is used more than once/);
    const withRepeat = problemsOf((d) => {
      d.steps.splice(2, 0, {
        id: "r", type: "repeat", textKey: "dialogue:measures.measures.text", group: "measure",
        itemTitleKey: "dialogue:measure.itemTitle",
        source: { kind: "open", addFirstKey: "dialogue:measure.addFirst", addAnotherKey: "dialogue:measure.addAnother" },
        itemSteps: [{ id: "b", type: "short_text", textKey: "dialogue:measure.title.text" }],
      });
    });
    expect(withRepeat.join()).toMatch(/"b" is used more than once/);
  });

  it("rejects a dangling or backward goto", () => {
    expect(problemsOf((d) => { d.steps[0]!.next![0]!.goto = "nowhere"; }).join()).toMatch(/goto "nowhere" does not exist/);
    expect(problemsOf((d) => { (d.steps[1] as { next?: unknown }).next = [{ when: { op: "answered", step: "b" }, goto: "a" }]; }).join())
      .toMatch(/goto "a" must be a later step/);
  });

  it("rejects conditions on later or unknown steps and on values that are not options", () => {
    expect(problemsOf((d) => { d.steps[0]!.showIf = { op: "answered", step: "b" }; }).join()).toMatch(/refers to "b"/);
    expect(problemsOf((d) => { d.steps[1]!.showIf = { op: "not", condition: { op: "answered", step: "zzz" } }; }).join()).toMatch(/refers to "zzz"/);
    expect(problemsOf((d) => { d.steps[1]!.showIf = { op: "equals", step: "a", value: "typo" }; }).join()).toMatch(/"typo", which is not one of its options/);
  });

  it("rejects unknown locale keys", () => {
    expect(problemsOf((d) => { d.steps[1]!.helpKey = "dialogue:no.such.key"; })).toEqual(['locale key "dialogue:no.such.key" is missing']);
  });

  it("rejects a summary that is not last, a repeat over a non-list, and impossible bounds", () => {
    expect(problemsOf((d) => { d.steps.push({ id: "z", type: "info", textKey: "dialogue:report_sickness.intro.text" }); }).join())
      .toMatch(/summary step must be the last/);
    expect(problemsOf((d) => {
      d.steps.splice(2, 0, {
        id: "r", type: "repeat", textKey: "dialogue:measures.measures.text", group: "task",
        itemTitleKey: "dialogue:measure.itemTitle", source: { kind: "step", step: "b" },
        itemSteps: [{ id: "q", type: "short_text", textKey: "dialogue:measure.title.text" }],
      });
    }).join()).toMatch(/source "b" must be an earlier list step/);
    expect(problemsOf((d) => { d.steps[1] = { id: "b", type: "date", textKey: "dialogue:report_sickness.startDate.text", minDays: 5, maxDays: 1 }; }).join())
      .toMatch(/minDays is above maxDays/);
  });

  it("rejects a typedPercent that picks no option or answers anything but the percent step right after it", () => {
    const percentAfter = (d: DialogueDefinitionInput) => {
      d.steps.splice(1, 0, { id: "p", type: "percent", textKey: "dialogue:report_sickness.gradePercent.text" });
    };
    const typed = (option: string, step: string) => (d: DialogueDefinitionInput) => {
      percentAfter(d);
      (d.steps[0] as { typedPercent?: unknown }).typedPercent = { option, step };
    };
    expect(problemsOf(typed("y", "p"))).toEqual([]);
    expect(problemsOf(typed("z", "p")).join()).toMatch(/typedPercent picks "z", which is not one of its options/);
    expect(problemsOf(typed("y", "b")).join()).toMatch(/typedPercent must answer the percent step right after it/);
    expect(problemsOf((d) => { (d.steps[0] as { typedPercent?: unknown }).typedPercent = { option: "y", step: "b" }; }).join()).toMatch(/percent step right after it/);
  });

  it("defineDialogue throws on a structurally broken definition and the schema rejects bad shapes", () => {
    const broken = structuredClone(valid);
    broken.steps[0]!.next![0]!.goto = "nowhere";
    expect(() => defineDialogue(broken)).toThrow(/nowhere/);
    expect(dialogueDefinitionSchema.safeParse({ ...valid, version: 0 }).success).toBe(false);
    expect(dialogueDefinitionSchema.safeParse({ ...valid, steps: [{ id: "a.b", type: "info", textKey: "dialogue:x.y" }] }).success).toBe(false);
    const tooLong = { ...valid, steps: [{ id: "t", type: "long_text", textKey: "dialogue:x.y", maxLength: 5000 }] };
    expect(dialogueDefinitionSchema.safeParse(tooLong).success).toBe(false);
  });
});

describe("shipped dialogues", () => {
  const all = Object.values(dialogues);

  it("are registered under their own ids with a version", () => {
    for (const [id, def] of Object.entries(dialogues)) {
      expect(def.id).toBe(id);
      expect(def.version).toBeGreaterThanOrEqual(1);
    }
    expect(Object.keys(dialogues).sort()).toEqual(
      ["change_absence", "contact_preferences", "dk_screening", "employee_followup", "evaluation", "leader_followup", "measures", "plan_disagreement", "plan_not_needed", "propose_measure", "report_sickness", "team_routine"],
    );
  });

  it.each(all.map((d) => [d.id, d] as const))("%s passes validation with every key in nb and en", (_id, def) => {
    for (const locale of COMPLETE_LOCALES) {
      expect(validateDefinition(def, (key) => existsIn(resources, locale, key)), locale).toEqual([]);
      for (const key of definitionKeys(def)) expect(hasKey(locale, key), `${locale} ${key}`).toBe(true);
    }
  });

  it("never asks about diagnosis or symptoms", () => {
    for (const locale of COMPLETE_LOCALES) {
      const text = JSON.stringify(resources[locale]?.["dialogue"]);
      // Only the reassurances may mention diagnosis ("never ... diagnose"), never as a question.
      for (const question of text.match(/"text":"[^"]*"/g) ?? []) {
        expect(question, locale).not.toMatch(/diagnos|symptom|sykdommen|illness|what is wrong/i);
      }
    }
  });

  it("keeps plan text fields within 2000 characters", () => {
    for (const def of all) {
      const steps = def.steps.flatMap((s): PromptStep[] => (s.type === "repeat" ? [s, ...s.itemSteps] : [s]));
      for (const step of steps) if ("maxLength" in step) expect(step.maxLength).toBeLessThanOrEqual(2000);
    }
  });
});

describe("dialogue locale files", () => {
  function flatten(node: unknown, prefix = ""): Record<string, string> {
    if (typeof node === "string") return { [prefix]: node };
    return Object.entries(node as Record<string, unknown>).reduce<Record<string, string>>(
      (acc, [k, v]) => ({ ...acc, ...flatten(v, prefix ? `${prefix}.${k}` : k) }),
      {},
    );
  }
  const nb = flatten(resources["nb"]?.["dialogue"]);
  const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it.each(Object.keys(resources).filter((l) => resources[l]?.["dialogue"]))("%s has the same keys and placeholders as nb", (locale) => {
    const other = flatten(resources[locale]?.["dialogue"]);
    expect(Object.keys(other).sort()).toEqual(Object.keys(nb).sort());
    for (const [key, text] of Object.entries(nb)) expect(params(other[key] ?? ""), `${locale} ${key}`).toEqual(params(text));
  });
});
