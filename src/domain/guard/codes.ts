// Diagnosis codes: ICD-10 (specialists, Sweden and Denmark) and ICPC-2 (Norwegian GPs
// write these on the sick note). Letter-plus-two-digit tokens are everywhere at
// work (room B14, the E18, Samsung S22, product R74), so a code counts only when
//   - a word nearby says it is one ("diagnose", "kode", "ICPC", "sykmeldingen" …), or
//   - it has the full ICD shape with a decimal ("F32.1", "M54,5"), or
//   - it stands alone with an ICPC-2 chapter letter and a number from the symptom
//     (01–29) or diagnosis (70–99) range; the process codes 30–69 never appear on
//     sick notes, which also keeps "F35" (the aircraft) out,
// and no word right in front of it says it is something else (room, road, product,
// model, train, version, place).

import type { Span } from "./matcher.js";
import { ANY_LETTERS, LOWER_LETTERS } from "./text.js";

const CANDIDATE = new RegExp(`(?<![${ANY_LETTERS}0-9])([A-Za-z])(\\d{2})(?:[.,](\\d{1,2}))?(?![${ANY_LETTERS}0-9])`, "g");
const QUICK = /[A-Za-z]\d\d/;
const TOKEN = new RegExp(`[${LOWER_LETTERS}0-9]+`, "g");
const GLUED = new RegExp(`-([${LOWER_LETTERS}]{2,})`, "y");

const ICPC_CHAPTERS = new Set("ABDFHKLNPRSTUWXYZ");
/** ICD-10 chapters V–Y are external causes, hardly ever on a sick note and easily
 *  confused with versions ("V10.2"). */
const NO_DECIMAL_SHAPE = new Set("VWXY");

const POSITIVE_EXACT = new Set([
  "kode", "koden", "koder", "kodene", "kodet", "koda", "code", "codes", "coded", "icd", "icpc",
  "lege", "legen", "fastlege", "fastlegen", "lækjar", "lækjaren", "läkare", "läkaren", "læge",
  "lægen", "doctor", "gp", "attest", "attesten", "intyg", "intyget", "certificate", "note",
]);
const POSITIVE_PREFIX = [
  "diagnos", "sykmeld", "sykemeld", "sjukmeld", "sjukemeld", "sjukskriv", "sygemeld",
  "sjukintyg", "läkarintyg", "lægeerklæring", "legeerklæring", "diagnosekode",
];
const NEGATIVE_EXACT = new Set([
  "rom", "rommet", "room", "rum", "rummet", "lokale", "lokalet", "lokal", "sal", "salen", "etg",
  "floor", "plan", "våning", "vei", "veien", "veg", "vegen", "väg", "vägen", "vej", "vejen",
  "road", "rute", "route", "line", "bus", "tog", "toget", "tåg", "tåget", "train", "fly",
  "flyet", "flight", "model", "nr", "no", "nummer", "number", "ver", "v", "type", "typ",
  "class", "sone", "zone", "shelf", "skap", "skåp", "plass", "plassen", "plats", "platsen",
  "plads", "pladsen", "port", "porten", "gate", "dør", "døren", "døra", "dörr", "door", "sete",
  "seat", "bord", "table", "kasse", "kassa", "kassen", "lager", "lageret", "section",
  "department", "kurs", "course", "samsung", "galaxy", "iphone", "pixel", "serie", "series",
  "ta", "tar", "tek", "tok", "tager", "take", "takes", "took", "kl", "klokka", "klokken",
  "klockan", "ring", "tlf", "hus", "huset", "office", "sku", "item", "gang", "gangen",
]);
/** Words right after a code that make it a name of something else ("T10 skiftet"). */
const NEGATIVE_AFTER = new Set([
  "skift", "skiftet", "shift", "shifts", "vakt", "vakta", "vakten", "vagt", "vagten", "pass",
  "passet", "rommet", "room", "rummet", "lokalet", "toget", "tåget", "train", "bussen", "bus",
  "linjen", "line", "ark", "arket", "papir", "paper", "format", "modellen", "model", "serien",
  "series", "plassen", "platsen", "pladsen", "porten", "gate", "døra", "døren", "door",
]);
const NEGATIVE_PREFIX = [
  "møterom", "mötesrum", "mødelokal", "mødelokale", "konferanserom", "konferencerum",
  "konferensrum", "grupperom", "grupprum", "klasserom", "kontor", "bygg", "bygning",
  "building", "etasj", "etage", "produkt", "product", "vare", "artik", "article", "parker",
  "hyll", "reol", "seksjon", "avdel", "afdel", "modell", "versjon", "version", "linje",
  "linjen", "buss", "klasse", "klass", "pendeltåg", "rutebil",
];

function matchesWord(word: string, exact: Set<string>, prefixes: readonly string[]): boolean {
  return exact.has(word) || prefixes.some((p) => word.startsWith(p));
}

interface Token {
  text: string;
  start: number;
}

function tokenize(lower: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(lower)) !== null) tokens.push({ text: m[0], start: m.index });
  return tokens;
}

const BEFORE_POSITIVE = 6;
const AFTER_POSITIVE = 4;
const BEFORE_NEGATIVE = 2;

/** Adds the spans of diagnosis codes in `original` (with `lower` its lower-cased twin). */
export function findDiagnosisCodes(original: string, lower: string, into: Span[]): void {
  if (!QUICK.test(original)) return;
  let tokens: Token[] | undefined;
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(original)) !== null) {
    const letter = m[1] ?? "";
    const number = Number(m[2]);
    const hasDecimal = m[3] !== undefined;
    const start = m.index;
    const end = start + m[0].length;
    tokens ??= tokenize(lower);
    const index = tokens.findIndex((t) => t.start === start);
    if (index < 0) continue;

    // "K21-rommet", "F32-diagnosen": the word the code is glued to decides.
    GLUED.lastIndex = end;
    const glued = GLUED.exec(lower)?.[1];

    const before = tokens.slice(Math.max(0, index - BEFORE_POSITIVE), index).map((t) => t.text);
    const after = tokens.slice(index + 1, index + 1 + AFTER_POSITIVE).map((t) => t.text);
    const near = before.slice(-BEFORE_NEGATIVE);

    const negative =
      near.some((w) => matchesWord(w, NEGATIVE_EXACT, NEGATIVE_PREFIX)) ||
      (after[0] !== undefined && NEGATIVE_AFTER.has(after[0])) ||
      (glued !== undefined && !matchesWord(glued, POSITIVE_EXACT, POSITIVE_PREFIX));
    if (negative) continue;

    const positive = [...before, ...after].some((w) => matchesWord(w, POSITIVE_EXACT, POSITIVE_PREFIX));
    const upper = letter >= "A" && letter <= "Z";
    const icdWithDecimal = hasDecimal && upper && !NO_DECIMAL_SHAPE.has(letter);
    const icpcAlone =
      !hasDecimal && upper && ICPC_CHAPTERS.has(letter) && ((number >= 1 && number <= 29) || number >= 70);
    if (positive || icdWithDecimal || icpcAlone) into.push({ start, end });
  }
}
