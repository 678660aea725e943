// Reading many rows by id in raw SQL, for the batches of the dispatcher: Prisma's typed
// findMany compiles the id list and maps every row, which costs about six times the CPU of
// the statement itself for a batch of a hundred people. The columns are the model's fields
// (the schema has no @map) and both drivers type them (dates as Date), so a raw row is the
// model's row; test/db/rows.test.ts holds them equal on both databases.
import { Prisma, type Person } from "../generated/prisma/client.js";
import type { Db } from "./client.js";

/** SQLite allows 999 parameters a statement (as Prisma counts them). */
const CHUNK = 500;

/** The people with these ids (in no particular order; unknown ids are left out). */
export async function peopleByIds(db: Db, ids: readonly string[]): Promise<Person[]> {
  const unique = [...new Set(ids)];
  const people: Person[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    people.push(...(await db.$queryRaw<Person[]>`SELECT * FROM "Person" WHERE "id" IN (${Prisma.join(unique.slice(i, i + CHUNK))})`));
  }
  return people;
}
