// A fresh, migrated database per call, removed afterwards: a SQLite file in a temporary
// directory, or, when the suite runs on PostgreSQL (the "postgresql" vitest project sets
// JOBBDIALOG_TEST_DB=postgresql and test/helpers/postgresSetup.ts provides the server), a
// database of its own on the test server, copied from a migrated template.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { openDatabase, type Dialect, type OpenedDb } from "../../src/db/client.js";

export interface TempDb extends OpenedDb {
  url: string;
  dir: string;
  dispose(): Promise<void>;
}

/** The dialect this suite runs on. */
export function testDialect(): Dialect {
  return process.env.JOBBDIALOG_TEST_DB === "postgresql" ? "postgresql" : "sqlite";
}

/** The test server's URL (its maintenance database), when the suite runs on PostgreSQL. */
export function testPostgresUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error("JOBBDIALOG_TEST_DB=postgresql needs TEST_POSTGRES_URL (the vitest project's global setup provides it)");
  return url;
}

/** The migrated database new test databases are copied from (made by the global setup). */
export const POSTGRES_TEMPLATE = "jobbdialog_template";

/** `url` with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on the test server's maintenance database. */
export async function onPostgresServer(sql: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTempDb(): Promise<TempDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "jobbdialog-test-"));
  if (testDialect() === "postgresql") {
    const name = `jobbdialog_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    await onPostgresServer(`CREATE DATABASE "${name}" TEMPLATE "${POSTGRES_TEMPLATE}"`);
    const url = withDatabase(testPostgresUrl(), name);
    const opened = await openDatabase(url);
    return {
      ...opened,
      url,
      dir,
      async dispose() {
        await opened.close();
        // FORCE: a child process the test killed may still hold a connection for a moment.
        await onPostgresServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = `file:${path.join(dir, "test.db")}`;
  const opened = await openDatabase(url);
  return {
    ...opened,
    url,
    dir,
    async dispose() {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "jobbdialog-test-"));
}
