// The ARR team's weekly digest (Monday 08:00 local): consented cases with statutory
// milestones in the coming week, one post per workspace's ARR channel. The row only
// names the cases; what it says is rendered (and consent checked again) when sent.
import { addDays, type IsoDate } from "../../domain/time/localDate.js";
import { reminderKeys } from "../../domain/reminders/index.js";
import type { AppContext } from "../context.js";
import { readCases } from "../cases.js";
import { enqueue } from "../notify/outbox.js";
import { workspaceOf } from "../workspaces.js";
import { visibleMilestones } from "../conversation/views.js";
import { settlementOf } from "../../domain/milestones/index.js";
import { settlementFactsOfCase } from "../settlement.js";
import { arrMayKnow } from "../disclosure.js";
import type { KindPayload } from "../notify/kinds/index.js";

/** People whose latest arr_summary consent is a yes (consents are a history; the latest counts). */
async function consentingPeople(ctx: AppContext): Promise<string[]> {
  const rows = await ctx.db.consent.findMany({ where: { kind: "arr_summary" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { personId: true, granted: true } });
  const latest = new Map<string, boolean>();
  for (const r of rows) latest.set(r.personId, r.granted);
  return [...latest].filter(([, granted]) => granted).map(([id]) => id);
}

export interface DigestReport {
  workspaces: number;
  cases: number;
}

/** Enqueues this week's digest for every workspace that has something to show. */
export async function runDigest(ctx: AppContext, weekStart: IsoDate, at: Date): Promise<DigestReport> {
  const { db } = ctx;
  const weekEnd = addDays(weekStart, 6);
  const byWorkspace = new Map<string, string[]>();
  for (const personId of await consentingPeople(ctx)) {
    const person = await db.person.findUnique({ where: { id: personId } });
    if (!person || !(await arrMayKnow(db, person))) continue;
    for (const { row, result } of await readCases(db, person, weekStart, at)) {
      if (result.end !== null && result.end < weekStart) continue;
      const facts = await settlementFactsOfCase(db, row.id, person.timeZone);
      const inWeek = visibleMilestones(result).some((m) => m.due !== null && m.due >= weekStart && m.due <= weekEnd && !settlementOf(m.id, facts));
      if (!inWeek) continue;
      const workspace = await workspaceOf(db, person);
      byWorkspace.set(workspace.id, [...(byWorkspace.get(workspace.id) ?? []), row.id]);
    }
  }
  let cases = 0;
  for (const [workspaceId, caseIds] of byWorkspace) {
    cases += caseIds.length;
    await enqueue(db, {
      key: reminderKeys.digest(workspaceId, weekStart),
      kind: "arr_digest",
      target: "arr",
      payload: { template: "arr_digest", params: { workspaceId, weekStart, caseIds } } satisfies KindPayload,
      dueAt: at,
    });
  }
  return { workspaces: byWorkspace.size, cases };
}
