// Delivery channels for a scheduler pass outside `serve` (`cli tick`): the configured
// platform adapters are started without an HTTP listener, only to send through them.
// In local mode (no Slack/Teams credentials) nothing is loaded: the console inbox is it.
import type { Config } from "../config/env.js";
import type { Logger } from "../logging/logger.js";
import type { Services } from "../app/services.js";
import { Router } from "../server/router.js";

export async function attachPlatformChannels(config: Config, logger: Logger, services: Services): Promise<{ stop(): Promise<void> }> {
  if (!config.channels.slack && !config.channels.teams) return { stop: async () => undefined };
  const { CHANNEL_ADAPTERS } = await import("../channels/index.js");
  const router = new Router();
  const running: Array<{ stop(): Promise<void> }> = [];
  for (const adapter of CHANNEL_ADAPTERS) {
    if (!adapter.enabled(config)) continue;
    const started = await adapter.start({ config, logger, router, services });
    services.channels.add(started.delivery);
    running.push(started);
  }
  return {
    stop: async () => {
      for (const r of running) await r.stop();
    },
  };
}
