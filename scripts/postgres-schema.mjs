#!/usr/bin/env node
// Keeps the PostgreSQL schema and its migrations generated from the one data model,
// prisma/schema.prisma (SQLite). A Prisma schema has exactly one provider, so the
// PostgreSQL side needs a schema, a client and a migrations folder of its own; none of
// them is edited by hand:
//
//   prisma/postgresql/schema.prisma      the SQLite schema with the provider swapped
//   prisma/postgresql/migrations/<name>/ the SQL from `prisma migrate diff` between the
//                                        previous PostgreSQL schema and the new one, named
//                                        after the newest SQLite migration it mirrors
//
// `npm run --silent prisma:generate` runs this first (so a new column in schema.prisma
// plus its SQLite migration is all a contributor writes). When nothing changed it only
// compares two strings. Generating the SQL needs a PostgreSQL server (Prisma 6.19's
// WebAssembly schema engine works through a driver adapter only): a throw-away one is
// started with scripts/postgres.mjs.
//
//   node scripts/postgres-schema.mjs           sync when needed
//   node scripts/postgres-schema.mjs --check   exit 1 when out of date (used by the tests)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startPostgres } from "./postgres.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const SQLITE_SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
export const SQLITE_MIGRATIONS = path.join(ROOT, "prisma", "migrations");
export const PG_DIR = path.join(ROOT, "prisma", "postgresql");
export const PG_SCHEMA = path.join(PG_DIR, "schema.prisma");
export const PG_MIGRATIONS = path.join(PG_DIR, "migrations");

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs (npm run prisma:generate).
// Do not edit: change prisma/schema.prisma and add its SQLite migration instead.
`;

/** The PostgreSQL schema for the SQLite schema's text: same models, another provider and client. */
export function postgresSchemaOf(sqliteSchema) {
  const swapped = sqliteSchema
    .replace(/(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    // 6.x requires a url; the client gets its connection from the driver adapter at run time.
    .replace(/(datasource\s+db\s*\{[^}]*?url\s*=\s*)"[^"]*"/, '$1"postgresql://localhost/jobbdialog"')
    .replace(/(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/src\/generated\/prisma"/, '$1"../../src/generated/prisma-pg"');
  if (!swapped.includes('"postgresql"') || !swapped.includes("prisma-pg")) {
    throw new Error("prisma/schema.prisma: could not find the sqlite datasource or the client generator's output to swap");
  }
  return HEADER + swapped;
}

const migrationNames = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
        .map((d) => d.name)
        .sort()
    : [];
const stamp = (name) => name.split("_")[0] ?? "";

/** What is out of date: undefined when in sync, else the name the next PostgreSQL migration gets. */
export function pendingSync() {
  const wanted = postgresSchemaOf(readFileSync(SQLITE_SCHEMA, "utf8"));
  const current = existsSync(PG_SCHEMA) ? readFileSync(PG_SCHEMA, "utf8") : undefined;
  const sqlite = migrationNames(SQLITE_MIGRATIONS);
  const pg = migrationNames(PG_MIGRATIONS);
  const newestSqlite = sqlite.at(-1);
  const newestPg = pg.at(-1);
  if (current === wanted && newestPg && (!newestSqlite || stamp(newestPg) >= stamp(newestSqlite))) return undefined;
  if (!newestSqlite) throw new Error("prisma/migrations is empty: add the SQLite migration first");
  // The PostgreSQL migration mirrors the newest SQLite migration (one or several new ones become one).
  if (newestPg && stamp(newestPg) >= stamp(newestSqlite)) {
    return { wanted, current, name: undefined };
  }
  return { wanted, current, name: newestPg ? newestSqlite : `${stamp(newestSqlite)}_init` };
}

function prisma(args, env) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "scripts", "prisma.mjs"), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`prisma ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** The data model changed but its SQLite migration is not there yet. */
export class MissingMigration extends Error {}

export async function syncPostgresSchema() {
  const pending = pendingSync();
  if (!pending) return { changed: false };
  if (!pending.name) {
    throw new MissingMigration(
      "prisma/schema.prisma changed but no new SQLite migration was added: add prisma/migrations/<timestamp>_<name>/ first (docs/ARCHITECTURE.md), then run npm run --silent prisma:generate",
    );
  }
  const work = mkdtempSync(path.join(tmpdir(), "jobbdialog-pgschema-"));
  const server = await startPostgres();
  try {
    const next = path.join(work, "schema.prisma");
    writeFileSync(next, pending.wanted);
    const from = pending.current ? ["--from-schema-datamodel", PG_SCHEMA] : ["--from-empty"];
    const sql = prisma(["migrate", "diff", "--config", path.join(PG_DIR, "prisma.config.ts"), ...from, "--to-schema-datamodel", next, "--script"], {
      DATABASE_URL: server.url,
    });
    const folder = path.join(PG_MIGRATIONS, pending.name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    writeFileSync(path.join(PG_MIGRATIONS, "migration_lock.toml"), '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
    writeFileSync(PG_SCHEMA, pending.wanted);
    return { changed: true, migration: pending.name };
  } finally {
    server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes("--check")) {
      const pending = pendingSync();
      if (pending) {
        process.stderr.write("prisma/postgresql/ is out of date with prisma/schema.prisma: run npm run --silent prisma:generate\n");
        process.exit(1);
      }
    } else {
      const result = await syncPostgresSchema();
      if (result.changed) process.stdout.write(`prisma/postgresql: schema updated, migration ${result.migration} written\n`);
    }
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    // Generating the client right after editing the schema (before writing its migration)
    // is the usual order: warn, and let the check in the test suite insist later.
    if (!(error instanceof MissingMigration)) process.exit(1);
  }
}
