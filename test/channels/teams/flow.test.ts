// The Teams channel end to end: the real bot (startBot, CloudAdapter, the
// conversation core, a fresh SQLite database) receives Bot Framework activities
// over HTTP as Teams would send them, and talks to a fake Bot Connector on
// 127.0.0.1 that records every card. Local mode (no app id): no tokens involved.
//
// install → report via the card form → the leader is told proactively → the
// employee's and the leader's dialogues as cards → the confirmed plan → the ARR
// channel's summary, updated in place on the next version; duplicates, unknown
// users, user-specific views in a channel, and a person who removed the app.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/tempDb.js";
import { startBot, type RunningBot } from "../../../src/server/bot.js";
import { loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/logging/logger.js";
import { importDirectory } from "../../../src/app/directory/importDirectory.js";
import { todayFor } from "../../../src/app/people.js";
import { addDays } from "../../../src/domain/time/localDate.js";
import { FakeConnector, type Posted, type Write } from "./helpers/fakeConnector.js";
import { TENANT, TeamsClient, type TeamsUser } from "./helpers/teamsClient.js";
import { actionsOf, cardProblems, cardText, commandOf, findAction, inputsOf, type Card, type Element } from "./helpers/cards.js";

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,aad-anne,",
  "hanne@firma.no,Hanne HR,,en,NO,Europe/Oslo,,aad-hanne,hr;arr",
].join("\n");

const anne: TeamsUser = { id: "29:anne", name: "Anne Ansatt", aadObjectId: "aad-anne" };
// Lise is not linked to Teams in the directory: she is found by her e-mail.
const lise: TeamsUser = { id: "29:lise", name: "Lise Leder", aadObjectId: "aad-lise" };
const hanne: TeamsUser = { id: "29:hanne", name: "Hanne HR", aadObjectId: "aad-hanne" };
const stian: TeamsUser = { id: "29:stian", name: "Stian Fremmed", aadObjectId: "aad-stian" };
const ARR_TEAM = { teamId: "19:arr-team@thread.tacv2", channelId: "19:arr-general@thread.tacv2" };

type Answer = string | ((input: Element) => string);

function moreThenStop(times: number): Answer {
  let asked = 0;
  return () => (asked++ < times ? "yes" : "no");
}

const EMPLOYEE_ANSWERS: Record<string, Answer> = {
  contactAsAgreed: "as_agreed",
  role: "Rådgiver i kundeservice",
  positionPercent: "100",
  mainTasks: "Kundemøter\nTelefonvakt\nTunge løft på lageret",
  ability: (input) => String((input.choices as Array<{ value: string }>)[1]!.value),
  triedBefore: "yes",
  previousFacilitation: "Hjemmekontor to dager i uka fungerte bra.",
  returnPace: "graded",
  arrConsent: "yes",
};

const LEADER_ANSWERS: Record<string, Answer> = {
  triedBefore: "yes",
  "measures._more": moreThenStop(1),
  measureTitle: "Hjemmekontor tirsdag og torsdag",
  measureOwner: "leader",
  needsHelpFromNav: "no",
  employeeContributed: "yes",
  sendToNav: "no",
  sendToGp: "no",
};

/** What a person would fill in when the script says nothing: the field's own value, else something sensible. */
function defaultAnswer(input: Element): string {
  switch (input.type) {
    case "Input.ChoiceSet":
      return String((input.choices as Array<{ value: string }>)[0]!.value);
    case "Input.Date":
      return String(input.value ?? input.min ?? "");
    case "Input.Number":
      return String(input.value ?? Math.min(Number(input.max), Math.max(Number(input.min), 50)));
    default:
      return input.isMultiline ? "Vi prøver kortere dager og færre tunge løft." : "Kortere dager";
  }
}

describe("Teams channel over HTTP (local mode, fake Bot Connector)", () => {
  let bot: RunningBot;
  let connector: FakeConnector;
  let client: TeamsClient;
  let today: string;
  /** Cards the bot answered invokes with (they never pass the connector). */
  const invokeCards: Card[] = [];

  const personal = (user: TeamsUser) => TeamsClient.personalConversation(user);
  const person = (email: string) => bot.app.db.person.findUniqueOrThrow({ where: { email } });
  const cardOf = (p: { activity: Record<string, unknown> }) => FakeConnector.cardOf(p.activity) ?? {};
  const lastIn = (user: TeamsUser): Posted => connector.conversation(personal(user)).at(-1)!;

  /** Sends an activity and returns what the bot wrote in answer (anywhere). */
  async function act(activity: Record<string, unknown>): Promise<Write[]> {
    const before = connector.writes.length;
    await client.postOk(activity);
    return connector.writes.slice(before);
  }

  const isDialogueCard = (card: Card) => actionsOf(card).some((a) => commandOf(a)?.type === "dialogue");

  /**
   * Answers a dialogue through its cards like a person in Teams: fills in the input
   * of the current card and presses its button (Action.Submit, replying to that card),
   * continues past info steps, optionally edits the first answer from the summary,
   * and confirms. Returns every write the bot made on the way.
   */
  async function drive(user: TeamsUser, first: Write[], answers: Record<string, Answer>, options: { editFirst?: boolean } = {}): Promise<Write[]> {
    const all = [...first];
    let current = first.filter((w) => w.conversationId === personal(user)).findLast((w) => isDialogueCard(cardOf(w)));
    let edited = false;
    for (let step = 0; step < 150 && current; step++) {
      const id = current.activityId;
      const card = cardOf(connector.posted.get(id)!);
      if (!isDialogueCard(card)) return all; // closed: completed (or cancelled)
      const submit = actionsOf(card).find((a) => typeof (a.data as Record<string, unknown> | undefined)?.jdInput === "string");
      let value: Record<string, unknown>;
      if (submit) {
        const data = submit.data as Record<string, unknown>;
        const input = inputsOf(card).find((i) => i.id === data.jdInput)!;
        const stepId = String((data.jd as Record<string, unknown>).stepId ?? "");
        const scripted = answers[stepId];
        const answer = typeof scripted === "function" ? scripted(input) : scripted ?? defaultAnswer(input);
        value = { ...data, [String(data.jdInput)]: answer };
      } else {
        const edit = options.editFirst && !edited ? findAction(card, (c) => c.type === "dialogue" && c.action === "edit") : undefined;
        if (edit) edited = true;
        const next = edit ?? findAction(card, (c) => c.type === "dialogue" && (c.action === "confirm" || c.action === "answer"));
        if (!next) return all;
        value = next.data as Record<string, unknown>;
      }
      const writes = await act(client.submit(user, value, id));
      all.push(...writes);
      // Where the dialogue goes on: the card replaced in place, or a new prompt.
      const mine = writes.filter((w) => w.conversationId === personal(user));
      current = mine.findLast((w) => isDialogueCard(w.activity.attachments ? cardOf(w) : {})) ?? mine.find((w) => w.activityId === id) ?? current;
      if (!mine.some((w) => w.activityId === current!.activityId)) throw new Error(`no answer to step ${step}: ${JSON.stringify(value)}`);
    }
    return all;
  }

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    // Teams tells the bot members' e-mail addresses (TeamsInfo.getMember).
    connector.members.set(lise.id, { id: lise.id, name: lise.name, aadObjectId: lise.aadObjectId, email: "Lise@Firma.no", userPrincipalName: "lise@firma.no" });
    connector.members.set(stian.id, { id: stian.id, name: stian.name, aadObjectId: stian.aadObjectId, email: "stian@annet.no" });
    const dir = tempDir();
    const config = loadConfig({ DATABASE_URL: `file:${path.join(dir, "teams.db")}`, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", TEAMS_LOCAL_MODE: "true", HEALTH_TOKEN: "operator-token-for-tests" });
    bot = await startBot(config, createLogger("silent"));
    await importDirectory(bot.app.db, DIRECTORY, { defaultTimeZone: "Europe/Oslo" });
    client = new TeamsClient(bot.http.url, connector.url);
    today = todayFor({ timeZone: "Europe/Oslo" }, new Date());
  });

  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  it("reports the local mode on /healthz and keeps channels.teams false without an app id", async () => {
    const health = (await (await fetch(`${bot.http.url}/healthz`, { headers: { authorization: "Bearer operator-token-for-tests" } })).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ channels: { teams: false }, teams: { mode: "local", authenticated: false, endpoint: "/api/messages" } });
  });

  it("stores each installer's conversation reference, matching by object id or e-mail; strangers are refused and not stored", async () => {
    for (const user of [anne, lise, hanne]) for (const activity of client.installPersonal(user)) await client.postOk(activity);
    const strangerWrites = await act(client.installPersonal(stian)[0]!);

    const [a, l, h] = await Promise.all(["anne@firma.no", "lise@firma.no", "hanne@firma.no"].map(person));
    for (const p of [a!, l!, h!]) {
      const ref = JSON.parse(p.teamsConversationRef ?? "{}") as { conversation?: { id?: string }; serviceUrl?: string; activityId?: string };
      expect(ref.serviceUrl).toBe(connector.url);
      expect(ref.activityId).toBeUndefined();
      expect(p.teamsTenantId).toBe(TENANT);
    }
    expect(JSON.parse(a!.teamsConversationRef!).conversation.id).toBe(personal(anne));
    expect(l!.teamsUserId).toBe("aad-lise"); // learned from the e-mail match
    expect(connector.memberLookups).toContain(lise.id);

    // The welcome and the help card, in the person's language.
    expect(connector.conversation(personal(anne)).map((p) => cardText(cardOf(p))).join("\n")).toMatch(/Hei Anne Ansatt! Jeg er Jobbdialog/);
    expect(connector.conversation(personal(hanne)).map((p) => cardText(cardOf(p))).join("\n")).toMatch(/Hi Hanne HR! I'm Jobbdialog/);

    expect(strangerWrites).toHaveLength(1);
    expect(cardText(cardOf(strangerWrites[0]!))).toMatch(/finner deg ikke i katalogen/);
    expect(await bot.app.db.person.count({ where: { OR: [{ teamsUserId: "aad-stian" }, { email: "stian@annet.no" }] } })).toBe(0);
    expect(await bot.app.db.channelConversation.count({ where: { conversationId: personal(stian) } })).toBe(0);
    expect(await bot.app.db.channelConversation.count({ where: { kind: "personal" } })).toBe(3);
  });

  it("registers the ARR channel only for an HR admin, in a team channel", async () => {
    await client.postOk(client.channel(hanne, ARR_TEAM, { type: "conversationUpdate", membersAdded: [{ id: "28:jobbdialog-bot" }] }));
    expect(await bot.app.db.channelConversation.findFirst({ where: { conversationId: ARR_TEAM.channelId } })).toMatchObject({ kind: "channel" });

    const refused = await act(client.channelText(anne, ARR_TEAM, "arr-kanal"));
    expect(cardText(cardOf(refused[0]!))).toMatch(/Bare HR-administratorer/);
    const inPersonalChat = await act(client.text(hanne, "registrer arr-kanal"));
    expect(cardText(cardOf(inPersonalChat[0]!))).toMatch(/registered in the channel itself/);
    const workspaceBefore = await bot.app.db.workspace.findUnique({ where: { platform_externalId: { platform: "teams", externalId: TENANT } } });
    expect(workspaceBefore?.arrChannel ?? null).toBeNull();

    const done = await act(client.channelText(hanne, ARR_TEAM, "arr channel"));
    expect(cardText(cardOf(done[0]!))).toMatch(/now the ARR channel/);
    const workspace = await bot.app.db.workspace.findUniqueOrThrow({ where: { platform_externalId: { platform: "teams", externalId: TENANT } } });
    const reference = JSON.parse(workspace.arrChannel!) as { conversation: { id: string }; activityId?: string };
    // The channel itself, not the thread the command was written in.
    expect(reference.conversation.id).toBe(ARR_TEAM.channelId);
    expect(reference.activityId).toBeUndefined();
  });

  it("takes a report from the card form, replaces the form with the receipt, tells the leader, and ignores a redelivery", async () => {
    const form = await act(client.text(anne, "syk"));
    expect(form).toHaveLength(1);
    const formCard = cardOf(form[0]!);
    expect(inputsOf(formCard).map((i) => [i.type, i.id])).toEqual([
      ["Input.Date", "start"],
      ["Input.Date", "end"],
      ["Input.Number", "grade"],
      ["Input.ChoiceSet", "document"],
    ]);
    const send = actionsOf(formCard).find((a) => (a.data as Record<string, unknown>).jdForm === "report")!;
    expect(send.type).toBe("Action.Submit");

    const end = addDays(today, 27);
    const submit = client.submit(anne, { ...(send.data as object), start: today, end, grade: "100", document: "sykmelding" }, form[0]!.activityId);
    const writes = await act(submit);
    const formNow = connector.posted.get(form[0]!.activityId)!;
    expect(formNow.updates).toBe(1);
    expect(cardText(cardOf(formNow))).toMatch(/Sykefraværet ditt er registrert/);
    expect(inputsOf(cardOf(formNow))).toHaveLength(0);

    // The leader hears of it at once, proactively, in her own chat.
    const toLise = writes.filter((w) => w.conversationId === personal(lise));
    expect(toLise).toHaveLength(1);
    expect(toLise[0]!.kind).toBe("post");
    expect(cardText(cardOf(toLise[0]!))).toMatch(/Anne Ansatt har meldt seg syk/);
    expect(findAction(cardOf(toLise[0]!), (c) => c.type === "plan" && typeof c.employeeId === "string")).toBeDefined();

    const periods = await bot.app.db.absencePeriod.findMany({ where: { person: { email: "anne@firma.no" } } });
    expect(periods.map((p) => [p.startDate, p.endDate, p.grade, p.document, p.reportedVia])).toEqual([[today, end, 100, "sykmelding", "teams"]]);

    // Teams redelivers the same activity: nothing happens twice.
    const again = await client.post(submit);
    expect(again.status).toBe(200);
    expect(connector.writes.length).toBe(writes.at(-1)!.seq);
    expect(await bot.app.db.absencePeriod.count()).toBe(1);
  });

  it("runs the employee's dialogue as cards, updated in place, with an edit from the summary", async () => {
    const start = await act(client.text(anne, "plan"));
    const firstPrompt = start.find((w) => isDialogueCard(cardOf(w)))!;
    expect(firstPrompt).toBeDefined();
    // Typing the answer instead of pressing the button: a fresh card below, the old one retired.
    const typed = await act(client.text(anne, "ok"));
    expect(typed.some((w) => w.kind === "update" && w.activityId === firstPrompt.activityId && /erstattet/.test(cardText(cardOf(w))))).toBe(true);
    const writes = await drive(anne, typed, EMPLOYEE_ANSWERS, { editFirst: true });

    const prompt = writes.find((w) => w.conversationId === personal(anne) && w.kind !== "update" && isDialogueCard(cardOf(w)))!;
    const promptPosted = connector.posted.get(prompt.activityId)!;
    // One card for the whole dialogue, replaced at each answer.
    expect(promptPosted.updates).toBeGreaterThan(15);
    expect(cardText(cardOf(promptPosted))).toMatch(/fullført|ferdig|Takk/i);
    const anneText = writes.filter((w) => w.conversationId === personal(anne)).map((w) => cardText(cardOf(w))).join("\n");
    expect(anneText).toMatch(/Jeg har bedt Lise Leder/);
    const invite = writes.filter((w) => w.conversationId === personal(lise));
    expect(invite.map((w) => cardText(cardOf(w))).join("\n")).toMatch(/Anne Ansatt har gjort sin del/);
    // The summary offered an edit button per answer.
    const summaries = connector.writes.filter((w) => w.activityId === prompt.activityId && findAction(cardOf(w), (c) => c.type === "dialogue" && c.action === "confirm"));
    expect(summaries.length).toBeGreaterThan(0);
    const summary = cardOf(summaries.at(-1)!);
    expect(actionsOf(summary).filter((a) => commandOf(a)?.action === "edit").length).toBeGreaterThan(5);
  });

  it("lets the leader do her side from the notice's button, and sends the merged plan to the employee", async () => {
    const notice = connector.conversation(personal(lise)).find((p) => /har meldt seg syk/.test(cardText(cardOf(p))))!;
    const planFor = findAction(cardOf(notice), (c) => c.type === "plan")!;
    const start = await act(client.submit(lise, planFor.data as Record<string, unknown>, notice.id));
    const writes = await drive(lise, start, LEADER_ANSWERS);
    const liseText = writes.filter((w) => w.conversationId === personal(lise)).map((w) => cardText(cardOf(w))).join("\n");
    expect(liseText).toMatch(/Versjon 1 av planen er sendt til Anne Ansatt/);

    const review = writes.filter((w) => w.conversationId === personal(anne));
    expect(review).toHaveLength(1);
    const reviewCard = cardOf(review[0]!);
    expect(cardText(reviewCard)).toMatch(/Hjemmekontor tirsdag og torsdag/);
    expect(cardText(reviewCard)).toMatch(/Hjemmekontor to dager i uka fungerte bra/);
    expect(findAction(reviewCard, (c) => c.type === "plan.review" && c.action === "confirm")).toBeDefined();
  });

  it("confirms the plan from the card, tells the leader, and posts the consented summary in the ARR channel", async () => {
    const review = lastIn(anne);
    const confirm = findAction(cardOf(review), (c) => c.type === "plan.review" && c.action === "confirm")!;
    const writes = await act(client.submit(anne, confirm.data as Record<string, unknown>, review.id));
    expect(writes.filter((w) => w.conversationId === personal(anne)).map((w) => cardText(cardOf(w))).join("\n")).toMatch(/bekreftet versjon 1/);
    expect(writes.filter((w) => w.conversationId === personal(lise)).map((w) => cardText(cardOf(w))).join("\n")).toMatch(/Anne Ansatt har bekreftet versjon 1/);

    const arr = connector.conversation(ARR_TEAM.channelId).filter((p) => /Anne Ansatt/.test(cardText(cardOf(p))));
    expect(arr).toHaveLength(1);
    const text = cardText(cardOf(arr[0]!));
    expect(text).toMatch(/Hjemmekontor tirsdag og torsdag/);
    expect(text).not.toMatch(/Tunge løft på lageret/); // tasks are not the ARR team's business
    const writesToArr = connector.writes.filter((w) => w.conversationId === ARR_TEAM.channelId && w.activityId === arr[0]!.id);
    expect(writesToArr.map((w) => w.kind)).toEqual(["post"]);
    const plan = await bot.app.db.plan.findFirstOrThrow({ where: { latestVersion: { gt: 0 } } });
    expect(await bot.app.db.postedMessage.findUnique({ where: { replaceKey_channel_target: { replaceKey: `arr:${plan.caseId}`, channel: "teams", target: ARR_TEAM.channelId } } })).toMatchObject({ ref: arr[0]!.id });
  });

  it("updates the ARR summary in place when a new version is confirmed", async () => {
    const anneId = (await person("anne@firma.no")).id;
    const start = await act(client.personal(lise, { type: "message", value: { jd: { type: "dialogue.start", dialogueId: "measures", employeeId: anneId } } }));
    await drive(lise, start, { "measures._more": moreThenStop(1), measureTitle: "Ergonomisk stol", measureOwner: "hr" });
    const review = lastIn(anne);
    const confirm = findAction(cardOf(review), (c) => c.type === "plan.review" && c.action === "confirm" && c.version === 2)!;
    expect(confirm).toBeDefined();
    await act(client.submit(anne, confirm.data as Record<string, unknown>, review.id));

    const arr = connector.conversation(ARR_TEAM.channelId).filter((p) => /Anne Ansatt/.test(cardText(cardOf(p))));
    expect(arr).toHaveLength(1);
    expect(arr[0]!.updates).toBe(1);
    expect(cardText(cardOf(arr[0]!))).toMatch(/Ergonomisk stol/);
  });

  it("lets a leader act on a milestone card button", async () => {
    const sickCase = await bot.app.db.sickCase.findFirstOrThrow({ where: { person: { email: "anne@firma.no" } } });
    // The buttons a nudge card carries (the scheduler's milestone commands).
    const writes = await act(client.personal(lise, { type: "message", value: { jd: { type: "milestone", caseId: sickCase.id, milestoneId: "no.dialogmote1", action: "done" } } }));
    expect(cardText(cardOf(writes[0]!))).toMatch(/markert som gjort for Anne Ansatt/);
    expect(await bot.app.db.milestoneState.findFirst({ where: { caseId: sickCase.id, milestoneId: "no.dialogmote1" } })).toMatchObject({ state: "done" });
    // Anne cannot settle her own leader's duty with a forged button.
    const forged = await act(client.personal(anne, { type: "message", value: { jd: { type: "milestone", caseId: sickCase.id, milestoneId: "no.dialogmote1", action: "snooze" } } }));
    expect(cardText(cardOf(forged[0]!))).toMatch(/ikke tilgang/);
  });

  it("shows each user their own view of a shared card in a channel (Action.Execute with refresh)", async () => {
    const shared = await act(client.channelText(anne, ARR_TEAM, "status"));
    expect(shared).toHaveLength(1);
    const base = cardOf(shared[0]!);
    const refresh = base.refresh as { action: { type: string; verb: string; data: Record<string, unknown> }; userIds: string[] };
    expect(refresh.userIds).toEqual([anne.id]);
    expect(refresh.action.type).toBe("Action.Execute");
    // Everyone else sees only that Anne asked: nothing about her case.
    expect(cardText(base)).not.toMatch(/uke|grad|Sykefravær|Hjemmekontor/i);

    const anneView = await client.postOk(client.execute(client.channel(anne, ARR_TEAM, {}), refresh.action.verb, refresh.action.data, "automatic"));
    const anneCard = (anneView.body as { type: string; value: Card }).value;
    expect((anneView.body as { type: string }).type).toBe("application/vnd.microsoft.card.adaptive");
    invokeCards.push(anneCard);
    expect(cardText(anneCard)).toMatch(/Anne Ansatt/);
    expect(cardText(anneCard)).toMatch(/Oppfølgingsplan|versjon 2/i);

    // Lise opens the same card: she sees her own status, never Anne's.
    const liseView = await client.postOk(client.execute(client.channel(lise, ARR_TEAM, {}), refresh.action.verb, refresh.action.data));
    const liseCard = (liseView.body as { value: Card }).value;
    invokeCards.push(liseCard);
    expect(cardText(liseCard)).toMatch(/Status for Lise Leder/);
    expect(cardText(liseCard)).not.toMatch(/Hjemmekontor/);

    // Her own "help" in the channel: a button on her view runs her command and answers with her next card.
    const help = await act(client.channelText(lise, ARR_TEAM, "hjelp"));
    const helpRefresh = (cardOf(help[0]!).refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
    const helpView = await client.postOk(client.execute(client.channel(lise, ARR_TEAM, {}), helpRefresh.verb, helpRefresh.data, "automatic"));
    const helpCard = (helpView.body as { value: Card }).value;
    invokeCards.push(helpCard);
    const planButton = actionsOf(helpCard).find((a) => commandOf(a)?.type === "plan")!;
    expect(planButton.type).toBe("Action.Execute");
    const next = await client.postOk(client.execute(client.channel(lise, ARR_TEAM, {}), String(planButton.verb), planButton.data as Record<string, unknown>));
    const chooser = (next.body as { value: Card }).value;
    invokeCards.push(chooser);
    expect(cardText(chooser)).toMatch(/Hvilken medarbeiders oppfølgingsplan/);
    expect(actionsOf(chooser).find((a) => a.title === "Anne Ansatt")).toMatchObject({ type: "Action.Execute" });
  });

  it("marks a person who removed the app unreachable, drops the reference, tells HR, and recovers on reinstall", async () => {
    connector.refusals.set(personal(anne), { status: 403, code: "BotNotInConversationRoster" });
    const anneId = (await person("anne@firma.no")).id;
    const start = await act(client.personal(lise, { type: "message", value: { jd: { type: "dialogue.start", dialogueId: "measures", employeeId: anneId } } }));
    const writes = await drive(lise, start, { "measures._more": moreThenStop(1), measureTitle: "Fast arbeidsplass nær døra", measureOwner: "leader" });
    expect(writes.filter((w) => w.conversationId === personal(anne))).toHaveLength(0);

    const gone = await person("anne@firma.no");
    expect(gone.teamsConversationRef).toBeNull();
    expect(gone.unreachableSince).not.toBeNull();
    expect(gone.unreachableReason).toMatch(/BotNotInConversationRoster/);
    // HR hears of it in Teams, in HR's language (from the next delivery round).
    const notice = /Anne Ansatt can no longer be reached in Teams \(has removed the app\)/;
    const toHanne = () => connector.conversation(personal(hanne)).map((p) => cardText(cardOf(p))).join("\n");
    for (let i = 0; i < 50 && !notice.test(toHanne()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(toHanne()).toMatch(notice);
    // Nothing is left to retry in Teams.
    expect(await bot.app.db.outbox.count({ where: { recipientId: anneId, status: { in: ["pending", "claimed"] } } })).toBe(0);

    connector.refusals.delete(personal(anne));
    for (const activity of client.installPersonal(anne)) await client.postOk(activity);
    const back = await person("anne@firma.no");
    expect(back.teamsConversationRef).not.toBeNull();
    expect(back.unreachableSince).toBeNull();
  });

  it("only ever sends Adaptive Cards that Microsoft's parser accepts", () => {
    const cards = [...connector.allCards(), ...invokeCards];
    expect(cards.length).toBeGreaterThan(60);
    const problems = cards.map((card) => ({ text: cardText(card).slice(0, 80), problems: cardProblems(card) })).filter((c) => c.problems.length > 0);
    expect(problems).toEqual([]);
  });
});
