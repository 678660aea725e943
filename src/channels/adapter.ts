// What a chat platform plugs into the bot: it mounts its endpoints on the shared
// HTTP router, turns platform events into Commands for the Conversation, and gives
// the outbox a way to deliver (DeliveryChannel). A new channel is one new folder
// that exports a ChannelAdapter, plus one line in src/channels/index.ts (when it is
// enabled, and how it is loaded).
import type { Config } from "../config/env.js";
import type { Logger } from "../logging/logger.js";
import type { Router } from "../server/router.js";
import type { Services } from "../app/services.js";
import type { ChannelName, DeliveryChannel } from "../app/facade/index.js";

export interface AdapterEnvironment {
  config: Config;
  logger: Logger;
  router: Router;
  services: Services;
}

export interface RunningAdapter {
  delivery: DeliveryChannel;
  /** Extra facts for /healthz (never secrets). */
  health?: () => Record<string, unknown>;
  stop(): Promise<void>;
}

export interface ChannelAdapter {
  readonly name: ChannelName;
  start(env: AdapterEnvironment): Promise<RunningAdapter>;
}
