// Changes made by another process while the scheduler runs (`cli absence add`, a
// directory import, another server): the next tick re-plans exactly those persons,
// found through the change watermark, not by looking at everyone.
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { changeAbsence } from "../../src/app/absences.js";
import { runCli } from "../helpers/cli.js";
import { createWorld, oslo, type World } from "./helpers.js";

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe("changes from other processes", () => {
  it("plans reminders for an absence added with the CLI, and cancels them when another process ends the case", async () => {
    world = await createWorld(oslo("2026-01-06", "09:00"));
    const w = world;
    const lina = await w.person("lina");
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    await w.person("bystander");
    // New people are changes too (cheap: they have nothing to plan); then it is quiet.
    expect((await w.scheduler.tick(w.clock.now)).replanned).toBe(3);
    expect((await w.scheduler.tick(w.clock.now)).replanned).toBe(0);

    // HR registers the absence from the command line, a separate process.
    const added = await runCli(["absence", "add", "--employee", "ola@firma.test", "--start", "2026-01-05", "--grade", "100"], { env: { DATABASE_URL: w.tmp.url } });
    expect(added.code).toBe(0);
    const report = await w.scheduler.tick(w.clock.now);
    expect(report.replanned).toBe(1);
    const planned = await w.tmp.db.outbox.findMany({ where: { subjectId: ola.id, kind: "nudge", status: "pending", milestoneId: "no.followup_plan" }, orderBy: { dueAt: "asc" } });
    expect(planned.map((r) => [r.recipientId, r.dueAt.toISOString()])).toEqual([
      [lina.id, "2026-01-23T07:00:00.000Z"],
      [lina.id, "2026-01-29T07:00:00.000Z"],
      [lina.id, "2026-01-30T07:00:00.000Z"],
      [lina.id, "2026-02-02T07:00:00.000Z"],
    ]);
    expect((await w.tmp.db.person.findUniqueOrThrow({ where: { id: ola.id } })).remindersPlannedAt).not.toBeNull();
    // Nothing changed since: nobody is planned again.
    expect((await w.scheduler.tick(w.clock.now)).replanned).toBe(0);

    // Another process (its own connection, no scheduler) records that Ola is back after 15 Jan.
    const other = await openDatabase(w.tmp.url);
    try {
      const fresh = await other.db.person.findUniqueOrThrow({ where: { id: ola.id } });
      await changeAbsence(other.db, fresh, { kind: "back_at_work", lastSickDay: "2026-01-15" }, { label: "cli" }, "2026-01-06", "cli", new Date("2026-01-06T09:00:00Z"));
    } finally {
      await other.close();
    }
    expect((await w.scheduler.tick(w.clock.now)).replanned).toBe(1);
    expect(await w.tmp.db.outbox.count({ where: { subjectId: ola.id, kind: { in: ["nudge", "escalation"] }, status: "pending" } })).toBe(0);
    await w.advanceTo(oslo("2026-02-10", "12:00"));
    expect(w.slack.sent.filter((s) => s.summary.startsWith("Reminder"))).toEqual([]);
  });

  it("moves the reminders when the leader's time zone changes in a directory import", async () => {
    world = await createWorld(oslo("2026-01-06", "09:00"));
    const w = world;
    const lina = await w.person("lina");
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    await w.act(ola, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" });
    const csv = path.join(w.tmp.dir, "people.csv");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      csv,
      ["email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id", "lina@firma.test,Lina,,en,NO,Europe/Helsinki,U1,", "ola@firma.test,Ola,lina@firma.test,en,NO,Europe/Oslo,,"].join("\n"),
    );
    const imported = await runCli(["directory", "import", csv], { env: { DATABASE_URL: w.tmp.url } });
    expect(imported.code).toBe(0);
    expect((await w.scheduler.tick(w.clock.now)).replanned).toBeGreaterThanOrEqual(1);
    const first = await w.tmp.db.outbox.findFirstOrThrow({ where: { subjectId: ola.id, kind: "nudge", milestoneId: "no.followup_plan", status: "pending" }, orderBy: { dueAt: "asc" } });
    // 08:00 in Helsinki (UTC+2) on Friday 23 January.
    expect(first.dueAt.toISOString()).toBe("2026-01-23T06:00:00.000Z");
  });
});
