// The command line as a function: `runCli(argv, io)` parses and runs one command with
// the given stdout, stderr, stdin and environment and returns the exit code, so tests
// run it in-process (src/cli/main.ts is only the bin around it). Each subcommand lives
// in src/cli/commands/ and registers itself here.
import { Command, CommanderError } from "commander";
import { createRuntime, CliUsageError, describeUserError, type CliIo } from "./runtime.js";
import { UserError } from "../app/errors.js";
import { ConfigError } from "../config/env.js";
import { readVersion } from "../version.js";
import { registerServe } from "./commands/serve.js";
import { registerDirectory } from "./commands/directory.js";
import { registerAbsence } from "./commands/absence.js";
import { registerMilestones } from "./commands/milestones.js";
import { registerGuard } from "./commands/guard.js";
import { registerChat } from "./commands/chat.js";
import { registerTick } from "./commands/tick.js";
import { registerReminders } from "./commands/reminders.js";
import { registerDemo } from "./commands/demo.js";
import { registerPlan } from "./commands/plan.js";
import { registerTeams } from "./commands/teams.js";
import { registerWorkspace } from "./commands/workspace.js";
import { registerNav } from "./commands/nav.js";
import { registerAudit } from "./commands/audit.js";

export type { CliIo } from "./runtime.js";

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const runtime = createRuntime(io);
  const program = new Command("jobbdialog")
    .description(runtime.t("cli:program.description"))
    .version(readVersion())
    // Program options only before the subcommand, so `plan export --version N` means the plan version.
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const register of [registerServe, registerDirectory, registerAbsence, registerMilestones, registerGuard, registerChat, registerPlan, registerNav, registerTeams, registerWorkspace, registerTick, registerReminders, registerAudit, registerDemo]) {
    register(program, runtime);
  }
  // Subcommands inherit the exit override so bad arguments come back here as exit code 2.
  for (const sub of allCommands(program)) sub.exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
    return runtime.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version are not errors.
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return 0;
      return 2; // commander already printed its one-line message
    }
    if (error instanceof CliUsageError) {
      runtime.stderr(`error: ${error.message}`);
      return 2;
    }
    if (error instanceof UserError) {
      runtime.stderr(describeUserError(error, runtime.t).map((l, i) => (i === 0 ? `error: ${l}` : l)).join("\n"));
      return 2;
    }
    if (error instanceof ConfigError) {
      runtime.stderr(`error: ${error.message}`);
      return 2;
    }
    runtime.stderr(`error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  } finally {
    await runtime.close();
  }
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)]);
}

