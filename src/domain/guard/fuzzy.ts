// Typos: a health word with one letter left out, one doubled or added, or two
// neighbours swapped ("migrne", "deprimret", "anxity", "hovdpine"). Substitutions are
// not tolerated: "migrere" (to migrate) is one substitution from "migrene".
//
// Only the words in TYPO_TARGETS take part: long, distinctive words that people
// write often. The lexicon as a whole cannot: one typo away from its stems lie
// everyday words ("faktura" from "fraktur", "forklare" from "forkøl", "koden" from
// "kodein", "avrustning" from "avrusning"). Every target was checked against the
// Debian word lists of bokmål, nynorsk, Swedish, Danish and English (wnorwegian,
// wswedish, wdanish, wbritish): no real word is one typo plus an ending from one of
// them (that check dropped kvalme/kvalen, gravid/gravd, utbrent/utbredt,
// hovudverk/hovudvekt, cancer/chancer). What may follow the stem is an inflection
// (ENDINGS), not any letters: "depressing" is not "depression" with a typo.

import type { Span } from "./matcher.js";
import { LOWER_LETTERS } from "./text.js";

const MIN_LENGTH = 6;
/** Inflectional endings that may follow a target (definite, plural, genitive, adjective). */
const ENDINGS = new Set([
  "", "e", "en", "et", "er", "ene", "erne", "erna", "a", "ar", "ane", "arna", "an", "s", "t",
  "n", "na", "ne", "ens", "ets", "es", "ed", "ly", "ing", "ingen", "isk", "iske", "iskt",
  "ive", "ivt", "ion", "ioner", "tion",
]);

/** Words (stems: any ending may follow) whose one-typo variants count as hits. */
export const TYPO_TARGETS = [
  "depresjon", "depression", "depressiv", "deprimert", "deprimeret", "deprimerad",
  "antidepressiv", "migrene", "migræne", "migrän", "migraine", "anxiety", "ångest",
  "diabetes", "hodepine", "hovedpine", "huvudvärk",  "fibromyalgi", "endometrio",
  "udbrændt", "utbrenthet", "psykolog", "psykiater",
  "psychologist", "psychiatrist", "sertralin", "cipralex", "ibuprofen",
  "svimmelhet", "illamående", "slitasjegikt", "artrose", "artros",
  "prolaps", "diskusprolaps", "diskbråck", "hjernerystelse", "hjärnskakning", "concussion",
  "utmattningssyndrom", "utmattelse", "udmattelse", "angstanfall", "panikkanfall",
  "panikångest", "schizofreni", "bipolar", "tinnitus", "asthma", "epilepsi",
  "epilepsy", "pregnant", "graviditet", "svangerskap", "spontanabort", 
  "kreftbehandling", "cellegift", "cellgift", "kjemoterapi", 
];

interface Stem {
  text: string;
}

function stems(): Stem[] {
  return TYPO_TARGETS.filter((w) => w.length >= MIN_LENGTH).map((text) => ({ text }));
}

/** Stems by first letter. */
const BY_FIRST = new Map<string, Stem[]>();
for (const stem of stems()) {
  const first = stem.text[0] as string;
  BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), stem]);
}
const LONGEST_ENDING = Math.max(...[...ENDINGS].map((e) => e.length));

/** True when a[0, aLen) and b are one insertion, deletion or swap of neighbours
 *  apart (not equal, not one substitution). Compares in place: this runs for every
 *  long word of every answer. */
function oneTypoWithin(a: string, aLen: number, b: string): boolean {
  const bLen = b.length;
  let i = 0;
  const shorter = Math.min(aLen, bLen);
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (aLen === bLen) {
    if (i >= aLen - 1) return false; // equal, or differing only in the last letter
    if (a[i] !== b[i + 1] || a[i + 1] !== b[i]) return false;
    for (let j = i + 2; j < aLen; j++) if (a.charCodeAt(j) !== b.charCodeAt(j)) return false;
    return true;
  }
  // one letter more in the longer: skip it there, the rest must be equal
  if (aLen === bLen + 1) {
    for (let j = i; j < bLen; j++) if (a.charCodeAt(j + 1) !== b.charCodeAt(j)) return false;
    return true;
  }
  if (bLen === aLen + 1) {
    for (let j = i; j < aLen; j++) if (a.charCodeAt(j) !== b.charCodeAt(j + 1)) return false;
    return true;
  }
  return false;
}

/** Exported for the tests: one typo apart, as whole words. */
export function oneTypoApart(a: string, b: string): boolean {
  return oneTypoWithin(a, a.length, b);
}

function matchesStem(word: string, stem: Stem): boolean {
  const n = stem.text.length;
  // the stem with a typo inside it, then an inflection: compare the word's first
  // n-1..n+1 letters when they end like the stem (a letter missing or added at the
  // end is a shorter or longer word: "allerede" is not "allerg~")
  const last = stem.text.charCodeAt(n - 1);
  for (let len = n - 1; len <= n + 1; len++) {
    if (len > word.length) break;
    if (word.length - len > LONGEST_ENDING || word.charCodeAt(len - 1) !== last) continue;
    if ((word.length === len || ENDINGS.has(word.slice(len))) && oneTypoWithin(word, len, stem.text)) return true;
  }
  return false;
}

const WORD = new RegExp(`[${LOWER_LETTERS}]{${MIN_LENGTH - 1},}`, "g");

/** Adds spans for words that are one typo from a target and not covered yet. */
export function findTypos(lower: string, covered: readonly Span[], into: Span[]): void {
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(lower)) !== null) {
    const word = m[0];
    const stems = BY_FIRST.get(word[0] as string);
    if (stems === undefined) continue;
    const start = m.index;
    const end = start + word.length;
    if (covered.some((s) => s.start < end && start < s.end)) continue;
    if (stems.some((stem) => matchesStem(word, stem))) into.push({ start, end });
  }
}
