// Counts the SQL statements one command costs (status, report, plan), through the real
// conversation core wired as `serve` wires it (re-planning and delivery after each command).
// Counted at the driver: every statement better-sqlite3 prepares, whatever Prisma makes of it.
import Database from "better-sqlite3";
import { createTempDb } from "../test/helpers/tempDb.js";
import { importDirectory } from "../src/app/directory/importDirectory.js";
import { loadConfig } from "../src/config/env.js";
import { createLogger } from "../src/logging/logger.js";
import type { AppContext } from "../src/app/context.js";
import type { Command } from "../src/domain/messages/commands.js";
import { createServices } from "../src/app/services.js";
import { defaultSchedulerSettings } from "../src/app/reminders/settings.js";

let statements = 0;
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: Database.Database, sql: string) {
  statements += 1;
  if (process.env.TRACE_SQL) process.stdout.write(`    ${sql.replace(/\s+/g, " ").slice(0, 150)}\n`);
  return prepare.call(this, sql);
} as typeof prepare;

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,,",
  "ola@firma.no,Ola Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,,",
  "hanne@firma.no,Hanne HR,,en,NO,Europe/Oslo,,,hr;arr",
].join("\n");

export async function main(): Promise<void> {
  const tmp = await createTempDb();
  try {
    await importDirectory(tmp.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    const now = new Date("2026-11-23T09:00:00Z");
    const ctx: AppContext = { config: loadConfig({ DATABASE_URL: tmp.url, LOG_LEVEL: "silent" }), db: tmp.db, logger: createLogger("silent"), clock: () => now };
    const services = createServices(ctx, { settings: defaultSchedulerSettings("Europe/Oslo") });
    const { scheduler } = services;
    await scheduler.tick(now);
    const person = (email: string) => tmp.db.person.findUniqueOrThrow({ where: { email } });
    const [anne, ola, lise] = [await person("anne@firma.no"), await person("ola@firma.no"), await person("lise@firma.no")];
    // Ola has a case already, so the leader's status shows a team with a case.
    await services.conversation.handle(ola, { type: "report.submit", start: "2026-11-16", end: null, grade: 100, document: "egenmelding" }, "console");
    const count = async (label: string, who: typeof anne, command: Command) => {
      const before = statements;
      await services.conversation.handle(who, command, "console");
      const n = statements - before;
      process.stdout.write(`${label.padEnd(34)} ${String(n).padStart(4)} statements\n`);
    };
    await count("report.submit (employee)", anne, { type: "report.submit", start: "2026-11-20", end: null, grade: 100, document: "egenmelding" });
    await count("status (employee with a case)", anne, { type: "status" });
    await count("status (leader of two cases)", lise, { type: "status" });
    await count("plan (employee: starts dialogue)", anne, { type: "plan" });
    await count("plan (leader: chooses)", lise, { type: "plan" });
    await count("plan (leader: for Anne)", lise, { type: "plan", employeeId: anne.id });
    // The CPU the core spends on one command (no platform: the console channel), the mix of
    // bench slack-inbox, after a warm-up: what the inbox's throughput is made of, steadier
    // than a burst's figures on a busy machine.
    const mix: Array<[typeof anne, Command]> = [
      [anne, { type: "status" }],
      [ola, { type: "help" }],
      [lise, { type: "timeline" }],
      [lise, { type: "status" }],
    ];
    for (let i = 0; i < 200; i++) await services.conversation.handle(...mix[i % mix.length]!, "console");
    const rounds = 1_000;
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < rounds; i++) await services.conversation.handle(...mix[i % mix.length]!, "console");
    const used = process.cpuUsage(cpu);
    const wall = performance.now() - started;
    process.stdout.write(`core, status/help/timeline/status mix: ${((used.user + used.system) / 1000 / rounds).toFixed(2)} ms CPU, ${(wall / rounds).toFixed(2)} ms wall per command (${rounds} commands)\n`);
    await scheduler.stop();
  } finally {
    await tmp.dispose();
  }
}

// `npx tsx bench/queries.ts` runs it alone; `npm run bench -- queries` through the runner.
if (import.meta.url === `file://${process.argv[1]}`) await main();
