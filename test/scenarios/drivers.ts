// The channel drivers the scenario suites share: each does what a person does in that channel.
// The console types and presses lettered buttons through the core and reads the console inbox;
// Slack sends signed requests to the real Bolt app and reads what the fake Web API was sent.
// (The Teams driver lives with the one suite that runs on Teams, scenario.test.ts.)
import { expect } from "vitest";
import type { AnswerValue, Command } from "../../src/domain/messages/commands.js";
import type { Message } from "../../src/domain/messages/model.js";
import { addDays } from "../../src/domain/time/localDate.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import type { Db } from "../../src/db/client.js";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { buttons, runDialogue, textOf, type Answers } from "../helpers/conversationDriver.js";
import { drive, dmOf, findButton, click, type Move, type Script as SlackScript } from "../channels/slack/driver.js";
import { dmEvent, idle, interact, postEvent, slash, startHarness, viewSubmission, type Harness } from "../channels/slack/harness.js";
import type { PostedMessage } from "../channels/slack/fakeSlack.js";

/** A step answered several times (a repeat's "one more?") takes these in turn. */
export type Script = Record<string, AnswerValue | { sequence: AnswerValue[] }>;

export interface Driver {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  db(): Db;
  /** The bot's services (the scheduler whose ticks move time on). */
  services(): Services;
  /** Reports sick the channel's own way (a form where it has one). */
  report(email: string): Promise<void>;
  /** Types a line in the person's chat with the bot. */
  say(email: string, text: string): Promise<void>;
  /** Presses a button the person can see whose command matches. */
  press(email: string, match: (command: Command) => boolean): Promise<void>;
  /** Answers the person's open dialogue to the end. */
  answer(email: string, script: Script): Promise<void>;
  /** Everything shown to the person so far (answers and messages the bot sent on its own). */
  seen(email: string): Promise<string>;
  /** What the ARR channel has been shown. */
  arrSeen(): Promise<string>;
  /** The person's Home (Slack App Home; in the console, the same data). Not every driver has one. */
  home?(email: string): Promise<string>;
}

export interface DriverOptions {
  directory: string;
  zone: string;
  /** Today in the people's zone. */
  today: () => string;
  /** The people who use Slack, by e-mail (the console reads their inboxes too). */
  slackUsers: Record<string, string>;
  /** The word that reports sick, and the report: days from today, grade, document. */
  report: { word: string; startDays: number; endDays: number; grade: number; document: "sykmelding" | "egenmelding" };
  /** The ARR channel (Slack), and the person whose console inbox holds the ARR channel's posts. */
  arr?: { slackChannel: string; consoleReader: string };
}

function consoleAnswers(script: Script): Answers {
  return Object.fromEntries(
    Object.entries(script).map(([step, value]) => {
      if (value !== null && typeof value === "object" && !Array.isArray(value) && "sequence" in value) {
        const queue = [...value.sequence];
        return [step, () => (queue.length > 1 ? queue.shift()! : queue[0]!)];
      }
      return [step, value as AnswerValue];
    }),
  );
}

function slackScript(script: Script): SlackScript {
  return Object.fromEntries(
    Object.entries(script).map(([step, value]): [string, Move | Move[]] =>
      value !== null && typeof value === "object" && !Array.isArray(value) && "sequence" in value
        ? [step, value.sequence.map((answer) => ({ answer: answer as string }))]
        : [step, { answer: value as string }],
    ),
  );
}

/** The console channel: lines typed into the core, lettered buttons pressed, the console inbox read. */
export function consoleDriver(options: DriverOptions): Driver {
  let tmp: TempDb;
  let services: Services;
  const shown = new Map<string, Message[]>();
  const person = (email: string) => tmp.db.person.findUniqueOrThrow({ where: { email } });
  const show = (email: string, messages: Message[]) => shown.set(email, [...(shown.get(email) ?? []), ...messages]);
  const inbox = async (email: string) => show(email, await services.facade.takeConsoleInbox(await person(email)));
  const handle = async (email: string, command: Command) => {
    const reply = await services.facade.handle(await person(email), command, "console");
    show(email, reply);
    await inbox(email);
    return reply;
  };
  let pending: Message[] = [];
  const { report } = options;
  return {
    name: "console",
    async start() {
      tmp = await createTempDb();
      await importDirectory(tmp.db, options.directory, { defaultTimeZone: options.zone });
      services = createServices({ config: loadConfig({ DATABASE_URL: tmp.url }), db: tmp.db, logger: createLogger("silent"), clock: () => new Date() });
    },
    stop: () => tmp.dispose(),
    db: () => tmp.db,
    services: () => services,
    async report(email) {
      const first = await handle(email, { type: "text", text: report.word });
      const answers = { startDate: addDays(options.today(), report.startDays), endDate: addDays(options.today(), report.endDays), grade: report.grade === 100 ? "full" : "partial", leaveType: report.document };
      show(email, await runDialogue(services.conversation, await person(email), first, answers));
    },
    async say(email, text) {
      pending = await handle(email, { type: "text", text });
    },
    async press(email, match) {
      await inbox(email);
      const button = buttons(shown.get(email) ?? []).findLast((b) => match(b.command));
      expect(button, `${email}: no such button`).toBeDefined();
      pending = await handle(email, button!.command);
    },
    async answer(email, script) {
      show(email, await runDialogue(services.conversation, await person(email), pending, consoleAnswers(script)));
      // What the answers set off for the others (a notice, an offer) reaches their inboxes.
      for (const who of Object.keys(options.slackUsers)) await inbox(who);
    },
    async seen(email) {
      await inbox(email);
      return textOf(shown.get(email) ?? []);
    },
    async arrSeen() {
      const reader = options.arr?.consoleReader;
      if (!reader) throw new Error("this suite has no ARR channel");
      await inbox(reader);
      return textOf(shown.get(reader) ?? []);
    },
    async home(email) {
      const data = await services.facade.home(await person(email), "console");
      return textOf([...data.status, ...data.timelines]);
    },
  };
}

/** Slack: signed requests to the real Bolt app, a fake Web API recording every post. */
export function slackDriver(options: DriverOptions): Driver {
  let h: Harness;
  const user = (email: string) => options.slackUsers[email]!;
  const text = (m: PostedMessage) => [m.text, JSON.stringify(m.blocks)].join("\n");
  const commandOf = (element: Record<string, unknown>) => JSON.parse(String(element.value)) as Command;
  const { report } = options;
  return {
    name: "slack",
    async start() {
      h = await startHarness({ directory: options.directory, ...(options.arr ? { env: { SLACK_ARR_CHANNEL: options.arr.slackChannel } } : {}) });
      for (const [email, id] of Object.entries(options.slackUsers)) h.fake.addUser({ id, email });
    },
    stop: () => h.stop(),
    db: () => h.db.db,
    services: () => h.bot.services,
    async report(email) {
      await slash(h, user(email), report.word);
      await idle(h);
      const view = h.fake.callsOf("views.open").at(-1)!.body.view as Record<string, unknown>;
      const option = (value: string) => ({ value, text: { type: "plain_text", text: value } });
      const res = await interact(
        h,
        viewSubmission(user(email), view, {
          start: { start: { type: "datepicker", selected_date: addDays(options.today(), report.startDays) } },
          end: { end: { type: "datepicker", selected_date: addDays(options.today(), report.endDays) } },
          grade: { grade: { type: "number_input", value: String(report.grade) } },
          document: { document: { type: "radio_buttons", selected_option: option(report.document) } },
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
      await drive(h, user(email), slackScript(script));
      await idle(h);
    },
    async seen(email) {
      await idle(h);
      return h.fake.channel(dmOf(user(email))).map(text).join("\n");
    },
    async arrSeen() {
      if (!options.arr) throw new Error("this suite has no ARR channel");
      await idle(h);
      return h.fake.channel(options.arr.slackChannel).map(text).join("\n");
    },
    async home(email) {
      const before = h.fake.callsOf("views.publish").length;
      await postEvent(h, { type: "app_home_opened", user: user(email), channel: dmOf(user(email)), tab: "home", event_ts: String(Date.now() / 1000) });
      await idle(h);
      const calls = h.fake.callsOf("views.publish");
      expect(calls.length).toBeGreaterThan(before);
      const published = calls.at(-1)!.body as { user_id: string; view: unknown };
      expect(published.user_id).toBe(user(email));
      return JSON.stringify(published.view);
    },
  };
}
