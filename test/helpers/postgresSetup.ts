// Global setup of the "postgresql" vitest project: the server the PostgreSQL suites run on.
// CI (.ci/run) starts one and passes TEST_POSTGRES_URL; without it (a developer's machine)
// a throw-away server is started here with the installed binaries and stopped at the end.
// Either way a migrated template database is made once, so each test database is a copy.
// The URL reaches the test workers through the environment (they are started after this).
import { migratePostgres } from "../../src/db/migrate.js";
import { startPostgres } from "../../scripts/postgres.mjs";
import { POSTGRES_TEMPLATE, onPostgresServer, withDatabase } from "./tempDb.js";

export default async function setup(): Promise<() => Promise<void>> {
  let stop: (() => void) | undefined;
  if (!process.env.TEST_POSTGRES_URL) {
    const server = await startPostgres();
    stop = server.stop;
    process.env.TEST_POSTGRES_URL = server.url;
  }
  const url = process.env.TEST_POSTGRES_URL;
  await onPostgresServer(`DROP DATABASE IF EXISTS "${POSTGRES_TEMPLATE}" WITH (FORCE)`);
  await onPostgresServer(`CREATE DATABASE "${POSTGRES_TEMPLATE}"`);
  await migratePostgres(withDatabase(url, POSTGRES_TEMPLATE));
  return async () => {
    stop?.();
  };
}
