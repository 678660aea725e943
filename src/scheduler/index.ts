// The scheduler as background work of `serve`: startBot(config, logger, { background: [schedulerBackground()] }).
// The scheduler itself is built by the composition root (Services.scheduler).
import type { Services } from "../app/services.js";

export { Scheduler, type TickReport } from "./scheduler.js";

/** A background starter: runs a first pass at once, then ticks every minute. */
export function schedulerBackground(): (services: Services) => Promise<{ stop(): Promise<void> }> {
  return async (services) => {
    const { scheduler } = services;
    scheduler.start();
    // Not awaited: the first pass may bootstrap every open case, and the server should not wait for it.
    void scheduler.tick().catch((error: unknown) => services.ctx.logger.error({ err: error }, "first scheduler tick failed"));
    return { stop: () => scheduler.stop() };
  };
}
