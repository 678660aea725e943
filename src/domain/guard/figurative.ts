// Work talk that borrows health words: "prosjektet har vondt i magen", "the server
// keeps coughing", "det nye systemet er en skikkelig hodepine", "jeg jobber på
// kreftavdelingen". A hit of the lexicon is dropped when
//   1. its grammatical subject is a thing at work: a THING noun right before it,
//      with at most auxiliaries, adverbs and articles in between ("Serveren har
//      hatt feber", "the build keeps coughing"), or
//   2. it lies wholly inside one of the FIGURATIVE patterns below: idioms (a pain
//      in the neck, ondt i røven), headaches that are work problems, hyperbole
//      ("fikk nesten hjerteinfarkt"), "allergic to meetings", charities, and the
//      workplace of someone who works in health care ("sykepleier på akutten").
// Same notation as lexicon.ts; matched against the lower-cased text.

import { collectSpans, compileWordRegex, type Span } from "./matcher.js";
import { LOWER_LETTERS } from "./text.js";

const L = `[${LOWER_LETTERS}]`;

/** Things at work that can be the subject of a borrowed symptom, with the Nordic
 *  definite and plural endings. Long stems may end a compound ("kassasystemet",
 *  "rapporteringsløsningen"); short ones must be the whole word, or "årsaken"
 *  (the cause) would pass for "saken". Departments and teams are left out: "halve
 *  avdelingen har influensa" is about people. English nouns need a determiner. */
const THING_STEMS_COMPOUND = [
  "prosjekt", "projekt", "system", "server", "nettside", "nettsid", "nettsted", "nettbutikk",
  "nettbutik", "hjemmesid", "heimesid", "hemsid", "webbplats", "webshop", "nettbank",
  "løsning", "lösning", "plattform", "platform", "databas", "budsjett", "budget", "budgett",
  "økonomi", "ekonomi", "bedrift", "företag", "virksomhed", "selskap", "selskab", "butikk",
  "butik", "maskin", "printer", "skriver", "skrivar", "skrivare", "nettverk", "nätverk",
  "netværk", "integrasjon", "integration", "kodebas", "pipeline", "release", "leveranse",
  "leverans", "tjeneste", "tjänst", "rapport", "prosess", "process", "regnskap", "regnskab",
  "rekneskap", "skanner", "scanner", "terminal", "verktøy", "verktyg", "værktøj", "søknad",
  "ansökan", "ansøgning", "ärende", "datamaskin", "computer", "elevator", "ventilasjon",
  "ventilation", "kaffemaskin", "portal", "dashboard", "apparat", "regneark", "kalkylark",
];
const THING_WORDS = [
  "lager", "lagr", "kass(?:a|e)", "motor", "modul", "dator", "heis", "hiss", "robot", "truck",
  "app", "marked", "markna", "aksje", "aktie", "bygg", "firma", "sprint", "pc(?:-?en)?",
  "mac(?:-?en)?", "wifi(?:-?en)?", "crm(?:-?et)?", "erp(?:-?et)?", "excel(?:-?arket)?",
];
const NORDIC_ENDINGS = "(?:et|en|a|n|t|an|ene|erne|arna|ane|ar|er|na|ne|orna|erna|s)?";
const ENGLISH_THINGS = [
  "server", "system", "build", "pipeline", "project", "app", "website", "site", "database",
  "network", "printer", "scanner", "till", "machine", "release", "deploy", "deployment",
  "budget", "company", "business", "market", "platform", "integration", "code", "codebase",
  "dashboard", "portal", "process", "engine", "car", "truck", "service", "api", "backend",
  "frontend", "laptop", "computer", "pc", "wifi", "crm", "erp", "spreadsheet", "tool",
  "application", "report", "cluster", "queue", "shop", "store", "warehouse", "module",
];
const DETERMINERS_EN = new Set(["the", "our", "this", "that", "their", "its", "your", "my"]);
const THING_NORDIC = `(?:(?:${L}{2,})?(?:${THING_STEMS_COMPOUND.join("|")})|${THING_WORDS.join("|")})${NORDIC_ENDINGS}`;
const THING_ENGLISH = `(?:${ENGLISH_THINGS.join("|")})s?`;
/** A THING in running text, for the patterns below. */
const THING = `${THING_NORDIC}|(?:${[...DETERMINERS_EN].join("|")}) (?:${L}+ )?${THING_ENGLISH}`;

/** Words that may stand between a THING subject and the borrowed symptom. */
const SUBJECT_GAP = new Set([
  "har", "hadde", "hatt", "fått", "fikk", "fekk", "fick", "fik", "fået", "haft", "havde", "hade",
  "er", "var", "är", "ble", "blei", "vart", "blev", "blir", "bliver", "is", "was", "has", "had",
  "have", "keeps", "kept", "keep", "seems", "still", "again", "also", "really", "constantly",
  "always", "fortsatt", "framleis", "fortfarande", "stadig", "stadigvæk", "alltid", "altid",
  "igjen", "igen", "også", "ofte", "ofta", "litt", "lidt", "lite", "mye", "mykje", "mycket",
  "meget", "så", "helt", "virkelig", "veldig", "jo", "nok", "visst", "liksom", "a", "an", "en",
  "ei", "ein", "et", "ett", "some", "noe", "noko", "nogle", "begynt", "begun", "started",
]);

/** Work things as objects: "allergisk mot lange møter", "hodepinen med integrasjonen". */
const WORK_OBJECTS = [
  "møte", "møter", "møtene", "møde", "møder", "möte", "möten", "meetings?", "e-?post~",
  "mejl~", "mail~", "e-?mails?", "byråkrati~", "bureaucracy", "endring~", "forandring~",
  "förändring~", "changes?", "powerpoint~", "slides", "papirarbeid~", "pappersarbete~",
  "paperwork", "overtid~", "övertid~", "overtime", "mandag~", "måndag~", "mondays?", "frist~",
  "deadlines?", "regl~", "regler~", "rules", "skjema~", "forms", "rapport~", "reports?",
  "prosess~", "process~", "konsulent~", "consultants?", "excel~", "teams", "zoom", "slack",
];
const WORK_OBJECT = `(?:(?:${L}+ ){0,2})?(?:${WORK_OBJECTS.join("|")}|${THING})`;

const HEADACHE = "(?:hodepine|hovudverk|huvudvärk|hovedpine|headache|migrene|migræne|migrän)~";

/** Where people in health care work; a health word inside the name of one's own
 *  workplace ("kreftavdelingen", "the oncology ward") says nothing about one's health. */
const PLACE = [
  "avdeling", "afdeling", "avdelning", "klinikk", "klinik", "clinic", "ward", "unit",
  "department", "mottak", "modtagelse", "mottagning", "legevakt", "akutt", "akut", "skadestue",
  "sykehus", "sjukehus", "sjukhus", "hospital", "psykiatri", "psychiatr", "a&e", "icu",
  "intensiv", "onkolog", "oncolog", "kardiolog", "cardiolog", "sengepost", "poliklinikk",
  "poliklinik", "haukeland", "ullevål", "ahus", "karolinska", "sahlgrenska", "skejby",
];
const WORKER = [
  "jobb(?:er|ar|a|e|et|ade|at)?", "arbeid(?:er|ar|e|et|a|de)?", "arbet(?:ar|a|ade|at)?",
  "arbejd(?:er|e|ede)?", "works?", "working", "worked", "ansatt", "tilsett", "anställd", "ansat",
  "employed", "vakt(?:er|ar|a|ene)?", "vagt(?:er|erne)?", "shifts?", "lever(?:er|ert|te|e)",
  "leverar", "levererar", "leverera", "leveranse(?:r)?", "leverans(?:er)?",
  "deliver(?:s|ing|ed|y|ies)?", "suppl(?:y|ies|ier|iers)", "kjørte", "kjører", "køyrer",
  // roles (not "lege"/"doctor": "hos lege på legevakta" is a visit)
  "sykepleier(?:e|en)?", "sjukepleiar(?:en)?", "sjuksköterska", "undersköterska",
  "sygeplejerske", "nurse", "porter", "portør", "hjelpepleier", "helsefagarbeider",
  "paramedic", "ambulansearbeider", "renholder", "cleaner", "sekretær", "sekreterare",
  "vekter", "vikar", "konsulent", "consultant",
];

const FIGURATIVE: readonly string[] = [
  // "X er en skikkelig hodepine", "the migration is a real headache"
  "(?:er|var|blir|ble|blei|vart|bliver|blev|är|is|was|becomes|became|'s) (?:(?:jo|bare|just|really|such|quite|nok) )?(?:en|ei|ein|ett|et|a|an) (?:(?:skikkelig|skikkeleg|riktig|real|ren|stor|total|fullstendig|veritabel|huge|massive|big|proper|major|constant|evig|evinnelig) )?" + HEADACHE,
  // "hodepinen med integrasjonen", "huvudvärken med det nya systemet"
  HEADACHE + " (?:med|with|rundt|kring|omkring|around|about|over) (?:(?:den|det|de|the|our|vår|vårt|vores|vores|dette|denne|this|that) )?(?:(?:nye|nya|nyt|gamle|gamla|new|old) )?" + WORK_OBJECT,
  // "gir hele teamet hodepine", "has given us all a headache"
  "(?:gir|ga|gav|gjev|gjeve|ger|giver|gave|give|gives|given|giving|gitt|gett|givet) (?:(?:hele|heile|hela) )?(?:oss|os|teamet|avdelingen|avdelinga|afdelingen|avdelningen|alle|ledelsen|ledningen|us|everyone|the team|management|folk|kundene|kundane|kunderna|kunderne|customers)(?: (?:alle|allihop|all|både))? (?:(?:en|ei|a) )?(?:(?:skikkelig|skikkeleg|real|massive|big|proper) )?(?:hodepine|hovudverk|huvudvärk|hovedpine|headaches?)",
  // idioms: a pain in the neck; Danish "ondt i røven" (grumpy), "ondt i maven over" (dread)
  "(?:a|such a|what a|real|total|proper|right|bit of a|royal) (?:(?:real|total|proper|right) )?pain in the (?:neck|arse|ass|backside|butt|bum)",
  "(?:(?:har|haft|havde|fik|får|hadde|hatt|fikk|får|fick|fått|har haft) )?(?:(?:lidt|litt|lite|så|meget|mye|mykje|mycket|virkelig|veldig) )?(?:vond?t|ondt|ont) i (?:røv|ræv|rumpa|röv)~",
  "(?:(?:har|haft|havde|fik|får|hadde|hatt|fikk|fick|fått|gav|gir|gjer|gør|gjorde) )?(?:(?:lidt|litt|lite|så|meget|mye|mykje|mycket|virkelig|veldig) )?(?:vond?t|ondt|ont) i (?:maven|magen|magan|mavsen) (?:over|inför|ved tanken|av tanken|at the thought)",
  // hyperbole: "fikk nesten hjerteinfarkt", "nearly had a heart attack"
  "(?:(?:fikk|fekk|fick|fik|got|had|fått|fået|gav meg|gave me|gav mig) (?:nesten|nästan|næsten|nærmest|nærmast|nearly|almost|practically|halvt)|(?:nesten|nästan|næsten|nærmest|nearly|almost) (?:fikk|fick|fik|fekk|had|got|fått|fået|gave me|gav meg|gav mig)) (?:(?:et|ett|ein|en|ei|a|an) )?(?:hjerteinfarkt|hjarteinfarkt|hjärtinfarkt|hjärtattack|hjerteanfald|hjerteattakk|heart attack|slag|slagtilfælde|stroke|panikkanfall|panic attack|panikanfall|panikanfald)",
  // "allergisk mot lange møter", "allergic to long meetings"
  "(?:allergisk|allergiske|allergiska|allergic) (?:mot|imot|for|over for|overfor|to|över|mod) " + WORK_OBJECT,
  // Norwegian IT speaks of hosting as "hoste": "vi hoster løsningen i Azure"
  "host(?:e|er|et|a|ar|ade|at|ede)(?: (?:selv|sjøl|själva|själv|self|lokalt|internt))? (?:(?:den|det|de|vår|vårt|våre|vores|egen|eget|egne|eigne|hele|the|our|alle|alt)(?: (?:nye|gamle|nya|gamla))? )?(?:" + THING + "|" + L + "*(?:løsning|tjeneste|tjänst|nettside|side|sida|server|plattform|miljø|miljö|data|kode|kod|api|site|mail|e-post)~)",
  "host(?:e|er|et|a|ar|ade|at|ede)(?: (?:" + THING + "))? (?:i|hos|på|via|in|on) (?:(?:eget|egne|vårt|våre|vores|eige|the) )?(?:skyen|molnet|skyen|azure|aws|gcp|google|hetzner|digitalocean|datasenter~|datacenter~|cloud~|servere~|serverpark~)",
  // "cough up" is paying or producing, unless it is blood
  "cough(?:s|ed|ing)? up(?! (?:blood|phlegm|mucus|slime|sputum))",
  // charities and patient organisations
  "kreftforening~", "kræftforening~", "cancerfond~", "barncancerfond~", "kræftens bekæmpelse",
  "cancer research(?: uk)?", "cancer society", "macmillan cancer support", "hjerteforening~",
  "hjärt-lungfond~", "hjerte- og lungefond~", "diabetesforbund~", "astma- og allergiforbund~",
  "mental helse", "rådet for psykisk helse", "psykiatrifonden", "hjernerådet",
  // someone's workplace in health care: "jobber som sykepleier på akuttmottaket"
  `(?:${WORKER.join("|")})(?: (?:som|as|a|an|en|ei|ein|et|ett) ${L}+)? (?:på|i|in|at|on|ved|til|till|to|for|för|hos|inom|innen) (?:(?:the|a|an|en|et|ett|vår|vårt|our|the local) )?[${LOWER_LETTERS}&'\\-]*(?:${PLACE.join("|")})[${LOWER_LETTERS}&'\\-]*(?: (?:ward|unit|department|clinic))?`,
];

const FIGURATIVE_RE = compileWordRegex(FIGURATIVE, {});
const THING_NORDIC_RE = new RegExp(`^(?:${THING_NORDIC})$`);
const THING_ENGLISH_RE = new RegExp(`^(?:${THING_ENGLISH})$`);
const WORD = new RegExp(`[${LOWER_LETTERS}0-9'&\\-]+|[^\\s${LOWER_LETTERS}0-9'&\\-]+`, "g");

/** The words of the clause before `end`, last first (stops at punctuation). */
function wordsBefore(lower: string, end: number): string[] {
  const clause = lower.slice(Math.max(0, end - 80), end);
  const words = clause.match(WORD) ?? [];
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] as string;
    if (!/[0-9a-zß-öø-ſ]/.test(w)) break; // punctuation ends the clause
    out.push(w);
  }
  return out;
}

/** True when the words right before a hit make a thing at work its subject. */
function hasThingSubject(lower: string, start: number): boolean {
  const words = wordsBefore(lower, start);
  let i = 0;
  while (i < words.length && SUBJECT_GAP.has(words[i] as string)) i++;
  const noun = words[i];
  if (noun === undefined) return false;
  if (THING_NORDIC_RE.test(noun)) return true;
  if (!THING_ENGLISH_RE.test(noun)) return false;
  const before = words[i + 1];
  const beforeThat = words[i + 2];
  return (before !== undefined && DETERMINERS_EN.has(before)) || (beforeThat !== undefined && DETERMINERS_EN.has(beforeThat));
}

/** Drops the hits that are work talk borrowing a health word (see the header). */
export function dropFigurative(lower: string, spans: Span[]): Span[] {
  if (spans.length === 0) return spans;
  const figurative: Span[] = [];
  collectSpans(FIGURATIVE_RE, lower, figurative);
  return spans.filter(
    (s) => !hasThingSubject(lower, s.start) && !figurative.some((f) => f.start <= s.start && s.end <= f.end),
  );
}
