import type { Command } from "commander";
import { CliUsageError, type CliRuntime } from "../runtime.js";
import { parseLocale } from "../../i18n/index.js";

const workspaces = () => import("../../app/workspaces.js");

/**
 * `cli workspace list` and `cli workspace set [--id <id>] --locale <nb|nn|en|sv|da>`: the language of a
 * workspace's ARR channel, weekly digest and escalations (each person's own messages stay in their language).
 */
export function registerWorkspace(program: Command, runtime: CliRuntime): void {
  const { t } = runtime;
  const workspace = program.command("workspace").description(t("cli:workspace.description"));

  workspace
    .command("list")
    .description(t("cli:workspace.list.description"))
    .option("--json", t("cli:common.json"))
    .action(async (options: { json?: boolean }) => {
      const app = await runtime.app();
      const rows = await app.db.workspace.findMany({ orderBy: [{ platform: "asc" }, { externalId: "asc" }] });
      const { workspaceLocale } = await workspaces();
      if (options.json) {
        for (const w of rows) runtime.stdout(JSON.stringify({ id: w.id, platform: w.platform, externalId: w.externalId, locale: workspaceLocale(w), arrChannel: w.arrChannel !== null }));
        return;
      }
      if (rows.length === 0) {
        runtime.stdout(t("cli:workspace.list.none"));
        return;
      }
      runtime.stdout(t("cli:workspace.list.header"));
      for (const w of rows) runtime.stdout(`${w.platform.padEnd(9)} ${w.externalId.padEnd(21)} ${workspaceLocale(w).padEnd(6)} ${w.arrChannel ? "✓" : "–"}`);
    });

  workspace
    .command("set")
    .description(t("cli:workspace.set.description"))
    .option("--id <id>", t("cli:workspace.set.id"))
    .option("--locale <locale>", t("cli:workspace.set.locale"))
    .action(async (options: { id?: string; locale?: string }) => {
      if (options.locale === undefined) throw new CliUsageError(t("cli:workspace.set.need"));
      const locale = parseLocale(options.locale);
      if (!locale) throw new CliUsageError(t("cli:workspace.errors.badLocale", { value: options.locale }));
      const app = await runtime.app();
      const { ensureWorkspace, setWorkspaceLocale } = await workspaces();
      let target: Awaited<ReturnType<typeof app.db.workspace.findFirst>>;
      if (options.id !== undefined) {
        target = await app.db.workspace.findFirst({ where: { OR: [{ id: options.id }, { externalId: options.id }] } });
        if (!target) throw new CliUsageError(t("cli:workspace.errors.unknown", { value: options.id }));
      } else {
        // Without --id: the only platform workspace there is, or the local one (console and CLI).
        const platform = await app.db.workspace.findMany({ where: { platform: { not: "local" } } });
        if (platform.length > 1) throw new CliUsageError(t("cli:workspace.errors.ambiguous", { count: platform.length }));
        target = platform[0] ?? (await ensureWorkspace(app.db, "local", "local"));
      }
      const updated = await setWorkspaceLocale(app.db, target.id, locale);
      runtime.stdout(t("cli:workspace.set.done", { platform: updated.platform, id: updated.externalId, language: t(`common:languages.${locale}`), locale }));
    });
}
