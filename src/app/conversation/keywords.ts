// Typed command words ("syk", "status", "hjelp" …) come from the locale files of
// every language, so a Swede typing "sjuk" in a Norwegian workspace is understood.
import { loadResources, SUPPORTED_LOCALES } from "../../i18n/index.js";

export type Keyword = "report" | "status" | "plan" | "help" | "back" | "cancel" | "restart" | "confirm" | "contact" | "change" | "arr";

let table: Map<string, Keyword> | undefined;

function keywordTable(): Map<string, Keyword> {
  if (table) return table;
  const resources = loadResources();
  const map = new Map<string, Keyword>();
  for (const locale of SUPPORTED_LOCALES) {
    const words = (resources[locale]?.bot?.keywords ?? {}) as Record<string, string[]>;
    for (const [keyword, list] of Object.entries(words)) {
      for (const word of list) map.set(word.toLowerCase(), keyword as Keyword);
    }
  }
  table = map;
  return map;
}

/** The keyword a whole line means (e.g. "/syk", "Hjelp!", "status"), if any. */
export function keywordOf(text: string): Keyword | undefined {
  const cleaned = text.trim().toLowerCase().replace(/^\//, "").replace(/[!?.]+$/, "");
  return keywordTable().get(cleaned);
}
