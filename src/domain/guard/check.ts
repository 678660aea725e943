// The health-detail guard: finds diagnosis names, symptoms, treatments, medication
// and diagnosis codes in a free-text answer before it is stored. It errs on the side
// of asking: a hit only makes the bot offer to rephrase or keep the text private.

import { findDiagnosisCodes } from "./codes.js";
import { dropFigurative } from "./figurative.js";
import { findTypos } from "./fuzzy.js";
import { CASED_TERMS, PHRASES, SLOT_SOURCES, TERMS } from "./lexicon.js";
import { collectSpans, compileWordRegexes, expandSlots, type Span } from "./matcher.js";
import { ANY_LETTERS, prepareText } from "./text.js";
import type { GuardResult, HealthGuard } from "./types.js";

const SLOTS = expandSlots(SLOT_SOURCES);
// Phrases first and separately: each regex reports leftmost matches only, and the
// spans are merged afterwards, so "har vondt i ryggen" comes out whole.
const PHRASE_RES = compileWordRegexes(PHRASES, SLOTS);
const WORD_RES = compileWordRegexes(Object.values(TERMS).flat(), SLOTS);
const CASED_RE = new RegExp(`(?<![${ANY_LETTERS}0-9])(?:${CASED_TERMS.join("|")})(?![${ANY_LETTERS}0-9])`, "g");

/** In text written in capitals, "ME" and "MS" are just words. */
function isShouting(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lower === up) continue; // not a cased letter
    letters++;
    if (ch === up) upper++;
  }
  return letters >= 8 && upper / letters > 0.6;
}

/** Overlapping or nested spans become one, in text order. */
function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export function checkHealthDetails(text: string): GuardResult {
  if (text.trim() === "") return { flagged: false, matches: [] };
  const { original, lower } = prepareText(text);
  let spans: Span[] = [];
  for (const re of PHRASE_RES) collectSpans(re, lower, spans);
  for (const re of WORD_RES) collectSpans(re, lower, spans);
  findTypos(lower, [...spans], spans);
  // work talk borrowing a health word ("serveren hoster"); codes have rules of their own
  spans = dropFigurative(lower, spans);
  const cased: Span[] = [];
  collectSpans(CASED_RE, original, cased);
  if (cased.length > 0 && !isShouting(original)) spans.push(...cased);
  findDiagnosisCodes(original, lower, spans);
  if (spans.length === 0) return { flagged: false, matches: [] };

  const matches: string[] = [];
  for (const { start, end } of mergeSpans(spans)) {
    const found = original.slice(start, end);
    if (!matches.includes(found)) matches.push(found);
  }
  return { flagged: true, matches };
}

export const healthGuard: HealthGuard = checkHealthDetails;
