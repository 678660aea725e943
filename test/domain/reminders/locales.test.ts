// The scheduler's texts (reminders namespace): every language carries every key bokmål has,
// and every key the code asks for exists.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES_DIR, hasKey } from "../../../src/i18n/index.js";
import { REMINDER_KINDS } from "../../../src/domain/reminders/index.js";

function flatKeys(json: unknown, prefix = ""): string[] {
  if (Array.isArray(json)) return [prefix.slice(0, -1)];
  return Object.entries(json as Record<string, unknown>).flatMap(([k, v]) => (v !== null && typeof v === "object" ? flatKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const keysOf = (locale: string): string[] => flatKeys(JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, "reminders.json"), "utf8"))).sort();

describe("reminders locale files", () => {
  it("has the same keys in every language", () => {
    for (const locale of ["en", "nn", "sv", "da"]) expect(keysOf(locale), locale).toEqual(keysOf("nb"));
  });

  it("has the texts the code uses", () => {
    const used = [
      "nudge.dueIn_one", "nudge.dueIn_other", "nudge.overdue_one", "nudge.overdue_other", "escalation.text_one", "escalation.text_other",
      "measure.textOwn", "measure.textOther", "dialogue.text", "digest.heading", "unreachable.text", "substitute.notice", "substitute.ended_one",
      "cli.tick.done", "cli.reminders.list.truncated", "cli.substitute.set", "demo.scene.quiet", "demo.cancelledHeading",
      ...REMINDER_KINDS.map((k) => `demo.kinds.${k}`), "demo.kinds.arr_digest",
    ];
    for (const locale of ["nb", "en", "nn", "sv", "da"] as const) for (const key of used) expect(hasKey(locale, `reminders:${key}`), `${locale} ${key}`).toBe(true);
  });

  it("gives every language a word for naming a substitute", () => {
    for (const locale of ["nb", "en", "nn", "sv", "da"]) {
      const json = JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, "reminders.json"), "utf8")) as { substitute: { keywords: string[] } };
      expect(json.substitute.keywords.length, locale).toBeGreaterThan(0);
    }
  });
});
