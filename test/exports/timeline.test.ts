// The timeline as the last section of the plan's Markdown and PDF, as one role sees it.
import { describe, expect, it } from "vitest";
import { renderPlanMarkdown } from "../../src/exports/markdown.js";
import { renderPlanPdf } from "../../src/exports/pdf.js";
import type { TimelineEntry } from "../../src/domain/timeline/index.js";
import { planDocument } from "../domain/plan/fixtures.js";

const entries: TimelineEntry[] = [
  { date: "2025-12-29", seq: 1, kind: "period.reported", params: { start: "2025-12-29", end: "", grade: 100, type: "sick", via: "self" }, upcoming: false },
  { date: "2026-01-10", seq: 2, kind: "plan.disagreed", params: { version: 1 }, detail: "Ikke *enig* i # telefonvakt", upcoming: false },
  { date: "2026-01-25", seq: 0, kind: "milestone.due", params: { milestone: "no.followup_plan", status: "upcoming" }, upcoming: true },
];

describe("the timeline section of the plan documents", () => {
  it("is the last Markdown section, dated, with the role's scope and free text escaped", () => {
    const md = renderPlanMarkdown(planDocument(undefined, { timeline: { role: "employee", entries } }), "nb");
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings.at(-1)).toBe("## Tidslinje");
    const section = md.slice(md.indexOf("## Tidslinje"));
    expect(section).toContain("Dette er hele saken din");
    // "29. des." at a line start is escaped so it does not become a numbered list.
    expect(section).toMatch(/29\\\. des\.? 2025 – Sykefravær meldt: fra 29\. des\.? 2025, slutt ukjent, 100 %/);
    expect(section).toContain("Den ansatte er uenig i versjon 1");
    expect(section).toContain("Ikke \\*enig\\* i # telefonvakt");
    expect(section).toMatch(/Frist: Oppfølgingsplan/);
  });

  it("is left out when there is no timeline", () => {
    expect(renderPlanMarkdown(planDocument(), "en")).not.toContain("## Timeline");
  });

  it("is printed in the PDF too", async () => {
    const pdf = await renderPlanPdf(planDocument(undefined, { timeline: { role: "hr", entries } }), "en");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const without = await renderPlanPdf(planDocument(), "en");
    expect(pdf.length).toBeGreaterThan(without.length);
  });
});
