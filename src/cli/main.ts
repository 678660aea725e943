#!/usr/bin/env node
// The bin: `npm run --silent cli -- <subcommand> …` runs one command with this process's
// streams and environment (everything else is in run.ts, which tests call in-process).
import { runCli } from "./run.js";

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
