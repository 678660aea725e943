// PostgreSQL only (the "postgresql" vitest project): the in-process migrator keeps Prisma's
// bookkeeping there too, two replicas starting at once migrate once, and claims of due
// outbox rows by concurrent processes never overlap (FOR UPDATE SKIP LOCKED).
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { POSTGRES_MIGRATIONS_DIR, migratePostgres } from "../../src/db/migrate.js";
import { dialectOf, openDatabase } from "../../src/db/client.js";
import { claimOutboxRows } from "../../src/db/claims.js";
import { createTempDb, onPostgresServer, tempDir, testPostgresUrl, withDatabase, type TempDb } from "../helpers/tempDb.js";

const committed = readdirSync(POSTGRES_MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const created: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `jobbdialog_empty_${created.length}_${process.pid}`;
  await onPostgresServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await onPostgresServer(`CREATE DATABASE "${name}"`);
  created.push(name);
  return withDatabase(testPostgresUrl(), name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of created) await onPostgresServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("migrations on PostgreSQL", () => {
  it("creates every table on an empty database with Prisma's checksums, and a second start applies nothing", async () => {
    const url = await emptyDatabase();
    expect((await migratePostgres(url)).applied).toEqual(committed);
    const again = await migratePostgres(url);
    expect(again).toEqual({ applied: [], alreadyApplied: committed.length });
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(url, `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
    for (const row of rows) {
      // Prisma Migrate compares the sha256 of migration.sql: the same value means it agrees.
      const sql = readFileSync(path.join(POSTGRES_MIGRATIONS_DIR, row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
    }
    const tables = (await query<{ tablename: string }>(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).map((t) => t.tablename);
    for (const table of ["Person", "Outbox", "Lease", "SickCase", "Plan", "ProcessedEvent"]) expect(tables).toContain(table);
  });

  it("migrates once when two replicas start at the same moment", async () => {
    const url = await emptyDatabase();
    const [a, b] = await Promise.all([migratePostgres(url), migratePostgres(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(committed);
    expect((await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`))[0]!.n).toBe(String(committed.length));
  });

  it("rolls back a failing migration as a whole and applies it once fixed", async () => {
    const url = await emptyDatabase();
    const dir = path.join(tempDir(), "m");
    cpSync(POSTGRES_MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "99990101000000_broken");
    mkdirSync(broken);
    writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY);\nTHIS IS NOT SQL;`);
    await expect(migratePostgres(url, dir)).rejects.toThrow();
    expect(await query(url, `SELECT 1 FROM pg_tables WHERE tablename = 'Extra'`)).toEqual([]);
    writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY);`);
    expect((await migratePostgres(url, dir)).applied).toEqual(["99990101000000_broken"]);
  });

  it("opens through the pg driver adapter as the one Db type", async () => {
    const opened = await openDatabase(await emptyDatabase());
    try {
      expect(opened.dialect).toBe("postgresql");
      expect(dialectOf(opened.db)).toBe("postgresql");
      expect(opened.migrations.applied).toEqual(committed);
      const person = await opened.db.person.create({ data: { email: "anne@firma.no", name: "Anne" } });
      // No language of their own until the directory gives one (src/app/locale.ts decides).
      expect(await opened.db.person.findUnique({ where: { email: "anne@firma.no" } })).toMatchObject({ id: person.id, locale: null });
    } finally {
      await opened.close();
    }
  });
});

describe("claims on PostgreSQL", () => {
  let tmp: TempDb | undefined;
  afterAll(async () => tmp?.dispose());

  it("hands each due row to exactly one of many concurrent claimers, oldest first, and skips rows not due", async () => {
    tmp = await createTempDb();
    const now = new Date("2026-01-23T07:00:00Z");
    await tmp.db.outbox.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        idempotencyKey: `k${i}`,
        kind: "change_notice",
        payload: "{}",
        // 100 due (one a minute before now, and earlier), 20 in the future.
        dueAt: new Date(now.getTime() + (i < 100 ? -(i + 1) * 60_000 : 60_000)),
      })),
    });
    // Separate connections (separate processes in production): eight claimers at once.
    const others = await Promise.all(Array.from({ length: 3 }, () => openDatabase(tmp!.url)));
    try {
      const clients = [tmp.db, ...others.map((o) => o.db)];
      const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimOutboxRows(clients[i % clients.length]!, { now, limit: 15, leaseMs: 60_000, token: `t${i}` })));
      const ids = claims.flat().map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(100);
      for (const [i, rows] of claims.entries()) {
        expect(rows.every((r) => r.claimedBy === `t${i}` && r.status === "claimed")).toBe(true);
        expect(rows.map((r) => r.dueAt.getTime())).toEqual([...rows.map((r) => r.dueAt.getTime())].sort((a, b) => a - b));
      }
      expect(await claimOutboxRows(tmp.db, { now, limit: 15, leaseMs: 60_000, token: "late" })).toEqual([]);
      // A scope narrows the claim to one target (or all but one).
      expect(await claimOutboxRows(tmp.db, { now: new Date(now.getTime() + 61_000), limit: 500, leaseMs: 60_000, token: "arr", scope: { target: "arr" } })).toEqual([]);
      // When the lease has run out (the claimer died), the rows are due again (with the 20 due by then).
      const later = new Date(now.getTime() + 61_000);
      expect(await claimOutboxRows(tmp.db, { now: later, limit: 500, leaseMs: 60_000, token: "again" })).toHaveLength(120);
    } finally {
      for (const o of others) await o.close();
    }
  });
});
