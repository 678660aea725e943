#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the Teams tab test (test/channels/teams/tab.test.ts),
// which drives /usr/bin/chromium with playwright-core. On a fresh CI machine running as
// root it installs the package with apt-get; anywhere else it only says what is missing
// (the test then fails with the same advice). Usage: node scripts/ensure-chromium.mjs
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const CHROMIUM = "/usr/bin/chromium";
const APT = "/usr/bin/apt-get";

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (process.platform !== "linux" || !existsSync(APT) || !isRoot) {
  process.stderr.write(
    `ensure-chromium: ${CHROMIUM} is missing and cannot be installed from here ` +
      `(${!isRoot ? "not running as root" : "no apt-get"}). Install it with: sudo apt-get install -y chromium\n`,
  );
  process.exit(0);
}

const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
for (const args of [["update"], ["install", "-y", "chromium"]]) {
  process.stderr.write(`ensure-chromium: apt-get ${args.join(" ")}\n`);
  const result = spawnSync(APT, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    process.stderr.write(`ensure-chromium: apt-get ${args.join(" ")} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(1);
  }
}
if (!existsSync(CHROMIUM)) {
  process.stderr.write(`ensure-chromium: the chromium package is installed but ${CHROMIUM} is still missing\n`);
  process.exit(1);
}
process.stderr.write(`ensure-chromium: installed ${CHROMIUM}\n`);
