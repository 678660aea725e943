// Runs the real CLI: in-process through runCli(argv, io) with captured streams (fast, and
// what almost every test wants), or as a child process (spawnCli) for the few smoke tests
// that are about the process itself.
import { spawn } from "node:child_process";
import path from "node:path";
import { PassThrough, Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { runCli as runCliInProcess } from "../../src/cli/run.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const MAIN = path.join(ROOT, "src", "cli", "main.ts");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string>;
  input?: string;
}

function collector(): { stream: Writable; text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

/** The CLI in this process, as an operator would call it: same argv, env, stdin; stdout and stderr captured. */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  const stdin = Readable.from([Buffer.from(options.input ?? "")]);
  const env = { ...process.env, LOG_LEVEL: "warn", JOBBDIALOG_LOCALE: "en", ...options.env };
  const code = await runCliInProcess(args, { stdout: stdout.stream, stderr: stderr.stream, stdin, env });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Streams for a test that talks to a running command (e.g. `chat`) line by line. */
export function interactiveIo(env: Record<string, string> = {}) {
  const stdin = new PassThrough();
  const stdout = collector();
  const stderr = collector();
  return { io: { stdout: stdout.stream, stderr: stderr.stream, stdin, env: { ...process.env, LOG_LEVEL: "warn", JOBBDIALOG_LOCALE: "en", ...env } }, stdin, stdout: stdout.text, stderr: stderr.text };
}

/** The CLI as a child process (`tsx src/cli/main.ts …`): only for tests about the process itself. */
export function spawnCli(args: string[], options: CliOptions & { cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [MAIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, LOG_LEVEL: "warn", JOBBDIALOG_LOCALE: "en", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}
