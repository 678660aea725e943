import { describe, expect, it } from "vitest";
import { translator } from "../../../src/i18n/index.js";
import {
  applyMeasureAction,
  canApplyMeasureAction,
  measuresDueOn,
  overdueMeasures,
} from "../../../src/domain/plan/measures.js";
import type { PlanContent } from "../../../src/domain/plan/model.js";
import { problemMessage } from "../../../src/domain/plan/validation.js";
import { confirmVersion } from "../../../src/domain/plan/versions.js";
import { TODAY, jointPlan } from "./fixtures.js";

const ctx = { today: TODAY, by: "U-leader" };

function confirmed(): PlanContent {
  const result = confirmVersion(jointPlan(), { by: "employee", today: TODAY });
  if (!result.ok) throw new Error("fixture should confirm");
  return result.value;
}

function statusOf(content: PlanContent, id: string) {
  return content.measures.find((m) => m.id === id)?.status;
}

describe("measure transitions", () => {
  it("follows proposed → agreed → done | not relevant | cancelled, and closed stays closed", () => {
    expect(canApplyMeasureAction("proposed", "agree")).toBe(true);
    expect(canApplyMeasureAction("proposed", "done")).toBe(false);
    expect(canApplyMeasureAction("proposed", "postpone")).toBe(false);
    for (const action of ["done", "not_relevant", "cancel", "postpone"] as const) {
      expect(canApplyMeasureAction("agreed", action)).toBe(true);
    }
    for (const closed of ["done", "not_relevant", "cancelled"] as const) {
      for (const action of ["agree", "done", "not_relevant", "cancel", "postpone"] as const) {
        expect(canApplyMeasureAction(closed, action)).toBe(false);
      }
    }
  });

  it("marks an agreed measure done with a note, leaving the input unchanged", () => {
    const plan = confirmed();
    const result = applyMeasureAction(plan, "m1", { type: "done", note: "Stolen er på plass." }, ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(statusOf(result.value, "m1")).toBe("done");
    expect(result.value.measures[0]!.notes).toEqual([{ date: TODAY, by: "U-leader", text: "Stolen er på plass." }]);
    expect(statusOf(plan, "m1")).toBe("agreed");
  });

  it("refuses to mark a proposal done, and explains in the reader's language", () => {
    const result = applyMeasureAction(jointPlan(), "m1", { type: "done" }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("measure_transition_not_allowed");
    expect(problemMessage(result.error, translator("nb"), "nb")).toBe(
      "Tiltaket «ergonomisk stol» kan ikke endres slik nå (status: Foreslått).",
    );
  });

  it("refuses any change to a closed measure", () => {
    const done = applyMeasureAction(confirmed(), "m2", { type: "not_relevant" }, ctx);
    if (!done.ok) throw new Error("setup");
    expect(applyMeasureAction(done.value, "m2", { type: "done" }, ctx).ok).toBe(false);
  });

  it("postpones an agreed measure to a later date with a note, keeping its status", () => {
    const result = applyMeasureAction(confirmed(), "m1", { type: "postpone", newDueDate: "2026-02-10", note: "Leveransen er forsinket." }, ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.measures[0]).toMatchObject({ status: "agreed", dueDate: "2026-02-10" });
    expect(result.value.measures[0]!.notes.at(-1)?.text).toBe("Leveransen er forsinket.");
  });

  it("refuses a postponement without a note or to a date that is not in the future", () => {
    expect(applyMeasureAction(confirmed(), "m1", { type: "postpone", newDueDate: "2026-02-10", note: " " }, ctx)).toMatchObject({
      ok: false,
      error: { code: "postpone_needs_note" },
    });
    expect(applyMeasureAction(confirmed(), "m1", { type: "postpone", newDueDate: TODAY, note: "Senere." }, ctx)).toMatchObject({
      ok: false,
      error: { code: "postpone_date_invalid" },
    });
  });

  it("reports an unknown measure id", () => {
    expect(applyMeasureAction(confirmed(), "m9", { type: "done" }, ctx)).toMatchObject({ ok: false, error: { code: "measure_not_found" } });
  });
});

describe("measuresDueOn", () => {
  it("finds agreed measures due on the date, not proposals or closed ones", () => {
    expect(measuresDueOn(jointPlan(), "2026-02-01")).toEqual([]);
    const plan = confirmed();
    expect(measuresDueOn(plan, "2026-02-01").map((m) => m.id)).toEqual(["m1"]);
    expect(measuresDueOn(plan, "2026-02-15").map((m) => m.id)).toEqual(["m2"]);
    expect(measuresDueOn(plan, "2026-02-02")).toEqual([]);
    const done = applyMeasureAction(plan, "m1", { type: "done" }, ctx);
    if (!done.ok) throw new Error("setup");
    expect(measuresDueOn(done.value, "2026-02-01")).toEqual([]);
  });

  it("lists agreed measures past their due date as overdue", () => {
    expect(overdueMeasures(confirmed(), "2026-02-02").map((m) => m.id)).toEqual(["m1"]);
    expect(overdueMeasures(confirmed(), "2026-02-01")).toEqual([]);
  });
});
