// All five languages are complete: every key bokmål has, with the same placeholders, and
// translated rather than copied. The command words of every language are understood, and
// none of them means two different things.
import { describe, expect, it } from "vitest";
import { COMPLETE_LOCALES, SUPPORTED_LOCALES, loadResources, type Locale } from "../../src/i18n/index.js";
import { keywordOf } from "../../src/app/conversation/keywords.js";

const resources = loadResources();

/** Flat "namespace:path" → value (arrays are leaves: they are word lists). */
function flat(locale: Locale): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (node: unknown, prefix: string) => {
    if (node !== null && typeof node === "object" && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(v, prefix.endsWith(":") ? `${prefix}${k}` : `${prefix}.${k}`);
    } else out.set(prefix, node);
  };
  for (const [ns, json] of Object.entries(resources[locale] ?? {})) walk(json, `${ns}:`);
  return out;
}

const nb = flat("nb");
const placeholders = (text: unknown) => [...new Set(String(text).match(/\{\{[^}]+\}\}/g) ?? [])].sort();

/** Names and acronyms that are the same in every language. */
const SAME_EVERYWHERE = ["OK", "ARR", "NAV", "HR", "Jobbdialog", "Slack", "Teams", "Microsoft", "PDF", "CSV", "JSON", "Försäkringskassan", "NemRefusion"];

/**
 * Sentences of three or more words that are rightly the same as bokmål in a language close to
 * it (read and checked one by one). A value is listed with its text, so a change of the bokmål
 * text makes it a finding again. Labels of one or two words ("Tiltak", "Frist") are not checked:
 * nynorsk and Danish share many of them with bokmål.
 */
const SAME_AS_BOKMAL: Partial<Record<Locale, Record<string, string>>> = {
  nn: {
    "bot:buttons.addMeasures": "Legg til tiltak",
    "bot:notice.change.back_at_work": "{{name}} er tilbake på jobb.",
    "bot:workspace.current": "Språket for arbeidsområdet og ARR-kanalen er {{language}}.",
    "cli:common.json": "skriv ut JSON",
    "cli:directory.export.description": "skriv katalogen som CSV i importformatet",
    "cli:absence.options.start": "første dag (ÅÅÅÅ-MM-DD)",
    "cli:milestones.pretty": "rykk inn JSON",
    "cli:plan.export.format": "lps, md eller pdf",
    "cli:plan.export.locale": "språket i dokumentet",
    "cli:workspace.list.header": "plattform  id                    språk  ARR-kanal",
    "console:inbox_one": "Du har {{count}} ny melding:",
    "console:hints.choice": "Svar med nummeret eller teksten.",
    "dialogue:parse.today": "i dag|idag",
    "dialogue:parse.yesterday": "i går|igår",
    "dialogue:errors.notText": "Skriv svaret som tekst.",
    "dialogue:contact_preferences.times.options.midday": "Midt på dagen",
    "dialogue:contact_preferences.whoMayKnow.options.ask_me_first": "Spør meg først",
    "dialogue:employee_followup.title": "Samtale om jobben",
    "dialogue:employee_followup.contactAsAgreed.options.as_agreed": "Ja, som avtalt",
    "dialogue:employee_followup.returnPace.options.graded": "Gradvis, og trappe opp",
    "dialogue:evaluation.title": "Evaluering av planen",
    "dialogue:evaluation.result.options.worked": "Det har fungert godt",
    "dialogue:evaluation.result.options.partly": "Det har fungert delvis",
    "dialogue:change_absence.lastSickDay.help": "Dagen før du var tilbake på jobb.",
    "milestones:no.nav_motebehov_query.title": "NAV spør om behov for møte",
    "milestones:no.plan_to_nav.title": "Oppdatert plan til NAV",
    "milestones:se.report_to_fk.title": "Meld til Försäkringskassan",
    "milestones:se.return_to_work_plan.title": "Plan för återgång i arbete (tilbakeføring)",
    "milestones:status.due_today": "Frist i dag",
    "plan:fields.previousFacilitation": "Tilrettelegging som er prøvd",
    "plan:fields.returnGoals": "Mål for tilbakekomsten",
    "plan:fields.measureDueDate": "Frist for tiltaket",
    "plan:sections.followUp": "Oppfølging og evaluering",
    "plan:sections.nav": "NAV og deling",
    "plan:summary.heading": "Oppfølgingsplan for {{name}} – versjon {{version}}",
    "reminders:nudge.dueToday": "Frist: i dag, {{date}}.",
    "reminders:nudge.covering": "Du får denne fordi du er vikar for {{leader}}.",
    "reminders:nudge.buttons.done": "Merk som gjort",
    "reminders:escalation.buttons.done": "Merk som gjort",
    "reminders:measure.heading": "Tiltak med frist: {{title}}",
    "reminders:substitute.none": "Du hadde ingen vikar.",
    "reminders:cli.reminders.list.truncated": "(viser {{shown}} av {{total}}; bruk --limit 0 for alle)",
    "reminders:cli.reminders.replan.need": "oppgi --person <e-post> eller --all",
    "reminders:cli.substitute.substitute": "vikaren (e-post)",
    "reminders:cli.substitute.need": "oppgi --substitute og --from, eller --end",
    "slack:home.measuresAsHr": "Tiltak HR har ansvar for",
    "teams:unreachable.blocked": "har blokkert appen",
    "teams:tab.pdf": "Last ned planen som PDF",
    "teams:cli.description": "Microsoft Teams-appen",
    "teams:pdfFileName": "oppfolgingsplan-v{{version}}.pdf",
    "nav:offer.both": "Send til NAV og legen",
    "nav:offer.doctor": "Send til legen",
    "nav:ask.phone.label": "Telefonnummeret til kontaktpersonen ({{name}})",
    "nav:ask.nationalId.label": "Fødselsnummeret til {{name}} (11 siffer)",
    "nav:result.sent": "Planen for {{name}} (versjon {{version}}) er levert til {{recipients}}.",
    "agreement:notice.heading": "Avtalen {{name}} har gjort om oppfølging",
    "proposal:summary.text": "Her er forslaget ditt. Stemmer det?",
    "timeline:arr.invite": "Inviter ARR-teamet (samtykke)",
    "timeline:entry.milestone.escalated": "Varsel om at «{{milestone}}» er over fristen sendt til {{to}}",
    "timeline:entry.milestone.overdue": "Over fristen: {{milestone}} (frist {{due}})",
    "timeline:entry.milestone.done": "Gjort: {{milestone}} (registrert av {{by}})",
    "timeline:entry.measure.note": "Notat til tiltaket «{{title}}»",
    "access:readers.what.planExport": "eksporterte planen (versjon {{version}}, {{format}})",
    "access:readers.what.audit": "tok ut denne loggen",
  },
  da: {
    "absence:errors.rejected": "Fraværet kunne ikke registreres:",
    "bot:help.commands.leaderPlan.word": "plan (som leder)",
    "bot:plan.myOwn": "Min egen plan",
    "cli:serve.description": "start bot-serveren (Slack, Teams og /healthz på PORT, standard 3978)",
    "cli:directory.errors.ownLeader": "en person kan ikke være sin egen leder",
    "cli:absence.options.start": "første dag (ÅÅÅÅ-MM-DD)",
    "cli:absence.list.none": "Ingen fraværsperioder for {{email}}.",
    "cli:plan.export.format": "lps, md eller pdf",
    "console:hints.choice": "Svar med nummeret eller teksten.",
    "dialogue:parse.today": "i dag|idag",
    "dialogue:parse.tomorrow": "i morgen|imorgen",
    "dialogue:parse.yesterday": "i går|igår",
    "dialogue:errors.notText": "Skriv svaret som tekst.",
    "dialogue:measure.owner.text": "Hvem har ansvaret?",
    "dialogue:contact_preferences.times.options.midday": "Midt på dagen",
    "dialogue:employee_followup.role.text": "Hvilken stilling har du?",
    "dialogue:leader_followup.sendToNav.text": "Skal planen sendes til NAV?",
    "dialogue:plan_not_needed.reasonText.text": "Beskriv kort hvorfor.",
    "guard:actions.keepPrivate": "Hold teksten privat",
    "milestones:status.due_today": "Frist i dag",
    "plan:fields.sendPlanToNav": "Planen sendes til NAV",
    "plan:fields.colleagueSupport": "Støtte fra kolleger",
    "plan:measure.line": "{{title}} – ansvarlig: {{owner}}, frist: {{due}}, status: {{status}}",
    "plan:sections.contact": "Kontakt under fraværet",
    "plan:sections.nav": "NAV og deling",
    "plan:summary.disagree": "Jeg er uenig",
    "reminders:nudge.dueIn_one": "Frist: {{date}} – i morgen.",
    "reminders:nudge.dueToday": "Frist: i dag, {{date}}.",
    "teams:unreachable.roster": "har fjernet appen",
    "teams:cli.description": "Microsoft Teams-appen",
    "nav:errors.planIncomplete": "Planen kan ikke sendes til NAV: {{fields}}",
    "timeline:arr.invite": "Inviter ARR-teamet (samtykke)",
    "timeline:entry.milestone.overdue": "Over fristen: {{milestone}} (frist {{due}})",
  },
  sv: {
    "bot:plan.myOwn": "Min egen plan",
    "cli:common.json": "skriv ut JSON",
    "cli:directory.export.description": "skriv katalogen som CSV i importformatet",
    "cli:plan.export.format": "lps, md eller pdf",
    "cli:plan.export.locale": "språket i dokumentet",
    "teams:cli.description": "Microsoft Teams-appen",
  },
};

function wordsOf(text: string): string[] {
  let rest = text.replace(/\{\{[^}]+\}\}/g, " ");
  for (const word of SAME_EVERYWHERE) rest = rest.replaceAll(word, " ");
  return rest.match(/\p{L}+/gu) ?? [];
}

describe("every language is complete", () => {
  it("all five are required to be complete", () => {
    expect([...COMPLETE_LOCALES].sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  for (const locale of SUPPORTED_LOCALES.filter((l) => l !== "nb")) {
    const own = flat(locale);
    it(`${locale} has exactly the keys bokmål has`, () => {
      expect({ missing: [...nb.keys()].filter((k) => !own.has(k)), extra: [...own.keys()].filter((k) => !nb.has(k)) }).toEqual({ missing: [], extra: [] });
    });

    it(`${locale} uses the same placeholders as bokmål`, () => {
      const wrong = [...nb].filter(([k, v]) => typeof v === "string" && own.has(k) && placeholders(v).join() !== placeholders(own.get(k)).join()).map(([k]) => k);
      expect(wrong).toEqual([]);
    });

    it(`${locale} translates rather than copies bokmål`, () => {
      const allowed = SAME_AS_BOKMAL[locale] ?? {};
      const copied = [...nb]
        .filter(([k, v]) => typeof v === "string" && own.get(k) === v && wordsOf(v).length >= 3 && allowed[k] !== v)
        .map(([k, v]) => `${k} = ${String(v)}`);
      expect(copied).toEqual([]);
    });
  }

  it("the allow-lists name only values that are still the same as bokmål", () => {
    for (const [locale, list] of Object.entries(SAME_AS_BOKMAL)) {
      const own = flat(locale as Locale);
      // Keys of namespaces being merged in parallel (nav, timeline …) are listed ahead; they count once they exist.
      for (const [key, value] of Object.entries(list)) if (nb.has(key)) expect({ key, nb: nb.get(key), own: own.get(key) }).toEqual({ key, nb: value, own: value });
    }
  });

  it("no text hedges its plural with (e)/(s)/(er)", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const hedged = [...flat(locale)].filter(([, v]) => typeof v === "string" && /\p{L}\((e|s|er|ar|r|n)\)/u.test(v)).map(([k, v]) => `${locale} ${k}: ${String(v)}`);
      expect(hedged).toEqual([]);
    }
  });
});

describe("command words in every language", () => {
  const expected: Record<string, Record<Locale, string>> = {
    help: { nb: "hjelp", nn: "hjelp", en: "help", sv: "hjälp", da: "hjælp" },
    cancel: { nb: "avbryt", nn: "avbryt", en: "cancel", sv: "avbryt", da: "annuller" },
    back: { nb: "tilbake", nn: "tilbake", en: "back", sv: "tillbaka", da: "tilbage" },
    confirm: { nb: "bekreft", nn: "stadfest", en: "confirm", sv: "bekräfta", da: "bekræft" },
    status: { nb: "status", nn: "status", en: "status", sv: "status", da: "status" },
    plan: { nb: "plan", nn: "plan", en: "plan", sv: "plan", da: "plan" },
    report: { nb: "syk", nn: "sjuk", en: "sick", sv: "sjuk", da: "syg" },
    change: { nb: "endre", nn: "endre", en: "change", sv: "ändra", da: "ændr" },
    contact: { nb: "kontakt", nn: "kontakt", en: "contact", sv: "kontakt", da: "kontakt" },
  };
  for (const [command, words] of Object.entries(expected)) {
    it(`«${command}» in all five`, () => {
      for (const locale of SUPPORTED_LOCALES) {
        const word = words[locale];
        expect(keywordOf(word), `${locale} ${word}`).toBe(command);
        expect(keywordOf(`${word[0]!.toUpperCase()}${word.slice(1)}!`), `${locale} ${word}!`).toBe(command);
        const own = (resources[locale]!.bot as { keywords: Record<string, string[]> }).keywords[command] ?? [];
        expect(own, `${locale} lists «${word}» itself`).toContain(word);
      }
    });
  }

  it("every language has words for every command, and no word means two commands", () => {
    const meaning = new Map<string, string>();
    const clashes: string[] = [];
    const commands = Object.keys((resources.nb!.bot as { keywords: Record<string, string[]> }).keywords).sort();
    for (const locale of SUPPORTED_LOCALES) {
      const keywords = (resources[locale]!.bot as { keywords: Record<string, string[]> }).keywords;
      expect(Object.keys(keywords).sort(), locale).toEqual(commands);
      for (const [command, list] of Object.entries(keywords)) {
        expect(list.length, `${locale} ${command}`).toBeGreaterThan(0);
        for (const word of list) {
          const w = word.toLowerCase();
          const before = meaning.get(w);
          if (before && before !== command) clashes.push(`${locale}: «${word}» is ${command} here and ${before} elsewhere`);
          meaning.set(w, command);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});
