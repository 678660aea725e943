// What settles a milestone is one rule (src/domain/milestones/settlement.ts), asked by the
// planner and the notifications alike; and every process can deliver every notification.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Command } from "../../src/domain/messages/commands.js";
import { createServices } from "../../src/app/services.js";
import { recordCaseFact } from "../../src/app/settlement.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import { buttons, runDialogue } from "../helpers/conversationDriver.js";
import { createTempDb } from "../helpers/tempDb.js";
import { ROOT } from "../helpers/cli.js";
import { createWorld, oslo, sendsAbout, type World } from "./helpers.js";

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe("a confirmed plan", () => {
  it("settles the follow-up plan: no reminder or overdue notice to the leader, HR or the ARR channel", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const lina = await w.person("lina");
    const hanne = await w.person("hanne", { roles: "hr" });
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    await w.act(ola, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" });
    w.clock.now = oslo("2026-01-12", "10:00");
    // The leader's dialogue, then the employee's; the employee confirms the version.
    await runDialogue(w.services.conversation, lina, await w.act(lina, { type: "plan", employeeId: ola.id }), { "measures._more": "no", needsHelpFromNav: "no", employeeContributed: "yes", sendToNav: "no", sendToGp: "no" });
    const reply = await runDialogue(w.services.conversation, ola, await w.act(ola, { type: "plan" }), { contactAsAgreed: "as_agreed", arrConsent: "yes" });
    const confirm = buttons(reply).find((b) => b.command.type === "plan.review" && b.command.action === "confirm")!.command as Command;
    await w.act(ola, confirm);
    expect(await w.tmp.db.outbox.count({ where: { milestoneId: "no.followup_plan", status: "pending" } })).toBe(0);

    // Past the four-week deadline (1 Feb) and the escalation (4 Feb).
    await w.advanceTo(oslo("2026-02-09", "12:00"));
    expect(sendsAbout(w.slack.sent, "Reminder: Follow-up plan")).toEqual([]);
    expect(sendsAbout(w.slack.sent, "Overdue: Follow-up plan")).toEqual([]);
    // Nobody has sent the plan to the doctor yet: that one is still asked for, to the leader and then HR.
    expect(sendsAbout(w.slack.sent, "Reminder: Send the plan to the doctor").length).toBeGreaterThan(0);
    expect(sendsAbout(w.slack.sent, "Overdue: Send the plan to the doctor")).toContain(`${hanne.id}@2026-02-04T07:00:00.000Z`);
  });

  it("a recorded fact (the plan sent to the doctor) settles the milestone its rule names", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const lina = await w.person("lina");
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    await w.act(ola, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" });
    const sickCase = await w.tmp.db.sickCase.findFirstOrThrow({ where: { personId: ola.id } });
    expect(await w.tmp.db.outbox.count({ where: { milestoneId: "no.plan_to_sykmelder", status: "pending" } })).toBeGreaterThan(0);
    expect(await recordCaseFact(w.tmp.db, { caseId: sickCase.id, kind: "plan_sent_to_doctor", on: "2026-01-20", source: "test" })).toBe(true);
    await w.services.caseChanged(ola.id);
    expect(await w.tmp.db.outbox.count({ where: { milestoneId: "no.plan_to_sykmelder", status: "pending" } })).toBe(0);
    // The follow-up plan itself is not settled by it.
    expect(await w.tmp.db.outbox.count({ where: { milestoneId: "no.followup_plan", status: "pending" } })).toBeGreaterThan(0);
  });
});

/** Every template name the code enqueues (`template: "nudge"`, also inside a ternary). */
function enqueuedTemplates(): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(file);
      } else if (file.endsWith(".ts")) {
        const source = readFileSync(file, "utf8");
        for (const m of source.matchAll(/template:\s*([^,}]+?)\s*,\s*params/g)) {
          for (const q of m[1]!.matchAll(/(===\s*)?"([a-z_]+)"/g)) if (!q[1]) names.add(q[2]!);
          if (/^[A-Z_]+$/.test(m[1]!)) names.add("teams_unreachable");
        }
      }
    }
  };
  walk(path.join(ROOT, "src"));
  return [...names].sort();
}

describe("every process", () => {
  it("knows every notification template the code enqueues, without a scheduler started", async () => {
    const tmp = await createTempDb();
    try {
      const services = createServices({ config: loadConfig({ DATABASE_URL: tmp.url, LOG_LEVEL: "silent" }), db: tmp.db, logger: createLogger("silent"), clock: () => new Date("2026-01-23T07:00:00Z") });
      const used = enqueuedTemplates();
      expect(used).toEqual(expect.arrayContaining(["nudge", "substitute_notice", "report_notice", "plan_confirmed", "teams_unreachable"]));
      expect(used.filter((name) => !Object.hasOwn(services.templates, name))).toEqual([]);
    } finally {
      await tmp.dispose();
    }
  });

  it("checks each payload against its kind's schema when rendering: a bad row is parked with the reason", async () => {
    const tmp = await createTempDb();
    try {
      const now = new Date("2026-01-23T09:00:00Z");
      const services = createServices({ config: loadConfig({ DATABASE_URL: tmp.url, LOG_LEVEL: "silent" }), db: tmp.db, logger: createLogger("silent"), clock: () => now });
      const hr = await tmp.db.person.create({ data: { email: "hr@firma.test", name: "HR", locale: "en", timeZone: "Europe/Oslo", jurisdiction: "NO", roles: "hr" } });
      await tmp.db.outbox.create({ data: { idempotencyKey: "bad:1", kind: "substitute_notice", recipientId: hr.id, payload: JSON.stringify({ template: "substitute_notice", params: { substitution: 42 } }), dueAt: now } });
      await services.deliver(now);
      const row = await tmp.db.outbox.findUniqueOrThrow({ where: { idempotencyKey: "bad:1" } });
      expect(row.status).toBe("parked");
      expect(row.lastError).toMatch(/bad substitute_notice payload: substitutionId/);
    } finally {
      await tmp.dispose();
    }
  });

  it("delivers a due nudge and a substitute notice and re-plans after a change (as `cli chat` does)", async () => {
    const tmp = await createTempDb();
    try {
      let now = new Date("2026-01-05T08:00:00Z");
      const ctx = { config: loadConfig({ DATABASE_URL: tmp.url, LOG_LEVEL: "silent" }), db: tmp.db, logger: createLogger("silent"), clock: () => now };
      const services = createServices(ctx);
      const lina = await tmp.db.person.create({ data: { email: "lina@firma.test", name: "Lina", locale: "en", timeZone: "Europe/Oslo", jurisdiction: "NO" } });
      const per = await tmp.db.person.create({ data: { email: "per@firma.test", name: "Per", locale: "en", timeZone: "Europe/Oslo", jurisdiction: "NO" } });
      const ola = await tmp.db.person.create({ data: { email: "ola@firma.test", name: "Ola", locale: "en", timeZone: "Europe/Oslo", jurisdiction: "NO", leaderId: lina.id } });
      // A substitute must be a leader (or HR): Per leads a team of his own.
      await tmp.db.person.create({ data: { email: "kari@firma.test", name: "Kari", locale: "en", timeZone: "Europe/Oslo", jurisdiction: "NO", leaderId: per.id } });
      await services.conversation.handle(ola, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" }, "console");
      // The report re-planned Ola's reminders in this process.
      expect(await tmp.db.outbox.count({ where: { kind: "nudge", status: "pending" } })).toBeGreaterThan(0);
      await services.conversation.handle(lina, { type: "text", text: "substitute per@firma.test until 2026-02-27" }, "console");
      now = new Date("2026-01-23T07:00:00Z");
      await services.deliver(now);
      const rows = await tmp.db.outbox.findMany({ where: { kind: { in: ["nudge", "substitute_notice"] }, status: { in: ["sent", "parked"] } } });
      expect(rows.filter((r) => r.status === "parked").map((r) => r.lastError)).toEqual([]);
      expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["nudge", "substitute_notice"]));
      expect(rows.some((r) => r.kind === "nudge" && r.recipientId === per.id)).toBe(true);
    } finally {
      await tmp.dispose();
    }
  });
});
