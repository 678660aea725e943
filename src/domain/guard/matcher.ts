// Compiles the lexicon (lexicon.ts) into regular expressions, once, at module load.
// See the header of lexicon.ts for the small notation used there.
//
// Speed: one flat alternation of ~600 words costs V8 about 300 µs per sentence (it
// tries every alternative at every word start, and a pattern that large runs in the
// bytecode interpreter). Factoring the alternatives into a trie on their leading
// letters ("depres…|deprim…" → "d(?:e(?:p(?:res…|rim…)))") and writing the letter
// class compactly brings a sentence down to a few microseconds. And V8 stops
// optimising a pattern whose source passes 20,000 characters (about 20 times slower
// here), so a large lexicon is compiled into several regexes below that size.

import { LOWER_LETTERS } from "./text.js";

const LETTER = `[${LOWER_LETTERS}]`;
const BOUNDARY_BEFORE = `(?<![${LOWER_LETTERS}0-9])`;
const BOUNDARY_AFTER = `(?![${LOWER_LETTERS}0-9])`;
const TRIE_DEPTH = 3;

export type Slots = Record<string, string>;

/** True when `src` has a `|` outside every group and class (it could not be factored). */
function hasTopLevelAlternation(src: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}

/** Turns one entry's notation (without a leading "*") into regex source. */
export function toSource(entry: string, slots: Slots): string {
  const src = entry
    .replaceAll(" ?", "[\\s\\-]*")
    .replaceAll(" ", "[\\s\\-]+")
    .replaceAll("~", `${LETTER}*`)
    .replace(/\{([A-Z_]+)\}/g, (_, name: string) => {
      const slot = slots[name];
      if (slot === undefined) throw new Error(`Unknown lexicon slot {${name}} in "${entry}"`);
      return `(?:${slot})`;
    });
  if (hasTopLevelAlternation(src)) throw new Error(`Lexicon entry needs a group around "|": "${entry}"`);
  return src;
}

/** Expands slot values that themselves use the notation (in dependency order). */
export function expandSlots(raw: Array<[string, string]>): Slots {
  const slots: Slots = {};
  for (const [name, value] of raw) slots[name] = toSource(value, slots);
  return slots;
}

const FACTORABLE = /^[a-zß-öø-ſ]$/;
const QUANTIFIER = /^[?*+{]$/;

/** Alternation of `sources`, factored into a trie on leading literal letters. */
function factor(sources: readonly string[], depth: number): string {
  if (depth === 0 || sources.length < 2) return sources.join("|");
  const groups = new Map<string, string[]>();
  const rest: string[] = [];
  for (const src of sources) {
    const first = src[0] ?? "";
    if (FACTORABLE.test(first) && !QUANTIFIER.test(src[1] ?? "")) {
      const group = groups.get(first);
      if (group) group.push(src.slice(1));
      else groups.set(first, [src.slice(1)]);
    } else rest.push(src);
  }
  const parts = [...groups].map(([first, tails]) => {
    const tailSrc = factor(tails, depth - 1);
    return tails.length === 1 && tails[0] === "" ? first : `${first}(?:${tailSrc})`;
  });
  return [...parts, ...rest].join("|");
}

/** One global regex matching any of the entries as whole words of lower-cased text. */
export function compileWordRegex(entries: readonly string[], slots: Slots): RegExp {
  const plain: string[] = [];
  const compound: string[] = [];
  for (const entry of entries) {
    if (entry.startsWith("*")) compound.push(toSource(entry.slice(1), slots));
    else plain.push(toSource(entry, slots));
  }
  const alternatives: string[] = [];
  if (plain.length > 0) alternatives.push(factor(plain, TRIE_DEPTH));
  // Lazy and optional: try the term at the word start first, then as the tail of a
  // compound with at least three letters in front ("fangst" must not give "angst").
  if (compound.length > 0) alternatives.push(`(?:${LETTER}{3,}?)??(?:${factor(compound, TRIE_DEPTH)})`);
  return new RegExp(`${BOUNDARY_BEFORE}(?:${alternatives.join("|")})${BOUNDARY_AFTER}`, "g");
}

/** Below V8's limit for optimising a regex (kRegExpTooLargeToOptimize, 20 K). */
const MAX_SOURCE = 15_000;

/** The entries as few word regexes as keep each under MAX_SOURCE characters. Entries
 *  are packed in sorted order so that those with the same leading letters share a
 *  regex and its trie. A hit may overlap another regex's: callers merge spans. */
export function compileWordRegexes(entries: readonly string[], slots: Slots, maxSource = MAX_SOURCE): RegExp[] {
  const sorted = [...entries].sort((a, b) => a.replace(/^\*/, "").localeCompare(b.replace(/^\*/, "")));
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const entry of sorted) {
    const cost = toSource(entry.replace(/^\*/, ""), slots).length + 1;
    if (chunk.length > 0 && size + cost > maxSource) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(entry);
    size += cost;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks.map((c) => compileWordRegex(c, slots));
}

export interface Span {
  start: number;
  end: number;
}

export function collectSpans(re: RegExp, text: string, into: Span[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    into.push({ start: m.index, end: m.index + m[0].length });
  }
}
