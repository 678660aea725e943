// The Prisma client over SQLite (better-sqlite3, the embedded default) or PostgreSQL (pg,
// for several replicas), chosen by DATABASE_URL. Both are Prisma's Rust-free client with a
// driver adapter (no native engine download). Opening a database applies any pending
// migration first, so a fresh or an older database is always usable.
//
// The two generated clients (src/generated/prisma from prisma/schema.prisma, and
// src/generated/prisma-pg from the PostgreSQL schema generated from it) have the same
// models and delegates; app code sees one `Db` type and does not care which it got. What
// differs between the dialects (raw SQL, claims with SKIP LOCKED) lives in src/db/.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { databaseFileOf } from "../config/env.js";
import { migrateDatabase, migratePostgres, type MigrationResult } from "./migrate.js";
import { withDirectReads } from "./directReads.js";
import { oneTransactionAtATime } from "./oneAtATime.js";
import type Database from "better-sqlite3";

export type Db = PrismaClient;
export type Dialect = "sqlite" | "postgresql";

export interface OpenedDb {
  db: Db;
  dialect: Dialect;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  file: string;
  migrations: MigrationResult;
  close(): Promise<void>;
}

/** postgresql:// or postgres:// is PostgreSQL; anything else (file:…) is SQLite. */
export function dialectOfUrl(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** The dialect of an open client (Prisma records its provider on the client it generated). */
export function dialectOf(db: Db): Dialect {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "postgresql" || provider === "sqlite") return provider;
  throw new Error(`unknown database provider ${String(provider)}`);
}

export interface OpenOptions {
  /** Told about every SQL statement (benchmarks count them), and whether Prisma or the direct reads ran it. */
  onQuery?: (query: string, durationMs: number, via: "prisma" | "direct") => void;
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<OpenedDb> {
  return dialectOfUrl(url) === "postgresql" ? openPostgres(url, options) : openSqlite(url, options);
}

const logOptions = (options: OpenOptions): { log: Array<{ emit: "event"; level: "query" }> } => ({ log: options.onQuery ? [{ emit: "event", level: "query" }] : [] });

function listen(db: Db, options: OpenOptions): void {
  const onQuery = options.onQuery;
  if (onQuery) (db as unknown as { $on(event: "query", cb: (e: { query: string; duration: number }) => void): void }).$on("query", (e) => onQuery(e.query, e.duration, "prisma"));
}

async function openSqlite(url: string, options: OpenOptions): Promise<OpenedDb> {
  const file = databaseFileOf(url);
  const migrations = migrateDatabase(file);
  const factory = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 });
  // The adapter Prisma connects through is kept, so plain reads can run on its connection
  // without Prisma's per-query cost (src/db/directReads.ts).
  let connection: Database.Database | undefined;
  const adapter = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connected = await factory.connect();
      connection = (connected as unknown as { client: Database.Database }).client;
      return oneTransactionAtATime(connected);
    },
  } satisfies NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;
  const base = new PrismaClient({ adapter, errorFormat: "minimal", ...logOptions(options) });
  listen(base, options);
  const onQuery = options.onQuery;
  const db = withDirectReads(base, { connection: () => connection, ...(onQuery ? { onQuery: (sql: string, ms: number) => onQuery(sql, ms, "direct") } : {}) });
  // WAL lets the scheduler, the HTTP server and a CLI command share the file.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  // Deleted or overwritten values (a national identity number wiped after NAV accepted a plan) are zeroed, not left in
  // free pages. SQLite only: PostgreSQL has no such setting (an old row version stays on disk until VACUUM reuses its space).
  await db.$queryRawUnsafe("PRAGMA secure_delete = ON");
  return { db, dialect: "sqlite", file, migrations, close: () => base.$disconnect() };
}

async function openPostgres(url: string, options: OpenOptions): Promise<OpenedDb> {
  const migrations = await migratePostgres(url);
  // Loaded only when used: a SQLite process never pays for pg and the second client.
  const [{ PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([import("@prisma/adapter-pg"), import("../generated/prisma-pg/client.js")]);
  const adapter = new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // Same models, same delegates, same result types: the PostgreSQL client is used as a Db.
  const db = new PostgresClient({ adapter, errorFormat: "minimal", ...logOptions(options) }) as unknown as Db;
  listen(db, options);
  await db.$connect();
  return { db, dialect: "postgresql", file: redacted(url), migrations, close: () => db.$disconnect() };
}

function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgresql://…";
  }
}
