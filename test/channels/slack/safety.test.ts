// What must hold for every Slack request and delivery: Slack's signature is checked,
// a delivery is acted on once, Web API rate limits and failures are handled without
// holding up the 3-second answer, and someone not in the directory is told so and
// not stored.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays } from "../../../src/domain/time/localDate.js";
import { checkAllCalls } from "./blockKit.js";
import { click, findButton } from "./driver.js";
import { TEAM_ID } from "./fakeSlack.js";
import { clickPayload, dmEvent, eventEnvelope, idle, interact, postEvent, send, slash, slashBody, startHarness, today, viewSubmission, type Harness } from "./harness.js";

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lea@firma.no,Lea Leder,,en,NO,Europe/Oslo,U0LEA,,",
  "ola@firma.no,Ola Ansatt,lea@firma.no,en,NO,Europe/Oslo,U0OLA,,",
  "kari@firma.no,Kari Kollega,lea@firma.no,nb,NO,Europe/Oslo,,,",
  "nils@firma.no,Nils Ny,lea@firma.no,en,NO,Europe/Oslo,U0NILS,,",
  "per@firma.no,Per Plass,lea@firma.no,en,NO,Europe/Oslo,,,",
].join("\n");

describe("Slack requests and deliveries", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ directory: DIRECTORY });
    for (const [id, email] of [["U0LEA", "lea@firma.no"], ["U0OLA", "ola@firma.no"], ["U0KARI", "kari@firma.no"]] as const) h.fake.addUser({ id, email });
    h.fake.addUser({ id: "U0NOBODY", email: "nobody@elsewhere.no", locale: "en-GB" });
    h.fake.addUser({ id: "U0INGEN", email: "ingen@elsewhere.no", locale: "nb-NO" });
  });
  afterAll(async () => h?.stop());
  beforeEach(async () => idle(h));

  describe("request signing", () => {
    it("answers 401 to a forged signature, a changed body and a replayed (stale) request, and does nothing", async () => {
      const before = h.fake.calls.length;
      const { body } = slashBody(h, "U0OLA", "status");
      expect((await send(h, body, "application/x-www-form-urlencoded", { secret: "not-the-secret" })).status).toBe(401);
      expect((await send(h, body, "application/x-www-form-urlencoded", { sendBody: body.replace("status", "plan") })).status).toBe(401);
      const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
      expect((await send(h, body, "application/x-www-form-urlencoded", { timestamp: sixMinutesAgo })).status).toBe(401);
      const event = eventEnvelope(dmEvent("U0OLA", "status"));
      expect((await send(h, event, "application/json", { secret: "wrong" })).status).toBe(401);
      const unsigned = await fetch(`${h.url}/slack/events`, { method: "POST", headers: { "content-type": "application/json" }, body: event });
      expect(unsigned.status).toBe(401);
      await idle(h);
      expect(h.fake.calls.length).toBe(before);
      // The same request, correctly signed, is served.
      expect((await send(h, body, "application/x-www-form-urlencoded")).status).toBe(200);
      await idle(h);
      expect(h.fake.calls.length).toBeGreaterThan(before);
    });

    it("answers Slack's URL verification challenge", async () => {
      const res = await send(h, JSON.stringify({ type: "url_verification", challenge: "abc123", token: "x" }), "application/json");
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ challenge: "abc123" });
    });
  });

  describe("once only", () => {
    it("processes a retried event (X-Slack-Retry-Num, same event id) once", async () => {
      const before = h.fake.channel("D0OLA").length;
      const event = dmEvent("U0OLA", "status");
      expect((await postEvent(h, event, { eventId: "EvRETRY0001" })).status).toBe(200);
      const retry = await postEvent(h, event, { eventId: "EvRETRY0001", headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
      expect(retry.status).toBe(200);
      await idle(h);
      expect(h.fake.channel("D0OLA").length).toBe(before + 1);
      // Stored once in the durable inbox: the retry's insert is refused by the key.
      expect(await h.db.db.inbox.count({ where: { dedupeKey: "slack:event:EvRETRY0001" } })).toBe(1);
    });

    it("processes a click delivered twice once", async () => {
      await postEvent(h, dmEvent("U0OLA", "help"));
      await idle(h);
      const help = h.fake.channel("D0OLA").at(-1)!;
      const status = findButton(help, (c) => c.type === "status")!;
      const payload = clickPayload("U0OLA", help, status);
      const before = h.fake.channel("D0OLA").length;
      expect((await interact(h, payload)).status).toBe(200);
      expect((await interact(h, payload)).status).toBe(200);
      await idle(h);
      expect(h.fake.channel("D0OLA").length).toBe(before + 1);
      expect(JSON.stringify(h.fake.channel("D0OLA").at(-1)!.blocks)).toMatch(/Status for Ola Ansatt/);
      // Another click on the same button (a new action_ts) is a new action.
      await click(h, "U0OLA", help, status);
      await idle(h);
      expect(h.fake.channel("D0OLA").length).toBe(before + 2);
    });

    it("processes a slash command delivered twice (same trigger id) once", async () => {
      const { body } = slashBody(h, "U0OLA", "status");
      const before = h.fake.channel("D0OLA").length;
      await send(h, body, "application/x-www-form-urlencoded");
      await send(h, body, "application/x-www-form-urlencoded");
      await idle(h);
      expect(h.fake.channel("D0OLA").length).toBe(before + 1);
    });
  });

  describe("rate limits and failures", () => {
    it("acks at once and sends the reply after the 429's Retry-After", async () => {
      h.fake.failNext("chat.postMessage", { kind: "rate_limited", retryAfter: 1 });
      const started = Date.now();
      const { res } = await slash(h, "U0OLA", "help");
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(900);
      await idle(h);
      const posts = h.fake.callsOf("chat.postMessage").slice(-2);
      expect(posts.map((c) => c.outcome)).toEqual(["429", "ok"]);
      expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
      expect(posts[1]!.body.channel).toBe("D0OLA");
    });

    it("retries a reply after a server error", async () => {
      h.fake.failNext("chat.postMessage", { kind: "http", status: 503 });
      await slash(h, "U0OLA", "help");
      await idle(h);
      expect(h.fake.callsOf("chat.postMessage").slice(-2).map((c) => c.outcome)).toEqual(["503", "ok"]);
    });

    it("gives the outbox the 429's Retry-After, and delivers when it is due", async () => {
      const { res } = await slash(h, "U0OLA", "sick");
      expect(res.status).toBe(200);
      await idle(h);
      const view = h.fake.callsOf("views.open").at(-1)!.body.view as Record<string, unknown>;
      // The leader's notice meets a 429; the employee's receipt (a reply) goes through.
      h.fake.failNext("chat.postMessage", { kind: "rate_limited", retryAfter: 30 });
      const submitted = await interact(
        h,
        viewSubmission("U0OLA", view, {
          start: { start: { type: "datepicker", selected_date: addDays(today(), -1) } },
          end: { end: { type: "datepicker", selected_date: null } },
          grade: { grade: { type: "number_input", value: "60" } },
          document: { document: { type: "radio_buttons", selected_option: { value: "egenmelding", text: { type: "plain_text", text: "x" } } } },
        }),
      );
      expect(submitted.status).toBe(200);
      await idle(h);
      const row = await h.db.db.outbox.findFirstOrThrow({ where: { kind: "report_notice" } });
      expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "rate_limited" });
      expect(row.dueAt.getTime() - row.updatedAt.getTime()).toBeGreaterThan(25_000);
      expect(JSON.stringify(h.fake.channel("D0OLA").at(-1)!.blocks)).toMatch(/registered from/);

      expect((await h.bot.services.deliver(new Date())).sent).toBe(0);
      const stats = await h.bot.services.deliver(new Date(Date.now() + 31_000));
      expect(stats.sent).toBe(1);
      expect(await h.db.db.outbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", channel: "slack" });
      expect(JSON.stringify(h.fake.channel("D0LEA").at(-1)!.blocks)).toMatch(/Ola Ansatt has reported sick/);
    });

    it("tells the outbox a person is unreachable in Slack, so the next channel is used", async () => {
      // Kari has no Slack id and is not in this Slack workspace: users.lookupByEmail finds nothing.
      h.fake.users.delete("U0KARI");
      const kari = await h.db.db.person.findUniqueOrThrow({ where: { email: "kari@firma.no" } });
      const slack = h.bot.services.channels.get("slack")!;
      expect(slack.canReach(kari)).toBe(true);
      const result = await slack.sendToPerson(kari, { summary: "Hei", blocks: [{ kind: "text", text: "Hei" }] });
      expect(result).toMatchObject({ ok: false, unreachable: true });
      expect(slack.canReach(kari)).toBe(false);

      // Lea has left Slack: the post fails with account_inactive.
      h.fake.failNext("chat.postMessage", { kind: "error", error: "account_inactive" });
      const lea = await h.db.db.person.findUniqueOrThrow({ where: { email: "lea@firma.no" } });
      expect(await slack.sendToPerson(lea, { summary: "x", blocks: [{ kind: "text", text: "x" }] })).toMatchObject({ ok: false, error: "account_inactive", unreachable: true });
      h.fake.failNext("chat.postMessage", { kind: "error", error: "invalid_blocks" });
      expect(await slack.sendToPerson(lea, { summary: "x", blocks: [{ kind: "text", text: "x" }] })).toMatchObject({ ok: false, permanent: true });
      h.fake.failNext("chat.postMessage", { kind: "rate_limited", retryAfter: 7 });
      expect(await slack.sendToPerson(lea, { summary: "x", blocks: [{ kind: "text", text: "x" }] })).toMatchObject({ ok: false, retryAfterMs: 7000 });
    });
  });

  describe("someone not in the directory", () => {
    it("gets a friendly answer in their language everywhere, and nothing is stored", async () => {
      const people = await h.db.db.person.count();
      const { responseId } = await slash(h, "U0NOBODY", "status", "C0GENERAL");
      await idle(h);
      expect(h.fake.responses.find((r) => r.id === responseId)?.body).toMatchObject({ response_type: "ephemeral", text: expect.stringMatching(/can't find you in the directory/) });

      await postEvent(h, dmEvent("U0INGEN", "hei"));
      await idle(h);
      expect(h.fake.channel("D0INGEN").at(-1)?.text).toMatch(/Jeg finner deg ikke i katalogen/);

      await postEvent(h, { type: "app_home_opened", user: "U0NOBODY", channel: "D0NOBODY", tab: "home", event_ts: "1.2" });
      await idle(h);
      const home = h.fake.callsOf("views.publish").at(-1)!;
      expect(home.body.user_id).toBe("U0NOBODY");
      expect(JSON.stringify(home.body.view)).toMatch(/can't find you in the directory/);

      expect(await h.db.db.person.count()).toBe(people);
      expect(await h.db.db.person.count({ where: { OR: [{ slackUserId: { in: ["U0NOBODY", "U0INGEN"] } }, { slackDmChannel: { in: ["D0NOBODY", "D0INGEN"] } }] } })).toBe(0);
    });

    it("links a directory person met for the first time by the e-mail on their Slack profile", async () => {
      h.fake.addUser({ id: "U0KARI2", email: "Kari@Firma.no" });
      await postEvent(h, dmEvent("U0KARI2", "hjelp"));
      await idle(h);
      const kari = await h.db.db.person.findUniqueOrThrow({ where: { email: "kari@firma.no" } });
      expect(kari).toMatchObject({ slackUserId: "U0KARI2", slackTeamId: TEAM_ID, slackDmChannel: "D0KARI2" });
      expect(JSON.stringify(h.fake.channel("D0KARI2").at(-1)!.blocks)).toMatch(/dette kan jeg hjelpe med/);
      const infoCalls = h.fake.callsOf("users.info").filter((c) => c.body.user === "U0KARI2").length;
      await postEvent(h, dmEvent("U0KARI2", "status"));
      await idle(h);
      // Known by Slack id from now on.
      expect(h.fake.callsOf("users.info").filter((c) => c.body.user === "U0KARI2").length).toBe(infoCalls);
    });
  });

  it("says hello once when someone first opens the Messages tab", async () => {
    const opened = () => ({ type: "app_home_opened", user: "U0NILS", channel: "D0NILS", tab: "messages", event_ts: String(Date.now() / 1000) });
    await postEvent(h, opened());
    await idle(h);
    expect(h.fake.channel("D0NILS")).toHaveLength(1);
    expect(JSON.stringify(h.fake.channel("D0NILS")[0]!.blocks)).toMatch(/how I can help/);
    await postEvent(h, opened());
    await idle(h);
    expect(h.fake.channel("D0NILS")).toHaveLength(1);
  });

  it("does not call a colleague unknown when Slack cannot say who they are, and answers once Slack can", async () => {
    h.fake.failNext("users.info", { kind: "http", status: 500 }, { kind: "http", status: 500 }, { kind: "http", status: 500 }, { kind: "http", status: 500 });
    h.fake.addUser({ id: "U0PER", email: "per@firma.no" });
    await postEvent(h, dmEvent("U0PER", "status"));
    await idle(h);
    // The client's own retries fail; the stored message is tried again later (the inbox's backoff), when Slack answers.
    expect(h.fake.callsOf("users.info").filter((c) => c.body.user === "U0PER").map((c) => c.outcome)).toEqual(["500", "500", "500", "500", "ok"]);
    expect(h.fake.channel("D0PER")).toHaveLength(1);
    expect(JSON.stringify(h.fake.channel("D0PER")[0]?.blocks)).toMatch(/Status for Per Plass/);
    expect(await h.db.db.inbox.findFirst({ where: { partition: { endsWith: ":U0PER" } } })).toMatchObject({ status: "done", attempts: 2 });
  });

  it("answers a slash command outside the DM in the DM, with a pointer where it was typed", async () => {
    const { responseId } = await slash(h, "U0OLA", "status", "C0GENERAL");
    await idle(h);
    expect(JSON.stringify(h.fake.channel("D0OLA").at(-1)!.blocks)).toMatch(/Status for Ola Ansatt/);
    expect(h.fake.responses.find((r) => r.id === responseId)?.body.text).toMatch(/answered you in our direct messages/);
    expect(h.fake.channel("C0GENERAL")).toEqual([]);
  });

  it("answers an unknown slash command word with the help, also while a dialogue is open", async () => {
    await postEvent(h, dmEvent("U0OLA", "plan"));
    await idle(h);
    const before = h.fake.channel("D0OLA").length;
    await slash(h, "U0OLA", "blåbær");
    await idle(h);
    expect(h.fake.channel("D0OLA").length).toBe(before + 1);
    expect(JSON.stringify(h.fake.channel("D0OLA").at(-1)!.blocks)).toMatch(/how I can help/);
    const session = await h.db.db.dialogueSession.findFirstOrThrow({ where: { dialogueId: "employee_followup" } });
    expect(JSON.parse(session.state).answers).toEqual({});
    await postEvent(h, dmEvent("U0OLA", "cancel"));
    await idle(h);
  });

  it("kept every Block Kit payload within Slack's limits", () => {
    expect(checkAllCalls(h.fake.calls)).toEqual([]);
  });
});
