// The domain's keyword table (src/domain/messages/keywords.ts) filled with the words
// of every language's locale file (bot.keywords), built once per process.
import { loadResources, SUPPORTED_LOCALES } from "../../i18n/index.js";
import { KeywordTable, type Keyword } from "../../domain/messages/keywords.js";

export type { Keyword };

let table: KeywordTable | undefined;

export function keywordTable(): KeywordTable {
  if (table) return table;
  const resources = loadResources();
  // nb first: where two languages use one word differently, the default language wins.
  table = new KeywordTable(SUPPORTED_LOCALES.map((locale) => ((resources[locale]?.bot as { keywords?: Record<string, unknown> } | undefined)?.keywords ?? {})));
  return table;
}

/** The keyword a whole line means (e.g. "/syk", "Hjelp!", "status"), if any. */
export function keywordOf(text: string): Keyword | undefined {
  return keywordTable().keywordOf(text);
}
