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

/** A calendar date (YYYY-MM-DD) for reading, e.g. "mandag 5. januar 2026". */
export function formatDate(isoDate: string, locale: Locale, style: "long" | "short" = "long"): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const options: Intl.DateTimeFormatOptions =
    style === "long"
      ? { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }
      : { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(INTL_TAGS[locale], options).format(date);
}
