import type { Command } from "commander";
import { readStdin, type CliRuntime } from "../runtime.js";

/** `cli guard`: one JSON line per input line, so an admin can check a wording. */
export function registerGuard(program: Command, runtime: CliRuntime): void {
  program
    .command("guard")
    .description(runtime.t("cli:guard.description"))
    .action(async () => {
      // Loaded on use: the CLI starts faster when a command does not need it.
      const { checkHealthDetails } = await import("../../domain/guard/index.js");
      const input = await readStdin(runtime.io);
      const lines = input.split(/\r?\n/);
      if (lines.at(-1) === "") lines.pop();
      for (const line of lines) runtime.stdout(JSON.stringify(checkHealthDetails(line)));
    });
}
