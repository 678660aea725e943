import { writeFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { CliUsageError, type CliRuntime } from "../runtime.js";
import { CLI_ACTOR } from "../../app/audit.js";
import { SUPPORTED_LOCALES, type Locale } from "../../i18n/index.js";
import { registerPlanSend } from "./nav.js";

export function registerPlan(program: Command, runtime: CliRuntime): void {
  const { t } = runtime;
  const plan = program.command("plan").description(t("cli:plan.description"));
  plan
    .command("export")
    .description(t("cli:plan.export.description"))
    .requiredOption("--employee <email>", t("cli:absence.options.employee"))
    .addOption(new Option("--format <format>", t("cli:plan.export.format")).choices(["lps", "md", "pdf"]).makeOptionMandatory())
    .option("--version <n>", t("cli:plan.export.version"))
    .option("-o, --output <file>", t("cli:plan.export.output"))
    .addOption(new Option("--locale <locale>", t("cli:plan.export.locale")).choices([...SUPPORTED_LOCALES]))
    .option("--national-id <digits>", t("cli:plan.export.nationalId"))
    .option("--contact-phone <phone>", t("cli:plan.export.contactPhone"))
    .addOption(new Option("--timeline <role>", t("cli:plan.export.timeline")).choices(["employee", "leader", "hr", "arr", "none"]).default("hr"))
    .action(async (options: { employee: string; format: "lps" | "md" | "pdf"; version?: string; output?: string; locale?: Locale; nationalId?: string; contactPhone?: string; timeline: "employee" | "leader" | "hr" | "arr" | "none" }) => {
      const version = options.version === undefined ? undefined : Number(options.version);
      if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw new CliUsageError(t("cli:plan.errors.badVersion", { value: options.version }));
      if (options.format === "pdf" && !options.output && runtime.io.stdout.isTTY) throw new CliUsageError(t("cli:plan.errors.pdfNeedsOutput"));
      const app = await runtime.app();
      const { requirePersonByEmail } = await import("../../app/people.js");
      const { localeFor } = await import("../../app/locale.js");
      const { exportPlan } = await import("../../app/planExport.js");
      const employee = await requirePersonByEmail(app.db, options.employee);
      const result = await exportPlan(app.db, {
        employee,
        format: options.format,
        ...(version !== undefined ? { version } : {}),
        locale: options.locale ?? (await localeFor(app.db, employee)),
        actor: CLI_ACTOR,
        ...(options.nationalId ? { nationalId: options.nationalId } : {}),
        ...(options.contactPhone ? { contactPhone: options.contactPhone } : {}),
        timeline: options.timeline,
        now: app.clock(),
      });
      if (options.output) writeFileSync(options.output, result.body);
      else runtime.io.stdout.write(result.body);
    });
  registerPlanSend(plan, runtime);
}
