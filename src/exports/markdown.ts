// The plan as a readable Markdown document in the reader's language. What it contains
// is decided by the shared plan view; this module only lays it out. Free text is
// escaped so that what people wrote cannot turn into headings, links or HTML.
import { type Locale, translator } from "../i18n/index.js";
import { type PlanDocument, type ViewItem, buildPlanView } from "../domain/plan/view.js";

export function renderPlanMarkdown(doc: PlanDocument, locale: Locale): string {
  const t = translator(locale);
  const view = buildPlanView(doc, { locale, t });
  const out: string[] = [`# ${escapeInline(view.title)}`, ""];
  for (const m of view.meta) out.push(`**${escapeInline(m.label)}:** ${escapeInline(m.value)}  `);
  out.push("", `_${escapeInline(view.statusLine)}_`);

  for (const section of view.sections) {
    out.push("", `## ${escapeInline(section.heading)}`, "");
    for (const item of section.items) out.push(...renderItem(item, t), "");
    trimTrailingBlank(out);
  }
  return `${out.join("\n")}\n`;
}

function renderItem(item: ViewItem, t: (key: string, params?: Record<string, unknown>) => string): string[] {
  switch (item.kind) {
    case "value":
      return [`**${escapeInline(item.label)}:** ${escapeInline(item.value)}`];
    case "voices":
      return [`**${escapeInline(item.label)}**`, "", ...item.voices.map((v) => `- *${escapeInline(v.who)}:* ${indent(escapeBlock(v.text))}`)];
    case "paragraph":
      return [item.style === "warning" ? `> **${escapeInline(item.text)}**` : escapeBlock(item.text)];
    case "task":
      return [
        `- ${escapeInline(item.summary)}`,
        ...(item.note ? [`  ${indent(escapeBlock(item.note))}`] : []),
        ...(item.otherView ? [`  *${escapeInline(item.otherView)}*`] : []),
      ];
    case "measure":
      return [
        `### ${escapeInline(item.title)}`,
        "",
        ...(item.description ? [escapeBlock(item.description), ""] : []),
        `- **${escapeInline(t("plan:measure.owner"))}:** ${escapeInline(item.owner)}`,
        `- **${escapeInline(t("plan:measure.due"))}:** ${escapeInline(item.due)}`,
        `- **${escapeInline(t("plan:measure.status"))}:** ${escapeInline(item.status)}`,
        ...item.notes.map((n) => `- ${escapeInline(n)}`),
      ];
  }
}

/** Characters with inline meaning in Markdown, and raw HTML. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, " ");
}

/** Multi-line text: inline escapes, plus line starts that would make headings, quotes or lists. */
function escapeBlock(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
        .replace(/^(\s*)([#>+-])/, "$1\\$2")
        .replace(/^(\s*\d+)([.)])/, "$1\\$2"),
    )
    .join("  \n");
}

function indent(text: string): string {
  return text.replace(/\n/g, "\n  ");
}

function trimTrailingBlank(lines: string[]): void {
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
}
