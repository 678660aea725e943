// Measures falling due and unfinished dialogues, through the real conversation: the
// owner is asked on the due date with done / postpone / not relevant, and a person who
// stops halfway is reminded where they stopped, at most twice per pause.
import { afterEach, describe, expect, it } from "vitest";
import { getDialogue } from "../../src/domain/dialogue/definitions/index.js";
import { progress } from "../../src/domain/dialogue/navigation.js";
import type { SessionState } from "../../src/domain/dialogue/state.js";
import type { Command } from "../../src/domain/messages/commands.js";
import type { Message } from "../../src/domain/messages/model.js";
import type { Person } from "../../src/generated/prisma/client.js";
import { takeInbox } from "../../src/channels/console/delivery.js";
import { buttons, runDialogue, type Answers } from "../helpers/conversationDriver.js";
import { createWorld, oslo, type World } from "./helpers.js";

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

function sequence(...values: string[]) {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)]!;
}

function buttonIn(messages: Message[], match: (c: Command) => boolean): Command {
  const found = buttons(messages).find((b) => match(b.command));
  if (!found) throw new Error(`no such button in: ${messages.map((m) => m.summary).join(" | ")}`);
  return found.command;
}

/** Lina and Ola make a plan with two measures; Ola confirms it. */
async function planWithMeasures(w: World): Promise<{ lina: Person; ola: Person }> {
  const lina = await w.person("lina");
  const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
  await w.act(ola, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" });
  w.clock.now = oslo("2026-01-20", "10:00");
  const leaderAnswers: Answers = {
    "measures._more": sequence("yes", "yes", "no"),
    measureTitle: sequence("Shorter days", "Walk to work"),
    measureOwner: sequence("leader", "employee"),
    // A Saturday, and a Tuesday.
    measureDueDate: sequence("2026-02-07", "2026-02-10"),
    needsHelpFromNav: "no",
    employeeContributed: "yes",
    sendToNav: "no",
    sendToGp: "no",
  };
  await runDialogue(w.services.conversation, lina, await w.act(lina, { type: "plan", employeeId: ola.id }), leaderAnswers);
  const mine = await runDialogue(w.services.conversation, ola, await w.act(ola, { type: "plan" }), { contactAsAgreed: "as_agreed", arrConsent: "no" });
  await w.act(ola, buttonIn(mine, (c) => c.type === "plan.review" && c.action === "confirm"));
  expect(await w.tmp.db.measure.count({ where: { status: "agreed" } })).toBe(2);
  return { lina, ola };
}

describe("measures", () => {
  it("asks the owner on the due date (Monday for a Saturday) at 14:00, again after postponing, and not after done", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const { lina, ola } = await planWithMeasures(w);

    await w.advanceTo(oslo("2026-02-09", "14:00"));
    const asked = w.slack.sent.filter((s) => s.summary === "Measure due: Shorter days");
    expect(asked.map((s) => `${s.personId}@${s.at.toISOString()}`)).toEqual([`${lina.id}@2026-02-09T13:00:00.000Z`]);
    const commands = asked[0]!.message.blocks.flatMap((b) => (b.kind === "actions" ? b.buttons.map((x) => x.command) : []));
    expect(commands.map((c) => (c.type === "measure" ? c.action : c.type))).toEqual(["done", "postpone", "not_relevant"]);

    // "Postpone a week": asked again on Monday 16 Feb.
    await w.act(lina, commands[1]!);
    await w.advanceTo(oslo("2026-02-16", "14:00"));
    expect(w.slack.sent.filter((s) => s.summary === "Measure due: Shorter days").map((s) => s.at.toISOString())).toEqual(["2026-02-09T13:00:00.000Z", "2026-02-16T13:00:00.000Z"]);
    await w.act(lina, commands[0]!);
    await w.advanceTo(oslo("2026-03-16", "14:00"));
    expect(w.slack.sent.filter((s) => s.summary === "Measure due: Shorter days")).toHaveLength(2);

    // The employee's own measure went to the employee (console), on its Tuesday.
    const row = await w.tmp.db.outbox.findFirstOrThrow({ where: { kind: "measure_due", recipientId: ola.id } });
    expect([row.status, row.channel, row.sentAt?.toISOString()]).toEqual(["sent", "console", "2026-02-10T13:00:00.000Z"]);
    const inbox = await takeInbox(w.tmp.db, [ola.id]);
    expect(inbox.some((m) => m.summary === "Measure due: Walk to work")).toBe(true);
  });
});

describe("unfinished dialogues", () => {
  it("reminds after 2 working days where the person stopped, at most twice, and again after a new pause", async () => {
    world = await createWorld(oslo("2026-01-23", "10:00"));
    const w = world;
    const lina = await w.person("lina");
    const ola = await w.person("ola", { leaderId: lina.id });
    // A follow-up plan belongs to a case: Ola has been sick since Monday.
    await w.act(ola, { type: "report.submit", start: "2026-01-19", end: null, grade: 100, document: "sykmelding" });
    // Friday 10:00: Ola starts the follow-up conversation and stops after three answers.
    await runDialogue(w.services.conversation, ola, await w.act(ola, { type: "plan" }), { contactAsAgreed: "as_agreed" }, { maxSteps: 3 }).catch(() => undefined);
    const session = await w.tmp.db.dialogueSession.findFirstOrThrow({ where: { personId: ola.id, status: "active" } });
    const where = progress(getDialogue(session.dialogueId)!, JSON.parse(session.state) as SessionState);

    await w.advanceTo(oslo("2026-02-06", "12:00"));
    const reminders = w.slack.sent.filter((s) => s.personId === ola.id && s.summary.startsWith("Continue"));
    // Tuesday 27 and Thursday 29 January at 10:00 (the time he stopped), then no more.
    expect(reminders.map((s) => s.at.toISOString())).toEqual(["2026-01-27T09:00:00.000Z", "2026-01-29T09:00:00.000Z"]);
    const text = reminders[0]!.message.blocks.map((b) => (b.kind === "text" ? b.text : "")).join("\n");
    expect(text).toContain(`You stopped at step ${where.step} of ${where.total}`);
    expect((await w.tmp.db.dialogueSession.findUniqueOrThrow({ where: { id: session.id } })).remindersSent).toBe(2);

    // Monday 2 Feb (before the session expires): he continues from the reminder's button,
    // answers one more question, and stops again.
    w.clock.now = oslo("2026-02-02", "13:30");
    const resumed = await w.act(ola, buttonIn(reminders[1]!.message ? [reminders[1]!.message] : [], (c) => c.type === "dialogue.start"));
    expect(resumed[0]!.summary).toMatch(/Welcome back/);
    await runDialogue(w.services.conversation, ola, resumed, {}, { maxSteps: 1 }).catch(() => undefined);
    expect((await w.tmp.db.dialogueSession.findUniqueOrThrow({ where: { id: session.id } })).remindersSent).toBe(0);
    await w.advanceTo(oslo("2026-02-20", "12:00"));
    const after = w.slack.sent.filter((s) => s.personId === ola.id && s.summary.startsWith("Continue") && s.at > oslo("2026-02-02", "13:30"));
    expect(after.map((s) => s.at.toISOString())).toEqual(["2026-02-04T12:30:00.000Z", "2026-02-06T12:30:00.000Z"]);
  });

  it("says nothing to someone who finishes", async () => {
    world = await createWorld(oslo("2026-01-23", "10:00"));
    const w = world;
    const lina = await w.person("lina");
    const ola = await w.person("ola", { leaderId: lina.id });
    await w.act(ola, { type: "report.submit", start: "2026-01-19", end: null, grade: 100, document: "sykmelding" });
    await runDialogue(w.services.conversation, ola, await w.act(ola, { type: "plan" }), { contactAsAgreed: "as_agreed", arrConsent: "no" });
    await w.advanceTo(oslo("2026-02-06", "12:00"));
    expect(w.slack.sent.filter((s) => s.summary.startsWith("Continue"))).toEqual([]);
    expect(await w.tmp.db.outbox.count({ where: { kind: "dialogue_reminder", status: "pending" } })).toBe(0);
  });
});
