import { describe, expect, it } from "vitest";
import { createServices } from "../../src/app/services.js";
import { kinds } from "../../src/app/notify/kinds/index.js";
import { REMINDER_KINDS } from "../../src/domain/reminders/index.js";
import { defaultSchedulerSettings } from "../../src/app/reminders/settings.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import { createTempDb } from "../helpers/tempDb.js";

describe("notification kinds (src/app/notify/kinds/)", () => {
  const list = kinds(defaultSchedulerSettings("Europe/Oslo").reminders);

  it("each kind once, with a payload schema, a render and a note of what plans it", () => {
    const names = list.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
    for (const k of list) {
      expect(typeof k.payload.safeParse, k.kind).toBe("function");
      expect(typeof k.render, k.kind).toBe("function");
      const planned: readonly string[] = typeof k.planned === "string" ? [k.planned] : k.planned;
      expect(planned.length, k.kind).toBeGreaterThan(0);
      for (const p of planned) expect(p, k.kind).toMatch(/^(reminder-planner|use case .+)$/);
      // Every payload has something required: an empty one is refused (and its row parked).
      expect(k.payload.safeParse({}).success, k.kind).toBe(false);
    }
  });

  it("the kinds planned by the reminder planner are the ones it keeps or cancels (REMINDER_KINDS)", () => {
    const byPlanner = list.filter((k) => (typeof k.planned === "string" ? [k.planned] : k.planned).includes("reminder-planner")).map((k) => k.kind);
    expect(byPlanner.sort()).toEqual([...REMINDER_KINDS].sort());
  });

  it("the composition root's registry is exactly the list", async () => {
    const tmp = await createTempDb();
    try {
      const services = createServices({ config: loadConfig({ DATABASE_URL: tmp.url, LOG_LEVEL: "silent" }), db: tmp.db, logger: createLogger("silent"), clock: () => new Date("2026-01-23T07:00:00Z") });
      expect(Object.keys(services.templates).sort()).toEqual(list.map((k) => k.kind).sort());
    } finally {
      await tmp.dispose();
    }
  });
});
