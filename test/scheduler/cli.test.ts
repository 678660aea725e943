// The scheduler's CLI as an operator uses it, in real processes against a temporary
// database: `tick --now`, `reminders list`, `directory substitute`, and `demo`.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tempDb.js";

const dir = tempDir();
const env = { DATABASE_URL: `file:${path.join(dir, "cli.db")}` };

interface Row {
  id: string;
  kind: string;
  milestoneId: string | null;
  measure: string | null;
  recipientEmail: string | null;
  channel: string | null;
  dueAt: string;
  status: string;
  sentAt: string | null;
}

// Each CLI call is a process start (a few seconds on a loaded machine): generous timeouts.
const SLOW = 400_000;

const rowsOf = (stdout: string): Row[] => stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Row);

// Spawns tsx processes; on a loaded 2-core machine one can take minutes.
describe("scheduler CLI", { timeout: 180_000 }, () => {
  it("answers --help for its commands", async () => {
    for (const args of [["tick", "--help"], ["reminders", "list", "--help"], ["reminders", "replan", "--help"], ["directory", "substitute", "--help"], ["demo", "--help"]]) {
      const result = await runCli(args, { env });
      expect(result.code, args.join(" ")).toBe(0);
      expect(result.stdout).toMatch(/Usage:/);
    }
  }, SLOW);

  it("ticks as if it were a given time, lists what was planned and sent, and handles a substitute", async () => {
    const csv = path.join(dir, "people.csv");
    writeFileSync(
      csv,
      [
        "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
        "leder@firma.no,Lise Leder,,en,NO,Europe/Oslo,,,",
        "vikar@firma.no,Vidar Vikar,,en,NO,Europe/Oslo,,,",
        "team@firma.no,Tina Team,vikar@firma.no,en,NO,Europe/Oslo,,,",
        "ansatt@firma.no,Anne Ansatt,leder@firma.no,en,NO,Europe/Oslo,,,",
        "hr@firma.no,Hege HR,,en,NO,Europe/Oslo,,,hr",
      ].join("\n"),
    );
    expect((await runCli(["directory", "import", csv], { env })).code).toBe(0);
    expect((await runCli(["absence", "add", "--employee", "ansatt@firma.no", "--start", "2026-01-05", "--grade", "100"], { env })).code).toBe(0);

    const bad = await runCli(["tick", "--now", "next tuesday"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--now must be an ISO date-time/);
    // A date that does not exist is refused, not rolled over into March.
    const february31 = await runCli(["tick", "--now", "2026-02-31T09:00"], { env });
    expect(february31.code).toBe(2);
    expect(february31.stderr).toMatch(/--now must be an ISO date-time.*2026-02-31T09:00/);

    const tick = await runCli(["tick", "--now", "2026-01-23T08:00:00+01:00", "--json"], { env });
    expect(tick.stderr).toBe("");
    expect(tick.code).toBe(0);
    const report = JSON.parse(tick.stdout) as { at: string; replanned: number; delivery: { sent: number } };
    expect(report.at).toBe("2026-01-23T07:00:00.000Z");
    expect(report.delivery.sent).toBe(2); // the follow-up plan and the plan to the doctor, 5 working days before

    const listed = await runCli(["reminders", "list", "--person", "leder@firma.no", "--json"], { env });
    expect(listed.code).toBe(0);
    const rows = rowsOf(listed.stdout);
    const sent = rows.filter((r) => r.status === "sent");
    expect(sent.map((r) => [r.kind, r.milestoneId, r.recipientEmail, r.channel, r.dueAt, r.sentAt]).sort()).toEqual(
      [
        ["nudge", "no.followup_plan", "leder@firma.no", "console", "2026-01-23T07:00:00.000Z", "2026-01-23T07:00:00.000Z"],
        ["nudge", "no.plan_to_sykmelder", "leder@firma.no", "console", "2026-01-23T07:00:00.000Z", "2026-01-23T07:00:00.000Z"],
      ].sort(),
    );
    expect(rows.some((r) => r.status === "pending" && r.milestoneId === "no.followup_plan" && r.dueAt === "2026-01-30T07:00:00.000Z")).toBe(true);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["id", "kind", "milestoneId", "measure", "recipientEmail", "channel", "dueAt", "status", "sentAt"]));
    const text = await runCli(["reminders", "list", "--person", "ansatt@firma.no"], { env });
    expect(text.stdout).toMatch(/no\.followup_plan/);
    const failed = await runCli(["reminders", "list", "--failed"], { env });
    expect(failed.stdout.trim()).toBe("No reminders.");

    // Lise is away next week: Vidar covers.
    for (const args of [
      ["directory", "substitute", "--leader", "leder@firma.no", "--substitute", "vikar@firma.no", "--from", "2026-13-01"],
      ["directory", "substitute", "--leader", "leder@firma.no", "--substitute", "vikar@firma.no"],
      ["directory", "substitute", "--leader", "leder@firma.no", "--substitute", "leder@firma.no", "--from", "2026-01-26"],
    ]) {
      const refused = await runCli(args, { env });
      expect(refused.code, args.join(" ")).toBe(2);
    }
    // The employee on sick leave, one of Lise's own team: refused with the reason (issue 10).
    const sick = await runCli(["directory", "substitute", "--leader", "leder@firma.no", "--substitute", "ansatt@firma.no", "--from", "2026-01-26"], { env });
    expect([sick.code, sick.stderr]).toEqual([2, expect.stringMatching(/ansatt@firma.no is on your team and can't be your substitute/)]);
    const covered = await runCli(["directory", "substitute", "--leader", "leder@firma.no", "--substitute", "vikar@firma.no", "--from", "2026-01-26", "--until", "2026-01-30"], { env });
    expect(covered.code).toBe(0);
    expect(covered.stdout).toMatch(/vikar@firma.no covers for leder@firma.no from 2026-01-26 until 2026-01-30/);
    // The scheduler's next pass sees the change and re-plans the team.
    expect((await runCli(["tick", "--now", "2026-01-23T09:00:00+01:00"], { env })).code).toBe(0);
    const forVikar = rowsOf((await runCli(["reminders", "list", "--person", "vikar@firma.no", "--json"], { env })).stdout);
    expect(forVikar.filter((r) => r.kind === "nudge" && r.status === "pending").map((r) => r.dueAt).sort()).toEqual([
      "2026-01-29T07:00:00.000Z",
      "2026-01-29T07:00:00.000Z",
      "2026-01-30T07:00:00.000Z",
      "2026-01-30T07:00:00.000Z",
    ]);
    const ended = await runCli(["directory", "substitute", "--leader", "leder@firma.no", "--end"], { env });
    expect(ended.code).toBe(0);
    expect(ended.stdout).toMatch(/Ended 1/);
    expect((await runCli(["tick", "--now", "2026-01-23T09:05:00+01:00"], { env })).code).toBe(0);
    const afterEnd = rowsOf((await runCli(["reminders", "list", "--person", "vikar@firma.no", "--json"], { env })).stdout);
    expect(afterEnd.filter((r) => r.kind === "nudge" && r.status === "pending")).toEqual([]);
  }, SLOW);

  it("plays the demo in seconds on a temporary database", async () => {
    const demo = await runCli(["demo"], { env });
    expect(demo.stderr).toBe("");
    expect(demo.code).toBe(0);
    const out = demo.stdout;
    for (const expected of [
      "Ola Nordmann > sick",
      "Lina Leder gets 2 messages:",
      "Reminder: Follow-up plan for Ola Nordmann",
      "You stopped at step",
      "The ARR team's channel gets 1 message:",
      "Overdue: Send the plan to the doctor for Ola Nordmann",
      "Measure due: Shorter working days",
      "Welcome back! Your leader has been told.",
      "The case has ended: 0 reminders remain planned.",
      // The closing timeline: the employee's whole case, then the ARR team's summary-level view.
      "== Timeline for Ola Nordmann ==",
      "Summary of version 1 sent to the ARR team",
      "Overdue: Send the plan to the doctor (deadline 1 Feb 2026)",
      "(The ARR team sees a summary, with the employee's consent",
    ]) {
      expect(out).toContain(expected);
    }
    expect(out).toMatch(/\d+ reminders sent, \d+ cancelled/);
  }, SLOW);
});
