import { describe, expect, it } from "vitest";
import { renderPlanMarkdown } from "../../src/exports/markdown.js";
import { DIAGNOSIS_TEXT, PRIVATE_TEXT, jointPlan, planDocument } from "../domain/plan/fixtures.js";

describe("renderPlanMarkdown", () => {
  it("has the title, parties, version line and every filled section as headings in Norwegian", () => {
    const md = renderPlanMarkdown(planDocument(), "nb");
    expect(md.startsWith("# Oppfølgingsplan\n")).toBe(true);
    expect(md).toContain("**Medarbeider:** Bjørn Ødegård");
    expect(md).toContain("**Leder:** Åse Hæreid");
    expect(md).toContain("**Første fraværsdag:** mandag 29. desember 2025");
    expect(md).toContain("_Versjon 2 – utkast, ikke bekreftet av medarbeideren_");
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual([
      "## Arbeidet",
      "## Arbeidsoppgaver",
      "## Tilrettelegging",
      "## Medarbeiderens forslag og mål",
      "## Tiltak",
      "## Oppfølging og evaluering",
      "## Kontakt under fraværet",
      "## NAV og deling",
    ]);
  });

  it("lists both voices, the tasks and the measures with owner, due date and status", () => {
    const md = renderPlanMarkdown(planDocument(), "nb");
    expect(md).toContain("**Typisk arbeidsdag**\n\n- *Medarbeider:* Jeg starter dagen med kundemøter");
    expect(md).toContain("- *Leder:* Stillingen består av kundeoppfølging og rapportering.");
    expect(md).toContain("- Kundemøter – kan gjøres med tilpasning: mer tid, annen arbeidstid");
    expect(md).toContain("### Gradert oppstart");
    expect(md).toContain("- **Ansvarlig:** Medarbeider");
    expect(md).toContain("- **Frist:** 15. feb. 2026");
    expect(md).toContain("- **Status:** Foreslått");
    expect(md).toContain("**Evalueringsdato:** mandag 2. mars 2026");
    expect(md).not.toContain(PRIVATE_TEXT);
    expect(md).not.toContain(DIAGNOSIS_TEXT);
  });

  it("is written in the reader's language", () => {
    const md = renderPlanMarkdown(planDocument(undefined, { confirmedAt: "2026-01-21" }), "en");
    expect(md.startsWith("# Follow-up plan\n")).toBe(true);
    expect(md).toContain("## Measures");
    expect(md).toContain("_Version 2 – confirmed by the employee on Wednesday, 21 January 2026_");
  });

  it("shows the disagreement and the 'plan not needed' exception first", () => {
    const content = jointPlan();
    content.disagreement = { by: "employee", text: "Fristen er for kort.", onVersion: 1, date: "2026-01-19" };
    content.exception = { reason: "returns_soon", recordedBy: "U1", date: "2026-01-19" };
    const headings = renderPlanMarkdown(planDocument(content), "nb").split("\n").filter((l) => l.startsWith("## "));
    expect(headings.slice(0, 2)).toEqual(["## Plan ikke nødvendig", "## Medarbeideren er uenig"]);
  });

  it("escapes what people wrote so it cannot become headings, links or HTML", () => {
    const content = jointPlan();
    content.typicalWorkday = { employee: "# Ikke en overskrift\n<script>alert(1)</script> [lenke](http://x)" };
    const md = renderPlanMarkdown(planDocument(content), "nb");
    expect(md).toContain("\\# Ikke en overskrift");
    expect(md).toContain("\\<script\\>");
    expect(md).toContain("\\[lenke\\](http://x)");
    expect(md).not.toContain("\n# Ikke");
  });
});
