// What counts as a health detail, in bokmål, nynorsk, Swedish, Danish and English.
// The languages are mixed in one lexicon on purpose: people switch language within
// a sentence, and the guard must not depend on a correct language guess.
//
// Each entry is a small regular-expression source, matched against the LOWER-CASED
// text (see matcher.ts). The matcher wraps every entry so that a match starts and
// ends at a word boundary, which keeps "angst" out of "fangst". Conventions:
//   ~        the rest of the word: inflection and compound tails
//            ("depresj~" covers depresjon, depresjonen, depresjonsbehandling)
//   *        (leading) the term may also END a compound, after at least 3 letters
//            ("*kreft~" covers brystkreft, lungekreften)
//   a space  one or more spaces or hyphens ("long covid" = "long-covid")
//   {BODY}   a Nordic body-part word, {BODY_EN} an English one
// Plain regex syntax is allowed for the hard cases, usually a negative lookahead
// that removes an everyday homograph ("kreft(?!er|ene)" keeps "krefter" = forces out).
//
// Deliberately NOT health details (they describe the leave or the work, not the
// illness; see docs/follow-up-plan.md and the labelled set): syk/sjuk/syg, sykdom,
// sykmeldt + percentage, lege/fastlege/legetime/doctor, helse, sliten/trøtt/tired,
// stress as workload, "tåler ikke støy", functional limits ("kan ikke løfte tungt"),
// rehabilitering (the ARR team's own word), bedriftshelsetjenesten.

import { LOWER_LETTERS } from "./text.js";

/** Body parts in the Nordic languages, with their inflected forms. Used only inside
 *  phrases ("vondt i ryggen", "brakk armen"), never alone. "led"/"leder" is left out
 *  because "leder" is also a manager. */
const BODY_NORDIC_STEMS = [
  "korsrygg", "korsryg", "ländrygg", "lænd", "rygg", "ryg", "ryggrad", "rygrad",
  "nakk", "nack", "skuld(?:er|ra|re|rene|rane|rer)", "axel", "axl", "arm", "hånd", "hand",
  "hend", "händ", "hænd", "håndledd", "håndled", "handled", "albu", "albog", "armbåg",
  "kn(?:e|ä|æ)", "knær", "hoft", "höft", "bein", "ben", "fot", "fod", "føtt", "fött", "fødd",
  "fotled", "ank(?:e)?l", "hod", "hovud", "huvud", "hoved", "mag", "mav", "bryst", "bröst",
  "hals", "tann", "tenn", "tand", "tänd", "tænd", "ør", "öra", "öron", "øy", "au(?:ga|ge|go)",
  "øj", "ög(?:a|on)", "kjev", "käk", "kæb", "lår", "lysk", "ljumsk", "tå", "tær", "tår",
  "finger", "fingr", "ledd", "muskl", "muskel", "muskulatur", "nerv", "bekken", "bäcken",
  "bækken", "hjert", "hjärt", "hjart", "lung", "kropp", "krop", "nyr", "njur", "tarm",
  // colloquial "hue" (head), collar bones, ribs, handledd (nynorsk), liver
  "hue", "kragebein", "kragebens?", "nyckelben", "ribbein", "ribben", "revben", "handledd",
  "lever", "lyske", "legg", "lægg", "lænd", "hamstring",
];
/** Endings for the stems above (definite and plural forms in the three languages). */
const BODY_ENDINGS = "(?:a|e|en|et|er|ene|erne|erna|arna|orna|na|ne|n|t|ar|or|s|ta|tat|at|an)?";
export const BODY_NORDIC = `(?:${BODY_NORDIC_STEMS.join("|")})${BODY_ENDINGS}`;

const BODY_EN_WORDS = [
  "lower back", "back", "neck", "shoulders?", "arms?", "hands?", "wrists?", "elbows?",
  "knees?", "hips?", "legs?", "foot", "feet", "ankles?", "head", "stomach", "belly",
  "chest", "throat", "tooth", "teeth", "ears?", "eyes?", "jaw", "thighs?", "toes?",
  "fingers?", "joints?", "muscles?", "spine", "heart", "lungs?", "pelvis", "body",
  "collarbone", "ribs?", "hamstrings?", "groin", "calf", "achilles", "liver", "kidneys?",
  "bladder", "bowel", "brain", "skin",
];
export const BODY_EN = `(?:${BODY_EN_WORDS.join("|")})`;

/** Left halves of compounds whose right half is a complaint ("rygg" + "plager"). */
const BODY_COMPOUND_LEFT = [
  "korsrygg", "korsryg", "rygg", "ryg", "nakke", "nack", "skulder", "skuldre", "axel",
  "kne", "knä", "knæ", "hofte", "höft", "ankel", "fotleds?", "håndledds?", "håndleds?",
  "handleds?", "albue", "armbågs?", "arm", "fot", "fod", "bein", "ben", "lårhals",
  "ribbeins?", "ribbens?", "revbens?", "kragebeins?", "kragebens?", "nyckelbens?", "hode",
  "hovud", "huvud", "hoved", "hjerne", "hjärn", "hjarne", "hjerte", "hjärt", "hjarte",
  "atrie", "forkammer", "förmaks", "lunge", "lung", "mage", "mave", "tarm", "nyre", "njur",
  "galle", "gall", "tann", "tand", "menisk", "bekken", "bäcken", "bækken", "nerve", "muskel",
  "sene", "sen", "øre", "øye", "ögon", "øjen", "hud",
];
const COMPLAINT_RIGHT = [
  "plag", "problem", "besvær", "besvär", "skad", "lidels", "trøbbel", "vansk", "operasjon",
  "operation", "brudd", "brud", "brot", "brott", "fraktur", "prolaps", "sykdom", "sjukdom",
  "sygdom", "svikt", "svigt", "infarkt", "flimmer", "blødning", "blödning", "svulst",
  "stein", "sten", "kramp", "protes", "ruptur", "lammels", "slitasj", "betennel", "katarr",
];
/** "ryggplager", "kneskade", "håndleddsbrudd", "hjerteflimmer", "nyrestein" … */
export const BODY_COMPLAINT = `(?:${BODY_COMPOUND_LEFT.join("|")})(?:s|e)?(?:${COMPLAINT_RIGHT.join("|")})~`;

/** A content word after "diagnosen …": not a function word, at least 3 letters. */
const FUNCTION_WORDS = [
  "som", "og", "men", "at", "att", "that", "which", "and", "but", "i", "på", "med", "fra", "frå",
  "från", "for", "för", "to", "til", "till", "der", "det", "den", "de", "jeg", "eg", "jag", "hun",
  "han", "ho", "hon", "er", "är", "is", "was", "var", "vart", "blei", "ble", "blev", "in", "on",
  "of", "from", "after", "etter", "efter", "så", "nå", "no", "now", "just", "nylig", "nyleg",
  "nyligen", "hos", "av", "af", "by", "a", "an", "the", "en", "ei", "ein", "ett", "et", "fordi",
  "ennå", "enno", "enda", "ännu", "endnu", "yet", "still", "snart", "soon",
  // what is "påvist" in a delivery is not a diagnosis
  "feil", "fel", "fejl", "errors?", "mangler", "brister", "avvik", "avvikelser", "afvigelser",
  "because", "eftersom", "siden", "sidan", "sist", "last", "this", "denne", "dette",
];
export const NEXT_WORD = `(?!(?:${FUNCTION_WORDS.join("|")})(?![${LOWER_LETTERS}]))[${LOWER_LETTERS}][${LOWER_LETTERS}\\-/]{2,}`;

/** Determiners that may sit between a preposition and a body part. */
const DET = "(?:(?:min|mi|mitt|mine|din|sin|si|sitt|sine|hans|hennes|hendes|den|det|de|hele|heile|hela|venstre|høyre|høgre|højre|vänster|höger|nedre|øvre|övre|begge|bägge|båda|to|två|tre|flere|fleire|flera|my|his|her|the|both|left|right|lower|upper|two|three|a|an) )?";

/** Hospitals by kind and by name (the big ones people name in a chat). A hospital is
 *  a health detail only when someone is there as a patient (see PHRASES). */
export const HOSPITAL = `(?:${[
  `[${LOWER_LETTERS}]*(?:sykehus|sjukehus|sjukhus|hospital|lasarett)(?:et|ets|en|a|s|er|ene)?`,
  "ullevål", "ahus", "haukeland", "st\\.? ?olavs?", "unn", "karolinska", "sahlgrenska",
  "danderyd", "akademiska", "skejby", "herlev", "hvidovre", "bispebjerg", "gentofte", "riget",
].join("|")})`;

/** The slots the lexicon's entries may name, in dependency order (see matcher.ts). */
export const SLOT_SOURCES: Array<[string, string]> = [];

/** Single words and fixed phrases. Grouped by kind; the comment says what is left
 *  out on purpose. */
export const TERMS: Record<string, readonly string[]> = {
  mental: [
    "*depres(?:j|s)(?!ing)~", // depresjon, vinterdepresjon, depression, antidepressiva; not "depressing"
    "deprimer~", "nedstem(?:t|thet|theit)~", "nedstämd~", "nedtrykt~",
    "*angst~", "*ångest~", "anxiet(?:y|ies)", "anxiety disorder",
    // "panikk" alone is everyday speech ("det ble panikk"), the attacks are not
    "panikk(?:anfall|angst|lidel)~", "panik(?:anfald|anfall|attack|ångest|angst|lidelse|syndrom)~",
    "panic attacks?", "panic disorder",
    "utbrent~", "utbrend~", "utbrann", "udbrændt~", "utbrændt~", "utbränd~", "utbrändhet~",
    "burn ?outs?", "burned out", "burnt out", "(?:ramt|rammet|rammed) (?:af|av) stress~", "stress(?:ramt|rammet)~",
    "utmatt(?:else|ing|ning)~", "udmattelse~", "*utmattningssyndrom~", "fatigue",
    // stress as workload is not a health detail; the stress diagnoses are
    "*stress(?:reaksjon|reaktion|lidels|relater|syk|sjuk|syg|symptom|sygemeld)~",
    "psykisk~ (?:plag|lidel|sykd|syk|sjuk|probl|uhels|vansk|syg|ohäls|besvær|besvär|lidand|ubalanse)~",
    "(?:min|mi|mitt|hans|hennes|hendes|sin|si|sitt) psykiske? (?:helse|hälsa|helbred)~",
    "mental (?:illness|disorder|breakdown|health (?:issues?|problems?|conditions?))",
    "my mental health", "nervous breakdown", "nervesammenbrudd~", "nervsammanbrott~",
    "psykolog(?!i)~", "psycholog(?:ist|ists)", "*psykiat~", "*psychiatr~", "psykoterap~",
    "psychotherap~", "dps", "bup",
    "adhd~", "autism~", "autisme~", "asperger~", "tourette~", "bipol(?:ar|är|ær)~",
    "s(?:c?h|k)i[zs]o(?:f|ph)ren~", "psykose~", "psykos(?:en|er)?", "psychos[ie]s",
    "psykotisk~", "psychotic", "ptsd", "ptss", "post ?traumati~", "ocd",
    "tvangs(?:lidel|tank|handling)~", "*spiseforstyrr~", "*ätstörning~", "eating disorders?",
    "anoreksi~", "anorexi~", "bulimi~", "selvmord~", "sjølvmord~", "självmord~", "suicid~",
    "selvskad~", "sjølvskad~", "självskad~", "self ?harm~",
    "rusavheng~", "rusproblem~", "rusmisbruk~", "*alkohol(?:isme|ism|iker|problem|avheng|misbruk|misbrug|missbruk)~",
    "alcoholi~", "addiction", "spilleavheng~", "spelberoende~",
    "konsentrasjons(?:vansk|problem|svikt|besvær)~", "koncentrations(?:besvær|problem|vanskelighed|svårighet)~",
    "hukommelses(?:problem|svikt|tap|besvær)~", "minnes(?:problem|svårighet|förlust)~",
    "memory (?:loss|problems)", "hjernetåke~", "hjärndimma~", "brain fog",
  ],
  pain: [
    // "smertepunkt" and "smertegrense" are calques used about processes
    "*smert(?!epunkt|egrens)~", "*smärt(?!punkt|gräns)~", "*värk~",
    "hodepine~", "hovedpine~", "(?:tand|øre|mave)pine~", "(?:hode|hovud|tann|rygg|øre|mage)verk~",
    "(?:head|back|tooth|stomach|ear|belly) ?aches?", "migrain~", "*migren~", "*migrän~", "*migræn~",
    "fibromyalgi~", "whiplash~", "nakkesleng~", "pisksnärt~", "piskesmæld~",
    "isjias~", "ischias~", "sciatica", "lumbago", "hekseskudd~", "ryggskott~",
  ],
  symptoms: [
    "svimmel~", "yrsel~", "dizz(?:y|iness)", "vertigo", "balanse(?:problem|vansk|plag)~", "balans(?:problem|svårighet)~",
    "kvalm~", "illamående~", "nause~", "oppkast~", "opkast~", "kräkning~", "vomit~",
    "*søvn(?:problem|vansk|løs|forstyrr|mangel|apn|besvær)~", "*sömn(?:problem|svårighet|besvär|brist|störning|lös|apn)~",
    "insomni~", "sleep (?:problems?|disorders?|apn(?:o)?ea|issues|difficulties)",
    "(?:trouble|problems|difficulty) sleeping", "sover (?:dårlig|dårleg|dåligt|dårligt)",
    "tinnitus~", "*belastnings(?:skad|lidel)~", "hørsels(?:tap|skade|hemm|nedsett)~", "nedsatt hørsel", "nedsat hørelse", "hörselnedsättning~",
    "hearing loss", "synshemm~", "nedsatt syn",
    "kronisk (?:syk|sjuk|utmatt|trøtt|træt|trött|smert|sykdom|sjukdom|sygdom)~",
    "chronic (?:pain|illness|fatigue|conditions?|diseases?)",
    "feber~", "fever", "hetetokt~", "hot flushes",
  ],
  conditions: [
    // not "krefter"/"kræfter" (strength, forces)
    "*kreft(?!er|ene)~", "*kræft(?!er)~", "*cancer~",
    "tumou?rs?", "tumör~", "*svulst~", "lymfom~", "lymphoma~", "leuk(?:e|æ|ae)mi~", "melanom~",
    "sarkom~", "metasta~",
    "diabet~", "sukkersyk~", "sukkersyg~", "sockersjuk~", "blodsukker~", "blodsocker~", "blood sugar",
    "stoffskift~", "hypo(?:t|th)yreo~", "hyper(?:t|th)yreo~", "hypothyroid~", "thyroid",
    "c(?:ø|ö|o|oe)liaki~", "celiaki~", "c(?:o)?eliac", "laktoseintoleran~", "gluten(?:intoleran|allergi)~",
    "*infarkt~", "heart attacks?", "blodpropp~", "blodprop~", "blood clots?",
    "blodtrykk~", "blodtryck~", "blodtryk~", "blood pressure", "hypertensi~", "angina~",
    "pacemaker~", "hjertestans~", "hjärtstopp~", "hjerneslag~", "hjärnblödning~",
    "hjerneblødning~", "slagtilfælde~", "stroke(?! of)s?",
    "hjernerystel~", "hjärnskakning~", "concuss~",
    "epilep~", "*skleros~", "sclerosis", "parkinson~", "alzheimer~", "demens~",
    "dementia", "nevropati~", "neuropat~", "me/cfs", "cfs", "long covid", "lang covid",
    "langtidscovid~", "långtidscovid~", "post ?covid~", "senfølger~", "seinfølgjer~",
    "*prolaps~", "*diskbråck~", "slipped discs?", "herniated discs?", "disc prolapse",
    "*gikt~", "*gigt~", "artros~", "artrose~", "*arthrit~", "artritt~", "artrit~",
    "revmati~", "reumati~", "rheumat~", "bekhterev~", "osteoporo~", "benskjørhet~",
    "tennisalbue~", "tennisalboge~", "tennisarmbåge~", "tennis elbow", "musearm~",
    "karpaltunnel~", "carpal tunnel", "frozen shoulder", "frossen skulder", "frusen axel",
    "seneskjede~", "senskide~", "menisk~", "korsbånd~", "korsband~",
    "bekkenløsning~", "bækkenløsning~", "foglossning~",
    "*fraktur~", "fractur~",
    "astma~", "asthma~", "kols", "copd", "pneumoni~", "pneumonia", "bronkitt~", "bronkit~",
    "bronchit~", "flu", "forkjøl~", "förkyl~", "forkøl~",
    "*betennelse~", "*betennels~", "*betændelse~", "*inflammation~", "*infeksjon~", "*infektion~",
    "*infections?", "tuberkulos~", "hepatitt~", "hepatit~", "borreli~", "kyssesyk~", "kyssesyg~",
    "mononukle~", "körtelfeber~",
    "ibs", "irritabel tarm~", "crohn~", "kolitt~", "kolit~", "colitis", "ulcerøs~", "ulcerös~",
    "ulcerative", "magesår~", "magsår~", "mavesår~", "stomi~", "refluks~", "reflux~",
    "allerg~", "*eksem(?!pel|pl)~", // not "eksempel" (example)
    "eczema~", "psoriasis~",
    "endometrio~", "pcos", "overgangsalder~", "menopaus~", "klimakter~",
    "cerebral pares~", "cp-skad~", "amputer~",
    "*itis", // English inflammations: tendinitis, bursitis, gastritis, sinusitis …
    "*opati~", "*opathy", "anemi~", "an(?:a)?emia", "jernmangel~", "järnbrist~", "trombose~",
    "thrombos~", "emboli~", "skolios~", "scolios~", "narkolepsi~", "narcolep~", "sarkoidos~",
    "sarcoid~", "lupus", "hashimoto~", "ulcers?", "hernia~", "havandeskap~", "sukkersjuk~",
  ],
  pregnancy: [
    // pregnancy leave and benefits are arrangements, not health details
    "gravid~", "*graviditet(?!sorlov|spenning|spenge)~", "*svangerskap(?!spermisjon|spenger)~",
    "*svangerskab(?!sorlov)~", "pregnan~", "preeklampsi~", "pre ?eclampsia", "hyperemesis",
    "morning sickness", "spontanabort~", "missfall~", "miscarriage~", "keisersnitt~",
    "kejsarsnitt~", "kejsersnit~", "c-section", "ivf", "prøverør~", "fertilitetsbehandl~",
    "fertility treatment", "venter barn", "väntar barn", "expecting a baby",
  ],
  treatment: [
    "cellegift~", "cellgift~", "kjemo~", "kemo~", "chemo~", "cytostat~", "strålebehandl~",
    "strålbehandl~", "stråleterapi~", "strålterapi~", "radiotherap~", "radiation therapy",
    "onkolog~", "oncolog~", "dialyse~", "dialys~", "transplant(?:asjon|ation|ert|eret|erad)~",
    // "operasjon" alone (not plural, not compounds like "operasjonsleder")
    "operasjon(?:en|a)?", "operationen", "operer(?:t|te|es|ast|as|ades|ats|ad|at|et|ede)",
    "operated on", "surgery", "surgeries", "post ?op(?:erati~)?",
    "(?:min|mi|mitt|my|her|his|en ny|ny|efter|etter|after|før|för|inför|before|forud for|venter på|väntar på|waiting for) operation",
    "operation (?:i|på|av|af) " + DET + "{BODY}",
    "(?:operation|surgery) on (?:my|his|her|the) {BODY_EN}",
    "innlagt~", "innlagd~", "indlagt~", "inlagd~", "*innleggelse~", "*innlegging~",
    "*indlæggelse~", "inläggning~", "hospitali[sz]~", "admitted to (?:the )?hospital",
    "in hospital", "sykehusopphold~", "sjukehusopphald~", "sjukhusvistelse~", "hospitalsophold~",
    "fysioterap~", "fysio", "genoptræning~", "physio~", "sjukgymnast~", "kiropraktor~", "chiropract~",
    "naprapat~", "osteopat~", "akupunktur~", "acupunctur~",
    "terapi", "terapien", "therapy", "therapist", "cognitive behaviou?ral therapy",
    "(?:in|having|attending|started|getting) counsell?ing", "samtaleterapi~", "kognitiv terapi~",
    "(?:medisinsk|medicinsk|psykiatrisk|medikamentell|medikamentel) behandling~",
    "nevrolog~", "neurolog~", "kardiolog~", "cardiolog~", "revmatolog~", "reumatolog~",
    "rheumatolog~", "gynekolog~", "gyn(?:a)?ecolog~", "ortoped(?:en|er|ene)?", "jordmor~",
    "jordemoder~", "barnmorsk~", "midwife~",
    "mri", "mr-~", "ct-(?:undersøk|scan|skann|bild)~", "røntgen~", "röntgen~", "x-rays?",
    "ultralyd~", "blodprøve~", "blodprov~", "blood tests?", "biopsi~", "biopsy", "koloskopi~",
    "gastroskopi~",
  ],
  // Everyday words for common ailments, in all five languages (round two).
  everyday: [
    "ryggskudd~", "ryggskot~", "hekseskud~", "hold i (?:ryggen|nakken|lænden|siden)",
    "*omgangssyk~", "*omgangssjuk~", "magesyk~", "mavesyg~", "magsjuk~", "*kräksjuk~",
    "roskildesyge~", "stomach bug", "tummy bug", "winter vomiting bug", "norovirus~",
    "(?:mage|mave|mag|rs-|herpes)virus~", "*influensa~", "*influenza~",
    "helvetesild~", "helvedesild~", "bältros~", "halsfluss~", "hjertebank~", "hjartebank~",
    "hjärtklappning~", "palpitations?", "andpust~", "tungpust~", "andfådd~", "åndenød~",
    "andenød~", "short of breath", "breathless~", "nedfor", "depp(?:a|et|ete|ede|ig|iga|igt|ad|ade)",
    "(?:sår|vond|såre) hals~", "tett nese", "rennende nese", "snørrete", "feberfri~",
    "(?:mage|mave|mag)smert~", "sår i munnen", "(?:lyske|navle|lysk)brokk~", "(?:ljumsk|navel)bråck~",
    "(?:lyske|navle)brok", "blindtarm~", "appendi[cs]it~", "gallestein~", "gallsten~",
    "nyrestein~", "njursten~", "mensen", "menstruasjon~", "menstruation~", "period pains?",
    "mensvärk~", "(?:got|have|has|had|with|caught) shingles", "tonsil~",
    "koma(?:en|n|et)?", "hjärtattack~", "hjerteanfald~", "hjerteattakk~",
    "mistenkt (?:kreft|brudd|hjerneslag|slag)", "kjemoterapi~",
    "(?:have|has|had|got|running|with|and) (?:a (?:(?:high|slight|bit of a) )?|high )temperature(?! (?:of|in|at|control|sensor|log|reading))",
  ],
  // Being in hospital as a patient; the places that are only ever visited as one.
  hospital: [
    "legevakt~", "skadelegevakt~", "akuttmottak~", "akutmottag~", "akutmodtag~", "akutten",
    "akuten", "skadestue~", "intensiven", "intensivavd~", "intensivavdelning~", "intensivafd~",
    "intensivbehandl~", "a&e", "emergency (?:room|department)", "urgent care", "intensive care",
    "(?:in|into|to|on|from) (?:the )?icu", "(?:children's|maternity|psychiatric|cardiac|cancer|oncology|surgical|orthop(?:a)?edic|stroke) ward",
    "(?:sykehus|sjukehus|sjukhus|hospitals?)(?:time|tid|kontroll|innleggelse|opphold|opphald|vistelse|ophold)~",
    "hospital (?:appointment|stay|visit)s?", "barselavdeling~", "fødeavdeling~",
    "förlossningen", "fødegangen",
  ],
  addiction: [
    "avrusning~", "avgiftning~", "afvænning~", "afrusning~", "rusbehandl~", "rusomsorg~",
    "rusklinikk~", "beroendemottag~", "beroendevård~", "beroendeenhet~", "alkoholbehandl~",
    "alkoholist~", "*(?:rus|alkohol|spill|spille|spel|drog|narkotika|tablett|pille|opioid|stoff)(?:avheng|afhæng|beroend|misbruk|misbrug|missbruk)~",
    "aa-(?:møte|möte|møde)~", "na-(?:møte|möte|møde)~", "(?:aa|na) meetings?",
    "anonyme alkoholikere", "anonyma alkoholister", "alcoholics anonymous", "narcotics anonymous",
    "anonyme narkomane", "sobriety", "relaps(?:e|ed|es|ing|en)?", "(?:in|into|to|from|out of|after) rehab",
    "rehab (?:for|clinic|centre|center)", "(?:in|into|through|completed|finished|after|from) detox",
    "legemiddelassistert rehabilitering", "substitusjonsbehandl~", "metadonbehandl~",
    "drug (?:addiction|abuse|problems?)", "alcohol (?:abuse|problems?|dependence|addiction)",
  ],
  // A bereavement is not a health detail; a grief reaction treated as one is.
  grief: [
    "*sorgreaksjon~", "*sorgreaktion~", "sorgterap~", "sorggrupp~", "sorgsamtal~", "sorgbehandl~",
    "(?:komplisert|komplicerad|kompliceret|forlenget|langvarig|patologisk) sorg~",
    "(?:complicated|prolonged|traumatic) grief", "grief (?:counsel~|therap~|support)",
    "bereavement (?:counsel~|therap~|support)",
  ],
  // Therapies and tests (round two).
  therapy: [
    "kbt~", "*atferdsterapi~", "*adferdsterapi~", "*beteendeterapi~", "*adfærdsterapi~",
    "samtal(?:e|s)?terap~", "terapeut~", "*psykoterapeut~", "emdr",
    "(?:penicillin|antibiotika|antibiotikum|antibiotics?|antibiotikakur)~", "beta ?block~",
    "betablokk~", "betablock~", "blodfortynn~", "blodförtunn~", "blodfortynd~", "blood thinners?",
    "gastroskop~", "kolonoskop~", "mammograf~", "mammogram~",
    "(?:cortison|kortison|steroid)(?:sprøyte|spruta|injeksjon|injektion|indsprøjtning)~",
  ],
  medication: [
    "medisin(?!sk)~", "medikament~", "medicin(?!sk)~", "medication~", "meds", "läkemedel~",
    "lægemid(?:del|ler)~", "legemid(?:del|ler)~", "tablett~", "pills?", "piller",
    "painkiller~", "*lykkepille~", "*lyckopill~", "pain ?killers?", "bivirkning~", "biverkning~",
    "side effects? (?:of|from) (?:the |my )?(?:medication|medicine|meds|pills|tablets|treatment)",
    "beroligende~", "lugnande~", "sedativ~", "opioid~", "opiat~", "benzodiazepin~", "benzo(?:s|er)?",
    "sovemedisin~", "sovemedicin~", "sove(?:tablett|pille|piller)~", "sömn(?:tablett|medel)~",
    "sleeping pills?", "insulin~",
    // Common Nordic brand and generic names. "litium/lithium" only as a drug, not a battery.
    "paracet(?:amol)?~", "pinex~", "panodil~", "pamol~", "alvedon~", "ibux~", "ibuprofen~",
    "ipren~", "ibumetin~", "brufen~", "voltaren~", "diklofenak~", "diclofenac~", "naproxen~",
    "naprosyn~", "pronaxen~", "aspirin~", "albyl~", "magnyl~", "kodimagnyl~", "treo", "citodon~",
    "paralgin~", "vival~", "diazepam~", "stesolid~", "valium~", "sobril~", "oksazepam~",
    "oxazepam~", "oxascand~", "oxapax~", "xanax~", "alprazolam~", "imovane~", "zopiklon~",
    "zopiclon~", "zolpidem~", "stilnoct~", "propavan~", "theralen~", "atarax~", "circadin~",
    "melatonin~", "sertralin~", "zoloft~", "cipralex~", "escitalopram~", "citalopram~",
    "cipramil~", "fluoxetin~", "prozac~", "fontex~", "paroxetin~", "seroxat~", "venlafaxin~",
    "efexor~", "duloxetin~", "cymbalta~", "mirtazapin~", "remeron~", "bupropion~",
    "wellbutrin~", "voxra~", "lamotrigin~", "lamictal~", "litium(?! ?(?:ion|batter))~",
    "lithium(?! ?(?:ion|batter))~", "seroquel~", "quetiapin~", "olanzapin~", "zyprexa~",
    "abilify~", "aripiprazol~", "ritalin~", "concerta~", "metylfenidat~", "methylphenidat~",
    "medikinet~", "elvanse~", "vyvanse~", "strattera~", "atomoksetin~", "lyrica~",
    "pregabalin~", "neurontin~", "gabapentin~", "tramadol~", "nobligan~", "tramagetic~",
    "oxycontin~", "oxynorm~", "oksykodon~", "oxycodon~", "oxikodon~", "morfin~", "morphin~",
    "kodein~", "codein~", "fentanyl~", "metformin~", "ozempic~", "wegovy~", "semaglutid~",
    "levaxin~", "levotyroksin~", "levothyrox~", "euthyrox~", "thyroxin~", "marevan~",
    "warfarin~", "eliquis~", "xarelto~", "atorvastatin~", "simvastatin~", "lipitor~",
    "prednisolon~", "prednison~", "kortison~", "cortison~", "sumatriptan~", "imigran~",
    "maxalt~", "relpax~", "zomig~", "triptan~", "metoprolol~", "selo-zok~", "atacand~",
    "enalapril~", "ventolin~", "airomir~", "symbicort~", "seretide~", "flutide~",
    "pulmicort~", "cetirizin~", "zyrtec~", "aerius~", "desloratadin~", "nozinan~", "truxal~",
    "antabus~", "suboxone~", "subutex~", "metadon~", "methadon~", "buprenorfin~",
  ],
};

/** Phrases that need a little context to mean a symptom, a cause of the sick leave
 *  or a diagnosis. Compiled apart from the single words; overlapping hits are merged,
 *  so the whole phrase is reported ("har vondt i ryggen", not a part of it). */
export const PHRASES: readonly string[] = [
  // Norwegian "vondt/vont", Swedish "ont", Danish "ondt"; but not "har vondt for å"
  // (finds it hard to), "ont om tid" (short of time) or "har ondt af" (feels sorry for)
  "vond?t i " + DET + "{BODY}",
  "(?:har|hatt|fått|får|fikk|fekk|gjør|gjer|gjorde|kjenner|kjenne) (?:(?:så|mye|mykje|litt|veldig|fortsatt|framleis|ofte|stadig|konstant) )?vond?t(?: i " + DET + "{BODY})?(?! (?:for|verre|av))",
  "verk(?:jer|er) i " + DET + "{BODY}",
  "ont i " + DET + "{BODY}",
  "(?:har|haft|fått|får|fick|gör|gjorde|känner) (?:(?:så|mycket|lite|väldigt|fortfarande|ofta|konstant) )?ont(?: i " + DET + "{BODY})?(?! om)",
  "ondt i " + DET + "{BODY}",
  "(?:har|haft|fået|får|fik|gør|gjorde) (?:(?:så|meget|lidt|virkelig|stadig|ofte|konstant) )?ondt(?: i " + DET + "{BODY})?(?! (?:af|for))",
  // broken bones: "brakk armen", "brækkede benet", "bröt armen", "brudd i foten"
  "(?:brakk|brukket|brekt|brækkede|brækket|brækker|bröt|brutit|brutet|braut|brote) " + DET + "{BODY}",
  "(?:brudd|brot|brud|brott) (?:i|på) " + DET + "{BODY}",
  "{BODY_COMPLAINT}",
  // complaints about a body part: "problemer med ryggen", "besvär med nacken"
  "(?:problem|plag|trøbbel|besvær|besvär|vansk|skad)~ (?:med|i) " + DET + "{BODY}",
  "(?:skadet|skadd|skada|skadede|slo|slog) " + DET + "{BODY}",
  // the cause of the sick leave: "sykmeldt pga. ryggen", "sygemeldt med stress"
  "(?:syk|sjuk|syg)e?(?:meld|skriv)~ (?:pga\\.?|p\\.g\\.a\\.?|på grunn av|på grund av|på grund af|grundet|grunna|for|för|med) " + DET + "(?:stress~|{BODY})",
  "(?:off sick|signed off|on sick leave|sick leave) (?:with|due to|because of|for) (?:stress|my {BODY_EN})",
  // English pain needs a body or a sufferer: "back pain", "pain in my neck", but
  // never the business idiom "pain point"
  "{BODY_EN} ?pains?(?! ?points?)",
  "pains? in " + DET + "{BODY_EN}",
  "in (?:(?:a lot of|constant|severe|so much) )?pain(?! ?points?)",
  "(?:have|has|had|having|get|gets|getting|with) (?:(?:a lot of|some|severe|constant|bad|much|chronic) )?pains?(?! ?points?)",
  "my pain(?! ?points?)",
  "(?:my|his|her) {BODY_EN} (?:hurts|aches|is sore|is injured|is broken)",
  "{BODY_EN} (?:injury|injuries|disease|condition|failure|surgery|operation|replacement|problems?)",
  "(?:my|his|her) {BODY_EN} (?:is|was|are|were|gets|got|feels) (?:(?:very|still|a bit|really) )?(?:swollen|sore|stiff|injured|broken|inflamed|hurting|aching|painful|numb)",
  "swollen {BODY_EN}",
  "(?:hoven|hovne|hovent|svullen|svullet|svullna|hævet|hævede|stiv|stive|stivt|øm|ømme|öm|ömma|nummen|numne|domna) (?:i )?" + DET + "{BODY}",
  "(?:hurt|injured|strained|sprained|twisted|broke|broken|fractured|dislocated) " + DET + "{BODY_EN}",
  "sore {BODY_EN}",
  "(?:problems?|issues?|trouble) with (?:my|his|her) {BODY_EN}",
  // covid as an illness, not as a period or a set of rules
  "(?:har|hadde|hatt|fikk|fekk|fått|fick|haft|fik|fået|had|got|caught|have|has|med|with|smittet av|smitta av|smittad av|smittet med) (?:covid(?:-?19)?|korona|corona)(?!-)",
  // a named diagnosis: whatever follows "fikk diagnosen" is the diagnosis, unless the
  // next word is a function word ("har en diagnose som gjør at …" names nothing)
  "(?:fått|fikk|fekk|fick|fik|fået|har|have|has|had|got|given|gett|received) (?:en |ei |ein |ett |et |a |the )?diagnos(?:e|en|a|is)? (?:som heter |på |med |of )?{NEXT_WORD}",
  "diagnos(?:tisert|tisera[dt]|ticeret|ticeres|tisere[rs]?|ed) (?:med|with|som|as) {NEXT_WORD}",
  "(?:fått|fikk|fekk|fick|fik|fået) (?:påvist|konstatert|konstateret|påvisat) (?:en |ei |ein |ett |et )?{NEXT_WORD}",

  // ---- round two ----
  // a patient in hospital: "ligger på sykehus", "ble kjørt til sykehuset", "I'm in the
  // hospital"; not "vi leverer til sykehuset" or "jobber på Haukeland"
  "(?:var|er|är|ligger|ligg|lå|låg|ligget|legat|ble|blei|vart|blev|blitt|blivit|blevet|havnet|hamna|hamnade|hamnat|endte|enda|endade|kom|kommet|kjørt|kjørte|køyrd|køyrde|körd|kördes|fördes|sendt|sendte|skickad|skickades|måtte|måste|skal|ska|skulle|må|vært|vore|varit|været|been|was|were|spent (?:the night|the weekend|a week|two days|three days|the day)|ended up|rushed|taken|went|gone|utskrevet|utskriven|udskrevet|discharged|hjem|heim|hem|home|(?:i|she|he|they|we)(?:'m|'s|'re| am| is| are)) (?:(?:akutt|akut|raskt|straks|rett|direkte|igjen|igen|nettopp|just|again|straight|inn|in|ind|inne|opp|up|back|tilbake|med ambulanse|med ambulans|med ambulance|i ambulanse|by ambulance|for observasjon|for observation) )*(?:på|til|till|in|i|to|at|hos|ved|innom|inom|into|fra|frå|från|from) (?:the )?{HOSPITAL}",
  "(?:time|timen|tid|tiden|tida|kontroll|kontrollen|undersøkelse~|undersökning~|undersøgelse~|undersøking~|appointment|check-?up|scan|skanning|scanning|operasjon|operation|behandling~) (?:på|hos|at|i|ved|till|til|in) (?:the )?{HOSPITAL}",
  // "ble lagt inn" is also "was entered" (hours, orders): a person must be the subject
  "(?:jeg|eg|jag|han|hun|ho|hon|hen|i|she|he|mor|mora|mamma|far|faren|pappa|sønnen|sonen|son|dattera|datteren|dottera|dottern|dotter|datter|mannen|kona|barnet|ungen|kæresten|sambon|min [a-zæøå]+|mi [a-zæøå]+|mitt [a-zæøå]+) (?:ble|blei|vart|har blitt|har vorte|blev|blivit|er blevet|er blitt|lades|har lagts) (?:(?:akutt|raskt|straks|akut|hurtigt) )?lag[dt] in[nd]?",
  "lag[dt] in[nd]? (?:(?:på|til) (?:the )?{HOSPITAL}|for observasjon|for observation|akutt|akut)",
  "lades in (?:på|akut)",
  "(?:åkte|åkt|kom|kommit|fördes|blev|körde mig|körde) in (?:akut|till akuten|på akuten|till sjukhuset)",
  "(?:was|been|got|being|were|i'm|she's|he's|am|is) admitted(?! to (?:the )?(?:bar|university|college|programme|program|school|course|team|board))",
  "kept (?:me|him|her|them) in (?:overnight|for observation|for a few days|for two days)",
  // pregnancy: "har termin i april", "I'm due in June", "venter tvillinger"
  "(?:har|fått|fikk|fekk|fick|fik|fået|hun har|ho har|hon har) termin (?:i|den|på|om|til|rundt|kring|omkring|midt|tidlig|sent|\\d)",
  // Swedish "terminen" is also the school term
  "terminen (?:er|var|min|mi|vår|vores|er satt|blir)", "termin(?:s)?dato~", "beräknat förlossningsdatum",
  // "due" with a month or a number of weeks: "I'm due in a meeting" is not a pregnancy
  "(?:i'm|i am|she's|she is|we're|we are|baby is|baby's|the baby is) due (?:(?:in|on|around|at the end of|at the start of|any day|early|late|mid|next) )*(?:(?:early|late|mid|the end of|the start of|the middle of) )?(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|fall|winter|christmas|easter|\\d+ (?:weeks|months)|(?:a|two|three|four|five|six|a few|a couple of) (?:weeks|months)|(?:next|this) (?:month|week)|any day)",
  "expecting (?:our|a|my|her|their|his) (?:(?:first|second|third|fourth|new) )?(?:baby|child|twins|little one)",
  "(?:venter|ventar|väntar) (?:barn|tvillinger|tvillingar|trillinger|baby|en baby|vårt første|vår første|vores første|vårt första)",
  "(?:tok|tatt|hatt|gjort|gjennomført|tog|taget|haft|fått|fikk|fick|gjorde|gennemført|fik|fået|had|having|have|got|lige haft|nettopp hatt) (?:(?:en|ei|ein|et|ett|an|a) )?abort~",
  "aborten", "abortion~",
  // addiction: "drikker for mye", "sliter med alkoholen", "avhengig av sovepiller", "rusfri"
  "(?:drikker|drakk|drukket|drikk|drikke|druckit|dricker|drack|dricka|drak|drinking|drink|drank|drunk) (?:(?:alt|altfor|alldeles|way|far|much|lidt|litt|lite|a bit|klart) )?(?:for mye|for mykje|för mycket|for meget|too much)(?! (?:kaffe|kaffi|coffee|te|tea|brus|cola|energidrikk|energidryck|vann|vatten|water)(?![a-zß-öø-ſ]))",
  "(?:sliter|slit|strever|kämpar|kæmper|struggl~|problem~|trøbbel|issues?|trouble) (?:med|with) (?:(?:den|det|the|my|min) )?(?:alkohol~|alcohol|drinking|drikking~|drikkinga|drikken|spriten|drugs|rusen|rus|pillene|piller|pills|gambling|spillingen|spelandet|narkotika|hasj|kokain~|cocaine|stoff~)",
  "(?:avhengig|avhengige|beroende|afhængig|afhængige|addicted) (?:av|af|til|of|to) (?:(?:den|det|the|min|mine|my) )?(?:alkohol~|alcohol|piller|pills|tabletter|tablets|sove(?:piller|tabletter|medisin|medicin)~|sleeping pills|smertestillende|painkillers|spill~|spel~|gambling|narkotika|drugs|kokain~|cocaine|hasj|cannabis|opioid~|sprit|opiater)",
  "(?:misbrukt|misbruker|misbrukte|missbrukat|missbrukar|missbrukade|misbrugt|misbruger|misbrugte|abused|abusing|misused) (?:(?:alkohol|tabletter|piller|pills|narkotika|droger|drugs|stoff|hasj|cannabis|kokain|opioider|painkillers|smertestillende|legemidler|läkemedel|lægemidler))",
  // a party can be "rusfri" too: a person, or a time, makes it about someone's addiction
  "(?:vært|vore|varit|været|holdt meg|holder meg|hållit mig|holdt mig|holdt seg) (?:(?:helt) )?(?:edru|nykter|ædru|rusfri~)",
  "(?:jeg|eg|jag|han|hun|ho|hon|hen|i|she|he|mor|mora|mamma|far|faren|pappa|sønnen|sonen|son|dattera|datteren|dottera|dottern|dotter|datter|mannen|kona|barnet|ungen|kæresten|sambon|min [a-zæøå]+|mi [a-zæøå]+|mitt [a-zæøå]+) (?:er|är|har blitt|har blivit|er blevet) (?:(?:helt|nå|no|nu) )?(?:edru|ædru|nykter|rusfri~)",
  "(?:edru|ædru|nykter|rusfri~) (?:(?:nå|no|nu|igjen|igen|sedan|siden|sidan|sia|i \\d+)(?![a-zæøåäö]))", "nykter alkoholist~",
  "(?:been|stayed|staying|stay|i'm|am|getting|get|she's|he's) sober",
  "(?:fått|fikk|hatt|fick|haft|fik|fået|had) (?:(?:et|ett|ei|en|a) )?(?:tilbakefall|tilbakefal|återfall|tilbagefald)",
  "(?:(?:begynt|begynte|startet|starta|startat|började|börjat|påbörjat|startede|begyndt|begyndte|byrja|byrjar|går|gikk|gått|gick|gik|gå) (?:i|på|til) behandling|(?:jeg|eg|jag|han|hun|ho|hon|hen) (?:er|är|var) (?:(?:fortsatt|framleis|fortfarande|stadig|nå|nu|no) )?(?:i|under) behandling)",
  // not "behandling av søknaden / af sagen" (processing)
  "behandling (?:for|mot|mod|för) {NEXT_WORD}",
  "(?:in|started|starting|having|getting|receiving|under|need) treatment(?! (?:plan|of|for the data|options for the))",
  "(?:being|been|getting|get) treated for {NEXT_WORD}", "in treatment for",
  // stress as an illness (Danish above all): "jeg har stress", "gået ned med stress"
  "(?:jeg|eg|jag|han|hun|ho|hon|hen|i|i've|she|he|she's|he's) (?:har|hadde|havde|hade|fik|fikk|fick|fekk|have|has|had|got|have got|har haft|har hatt|har fået|har fått) (?:(?:fået|fått|haft|hatt) )?stress(?! (?:med|på|over|før|i|inför|op|omkring|rundt|around|about|with|at|before|over|on|from|i forhold)(?![a-zß-öø-ſ]))",
  "(?:gået|gik|går|gikk|gått|gick|gjekk|gone|went|going) ned med stress~",
  "(?:gått|gick|går|gå|gåt) in i väggen", "(?:jeg|eg|jag|han|hun|ho|hon|hen) (?:(?:har|hadde) )?(?:møtt|møtte|møter|traff|truffet|gått i|gikk i|gått på|gikk på|ramlet i|ramla i) veggen",
  // injuries in everyday words: "vrikket ankelen", "strekk i lysken", "threw my back out"
  "(?:sträckt|sträckte|stukket|stukke|stukat|stukade|vrikket|vrikka|vrikke|vrickat|vrickade|vricka|forstuet|forstuvet|forstuvede|forstuve|forvredet|forvridd|overtråkk|overtrådt|pulled|tore|torn|ruptured|dislocated) " + DET + "(?:{BODY}|{BODY_EN})",
  "(?:strekk|strekkskade|sträckning|forstrækning|overbelastning|slitasje|slitage) (?:i|på) " + DET + "{BODY}",
  "(?:blod)?propp i " + DET + "{BODY}", "verkende " + DET + "{BODY}",
  "(?:threw|throw|thrown|throwing|put|putting|puts) (?:my|his|her) back out",
  "(?:throwing|threw|thrown|throw) up(?! (?:a|an|the|some|new|errors?|ideas?|warnings?|questions?|flags?)(?![a-zß-öø-ſ]))",
  "(?:mistet|mista|miste|mister|tappat|tappade|tabt|tabte|taber|lost|losing) (?:(?:deler av|noe av|noko av|delar av|dele af|noget af|part of|some of|all of) )?(?:hørselen|hørsla|høyrsla|hörseln|hørelsen|my hearing|(?:synet|synen|my sight)(?! (?:for|of|på|av|af)(?![a-zß-öø-ſ])))",
  "(?:hjertet|hjartet|hjärtat) (?:galopperer|galopperar|raser|hamrer|hamrar|dunker|dunkar|slår (?:fort|hurtigt|snabbt|ujevnt|ujamt|oregelbundet|uregelmæssigt))",
  "mår (?:(?:så|väldigt|jätte|riktigt|lite|fortfarande|ofta) )?illa", "mår psykiskt dåligt",
  "(?:feel|feeling|felt|been feeling|feels) (?:(?:really|very|quite|so|a bit|pretty|rather|pretty) )?(?:low|down)(?! (?:on|to|the|about the)(?![a-zß-öø-ſ]))",
  "(?:cough(?:s|ed|ing)?|(?:a|my|bad|dry|nasty|persistent|chesty|terrible|awful) cough~)",
  // cough in the Nordic languages; not English "host", "hosted", "hosting"
  "host(?:e|en|er|et|a|ar|ade|at|an|ede|ende)",
  // the cause of a sick leave or an assessment: "utredning for ADHD", "tested for covid"
  // (English "tested for" and "screened for" are as often about software)
  "(?:utredning|utredes|utgreiing|utgreiast|utgreidd|utreds|udredning|udredes|udredt) (?:for|för|mot|af) {NEXT_WORD}",
  "(?:having|had|have|got|get|getting|waiting for|booked for|booked in for) (?:(?:a|an|my) )?(?:mri|ct scan|ultrasound|x-ray|biopsy)",
  "(?:having|waiting for|booked for|booked in for) (?:(?:a|an|my) )?scan",
  "scan (?:on|of) (?:my|his|her|the) {BODY_EN}", "(?:scanning|skanning) (?:af|av|på) " + DET + "{BODY}",
  // CBT only where it is a therapy (CBT is also computer-based training)
  "(?:in|into|doing|having|started|starting|attending|referred (?:for|to)|waiting for|on a course of|course of|go to) cbt",
  "cbt (?:sessions?|therapy|therapist|appointments?)",
  "(?:samtaler|samtalar|samtal|sessions) (?:hos|med|with) (?:(?:en|ein|ei|a|the|my) )?(?:psyk~|terapeut~|therapist|counsell?or|kurator~)",
];

/** Acronyms that are health details only in capitals ("ME", not "help me"). Matched
 *  case-sensitively against the original text. */
export const CASED_TERMS: readonly string[] = [
  "(?<!(?:[Hh]elp|[Ll]et|[Cc]all|[Tt]ell|[Gg]ive|[Ss]end|[Ee]mail|[Ee]-mail|[Aa]sk|[Ss]how|[Cc]ontact|[Jj]oin|[Ff]or|[Tt]o|[Ww]ith|[Aa]bout|[Ll]ike|[Pp]ing|[Tt]ext|[Mm]ail|[Rr]emind|[Ii]nform|[Ff]ollow|[Tt]ag|[Aa]dd|[Ii]nvite)[\\s]+)ME(?:/CFS)?",
  "MS(?![\\s\\-]*(?:Teams|Office|Word|Excel|Outlook|Project|Forms|Planner|Access|SQL|Paint|Dynamics|Azure|Edge|Windows|Visio|OneNote|365|Store|Navision|SharePoint|Sharepoint|Power|DOS|Exchange))",
  "ALS", "KOL", "HIV", "AIDS", "MR",
  // legemiddelassistert rehabilitering; "lar" (lets) is lower case
  "LAR",
  // the emergency room; Swedish "Er" (you) is not in capitals
  "(?<=(?:[Tt]he|[Ii]n|[Tt]o|[Aa]t) )ER",
];

SLOT_SOURCES.push(
  ["BODY", BODY_NORDIC],
  ["BODY_EN", BODY_EN],
  ["BODY_COMPLAINT", BODY_COMPLAINT],
  ["NEXT_WORD", NEXT_WORD],
  ["HOSPITAL", HOSPITAL],
);
