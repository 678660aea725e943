import { createRequire } from "node:module";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { isWinAnsi, pdfText, renderPlanPdf } from "../../src/exports/pdf.js";
import { DIAGNOSIS_TEXT, PRIVATE_TEXT, jointPlan, planDocument } from "../domain/plan/fixtures.js";

// pdf.js wants the standard fonts' data to lay out Helvetica text; it ships them.
const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

interface ReadPdf {
  pages: string[];
  info: Record<string, unknown>;
}

async function readPdf(buffer: Buffer): Promise<ReadPdf> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), standardFontDataUrl, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, info: info as Record<string, unknown> };
}

describe("renderPlanPdf", () => {
  it("is a PDF whose text holds the plan in Norwegian, æøå included", async () => {
    const buffer = await renderPlanPdf(planDocument(), "nb", { generatedAt: new Date("2026-01-20T10:00:00Z") });
    expect(buffer.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, info } = await readPdf(buffer);
    const text = pages.join("\n");
    expect(text).toContain("Oppfølgingsplan");
    expect(text).toContain("Bjørn Ødegård");
    expect(text).toContain("Åse Hæreid");
    expect(text).toContain("Tunge løft på lageret");
    expect(text).toContain("Bestilles fra leverandøren i år.");
    expect(text).toContain("Arbeidsoppgaver");
    expect(text).toContain("Tiltak");
    expect(text).toContain("Ansvarlig: Leder");
    expect(text).toContain("Status: Foreslått");
    expect(text).toContain("Versjon 2 – utkast, ikke bekreftet av medarbeideren");
    expect(text).toContain(`Side 1 av ${pages.length}`);
    expect(text).not.toContain(PRIVATE_TEXT);
    expect(text).not.toContain(DIAGNOSIS_TEXT);
    expect(info.Title).toBe("Oppfølgingsplan – Bjørn Ødegård");
    expect(info.Author).toBe("Jobbdialog");
  });

  it("numbers every page of a long plan", async () => {
    const content = jointPlan();
    for (const field of ["typicalWorkday", "previousFacilitation", "plannedFacilitation", "otherFacilitationOptions"] as const) {
      content[field] = { employee: "Lang tekst om arbeidet, særlig tilpasset. ".repeat(45), leader: "Ærlig svar fra lederen. ".repeat(80) };
    }
    const { pages } = await readPdf(await renderPlanPdf(planDocument(content, { confirmedAt: "2026-01-21" }), "nb"));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`Side ${i + 1} av ${pages.length}`);
      expect(page).toContain("Oppfølgingsplan – Bjørn Ødegård – versjon 2");
    });
  });

  it("renders other languages' headings", async () => {
    const { pages } = await readPdf(await renderPlanPdf(planDocument(), "en"));
    expect(pages.join("\n")).toContain("Follow-up plan");
    expect(pages.join("\n")).toContain("Page 1 of");
  });

  it("writes names in the Latin, Sami, Polish, Turkish and Cyrillic alphabets, every letter", async () => {
    const names = "Áilu Gáddjá, Čearretsuolu, Łódź, Ğülşen, Жанна";
    const sami = "čđŋšŧž ČĐŊŠŦŽ áÁ";
    const content = jointPlan();
    content.role = { employee: `${sami} – Ćma ő ı İ ş Ş ğ ż ń ę ą ś ł`, leader: "Щука, Ёлка, Україна" };
    const { pages, info } = await readPdf(await renderPlanPdf(planDocument(content, { employeeName: names }), "nb"));
    const text = pages.join("\n");
    expect(text).toContain(names);
    expect(text).toContain(sami);
    expect(text).toContain("Ćma ő ı İ ş Ş ğ ż ń ę ą ś ł");
    expect(text).toContain("Щука, Ёлка, Україна");
    expect(info.Title).toBe(`Oppfølgingsplan – ${names}`);
  });

  it("replaces only what the font cannot draw, and composes decomposed letters first", () => {
    expect(pdfText("æøå ÆØÅ äö – “sitat” € Łódź Жанна")).toBe("æøå ÆØÅ äö – “sitat” € Łódź Жанна");
    expect(pdfText("C\u030Cearretsuolu")).toBe("Čearretsuolu");
    expect(pdfText("emoji 🙂 漢字\tok")).toBe("emoji ? ??    ok");
    // The standard-font fallback (when the font files are missing) still keeps WinAnsi and base letters.
    expect(pdfText("Ćma ő Łódź 🙂", isWinAnsi)).toBe("Cma o ?ódz ?");
  });
});
