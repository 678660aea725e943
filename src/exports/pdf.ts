// The plan as a PDF (pdfkit), laid out from the shared plan view: title and document
// metadata, the parties and version, each section with its fields, tasks and
// measures (owner, due date, status), and on every page the version line and
// "page x of y". Names come in every alphabet (Sami "Áilu Gáddjá", Polish "Łódź",
// Turkish "Ğülşen", Cyrillic "Жанна"), so DejaVu Sans from the dejavu-fonts-ttf package
// is embedded (pdfkit subsets it to the glyphs used). A character the font has no glyph
// for (emoji, CJK) becomes its base letter or "?" instead of a broken glyph; the
// Markdown and LPS exports keep the exact text. Should the font files be missing, the
// standard Helvetica with its WinAnsi encoding is the fallback.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { type Locale, translator } from "../i18n/index.js";
import { type PlanDocument, type ViewItem, buildPlanView } from "../domain/plan/view.js";

export interface PdfOptions {
  /** Stored as the PDF's creation date; pass it for reproducible files. */
  generatedAt?: Date;
}

const INTL_TAGS: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB", sv: "sv-SE", da: "da-DK" };
const FONT = "Body";
const BOLD = "Bold";
const ITALIC = "Italic";
const MARGIN = 56;
const FOOTER_HEIGHT = 28;
const COLORS = { text: "#1a1a1a", muted: "#555555", warning: "#8a1c1c", rule: "#bbbbbb" };

export function renderPlanPdf(doc: PlanDocument, locale: Locale, options: PdfOptions = {}): Promise<Buffer> {
  const t = translator(locale);
  const view = buildPlanView(doc, { locale, t });
  const title = `${view.title} – ${doc.employeeName}`;
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    bufferPages: true,
    lang: INTL_TAGS[locale],
    displayTitle: true,
    info: {
      Title: title,
      Author: t("plan:pdf.author"),
      Subject: view.statusLine,
      Creator: t("plan:pdf.author"),
      ...(options.generatedAt ? { CreationDate: options.generatedAt, ModDate: options.generatedAt } : {}),
    },
  });

  const fonts = planFonts();
  pdf.registerFont(FONT, fonts.regular);
  pdf.registerFont(BOLD, fonts.bold);
  pdf.registerFont(ITALIC, fonts.italic);
  const text = (s: string) => pdfText(s, fonts.covers);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  const write = new Writer(pdf, text);
  write.title(view.title, doc.employeeName);
  for (const m of view.meta) write.labelled(m.label, m.value);
  write.gap(4);
  write.line(view.statusLine, { font: ITALIC, color: COLORS.muted });

  for (const section of view.sections) {
    write.heading(section.heading);
    for (const item of section.items) write.item(item, t);
  }

  addFooters(pdf, text(t("plan:pdf.footer", { title: view.title, name: doc.employeeName, version: doc.version })), (page, pages) =>
    text(t("plan:pdf.page", { page, pages })),
  );
  pdf.end();
  return done;
}

/** Keeps the cursor logic (indents, spacing, page breaks before headings) in one place. */
class Writer {
  private readonly width: number;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly pdfText: (text: string) => string,
  ) {
    this.width = pdf.page.width - MARGIN * 2;
  }

  title(title: string, name: string): void {
    this.pdf.font(BOLD).fontSize(20).fillColor(COLORS.text).text(this.pdfText(title), MARGIN, MARGIN, { width: this.width });
    this.pdf.font(FONT).fontSize(13).text(this.pdfText(name), { width: this.width });
    this.gap(10);
  }

  heading(text: string): void {
    // A heading alone at the foot of a page reads badly: start the section on the next page.
    if (this.pdf.y > this.pdf.page.height - this.pdf.page.margins.bottom - 80) this.pdf.addPage();
    this.gap(12);
    this.pdf.font(BOLD).fontSize(14).fillColor(COLORS.text).text(this.pdfText(text), MARGIN, this.pdf.y, { width: this.width });
    const y = this.pdf.y + 2;
    this.pdf.moveTo(MARGIN, y).lineTo(MARGIN + this.width, y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    this.pdf.y = y + 6;
  }

  labelled(label: string, value: string, indent = 0): void {
    this.pdf
      .font(BOLD)
      .fontSize(10)
      .fillColor(COLORS.text)
      .text(`${this.pdfText(label)}: `, MARGIN + indent, this.pdf.y, { width: this.width - indent, continued: true });
    this.pdf.font(FONT).text(this.pdfText(value));
  }

  line(text: string, opts: { indent?: number; font?: string; size?: number; color?: string } = {}): void {
    const indent = opts.indent ?? 0;
    this.pdf
      .font(opts.font ?? FONT)
      .fontSize(opts.size ?? 10)
      .fillColor(opts.color ?? COLORS.text)
      .text(this.pdfText(text), MARGIN + indent, this.pdf.y, { width: this.width - indent });
  }

  gap(points: number): void {
    this.pdf.y += points;
  }

  item(item: ViewItem, t: (key: string, params?: Record<string, unknown>) => string): void {
    switch (item.kind) {
      case "value":
        this.labelled(item.label, item.value);
        break;
      case "voices":
        this.line(item.label, { font: BOLD });
        for (const voice of item.voices) this.labelled(voice.who, voice.text, 12);
        break;
      case "paragraph":
        this.line(item.text, item.style === "warning" ? { font: BOLD, color: COLORS.warning } : {});
        break;
      case "task":
        this.line(`• ${item.summary}`);
        if (item.note) this.line(item.note, { indent: 12, color: COLORS.muted });
        if (item.otherView) this.line(item.otherView, { indent: 12, font: ITALIC, color: COLORS.muted });
        break;
      case "measure":
        this.gap(2);
        this.line(item.title, { font: BOLD, size: 11 });
        if (item.description) this.line(item.description, { indent: 12 });
        this.line(
          [
            `${t("plan:measure.owner")}: ${item.owner}`,
            `${t("plan:measure.due")}: ${item.due}`,
            `${t("plan:measure.status")}: ${item.status}`,
          ].join("   ·   "),
          { indent: 12, color: COLORS.muted },
        );
        for (const note of item.notes) this.line(note, { indent: 12, font: ITALIC, color: COLORS.muted });
        break;
    }
    this.gap(4);
  }
}

function addFooters(pdf: PDFKit.PDFDocument, footer: string, pageLabel: (page: number, pages: number) => string): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit open a new page; lift the margin meanwhile.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - MARGIN;
    const width = pdf.page.width - MARGIN * 2;
    pdf.font(FONT).fontSize(8).fillColor(COLORS.muted);
    pdf.text(footer, MARGIN, y, { width, align: "left", lineBreak: false });
    pdf.text(pageLabel(i - range.start + 1, range.count), MARGIN, y, { width, align: "right", lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
}

interface PlanFonts {
  /** pdfkit font sources: a file path, or a standard font's name. */
  regular: string;
  bold: string;
  italic: string;
  /** Whether the font can draw this code point. */
  covers: (codePoint: number) => boolean;
}

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

let cached: PlanFonts | undefined;

/** DejaVu Sans (regular, bold, oblique) from the npm package; Helvetica when its files are missing. */
export function planFonts(): PlanFonts {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  try {
    const dir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
    const files = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf", italic: "DejaVuSans-Oblique.ttf" };
    const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)])) as Record<keyof typeof files, string>;
    if (Object.values(paths).every((p) => existsSync(p))) {
      // fontkit is what pdfkit embeds fonts with; asked directly, it tells which characters have a glyph.
      const fontkit = require("fontkit") as { openSync(file: string): FontkitFont };
      const faces = Object.values(paths).map((p) => fontkit.openSync(p));
      cached = { ...paths, covers: (cp) => cp === 0x0a || faces.every((f) => f.hasGlyphForCodePoint(cp)) };
      return cached;
    }
  } catch {
    // fall through to the standard fonts
  }
  cached = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique", covers: isWinAnsi };
  return cached;
}

/** Unicode code points that WinAnsi places in 0x80–0x9F (the rest of Latin-1 maps to itself). */
const WIN_ANSI_EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

export function isWinAnsi(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code) || code === 0x0a;
}

/**
 * Text the font can show: tabs become spaces, a character without a glyph its base letter
 * (when the font has that) or "?". Composed forms first, so "C" + combining caron draws as "Č".
 */
export function pdfText(text: string, covers: (codePoint: number) => boolean = planFonts().covers): string {
  let out = "";
  for (const char of text.normalize("NFC").replace(/\r\n?/g, "\n").replace(/\t/g, "    ")) {
    const code = char.codePointAt(0)!;
    if (covers(code)) {
      out += char;
      continue;
    }
    const base = char.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    out += base !== "" && [...base].every((c) => covers(c.codePointAt(0)!)) ? base : "?";
  }
  return out;
}
