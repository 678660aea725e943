// Diagnosis codes: ICD-10 (specialists, Sweden and Denmark) and ICPC-2 (Norwegian GPs
// write these on the sick note). Letter-plus-two-digit tokens are everywhere at
// work (room B14, the E18, Samsung S22, product R74, ThinkPad T14), so a code counts
// only when
//   - a word nearby says it is one ("diagnose", "kode", "ICPC", "sykmeldingen" …), or
//   - it has the full ICD shape with a decimal ("F32.1", "M54,5"), or
//   - it stands alone and is a code that sick notes carry:
//       ICPC-2 with a chapter letter and a number from the symptom (01–29) or
//       diagnosis (70–99) range (the process codes 30–69 never appear on sick notes), or
//       one of the ICD-10 categories most sick leave is written on (ICD10_ALONE:
//       the mental-health chapter F30–F69, which no ICPC-2 sick-note code shares, and
//       the common back, joint, migraine, heart and lung categories). Only real
//       categories: F35 is not one (it is the aircraft). Road numbers (E6, E18, E45)
//       keep the E chapter out, metric bolts (M8, M12) most of the small M codes,
//   and nothing says it is something else: a word right in front of it (room, road,
//   product, model, train, version, place), a word right after it (shift, room, job,
//   report, module, bolts), a word glued to it ("K21-rommet"), a version around it
//   ("2.3", "v4", "M54.2.1"), and, for a bare code, a determiner or a product name
//   in front of it ("en F40 i kalenderen", "Lenovo T14").

import type { Span } from "./matcher.js";
import { ANY_LETTERS, LOWER_LETTERS } from "./text.js";

const CANDIDATE = new RegExp(`(?<![${ANY_LETTERS}0-9])([A-Za-z])(\\d{2})(?:[.,](\\d{1,2}))?(?![${ANY_LETTERS}0-9])`, "g");
const QUICK = /[A-Za-z]\d\d/;
const TOKEN = new RegExp(`[${LOWER_LETTERS}0-9]+`, "g");
const GLUED = new RegExp(`-([${LOWER_LETTERS}]{2,})`, "y");

const ICPC_CHAPTERS = new Set("ABDFHKLNPRSTUWXYZ");
/** ICD-10 three-character categories that count without context (see the header). */
const ICD10_ALONE = new Set([
  // F30–F69: mood, anxiety and stress, somatoform, eating and sleep, personality
  ..."30 31 32 33 34 38 39 40 41 42 43 44 45 48 50 51 52 53 54 55 59 60 61 62 63 64 65 66 68 69"
    .split(" ").map((n) => `F${n}`),
  // back, neck, shoulder, hip, knee, soft tissue, inflammatory joint disease
  ..."05 06 13 15 16 17 19 23 25 35 43 45 47 48 50 51 53 54 60 62 65 67 70 71 72 75 76 77 79 81 84"
    .split(" ").map((n) => `M${n}`),
  "G35", "G40", "G43", "G44", "G47", "G56", "G93", // MS, epilepsy, migraine, sleep, carpal tunnel, CFS
  "I10", "I20", "I21", "I25", "I48", "I63", "I64", // blood pressure, heart, stroke
  "J06", "J18", "J20", "J44", "J45", // infections, COPD, asthma
  "K50", "K51", "K58", // Crohn's, colitis, IBS
]);
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
  "release", "build", "firmware", "versjon", "version", "patch", "sprint", "ticket", "issue",
  "sak", "case", "jira", "kaj", "kai", "rampe", "ramp", "dock", "hylle", "hylla", "reol",
  "bin", "aisle", "slot", "pos", "felt", "field", "cell", "celle", "ark", "sheet", "kolonne",
  "column", "rad", "row", "uke", "vecka", "week", "kvartal", "quarter", "q", "fase", "phase",
]);
/** Words right after a code that make it a name of something else ("T10 skiftet"). */
const NEGATIVE_AFTER = new Set([
  "skift", "skiftet", "shift", "shifts", "vakt", "vakta", "vakten", "vagt", "vagten", "pass",
  "passet", "rommet", "room", "rummet", "lokalet", "toget", "tåget", "train", "bussen", "bus",
  "linjen", "line", "ark", "arket", "papir", "paper", "format", "modellen", "model", "serien",
  "series", "plassen", "platsen", "pladsen", "porten", "gate", "døra", "døren", "door",
  "job", "jobs", "jobb", "jobben", "jobbet", "import", "importen", "export", "eksport", "rapport",
  "rapporten", "report", "reports", "modul", "modulen", "module", "skjema", "skjemaet", "form",
  "script", "skript", "feature", "release", "build", "integrasjon", "integration", "api",
  "endpoint", "query", "tabell", "tabellen", "table", "laptop", "laptops", "bolter", "bolt",
  "bolts", "skruer", "skrue", "screws", "screw", "mutter", "muttere", "nuts", "gjenger",
  "kabel", "cable", "adapter", "lader", "charger", "batteri", "battery", "modell", "versjon",
  "version", "update", "oppdatering", "uppdatering", "opdatering", "migrering", "migration",
]);
const NEGATIVE_PREFIX = [
  "lastkaj", "lastekai", "laste", "kajplats", "møterom", "mötesrum", "mødelokal", "mødelokale", "konferanserom", "konferencerum",
  "konferensrum", "grupperom", "grupprum", "klasserom", "kontor", "bygg", "bygning",
  "building", "etasj", "etage", "produkt", "product", "vare", "artik", "article", "parker",
  "hyll", "reol", "seksjon", "avdel", "afdel", "modell", "versjon", "version", "linje",
  "linjen", "buss", "klasse", "klass", "pendeltåg", "rutebil",
];

/** A determiner right before a bare code makes it a thing ("en F40 i kalenderen"). */
const DETERMINERS = new Set([
  "en", "ei", "ein", "et", "eit", "ett", "a", "an", "the", "den", "det", "denne", "dette",
  "this", "that", "our", "vår", "vårt", "vores", "nye", "nya", "nyt", "new", "gamle", "gamla",
  "old", "stk", "x",
]);
/** "v4.1 R12", "4.2.1 F32": a version right before a code (not "14.02", a date), and
 *  "M54.2.1": the code inside a dotted version. */
const VERSION_BEFORE = /(?:\bv\d+(?:\.\d+)*|\b\d+\.\d+\.\d+)\s*$/i;
const VERSION_TAIL = /^[.,]\d+[.,]\d/;

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

/** A bare code after a determiner, or after a capitalised name that does not start
 *  the sentence ("Lenovo T14", "Volvo V60"), names a thing. */
function isNamedThing(original: string, tokens: Token[], index: number): boolean {
  const previous = tokens[index - 1];
  if (previous === undefined) return false;
  if (DETERMINERS.has(previous.text)) return true;
  const first = original[previous.start] ?? "";
  if (first === first.toLowerCase()) return false;
  if (matchesWord(previous.text, POSITIVE_EXACT, POSITIVE_PREFIX)) return false;
  // the sentence starts at the text's start or after . ! ? :
  const gap = original.slice(0, previous.start).trimEnd();
  return gap !== "" && !/[.!?:]$/.test(gap);
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

    const version =
      VERSION_TAIL.test(original.slice(start + 3)) || VERSION_BEFORE.test(original.slice(Math.max(0, start - 20), start));
    const negative =
      version ||
      near.some((w) => matchesWord(w, NEGATIVE_EXACT, NEGATIVE_PREFIX)) ||
      (after[0] !== undefined && NEGATIVE_AFTER.has(after[0])) ||
      (glued !== undefined && !matchesWord(glued, POSITIVE_EXACT, POSITIVE_PREFIX));
    if (negative) continue;

    const positive = [...before, ...after].some((w) => matchesWord(w, POSITIVE_EXACT, POSITIVE_PREFIX));
    const upper = letter >= "A" && letter <= "Z";
    const icdWithDecimal = hasDecimal && upper && !NO_DECIMAL_SHAPE.has(letter);
    const alone = !hasDecimal && upper && !isNamedThing(original, tokens, index);
    const icpcAlone = alone && ICPC_CHAPTERS.has(letter) && ((number >= 1 && number <= 29) || number >= 70);
    const icdAlone = alone && ICD10_ALONE.has(`${letter}${m[2]}`);
    if (positive || icdWithDecimal || icpcAlone || icdAlone) into.push({ start, end });
  }
}
