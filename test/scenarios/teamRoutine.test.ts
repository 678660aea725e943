// The team's routine (seed 002), in the console channel and in Slack (signed requests to the
// real Bolt app, a fake Web API): the leader writes the team's routine once ("teamrutine");
// it is offered to each member; Anne accepts it as-is, Petter adjusts it (only his leader may
// know, and less often); when each of them reports sick, the leader's notice shows that
// person's whole agreement: how and by whom to be contacted, when, how close, who may know,
// who takes the tasks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerValue } from "../../src/domain/messages/commands.js";
import { today } from "../channels/slack/harness.js";
import { consoleDriver, slackDriver, type DriverOptions } from "./drivers.js";

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

const SLACK_USERS: Record<string, string> = { [LEADER]: "U0LISE", [ANNE]: "U0ANNE", [PETTER]: "U0PETTER" };

const OPTIONS: DriverOptions = {
  directory: DIRECTORY,
  zone: "Europe/Oslo",
  today,
  slackUsers: SLACK_USERS,
  report: { word: "syk", startDays: -1, endDays: 30, grade: 100, document: "sykmelding" },
};

describe.each([consoleDriver(OPTIONS), slackDriver(OPTIONS)])("the team routine in the $name channel", (driver) => {
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
