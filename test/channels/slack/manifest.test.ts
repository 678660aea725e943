// The app manifest matches what the code does: every Web API method the Slack channel
// calls is covered by a scope, every event it listens to is subscribed, and the
// command, interactivity and App Home are configured on the one endpoint.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../../helpers/cli.js";
import { SLACK_EVENTS_PATH } from "../../../src/channels/slack/index.js";

interface Manifest {
  features: {
    app_home: Record<string, boolean>;
    bot_user: { display_name: string };
    slash_commands: Array<{ command: string; url: string; description: string; usage_hint?: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(path.join(ROOT, "manifests/slack/manifest.yaml"), "utf8")) as Manifest;
const sources = readdirSync(path.join(ROOT, "src/channels/slack"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => readFileSync(path.join(ROOT, "src/channels/slack", f), "utf8"))
  .join("\n");

/** The bot scope each Web API method needs (null: none). */
const SCOPE_OF: Record<string, string | null> = {
  "auth.test": null,
  "chat.postMessage": "chat:write",
  "chat.update": "chat:write",
  "conversations.open": "im:write",
  "users.info": "users:read",
  "users.lookupByEmail": "users:read.email",
  "views.open": null,
  "views.publish": null,
};

describe("Slack app manifest", () => {
  it("covers every Web API method the channel calls with a bot scope", () => {
    const called = [...new Set([...sources.matchAll(/\.(auth|chat|conversations|users|views)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`))].sort();
    expect(called).toEqual(Object.keys(SCOPE_OF).sort());
    const needed = [...new Set(Object.values(SCOPE_OF).filter((s): s is string => s !== null))];
    for (const scope of needed) expect(manifest.oauth_config.scopes.bot).toContain(scope);
    // users.info returns e-mail addresses only with users:read.email as well.
    expect(manifest.oauth_config.scopes.bot).toContain("users:read.email");
    expect(manifest.oauth_config.scopes.bot).toContain("commands");
  });

  it("subscribes to every event the app listens to", () => {
    const listened = [...sources.matchAll(/app\.event\("([\w.]+)"/g)].map((m) => m[1]!);
    const subscribed = manifest.settings.event_subscriptions.bot_events.map((e) => (e === "message.im" ? "message" : e));
    expect([...new Set(listened)].sort()).toEqual([...new Set(subscribed)].sort());
    // The DM is the only place the bot reads messages.
    expect(manifest.settings.event_subscriptions.bot_events).toContain("message.im");
    expect(manifest.settings.event_subscriptions.bot_events.filter((e) => e.startsWith("message."))).toEqual(["message.im"]);
  });

  it("sends the command, events and interactivity to the one endpoint, with App Home and its messages tab", () => {
    const command = manifest.features.slash_commands.find((c) => c.command === "/jobbdialog");
    expect(command).toBeDefined();
    expect(sources).toContain(`app.command("/jobbdialog"`);
    for (const url of [command!.url, manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url]) {
      expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    }
    expect(command!.description.length).toBeLessThanOrEqual(100);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
