#!/usr/bin/env node
// The bin: `npm run --silent cli -- <subcommand> …` runs one command with this process's
// streams and environment (everything else is in run.ts, which tests call in-process).
import { runCli } from "./run.js";

// A reader that stops early (`… | head`) closes the pipe: the rest of the output is not wanted,
// which is no error (it was an unhandled 'error' event with a stack trace).
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
