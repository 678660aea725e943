// The one table of typed command words: which keyword means which command, for
// every channel (console, a Slack DM or slash command, a Teams chat or channel). The
// words themselves are data in the locale files of every language (bot.keywords),
// handed in by the app, so a Swede typing "sjuk" in a Norwegian workspace is understood.
import type { Command } from "./commands.js";

export const KEYWORDS = ["report", "status", "plan", "help", "back", "cancel", "restart", "confirm", "contact", "change", "arr", "readers", "arrChannel", "timeline", "propose", "teamRoutine", "routine", "fastTrack"] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Words that move within the dialogue the person has open. */
export type DialogueNavigation = "back" | "cancel" | "restart" | "confirm";

export type KeywordMeaning =
  /** A core command, the same wherever it is typed. */
  | { kind: "command"; command: Command }
  /** Moves in the open dialogue; without one it means nothing. */
  | { kind: "navigation"; action: DialogueNavigation }
  /** Makes the channel it is written in the ARR team's channel (a channel's own command, not a chat one). */
  | { kind: "arrChannel" };

/**
 * `arr` is the employee's consent to share the plan summary with the ARR team,
 * everywhere; registering the ARR channel has words of its own (`arr-kanal`).
 */
export const KEYWORD_MEANINGS: Readonly<Record<Keyword, KeywordMeaning>> = {
  report: { kind: "command", command: { type: "report" } },
  status: { kind: "command", command: { type: "status" } },
  plan: { kind: "command", command: { type: "plan" } },
  help: { kind: "command", command: { type: "help" } },
  contact: { kind: "command", command: { type: "dialogue.start", dialogueId: "contact_preferences" } },
  change: { kind: "command", command: { type: "dialogue.start", dialogueId: "change_absence" } },
  arr: { kind: "command", command: { type: "consent" } },
  readers: { kind: "command", command: { type: "plan.readers" } },
  timeline: { kind: "command", command: { type: "timeline" } },
  /** The employee proposes a measure herself, outside the follow-up dialogue. */
  propose: { kind: "command", command: { type: "dialogue.start", dialogueId: "propose_measure" } },
  /** A leader (or HR) writes the team's agreed routine; a member opens the routine she was offered. */
  teamRoutine: { kind: "command", command: { type: "routine", action: "write" } },
  routine: { kind: "command", command: { type: "routine", action: "show" } },
  /** Denmark: what the fast track is, and the employee's own request (sygedagpengeloven § 7e). */
  fastTrack: { kind: "command", command: { type: "fastTrack", action: "explain" } },
  back: { kind: "navigation", action: "back" },
  cancel: { kind: "navigation", action: "cancel" },
  restart: { kind: "navigation", action: "restart" },
  confirm: { kind: "navigation", action: "confirm" },
  arrChannel: { kind: "arrChannel" },
};

const isKeyword = (value: string): value is Keyword => (KEYWORDS as readonly string[]).includes(value);

/** "/Syk!", " hjelp? " → "syk", "hjelp": how a typed line is compared with the words. */
export function normalizeCommandText(text: string): string {
  return text.trim().toLowerCase().replace(/^\//, "").replace(/[!?.]+$/, "").replace(/\s+/g, " ");
}

export class KeywordTable {
  private readonly words = new Map<string, Keyword>();

  /** `wordsByLocale`: each locale's bot.keywords (keyword → its words); unknown keywords are ignored. */
  constructor(wordsByLocale: ReadonlyArray<Record<string, unknown>>) {
    for (const words of wordsByLocale) {
      for (const [keyword, list] of Object.entries(words)) {
        if (!isKeyword(keyword) || !Array.isArray(list)) continue;
        for (const word of list) {
          if (typeof word !== "string") continue;
          const normalized = normalizeCommandText(word);
          // "?" is a word of its own ("help"), which normalizing would strip.
          const key = normalized === "" ? word.trim() : normalized;
          // The first language to claim a word keeps it (nb first), so no word means two things.
          if (!this.words.has(key)) this.words.set(key, keyword);
        }
      }
    }
  }

  /** The keyword a whole line means (e.g. "/syk", "Hjelp!", "status"), if any. */
  keywordOf(text: string): Keyword | undefined {
    const normalized = normalizeCommandText(text);
    return this.words.get(normalized === "" ? text.trim() : normalized);
  }

  meaningOf(text: string): KeywordMeaning | undefined {
    const keyword = this.keywordOf(text);
    return keyword ? KEYWORD_MEANINGS[keyword] : undefined;
  }

  /** The command a line means anywhere (status, plan …), without an open dialogue. */
  commandOf(text: string): Command | undefined {
    const meaning = this.meaningOf(text);
    return meaning?.kind === "command" ? meaning.command : undefined;
  }
}
