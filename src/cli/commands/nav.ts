// `cli nav verify` (does the Maskinporten setup reach NAV's LPS API?) and
// `cli plan send` (an operator sends a confirmed plan version to NAV and/or the doctor).
import { type Command } from "commander";
import { CliUsageError, readStdin, type CliRuntime } from "../runtime.js";
import { CLI_ACTOR } from "../../app/audit.js";
import { UserError } from "../../app/errors.js";

export function registerNav(program: Command, runtime: CliRuntime): void {
  const { t } = runtime;
  const nav = program.command("nav").description(t("nav:cli.description"));
  nav
    .command("verify")
    .description(t("nav:cli.verify.description"))
    .action(async () => {
      const config = runtime.config();
      const { missingNavSettings } = await import("../../config/env.js");
      if (!config.nav) throw new UserError("nav:errors.notConfigured", { missing: missingNavSettings(config).join(", ") });
      const { createNavIntegration } = await import("../../integrations/nav/index.js");
      const outcome = await createNavIntegration(config.nav).lps.verifyIntegration();
      if (outcome.ok) {
        runtime.stdout(t("nav:cli.verify.ok", { url: config.nav.apiUrl, answer: outcome.value }));
        return;
      }
      runtime.stderr(t("nav:cli.verify.failed", { url: config.nav.apiUrl, reason: outcome.message }));
      runtime.exitCode = 1;
    });
}

export function registerPlanSend(plan: Command, runtime: CliRuntime): void {
  const { t } = runtime;
  plan
    .command("send")
    .description(t("nav:cli.send.description"))
    .requiredOption("--employee <email>", t("cli:absence.options.employee"))
    .option("--version <n>", t("nav:cli.send.version"))
    .requiredOption("--national-id <digits>", t("nav:cli.send.nationalId"))
    .option("--to <recipients>", t("nav:cli.send.to"))
    .option("--contact-phone <phone>", t("nav:cli.send.contactPhone"))
    .action(async (options: { employee: string; version?: string; nationalId: string; to?: string; contactPhone?: string }) => {
      const version = options.version === undefined ? undefined : Number(options.version);
      if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw new CliUsageError(t("cli:plan.errors.badVersion", { value: options.version }));
      const recipients = options.to === undefined ? undefined : parseRecipients(options.to);
      if (recipients === null) throw new CliUsageError(t("nav:cli.send.badTo", { value: options.to }));
      const config = runtime.config();
      const { missingNavSettings } = await import("../../config/env.js");
      // Say what is missing before touching the database.
      if (!config.nav) throw new UserError("nav:errors.notConfigured", { missing: missingNavSettings(config).join(", ") });
      const app = await runtime.app();
      const { attachPlatformChannels } = await import("../../scheduler/channels.js");
      const { requirePersonByEmail } = await import("../../app/people.js");
      const { requestNavSend } = await import("../../app/nav/send.js");
      const { todayFor } = await import("../../app/people.js");
      const { recipientsText, errorText } = await import("../../app/nav/messages.js");
      const employee = await requirePersonByEmail(app.db, options.employee);
      // "-" keeps the number out of the shell history and the process list.
      const nationalId = options.nationalId === "-" ? ((await readStdin(runtime.io)).split("\n")[0] ?? "").trim() : options.nationalId;
      const services = await runtime.services();
      const platforms = await attachPlatformChannels(app.config, app.logger, services);
      try {
        const result = await requestNavSend(app, {
          employee,
          actor: CLI_ACTOR,
          ...(version !== undefined ? { version } : {}),
          nationalId,
          ...(recipients ? { recipients } : {}),
          ...(options.contactPhone ? { contactPhone: options.contactPhone } : {}),
          today: todayFor(employee, app.clock()),
        });
        const v = result.sendable.version.version;
        if (result.already.length > 0) runtime.stdout(t("nav:already", { version: v, recipients: recipientsText(t, result.already) }));
        if (result.recipients.length === 0) return;
        // The first attempt now; retries (NAV down) are the server's tick's, with backoff.
        await services.deliver();
        const rows = await app.db.navSubmission.findMany({ where: { planId: result.sendable.plan.id, version: v, recipient: { in: result.recipients } } });
        const job = await app.db.outbox.findUnique({ where: { idempotencyKey: result.outboxKey! } });
        for (const row of rows) {
          const who = recipientsText(t, [row.recipient]);
          if (row.status === "sent") runtime.stdout(t("nav:cli.send.sent", { recipient: who, version: v, uuid: row.navUuid }));
          else if (row.status === "accepted") runtime.stdout(t("nav:cli.send.accepted", { recipient: who, version: v, uuid: row.navUuid }));
          else if (row.status === "failed") {
            runtime.stderr(t("nav:cli.send.refused", { recipient: who, reason: errorText(t, row.errorType ?? "OTHER", "requester") }));
            runtime.exitCode = 1;
          } else runtime.stdout(t("nav:cli.send.retrying", { recipient: who, at: job?.dueAt.toISOString() ?? "" }));
        }
      } finally {
        await platforms.stop();
      }
    });
}

function parseRecipients(text: string): Array<"nav" | "doctor"> | null {
  const parts = text.split(",").map((p) => p.trim().toLowerCase()).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => p !== "nav" && p !== "doctor")) return null;
  return [...new Set(parts)] as Array<"nav" | "doctor">;
}
