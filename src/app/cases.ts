// Sick-leave cases as stored rows, kept in step with the milestone engine. The
// engine is the truth (cases are derived from periods); the rows give each case a
// stable id that milestone states, plans and reminders can refer to.
import type { Db } from "../db/client.js";
import type { Person, SickCase } from "../generated/prisma/client.js";
import { evaluateMilestones, type CaseResult, type MilestoneInput } from "../domain/milestones/index.js";

export type Jurisdiction = MilestoneInput["jurisdiction"];

export async function periodsOf(db: Db, personId: string) {
  return db.absencePeriod.findMany({ where: { personId, supersededAt: null }, orderBy: { startDate: "asc" } });
}

export function engineInput(person: Pick<Person, "jurisdiction">, periods: Awaited<ReturnType<typeof periodsOf>>, today: string): MilestoneInput {
  return {
    jurisdiction: person.jurisdiction as Jurisdiction,
    today,
    periods: periods.map((p) => ({
      start: p.startDate,
      end: p.endDate,
      grade: p.grade,
      type: p.type as "sick" | "vacation",
      ...(p.document ? { document: p.document as "egenmelding" | "sykmelding" } : {}),
      reportedOn: p.reportedOn,
    })),
  };
}

export interface SyncedCase {
  row: SickCase;
  result: CaseResult;
}

/** Recomputes the person's cases and brings the stored rows in line; returns them newest last. */
export async function syncCases(db: Db, person: Person, today: string): Promise<SyncedCase[]> {
  const periods = await periodsOf(db, person.id);
  const results = evaluateMilestones(engineInput(person, periods, today)).cases;
  const rows = await db.sickCase.findMany({ where: { personId: person.id, voidedAt: null }, orderBy: { startDate: "asc" } });
  const unmatched = new Set(rows.map((r) => r.id));
  const synced: SyncedCase[] = [];
  for (const result of results) {
    const resultEnd = result.end ?? "9999-12-31";
    // Same case if the stored case overlaps this one (a case may grow or be revived).
    const match =
      rows.find((r) => unmatched.has(r.id) && r.startDate === result.start) ??
      rows.find((r) => unmatched.has(r.id) && r.startDate <= resultEnd && (r.endDate ?? "9999-12-31") >= result.start);
    const data = {
      jurisdiction: person.jurisdiction,
      startDate: result.start,
      endDate: result.end,
      open: isOngoing(result, today),
      sickDays: result.sickDays,
    };
    let row: SickCase;
    if (match) {
      unmatched.delete(match.id);
      const changed =
        match.startDate !== data.startDate || match.endDate !== data.endDate || match.open !== data.open || match.sickDays !== data.sickDays || match.jurisdiction !== data.jurisdiction;
      row = changed ? await db.sickCase.update({ where: { id: match.id }, data }) : match;
    } else {
      row = await db.sickCase.create({ data: { personId: person.id, ...data } });
    }
    synced.push({ row, result });
  }
  if (unmatched.size > 0) {
    await db.sickCase.updateMany({ where: { id: { in: [...unmatched] } }, data: { voidedAt: new Date(), open: false } });
  }
  return synced;
}

/**
 * Whether the person is still on sick leave in this case today: the end is unknown, or
 * known and not yet reached. (The engine's `open` only means "the end is unknown".)
 */
export function isOngoing(result: Pick<CaseResult, "open" | "end">, today: string): boolean {
  return result.open || (result.end !== null && result.end >= today);
}

/** The case going on now (as of the sync that made the rows), else the most recent one. */
export function currentCase(cases: SyncedCase[]): SyncedCase | undefined {
  return cases.findLast((c) => c.row.open) ?? cases.at(-1);
}
