// The languages the product speaks, and what the domain needs of them: a translator
// type (the texts themselves live in src/i18n's locale files, handed in) and dates
// written for reading. Pure: Intl only, no files.
export const SUPPORTED_LOCALES = ["nb", "en", "nn", "sv", "da"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nb";

/** A translator bound to one locale. Keys are "namespace:path.to.key". */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** BCP 47 tags for Intl (dates, month names). */
export const INTL_TAGS: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB", sv: "sv-SE", da: "da-DK" };

/**
 * The date formats, made once: an Intl.DateTimeFormat costs far more to make than to use, and a
 * status or a timeline writes dozens of dates.
 */
const DATE_FORMATS: Readonly<Record<Locale, Readonly<Record<"long" | "short", Intl.DateTimeFormat>>>> = Object.freeze(
  Object.fromEntries(
    SUPPORTED_LOCALES.map((locale) => [
      locale,
      Object.freeze({
        long: new Intl.DateTimeFormat(INTL_TAGS[locale], { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
        short: new Intl.DateTimeFormat(INTL_TAGS[locale], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
      }),
    ]),
  ) as Record<Locale, Record<"long" | "short", Intl.DateTimeFormat>>,
);

/** A calendar date (YYYY-MM-DD) for reading, e.g. "mandag 5. januar 2026". */
export function formatDate(isoDate: string, locale: Locale, style: "long" | "short" = "long"): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return DATE_FORMATS[locale][style].format(new Date(Date.UTC(y, m - 1, d)));
}
