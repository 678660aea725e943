// Slack's own texts: bokmål and English complete and alike, the other languages
// only with keys bokmål has, and every key the Slack channel asks for exists.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMPLETE_LOCALES, LOCALES_DIR, SUPPORTED_LOCALES, hasKey } from "../../../src/i18n/index.js";
import { ROOT } from "../../helpers/cli.js";

function flatKeys(json: unknown, prefix = ""): string[] {
  return Object.entries(json as Record<string, unknown>).flatMap(([k, v]) => (v !== null && typeof v === "object" ? flatKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const keys = (locale: string) => flatKeys(JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, "slack.json"), "utf8")));

describe("slack locale files", () => {
  it("nb and en hold the same keys; nn, sv and da nothing that nb lacks", () => {
    const nb = keys("nb");
    expect(keys("en").sort()).toEqual([...nb].sort());
    for (const locale of SUPPORTED_LOCALES) expect(keys(locale).filter((k) => !nb.includes(k))).toEqual([]);
  });

  it("has every key the Slack channel uses, in nb and en", () => {
    const dir = path.join(ROOT, "src/channels/slack");
    const source = readdirSync(dir).map((f) => readFileSync(path.join(dir, f), "utf8")).join("\n");
    const used = [...new Set([...source.matchAll(/"((?:slack|bot|common|dialogue|absence|plan):[\w.]+)"/g)].map((m) => m[1]!))];
    expect(used.length).toBeGreaterThan(10);
    for (const locale of COMPLETE_LOCALES) expect(used.filter((k) => !hasKey(locale, k)), locale).toEqual([]);
  });

  it("keeps modal titles and buttons within Slack's 24 characters in every language", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const json = JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, "slack.json"), "utf8")) as Record<string, Record<string, string>>;
      for (const text of [json.report?.title, json.report?.submit, json.notNeeded?.title, json.modal?.cancel, json.modal?.save]) {
        if (text !== undefined) expect(text.length, `${locale}: ${text}`).toBeLessThanOrEqual(24);
      }
    }
  });
});
