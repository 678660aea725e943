import type { Command } from "commander";
import type { CliRuntime } from "../runtime.js";

/** `cli demo`: a scripted sick-leave case in simulated time, printed as a transcript (see src/scheduler/demo.ts). */
export function registerDemo(program: Command, runtime: CliRuntime): void {
  const { t } = runtime;
  program
    .command("demo")
    .description(t("reminders:cli.demo.description"))
    .option("--keep", t("reminders:cli.demo.keep"))
    .action(async (options: { keep?: boolean }) => {
      const { runDemo } = await import("../../scheduler/demo.js");
      const result = await runDemo({ locale: runtime.locale, write: (line) => runtime.stdout(line), keep: options.keep ?? false });
      if (options.keep) runtime.stderr(result.dir);
    });
}
