// One scenario, run against every channel with the same scripted answers
// (./script.ts): report → the leader is told → the employee's and the leader's
// dialogues → the employee confirms → the ARR summary → the plan milestone is settled
// (the scheduler's ticks past its deadline send no reminder or escalation of it) → the
// plan's measure falls due and reaches its owner → the case ends. Each driver does it the
// way a person would in that channel: the console types and presses lettered buttons
// through the core; Slack goes through signed requests to the real Bolt app and a fake
// Web API; Teams posts Bot Framework activities to the real bot and a fake Bot Connector.
// Time moves only for the scheduler: `services.scheduler.tick(now)` with a later `now`.
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerValue, Command } from "../../src/domain/messages/commands.js";
import { addDays } from "../../src/domain/time/localDate.js";
import { localDateOf } from "../../src/domain/time/zone.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import { today } from "../channels/slack/harness.js";
import path from "node:path";
import { tempDir } from "../helpers/tempDb.js";
import { startBot, type RunningBot } from "../../src/server/bot.js";
import { FakeConnector } from "../channels/teams/helpers/fakeConnector.js";
import { TeamsClient, type TeamsUser } from "../channels/teams/helpers/teamsClient.js";
import { actionsOf, cardText, commandOf as cardCommandOf, findAction, inputsOf, type Card } from "../channels/teams/helpers/cards.js";
import { parsePlanContent } from "../../src/domain/plan/model.js";
import { AGREEMENT, ARR, BACK_AT_WORK, DIRECTORY, EMPLOYEE, EMPLOYEE_ANSWERS, HR, LEADER, LEADER_ANSWERS, MEASURE, MEASURE_DUE_DAYS, OWN_TASK, REPORT } from "./script.js";
import { consoleDriver, slackDriver, type Driver, type DriverOptions } from "./drivers.js";

const PLAN_MILESTONE = "no.followup_plan";

const SLACK_USERS: Record<string, string> = { [EMPLOYEE]: "U0ANNE", [LEADER]: "U0LISE", "hanne@firma.no": "U0HANNE", [ARR]: "U0ARNE" };
const ARR_CHANNEL = "C0ARR";

const OPTIONS: DriverOptions = {
  directory: DIRECTORY,
  zone: "Europe/Oslo",
  today,
  slackUsers: SLACK_USERS,
  report: { word: "syk", ...REPORT },
  arr: { slackChannel: ARR_CHANNEL, consoleReader: HR },
};

const TEAMS_USERS: Record<string, TeamsUser> = {
  [EMPLOYEE]: { id: "29:anne", name: "Anne Ansatt", aadObjectId: "aad-anne" },
  [LEADER]: { id: "29:lise", name: "Lise Leder", aadObjectId: "aad-lise" },
  "hanne@firma.no": { id: "29:hanne", name: "Hanne HR", aadObjectId: "aad-hanne" },
  [ARR]: { id: "29:arne", name: "Arne Arr", aadObjectId: "aad-arne" },
};
const ARR_TEAM = { teamId: "19:arr-team@thread.tacv2", channelId: "19:arr-general@thread.tacv2" };

/** Teams: Bot Framework activities over HTTP to the real bot (local mode), a fake Bot Connector recording every card. */
function teamsDriver(): Driver {
  let bot: RunningBot;
  let connector: FakeConnector;
  let client: TeamsClient;
  const user = (email: string) => TEAMS_USERS[email]!;
  const chat = (email: string) => connector.conversation(TeamsClient.personalConversation(user(email)));
  const cardOf = (activity: Record<string, unknown>): Card => FakeConnector.cardOf(activity) ?? {};
  const isDialogue = (card: Card) => actionsOf(card).some((a) => cardCommandOf(a)?.type === "dialogue");
  const submit = async (email: string, value: Record<string, unknown>, replyTo: string) => client.postOk(client.submit(user(email), value, replyTo));
  const defaultAnswer = (input: Record<string, unknown>): string => {
    if (input.type === "Input.ChoiceSet") return String((input.choices as Array<{ value: string }>)[0]!.value);
    if (input.type === "Input.Date") return String(input.value ?? input.min ?? "");
    if (input.type === "Input.Number") return String(input.value ?? 50);
    return "Kortere dager";
  };
  return {
    name: "teams",
    async start() {
      connector = await new FakeConnector().start();
      bot = await startBot(
        loadConfig({ DATABASE_URL: `file:${path.join(tempDir(), "scenario-teams.db")}`, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", TEAMS_LOCAL_MODE: "true" }),
        createLogger("silent"),
      );
      await importDirectory(bot.app.db, DIRECTORY, { defaultTimeZone: "Europe/Oslo" });
      client = new TeamsClient(bot.http.url, connector.url);
      // Teams tells the bot each member's e-mail: the directory links them on first contact.
      for (const [email, u] of Object.entries(TEAMS_USERS)) {
        connector.members.set(u.id, { id: u.id, name: u.name, aadObjectId: u.aadObjectId, email });
        for (const activity of client.installPersonal(u)) await client.postOk(activity);
      }
      const hanne = user("hanne@firma.no");
      await client.postOk(client.channel(hanne, ARR_TEAM, { type: "conversationUpdate", membersAdded: [{ id: "28:jobbdialog-bot" }] }));
      await client.postOk(client.channelText(hanne, ARR_TEAM, "arr-kanal"));
    },
    async stop() {
      await bot.stop();
      await connector.stop();
    },
    db: () => bot.app.db,
    services: () => bot.services,
    async report(email) {
      await client.postOk(client.text(user(email), "syk"));
      const form = chat(email).findLast((p) => actionsOf(cardOf(p.activity)).some((a) => (a.data as Record<string, unknown> | undefined)?.jdForm === "report"))!;
      const send = actionsOf(cardOf(form.activity)).find((a) => (a.data as Record<string, unknown>).jdForm === "report")!;
      await submit(email, { ...(send.data as object), start: addDays(today(), REPORT.startDays), end: addDays(today(), REPORT.endDays), grade: String(REPORT.grade), document: REPORT.document }, form.id);
    },
    async say(email, line) {
      await client.postOk(client.text(user(email), line));
    },
    async press(email, match) {
      const posted = chat(email).findLast((p) => findAction(cardOf(p.activity), (c) => match(c as Command)) !== undefined);
      expect(posted, `${email}: no such button`).toBeDefined();
      const action = findAction(cardOf(posted!.activity), (c) => match(c as Command))!;
      await submit(email, action.data as Record<string, unknown>, posted!.id);
    },
    async answer(email, script) {
      const queues = new Map(Object.entries(script).map(([k, v]) => [k, v !== null && typeof v === "object" && !Array.isArray(v) && "sequence" in v ? [...v.sequence] : [v as AnswerValue]]));
      const scripted = (stepId: string) => {
        const queue = queues.get(stepId);
        return queue === undefined ? undefined : queue.length > 1 ? queue.shift() : queue[0];
      };
      for (let step = 0; step < 150; step++) {
        const current = chat(email).findLast((p) => isDialogue(cardOf(p.activity)));
        if (!current) return;
        const card = cardOf(current.activity);
        const withInput = actionsOf(card).find((a) => typeof (a.data as Record<string, unknown> | undefined)?.jdInput === "string");
        let value: Record<string, unknown>;
        if (withInput) {
          const data = withInput.data as Record<string, unknown>;
          const input = inputsOf(card).find((i) => i.id === data.jdInput)!;
          const answer = scripted(String((data.jd as Record<string, unknown>).stepId ?? ""));
          value = { ...data, [String(data.jdInput)]: answer === undefined ? defaultAnswer(input) : Array.isArray(answer) ? answer.join(",") : String(answer) };
        } else {
          const next = findAction(card, (c) => c.type === "dialogue" && (c.action === "confirm" || c.action === "answer"));
          if (!next) return;
          value = next.data as Record<string, unknown>;
        }
        await submit(email, value, current.id);
      }
      throw new Error("the dialogue did not finish");
    },
    async seen(email) {
      return chat(email).map((p) => cardText(cardOf(p.activity))).join("\n");
    },
    async arrSeen() {
      return connector.conversation(ARR_TEAM.channelId).map((p) => cardText(cardOf(p.activity))).join("\n");
    },
  };
}

/** 15:30 in Oslo on that day: inside working hours, after the day's reminders are due. */
const afternoonOf = (date: string): Date => DateTime.fromISO(`${date}T15:30`, { zone: "Europe/Oslo" }).toJSDate();
const nudgeOrEscalationOfThePlan = /(Påminnelse|Forsinket): Oppfølgingsplan for Anne Ansatt/;

describe.each([consoleDriver(OPTIONS), slackDriver(OPTIONS), teamsDriver()])("the scenario in the $name channel", (driver) => {
  beforeAll(() => driver.start());
  afterAll(() => driver.stop());
  /** When the plan milestone's reminders were planned for, before the plan was confirmed. */
  let plannedForThePlan: Date[] = [];

  it("before anyone is sick, the employee writes down how she wants to be followed up and her own task list", async () => {
    await driver.say(EMPLOYEE, "kontakt");
    await driver.answer(EMPLOYEE, AGREEMENT);
    expect(await driver.seen(EMPLOYEE)).toMatch(/lagret/i);
  });

  it("reports sick, and the leader is told, with her agreement and her own task list", async () => {
    await driver.report(EMPLOYEE);
    const period = await driver.db().absencePeriod.findFirstOrThrow();
    expect(period).toMatchObject({ startDate: addDays(today(), REPORT.startDays), endDate: addDays(today(), REPORT.endDays), grade: REPORT.grade, document: REPORT.document });
    const leader = await driver.seen(LEADER);
    expect(leader).toMatch(/Anne Ansatt har meldt seg syk/);
    expect(leader).toMatch(/Hvem tar oppgavene: Kari tar kundemøtene mine/);
    expect(leader).toMatch(new RegExp(`Oppgaver Anne Ansatt selv mener .* kan gjøre under sykdom: ${OWN_TASK}`));
  });

  it("runs the employee's and the leader's dialogues into version 1 of the plan", async () => {
    await driver.say(EMPLOYEE, "plan");
    await driver.answer(EMPLOYEE, EMPLOYEE_ANSWERS);
    expect(await driver.seen(LEADER)).toMatch(/Anne Ansatt har gjort sin del/);
    const anne = await driver.db().person.findUniqueOrThrow({ where: { email: EMPLOYEE } });
    await driver.say(LEADER, "plan");
    await driver.press(LEADER, (c) => c.type === "plan" && c.employeeId === anne.id);
    await driver.answer(LEADER, LEADER_ANSWERS);
    expect(await driver.seen(EMPLOYEE)).toMatch(new RegExp(MEASURE));
    // A proposed version settles nothing: the plan milestone's nudges (and escalation) are still planned.
    const planned = await driver.db().outbox.findMany({ where: { milestoneId: PLAN_MILESTONE, status: "pending" } });
    expect(planned.filter((r) => r.kind === "nudge").length).toBeGreaterThan(0);
    plannedForThePlan = planned.map((r) => r.dueAt);
  });

  it("the employee confirms: the version is confirmed, the leader is told, the ARR channel gets the summary", async () => {
    await driver.press(EMPLOYEE, (c) => c.type === "plan.review" && c.action === "confirm");
    const version = await driver.db().planVersion.findFirstOrThrow({ orderBy: { version: "desc" } });
    expect(version.reviewStatus).toBe("confirmed");
    // Settling the plan milestone by a confirmed version is the core's (issue 9); what holds here is the confirmation.
    expect(await driver.seen(LEADER)).toMatch(/har bekreftet versjon 1/);
    const arr = await driver.arrSeen();
    expect(arr).toMatch(/Anne Ansatt/);
    expect(arr).toMatch(new RegExp(MEASURE));
    // Her own task is in the plan, assessed by both: her view, and the leader's beside it.
    const content = parsePlanContent(JSON.parse(version.content));
    const task = content.tasks.find((t) => t.name === OWN_TASK);
    expect(task).toMatchObject({ ability: "normal", assessedBy: "employee" });
    expect(task?.otherView).toMatchObject({ by: "leader", ability: "with_adjustment" });
    // "As agreed" filled the plan's handover field from her agreement.
    expect(content.taskHandover.employee).toMatch(/Kari tar kundemøtene/);
  });

  it("the plan milestone is settled: past its deadline the scheduler sends no reminder or escalation of it, in this channel", async () => {
    const db = driver.db();
    const anneCase = await db.sickCase.findFirstOrThrow();
    const milestone = await db.outbox.findFirst({ where: { caseId: anneCase.id, milestoneId: "no.plan_to_sykmelder", status: "pending", kind: "nudge" } });
    // Tick at every moment a reminder of the plan was planned for, and well past the deadline and the escalation.
    const ticks = [...plannedForThePlan.map((d) => new Date(d.getTime() + 60_000)), afternoonOf(addDays(today(), REPORT.startDays + 28 + 10))].sort((a, b) => a.getTime() - b.getTime());
    expect(ticks[0]!.getTime()).toBeGreaterThan(Date.now());
    for (const now of ticks) await driver.services().scheduler.tick(now);

    const rows = await db.outbox.findMany({ where: { milestoneId: PLAN_MILESTONE } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status === "sent")).toEqual([]);
    expect(rows.every((r) => r.status === "cancelled")).toBe(true);
    expect(await driver.seen(LEADER)).not.toMatch(nudgeOrEscalationOfThePlan);
    expect(await driver.seen(HR)).not.toMatch(nudgeOrEscalationOfThePlan);
    expect(await driver.arrSeen()).not.toMatch(nudgeOrEscalationOfThePlan);
    // The same ticks do deliver in this channel: the milestone with the same deadline that the
    // plan does not settle (sending it to the doctor) is nudged.
    expect(milestone).not.toBeNull();
    const sent = await db.outbox.findMany({ where: { caseId: anneCase.id, milestoneId: "no.plan_to_sykmelder", kind: "nudge", status: "sent" } });
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent.map((r) => r.channel))).toEqual(new Set([driver.name]));
    expect(await driver.seen(LEADER)).toMatch(/Påminnelse: Send planen til sykmelder for Anne Ansatt/);
  });

  it("the plan's measure falls due and reaches its owner, the leader, in this channel", async () => {
    const db = driver.db();
    const lise = await db.person.findUniqueOrThrow({ where: { email: LEADER } });
    const measure = await db.measure.findFirstOrThrow({ where: { title: MEASURE } });
    expect(measure).toMatchObject({ owner: "leader", dueDate: addDays(today(), MEASURE_DUE_DAYS), status: "agreed" });
    const row = await db.outbox.findFirstOrThrow({ where: { kind: "measure_due", measureId: measure.id, status: "pending" } });
    expect(row.recipientId).toBe(lise.id);
    const heading = new RegExp(`Tiltak med frist: ${MEASURE}`);
    expect(await driver.seen(LEADER)).not.toMatch(heading);

    // Not before it is due…
    await driver.services().scheduler.tick(new Date(row.dueAt.getTime() - 60 * 60_000));
    expect(await driver.seen(LEADER)).not.toMatch(heading);
    // …and then, in the leader's chat.
    await driver.services().scheduler.tick(new Date(row.dueAt.getTime() + 60_000));
    expect(await db.outbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", channel: driver.name });
    // On its due day (or the first working day after it), in Oslo.
    expect(localDateOf(row.dueAt, "Europe/Oslo") >= measure.dueDate!).toBe(true);
    expect(await driver.seen(LEADER)).toMatch(heading);
  });

  it("the timeline: each party sees the case as their role may, in this channel", async () => {
    const anne = await driver.db().person.findUniqueOrThrow({ where: { email: EMPLOYEE } });
    /** What the person is shown from now on (their chat so far is left out). */
    const next = async (email: string, act: () => Promise<void>) => {
      const before = (await driver.seen(email)).length;
      await act();
      return (await driver.seen(email)).slice(before);
    };
    const forAnne = (c: Command) => c.type === "timeline" && c.employeeId === anne.id;

    // HR: everything, including who has looked.
    const hr = await next(HR, async () => {
      await driver.say(HR, "tidslinje");
      await driver.press(HR, forAnne);
    });
    expect(hr).toMatch(/Tidslinje for Anne Ansatt/);
    expect(hr).toMatch(/Sykefravær meldt/);
    expect(hr).toMatch(/Den ansatte bekreftet versjon 1/);
    expect(hr).toMatch(/Påminnelse om «Send planen til sykmelder» sendt til lederen/);

    // The leader: the case, but not who read the plan or looked at the timeline.
    const leader = await next(LEADER, async () => {
      await driver.say(LEADER, "tidslinje");
      await driver.press(LEADER, forAnne);
    });
    expect(leader).toMatch(/Tidslinje for Anne Ansatt/);
    expect(leader).toMatch(new RegExp(`Tiltak avtalt: ${MEASURE}`));
    expect(leader).toMatch(/Lederen fullførte/);
    expect(leader).not.toMatch(/så tidslinjen|leste planen/);

    // The ARR team: the summary level only, with her consent; never nudges, dialogues or who looked.
    const arr = await next(ARR, async () => {
      await driver.say(ARR, "tidslinje");
      await driver.press(ARR, forAnne);
    });
    expect(arr).toMatch(/Den ansatte bekreftet versjon 1/);
    expect(arr).toMatch(/Sammendrag av versjon 1 sendt til ARR-teamet/);
    expect(arr).not.toMatch(/Påminnelse om|fullførte «|så tidslinjen|leste planen/);

    // The employee: her whole case, including who looked (the button to withdraw the ARR consent: test/app/timeline.test.ts).
    const own = await next(EMPLOYEE, () => driver.say(EMPLOYEE, "tidslinje"));
    expect(own).toMatch(/Tidslinje for Anne Ansatt/);
    expect(own).toMatch(/Den ansatte samtykket i at ARR-teamet ser sammendraget/);
    expect(own).toMatch(/Hanne HR \(HR\) så tidslinjen/);
    expect(own).toMatch(/Lise Leder \(leder\) så tidslinjen/);
    expect(own.indexOf("Sykefravær meldt")).toBeLessThan(own.indexOf("Den ansatte bekreftet versjon 1"));
  });

  it("ends the case when the employee is back at work", async () => {
    const openCase = await driver.db().sickCase.findFirstOrThrow();
    const later = { caseId: openCase.id, kind: { in: ["nudge", "escalation", "measure_due"] }, status: "pending" };
    expect(await driver.db().outbox.count({ where: later })).toBeGreaterThan(0);
    await driver.say(EMPLOYEE, "endre");
    await driver.answer(EMPLOYEE, { ...BACK_AT_WORK, lastSickDay: addDays(today(), -1) });
    const current = await driver.db().absencePeriod.findMany({ where: { supersededAt: null } });
    expect(current.map((p) => p.endDate)).toEqual([addDays(today(), -1)]);
    // Nothing more is planned for the case: its later milestones are nudged no more.
    expect(await driver.db().outbox.count({ where: later })).toBe(0);
  });
});
