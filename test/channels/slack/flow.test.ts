// The whole way through Slack with the real bot: an HR admin registers the ARR
// channel, the employee reports sick in the modal, the leader is told in a DM, both
// do their part of the follow-up plan in their DMs (clicks, inputs, typed answers),
// the employee confirms, the consented summary reaches the ARR channel and is
// updated in place when a new plan version is confirmed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../../src/domain/time/localDate.js";
import { checkAllCalls } from "./blockKit.js";
import { dmOf, drive, findButton, click, livePrompt } from "./driver.js";
import type { PostedMessage } from "./fakeSlack.js";
import { TEAM_ID } from "./fakeSlack.js";
import { elementsOf, idle, interact, postEvent, dmEvent, slash, startHarness, today, viewSubmission, type Harness } from "./harness.js";

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  // The leader has no Slack id in the directory: found by e-mail when first told something.
  "lea@firma.no,Lea Leder,,en,NO,Europe/Oslo,,,",
  "ola@firma.no,Ola Ansatt,lea@firma.no,en,NO,Europe/Oslo,U0OLA,,",
  "hanne@firma.no,Hanne HR,,en,NO,Europe/Oslo,U0HANNE,,hr",
].join("\n");

const ARR = "C0ARR";

function text(message: PostedMessage | undefined): string {
  return JSON.stringify(message?.blocks ?? []);
}

describe("Slack: report → leader → follow-up dialogues → confirmed plan → ARR channel", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ directory: DIRECTORY });
    h.fake.addUser({ id: "U0OLA", email: "ola@firma.no" });
    h.fake.addUser({ id: "U0LEA", email: "lea@firma.no" });
    h.fake.addUser({ id: "U0HANNE", email: "hanne@firma.no" });
  });
  afterAll(async () => h?.stop());

  it("lets only an HR admin register the ARR channel, and only where the bot may post", async () => {
    const denied = await slash(h, "U0OLA", "arr-kanal", ARR);
    expect(denied.res.status).toBe(200);
    await idle(h);
    expect(h.fake.responses.find((r) => r.id === denied.responseId)?.body.text).toMatch(/Only HR admins/);

    h.fake.notInChannel.add(ARR);
    const notMember = await slash(h, "U0HANNE", "arr-kanal", ARR);
    await idle(h);
    expect(h.fake.responses.find((r) => r.id === notMember.responseId)?.body.text).toMatch(/Invite me first/);
    expect((await h.db.db.workspace.findUnique({ where: { platform_externalId: { platform: "slack", externalId: TEAM_ID } } }))?.arrChannel).toBeNull();

    h.fake.notInChannel.delete(ARR);
    const ok = await slash(h, "U0HANNE", "arr-kanal", ARR);
    await idle(h);
    expect(h.fake.responses.find((r) => r.id === ok.responseId)?.body).toMatchObject({ response_type: "ephemeral" });
    expect(h.fake.channel(ARR)).toHaveLength(1);
    const workspace = await h.db.db.workspace.findUniqueOrThrow({ where: { platform_externalId: { platform: "slack", externalId: TEAM_ID } } });
    expect(workspace.arrChannel).toBe(ARR);
  });

  it("reports sick in the modal: field errors in place, then the leader's DM and the employee's receipt", async () => {
    const { res, triggerId } = await slash(h, "U0OLA", "syk");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    await idle(h);
    const open = h.fake.callsOf("views.open").at(-1)!;
    expect(open.body.trigger_id).toBe(triggerId);
    const view = open.body.view as Record<string, unknown>;
    expect(view.callback_id).toBe("jd:report");
    const blockIds = (view.blocks as Array<{ block_id?: string }>).map((b) => b.block_id).filter(Boolean);
    expect(blockIds).toEqual(["start", "end", "grade", "document"]);

    const start = addDays(today(), -2);
    // The end before the start: Slack shows the error on the field, in the person's language.
    const wrong = await interact(
      h,
      viewSubmission("U0OLA", view, {
        start: { start: { type: "datepicker", selected_date: start } },
        end: { end: { type: "datepicker", selected_date: addDays(today(), -5) } },
        grade: { grade: { type: "number_input", value: "100" } },
        document: { document: { type: "radio_buttons", selected_option: { value: "egenmelding", text: { type: "plain_text", text: "x" } } } },
      }),
    );
    expect(wrong.status).toBe(200);
    const errors = (await wrong.json()) as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe("errors");
    expect(Object.keys(errors.errors)).toEqual(["end"]);
    expect(errors.errors.end).toMatch(/is before the start/);
    await idle(h);
    expect(await h.db.db.absencePeriod.count()).toBe(0);

    const good = await interact(
      h,
      viewSubmission("U0OLA", view, {
        start: { start: { type: "datepicker", selected_date: start } },
        end: { end: { type: "datepicker", selected_date: addDays(today(), 20) } },
        grade: { grade: { type: "number_input", value: "100" } },
        document: { document: { type: "radio_buttons", selected_option: { value: "sykmelding", text: { type: "plain_text", text: "x" } } } },
      }),
    );
    expect(good.status).toBe(200);
    expect(await good.text()).toBe("");
    await idle(h);

    const period = await h.db.db.absencePeriod.findFirstOrThrow();
    expect(period).toMatchObject({ startDate: start, endDate: addDays(today(), 20), grade: 100, document: "sykmelding", reportedVia: "slack" });
    // The leader was found by e-mail and linked; the notice went to their DM.
    expect(h.fake.callsOf("users.lookupByEmail").map((c) => c.body.email)).toContain("lea@firma.no");
    const lea = await h.db.db.person.findUniqueOrThrow({ where: { email: "lea@firma.no" } });
    expect(lea).toMatchObject({ slackUserId: "U0LEA", slackTeamId: TEAM_ID, slackDmChannel: "D0LEA" });
    expect(text(h.fake.channel("D0LEA").at(-1))).toMatch(/Ola Ansatt has reported sick/);
    expect(text(h.fake.channel("D0LEA").at(-1))).not.toMatch(/diagnos(is)?:/i);
    expect(text(h.fake.channel("D0OLA").at(-1))).toMatch(/Your sick leave is registered/);
    const outbox = await h.db.db.outbox.findFirstOrThrow({ where: { kind: "report_notice" } });
    expect(outbox).toMatchObject({ status: "sent", channel: "slack" });
  });

  it("runs the employee's follow-up dialogue in the DM: buttons, inputs, typed answers, edit from the summary", async () => {
    const res = await postEvent(h, dmEvent("U0OLA", "plan"));
    expect(res.status).toBe(200);
    const log = await drive(h, "U0OLA", {
      contactAsAgreed: { click: "as_agreed" },
      role: [{ type: "Butikkmedarbeider" }, { type: "Kassemedarbeider" }],
      positionPercent: { input: 80 },
      typicalWorkday: { click: "skip" },
      mainTasks: { type: "Kasse, Varemottak" },
      ability: [{ click: "normal" }, { click: "with_adjustment" }],
      adjustment: { input: ["more_time", "other_hours"] },
      otherTasks: { click: "skip" },
      colleagueSupport: { input: "Kolleger kan ta de tunge leveransene" },
      workplaceChanges: { click: "skip" },
      triedBefore: { click: "no" },
      ownSuggestions: { click: "skip" },
      returnPace: { click: "graded" },
      returnGoals: { click: "skip" },
      arrConsent: { click: "yes" },
      summary: [{ edit: "role" }, { confirm: true }],
    });
    expect(log.moves).toContain("edit:role");
    expect(log.steps.filter((s) => s === "ability")).toHaveLength(2);
    await idle(h);

    const session = await h.db.db.dialogueSession.findFirstOrThrow({ where: { dialogueId: "employee_followup" } });
    expect(session.status).toBe("completed");
    const answers = JSON.parse(session.state).answers as Record<string, unknown>;
    expect(answers).toMatchObject({ role: "Kassemedarbeider", positionPercent: 80, mainTasks: ["Kasse", "Varemottak"], "tasks[1].adjustment": ["more_time", "other_hours"], arrConsent: "yes" });

    // The conversation reads top to bottom: one live prompt was updated in place while clicked,
    // typed answers left a copy without buttons above them.
    const dm = h.fake.channel("D0OLA");
    expect(livePrompt(dm)).toBeUndefined();
    const prompts = dm.filter((m) => m.updates > 0);
    expect(prompts.length).toBeGreaterThan(0);
    expect(text(dm.at(-1))).toMatch(/asked Lea Leder to do the leader's part/);
    // The leader is invited.
    expect(text(h.fake.channel("D0LEA").at(-1))).toMatch(/has done their part of the follow-up plan/);
  });

  it("runs the leader's dialogue from the invitation, and the plan reaches the employee to confirm", async () => {
    const invite = h.fake.channel("D0LEA").at(-1)!;
    const planFor = findButton(invite, (c) => c.type === "plan" && typeof c.employeeId === "string")!;
    await click(h, "U0LEA", invite, planFor);
    await drive(h, "U0LEA", {
      typicalWorkday: { type: "Kasse og varemottak på dagtid" },
      tasksPossible: { input: "Kasse med faste pauser" },
      tasksMoved: { click: "skip" },
      triedBefore: { click: "no" },
      plannedFacilitation: { type: "Kortere vakter de første ukene" },
      otherFacilitationOptions: { click: "skip" },
      "measures._more": [{ click: "yes" }, { click: "no" }],
      measureTitle: { type: "Kortere vakter" },
      measureDescription: { click: "skip" },
      measureOwner: { click: "leader" },
      measureDueDate: { input: addDays(today(), 14) },
      followUp: { type: "Samtale annenhver uke" },
      evaluationDate: { input: addDays(today(), 30) },
      needsHelpFromNav: { click: "no" },
      employeeContributed: { click: "yes" },
      sendToNav: { click: "no" },
      sendToGp: { click: "no" },
    });
    await idle(h);
    const plan = await h.db.db.plan.findFirstOrThrow();
    expect(plan.latestVersion).toBe(1);
    expect(text(h.fake.channel("D0LEA").at(-1))).toMatch(/sent to Ola Ansatt to confirm/);
    const review = h.fake.channel("D0OLA").at(-1)!;
    expect(text(review)).toMatch(/plan\.review/);
  });

  it("confirms the plan: the buttons go, the leader is told, the ARR channel gets the consented summary", async () => {
    const review = h.fake.channel("D0OLA").at(-1)!;
    const confirm = findButton(review, (c) => c.type === "plan.review" && c.action === "confirm")!;
    const payload = await click(h, "U0OLA", review, confirm);
    expect(await payload.text()).toBe("");
    await idle(h);
    const version = await h.db.db.planVersion.findFirstOrThrow();
    expect(version.reviewStatus).toBe("confirmed");
    // The clicked message keeps its text and loses its buttons.
    const settled = h.fake.channel("D0OLA").find((m) => m.ts === review.ts)!;
    expect(settled.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(text(settled)).toMatch(/confirmed version 1/);
    expect(text(h.fake.channel("D0LEA").at(-1))).toMatch(/Ola Ansatt has confirmed version 1/);

    const arr = h.fake.channel(ARR);
    expect(arr).toHaveLength(2);
    const summary = arr[1]!;
    expect(text(summary)).toMatch(/Ola Ansatt/);
    expect(text(summary)).toMatch(/Kortere vakter/);
    expect(summary.updates).toBe(0);
    const posted = await h.db.db.postedMessage.findFirstOrThrow({ where: { replaceKey: { startsWith: "arr:" } } });
    expect(posted).toMatchObject({ channel: "slack", target: ARR, ref: summary.ts });
  });

  it("updates the ARR summary in place when a new plan version is confirmed", async () => {
    await postEvent(h, dmEvent("U0LEA", "plan"));
    await idle(h);
    // A leader with one employee is asked whose plan; then the plan view offers "Add measures".
    let last = h.fake.channel("D0LEA").at(-1)!;
    const whose = findButton(last, (c) => c.type === "plan" && typeof c.employeeId === "string")!;
    await click(h, "U0LEA", last, whose);
    await idle(h);
    last = h.fake.channel("D0LEA").at(-1)!;
    const addMeasures = findButton(last, (c) => c.type === "dialogue.start" && c.dialogueId === "measures")!;
    await click(h, "U0LEA", last, addMeasures);
    await drive(h, "U0LEA", {
      "measures._more": [{ click: "yes" }, { click: "no" }],
      measureTitle: { type: "Hev-senk-bord ved kassen" },
      measureDescription: { click: "skip" },
      measureOwner: { click: "hr" },
      measureDueDate: { input: addDays(today(), 21) },
    });
    await idle(h);
    const review = h.fake.channel("D0OLA").findLast((m) => text(m).includes("plan.review"))!;
    expect(text(review)).toMatch(/Hev-senk-bord/);
    await click(h, "U0OLA", review, findButton(review, (c) => c.type === "plan.review" && c.action === "confirm")!);
    await idle(h);

    const arr = h.fake.channel(ARR);
    expect(arr).toHaveLength(2);
    expect(arr[1]!.updates).toBe(1);
    expect(text(arr[1])).toMatch(/Hev-senk-bord/);
    expect(h.fake.callsOf("chat.update").filter((c) => c.body.channel === ARR)).toHaveLength(1);
  });

  it("shows the Home tab per role", async () => {
    for (const [user, expected] of [
      ["U0OLA", /Status for Ola Ansatt/],
      ["U0LEA", /Measures HR is responsible for|Your team's open cases/],
      ["U0HANNE", /All open cases \(HR\)/],
    ] as const) {
      await postEvent(h, { type: "app_home_opened", user, channel: dmOf(user), tab: "home", event_ts: String(Date.now() / 1000) });
      await idle(h);
      const published = h.fake.callsOf("views.publish").at(-1)!;
      expect(published.body.user_id).toBe(user);
      expect(JSON.stringify(published.body.view)).toMatch(expected);
    }
    const hanneView = h.fake.callsOf("views.publish").at(-1)!.body.view as { blocks: Array<Record<string, unknown>> };
    const hanne = JSON.stringify(hanneView);
    expect(hanne).toMatch(/Hev-senk-bord/);
    const measureDone = elementsOf(hanneView.blocks).find((e) => JSON.parse(String(e.value)).type === "measure");
    expect(JSON.parse(String(measureDone?.value))).toMatchObject({ type: "measure", action: "done" });
    const lea = JSON.stringify(h.fake.callsOf("views.publish").at(-2)!.body.view);
    expect(lea).toMatch(/Measures you are responsible for as a leader/);
    expect(lea).toMatch(/Kortere vakter/);
  });

  it("shows the case's timeline in the DM: all of it to the employee, the leader's view to the leader", async () => {
    await postEvent(h, dmEvent("U0OLA", "tidslinje"));
    await idle(h);
    const mine = text(h.fake.channel("D0OLA").at(-1));
    expect(mine).toMatch(/Timeline for Ola Ansatt/);
    expect(mine).toMatch(/The employee confirmed version 1/);
    expect(mine).toMatch(/Summary of version 1 sent to the ARR team/);
    expect(mine).toMatch(/Lea Leder \(leader\) read the plan/);
    await postEvent(h, dmEvent("U0LEA", "timeline"));
    await idle(h);
    const chooser = h.fake.channel("D0LEA").at(-1)!;
    await click(h, "U0LEA", chooser, findButton(chooser, (c) => c.type === "timeline" && typeof c.employeeId === "string")!);
    await idle(h);
    const leaders = text(h.fake.channel("D0LEA").at(-1));
    expect(leaders).toMatch(/Timeline for Ola Ansatt/);
    expect(leaders).not.toMatch(/\) read the plan/);
  });

  it("kept every Block Kit payload within Slack's limits", () => {
    expect(checkAllCalls(h.fake.calls)).toEqual([]);
    expect(h.fake.calls.filter((c) => c.outcome !== "ok" && c.outcome !== "not_in_channel")).toEqual([]);
  });
});
