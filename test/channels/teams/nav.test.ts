// Sending the confirmed plan to NAV and the doctor through Teams (local mode, the fake Bot
// Connector, a fake Maskinporten + NAV LPS API on 127.0.0.1): the leader opens the plan in
// her personal chat, presses "Send to NAV and the doctor", fills in the national identity
// number on the card, and NAV gets the plan once. The number is in nothing the bot wrote to
// Teams (the input is `sensitive`), and not in the database once NAV has accepted it.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/tempDb.js";
import { startFakeNav, type FakeNav } from "../../helpers/fakeNav.js";
import { makeConfirmedPlan } from "../../helpers/demoPlan.js";
import { startBot, type RunningBot } from "../../../src/server/bot.js";
import { loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/logging/logger.js";
import { importDirectory } from "../../../src/app/directory/importDirectory.js";
import { todayFor } from "../../../src/app/people.js";
import { addDays } from "../../../src/domain/time/localDate.js";
import type { Person } from "../../../src/generated/prisma/client.js";
import { FakeConnector, type Write } from "./helpers/fakeConnector.js";
import { TeamsClient, type TeamsUser } from "./helpers/teamsClient.js";
import { cardProblems, cardText, findAction, inputsOf, type Card, type Element } from "./helpers/cards.js";

const NATIONAL_ID = "05908399546";
const TYPO = "05908399547";

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles,phone",
  "lise@firma.no,Lise Leder,,en,NO,Europe/Oslo,,aad-lise,,+47 912 34 567",
  "anne@firma.no,Anne Ansatt,lise@firma.no,en,NO,Europe/Oslo,,aad-anne,,",
].join("\n");

const lise: TeamsUser = { id: "29:lise", name: "Lise Leder", aadObjectId: "aad-lise" };
const anne: TeamsUser = { id: "29:anne", name: "Anne Ansatt", aadObjectId: "aad-anne" };


describe("Teams: the leader sends the confirmed plan to NAV and the doctor", () => {
  let bot: RunningBot;
  let connector: FakeConnector;
  let client: TeamsClient;
  let nav: FakeNav;
  let employee: Person;
  const personal = (user: TeamsUser) => TeamsClient.personalConversation(user);
  const cardOf = (w: { activity: Record<string, unknown> }): Card => FakeConnector.cardOf(w.activity) ?? {};

  async function act(activity: Record<string, unknown>): Promise<Write[]> {
    const before = connector.writes.length;
    await client.postOk(activity);
    return connector.writes.slice(before);
  }

  /** Presses a card's button the way Teams does: Action.Submit replies to the card, Action.Execute invokes. */
  async function press(user: TeamsUser, write: Write, action: Element, inputs: Record<string, unknown> = {}): Promise<Write[]> {
    const data = { ...(action.data as Record<string, unknown>), ...inputs };
    if (action.type === "Action.Execute") return act(client.execute(client.personal(user, { replyToId: write.activityId }), String(action.verb), data));
    return act(client.submit(user, data, write.activityId));
  }

  const latest = (user: TeamsUser, test: (card: Card) => boolean): Write | undefined => [...connector.writes].reverse().find((w) => w.conversationId === personal(user) && test(cardOf(w)));

  beforeAll(async () => {
    nav = await startFakeNav(tempDir());
    connector = await new FakeConnector().start();
    const dir = tempDir();
    const config = loadConfig({ DATABASE_URL: `file:${path.join(dir, "teams.db")}`, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", TEAMS_LOCAL_MODE: "true", HEALTH_TOKEN: "operator-token-for-tests", ...nav.env });
    bot = await startBot(config, createLogger("silent"));
    await importDirectory(bot.app.db, DIRECTORY, { defaultTimeZone: "Europe/Oslo" });
    client = new TeamsClient(bot.http.url, connector.url);
    for (const user of [lise, anne]) for (const activity of client.installPersonal(user)) await client.postOk(activity);

    // The plan is made and confirmed through the core (the Teams dialogues have their own tests).
    const conversation = bot.services.conversation;
    employee = await bot.app.db.person.findUniqueOrThrow({ where: { email: "anne@firma.no" } });
    const leader = await bot.app.db.person.findUniqueOrThrow({ where: { email: "lise@firma.no" } });
    const today = todayFor({ timeZone: "Europe/Oslo" }, new Date());
    await makeConfirmedPlan(conversation, bot.app.db, employee, leader, { start: addDays(today, -20) });
  });

  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
    await nav?.close();
  });

  it("opens the plan in the chat, presses Send, fills in the national id: NAV gets the plan once, Teams never sees the number", async () => {
    const isSend = (card: Card) => findAction(card, (c) => c.type === "nav.send" && Array.isArray(c.to) && c.to.length === 2) !== undefined;
    await act(client.text(lise, "plan"));
    const whose = latest(lise, (card) => findAction(card, (c) => c.type === "plan" && c.employeeId === employee.id) !== undefined);
    if (whose && !isSend(cardOf(whose))) await press(lise, whose, findAction(cardOf(whose), (c) => c.type === "plan" && c.employeeId === employee.id)!);
    const view = latest(lise, isSend)!;
    expect(view).toBeDefined();
    const send = findAction(cardOf(view), (c) => c.type === "nav.send" && Array.isArray(c.to) && c.to.length === 2)!;
    expect(send.title).toBe("Send to NAV and the doctor");
    expect(nav.calls.filter((c) => c.method === "POST")).toHaveLength(0);

    const answerNationalId = async (value: string) => {
      const ask = latest(lise, (card) => inputsOf(card).length > 0 && /national identity number \(11 digits\)/.test(cardText(card)))!;
      expect(ask).toBeDefined();
      const card = cardOf(ask);
      expect(cardProblems(card)).toEqual([]);
      const submit = findAction(card, (c, a) => c.type === "nav.send" && typeof (a.data as Record<string, unknown>).jdInput === "string")!;
      const inputId = String((submit.data as Record<string, unknown>).jdInput);
      expect(inputsOf(card).find((i) => i.id === inputId)?.type).toBe("Input.Text");
      return press(lise, ask, submit, { [inputId]: value });
    };

    await press(lise, view, send);
    const refused = await answerNationalId(TYPO);
    expect(refused.map((w) => cardText(cardOf(w))).join("\n")).toMatch(/check digits/);
    expect(nav.calls.filter((c) => c.method === "POST")).toHaveLength(0);

    await answerNationalId(NATIONAL_ID);
    for (let i = 0; i < 20 && nav.accepted.length === 0; i++) await bot.services.deliver(new Date());
    await bot.services.deliver(new Date());
    expect(nav.accepted).toHaveLength(1);
    expect(nav.dtoProblems).toEqual([]);
    expect(nav.accepted[0]!.body).toMatchObject({ employeeIdentificationNumber: NATIONAL_ID, sendPlanToNav: true, sendPlanToGeneralPractitioner: true, contactPersonFullName: "Lise Leder" });
    const rows = await bot.app.db.navSubmission.findMany();
    expect(rows.map((r) => [r.recipient, r.status]).sort()).toEqual([["doctor", "sent"], ["nav", "sent"]]);

    const chat = (user: TeamsUser) => connector.writes.filter((w) => w.conversationId === personal(user)).map((w) => cardText(cardOf(w))).join("\n");
    expect(chat(lise)).toMatch(/Sending the plan for Anne Ansatt \(version 1\) to NAV and the doctor/);
    expect(chat(lise)).toMatch(/has been delivered to NAV and the doctor/);
    expect(chat(anne)).toMatch(/Your follow-up plan \(version 1\) has been sent to NAV and the doctor/);

    // Pressing Send again on the old card sends nothing.
    await answerNationalId(NATIONAL_ID);
    await bot.services.deliver(new Date());
    expect(nav.accepted).toHaveLength(1);
    expect(nav.calls.filter((c) => c.method === "POST")).toHaveLength(1);

    // Nothing the bot wrote to Teams holds either number; nor does the database, now NAV has the plan.
    const written = JSON.stringify(connector.writes);
    expect(written).toContain("national identity number (11 digits)");
    expect(written).not.toContain(NATIONAL_ID);
    expect(written).not.toContain(TYPO);
    for (const table of ["Outbox", "AuditLog", "DialogueSession", "PostedMessage", "ConsoleInbox", "NavSubmission", "PlanVersion", "Plan", "Person", "ProcessedEvent", "CaseFact", "ChannelConversation"]) {
      const dump = JSON.stringify(await bot.app.db.$queryRawUnsafe(`SELECT * FROM "${table}"`), (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v));
      expect(dump, table).not.toContain(NATIONAL_ID);
    }
  });
});
