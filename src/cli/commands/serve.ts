import type { Command } from "commander";
import type { CliRuntime } from "../runtime.js";
import { createLogger } from "../../logging/logger.js";
import { schedulerBackground } from "../../scheduler/index.js";

export function registerServe(program: Command, runtime: CliRuntime): void {
  program
    .command("serve")
    .description(runtime.t("cli:serve.description"))
    .action(async () => {
      const config = runtime.config();
      // Every setting is checked before anything starts: a bad one stops `serve` with its name.
      const settings = runtime.settings();
      // The server logs JSON lines to stdout (unlike the other commands, whose stdout is their output).
      const logger = createLogger(config.LOG_LEVEL, runtime.io.stdout);
      // The signal handlers come first: a SIGTERM while the server is still starting (migrating,
      // its first tick) stops it as soon as it has started, instead of killing it half-way.
      let signalled: ((signal: string) => void) | undefined;
      const pending: string[] = [];
      const onSignal = (signal: string) => (signalled ? signalled(signal) : pending.push(signal));
      process.once("SIGTERM", () => onSignal("SIGTERM"));
      process.once("SIGINT", () => onSignal("SIGINT"));
      // Loaded on use: other commands need not load the channel SDKs.
      const { startBot } = await import("../../server/bot.js");
      // The scheduler ticks every minute in the background (reminders, retention, ARR digest).
      const bot = await startBot(config, logger, { settings, background: [schedulerBackground()] });
      // Graceful shutdown: finish in-flight requests, close the database, exit 0.
      await new Promise<void>((resolve) => {
        signalled = (signal: string) => {
          logger.info({ signal }, "shutting down");
          void bot.stop().then(resolve);
        };
        if (pending[0]) signalled(pending[0]);
      });
    });
}
