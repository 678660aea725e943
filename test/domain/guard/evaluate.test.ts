import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateGuard, parseLabelledTsv, type LabelledRow } from "../../../src/domain/guard/index.js";
import type { HealthGuard } from "../../../src/domain/guard/types.js";

const fixture = (name: string) =>
  parseLabelledTsv(readFileSync(new URL(`../../fixtures/guard/${name}`, import.meta.url), "utf8"));

describe("parseLabelledTsv", () => {
  it("reads label, language and sentence, skipping comments and blank lines", () => {
    const rows = parseLabelledTsv("# comment\n1\tnb\tJeg har migrene.\n\n0\ten\tI need shorter days.\r\n");
    expect(rows).toEqual([
      { label: true, lang: "nb", text: "Jeg har migrene.", line: 2 },
      { label: false, lang: "en", text: "I need shorter days.", line: 4 },
    ]);
  });

  it("rejects malformed lines with their line number", () => {
    expect(() => parseLabelledTsv("1\tnb\n")).toThrow(/line 1/);
    expect(() => parseLabelledTsv("0\tnb\tok\n2\tnb\tbad label\n")).toThrow(/line 2: label/);
    expect(() => parseLabelledTsv("1\tnb\t \n")).toThrow(/empty/);
  });
});

describe("evaluateGuard", () => {
  const rows: LabelledRow[] = [
    { label: true, lang: "nb", text: "a" },
    { label: true, lang: "nb", text: "b" },
    { label: false, lang: "nb", text: "c" },
    { label: false, lang: "nb", text: "d" },
    { label: true, lang: "nb", text: "e" },
  ];
  // flags a, c and d: one hit, one miss among the positives, two false alarms
  const guard: HealthGuard = (text) => ({ flagged: "acd".includes(text), matches: "acd".includes(text) ? [text] : [] });

  it("counts the confusion matrix and derives precision, recall and F1", () => {
    const e = evaluateGuard(rows, guard);
    expect({ tp: e.tp, fp: e.fp, fn: e.fn, tn: e.tn }).toEqual({ tp: 1, fp: 2, fn: 2, tn: 0 });
    expect(e.precision).toBeCloseTo(1 / 3);
    expect(e.recall).toBeCloseTo(1 / 3);
    expect(e.f1).toBeCloseTo(1 / 3);
  });

  it("lists every mistake with what the guard matched", () => {
    const e = evaluateGuard(rows, guard);
    expect(e.mistakes.map((m) => [m.kind, m.row.text, m.matches])).toEqual([
      ["false-negative", "b", []],
      ["false-positive", "c", ["c"]],
      ["false-positive", "d", ["d"]],
      ["false-negative", "e", []],
    ]);
  });

  it("defines precision without flags and recall without positives as 1", () => {
    const never: HealthGuard = () => ({ flagged: false, matches: [] });
    const e = evaluateGuard([{ label: false, lang: "en", text: "x" }], never);
    expect([e.precision, e.recall, e.f1]).toEqual([1, 1, 1]);
  });
});

// The main set is the one the lexicon is tuned on: the guard reaches 1.00 and 1.00
// there (`npm run bench -- guard`), and the floors catch a change that costs either.
// The held-out sets are never tuned against; their floors are set from the figures
// measured once, after the second round of tuning (holdout.tsv 1.00/1.00 on 75
// sentences; holdout-colloquial.tsv 0.99/0.98 on 233), a little lower so that one
// or two new misses in a later lexicon change do not fail the suite, but a real
// loss does. The target of the issue (precision 0.97, recall 0.95) is the floor of
// the larger held-out set.
const MAIN_FLOOR = 0.98;
const HOLDOUT_FLOOR = 0.9;
const COLLOQUIAL_PRECISION_FLOOR = 0.97;
const COLLOQUIAL_RECALL_FLOOR = 0.95;

const LANGUAGES = new Set(["nb", "nn", "sv", "da", "en"]);

describe("the health guard on the labelled sentences", () => {
  it("main set: at least 600 sentences in all five languages, precision and recall at the floor", () => {
    const rows = fixture("labelled.tsv");
    expect(rows.length).toBeGreaterThanOrEqual(600);
    expect(new Set(rows.map((r) => r.lang))).toEqual(LANGUAGES);
    const e = evaluateGuard(rows);
    expect(e.precision).toBeGreaterThanOrEqual(MAIN_FLOOR);
    expect(e.recall).toBeGreaterThanOrEqual(MAIN_FLOOR);
  });

  it("holdout (never tuned against): precision and recall at the floor", () => {
    const rows = fixture("holdout.tsv");
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const e = evaluateGuard(rows);
    expect(new Set(rows.map((r) => r.lang))).toEqual(LANGUAGES);
    expect(e.precision).toBeGreaterThanOrEqual(HOLDOUT_FLOOR);
    expect(e.recall).toBeGreaterThanOrEqual(HOLDOUT_FLOOR);
  });

  it("colloquial holdout (never tuned against): precision ≥ 0.97 and recall ≥ 0.95", () => {
    const rows = fixture("holdout-colloquial.tsv");
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(new Set(rows.map((r) => r.lang))).toEqual(LANGUAGES);
    const e = evaluateGuard(rows);
    expect(e.precision).toBeGreaterThanOrEqual(COLLOQUIAL_PRECISION_FLOOR);
    expect(e.recall).toBeGreaterThanOrEqual(COLLOQUIAL_RECALL_FLOOR);
  });

  it("no sentence is in two sets (a held-out sentence copied into the main set would leak)", () => {
    const sets = ["labelled.tsv", "holdout.tsv", "holdout-colloquial.tsv"].map(
      (name) => new Set(fixture(name).map((r) => r.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim())),
    );
    for (let i = 0; i < sets.length; i++)
      for (let j = i + 1; j < sets.length; j++) {
        const both = [...(sets[i] as Set<string>)].filter((t) => (sets[j] as Set<string>).has(t));
        expect(both).toEqual([]);
      }
  });
});
