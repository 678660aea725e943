// The team's routine (seed 002), in the console channel and in Slack (signed requests to the
// real Bolt app, a fake Web API): the leader writes the team's routine once ("teamrutine");
// it is offered to each member; Anne accepts it as-is, Petter adjusts it (only his leader may
// know, and less often); when each of them reports sick, the leader's notice shows that
// person's whole agreement: how and by whom to be contacted, when, how close, who may know,
// who takes the tasks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerValue, Command } from "../../src/domain/messages/commands.js";
import type { Message } from "../../src/domain/messages/model.js";
import { addDays } from "../../src/domain/time/localDate.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import type { Db } from "../../src/db/client.js";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { buttons, runDialogue, textOf } from "../helpers/conversationDriver.js";
import { drive, dmOf, findButton, click, type Move } from "../channels/slack/driver.js";
import { dmEvent, idle, interact, postEvent, slash, startHarness, today, viewSubmission, type Harness } from "../channels/slack/harness.js";
import type { PostedMessage } from "../channels/slack/fakeSlack.js";

const LEADER = "lise@firma.no";
const ANNE = "anne@firma.no";
const PETTER = "petter@firma.no";
const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,,",
  "petter@firma.no,Petter Kollega,lise@firma.no,nb,NO,Europe/Oslo,,,",
].join("\n");

type Script = Record<string, AnswerValue>;

/** What the team agreed at its workshop. */
const ROUTINE: Script = {
  channels: ["phone", "chat"],
  contactBy: "leader_or_substitute",
  times: ["morning"],
  timesNote: "Ikke før klokka ni.",
  closeness: "weekly",
  whoMayKnow: "leader_and_team",
  taskHandover: "Lise fordeler oppgavene; alt ligger i teamets felles mappe.",
};
/** Petter's own version: only his leader may know, and contact every other week. */
const PETTERS: Script = { ...ROUTINE, closeness: "every_two_weeks", whoMayKnow: "leader_only", fallbackTasks: "Lese korrektur" };

interface Driver {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  db(): Db;
  report(email: string): Promise<void>;
  say(email: string, text: string): Promise<void>;
  press(email: string, match: (command: Command) => boolean): Promise<void>;
  answer(email: string, script: Script): Promise<void>;
  seen(email: string): Promise<string>;
}

function consoleDriver(): Driver {
  let tmp: TempDb;
  let services: Services;
  const shown = new Map<string, Message[]>();
  const person = (email: string) => tmp.db.person.findUniqueOrThrow({ where: { email } });
  const show = (email: string, messages: Message[]) => shown.set(email, [...(shown.get(email) ?? []), ...messages]);
  const inbox = async (email: string) => show(email, await services.facade.takeConsoleInbox(await person(email)));
  let pending: Message[] = [];
  const handle = async (email: string, command: Command) => {
    pending = await services.facade.handle(await person(email), command, "console");
    show(email, pending);
    await inbox(email);
  };
  return {
    name: "console",
    async start() {
      tmp = await createTempDb();
      await importDirectory(tmp.db, DIRECTORY, { defaultTimeZone: "Europe/Oslo" });
      services = createServices({ config: loadConfig({ DATABASE_URL: tmp.url }), db: tmp.db, logger: createLogger("silent"), clock: () => new Date() });
    },
    stop: () => tmp.dispose(),
    db: () => tmp.db,
    async report(email) {
      await handle(email, { type: "text", text: "syk" });
      show(email, await runDialogue(services.conversation, await person(email), pending, { startDate: addDays(today(), -1), endDate: addDays(today(), 30), grade: "full", leaveType: "sykmelding" }));
    },
    say: (email, text) => handle(email, { type: "text", text }),
    async press(email, match) {
      await inbox(email);
      const button = buttons(shown.get(email) ?? []).findLast((b) => match(b.command));
      expect(button, `${email}: no such button`).toBeDefined();
      await handle(email, button!.command);
    },
    async answer(email, script) {
      show(email, await runDialogue(services.conversation, await person(email), pending, script));
      for (const who of [LEADER, ANNE, PETTER]) await inbox(who);
    },
    async seen(email) {
      await inbox(email);
      return textOf(shown.get(email) ?? []);
    },
  };
}

const SLACK_USERS: Record<string, string> = { [LEADER]: "U0LISE", [ANNE]: "U0ANNE", [PETTER]: "U0PETTER" };

function slackDriver(): Driver {
  let h: Harness;
  const user = (email: string) => SLACK_USERS[email]!;
  const text = (m: PostedMessage) => [m.text, JSON.stringify(m.blocks)].join("\n");
  const commandOf = (element: Record<string, unknown>) => JSON.parse(String(element.value)) as Command;
  return {
    name: "slack",
    async start() {
      h = await startHarness({ directory: DIRECTORY });
      for (const [email, id] of Object.entries(SLACK_USERS)) h.fake.addUser({ id, email });
    },
    stop: () => h.stop(),
    db: () => h.db.db,
    async report(email) {
      await slash(h, user(email), "syk");
      await idle(h);
      const view = h.fake.callsOf("views.open").at(-1)!.body.view as Record<string, unknown>;
      const res = await interact(
        h,
        viewSubmission(user(email), view, {
          start: { start: { type: "datepicker", selected_date: addDays(today(), -1) } },
          end: { end: { type: "datepicker", selected_date: addDays(today(), 30) } },
          grade: { grade: { type: "number_input", value: "100" } },
          document: { document: { type: "radio_buttons", selected_option: { value: "sykmelding", text: { type: "plain_text", text: "sykmelding" } } } },
        }),
      );
      expect(res.status).toBe(200);
      await idle(h);
    },
    async say(email, line) {
      expect((await postEvent(h, dmEvent(user(email), line))).status).toBe(200);
      await idle(h);
    },
    async press(email, match) {
      await idle(h);
      const message = h.fake.channel(dmOf(user(email))).findLast((m) => findButton(m, (c) => match(c as Command)) !== undefined);
      expect(message, `${email}: no such button`).toBeDefined();
      await click(h, user(email), message!, findButton(message!, (c, e) => match(commandOf(e)) && c !== undefined)!);
      await idle(h);
    },
    async answer(email, script) {
      // A list is typed one item per line in Slack's text box.
      const moves = Object.fromEntries(Object.entries(script).map(([k, v]): [string, Move] => [k, { answer: v as string }]));
      await drive(h, user(email), moves);
      await idle(h);
    },
    async seen(email) {
      await idle(h);
      return h.fake.channel(dmOf(user(email))).map(text).join("\n");
    },
  };
}

describe.each([consoleDriver(), slackDriver()])("the team routine in the $name channel", (driver) => {
  beforeAll(() => driver.start(), 60_000);
  afterAll(() => driver.stop());

  it("the leader writes the team's routine once, and it is offered to each member", async () => {
    await driver.say(LEADER, "teamrutine");
    await driver.answer(LEADER, ROUTINE);
    expect(await driver.seen(LEADER)).toMatch(/Versjon 1 av teamets rutine er tilbudt 2 i teamet: Anne Ansatt, Petter Kollega/);
    const routine = await driver.db().teamRoutine.findFirstOrThrow();
    expect(JSON.parse(routine.answers)).toMatchObject({ channels: ["phone", "chat"], whoMayKnow: "leader_and_team", closeness: "weekly" });
    for (const member of [ANNE, PETTER]) {
      const seen = await driver.seen(member);
      expect(seen).toMatch(/Teamets rutine ved sykefravær, skrevet av Lise Leder/);
      expect(seen).toMatch(/Lise fordeler oppgavene/);
    }
  });

  it("Anne accepts it as it is; Petter adjusts it to himself", async () => {
    await driver.press(ANNE, (c) => c.type === "routine" && c.action === "accept");
    expect(await driver.seen(ANNE)).toMatch(/Teamets rutine er nå avtalen din om oppfølging/);
    await driver.press(PETTER, (c) => c.type === "routine" && c.action === "adjust");
    await driver.answer(PETTER, PETTERS);
    expect(await driver.seen(PETTER)).toMatch(/kontaktønskene dine er lagret/);
    const db = driver.db();
    const answerOf = async (email: string) => (await db.routineResponse.findUniqueOrThrow({ where: { personId: (await db.person.findUniqueOrThrow({ where: { email } })).id } })).answer;
    expect({ anne: await answerOf(ANNE), petter: await answerOf(PETTER) }).toEqual({ anne: "accepted", petter: "adjusted" });
  });

  it("when Anne reports sick, the leader's notice shows her whole agreement, from the routine", async () => {
    await driver.report(ANNE);
    const notice = await driver.seen(LEADER);
    expect(notice).toMatch(/Anne Ansatt har meldt seg syk/);
    expect(notice).toMatch(/Avtalen Anne Ansatt har gjort om oppfølging/);
    expect(notice).toMatch(/Kontakt: Telefon, Chat/);
    expect(notice).toMatch(/Kontaktperson: Lederen, eller vikaren når lederen er borte/);
    expect(notice).toMatch(/Når: Formiddag/);
    expect(notice).toMatch(/Om tidspunkt: Ikke før klokka ni/);
    expect(notice).toMatch(/Hvor tett: Jevnlig, omtrent hver uke/);
    expect(notice).toMatch(/Hvem kan vite at Anne Ansatt er borte: Lederen og de nærmeste kollegene/);
    expect(notice).toMatch(/Hvem tar oppgavene: Lise fordeler oppgavene; alt ligger i teamets felles mappe/);
    expect(notice).toMatch(/Du kan fortelle teamet at Anne Ansatt er borte/);
  });

  it("when Petter reports sick, the notice shows his adjusted agreement", async () => {
    await driver.report(PETTER);
    const notice = await driver.seen(LEADER);
    expect(notice).toMatch(/Petter Kollega har meldt seg syk/);
    // His answer was "only my leader"; the leader reads it about him.
    expect(notice).toMatch(/Hvem kan vite at Petter Kollega er borte: Bare lederen(?! min)/);
    expect(notice).toMatch(/Hvor tett: Omtrent annenhver uke/);
    expect(notice).toMatch(/Ikke fortell kollegene at Petter Kollega er borte/);
    expect(notice).toMatch(/Oppgaver Petter Kollega selv mener .* kan gjøre under sykdom: Lese korrektur/);
  });
});
