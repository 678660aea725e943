// Parsing what a leader types to name a substitute while away:
//   "vikar kari@firma.no", "vikar kari@firma.no til 2026-12-24", "substitute kari@x.com until 24.12.2026",
//   "vikar slutt" / "substitute end" (back again), or the bare keyword (show how).
// The words come from the locale files of every language (see src/app/reminders/substitutes.ts).
import { epochDayFromParts, toIsoDate, type IsoDate } from "../time/localDate.js";

export interface SubstituteVocabulary {
  keywords: ReadonlySet<string>;
  until: ReadonlySet<string>;
  end: ReadonlySet<string>;
}

export type SubstituteRequest =
  | { kind: "set"; email: string; until: IsoDate | null }
  | { kind: "end" }
  | { kind: "usage"; problem?: "email" | "date" };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** YYYY-MM-DD or D.M.YYYY (Nordic style); undefined when not a real date. */
export function parseTypedDate(text: string): IsoDate | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const nordic = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : nordic ? [nordic[3], nordic[2], nordic[1]] : undefined;
  if (!parts) return undefined;
  const day = epochDayFromParts(Number(parts[0]), Number(parts[1]), Number(parts[2]));
  return day === undefined ? undefined : toIsoDate(day);
}

/** The request a whole line makes, or undefined when the line is not about substitutes. */
export function parseSubstituteText(text: string, vocabulary: SubstituteVocabulary): SubstituteRequest | undefined {
  const words = text.trim().replace(/^\//, "").split(/\s+/).filter(Boolean);
  const first = words[0]?.toLowerCase();
  if (!first || !vocabulary.keywords.has(first)) return undefined;
  const rest = words.slice(1);
  if (rest.length === 0) return { kind: "usage" };
  if (rest.length === 1 && vocabulary.end.has(rest[0]!.toLowerCase())) return { kind: "end" };
  const email = rest[0]!.toLowerCase().replace(/^<|>$/g, "").replace(/^mailto:/, "");
  if (!EMAIL.test(email)) return { kind: "usage", problem: "email" };
  if (rest.length === 1) return { kind: "set", email, until: null };
  // "til 2026-12-24", or just the date.
  const dateWord = rest.length === 3 && vocabulary.until.has(rest[1]!.toLowerCase()) ? rest[2] : rest.length === 2 ? rest[1] : undefined;
  if (dateWord !== undefined) {
    const until = parseTypedDate(dateWord);
    return until ? { kind: "set", email, until } : { kind: "usage", problem: "date" };
  }
  return { kind: "usage" };
}
