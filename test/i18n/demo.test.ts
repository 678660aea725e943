// No message falls back to another language: the demo plays every kind of message (notices,
// nudges, escalations, dialogues, plans, the ARR summary and digest) in each language, and no
// bokmål sentence may show up in a Swedish, Danish, nynorsk or English run.
import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES, loadResources, translator, type Locale } from "../../src/i18n/index.js";
import { runDemo } from "../../src/scheduler/demo.js";

/** Literal pieces of bokmål sentences (between placeholders) that no other text of `locale` contains. */
function bokmalOnlyFragments(locale: Locale): string[] {
  const resources = loadResources();
  const values = (node: unknown): string[] =>
    typeof node === "string" ? [node] : node && typeof node === "object" ? Object.values(node as Record<string, unknown>).flatMap(values) : [];
  const own = values(resources[locale]).join("\n");
  const fragments = values(resources.nb)
    .flatMap((text) => text.split(/\{\{[^}]+\}\}|\n/))
    .map((f) => f.trim())
    .filter((f) => f.length >= 14 && (f.match(/\p{L}+/gu) ?? []).length >= 3);
  return [...new Set(fragments)].filter((f) => !own.includes(f));
}

describe("the demo in every language: no text falls back to another language", () => {
  for (const locale of SUPPORTED_LOCALES.filter((l) => l !== "nb")) {
    it(`${locale}`, async () => {
      const lines: string[] = [];
      await runDemo({ locale, write: (line) => lines.push(line) });
      const out = lines.join("\n");
      // The transcript shows notices, nudges, escalations, dialogues, plans and the ARR posts.
      const t = translator(locale);
      for (const key of ["reminders:demo.scene.report", "reminders:demo.summary"]) expect(out).toContain(t(key).split("\n")[0]);
      expect(out).toContain(t("reminders:escalation.heading", { milestone: t("milestones:no.plan_to_sykmelder.title"), name: t("reminders:demo.cast.ola") }));
      const leaked = bokmalOnlyFragments(locale).filter((f) => out.includes(f));
      expect(leaked).toEqual([]);
    }, 240_000);
  }
});
