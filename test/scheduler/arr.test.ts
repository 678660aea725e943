// The ARR team: the consented plan summary when a case reaches four weeks, escalations
// with consent, and the Monday digest of consented cases with deadlines that week.
import { afterEach, describe, expect, it } from "vitest";
import type { Command } from "../../src/domain/messages/commands.js";
import { setConsent } from "../../src/app/consents.js";
import { ensureWorkspace } from "../../src/app/workspaces.js";
import { buttons, runDialogue } from "../helpers/conversationDriver.js";
import { createWorld, oslo, type World } from "./helpers.js";

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

/** Ola reports on Monday 5 Jan; the plan is made and confirmed on 20 Jan, with or without ARR consent. */
async function caseWithPlan(w: World, arrConsent: "yes" | "no") {
  const lina = await w.person("lina");
  const hanne = await w.person("hanne", { roles: "hr" });
  const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
  await w.act(ola, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" });
  w.clock.now = oslo("2026-01-20", "10:00");
  await runDialogue(w.services.conversation, lina, await w.act(lina, { type: "plan", employeeId: ola.id }), { "measures._more": "no", needsHelpFromNav: "no", employeeContributed: "yes", sendToNav: "no", sendToGp: "no" });
  const reply = await runDialogue(w.services.conversation, ola, await w.act(ola, { type: "plan" }), { contactAsAgreed: "as_agreed", arrConsent });
  const confirm = buttons(reply).find((b) => b.command.type === "plan.review" && b.command.action === "confirm")!.command as Command;
  await w.act(ola, confirm);
  const workspace = await ensureWorkspace(w.tmp.db, "local", "local");
  return { lina, hanne, ola, workspace };
}

describe("the ARR team", () => {
  it("gets the consented summary at four weeks and hears about overdue deadlines", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const { workspace } = await caseWithPlan(w, "yes");
    const toArr = () => w.slack.sent.filter((s) => s.workspaceId === workspace.id);
    // The confirmation itself posts the summary (the core) …
    expect(toArr().map((s) => s.at.toISOString())).toEqual(["2026-01-20T09:00:00.000Z"]);
    await w.advanceTo(oslo("2026-02-05", "12:00"));
    const posts = toArr();
    // … and at four weeks (day 28 = Sunday 1 Feb → Monday 08:00) it is posted again, replacing it in place.
    expect(posts[1]!.at.toISOString()).toBe("2026-02-02T07:00:00.000Z");
    expect(posts[1]!.message.replaceKey).toMatch(/^arr:/);
    expect(posts[1]!.message.blocks.some((b) => b.kind === "fields" && b.fields.some((f) => f.value.includes("4")))).toBe(true);
    // The confirmed plan settles the follow-up plan; nobody sent it to the doctor, so that
    // escalation reaches the ARR channel too (3 days overdue).
    const escalations = posts.filter((s) => s.at.toISOString() === "2026-02-04T07:00:00.000Z");
    expect(escalations.map((s) => s.summary)).toEqual([expect.stringMatching(/(Overdue|Forsinket): .*(doctor|sykmelder)/i)]);
    expect(escalations.every((s) => s.message.blocks.every((b) => b.kind !== "actions"))).toBe(true);
  });

  it("gets nothing without the employee's consent", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const { workspace, hanne } = await caseWithPlan(w, "no");
    await w.advanceTo(oslo("2026-02-05", "12:00"));
    expect(w.slack.sent.filter((s) => s.workspaceId === workspace.id)).toEqual([]);
    // Only the plan to the doctor is overdue: the confirmed plan settled the follow-up plan.
    expect(w.slack.sent.filter((s) => s.personId === hanne.id && s.summary.startsWith("Overdue"))).toHaveLength(1);
    expect(await w.tmp.db.outbox.count({ where: { target: "arr" } })).toBe(0);
  });

  it("gets a Monday digest of consented cases with deadlines in the coming week", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const lina = await w.person("lina");
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    const kari = await w.person("kari", { leaderId: lina.id, slackUserId: null });
    for (const employee of [ola, kari]) await w.act(employee, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" });
    await setConsent(w.tmp.db, ola.id, "arr_summary", true, "console", { personId: ola.id, label: "employee" });
    const workspace = await ensureWorkspace(w.tmp.db, "local", "local");

    await w.advanceTo(oslo("2026-01-26", "08:00"));
    // (The ARR channel reads the workspace's language, bokmål here.)
    const digests = w.slack.sent.filter((s) => s.workspaceId === workspace.id && s.summary.startsWith("ARR: uka som kommer"));
    // Monday 26 Jan 08:00: the week 26 Jan – 1 Feb holds Ola's plan deadline (Sunday 1 Feb).
    expect(digests.map((s) => s.at.toISOString())).toEqual(["2026-01-26T07:00:00.000Z"]);
    const fields = digests[0]!.message.blocks.flatMap((b) => (b.kind === "fields" ? b.fields : []));
    expect(fields.map((f) => f.label)).toEqual(["Ola"]);
    expect(fields[0]!.value).toContain("Oppfølgingsplan: søndag 1. februar 2026");
    expect(await w.tmp.db.outbox.count({ where: { kind: "arr_digest" } })).toBe(1);
    // Withdrawn consent: the week of 16 Feb holds Ola's dialogue meeting 1 (Sunday 22 Feb), but
    // the digest leaves him out (and, with nobody left, is not posted).
    await setConsent(w.tmp.db, ola.id, "arr_summary", false, "console", { personId: ola.id, label: "employee" });
    await w.advanceTo(oslo("2026-02-16", "08:00"));
    expect(w.slack.sent.filter((s) => s.workspaceId === workspace.id && s.summary.startsWith("ARR: uka som kommer"))).toHaveLength(1);
    expect(await w.tmp.db.outbox.count({ where: { kind: "arr_digest" } })).toBe(1);
  });
});
