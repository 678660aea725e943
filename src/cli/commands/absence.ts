import { type Command, Option } from "commander";
import { CliUsageError, type CliRuntime } from "../runtime.js";
import { CLI_ACTOR } from "../../app/audit.js";

// Use cases are loaded on use, so `--help` and other commands start fast.
const absences = () => import("../../app/absences.js");
const people = () => import("../../app/people.js");

export function registerAbsence(program: Command, runtime: CliRuntime): void {
  const { t } = runtime;
  const absence = program.command("absence").description(t("cli:absence.description"));

  absence
    .command("add")
    .description(t("cli:absence.add.description"))
    .requiredOption("--employee <email>", t("cli:absence.options.employee"))
    .requiredOption("--start <date>", t("cli:absence.options.start"))
    .option("--end <date>", t("cli:absence.options.end"))
    .option("--grade <percent>", t("cli:absence.options.grade"))
    .addOption(new Option("--type <type>", t("cli:absence.options.type")).choices(["sick", "vacation"]).default("sick"))
    .addOption(new Option("--document <kind>", t("cli:absence.options.document")).choices(["egenmelding", "sykmelding"]))
    .option("--json", t("cli:common.json"))
    .action(async (options: { employee: string; start: string; end?: string; grade?: string; type: string; document?: string; json?: boolean }) => {
      const grade = options.grade === undefined ? undefined : Number(options.grade);
      if (grade !== undefined && !Number.isFinite(grade)) throw new CliUsageError(t("absence:errors.badGrade", { value: options.grade }));
      const app = await runtime.app();
      const { requirePersonByEmail, todayFor } = await people();
      const employee = await requirePersonByEmail(app.db, options.employee);
      const today = todayFor(employee, app.clock());
      const result = await (await absences()).registerAbsence(app.db, {
        employee,
        input: { start: options.start, end: options.end ?? null, grade: grade ?? null, type: options.type, document: options.document ?? null },
        via: "cli",
        actor: CLI_ACTOR,
        today,
        now: app.clock(),
      });
      const p = result.period;
      if (options.json) {
        runtime.stdout(JSON.stringify({ id: p.id, start: p.startDate, end: p.endDate, grade: p.grade, type: p.type, document: p.document, caseStart: result.caseOfPeriod?.result.start ?? null }));
      } else {
        runtime.stdout(t("cli:absence.add.done", { email: employee.email, start: p.startDate, end: p.endDate ?? "…", grade: p.grade, type: p.type, caseStart: result.caseOfPeriod?.result.start ?? "-" }));
      }
    });

  absence
    .command("list")
    .description(t("cli:absence.list.description"))
    .requiredOption("--employee <email>", t("cli:absence.options.employee"))
    .option("--json", t("cli:common.json"))
    .action(async (options: { employee: string; json?: boolean }) => {
      const app = await runtime.app();
      const employee = await (await people()).requirePersonByEmail(app.db, options.employee);
      const periods = await (await absences()).listAbsences(app.db, employee, CLI_ACTOR);
      const rows = periods.map((p) => ({ id: p.id, start: p.startDate, end: p.endDate, grade: p.grade, type: p.type, document: p.document, reportedVia: p.reportedVia, reportedOn: p.reportedOn }));
      if (options.json) {
        runtime.stdout(JSON.stringify(rows));
        return;
      }
      if (rows.length === 0) runtime.stdout(t("cli:absence.list.none", { email: employee.email }));
      for (const r of rows) runtime.stdout(`${r.start} → ${r.end ?? "…"}  ${r.type === "sick" ? `${r.grade} %` : t("cli:absence.vacation")}  ${r.document ?? ""}  (${r.reportedVia})`);
    });
}
