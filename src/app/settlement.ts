// The facts that settle milestones, loaded for cases: what people set by hand
// (MilestoneState), what the plan says (a confirmed version; "plan not needed"), and
// facts recorded against the case (CaseFact: the plan sent to the doctor, a meeting held …).
// The rule of what settles what is in the domain (src/domain/milestones/settlement.ts);
// this is only the loading, four plain queries for any number of cases.
import type { Db } from "../db/client.js";
import { isSettlementFactKind, settlementOf, snoozedUntilOf, NO_FACTS, type CaseFact, type Settlement, type SettlementFacts, type SettlementFactKind } from "../domain/milestones/index.js";
import { localDateOf } from "../domain/time/zone.js";
import type { IsoDate } from "../domain/time/localDate.js";
import { isUniqueViolation } from "../db/errors.js";

/** Settlement facts per case id (every id asked for is in the map). */
export async function settlementFactsOf(db: Db, caseIds: readonly string[], timeZone = "Europe/Oslo"): Promise<Map<string, SettlementFacts>> {
  const out = new Map<string, { states: SettlementFacts["states"][number][]; facts: CaseFact[] }>();
  for (const id of caseIds) out.set(id, { states: [], facts: [] });
  if (caseIds.length === 0) return out;
  const ids = [...new Set(caseIds)];
  const [states, plans, recorded] = await Promise.all([
    db.milestoneState.findMany({ where: { caseId: { in: ids } }, select: { caseId: true, milestoneId: true, state: true, snoozedUntil: true } }),
    db.plan.findMany({ where: { caseId: { in: ids } }, select: { id: true, caseId: true, status: true, updatedAt: true } }),
    db.caseFact.findMany({ where: { caseId: { in: ids } }, select: { caseId: true, kind: true, on: true } }),
  ]);
  // Each plan's first confirmed version, read on its own (plain reads: src/db/directReads.ts).
  const firstConfirmed = new Map<string, { reviewedAt: Date | null; createdAt: Date }>();
  if (plans.length > 0) {
    const versions = await db.planVersion.findMany({
      where: { planId: { in: plans.map((p) => p.id) }, reviewStatus: "confirmed" },
      select: { planId: true, reviewedAt: true, createdAt: true },
      orderBy: [{ planId: "asc" }, { version: "asc" }],
    });
    for (const v of versions) if (!firstConfirmed.has(v.planId)) firstConfirmed.set(v.planId, v);
  }
  for (const s of states) out.get(s.caseId)?.states.push(s);
  for (const p of plans) {
    const facts = p.caseId ? out.get(p.caseId)?.facts : undefined;
    if (!facts) continue;
    const confirmed = firstConfirmed.get(p.id);
    if (confirmed) facts.push({ kind: "plan_confirmed", on: localDateOf(confirmed.reviewedAt ?? confirmed.createdAt, timeZone) });
    if (p.status === "not_needed") facts.push({ kind: "plan_not_needed", on: localDateOf(p.updatedAt, timeZone) });
  }
  for (const f of recorded) out.get(f.caseId)?.facts.push({ kind: f.kind, on: f.on });
  return out;
}

export async function settlementFactsOfCase(db: Db, caseId: string, timeZone?: string): Promise<SettlementFacts> {
  return (await settlementFactsOf(db, [caseId], timeZone)).get(caseId) ?? NO_FACTS;
}

/** Whether (and how) one milestone of one case is settled, and its snooze if any. */
export async function milestoneSettlement(db: Db, caseId: string, milestoneId: string, timeZone?: string): Promise<{ settlement: Settlement | null; snoozedUntil: IsoDate | null }> {
  const facts = await settlementFactsOfCase(db, caseId, timeZone);
  return { settlement: settlementOf(milestoneId, facts), snoozedUntil: snoozedUntilOf(milestoneId, facts) };
}

export interface RecordFact {
  caseId: string;
  kind: SettlementFactKind;
  on: IsoDate;
  /** Who or what recorded it: "chat", "cli", "nav" … */
  source: string;
  recordedById?: string | null;
}

/**
 * Records a fact about a case (idempotent per case, kind and day). The caller marks the
 * employee for re-planning (Services.caseChanged) so the reminders it settles go away.
 */
export async function recordCaseFact(db: Db, fact: RecordFact): Promise<boolean> {
  if (!isSettlementFactKind(fact.kind)) throw new RangeError(`unknown case fact ${JSON.stringify(fact.kind)}`);
  try {
    await db.caseFact.create({ data: { caseId: fact.caseId, kind: fact.kind, on: fact.on, source: fact.source, recordedById: fact.recordedById ?? null } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
