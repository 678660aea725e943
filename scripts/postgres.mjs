#!/usr/bin/env node
// A throw-away PostgreSQL server on loopback, for CI, the test suite, the benchmarks and
// the PostgreSQL schema script: initdb into a fresh directory, pg_ctl start on a free
// port, pg_ctl stop at the end. PostgreSQL refuses to run as root, so as root the
// server runs as the `postgres` user (Debian's package creates it) on a directory it owns.
//
//   node scripts/postgres.mjs start <dir>   prints the server's URL (postgresql://…)
//   node scripts/postgres.mjs stop <dir>    stops it and removes the directory
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the server binaries are (Debian: /usr/lib/postgresql/<major>/bin), or undefined. */
export function postgresBinDir() {
  const fromEnv = process.env.POSTGRES_BIN_DIR;
  if (fromEnv && existsSync(path.join(fromEnv, "initdb"))) return fromEnv;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const majors = readdirSync(debian).filter((v) => existsSync(path.join(debian, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
    if (majors[0]) return path.join(debian, majors[0], "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  const found = which.stdout.trim();
  return which.status === 0 && found ? path.dirname(found) : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a server binary, as the postgres user when we are root. */
function runAs(bin, args) {
  if (!isRoot()) return execFileSync(bin, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  const quoted = [bin, ...args].map((a) => `'${String(a).replaceAll("'", `'\\''`)}'`).join(" ");
  return execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", quoted], { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
}

/**
 * Starts a fresh server in `dir` (made if missing; as root, the postgres user must be able to
 * reach it, e.g. a directory right under /tmp). Resolves to its URL and a stop().
 * Throws when no PostgreSQL binaries are installed.
 */
export async function startPostgres(dir = mkdtempSync(path.join(tmpdir(), "jobbdialog-pg-"))) {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed (no initdb found; on Debian: apt-get install -y postgresql)");
  mkdirSync(dir, { recursive: true });
  if (isRoot()) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  runAs(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const port = await freePort();
  // Durability is not the point of a throw-away server: fsync off makes the suites fast.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  runAs(path.join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  writeFileSync(path.join(dir, "url"), url);
  return { url, dir, stop: () => stopPostgres(dir) };
}

/** Stops the server started in `dir` (if it runs) and removes the directory. */
export function stopPostgres(dir) {
  const bin = postgresBinDir();
  const data = path.join(dir, "data");
  if (bin && existsSync(path.join(data, "postmaster.pid"))) {
    try {
      runAs(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
    } catch {
      // Already gone: nothing to stop.
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/** The URL of the server running in `dir`. */
export function urlOf(dir) {
  return readFileSync(path.join(dir, "url"), "utf8").trim();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, dir] = process.argv.slice(2);
  if (command === "start" && dir) {
    const { url } = await startPostgres(dir);
    process.stdout.write(`${url}\n`);
  } else if (command === "stop" && dir) {
    stopPostgres(dir);
  } else {
    process.stderr.write("usage: node scripts/postgres.mjs start|stop <dir>\n");
    process.exit(2);
  }
}
