// Migrations are applied at start on a fresh or an older database, and the
// bookkeeping stays compatible with Prisma's own `migrate status`.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrateDatabase } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/client.js";
import { ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tempDb.js";

const committed = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe("migrations", () => {
  it("creates every table on a fresh database, and a second start applies nothing", () => {
    const file = path.join(tempDir(), "fresh.db");
    const first = migrateDatabase(file);
    expect(first.applied).toEqual(committed);
    const second = migrateDatabase(file);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(committed.length);
    const db = new Database(file);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as Array<{ name: string }>).map((t) => t.name);
    db.close();
    for (const table of ["Person", "Workspace", "AbsencePeriod", "SickCase", "MilestoneState", "Consent", "AuditLog", "LeaderSubstitution"]) {
      expect(tables).toContain(table);
    }
  });

  it("brings an older database up to date and keeps its data", async () => {
    const dir = tempDir();
    const oldMigrations = path.join(dir, "old");
    mkdirSync(oldMigrations);
    cpSync(path.join(MIGRATIONS_DIR, committed[0]!), path.join(oldMigrations, committed[0]!), { recursive: true });
    const file = path.join(dir, "older.db");
    migrateDatabase(file, oldMigrations);
    const raw = new Database(file);
    raw.prepare(`INSERT INTO Person (id, email, name, updatedAt) VALUES ('p1', 'old@firma.no', 'Old', CURRENT_TIMESTAMP)`).run();
    raw.close();

    const opened = await openDatabase(`file:${file}`);
    try {
      expect(opened.migrations.applied).toEqual(committed.slice(1));
      expect(await opened.db.person.findUnique({ where: { email: "old@firma.no" } })).toMatchObject({ name: "Old" });
    } finally {
      await opened.close();
    }
  });

  it("rolls back a failing migration as a whole and applies it once fixed", () => {
    const dir = tempDir();
    const migrations = path.join(dir, "m");
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const broken = path.join(migrations, "99990101000000_broken");
    mkdirSync(broken);
    writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY);\nTHIS IS NOT SQL;`);
    const file = path.join(dir, "db.db");
    expect(() => migrateDatabase(file, migrations)).toThrow();
    const raw = new Database(file);
    const extra = raw.prepare("SELECT name FROM sqlite_master WHERE name='Extra'").all();
    raw.close();
    expect(extra).toEqual([]);
    writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY);`);
    expect(migrateDatabase(file, migrations).applied).toEqual(["99990101000000_broken"]);
  });

  it("agrees with `prisma migrate status` (same bookkeeping table and checksums)", () => {
    const file = path.join(tempDir(), "status.db");
    migrateDatabase(file);
    const result = spawnSync(process.execPath, [path.join(ROOT, "scripts/prisma.mjs"), "migrate", "status"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toMatch(/Database schema is up to date/);
    expect(result.status).toBe(0);
  });
});
