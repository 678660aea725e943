// Whole cases in simulated time, through the real conversation core, planner,
// dispatcher and scheduler: the right nudges on the right local days and hours, in
// all three jurisdictions (a weekend deadline, public holidays, a DST change), snooze
// and done, escalation when overdue, nothing after the case ends, and back on revival.
import { afterEach, describe, expect, it } from "vitest";
import { isWithinWorkingTime } from "../../src/domain/reminders/index.js";
import { createWorld, oslo, sendsAbout, type World } from "./helpers.js";

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

async function caseIdOf(w: World, personId: string): Promise<string> {
  const row = await w.tmp.db.sickCase.findFirstOrThrow({ where: { personId, voidedAt: null }, orderBy: { startDate: "desc" } });
  return row.id;
}

function assertWorkingTime(w: World, zone = "Europe/Oslo", jurisdiction: "NO" | "DK" | "SE" = "NO", ignore: (summary: string) => boolean = () => false): void {
  for (const s of w.slack.sent) {
    if (ignore(s.summary)) continue;
    expect(isWithinWorkingTime(s.at, zone, jurisdiction), `${s.summary} at ${s.at.toISOString()}`).toBe(true);
  }
}

describe("a Norwegian case", () => {
  it("nudges the leader before a Sunday deadline, on the Friday, the Monday after, escalates to HR, and stops what is done", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const lina = await w.person("lina");
    const hanne = await w.person("hanne", { roles: "hr" });
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    await w.act(ola, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" });
    const caseId = await caseIdOf(w, ola.id);

    await w.advanceTo(oslo("2026-01-29", "09:00"));
    // Lina sent the plan to the doctor already: she marks that one done from the nudge.
    await w.act(lina, { type: "milestone", caseId, milestoneId: "no.plan_to_sykmelder", action: "done" });
    await w.advanceTo(oslo("2026-02-10", "12:00"));

    // Day 28 is Sunday 1 February: Friday 23 Jan (5 working days before), Thursday 29, Friday 30, Monday 2 Feb.
    expect(sendsAbout(w.slack.sent, "Reminder: Follow-up plan")).toEqual([
      `${lina.id}@2026-01-23T07:00:00.000Z`,
      `${lina.id}@2026-01-29T07:00:00.000Z`,
      `${lina.id}@2026-01-30T07:00:00.000Z`,
      `${lina.id}@2026-02-02T07:00:00.000Z`,
    ]);
    expect(sendsAbout(w.slack.sent, "Overdue: Follow-up plan")).toEqual([`${hanne.id}@2026-02-04T07:00:00.000Z`]);
    // Done on 29 Jan at 09:00: the morning's nudge went out, nothing after, no escalation.
    expect(sendsAbout(w.slack.sent, "Reminder: Send the plan to the doctor")).toEqual([`${lina.id}@2026-01-23T07:00:00.000Z`, `${lina.id}@2026-01-29T07:00:00.000Z`]);
    expect(sendsAbout(w.slack.sent, "Overdue: Send the plan")).toEqual([]);
    // The employee is not the one nudged, and every reminder went out in working time (the report notice is immediate).
    expect(w.slack.sent.some((s) => s.personId === ola.id)).toBe(false);
    assertWorkingTime(w, "Europe/Oslo", "NO", (summary) => summary.includes("has reported sick"));
    // Each reminder exactly once.
    const fingerprints = w.slack.sent.map((s) => s.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    const nudge = w.slack.sent.find((s) => s.summary.includes("Reminder: Follow-up plan"))!;
    const buttons = nudge.message.blocks.flatMap((b) => (b.kind === "actions" ? b.buttons.map((x) => x.command) : []));
    expect(buttons).toContainEqual({ type: "milestone", caseId, milestoneId: "no.followup_plan", action: "done" });
    expect(buttons).toContainEqual({ type: "milestone", caseId, milestoneId: "no.followup_plan", action: "snooze", snoozeDays: 1 });
  });

  it("keeps 08:00 local across the spring DST change, in the leader's own zone", async () => {
    world = await createWorld(oslo("2026-03-02", "09:00"));
    const w = world;
    const lina = await w.person("lina");
    const kim = await w.person("kim", { timeZone: "America/New_York" });
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    const eva = await w.person("eva", { leaderId: kim.id, slackUserId: null });
    for (const employee of [ola, eva]) await w.act(employee, { type: "report.submit", start: "2026-03-02", end: null, grade: 100, document: "sykmelding" });
    await w.advanceTo(oslo("2026-04-01", "12:00"));
    // Sunday 29 March (the night clocks go forward): Friday 27 at 08:00 CET, Monday 30 at 08:00 CEST.
    expect(sendsAbout(w.slack.sent, "Reminder: Follow-up plan for Ola").slice(2)).toEqual([`${lina.id}@2026-03-27T07:00:00.000Z`, `${lina.id}@2026-03-30T06:00:00.000Z`]);
    // New York moved to summer time on 8 March: 08:00 EDT is 12:00Z.
    expect(sendsAbout(w.slack.sent, "Reminder: Follow-up plan for Eva").slice(2)).toEqual([`${kim.id}@2026-03-27T12:00:00.000Z`, `${kim.id}@2026-03-30T12:00:00.000Z`]);
  });

  it("cancels the nudges of a case that ends, and brings them back when it is revived", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const lina = await w.person("lina");
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    await w.act(ola, { type: "report.submit", start: "2026-01-05", end: "2026-01-16", grade: 100, document: "sykmelding" });
    const caseId = await caseIdOf(w, ola.id);
    // A sick note to 16 Jan: the plan (due 1 Feb) is not due, nothing is planned for it.
    expect(await w.tmp.db.outbox.count({ where: { caseId, kind: "nudge", status: "pending" } })).toBe(0);

    // Extended to 10 Feb: the plan falls due, nudges are planned.
    w.clock.now = oslo("2026-01-14", "10:00");
    const { changeAbsence } = await import("../../src/app/absences.js");
    await changeAbsence(w.tmp.db, ola, { kind: "extend", end: "2026-02-10" }, { personId: ola.id, label: "employee" }, "2026-01-14", "console", w.clock.now);
    await w.services.caseChanged(ola.id);
    const planned = await w.tmp.db.outbox.findMany({ where: { caseId, kind: "nudge", status: "pending", milestoneId: "no.followup_plan" } });
    expect(planned).toHaveLength(4);

    // Back at work after 20 Jan: every pending nudge of the case is cancelled …
    await changeAbsence(w.tmp.db, ola, { kind: "back_at_work", lastSickDay: "2026-01-20" }, { personId: ola.id, label: "employee" }, "2026-01-14", "console", w.clock.now);
    await w.services.caseChanged(ola.id);
    expect(await w.tmp.db.outbox.count({ where: { caseId, kind: "nudge", status: "pending" } })).toBe(0);
    // … and nothing is sent while time passes.
    await w.advanceTo(oslo("2026-01-27", "12:00"));
    expect(sendsAbout(w.slack.sent, "Reminder:")).toEqual([]);

    // Sick again from 28 Jan (7 days later): the same case is revived and its nudges come back —
    // the one that fell in the pause (23 Jan) once, at once, then the rest on their days.
    w.clock.now = oslo("2026-01-27", "12:00");
    await w.act(ola, { type: "report.submit", start: "2026-01-28", end: null, grade: 100, document: "sykmelding" });
    expect(await caseIdOf(w, ola.id)).toBe(caseId);
    const revived = await w.tmp.db.outbox.findMany({ where: { caseId, milestoneId: "no.followup_plan", kind: "nudge", status: { in: ["pending", "sent"] } }, orderBy: { dueAt: "asc" } });
    expect(revived.map((r) => r.id).sort()).toEqual(planned.map((r) => r.id).sort());
    await w.advanceTo(oslo("2026-02-03", "12:00"));
    expect(sendsAbout(w.slack.sent, "Reminder: Follow-up plan")).toEqual([
      `${lina.id}@2026-01-27T11:00:00.000Z`,
      `${lina.id}@2026-01-29T07:00:00.000Z`,
      `${lina.id}@2026-01-30T07:00:00.000Z`,
      `${lina.id}@2026-02-02T07:00:00.000Z`,
    ]);
  });
});

describe("a Danish case", () => {
  it("skips Ascension Day and moves the nudges a snooze makes early", async () => {
    world = await createWorld(oslo("2026-04-16", "09:00"));
    const w = world;
    const dk = { jurisdiction: "DK", timeZone: "Europe/Copenhagen" };
    const lina = await w.person("lina", dk);
    const ole = await w.person("ole", { ...dk, leaderId: lina.id, slackUserId: null });
    await w.act(ole, { type: "report.submit", start: "2026-04-16", end: null, grade: 100, document: null });
    const caseId = await caseIdOf(w, ole.id);
    await w.advanceTo(oslo("2026-05-12", "09:00"));
    // Tuesday 12 May: "remind me in 3 days" → nothing on Wednesday, the next nudge Friday 15 May.
    await w.act(lina, { type: "milestone", caseId, milestoneId: "dk.sygefravaerssamtale", action: "snooze", snoozeDays: 3 });
    const pending = await w.tmp.db.outbox.findMany({ where: { caseId, milestoneId: "dk.sygefravaerssamtale", kind: "nudge", status: "pending" } });
    expect(pending.map((r) => r.dueAt.toISOString())).toEqual(["2026-05-15T06:00:00.000Z"]);
    await w.advanceTo(oslo("2026-05-20", "12:00"));
    // The deadline is Thursday 14 May (S + 28), a public holiday in Denmark.
    const aboutTalk = w.slack.sent.filter((s) => s.summary.startsWith("Reminder") && s.message.blocks.some((b) => b.kind === "actions" && b.buttons.some((x) => x.command.type === "milestone" && x.command.milestoneId === "dk.sygefravaerssamtale")));
    expect(aboutTalk.map((s) => `${s.personId}@${s.at.toISOString()}`)).toEqual([`${lina.id}@2026-05-06T06:00:00.000Z`, `${lina.id}@2026-05-12T06:00:00.000Z`, `${lina.id}@2026-05-15T06:00:00.000Z`]);
    expect(w.slack.sent.some((s) => s.at.toISOString().startsWith("2026-05-14"))).toBe(false);
    assertWorkingTime(w, "Europe/Copenhagen", "DK", (summary) => summary.includes("has reported sick"));
  });
});

describe("a Swedish case", () => {
  it("works around the Christmas holidays and stops when the plan is marked done", async () => {
    world = await createWorld(oslo("2025-12-08", "09:00"));
    const w = world;
    const se = { jurisdiction: "SE", timeZone: "Europe/Stockholm" };
    const lina = await w.person("lina", se);
    const hr = await w.person("hr", { ...se, roles: "hr" });
    const sven = await w.person("sven", { ...se, leaderId: lina.id, slackUserId: null });
    await w.act(sven, { type: "report.submit", start: "2025-12-08", end: null, grade: 100, document: null });
    const caseId = await caseIdOf(w, sven.id);
    await w.advanceTo(oslo("2026-01-05", "10:00"));
    await w.act(lina, { type: "milestone", caseId, milestoneId: "se.return_to_work_plan", action: "done" });
    await w.advanceTo(oslo("2026-01-20", "10:00"));
    const plan = w.slack.sent.filter((s) => s.message.blocks.some((b) => b.kind === "actions" && b.buttons.some((x) => x.command.type === "milestone" && x.command.milestoneId === "se.return_to_work_plan")));
    // Day 30 = Tuesday 6 Jan (Epiphany): Monday 22 Dec, Friday 2 Jan (24–26 and 31 Dec, 1 Jan closed), Monday 5 Jan; then done.
    expect(plan.map((s) => `${s.personId}@${s.at.toISOString()}`)).toEqual([`${lina.id}@2025-12-22T07:00:00.000Z`, `${lina.id}@2026-01-02T07:00:00.000Z`, `${lina.id}@2026-01-05T07:00:00.000Z`]);
    expect(w.slack.sent.filter((s) => s.personId === hr.id && s.summary.includes("Overdue"))).toEqual([]);
    assertWorkingTime(w, "Europe/Stockholm", "SE", (summary) => summary.includes("has reported sick"));
  });
});
