// The team's routine in the core: who may write it (the attack a curious colleague would try:
// writing or overwriting another team's routine), HR writing one for a named leader's team, a
// stale offer after a rewrite, and the yearly reminder (planned like the others: durable, once).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { buttons, runDialogue, textOf, type Answers } from "../helpers/conversationDriver.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import type { Command } from "../../src/domain/messages/commands.js";
import { takeInbox } from "../../src/channels/console/delivery.js";
import { translator } from "../../src/i18n/index.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,,",
  "petter@firma.no,Petter Kollega,lise@firma.no,nb,NO,Europe/Oslo,,,",
  "vera@firma.no,Vera Annenleder,,nb,NO,Europe/Oslo,,,",
  "tor@firma.no,Tor Teamet,vera@firma.no,nb,NO,Europe/Oslo,,,",
  "hanne@firma.no,Hanne HR,,nb,NO,Europe/Oslo,,,hr",
].join("\n");

const ROUTINE: Answers = { channels: ["phone"], closeness: "weekly", whoMayKnow: "leader_and_team", taskHandover: "Lise fordeler oppgavene." };
const forbidden = translator("nb")("common:errors.forbidden");

describe("the team routine in the core", () => {
  let db: TempDb;
  let services: Services;
  let now: Date;
  const person = (email: string) => db.db.person.findUniqueOrThrow({ where: { email } });
  const say = async (email: string, command: Command) => services.conversation.handle(await person(email), command, "console");
  const write = async (email: string, first: Command, answers: Answers = ROUTINE) => runDialogue(services.conversation, await person(email), await say(email, first), answers);

  beforeEach(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    now = new Date("2026-11-23T09:00:00Z");
    services = createServices({ config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => now });
  });
  afterEach(async () => db.dispose());

  it("refuses a colleague or another team's leader who tries to write or overwrite Lise's team's routine", async () => {
    const lise = await person("lise@firma.no");
    const attempts: Array<[string, Command]> = [
      ["petter@firma.no", { type: "routine", action: "write", leaderId: lise.id }],
      ["petter@firma.no", { type: "dialogue.start", dialogueId: "team_routine", employeeId: lise.id }],
      ["anne@firma.no", { type: "routine", action: "write", leaderId: lise.id }],
      ["vera@firma.no", { type: "routine", action: "write", leaderId: lise.id }],
      ["tor@firma.no", { type: "dialogue.start", dialogueId: "team_routine", employeeId: lise.id }],
    ];
    const refusals = new Set<string>();
    for (const [who, command] of attempts) {
      const reply = textOf(await say(who, command));
      expect(reply, `${who} ${JSON.stringify(command)}`).toMatch(new RegExp(`^${forbidden}`));
      expect(reply).toMatch(/bare skrives av lederen for teamet selv eller av HR/);
      refusals.add(reply);
    }
    // The same refusal for a leader who does not exist: nothing tells who leads a team.
    refusals.add(textOf(await say("petter@firma.no", { type: "routine", action: "write", leaderId: "nobody" })));
    expect(refusals.size).toBe(1);
    expect(await db.db.teamRoutine.count()).toBe(0);
    expect(await db.db.dialogueSession.count({ where: { dialogueId: "team_routine" } })).toBe(0);

    // Lise writes it; Petter's attempt to overwrite it changes nothing and offers nothing.
    await write("lise@firma.no", { type: "text", text: "teamrutine" });
    const before = await db.db.teamRoutine.findFirstOrThrow();
    expect(before).toMatchObject({ leaderId: lise.id, version: 1, writtenById: lise.id });
    const offers = await db.db.outbox.count({ where: { kind: "routine_offer" } });
    expect(offers).toBe(2);
    expect(textOf(await say("petter@firma.no", { type: "routine", action: "write", leaderId: lise.id }))).toMatch(new RegExp(`^${forbidden}`));
    // His own "teamrutine" is about his own (empty) team, never Lise's.
    await write("petter@firma.no", { type: "text", text: "teamrutine" }, { ...ROUTINE, whoMayKnow: "leader_only" });
    expect(await db.db.teamRoutine.findUniqueOrThrow({ where: { id: before.id } })).toMatchObject({ version: 1, answers: before.answers, writtenById: lise.id });
    expect(await db.db.outbox.count({ where: { kind: "routine_offer" } })).toBe(offers);
    // Nor can he answer inside Lise's session (someone else's session looks like none).
    const session = await db.db.dialogueSession.findFirstOrThrow({ where: { dialogueId: "team_routine", personId: lise.id } });
    expect(textOf(await say("petter@firma.no", { type: "dialogue", sessionId: session.id, action: "restart" }))).toMatch(/finner ikke|fant ikke|ikke funnet/i);
  });

  it("tells someone who leads nobody that there is no team routine to write, before the first question", async () => {
    const anne = await person("anne@firma.no");
    for (const command of [{ type: "text", text: "teamrutine" }, { type: "routine", action: "write" }, { type: "dialogue.start", dialogueId: "team_routine", employeeId: anne.id }] as Command[]) {
      const reply = textOf(await say("anne@firma.no", command));
      expect(reply, JSON.stringify(command)).toMatch(/Anne Ansatt er ikke leder for noen i katalogen, så det er ingen teamrutine å skrive/);
      expect(reply).toMatch(/«kontakt»/);
    }
    expect(await db.db.dialogueSession.count({ where: { personId: anne.id, status: "active" } })).toBe(0);
    expect(await db.db.teamRoutine.count()).toBe(0);
  });

  it("HR writes the routine for a named leader's team; an offer from before the rewrite is not applied", async () => {
    await write("lise@firma.no", { type: "text", text: "teamrutine" });
    const anne = await person("anne@firma.no");
    const firstOffer = buttons(await takeInbox(db.db, [anne.id])).find((b) => b.command.type === "routine" && b.command.action === "accept")!.command;
    // HR has no team of her own: she chooses the leader.
    const choose = await say("hanne@firma.no", { type: "text", text: "teamrutine" });
    expect(textOf(choose)).toMatch(/Hvilket team vil du skrive rutinen for/);
    const lise = buttons(choose).find((b) => b.label === "Lise Leder")!;
    expect(buttons(choose).map((b) => b.label)).toEqual(["Lise Leder", "Vera Annenleder"]);
    const done = await runDialogue(services.conversation, await person("hanne@firma.no"), await say("hanne@firma.no", lise.command), { ...ROUTINE, closeness: "when_needed" });
    expect(textOf(done)).toMatch(/Versjon 2 av teamets rutine er tilbudt 2 i teamet/);
    expect(await db.db.teamRoutine.findFirstOrThrow()).toMatchObject({ version: 2, writtenById: (await person("hanne@firma.no")).id });
    expect(await db.db.auditLog.count({ where: { entity: "team_routine", actorLabel: "hr" } })).toBe(1);

    // The button of version 1: not applied, the routine that holds now is shown instead.
    const stale = textOf(await say("anne@firma.no", firstOffer));
    expect(stale).toMatch(/Teamets rutine er endret siden denne meldingen/);
    expect((await person("anne@firma.no")).contactPreferences).toBeNull();
    const current = buttons(await takeInbox(db.db, [anne.id])).find((b) => b.command.type === "routine" && b.command.action === "accept")!.command;
    expect(textOf(await say("anne@firma.no", current))).toMatch(/Teamets rutine er nå avtalen din/);
    expect((await person("anne@firma.no")).contactPreferences).toMatch(/Når det er noe å avklare/);
    // Tor (Vera's team) has no routine: "rutine" says so and nothing is written.
    expect(textOf(await say("tor@firma.no", { type: "text", text: "rutine" }))).toMatch(/ingen felles rutine/);
    expect(textOf(await say("tor@firma.no", { type: "routine", action: "accept", version: 2 }))).toMatch(/ingen felles rutine/);
    expect((await person("tor@firma.no")).contactPreferences).toBeNull();
  });

  it("asks each member once a year whether the agreement still fits: planned, sent once, and again a year after she answers", async () => {
    await write("lise@firma.no", { type: "text", text: "teamrutine" });
    const anne = await person("anne@firma.no");
    const accept = buttons(await takeInbox(db.db, [anne.id])).find((b) => b.command.type === "routine" && b.command.action === "accept")!.command;
    await say("anne@firma.no", accept);
    const planned = await db.db.outbox.findMany({ where: { kind: "routine_reminder", recipientId: anne.id, status: "pending" } });
    expect(planned.map((r) => r.idempotencyKey)).toEqual([`routine:${anne.id}:2027-11-23`]);
    // Tuesday 23 November 2027, 08:00 in Oslo: inside her working hours.
    expect(planned[0]!.dueAt.toISOString()).toBe("2027-11-23T07:00:00.000Z");

    for (const at of ["2027-11-23T10:00:00Z", "2027-11-23T10:05:00Z", "2027-11-24T10:00:00Z"]) {
      now = new Date(at);
      await services.scheduler.tick(now);
    }
    const sent = await db.db.outbox.findMany({ where: { kind: "routine_reminder", recipientId: anne.id, status: "sent" } });
    expect(sent).toHaveLength(1);
    const reminder = await takeInbox(db.db, [anne.id]);
    expect(textOf(reminder)).toMatch(/Stemmer avtalen din om oppfølging fortsatt\?/);
    expect(textOf(reminder)).toMatch(/Hvem tar oppgavene: Lise fordeler oppgavene/);
    // "Still right": the next one is a year from now.
    const keep = buttons(reminder).find((b) => b.command.type === "routine" && b.command.action === "keep")!.command;
    expect(textOf(await say("anne@firma.no", keep))).toMatch(/Jeg spør igjen om et år/);
    const next = await db.db.outbox.findMany({ where: { kind: "routine_reminder", recipientId: anne.id, status: "pending" } });
    expect(next.map((r) => r.idempotencyKey)).toEqual([`routine:${anne.id}:2028-11-24`]);
  });
});
