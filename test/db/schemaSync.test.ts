// The PostgreSQL schema and migrations are generated from prisma/schema.prisma (the one
// home of the data model): a model change without `npm run --silent prisma:generate`
// (after adding its SQLite migration) fails here with the command to run.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

describe("the PostgreSQL schema", () => {
  it("is generated from the SQLite schema and has a migration for every SQLite migration", () => {
    const check = spawnSync(process.execPath, [path.join(ROOT, "scripts/postgres-schema.mjs"), "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it("differs from the SQLite schema only in the provider and the client's output", () => {
    const sqlite = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8").split("\n");
    const postgres = readFileSync(path.join(ROOT, "prisma/postgresql/schema.prisma"), "utf8").split("\n").filter((l) => !l.startsWith("// GENERATED") && !l.startsWith("// Do not edit"));
    const differing = postgres.filter((line, i) => line !== sqlite[i]).map((l) => l.trim().replace(/\s+/g, " ")).sort();
    expect(differing).toEqual(['output = "../../src/generated/prisma-pg"', 'provider = "postgresql"', 'url = "postgresql://localhost/jobbdialog"']);
  });
});
