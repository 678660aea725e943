import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { CliUsageError, type CliRuntime } from "../runtime.js";

/** `cli teams package`: the zip to upload to Teams (manifest with our app id and host, and the icons). */
export function registerTeams(program: Command, runtime: CliRuntime): void {
  const { t } = runtime;
  const teams = program.command("teams").description(t("teams:cli.description"));
  teams
    .command("package")
    .description(t("teams:cli.package.description"))
    .requiredOption("--host <host>", t("teams:cli.package.host"))
    .option("--app-id <id>", t("teams:cli.package.appId"))
    .option("-o, --output <file>", t("teams:cli.package.out"), "jobbdialog-teams.zip")
    .action(async (options: { host: string; appId?: string; output: string }) => {
      const { buildTeamsPackage, isAppId, isHost } = await import("../../channels/teams/manifest.js");
      const appId = options.appId ?? runtime.config().MICROSOFT_APP_ID;
      if (!isAppId(appId)) throw new CliUsageError(t("teams:cli.package.errors.appId"));
      if (!isHost(options.host)) throw new CliUsageError(t("teams:cli.package.errors.host"));
      const { zip } = await buildTeamsPackage({ appId, host: options.host });
      writeFileSync(options.output, zip);
      runtime.stdout(t("teams:cli.package.wrote", { file: options.output, appId: appId.toLowerCase(), host: options.host.toLowerCase() }));
    });
}
