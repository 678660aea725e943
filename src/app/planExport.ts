// Exports a plan version for someone allowed to see it: NAV's LPS JSON, Markdown
// or PDF, in the reader's language. Every export by someone other than the
// employee is audited.
import type { Db } from "../db/client.js";
import type { Person } from "../generated/prisma/client.js";
import { toLpsFollowUpPlan, LpsExportError } from "../exports/lps.js";
import { renderPlanMarkdown } from "../exports/markdown.js";
import { localDateOf } from "../domain/time/zone.js";
import type { Locale } from "../i18n/index.js";
import { audit, type Actor } from "./audit.js";
import { UserError } from "./errors.js";
import { planDocument } from "./plans.js";
import { LPS_NAME } from "./nav/plan.js";
import { buildTimeline, type ViewerRole } from "../domain/timeline/index.js";
import { caseFacts } from "./timeline.js";

export type ExportFormat = "lps" | "md" | "pdf";

export interface ExportRequest {
  employee: Person;
  format: ExportFormat;
  version?: number;
  locale: Locale;
  actor: Actor;
  /** NAV needs the employee's national identity number (11 digits); we never store it. */
  nationalId?: string;
  contactPhone?: string;
  /** Print the case's timeline as this role sees it (Markdown and PDF); "none" leaves it out. */
  timeline?: ViewerRole | "none";
  /** The reader's local date (for the timeline's "ahead"); defaults to the employee's today. */
  today?: string;
  /** The clock's now (ctx.clock()), for the employee's today and the case read. */
  now: Date;
}

export async function exportPlan(db: Db, req: ExportRequest): Promise<{ body: Buffer | string; version: number }> {
  const plan = await db.plan.findFirst({ where: { employeeId: req.employee.id, latestVersion: { gt: 0 } }, orderBy: { updatedAt: "desc" } });
  if (!plan) throw new UserError("cli:plan.errors.noPlan", { email: req.employee.email });
  const number = req.version ?? plan.latestVersion;
  const version = await db.planVersion.findUnique({ where: { planId_version: { planId: plan.id, version: number } } });
  if (!version) throw new UserError("plan:errors.versionNotFound", { version: number });
  const leader = req.employee.leaderId ? await db.person.findUnique({ where: { id: req.employee.leaderId } }) : null;
  const sickCase = plan.caseId ? await db.sickCase.findUnique({ where: { id: plan.caseId } }) : null;
  const confirmedOn = version.reviewStatus === "confirmed" && version.reviewedAt ? localDateOf(version.reviewedAt, req.employee.timeZone) : undefined;
  const doc = planDocument(version, req.employee, leader, sickCase, confirmedOn);
  const role = req.timeline ?? "none";
  if (role !== "none" && req.format !== "lps" && sickCase) {
    const today = req.today ?? localDateOf(req.now, req.employee.timeZone);
    const facts = await caseFacts(db, req.employee, req.employee.timeZone, today, req.now, sickCase.id);
    if (facts) doc.timeline = { role, entries: buildTimeline(facts.facts, role) };
  }
  await audit(db, { actor: req.actor, subjectId: req.employee.id, action: "read", entity: "plan", entityId: plan.id, detail: { op: "export", format: req.format, version: number } });

  if (req.format === "md") return { body: renderPlanMarkdown(doc, req.locale), version: number };
  if (req.format === "pdf") {
    // pdfkit and its fonts are loaded at the first PDF, not at every start.
    const { renderPlanPdf } = await import("../exports/pdf.js");
    return { body: await renderPlanPdf(doc, req.locale), version: number };
  }
  if (!req.nationalId || !/^\d{11}$/.test(req.nationalId)) throw new UserError("cli:plan.errors.nationalId");
  try {
    const dto = toLpsFollowUpPlan(doc.content, {
      employeeIdentificationNumber: req.nationalId,
      contactPerson: { fullName: leader?.name ?? "", email: leader?.email ?? "", phoneNumber: req.contactPhone ?? leader?.phone ?? "" },
      lpsName: LPS_NAME,
      locale: "nb",
    });
    return { body: `${JSON.stringify(dto, null, 2)}\n`, version: number };
  } catch (error) {
    if (error instanceof LpsExportError) throw new UserError("cli:plan.errors.incomplete", { fields: error.reasons.join(", ") });
    throw error;
  }
}
