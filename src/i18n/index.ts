// User-facing text lives in locale files (src/i18n/locales/<locale>/<namespace>.json),
// never in code. i18next does the lookup, interpolation, plurals and fallbacks.
// Norwegian bokmål is the default. Every locale is complete (test/i18n checks it);
// the fallback to bokmål only guards against a key added to one file and not the others.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type i18n, type TFunction } from "i18next";

// The list of languages and date formatting are the domain's (src/domain/locale.ts); the texts are here.
import { DEFAULT_LOCALE, INTL_TAGS, SUPPORTED_LOCALES, type Locale, type Translate } from "../domain/locale.js";
export { SUPPORTED_LOCALES, DEFAULT_LOCALE, formatDate, type Locale, type Translate } from "../domain/locale.js";
/** Locales that must have every key (a test checks it): all of them. */
export const COMPLETE_LOCALES: readonly Locale[] = SUPPORTED_LOCALES;

export const LOCALES_DIR = fileURLToPath(new URL("./locales/", import.meta.url));

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

const LOCALE_ALIASES: Record<string, Locale> = { no: "nb", nob: "nb", nno: "nn", swe: "sv", dan: "da", eng: "en" };

/** Maps a language tag ("nb-NO", "en_GB", "no") to a supported locale; undefined when not supported. */
export function parseLocale(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  const base = value.toLowerCase().replace("_", "-").split("-")[0] ?? "";
  if (isLocale(base)) return base;
  return LOCALE_ALIASES[base];
}

/** Like parseLocale, but falls back to the default locale. */
export function normalizeLocale(value: string | null | undefined): Locale {
  return parseLocale(value) ?? DEFAULT_LOCALE;
}

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Reads every locale file: { locale: { namespace: json } }. */
export function loadResources(dir = LOCALES_DIR): Resources {
  const resources: Resources = {};
  for (const locale of SUPPORTED_LOCALES) {
    const localeDir = path.join(dir, locale);
    resources[locale] = {};
    let files: string[] = [];
    try {
      files = readdirSync(localeDir).filter((f) => f.endsWith(".json"));
    } catch {
      continue;
    }
    for (const file of files) {
      const ns = file.slice(0, -".json".length);
      resources[locale]![ns] = JSON.parse(readFileSync(path.join(localeDir, file), "utf8")) as Record<string, unknown>;
    }
  }
  return resources;
}

let instance: i18n | undefined;

function getInstance(): i18n {
  if (instance) return instance;
  const resources = loadResources();
  const namespaces = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];
  const created = i18next.createInstance();
  void created.init({
    initAsync: false,
    resources,
    lng: DEFAULT_LOCALE,
    fallbackLng: { nn: ["nb"], da: ["nb"], sv: ["nb"], en: ["nb"], default: ["nb"] },
    supportedLngs: [...SUPPORTED_LOCALES],
    ns: namespaces,
    defaultNS: "common",
    keySeparator: ".",
    nsSeparator: ":",
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<i18n["init"]>[0]);
  // "{{month, monthName}}": a month number as its name in the text's language ("Februar", "February").
  created.services.formatter?.add("monthName", (value: unknown, lng: string | undefined) => {
    const name = new Intl.DateTimeFormat(INTL_TAGS[normalizeLocale(lng)], { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2026, Number(value) - 1, 1)));
    return name.charAt(0).toLocaleUpperCase(INTL_TAGS[normalizeLocale(lng)]) + name.slice(1);
  });
  instance = created;
  return created;
}

/** A translator bound to one locale. Keys are "namespace:path.to.key". */
export function translator(locale: Locale): Translate {
  const t: TFunction = getInstance().getFixedT(locale);
  return (key, params) => t(key, params ?? {}) as string;
}

/** True when the key exists in this locale itself (not through fallback). */
export function hasKey(locale: Locale, key: string): boolean {
  return getInstance().exists(key, { lng: locale, fallbackLng: [] } as never);
}
