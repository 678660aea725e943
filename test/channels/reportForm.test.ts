// The report form is defined once (the message model) and every channel renders that
// one definition: the same fields, the same required ones, the date window of the
// one absence rule, and the same reading of what comes back.
import { describe, expect, it } from "vitest";
import { reportForm, readReportForm } from "../../src/domain/messages/reportForm.js";
import { REPORT_START_WINDOW } from "../../src/domain/absence/validation.js";
import { addDays } from "../../src/domain/time/localDate.js";
import { reportModal, readReport } from "../../src/channels/slack/modals.js";
import { reportFormCard } from "../../src/channels/teams/cards.js";
import { getDialogue } from "../../src/domain/dialogue/definitions/index.js";
import { translator } from "../../src/i18n/index.js";
import { inputsOf } from "./teams/helpers/cards.js";

const TODAY = "2026-11-23";
const t = translator("nb");

describe("the report form, defined once", () => {
  const form = reportForm(t, TODAY);

  it("asks the first day within the window the step-by-step dialogue allows", () => {
    const start = form.fields.find((f) => f.id === "start")!;
    expect(start).toMatchObject({ kind: "date", required: true, min: addDays(TODAY, REPORT_START_WINDOW.minDays), max: addDays(TODAY, REPORT_START_WINDOW.maxDays) });
    const step = getDialogue("report_sickness")!.steps.find((s) => s.id === "startDate") as { minDays: number; maxDays: number };
    expect([step.minDays, step.maxDays]).toEqual([REPORT_START_WINDOW.minDays, REPORT_START_WINDOW.maxDays]);
  });

  it("is rendered with the same fields and the same required ones by the Slack modal and the Teams card", () => {
    const required = Object.fromEntries(form.fields.map((f) => [f.id, f.required]));
    const modal = reportModal(t, TODAY);
    const slack = Object.fromEntries(
      modal.blocks.filter((b) => b.type === "input").map((b) => [(b as { block_id: string }).block_id, !(b as { optional?: boolean }).optional]),
    );
    expect(slack).toEqual(required);
    const card = reportFormCard({ t, mode: "submit", form });
    const teams = Object.fromEntries(inputsOf(card).map((i) => [String(i.id), i.isRequired === true]));
    expect(teams).toEqual(required);
    const teamsStart = inputsOf(card).find((i) => i.id === "start")!;
    expect([teamsStart.min, teamsStart.max]).toEqual([addDays(TODAY, REPORT_START_WINDOW.minDays), addDays(TODAY, REPORT_START_WINDOW.maxDays)]);
  });

  it("reads what comes back with one rule: the document type is required, the window holds, overlaps are refused", () => {
    const values = { start: TODAY, end: null, grade: "100", document: "egenmelding" };
    expect(readReportForm(values, t, "nb", TODAY, [])).toMatchObject({ ok: true, command: { type: "report.submit", start: TODAY, document: "egenmelding" } });
    expect(readReportForm({ ...values, document: null }, t, "nb", TODAY, [])).toMatchObject({ ok: false, errors: { document: expect.any(String) } });
    expect(readReportForm({ ...values, start: addDays(TODAY, 20) }, t, "nb", TODAY, [])).toMatchObject({ ok: false, errors: { start: expect.stringMatching(/senest/) } });
    expect(readReportForm(values, t, "nb", TODAY, [{ start: "2026-11-20", end: null, type: "sick" }])).toMatchObject({ ok: false, errors: { start: expect.any(String) } });
    // The Slack modal reads through the same rule.
    const slack = readReport({ start: { start: { type: "datepicker", selected_date: TODAY } }, grade: { grade: { type: "number_input", value: "100" } } } as never, t, "nb", TODAY, []);
    expect(slack).toMatchObject({ ok: false, errors: { document: expect.any(String) } });
  });
});
