// Precision and recall of a guard on labelled sentences (test/fixtures/guard/*.tsv).
// Pure: the caller reads the file; parseLabelledTsv only parses its content.

import { healthGuard } from "./check.js";
import type { HealthGuard } from "./types.js";

export interface LabelledRow {
  /** True when the sentence holds a health detail and should be flagged. */
  label: boolean;
  /** Language code as written in the file (nb, nn, sv, da, en). */
  lang: string;
  text: string;
  /** 1-based line in the source file, for error messages and reports. */
  line?: number;
}

export interface GuardMistake {
  kind: "false-positive" | "false-negative";
  row: LabelledRow;
  /** What the guard matched (empty for a false negative). */
  matches: string[];
}

export interface GuardEvaluation {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  mistakes: GuardMistake[];
}

/** Parses "label<TAB>lang<TAB>sentence" lines; blank lines and "#" comments are skipped. */
export function parseLabelledTsv(content: string): LabelledRow[] {
  const rows: LabelledRow[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "" || raw.startsWith("#")) return;
    const parts = raw.split("\t");
    if (parts.length !== 3) throw new Error(`line ${line}: expected 3 tab-separated fields, got ${parts.length}`);
    const [label, lang, text] = parts as [string, string, string];
    if (label !== "0" && label !== "1") throw new Error(`line ${line}: label must be 0 or 1, got "${label}"`);
    if (text.trim() === "") throw new Error(`line ${line}: empty sentence`);
    rows.push({ label: label === "1", lang: lang.trim(), text, line });
  });
  return rows;
}

/** Runs the guard on every row. With nothing flagged, precision is 1 (no false
 *  alarms); with no positive rows, recall is 1 (nothing to miss). */
export function evaluateGuard(rows: readonly LabelledRow[], guard: HealthGuard = healthGuard): GuardEvaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const mistakes: GuardMistake[] = [];
  for (const row of rows) {
    const result = guard(row.text);
    if (result.flagged && row.label) tp++;
    else if (result.flagged) {
      fp++;
      mistakes.push({ kind: "false-positive", row, matches: result.matches });
    } else if (row.label) {
      fn++;
      mistakes.push({ kind: "false-negative", row, matches: [] });
    } else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn, tn, mistakes };
}
