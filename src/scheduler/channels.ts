// Delivery channels for a scheduler pass outside `serve` (`cli tick`): the configured
// platform adapters are started without an HTTP listener, only to send through them.
// In local mode (no Slack/Teams credentials) nothing is loaded: the console inbox is it.
import type { Config } from "../config/env.js";
import type { Logger } from "../logging/logger.js";
import type { Services } from "../app/services.js";
import { Router } from "../server/router.js";

export async function attachPlatformChannels(config: Config, logger: Logger, services: Services): Promise<{ stop(): Promise<void> }> {
  if (!config.channels.slack && !config.channels.teams) return { stop: async () => undefined };
  const { startChannels } = await import("../channels/index.js");
  const started = await startChannels({ config, logger, router: new Router(), services });
  return {
    stop: async () => {
      for (const { running } of started) await running.stop();
    },
  };
}
