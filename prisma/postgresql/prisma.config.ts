// Prisma CLI configuration for the generated PostgreSQL schema (see scripts/postgres-schema.mjs):
// `npm run prisma -- <command> --config prisma/postgresql/prisma.config.ts`. Only `migrate diff`
// is used through it: Prisma 6.19's `migrate deploy` through the pg adapter fails, so
// src/db/migrate.ts applies the migrations itself.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const connectionString = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "postgresql", "schema.prisma"),
  migrations: { path: path.join("prisma", "postgresql", "migrations") },
  adapter: async () => new PrismaPg({ connectionString }),
});
