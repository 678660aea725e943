import type { Command } from "commander";
import { CliUsageError, readStdin, type CliRuntime } from "../runtime.js";

/** `cli milestones`: the engine's public contract, JSON in on stdin, JSON out. */
export function registerMilestones(program: Command, runtime: CliRuntime): void {
  program
    .command("milestones")
    .description(runtime.t("cli:milestones.description"))
    .option("--pretty", runtime.t("cli:milestones.pretty"))
    .action(async (options: { pretty?: boolean }) => {
      const { evaluateMilestones, parseMilestoneInput } = await import("../../domain/milestones/index.js");
      const text = await readStdin(runtime.io);
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw new CliUsageError(runtime.t("cli:milestones.badJson"));
      }
      const parsed = parseMilestoneInput(raw);
      if (!parsed.ok) throw new CliUsageError(parsed.errors.join("; "));
      const result = evaluateMilestones(parsed.value);
      // The engine's notes are for developers (open points, "UNVERIFIED" sources); the contract is the rest.
      runtime.stdout(JSON.stringify(result, (key, value: unknown) => (key === "note" ? undefined : value), options.pretty ? 2 : undefined));
    });
}
