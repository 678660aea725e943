// What CLI subcommands share: config, a lazily opened database, the operator's
// locale, and one way to fail (a one-line message and exit code 2).
import { readFileSync } from "node:fs";
import type { Readable, Writable } from "node:stream";
import { loadConfig, type Config } from "../config/env.js";
import { openDatabase, type OpenedDb } from "../db/client.js";
import { createLogger, type Logger } from "../logging/logger.js";
import { parseLocale, translator, type Locale, type Translate } from "../i18n/index.js";
import { UserError } from "../app/errors.js";
import { systemClock, type AppContext, type Clock } from "../app/context.js";
import type { Services } from "../app/services.js";
import { schedulerSettingsFromEnv, type SchedulerSettings } from "../app/reminders/settings.js";

/** A mistake in how the CLI was called or in its input: exit code 2. */
export class CliUsageError extends Error {
  readonly exitCode = 2;
}

/** What a command may touch of the world: its streams and its environment (process.* in the bin). */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  stdin: Readable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export interface CliRuntime {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  /** Set by a command that fails without throwing (0 unless set). */
  exitCode: number;
  locale: Locale;
  t: Translate;
  config(): Config;
  logger(): Logger;
  /** Scheduler and reminder settings from the environment (a bad one fails here, before anything starts). */
  settings(): SchedulerSettings;
  /** Opens (and migrates) the database on first use. */
  app(clock?: Clock): Promise<AppContext>;
  /** Everything a command needs, from the one composition root (src/app/services.ts). */
  services(clock?: Clock): Promise<Services>;
  close(): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The operator's language: JOBBDIALOG_LOCALE, else LC_ALL/LANG, else English. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return parseLocale(env.JOBBDIALOG_LOCALE) ?? parseLocale(env.LC_ALL) ?? parseLocale(env.LANG) ?? "en";
}

export function createRuntime(io: CliIo): CliRuntime {
  const { env } = io;
  const locale = cliLocale(env);
  let config: Config | undefined;
  let logger: Logger | undefined;
  let opened: OpenedDb | undefined;
  let settings: SchedulerSettings | undefined;
  const runtime: CliRuntime = {
    io,
    env,
    exitCode: 0,
    locale,
    t: translator(locale),
    config: () => (config ??= loadConfig(env)),
    settings: () => (settings ??= schedulerSettingsFromEnv({ ...env, TZ_DEFAULT: runtime.config().TZ_DEFAULT })),
    // CLI commands log to stderr so their stdout stays machine-readable.
    logger: () => (logger ??= createLogger(env.LOG_LEVEL ?? "warn", io.stderr as never)),
    async app(clock = systemClock) {
      runtime.settings();
      opened ??= await openDatabase(runtime.config().DATABASE_URL);
      return { config: runtime.config(), db: opened.db, logger: runtime.logger(), clock };
    },
    async services(clock = systemClock) {
      const app = await runtime.app(clock);
      const { createServices } = await import("../app/services.js");
      return createServices(app, { settings: runtime.settings() });
    },
    async close() {
      await opened?.close();
      opened = undefined;
    },
    stdout: (text) => void io.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    stderr: (text) => void io.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  };
  return runtime;
}

/** Renders a UserError as lines: the headline, then each problem with its line/field. */
export function describeUserError(error: UserError, t: Translate): string[] {
  const lines = [t(error.key, error.params)];
  for (const p of error.problems) {
    const where = [p.line !== undefined ? t("cli:common.line", { line: p.line }) : "", p.field ?? ""].filter(Boolean).join(" ");
    lines.push(`  ${where ? `${where}: ` : ""}${t(p.key, p.params)}`);
  }
  return lines;
}

export async function readStdin(io: Pick<CliIo, "stdin">): Promise<string> {
  if (io.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export function readTextFile(file: string, t: Translate): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new CliUsageError(t("cli:common.cannotRead", { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
}
