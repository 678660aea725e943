// Benchmark of the milestone engine: 100,000 synthetic employees with realistic sick-leave
// histories (seeded, so every run sees the same data), evaluated as one scheduler pass would.
// Run: npx tsx bench/milestones.ts [employees] [passes]
import { pathToFileURL } from "node:url";
import { evaluateMilestones, type Jurisdiction, type MilestoneInput } from "../src/domain/milestones/index.js";
import { toEpochDay, toIsoDate } from "../src/domain/time/localDate.js";
import { prng } from "./prng.js";

type Period = MilestoneInput["periods"][number];


const TODAY = "2026-06-15";
const HISTORY_DAYS = 3 * 365;

/** One employee's history: 0–6 sick periods over three years, some graded, egenmelding, vacation, open. */
function generateEmployee(random: () => number): MilestoneInput {
  const pick = random();
  const jurisdiction: Jurisdiction = pick < 0.5 ? "NO" : pick < 0.8 ? "SE" : "DK";
  const today = toEpochDay(TODAY);
  const count = Math.floor(random() * 7);
  const periods: Period[] = [];
  let day = today - HISTORY_DAYS + Math.floor(random() * 120);
  for (let i = 0; i < count && day < today; i++) {
    const kind = random();
    // Mostly short absences, some medium, a few long ones (the tail that reaches the late milestones).
    const length = kind < 0.35 ? 1 + Math.floor(random() * 3) : kind < 0.75 ? 4 + Math.floor(random() * 14) : kind < 0.93 ? 18 + Math.floor(random() * 60) : 80 + Math.floor(random() * 320);
    const graded = kind >= 0.35 && random() < 0.25;
    const isLast = i === count - 1;
    const end = day + length - 1;
    const open = isLast && end >= today - 30 && random() < 0.6;
    const reportedLate = random() < 0.1;
    const period: Period = {
      start: toIsoDate(day),
      end: open ? null : toIsoDate(end),
      grade: graded ? 20 + 10 * Math.floor(random() * 7) : 100,
      type: "sick",
      document: length <= 3 && jurisdiction === "NO" ? "egenmelding" : "sykmelding",
    };
    if (reportedLate) period.reportedOn = toIsoDate(Math.min(today, day + Math.floor(random() * 200)));
    periods.push(period);
    // A follow-up sykmelding right after (extension), a vacation right after, or back at work for a while.
    const next = random();
    if (next < 0.2) {
      day = end + 1;
    } else if (next < 0.3) {
      const vacationLength = 7 + Math.floor(random() * 15);
      periods.push({ start: toIsoDate(end + 1), end: toIsoDate(end + vacationLength), type: "vacation" });
      day = end + vacationLength + 1 + Math.floor(random() * 20);
    } else {
      day = end + 2 + Math.floor(random() * 200);
    }
  }
  return { jurisdiction, periods, today: TODAY };
}

export function generateEmployees(count: number, seed = 20260615): MilestoneInput[] {
  const random = prng(seed);
  const employees: MilestoneInput[] = new Array<MilestoneInput>(count);
  for (let i = 0; i < count; i++) employees[i] = generateEmployee(random);
  return employees;
}

interface PassResult {
  ms: number;
  cases: number;
  milestones: number;
  peakRss: number;
  peakHeapUsed: number;
}

function runPass(employees: readonly MilestoneInput[]): PassResult {
  let cases = 0;
  let milestones = 0;
  let peakRss = 0;
  let peakHeapUsed = 0;
  const sample = (): void => {
    const usage = process.memoryUsage();
    if (usage.rss > peakRss) peakRss = usage.rss;
    if (usage.heapUsed > peakHeapUsed) peakHeapUsed = usage.heapUsed;
  };
  sample();
  const started = process.hrtime.bigint();
  for (let i = 0; i < employees.length; i++) {
    const evaluation = evaluateMilestones(employees[i]!);
    cases += evaluation.cases.length;
    for (const c of evaluation.cases) milestones += c.milestones.length;
    if ((i & 4095) === 0) sample();
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  sample();
  return { ms, cases, milestones, peakRss, peakHeapUsed };
}

const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(1);

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const count = Number(argv[0] ?? 100_000);
  const passes = Number(argv[1] ?? 3);
  const employees = generateEmployees(count);
  const periods = employees.reduce((sum, e) => sum + e.periods.length, 0);
  console.log(`${count} employees, ${periods} periods (seeded), today ${TODAY}`);
  let best: PassResult | undefined;
  let peakRss = 0;
  let peakHeapUsed = 0;
  for (let pass = 1; pass <= passes; pass++) {
    const r = runPass(employees);
    peakRss = Math.max(peakRss, r.peakRss);
    peakHeapUsed = Math.max(peakHeapUsed, r.peakHeapUsed);
    console.log(
      `pass ${pass}: ${r.ms.toFixed(0)} ms, ${r.cases} cases, ${r.milestones} milestones, ` +
        `${Math.round((r.cases / r.ms) * 1000)} cases/s, ${Math.round((count / r.ms) * 1000)} employees/s`,
    );
    if (!best || r.ms < best.ms) best = r;
  }
  if (!best) return;
  console.log(
    `best: ${Math.round((best.cases / best.ms) * 1000)} cases/s, ${Math.round((count / best.ms) * 1000)} employees/s; ` +
      `peak rss ${mb(peakRss)} MB, peak heapUsed ${mb(peakHeapUsed)} MB`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
