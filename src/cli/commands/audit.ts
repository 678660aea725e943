import type { Command } from "commander";
import type { CliRuntime } from "../runtime.js";

/**
 * `cli audit export --employee <email> --as <hr email> [--json]`: the audit log of one
 * employee's case, for HR. Who exports is named, checked against the permission table
 * ("audit.export": HR only) and the export is itself logged as a read of the case.
 */
export function registerAudit(program: Command, runtime: CliRuntime): void {
  const { t } = runtime;
  const audit = program.command("audit").description(t("access:cli.description"));
  audit
    .command("export")
    .description(t("access:cli.export.description"))
    .requiredOption("--employee <email>", t("access:cli.export.employee"))
    .requiredOption("--as <email>", t("access:cli.export.as"))
    .option("--json", t("cli:common.json"))
    .action(async (options: { employee: string; as: string; json?: boolean }) => {
      const app = await runtime.app();
      const { findPersonByEmail, requirePersonByEmail, todayFor } = await import("../../app/people.js");
      const { describeActor, describeEntry, exportAuditLog } = await import("../../app/auditLog.js");
      const viewer = await requirePersonByEmail(app.db, options.as);
      // An unknown employee gets the same refusal as someone else's case (nothing leaks).
      const employee = await findPersonByEmail(app.db, options.employee);
      const rows = await exportAuditLog(app.db, viewer, employee, todayFor(viewer, app.clock()));
      if (options.json) {
        for (const r of rows) {
          runtime.stdout(JSON.stringify({ at: r.at.toISOString(), actorEmail: r.actorEmail, actorName: r.actorName, actorLabel: r.actorLabel, action: r.action, entity: r.entity, entityId: r.entityId, detail: r.detail }));
        }
        return;
      }
      if (rows.length === 0) {
        runtime.stdout(t("access:cli.export.none", { email: options.employee }));
        return;
      }
      runtime.stdout(t("access:cli.export.header"));
      for (const r of rows) {
        const { who, role } = describeActor(r, t);
        const what = r.action === "read" ? describeEntry(r, t) : `${r.entity} ${String(r.detail?.op ?? "")}`.trim();
        runtime.stdout([r.at.toISOString(), r.actorEmail ? `${who} <${r.actorEmail}>` : who, role, r.action, what].join("\t"));
      }
    });
}
