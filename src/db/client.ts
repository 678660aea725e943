// The Prisma client over better-sqlite3 (Prisma's Rust-free client with a driver
// adapter: no native engine download needed). Opening a database applies any
// pending migration first, so a fresh or an older file is always usable.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { databaseFileOf } from "../config/env.js";
import { migrateDatabase, type MigrationResult } from "./migrate.js";

export type Db = PrismaClient;

export interface OpenedDb {
  db: Db;
  file: string;
  migrations: MigrationResult;
  close(): Promise<void>;
}

export async function openDatabase(url: string): Promise<OpenedDb> {
  const file = databaseFileOf(url);
  const migrations = migrateDatabase(file);
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 });
  const db = new PrismaClient({ adapter });
  // WAL lets the scheduler, the HTTP server and a CLI command share the file.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return { db, file, migrations, close: () => db.$disconnect() };
}
