// Sick-leave cases as a read model: stored rows kept in step with the milestone
// engine. The engine is the truth (cases are derived from periods); the rows give each
// case a stable id that milestone states, plans and reminders can refer to. The rows are
// written when periods change (syncCases, from absences.ts) and at the day rollover
// (retention); everything else reads them with readCases, which writes nothing unless it
// finds them out of step (then it repairs them once).
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

interface Matched {
  result: CaseResult;
  data: Pick<SickCase, "jurisdiction" | "startDate" | "endDate" | "open" | "sickDays">;
  match: SickCase | undefined;
  changed: boolean;
}

/** Pairs the engine's cases with the stored rows (pure): what is there, and what would change. */
function matchCases(person: Person, rows: SickCase[], results: CaseResult[], today: string): { matched: Matched[]; unmatched: string[] } {
  const unmatched = new Set(rows.map((r) => r.id));
  const matched: Matched[] = [];
  for (const result of results) {
    const resultEnd = result.end ?? "9999-12-31";
    // Same case if the stored case overlaps this one (a case may grow or be revived).
    const match =
      rows.find((r) => unmatched.has(r.id) && r.startDate === result.start) ??
      rows.find((r) => unmatched.has(r.id) && r.startDate <= resultEnd && (r.endDate ?? "9999-12-31") >= result.start);
    const data = { jurisdiction: person.jurisdiction, startDate: result.start, endDate: result.end, open: isOngoing(result, today), sickDays: result.sickDays };
    if (match) unmatched.delete(match.id);
    const changed =
      !match || match.startDate !== data.startDate || match.endDate !== data.endDate || match.open !== data.open || match.sickDays !== data.sickDays || match.jurisdiction !== data.jurisdiction;
    matched.push({ result, data, match, changed });
  }
  return { matched, unmatched: [...unmatched] };
}

async function load(db: Db, person: Person, today: string) {
  const [periods, rows] = await Promise.all([periodsOf(db, person.id), db.sickCase.findMany({ where: { personId: person.id, voidedAt: null }, orderBy: { startDate: "asc" } })]);
  const results = evaluateMilestones(engineInput(person, periods, today)).cases;
  return matchCases(person, rows, results, today);
}

/**
 * Recomputes the person's cases and brings the stored rows in line; returns them newest last.
 * The write side of the read model: after a change of periods, and at the day rollover.
 */
export async function syncCases(db: Db, person: Person, today: string, now: Date): Promise<SyncedCase[]> {
  const { matched, unmatched } = await load(db, person, today);
  return write(db, person, matched, unmatched, now);
}

async function write(db: Db, person: Person, matched: Matched[], unmatched: string[], now: Date): Promise<SyncedCase[]> {
  const synced: SyncedCase[] = [];
  for (const m of matched) {
    const row = m.match ? (m.changed ? await db.sickCase.update({ where: { id: m.match.id }, data: m.data }) : m.match) : await db.sickCase.create({ data: { personId: person.id, ...m.data } });
    synced.push({ row, result: m.result });
  }
  if (unmatched.length > 0) {
    await db.sickCase.updateMany({ where: { id: { in: unmatched } }, data: { voidedAt: now, open: false } });
  }
  return synced;
}

/**
 * The person's cases as of `today`, newest last, read without writing: two queries. Only
 * when the rows are out of step (a day rollover not yet applied, data from before the rows
 * existed) are they repaired, once.
 */
export async function readCases(db: Db, person: Person, today: string, now: Date): Promise<SyncedCase[]> {
  const { matched, unmatched } = await load(db, person, today);
  if (unmatched.length > 0 || matched.some((m) => m.changed)) return write(db, person, matched, unmatched, now);
  return matched.map((m) => ({ row: m.match!, result: m.result }));
}

/** Day rollover: cases whose last sick day has passed are no longer open (one statement). */
export async function closeEndedCases(db: Db, today: string): Promise<number> {
  const closed = await db.sickCase.updateMany({ where: { open: true, voidedAt: null, endDate: { not: null, lt: today } }, data: { open: false } });
  return closed.count;
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
