// Registering and changing absence periods, from any channel or from HR on the CLI.
import type { Db } from "../db/client.js";
import type { AbsencePeriod, Person } from "../generated/prisma/client.js";
import { validateAbsence, type AbsenceInput, type ValidAbsence } from "../domain/absence/validation.js";
import { addDays } from "../domain/time/localDate.js";
import { audit, type Actor } from "./audit.js";
import { UserError } from "./errors.js";
import { syncCases, periodsOf, type SyncedCase } from "./cases.js";

export interface RegisterAbsence {
  employee: Person;
  input: AbsenceInput;
  via: "slack" | "teams" | "console" | "cli";
  actor: Actor;
  today: string;
  /** The clock's now (ctx.clock()): when things are marked, in simulated time too. */
  now: Date;
}

export interface RegisteredAbsence {
  period: AbsencePeriod;
  cases: SyncedCase[];
  /** The case the new period belongs to. */
  caseOfPeriod: SyncedCase | undefined;
}

export async function registerAbsence(db: Db, cmd: RegisterAbsence): Promise<RegisteredAbsence> {
  const existing = await periodsOf(db, cmd.employee.id);
  const checked = validateAbsence(
    cmd.input,
    cmd.today,
    existing.map((p) => ({ start: p.startDate, end: p.endDate, type: p.type })),
  );
  if (!checked.ok) {
    throw new UserError(
      "absence:errors.rejected",
      {},
      checked.problems.map((p) => ({ field: p.field, key: p.key, params: p.params })),
    );
  }
  const v = checked.value;
  const period = await db.absencePeriod.create({
    data: {
      personId: cmd.employee.id,
      startDate: v.start,
      endDate: v.end,
      grade: v.grade,
      type: v.type,
      document: v.document,
      reportedVia: cmd.via,
      reportedById: cmd.actor.personId ?? null,
      reportedOn: cmd.today,
      ...(cmd.now ? { createdAt: cmd.now } : {}),
    },
  });
  await audit(db, {
    actor: cmd.actor,
    subjectId: cmd.employee.id,
    action: "change",
    entity: "absence",
    entityId: period.id,
    detail: { op: "register", start: v.start, end: v.end, grade: v.grade, type: v.type },
  });
  const cases = await syncCases(db, cmd.employee, cmd.today, cmd.now);
  const caseOfPeriod = cases.find((c) => c.result.start <= v.start && (c.result.end === null || c.result.end >= v.start));
  return { period, cases, caseOfPeriod };
}

export type AbsenceChange =
  | { kind: "extend"; end: string | null }
  | { kind: "grade"; from: string; grade: number }
  | { kind: "back_at_work"; lastSickDay: string };

/**
 * Changes the open (or latest) sick period. The old row is kept (superseded) so
 * nothing reported is ever lost; the change itself is validated like a new report.
 */
export async function changeAbsence(db: Db, employee: Person, change: AbsenceChange, actor: Actor, today: string, via: RegisterAbsence["via"], now: Date): Promise<SyncedCase[]> {
  const periods = (await periodsOf(db, employee.id)).filter((p) => p.type === "sick");
  const latest = periods.at(-1);
  if (!latest) throw new UserError("absence:errors.noOpenPeriod");
  const others = periods.filter((p) => p.id !== latest.id).map((p) => ({ start: p.startDate, end: p.endDate, type: p.type }));
  const replacements: AbsenceInput[] = [];
  if (change.kind === "extend") {
    replacements.push({ start: latest.startDate, end: change.end, grade: latest.grade, type: "sick", document: latest.document });
  } else if (change.kind === "back_at_work") {
    replacements.push({ start: latest.startDate, end: change.lastSickDay, grade: latest.grade, type: "sick", document: latest.document });
  } else {
    if (change.from <= latest.startDate) {
      replacements.push({ start: latest.startDate, end: latest.endDate, grade: change.grade, type: "sick", document: latest.document });
    } else {
      replacements.push({ start: latest.startDate, end: addDays(change.from, -1), grade: latest.grade, type: "sick", document: latest.document });
      replacements.push({ start: change.from, end: latest.endDate && latest.endDate >= change.from ? latest.endDate : null, grade: change.grade, type: "sick", document: latest.document });
    }
  }
  const valid: ValidAbsence[] = [];
  for (const input of replacements) {
    const checked = validateAbsence(input, today, [...others, ...valid.map((v) => ({ start: v.start, end: v.end, type: v.type }))]);
    if (!checked.ok) throw new UserError("absence:errors.rejected", {}, checked.problems.map((p) => ({ field: p.field, key: p.key, params: p.params })));
    valid.push(checked.value);
  }
  await db.$transaction(async (tx) => {
    await tx.absencePeriod.update({ where: { id: latest.id }, data: { supersededAt: now } });
    for (const v of valid) {
      await tx.absencePeriod.create({
        data: {
          personId: employee.id,
          startDate: v.start,
          endDate: v.end,
          grade: v.grade,
          type: "sick",
          document: v.document,
          reportedVia: via,
          reportedById: actor.personId ?? null,
          reportedOn: latest.reportedOn,
          ...(now ? { createdAt: now } : {}),
        },
      });
    }
    await audit(tx, { actor, subjectId: employee.id, action: "change", entity: "absence", entityId: latest.id, detail: { op: change.kind } });
  });
  return syncCases(db, employee, today, now);
}

export async function listAbsences(db: Db, employee: Person, actor: Actor): Promise<AbsencePeriod[]> {
  const periods = await periodsOf(db, employee.id);
  await audit(db, { actor, subjectId: employee.id, action: "read", entity: "absence", detail: { op: "list" } });
  return periods;
}
