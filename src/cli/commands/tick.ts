import type { Command } from "commander";
import { DateTime } from "luxon";
import { CliUsageError, type CliRuntime } from "../runtime.js";
import { systemClock } from "../../app/context.js";

/** `cli tick [--now <ISO>]`: one scheduler pass, as if it were that time (operators, tests, demos). */
export function registerTick(program: Command, runtime: CliRuntime): void {
  const { t } = runtime;
  program
    .command("tick")
    .description(t("reminders:cli.tick.description"))
    .option("--now <datetime>", t("reminders:cli.tick.now"))
    .option("--json", t("cli:common.json"))
    .action(async (options: { now?: string; json?: boolean }) => {
      // Without --now: the real time (the CLI's clock; app code only ever asks ctx.clock()).
      const now = options.now === undefined ? systemClock() : parseInstant(options.now);
      if (!now) throw new CliUsageError(t("reminders:cli.tick.badNow", { value: options.now }));
      const services = await runtime.services(() => now);
      const { attachPlatformChannels } = await import("../../scheduler/channels.js");
      const platforms = await attachPlatformChannels(services.ctx.config, services.ctx.logger, services);
      try {
        const report = await services.scheduler.tick(now);
        if (options.json) {
          runtime.stdout(JSON.stringify(report));
          return;
        }
        const jobs = Object.keys(report.jobs);
        runtime.stdout(
          t("reminders:cli.tick.done", {
            at: report.at,
            replanned: report.replanned,
            jobs: jobs.length > 0 ? jobs.map((j) => `${j} ${JSON.stringify(report.jobs[j])}`).join(", ") : t("reminders:cli.tick.noJobs"),
            ...report.delivery,
          }),
        );
      } finally {
        await platforms.stop();
      }
    });
}

/**
 * An ISO date-time with a time of day ("2026-03-02T08:00:00+01:00", "…Z", or local "2026-03-02T08:00").
 * Strict (luxon): Date.parse would roll 2026-02-31 over into March instead of refusing it.
 */
export function parseInstant(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return undefined;
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}
