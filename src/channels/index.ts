// The chat platforms the bot can run on. The console channel needs no adapter
// (it is the `cli chat` command and the outbox's channel of last resort).
// A platform's module is loaded only when the configuration asks for it: Bolt and
// botbuilder take seconds and tens of MB to load, which a local-mode server (or a
// Slack-only one) never needs.
import type { Config } from "../config/env.js";
import type { ChannelName } from "../app/facade/index.js";
import type { AdapterEnvironment, ChannelAdapter, RunningAdapter } from "./adapter.js";

export interface ChannelEntry {
  readonly name: ChannelName;
  /** Whether the configuration asks for this channel. */
  enabled(config: Config): boolean;
  load(): Promise<ChannelAdapter>;
}

export const CHANNELS: readonly ChannelEntry[] = [
  { name: "slack", enabled: (config) => config.channels.slack, load: async () => (await import("./slack/index.js")).slackAdapter },
  // With an app id the real Bot Framework endpoint; without one only when local mode is asked for.
  { name: "teams", enabled: (config) => config.teamsMode !== "off", load: async () => (await import("./teams/index.js")).teamsAdapter },
];

export interface StartedChannel {
  name: ChannelName;
  running: RunningAdapter;
}

/**
 * Starts the channels the configuration asks for and adds their delivery to the outbox's
 * channels. All or nothing: when one fails, those already started are stopped again.
 */
export async function startChannels(env: AdapterEnvironment): Promise<StartedChannel[]> {
  const started: StartedChannel[] = [];
  try {
    for (const entry of CHANNELS) {
      if (!entry.enabled(env.config)) continue;
      const adapter = await entry.load();
      const running = await adapter.start(env);
      env.services.channels.add(running.delivery);
      started.push({ name: entry.name, running });
    }
    return started;
  } catch (error) {
    for (const { running } of started.reverse()) await running.stop().catch(() => undefined);
    throw error;
  }
}
