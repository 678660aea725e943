// The health guard's precision and recall on the labelled sentences, per file and per
// language, its speed, and (for the tuning set only, by default) every mistake.
//   npm run bench -- guard                       all sets; mistakes of the main set only
//   npx tsx bench/guard.ts [--mistakes] [file.tsv …]
// The held-out sets are for measuring, not for tuning: their mistakes are printed
// only with --mistakes, so the figures can be watched while the lexicon changes
// without reading which sentences the guard gets wrong.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { evaluateGuard, parseLabelledTsv, type GuardEvaluation, type LabelledRow } from "../src/domain/guard/index.js";

const fixtures = fileURLToPath(new URL("../test/fixtures/guard/", import.meta.url));
/** The set the lexicon is tuned on; the others are held out. */
export const TUNING_SET = "labelled.tsv";
export const HELD_OUT_SETS = ["holdout.tsv", "holdout-colloquial.tsv"] as const;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const line = (name: string, e: GuardEvaluation) =>
  `${name.padEnd(10)} precision ${pct(e.precision).padStart(7)}  recall ${pct(e.recall).padStart(7)}  F1 ${pct(e.f1).padStart(7)}` +
  `   tp ${e.tp}  fp ${e.fp}  fn ${e.fn}  tn ${e.tn}`;

function report(file: string, showMistakes: boolean): void {
  const rows = parseLabelledTsv(readFileSync(file, "utf8"));
  const all = evaluateGuard(rows);
  const positives = rows.filter((r) => r.label).length;
  console.log(`\n${path.basename(file)} (${rows.length} sentences: ${positives} health details, ${rows.length - positives} not)`);
  console.log(line("all", all));
  const byLang = new Map<string, LabelledRow[]>();
  for (const row of rows) byLang.set(row.lang, [...(byLang.get(row.lang) ?? []), row]);
  for (const [lang, langRows] of [...byLang].sort()) console.log(line(`  ${lang}`, evaluateGuard(langRows)));

  const started = performance.now();
  const rounds = 200;
  for (let i = 0; i < rounds; i++) evaluateGuard(rows);
  const perSentence = ((performance.now() - started) * 1000) / (rounds * rows.length);
  console.log(`speed      ${perSentence.toFixed(1)} µs per sentence`);

  if (!showMistakes) {
    if (all.mistakes.length > 0) console.log(`  (${all.mistakes.length} mistakes not shown: held out; --mistakes shows them)`);
    return;
  }
  for (const m of all.mistakes) {
    const tag = m.kind === "false-positive" ? "FP" : "FN";
    const why = m.matches.length > 0 ? `  [${m.matches.join(" | ")}]` : "";
    console.log(`  ${tag} ${m.row.lang} line ${m.row.line}: ${m.row.text}${why}`);
  }
}

export async function main(argv: string[] = []): Promise<void> {
  const showAll = argv.includes("--mistakes");
  const files = argv.filter((a) => !a.startsWith("--"));
  if (files.length > 0) for (const file of files) report(file, showAll || path.basename(file) === TUNING_SET);
  else {
    report(path.join(fixtures, TUNING_SET), true);
    for (const name of HELD_OUT_SETS) report(path.join(fixtures, name), showAll);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main(process.argv.slice(2));
}
