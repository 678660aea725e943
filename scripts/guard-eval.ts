// Prints the health guard's precision and recall on the labelled sentences, per
// file and per language, and lists every mistake.
//   npx tsx scripts/guard-eval.ts [file.tsv …]   (default: the main set and the holdout)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { evaluateGuard, parseLabelledTsv, type GuardEvaluation, type LabelledRow } from "../src/domain/guard/index.js";

const fixtures = fileURLToPath(new URL("../test/fixtures/guard/", import.meta.url));
const files = process.argv.length > 2 ? process.argv.slice(2) : [`${fixtures}labelled.tsv`, `${fixtures}holdout.tsv`];

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const line = (name: string, e: GuardEvaluation) =>
  `${name.padEnd(10)} precision ${pct(e.precision).padStart(7)}  recall ${pct(e.recall).padStart(7)}  F1 ${pct(e.f1).padStart(7)}` +
  `   tp ${e.tp}  fp ${e.fp}  fn ${e.fn}  tn ${e.tn}`;

for (const file of files) {
  const rows = parseLabelledTsv(readFileSync(file, "utf8"));
  const all = evaluateGuard(rows);
  console.log(`\n${file} (${rows.length} sentences)`);
  console.log(line("all", all));
  const byLang = new Map<string, LabelledRow[]>();
  for (const row of rows) byLang.set(row.lang, [...(byLang.get(row.lang) ?? []), row]);
  for (const [lang, langRows] of [...byLang].sort()) console.log(line(`  ${lang}`, evaluateGuard(langRows)));

  const started = performance.now();
  const rounds = 200;
  for (let i = 0; i < rounds; i++) evaluateGuard(rows);
  const perSentence = ((performance.now() - started) * 1000) / (rounds * rows.length);
  console.log(`speed      ${perSentence.toFixed(1)} µs per sentence`);

  for (const m of all.mistakes) {
    const tag = m.kind === "false-positive" ? "FP" : "FN";
    const why = m.matches.length > 0 ? `  [${m.matches.join(" | ")}]` : "";
    console.log(`  ${tag} ${m.row.lang} line ${m.row.line}: ${m.row.text}${why}`);
  }
}
