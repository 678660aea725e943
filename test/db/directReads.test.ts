// The direct reads (src/db/directReads.ts) answer exactly what Prisma answers. Each read is
// run twice on the same data: once as the app runs it (outside a transaction, so the direct
// path answers; counted by the statements it reports),
// and once inside a transaction, where Prisma itself answers. Fixed cases cover each
// supported form and the app's hot reads; generated ones combine the operators at random
// over nullable text, integers, booleans and dates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { prng } from "../../bench/prng.js";

let opened: OpenedDb;
let dir: string;
let direct = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "jobbdialog-direct-"));
  opened = await openDatabase(`file:${path.join(dir, "direct.db")}`, {
    onQuery: (_sql, _ms, via) => {
      if (via === "direct") direct += 1;
    },
  });
  const { db } = opened;
  const leader = await db.person.create({ data: { email: "lise@firma.no", name: "Lise", locale: "nb", slackUserId: "U1", slackTeamId: "T1" } });
  for (let i = 0; i < 12; i++) {
    const person = await db.person.create({
      data: {
        email: `p${i}@firma.no`,
        name: `Person ${String.fromCharCode(65 + (i % 5))}`,
        locale: i % 3 === 0 ? null : i % 3 === 1 ? "nb" : "en",
        leaderId: i % 4 === 0 ? null : leader.id,
        roles: i % 5 === 0 ? "hr" : "",
        unreachableSince: i % 2 === 0 ? null : new Date(Date.UTC(2026, 10, i + 1, 8, 30, 0, 123)),
        phone: i % 6 === 0 ? null : `+47 9${i}`,
      },
    });
    await db.sickCase.create({
      data: { personId: person.id, jurisdiction: "NO", startDate: `2026-11-${String(i + 1).padStart(2, "0")}`, endDate: i % 3 === 0 ? null : "2026-12-20", open: i % 2 === 0, sickDays: i * 3, ...(i % 4 === 1 ? { voidedAt: new Date("2026-11-30T10:00:00Z") } : {}) },
    });
    await db.absencePeriod.create({ data: { personId: person.id, startDate: "2026-11-01", endDate: i % 2 ? null : "2026-11-10", grade: (i * 10) % 101, reportedVia: "console", reportedOn: "2026-11-01" } });
  }
  await db.leaderSubstitution.create({ data: { leaderId: leader.id, substituteId: (await db.person.findFirstOrThrow({ where: { email: "p1@firma.no" } })).id, fromDate: "2026-11-01", untilDate: null } });
});

afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

type Delegate = { [op: string]: (args: unknown) => Promise<unknown> };
const delegate = (client: unknown, model: string) => (client as Record<string, Delegate>)[model]!;

/** The answer of the direct path and Prisma's own, and whether the direct path answered. */
async function both(model: string, op: string, args: unknown): Promise<{ mine: unknown; prisma: unknown; answeredDirectly: boolean }> {
  const before = direct;
  const mine = await delegate(opened.db, model)[op]!(args);
  const answeredDirectly = direct > before;
  const prisma = await opened.db.$transaction((tx) => delegate(tx, model)[op]!(args));
  return { mine, prisma, answeredDirectly };
}

const now = new Date("2026-11-15T00:00:00Z");
const FIXED: Array<[string, string, unknown]> = [
  ["person", "findMany", undefined],
  ["person", "findMany", { orderBy: { name: "asc" } }],
  ["person", "findMany", { orderBy: [{ locale: "desc" }, { email: "asc" }], take: 5, skip: 2 }],
  ["person", "findMany", { where: { locale: null }, orderBy: { email: "asc" } }],
  ["person", "findMany", { where: { locale: { not: null } }, orderBy: { email: "asc" } }],
  ["person", "findMany", { where: { locale: { not: "nb" } }, orderBy: { email: "asc" } }],
  ["person", "findMany", { where: { NOT: { locale: "nb" } }, orderBy: { email: "asc" } }],
  ["person", "findMany", { where: { locale: { in: ["nb", "en"] }, NOT: [{ roles: "hr" }, { phone: null }] }, orderBy: { email: "asc" } }],
  ["person", "findMany", { where: { locale: { notIn: ["nb"] } }, orderBy: { email: "asc" } }],
  ["person", "findMany", { where: { id: { in: [] } } }],
  ["person", "findMany", { where: { OR: [] } }],
  ["person", "findMany", { where: { unreachableSince: { lt: now } }, orderBy: { unreachableSince: "asc" } }],
  ["person", "findMany", { where: { unreachableSince: { gte: now.toISOString() } }, orderBy: { email: "asc" } }],
  ["person", "findMany", { where: { email: { equals: "p3@firma.no" } }, select: { id: true, email: true, unreachableSince: true } }],
  ["person", "findFirst", { where: { slackUserId: "U1", slackTeamId: "T1" } }],
  ["person", "findFirst", { where: { leaderId: { not: null } }, orderBy: { email: "desc" } }],
  ["person", "findUnique", { where: { email: "p4@firma.no" } }],
  ["person", "findUnique", { where: { email: "nobody@firma.no" } }],
  ["person", "findFirstOrThrow", { where: { email: "p5@firma.no" } }],
  ["sickCase", "findMany", { where: { open: true, voidedAt: null }, orderBy: { startDate: "asc" } }],
  ["sickCase", "findMany", { where: { open: false }, select: { id: true, open: true, sickDays: true, voidedAt: true }, orderBy: { sickDays: "desc" } }],
  ["sickCase", "findMany", { where: { sickDays: { gt: 6, lte: 27 }, endDate: { not: null, lt: "2026-12-31" } }, orderBy: { id: "asc" } }],
  ["absencePeriod", "findMany", { where: { grade: { gte: 50 } }, orderBy: [{ grade: "asc" }, { id: "asc" }] }],
  ["leaderSubstitution", "findMany", { where: { endedAt: null, fromDate: { lte: "2026-11-20" }, OR: [{ untilDate: null }, { untilDate: { gte: "2026-11-20" } }] }, select: { leaderId: true } }],
  ["person", "count", undefined],
  ["person", "count", { where: { leaderId: { not: null }, NOT: { roles: "hr" } } }],
  ["person", "count", { where: { email: "nobody@firma.no" } }],
  ["sickCase", "count", { where: { OR: [{ open: true }, { sickDays: { gte: 20 } }] } }],
];

describe("direct reads on SQLite", () => {
  it.each(FIXED.map(([model, op, args]) => ({ model, op, args, label: `${model}.${op} ${JSON.stringify(args)}` })))("$label", async ({ model, op, args }) => {
    const { mine, prisma, answeredDirectly } = await both(model, op, args);
    expect(answeredDirectly).toBe(true);
    expect(mine).toEqual(prisma);
  });

  it("answers generated combinations of the operators as Prisma does", async () => {
    const random = prng(20261202);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const fields: Array<[string, () => unknown]> = [
      ["locale", () => pick([null, "nb", "en", "sv"])],
      ["roles", () => pick(["", "hr"])],
      ["phone", () => pick([null, "+47 91", "+47 93"])],
      ["unreachableSince", () => pick([null, now, new Date("2026-11-08T08:30:00.123Z")])],
      ["name", () => pick(["Person A", "Person C", "Lise"])],
    ];
    const condition = (depth: number): Record<string, unknown> => {
      const [field, value] = pick(fields);
      const kind = pick(["eq", "not", "in", "notIn", "cmp", "AND", "OR", "NOT"] as const);
      if (depth < 2 && (kind === "AND" || kind === "OR" || kind === "NOT")) return { [kind]: [condition(depth + 1), condition(depth + 1)] };
      const v = value();
      if (kind === "not") return { [field]: { not: v } };
      if (kind === "in" || kind === "notIn") {
        const list = [value(), value()].filter((x) => x !== null);
        return { [field]: { [kind]: list } };
      }
      if (kind === "cmp" && v !== null) return { [field]: { [pick(["lt", "lte", "gt", "gte"])]: v } };
      return { [field]: v };
    };
    let compared = 0;
    for (let i = 0; i < 150; i++) {
      const args = { where: { ...condition(0), ...condition(1) }, orderBy: [{ [pick(["email", "name", "locale"])]: pick(["asc", "desc"]) }, { id: "asc" }] };
      const { mine, prisma, answeredDirectly } = await both("person", "findMany", args);
      expect(answeredDirectly, JSON.stringify(args)).toBe(true);
      expect(mine, JSON.stringify(args)).toEqual(prisma);
      compared += 1;
    }
    expect(compared).toBe(150);
  });

  it("runs raw SQL as Prisma does: rows typed by their columns' declared types, changes counted", async () => {
    const { db } = opened;
    const select = (client: Pick<typeof db, "$queryRaw">) => client.$queryRaw`SELECT * FROM "SickCase" WHERE "sickDays" >= ${3} AND ("voidedAt" IS NULL OR "voidedAt" < ${now}) ORDER BY "id"`;
    let before = direct;
    const mine = await select(db);
    expect(direct).toBe(before + 1);
    expect(mine).toEqual(await db.$transaction((tx) => select(tx)));
    expect((mine as Array<{ open: unknown; createdAt: unknown }>).every((r) => typeof r.open === "boolean" && r.createdAt instanceof Date)).toBe(true);
    // A count is an expression without a declared type: Prisma answers (as a BigInt).
    before = direct;
    const counted = await db.$queryRaw<Array<{ n: unknown }>>`SELECT COUNT(*) AS "n" FROM "Person"`;
    expect(direct).toBe(before);
    expect(counted[0]!.n).toBe(13n);
    // UPDATE … RETURNING, as the claims are written.
    const returning = await db.$queryRaw<Array<{ id: string; open: boolean; updatedAt: Date }>>`UPDATE "SickCase" SET "updatedAt" = ${now} WHERE "sickDays" = ${6} RETURNING "id", "open", "updatedAt"`;
    expect(returning).toEqual([{ id: expect.any(String), open: true, updatedAt: now }]);
    before = direct;
    const changed = await db.$executeRaw`UPDATE "Person" SET "roles" = ${"hr"} WHERE "roles" = ${"hr"} AND "unreachableSince" IS NULL`;
    expect(direct).toBe(before + 1);
    expect(changed).toBe(await db.$transaction((tx) => tx.$executeRaw`UPDATE "Person" SET "roles" = ${"hr"} WHERE "roles" = ${"hr"} AND "unreachableSince" IS NULL`));
    expect(changed).toBeGreaterThan(0);
  });

  it("leaves to Prisma what it cannot say exactly, and reads inside a transaction", async () => {
    const forms: Array<[string, string, unknown]> = [
      ["person", "findMany", { include: { cases: true } }],
      ["person", "findMany", { where: { cases: { some: { open: true } } } }],
      ["person", "findMany", { where: { name: { contains: "Person" } } }],
      ["person", "findMany", { distinct: ["locale"] }],
      ["person", "findMany", { where: { NOT: {} } }],
      ["person", "count", { select: { _all: true, locale: true } }],
      ["person", "count", { where: { locale: "nb" }, take: 2 }],
    ];
    for (const [model, op, args] of forms) {
      const before = direct;
      const mine = await delegate(opened.db, model)[op]!(args).catch((error: unknown) => ({ error: (error as { code?: string }).code }));
      expect(direct, `${model}.${op} ${JSON.stringify(args)}`).toBe(before);
      const prisma = await opened.db.$transaction((tx) => delegate(tx, model)[op]!(args)).catch((error: unknown) => ({ error: (error as { code?: string }).code }));
      expect(mine).toEqual(prisma);
    }
    // Found nothing: Prisma throws its own error, as it would have.
    const notFound = (error: unknown) => ({ error: (error as { code?: string }).code });
    const missing = { where: { email: "nobody@firma.no" } };
    expect(await opened.db.person.findUniqueOrThrow(missing).catch(notFound)).toEqual({ error: "P2025" });
    expect(await opened.db.person.findFirstOrThrow(missing).catch(notFound)).toEqual({ error: "P2025" });
    const before = direct;
    let outside: Promise<string | undefined> | undefined;
    await opened.db.$transaction(async (tx) => {
      await tx.person.update({ where: { email: "p2@firma.no" }, data: { name: "Renamed in a transaction" } });
      // The transaction reads its own write (through Prisma, inside it).
      expect((await tx.person.findUnique({ where: { email: "p2@firma.no" } }))?.name).toBe("Renamed in a transaction");
      // A read of another task while the transaction is open goes to Prisma and waits for its end (src/db/oneAtATime.ts).
      outside = opened.db.person.findUnique({ where: { email: "p2@firma.no" } }).then((p) => p?.name);
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(await outside).toBe("Renamed in a transaction");
    expect(direct).toBe(before);
    expect((await opened.db.person.findUnique({ where: { email: "p2@firma.no" } }))?.name).toBe("Renamed in a transaction");
    expect(direct).toBe(before + 1);
  });
});
