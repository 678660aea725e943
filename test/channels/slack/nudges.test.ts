// A leader's nudge about a milestone, as the scheduler sends it through the outbox:
// done, snooze, and "plan not needed" with its reason in a modal. Clicks are acted
// on once. Also: the ARR channel from the environment, buttons on the Home tab, and
// a message far beyond Slack's limits delivered within them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "../../../src/domain/messages/model.js";
import { addDays } from "../../../src/domain/time/localDate.js";
import { translator } from "../../../src/i18n/index.js";
import { checkAllCalls, checkBlocks } from "./blockKit.js";
import { click, findButton } from "./driver.js";
import { TEAM_ID } from "./fakeSlack.js";
import { clickPayload, elementsOf, idle, interact, postEvent, slash, startHarness, today, viewSubmission, type Harness } from "./harness.js";

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lea@firma.no,Lea Leder,,nb,NO,Europe/Oslo,U0LEA,,",
  "ola@firma.no,Ola Ansatt,lea@firma.no,en,NO,Europe/Oslo,U0OLA,,",
].join("\n");

describe("Slack: nudges to leaders, Home tab, limits", () => {
  let h: Harness;
  let caseId: string;

  beforeAll(async () => {
    h = await startHarness({ directory: DIRECTORY, env: { SLACK_ARR_CHANNEL: "C0ENVARR" } });
    h.fake.addUser({ id: "U0LEA", email: "lea@firma.no" });
    h.fake.addUser({ id: "U0OLA", email: "ola@firma.no" });
    // Ola reports sick through the modal.
    await slash(h, "U0OLA", "syk");
    await idle(h);
    const view = h.fake.callsOf("views.open").at(-1)!.body.view as Record<string, unknown>;
    await interact(
      h,
      viewSubmission("U0OLA", view, {
        start: { start: { type: "datepicker", selected_date: addDays(today(), -10) } },
        end: { end: { type: "datepicker", selected_date: null } },
        grade: { grade: { type: "number_input", value: "100" } },
        document: { document: { type: "radio_buttons", selected_option: { value: "egenmelding", text: { type: "plain_text", text: "x" } } } },
      }),
    );
    await idle(h);
    caseId = (await h.db.db.sickCase.findFirstOrThrow()).id;
  });
  afterAll(async () => h?.stop());

  it("takes the ARR channel from SLACK_ARR_CHANNEL", async () => {
    const workspace = await h.db.db.workspace.findUniqueOrThrow({ where: { platform_externalId: { platform: "slack", externalId: TEAM_ID } } });
    expect(workspace).toMatchObject({ arrChannel: "C0ENVARR", name: "Firma" });
    expect(h.bot.services.channels.get("slack")!.hasArrChannel(workspace)).toBe(true);
  });

  function nudge(): Message {
    const milestone = { type: "milestone" as const, caseId, milestoneId: "no.followup_plan" };
    return {
      summary: "Follow-up plan for Ola Ansatt is due",
      blocks: [
        { kind: "text", text: "Oppfølgingsplan for Ola Ansatt", style: "heading" },
        { kind: "text", text: "Planen skal være laget innen fire uker." },
        {
          kind: "actions",
          buttons: [
            { label: "Utført", command: { ...milestone, action: "done" }, style: "primary" },
            { label: "Påminn i morgen", command: { ...milestone, action: "snooze", snoozeDays: 1 } },
            { label: "Påminn om en uke", command: { ...milestone, action: "snooze", snoozeDays: 7 } },
            { label: "Plan ikke nødvendig", command: { ...milestone, action: "open_not_needed" } },
          ],
        },
      ],
    };
  }

  it("snoozes from the nudge once, however often the click arrives, and closes the nudge", async () => {
    const lea = await h.db.db.person.findUniqueOrThrow({ where: { email: "lea@firma.no" } });
    const sent = await h.bot.services.channels.get("slack")!.sendToPerson(lea, nudge());
    expect(sent.ok).toBe(true);
    const message = h.fake.channel("D0LEA").at(-1)!;
    const snooze = findButton(message, (c) => c.action === "snooze" && c.snoozeDays === 7)!;
    const payload = clickPayload("U0LEA", message, snooze);
    const before = h.fake.channel("D0LEA").length;
    await interact(h, payload);
    await interact(h, payload);
    await idle(h);
    const state = await h.db.db.milestoneState.findUniqueOrThrow({ where: { caseId_milestoneId: { caseId, milestoneId: "no.followup_plan" } } });
    expect(state).toMatchObject({ state: "snoozed", snoozedUntil: addDays(today(), 7) });
    expect(h.fake.channel("D0LEA").length).toBe(before + 1);
    expect(h.fake.channel("D0LEA").at(-1)!.text).toMatch(/Jeg minner deg om/);
    // The nudge keeps its text; its buttons are replaced by what was done.
    const closed = h.fake.channel("D0LEA").find((m) => m.ts === message.ts)!;
    expect(closed.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(JSON.stringify(closed.blocks)).toMatch(/Oppfølgingsplan for Ola Ansatt/);
    const changes = await h.db.db.auditLog.count({ where: { entity: "milestone", action: "change" } });
    expect(changes).toBe(1);
  });

  it("asks for the reason in a modal when a plan is not needed, with the error on the field", async () => {
    const lea = await h.db.db.person.findUniqueOrThrow({ where: { email: "lea@firma.no" } });
    await h.bot.services.channels.get("slack")!.sendToPerson(lea, nudge());
    const message = h.fake.channel("D0LEA").at(-1)!;
    const notNeeded = findButton(message, (c) => c.action === "open_not_needed")!;
    const payload = clickPayload("U0LEA", message, notNeeded);
    await interact(h, payload);
    await idle(h);
    const open = h.fake.callsOf("views.open").at(-1)!;
    expect(open.body.trigger_id).toBe(payload.trigger_id);
    const view = open.body.view as Record<string, unknown>;
    expect(view.callback_id).toBe("jd:not_needed");
    expect(JSON.parse(String(view.private_metadata))).toEqual({ type: "milestone", caseId, milestoneId: "no.followup_plan", action: "not_needed" });

    const empty = await interact(h, viewSubmission("U0LEA", view, { reason: { reason: { type: "plain_text_input", value: "   " } } }));
    expect(await empty.json()).toEqual({ response_action: "errors", errors: { reason: translator("nb")("bot:milestone.reasonNeeded") } });

    const submission = viewSubmission("U0LEA", view, { reason: { reason: { type: "plain_text_input", value: "Tilbake på jobb om en uke uten tiltak" } } });
    const ok = await interact(h, submission);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("");
    // Slack sending the same submission again changes nothing.
    await interact(h, submission);
    await idle(h);
    const state = await h.db.db.milestoneState.findUniqueOrThrow({ where: { caseId_milestoneId: { caseId, milestoneId: "no.followup_plan" } } });
    expect(state).toMatchObject({ state: "not_needed", reason: "Tilbake på jobb om en uke uten tiltak", snoozedUntil: null });
    expect(h.fake.channel("D0LEA").at(-1)!.text).toMatch(/ikke er nødvendig for Ola Ansatt/);
    expect(await h.db.db.auditLog.count({ where: { entity: "milestone", action: "change" } })).toBe(2);
  });

  it("opens the report modal from the Home tab's button and refreshes the tab after a click there", async () => {
    await postEvent(h, { type: "app_home_opened", user: "U0OLA", channel: "D0OLA", tab: "home", event_ts: "1.1" });
    await idle(h);
    const home = h.fake.callsOf("views.publish").at(-1)!.body.view as { blocks: Array<Record<string, unknown>> };
    expect(JSON.stringify(home)).toMatch(/Status for Ola Ansatt/);
    const buttons = elementsOf(home.blocks);
    const homeMessage = { channel: "", ts: "", text: "", blocks: home.blocks, updates: 0 };
    const report = buttons.find((b) => JSON.parse(String(b.value)).type === "report")!;
    const viewContainer = (payload: Record<string, unknown>) => ({ ...payload, container: { type: "view", view_id: "V0HOME" }, view: { id: "V0HOME", type: "home", blocks: home.blocks }, message: undefined, channel: undefined });
    const opens = h.fake.callsOf("views.open").length;
    await interact(h, viewContainer(clickPayload("U0OLA", homeMessage, report)));
    await idle(h);
    expect(h.fake.callsOf("views.open").length).toBe(opens + 1);
    expect((h.fake.callsOf("views.open").at(-1)!.body.view as { callback_id: string }).callback_id).toBe("jd:report");

    const publishes = h.fake.callsOf("views.publish").length;
    const status = buttons.find((b) => JSON.parse(String(b.value)).type === "plan")!;
    await interact(h, viewContainer(clickPayload("U0OLA", homeMessage, status)));
    await idle(h);
    expect(h.fake.callsOf("views.publish").length).toBe(publishes + 1);
    // The answer to a Home button goes to the DM.
    expect(JSON.stringify(h.fake.channel("D0OLA").at(-1)!.blocks)).toMatch(/"type\\":\\"dialogue\\"/);
  });

  it("delivers a message far beyond Slack's limits cut to fit, keeping its closing buttons", async () => {
    const long = "Lang tekst ".repeat(800);
    const options = Array.from({ length: 30 }, (_, i) => ({ value: `option_${i}`, label: `Valg nummer ${i} `.repeat(10), description: "Beskrivelse ".repeat(20) }));
    const huge: Message = {
      summary: long,
      replaceKey: "test:huge",
      blocks: [
        { kind: "text", text: "Overskrift ".repeat(30), style: "heading" },
        { kind: "text", text: long },
        { kind: "fields", fields: Array.from({ length: 23 }, (_, i) => ({ label: `Felt ${i} `.repeat(40), value: long })) },
        { kind: "input", id: "many", label: long, hint: long, input: { type: "choice", options, multiple: true, initial: ["option_1", "nope"] }, submit: { type: "dialogue", sessionId: "s1", action: "answer", stepId: "many" }, submitLabel: "Neste ".repeat(30) },
        { kind: "input", id: "text", label: "Tekst", input: { type: "text", multiline: true, maxLength: 10_000, initial: long + long }, submit: { type: "dialogue", sessionId: "s1", action: "answer", stepId: "text" }, submitLabel: "Neste" },
        ...Array.from({ length: 60 }, (_, i) => ({ kind: "text" as const, text: `Linje ${i}`, style: "muted" as const })),
        { kind: "actions", buttons: [...Array.from({ length: 30 }, (_, i) => ({ label: `Knapp ${i} `.repeat(20), command: { type: "status" as const } })), { label: "x", command: { type: "text" as const, text: "y".repeat(3000) } }] },
      ],
    };
    const lea = await h.db.db.person.findUniqueOrThrow({ where: { email: "lea@firma.no" } });
    expect((await h.bot.services.channels.get("slack")!.sendToPerson(lea, huge)).ok).toBe(true);
    const posted = h.fake.callsOf("chat.postMessage").at(-1)!;
    expect(checkBlocks(posted.body.blocks, "message")).toEqual([]);
    const blocks = posted.body.blocks as Array<Record<string, unknown>>;
    expect(blocks.length).toBe(50);
    // The last actions block (the closing buttons) survived the cut; the button whose value cannot fit is left out.
    expect(blocks.at(-1)!.type).toBe("actions");
    expect(elementsOf(blocks).some((e) => String(e.value).length > 2000)).toBe(false);
    // The same message again is an update in place.
    const postedTs = h.fake.channel("D0LEA").at(-1)!.ts;
    const count = h.fake.channel("D0LEA").length;
    await h.bot.services.channels.get("slack")!.sendToPerson(lea, huge);
    expect(h.fake.callsOf("chat.update").at(-1)!.body).toMatchObject({ channel: "D0LEA", ts: postedTs });
    expect(h.fake.channel("D0LEA").length).toBe(count);
  });

  it("kept every Block Kit payload within Slack's limits", () => {
    expect(checkAllCalls(h.fake.calls)).toEqual([]);
  });

  it("counts a click by someone else on a nudge as forbidden, without a change", async () => {
    const lea = await h.db.db.person.findUniqueOrThrow({ where: { email: "lea@firma.no" } });
    await h.bot.services.channels.get("slack")!.sendToPerson(lea, nudge());
    const message = h.fake.channel("D0LEA").at(-1)!;
    // Ola clicks the leader's "done" (e.g. a forwarded payload): the core refuses.
    await click(h, "U0OLA", message, findButton(message, (c) => c.action === "done")!);
    await idle(h);
    expect(h.fake.channel("D0OLA").at(-1)!.text).toMatch(/don't have access/);
    const state = await h.db.db.milestoneState.findUniqueOrThrow({ where: { caseId_milestoneId: { caseId, milestoneId: "no.followup_plan" } } });
    expect(state.state).toBe("not_needed");
  });
});
