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
];
/** Endings for the stems above (definite and plural forms in the three languages). */
const BODY_ENDINGS = "(?:a|e|en|et|er|ene|erne|erna|arna|orna|na|ne|n|t|ar|or|s|ta|tat|at)?";
export const BODY_NORDIC = `(?:${BODY_NORDIC_STEMS.join("|")})${BODY_ENDINGS}`;

const BODY_EN_WORDS = [
  "lower back", "back", "neck", "shoulders?", "arms?", "hands?", "wrists?", "elbows?",
  "knees?", "hips?", "legs?", "foot", "feet", "ankles?", "head", "stomach", "belly",
  "chest", "throat", "tooth", "teeth", "ears?", "eyes?", "jaw", "thighs?", "toes?",
  "fingers?", "joints?", "muscles?", "spine", "heart", "lungs?", "pelvis", "body",
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
const DET = "(?:(?:min|mi|mitt|mine|din|sin|si|sitt|sine|hans|hennes|hendes|den|det|de|hele|heile|hela|venstre|høyre|høgre|højre|vänster|höger|nedre|øvre|övre|begge|bägge|båda|my|his|her|the|both|left|right|lower|upper) )?";

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
    "bronchit~", "influensa~", "influenza~", "flu", "forkjøl~", "förkyl~", "forkøl~",
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
    "sarcoid~", "lupus", "hashimoto~", "ulcers?", "hernia~", "havandeskap~",
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
  medication: [
    "medisin(?!sk)~", "medikament~", "medicin(?!sk)~", "medication~", "meds", "läkemedel~",
    "lægemid(?:del|ler)~", "legemid(?:del|ler)~", "tablett~", "pills?", "piller",
    "painkiller~", "*lykkepille~", "pain ?killers?", "bivirkning~", "biverkning~",
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
];

/** Acronyms that are health details only in capitals ("ME", not "help me"). Matched
 *  case-sensitively against the original text. */
export const CASED_TERMS: readonly string[] = [
  "(?<!(?:[Hh]elp|[Ll]et|[Cc]all|[Tt]ell|[Gg]ive|[Ss]end|[Ee]mail|[Ee]-mail|[Aa]sk|[Ss]how|[Cc]ontact|[Jj]oin|[Ff]or|[Tt]o|[Ww]ith|[Aa]bout|[Ll]ike|[Pp]ing|[Tt]ext|[Mm]ail|[Rr]emind|[Ii]nform|[Ff]ollow|[Tt]ag|[Aa]dd|[Ii]nvite)[\\s]+)ME(?:/CFS)?",
  "MS(?![\\s\\-]*(?:Teams|Office|Word|Excel|Outlook|Project|Forms|Planner|Access|SQL|Paint|Dynamics|Azure|Edge|Windows|Visio|OneNote|365|Store|Navision|SharePoint|Sharepoint|Power|DOS|Exchange))",
  "ALS", "KOL", "HIV", "AIDS", "MR",
];
