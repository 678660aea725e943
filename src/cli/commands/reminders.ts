import type { Command } from "commander";
import { CliUsageError, type CliRuntime } from "../runtime.js";

/** `cli reminders list|replan`: what the scheduler planned and sent, and re-planning on demand. */
export function registerReminders(program: Command, runtime: CliRuntime): void {
  const { t } = runtime;
  const reminders = program.command("reminders").description(t("reminders:cli.reminders.description"));

  reminders
    .command("list")
    .description(t("reminders:cli.reminders.list.description"))
    .option("--person <email>", t("reminders:cli.reminders.list.person"))
    .option("--failed", t("reminders:cli.reminders.list.failed"))
    .option("--limit <n>", t("reminders:cli.reminders.list.limit"), "500")
    .option("--json", t("cli:common.json"))
    .action(async (options: { person?: string; failed?: boolean; limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 0) throw new CliUsageError(`--limit: ${options.limit}`);
      const app = await runtime.app();
      const { requirePersonByEmail } = await import("../../app/people.js");
      const { listReminders } = await import("../../app/reminders/list.js");
      const person = options.person ? await requirePersonByEmail(app.db, options.person) : undefined;
      const { rows, total } = await listReminders(app.db, { ...(person ? { personId: person.id } : {}), failed: options.failed ?? false, limit });
      if (options.json) {
        for (const row of rows) runtime.stdout(JSON.stringify(row));
      } else if (rows.length === 0) {
        runtime.stdout(t("reminders:cli.reminders.list.none"));
      } else {
        // Times as the recipient saw them (their zone; the ARR channel's is TZ_DEFAULT), with the zone named.
        const { DateTime } = await import("luxon");
        const local = (iso: string | null, zone: string) => (iso ? DateTime.fromISO(iso).setZone(zone).toFormat("yyyy-MM-dd HH:mm ZZZZ") : "-");
        const h = (key: string) => t(`reminders:cli.reminders.list.header.${key}`);
        const table: string[][] = [[h("due"), h("status"), h("kind"), h("to"), h("channel"), h("sent"), h("about")]];
        for (const r of rows) {
          const what = r.milestoneId ?? (r.measure ? `"${r.measure}"` : "");
          const to = r.target === "arr" ? "ARR" : (r.recipientEmail ?? "?");
          const zone = r.recipientTimeZone ?? app.config.TZ_DEFAULT;
          const error = r.lastError && r.status !== "sent" ? `  [${r.attempts}× ${r.lastError}]` : "";
          table.push([local(r.dueAt, zone), r.status, r.kind, to, r.channel ?? "-", local(r.sentAt, zone), `${what}${error}`]);
        }
        const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
        for (const row of table) runtime.stdout(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  "));
      }
      if (rows.length < total) runtime.stderr(t("reminders:cli.reminders.list.truncated", { shown: rows.length, total }));
    });

  reminders
    .command("replan")
    .description(t("reminders:cli.reminders.replan.description"))
    .option("--person <email>", t("reminders:cli.reminders.replan.person"))
    .option("--all", t("reminders:cli.reminders.replan.all"))
    .action(async (options: { person?: string; all?: boolean }) => {
      if (!options.person && !options.all) throw new CliUsageError(t("reminders:cli.reminders.replan.need"));
      const services = await runtime.services();
      const app = services.ctx;
      const { requirePersonByEmail } = await import("../../app/people.js");
      const { personsToBootstrap } = await import("../../app/reminders/changes.js");
      const { planner } = services;
      const ids = options.person ? [(await requirePersonByEmail(app.db, options.person)).id] : await personsToBootstrap(app);
      const sum = { count: 0, created: 0, moved: 0, revived: 0, cancelled: 0 };
      for (const id of ids) {
        const r = await planner.replan(id);
        sum.count += 1;
        sum.created += r.created;
        sum.moved += r.moved;
        sum.revived += r.revived;
        sum.cancelled += r.cancelled;
      }
      runtime.stdout(t("reminders:cli.reminders.replan.done", sum));
    });
}

/**
 * `cli directory substitute --leader <email> --substitute <email> --from YYYY-MM-DD [--until …]`
 * and `--end`: registered under `directory` (see directory.ts), kept here with the reminders it routes.
 */
export function registerSubstitute(directory: Command, runtime: CliRuntime): void {
  const { t } = runtime;
  directory
    .command("substitute")
    .description(t("reminders:cli.substitute.description"))
    .requiredOption("--leader <email>", t("reminders:cli.substitute.leader"))
    .option("--substitute <email>", t("reminders:cli.substitute.substitute"))
    .option("--from <date>", t("reminders:cli.substitute.from"))
    .option("--until <date>", t("reminders:cli.substitute.until"))
    .option("--end", t("reminders:cli.substitute.end"))
    .action(async (options: { leader: string; substitute?: string; from?: string; until?: string; end?: boolean }) => {
      const { isIsoDate } = await import("../../domain/time/localDate.js");
      for (const [option, value] of [["--from", options.from], ["--until", options.until]] as const) {
        if (value !== undefined && !isIsoDate(value)) throw new CliUsageError(t("reminders:cli.substitute.badDate", { option, value }));
      }
      if (!options.end && (!options.substitute || !options.from)) throw new CliUsageError(t("reminders:cli.substitute.need"));
      if (options.from && options.until && options.until < options.from) throw new CliUsageError(t("reminders:cli.substitute.order"));
      const app = await runtime.app();
      const { requirePersonByEmail } = await import("../../app/people.js");
      const { setSubstitute, endSubstitutes, afterSubstituteChange } = await import("../../app/reminders/substitutes.js");
      const leader = await requirePersonByEmail(app.db, options.leader);
      const substitute = options.substitute ? await requirePersonByEmail(app.db, options.substitute) : undefined;
      if (substitute && substitute.id === leader.id) throw new CliUsageError(t("reminders:cli.substitute.same"));
      if (substitute && !options.end) {
        const { substituteProblem } = await import("../../app/reminders/substitutes.js");
        const { UserError } = await import("../../app/errors.js");
        const { localDateOf } = await import("../../domain/time/zone.js");
        const problem = await substituteProblem(app.db, leader, substitute, localDateOf(app.clock(), leader.timeZone), app.clock());
        if (problem) throw new UserError(`reminders:substitute.refused.${problem}`, { name: substitute.email });
      }
      // The team is re-planned by the scheduler's next tick, which sees the change in the
      // database (as after `absence add`): a tick may run in simulated time (`tick --now`).
      if (options.end) {
        const count = await endSubstitutes(app.db, leader, app.clock(), substitute?.id);
        await afterSubstituteChange(app, undefined, leader);
        runtime.stdout(t("reminders:cli.substitute.ended", { count, leader: leader.email }));
        return;
      }
      const row = await setSubstitute(app.db, leader, substitute!, options.from!, options.until ?? null);
      await afterSubstituteChange(app, undefined, leader, row);
      runtime.stdout(t("reminders:cli.substitute.set", { substitute: substitute!.email, leader: leader.email, from: row.fromDate, until: row.untilDate ?? t("reminders:cli.substitute.openEnd") }));
    });
}
