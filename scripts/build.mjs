#!/usr/bin/env node
// The production build: `tsc -p tsconfig.build.json` compiles src/ to dist/ (ESM, the same
// .js specifiers), then the files the code reads next to itself (locale JSON, the Teams
// tab's static page) are copied along. `npm start` and the CLI run dist/; tsx is only for
// development (`npm run dev`, the tests). Runs at postinstall, and again by prestart/precli
// when a source file is newer than the build.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SRC = path.join(ROOT, "src");
const DIST = path.join(ROOT, "dist");
const STAMP = path.join(DIST, ".build-stamp");

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than a file in src/ (or the build settings). */
export function buildIsStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return newestIn(SRC) > built || ["tsconfig.json", "tsconfig.build.json", "package.json"].some((f) => statSync(path.join(ROOT, f)).mtimeMs > built);
}

export function build() {
  rmSync(DIST, { recursive: true, force: true });
  const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.build.json")], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("tsc failed");
  cpSync(SRC, DIST, { recursive: true, filter: (from) => statSync(from).isDirectory() || !from.endsWith(".ts") });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--if-stale") && !buildIsStale()) process.exit(0);
  try {
    build();
  } catch (error) {
    process.stderr.write(`build: ${error.message}\n`);
    process.exit(1);
  }
}
