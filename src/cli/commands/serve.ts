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
      // Loaded on use: other commands need not load the channel SDKs.
      const { startBot } = await import("../../server/bot.js");
      // The scheduler ticks every minute in the background (reminders, retention, ARR digest).
      const bot = await startBot(config, logger, { settings, background: [schedulerBackground()] });
      // Graceful shutdown: finish in-flight requests, close the database, exit 0.
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          logger.info({ signal }, "shutting down");
          void bot.stop().then(resolve);
        };
        process.once("SIGTERM", () => stop("SIGTERM"));
        process.once("SIGINT", () => stop("SIGINT"));
      });
    });
}
