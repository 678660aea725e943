// Every plan text the code asks for must exist in the complete locales (nb, en), and
// the other locales may not carry keys that bokmål lacks.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { COMPLETE_LOCALES, LOCALES_DIR, SUPPORTED_LOCALES, type Translate, hasKey, translator } from "../../../src/i18n/index.js";
import { buildArrSummary, renderArrSummaryText } from "../../../src/domain/plan/arrSummary.js";
import {
  adjustmentSchema,
  measureOwnerSchema,
  measureStatusSchema,
  planFieldSchema,
  taskAbilitySchema,
} from "../../../src/domain/plan/fields.js";
import { applyMeasureAction } from "../../../src/domain/plan/measures.js";
import { exceptionReasonSchema, planRoleSchema } from "../../../src/domain/plan/model.js";
import { renderPlanSummaryMessage } from "../../../src/domain/plan/summaryMessage.js";
import { type PlanProblem, problemMessage } from "../../../src/domain/plan/validation.js";
import {
  confirmVersion,
  confirmationProblems,
  recordDisagreement,
  recordPlanNotNeeded,
  validateEvaluationDate,
} from "../../../src/domain/plan/versions.js";
import { buildPlanView } from "../../../src/domain/plan/view.js";
import { emptyPlanContent } from "../../../src/domain/plan/model.js";
import { TODAY, jointPlan, planDocument } from "./fixtures.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

function existsIn(locale: (typeof COMPLETE_LOCALES)[number], key: string): boolean {
  return hasKey(locale, key) || (hasKey(locale, `${key}_one`) && hasKey(locale, `${key}_other`));
}

function flatKeys(json: unknown, prefix = ""): string[] {
  return Object.entries(json as Record<string, unknown>).flatMap(([k, v]) =>
    v !== null && typeof v === "object" ? flatKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("plan locale files", () => {
  it("nb and en hold the same keys; nn, sv and da nothing that nb lacks", () => {
    const keys = (locale: string) => flatKeys(JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, "plan.json"), "utf8")));
    const nb = keys("nb");
    expect(keys("en").sort()).toEqual([...nb].sort());
    for (const locale of SUPPORTED_LOCALES) expect(keys(locale).filter((k) => !nb.includes(k))).toEqual([]);
  });

  it("has every literal plan key used in the plan and export code", () => {
    const files = [...sourceFiles(path.join(ROOT, "src/domain/plan")), ...sourceFiles(path.join(ROOT, "src/exports"))];
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(/["'`](plan:[A-Za-z0-9_.]+)["'`]/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    for (const locale of COMPLETE_LOCALES) {
      expect([...used].filter((key) => !existsIn(locale, key)), locale).toEqual([]);
    }
  });

  it("has a label for every value of the enums the plan shows", () => {
    const keys = [
      ...planFieldSchema.options.map((v) => `plan:fields.${v}`),
      ...["tasks", "measures", "disagreement", "exception"].map((v) => `plan:fields.${v}`),
      ...taskAbilitySchema.options.map((v) => `plan:ability.${v}`),
      ...adjustmentSchema.options.map((v) => `plan:adjustment.${v}`),
      ...measureOwnerSchema.options.map((v) => `plan:owner.${v}`),
      ...measureStatusSchema.options.map((v) => `plan:measureStatus.${v}`),
      ...planRoleSchema.options.map((v) => `plan:voice.${v}`),
      ...exceptionReasonSchema.options.map((v) => `plan:exception.reason.${v}`),
    ];
    for (const locale of COMPLETE_LOCALES) expect(keys.filter((key) => !existsIn(locale, key)), locale).toEqual([]);
  });

  it("has every key the renderers and messages ask for at run time", () => {
    const used = new Set<string>();
    const recording = (t: Translate): Translate => (key, params) => {
      used.add(key);
      return t(key, params);
    };
    for (const locale of COMPLETE_LOCALES) {
      const t = recording(translator(locale));
      const content = jointPlan();
      content.disagreement = { by: "employee", text: "Uenig.", onVersion: 1, date: TODAY };
      content.exception = { reason: "other", text: "Kort fravær.", recordedBy: "U1", date: TODAY };
      content.measures[0]!.notes.push({ date: TODAY, by: "U1", text: "Notat." });
      content.measures[1]!.owner = null;
      content.measures[1]!.dueDate = null;
      const doc = planDocument(content, { organisation: "Eksempel AS" });
      buildPlanView(doc, { locale, t });
      renderPlanSummaryMessage({ planId: "p1", document: doc, viewer: "employee", locale, t });
      renderPlanSummaryMessage({ planId: "p1", document: { ...doc, confirmedAt: TODAY }, viewer: "leader", locale, t });
      const arr = { caseKey: "c1", employeeName: "B", caseStart: TODAY, weeks: 4, grade: 100, content, version: 1, locale, t };
      buildArrSummary({ ...arr, nextMilestone: { id: "m", titleKey: "plan:doc.title", due: TODAY } });
      renderArrSummaryText({ ...arr, nextMilestone: { id: "m", titleKey: "plan:doc.title", due: null } });
      buildArrSummary({ ...arr, content: { ...emptyPlanContent(), arrConsent: true } });

      const problems: PlanProblem[] = [
        ...confirmationProblems({ ...emptyPlanContent(), needsHelpFromNav: true, followUp: { leader: "x".repeat(2001) } }, TODAY),
        ...[validateEvaluationDate("x", TODAY), validateEvaluationDate(TODAY, TODAY), validateEvaluationDate("2030-01-01", TODAY)].flatMap(
          (r) => (r.ok ? [] : [r.error]),
        ),
        ...[
          recordDisagreement(content, { by: "leader", text: "x", onVersion: 1, date: TODAY }),
          recordDisagreement(content, { by: "employee", text: " ", onVersion: 1, date: TODAY }),
          recordPlanNotNeeded(content, { by: "employee", recordedBy: "U", reason: "other", date: TODAY }),
          recordPlanNotNeeded(content, { by: "leader", recordedBy: "U", reason: "other", date: TODAY }),
          applyMeasureAction(content, "m9", { type: "done" }, { today: TODAY, by: "U" }),
          applyMeasureAction(content, "m1", { type: "done" }, { today: TODAY, by: "U" }),
        ].flatMap((r) => (r.ok ? [] : [r.error])),
        ...[confirmVersion(content, { by: "leader", today: TODAY })].flatMap((r) => (r.ok ? [] : r.error)),
      ];
      const agreed = applyMeasureAction(content, "m1", { type: "agree" }, { today: TODAY, by: "U" });
      if (!agreed.ok) throw new Error("setup");
      for (const action of [
        { type: "postpone" as const, newDueDate: "2026-03-01", note: "" },
        { type: "postpone" as const, newDueDate: TODAY, note: "Senere." },
      ]) {
        const result = applyMeasureAction(agreed.value, "m1", action, { today: TODAY, by: "U" });
        if (!result.ok) problems.push(result.error);
      }
      const codes = new Set(problems.map((p) => p.code));
      expect(codes.size).toBeGreaterThanOrEqual(12);
      for (const problem of problems) expect(problemMessage(problem, t, locale)).not.toContain("plan:");
    }
    const planKeys = [...used].filter((key) => key.startsWith("plan:"));
    expect(planKeys.length).toBeGreaterThan(60);
    for (const locale of COMPLETE_LOCALES) {
      expect(planKeys.filter((key) => !existsIn(locale, key)), locale).toEqual([]);
    }
  });
});
