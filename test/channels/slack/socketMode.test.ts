// With SLACK_APP_TOKEN the same app runs over Socket Mode: the bot opens the socket
// (apps.connections.open), acknowledges each envelope and acts on it once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSocketMode } from "./fakeSocket.js";
import { TEAM_ID } from "./fakeSlack.js";
import { dmEvent, health, idle, send, startHarness, type Harness } from "./harness.js";

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "ola@firma.no,Ola Ansatt,,en,NO,Europe/Oslo,U0OLA,,",
].join("\n");

describe("Slack over Socket Mode", () => {
  let h: Harness;
  let socket: FakeSocketMode;
  beforeAll(async () => {
    socket = await new FakeSocketMode().start();
    h = await startHarness({
      directory: DIRECTORY,
      env: { SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: "xapp-1-A0APP-test" },
      prepare: async (fake) => {
        fake.socketUrl = socket.url;
      },
    });
    await socket.ready;
  });
  afterAll(async () => {
    await h?.stop();
    await socket?.stop();
  });

  it("connects with the app token and serves no HTTP endpoint", async () => {
    const open = h.fake.callsOf("apps.connections.open");
    expect(open).toHaveLength(1);
    const details = (await health(h)) as { slack: { modes: string[] } };
    expect(details.slack.modes).toEqual(["socket"]);
    expect((await send(h, "{}", "application/json")).status).toBe(404);
  });

  it("acknowledges a slash command envelope and answers in the DM", async () => {
    socket.send({
      envelope_id: "env-cmd-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: { team_id: TEAM_ID, channel_id: "D0OLA", channel_name: "directmessage", user_id: "U0OLA", command: "/jobbdialog", text: "help", api_app_id: "A0APP", response_url: h.fake.responseUrl("r1"), trigger_id: "trig-socket-1" },
    });
    await socket.waitForAck("env-cmd-1");
    await idle(h);
    expect(JSON.stringify(h.fake.channel("D0OLA").at(-1)?.blocks)).toMatch(/how I can help/);
  });

  it("acts on an event once when Slack sends it again (retry_attempt)", async () => {
    const envelope = (attempt: number) => ({
      envelope_id: `env-ev-${attempt}`,
      type: "events_api",
      accepts_response_payload: false,
      retry_attempt: attempt,
      retry_reason: attempt ? "timeout" : "",
      payload: { token: "x", team_id: TEAM_ID, api_app_id: "A0APP", type: "event_callback", event_id: "EvSOCKET1", event_time: 1, event: dmEvent("U0OLA", "status"), authorizations: [{ team_id: TEAM_ID, user_id: "U0BOT", is_bot: true }] },
    });
    const before = h.fake.channel("D0OLA").length;
    socket.send(envelope(0));
    socket.send(envelope(1));
    await socket.waitForAck("env-ev-0");
    await socket.waitForAck("env-ev-1");
    await idle(h);
    expect(h.fake.channel("D0OLA").length).toBe(before + 1);
    expect(JSON.stringify(h.fake.channel("D0OLA").at(-1)?.blocks)).toMatch(/Status for Ola Ansatt/);
  });
});
