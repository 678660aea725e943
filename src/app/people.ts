// Looking people up in the directory, and what follows from who they are.
import type { Db } from "../db/client.js";
import type { Person } from "../generated/prisma/client.js";
import { localDateOf } from "../domain/time/zone.js";
import { UserError } from "./errors.js";
import { hasRole } from "./directory/csvFormat.js";

export type { Person };

export async function findPersonByEmail(db: Db, email: string): Promise<Person | null> {
  return db.person.findUnique({ where: { email: email.trim().toLowerCase() } });
}

export async function requirePersonByEmail(db: Db, email: string): Promise<Person> {
  const person = await findPersonByEmail(db, email);
  if (!person) throw new UserError("common:errors.unknownPerson", { email });
  return person;
}

/** The person's calendar date at `now`, in their own time zone. */
export function todayFor(person: Pick<Person, "timeZone">, now: Date): string {
  return localDateOf(now, person.timeZone);
}

export function isHrAdmin(person: Pick<Person, "roles">): boolean {
  return hasRole(person.roles, "hr");
}

export function isArrMember(person: Pick<Person, "roles">): boolean {
  return hasRole(person.roles, "arr");
}

/** Substitutes covering for `leaderId` on `date` (inclusive range, not ended). */
export async function activeSubstitutes(db: Db, leaderId: string, date: string): Promise<Person[]> {
  const rows = await db.leaderSubstitution.findMany({
    where: { leaderId, endedAt: null, fromDate: { lte: date }, OR: [{ untilDate: null }, { untilDate: { gte: date } }] },
    include: { substitute: true },
  });
  return rows.map((r) => r.substitute);
}

/** Who may act as the employee's leader on `date`: the leader and any active substitute. */
export async function leadersOf(db: Db, employee: Pick<Person, "leaderId">, date: string): Promise<Person[]> {
  if (!employee.leaderId) return [];
  const leader = await db.person.findUnique({ where: { id: employee.leaderId } });
  if (!leader) return [];
  return [leader, ...(await activeSubstitutes(db, leader.id, date))];
}
