import { defineConfig } from "vitest/config";
import { postgresBinDir } from "./scripts/postgres.mjs";

// The suites that talk to the database run a second time on PostgreSQL (a fresh database
// per test file, see test/helpers/tempDb.ts). They need a server: CI passes one in
// TEST_POSTGRES_URL; otherwise test/helpers/postgresSetup.ts starts one with the installed
// PostgreSQL binaries. With neither, the PostgreSQL project is left out and says so, unless
// REQUIRE_POSTGRES=1 (set by .ci/run), which makes it an error.
// The database-facing suites: migrations and claims, reminders sent once, two processes, a
// crash between claim and send (reliability), the raw SQL of change detection and retention,
// and the conversation core's plans and outbox. (The other scheduler suites exercise the
// planner's rules over the same queries; they run on SQLite.)
const POSTGRES_SUITES = [
  "test/db/**/*.test.ts",
  "test/scheduler/reliability.test.ts",
  "test/scheduler/changes.test.ts",
  "test/scheduler/retention.test.ts",
  "test/app/conversation.test.ts",
  "test/app/nav.test.ts",
  "test/app/inbox.test.ts",
];
/** SQLite-only: they open the SQLite file with better-sqlite3 or run Prisma's CLI on it. */
const SQLITE_ONLY = ["test/db/migrations.test.ts", "test/db/schemaSync.test.ts", "test/db/directReads.test.ts"];
/** PostgreSQL-only: the migrator and claims on PostgreSQL. */
const POSTGRES_ONLY = ["test/db/postgres.test.ts", "test/db/replicas.test.ts", "test/db/inboxReplicas.test.ts", "test/db/races.test.ts"];

const postgresAvailable = Boolean(process.env.TEST_POSTGRES_URL) || postgresBinDir() !== undefined;
if (!postgresAvailable) {
  const message = "PostgreSQL suites skipped: no TEST_POSTGRES_URL and no PostgreSQL binaries (apt-get install postgresql, or set TEST_POSTGRES_URL)";
  if (process.env.REQUIRE_POSTGRES === "1") throw new Error(message.replace("skipped", "required"));
  process.stderr.write(`${message}\n`);
}

// Generous: the suites spawn real processes and the machine is shared; a timeout is meant to
// catch a hang, not to measure speed (that is bench/'s job).
const shared = {
  testTimeout: 120_000,
  hookTimeout: 120_000,
  pool: "forks" as const,
};

export default defineConfig({
  test: {
    // Two cores on CI: more workers only add contention.
    maxWorkers: 2,
    reporters: ["default", "./test/plainSummaryReporter.ts"],
    projects: [
      { test: { ...shared, name: "sqlite", include: ["test/**/*.test.ts"], exclude: POSTGRES_ONLY } },
      ...(postgresAvailable
        ? [
            {
              test: {
                ...shared,
                name: "postgresql",
                include: POSTGRES_SUITES,
                exclude: SQLITE_ONLY,
                env: { JOBBDIALOG_TEST_DB: "postgresql" },
                globalSetup: ["./test/helpers/postgresSetup.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
