import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMPLETE_LOCALES, SUPPORTED_LOCALES, translator, type Locale } from "../../../src/i18n/index.js";

function guardText(locale: Locale): Record<string, unknown> | undefined {
  try {
    return JSON.parse(
      readFileSync(new URL(`../../../src/i18n/locales/${locale}/guard.json`, import.meta.url), "utf8"),
    ) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

const REQUIRED = [
  "warning.title",
  "warning.body",
  "warning.matches",
  "actions.rephrase",
  "actions.keepPrivate",
];

describe("guard.json locale files", () => {
  const nbKeys = keyPaths(guardText("nb")).sort();

  it("bokmål has every key the dialogue uses", () => {
    expect(nbKeys).toEqual(expect.arrayContaining(REQUIRED));
  });

  it.each(COMPLETE_LOCALES)("%s is complete (same keys as bokmål)", (locale) => {
    expect(keyPaths(guardText(locale)).sort()).toEqual(nbKeys);
  });

  it.each(SUPPORTED_LOCALES)("%s has no keys bokmål lacks, and only non-empty strings", (locale) => {
    const text = guardText(locale);
    if (text === undefined) return; // optional locales may fall back to bokmål
    for (const key of keyPaths(text)) {
      expect(nbKeys).toContain(key);
      const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], text);
      expect(typeof value === "string" && value.trim() !== "").toBe(true);
    }
  });

  it.each(SUPPORTED_LOCALES)("%s shows what triggered the warning", (locale) => {
    const t = translator(locale);
    const shown = t("guard:warning.matches", { matches: "«migrene», «Paracet»" });
    expect(shown).toContain("«migrene», «Paracet»");
    expect(shown).not.toContain("{{");
  });
});
