// The scheduler as background work of `serve`: startBot(config, logger, { background: [schedulerBackground()] }).
import type { Services } from "../app/services.js";
import { schedulerSettingsFromEnv, type SchedulerSettings } from "../app/reminders/settings.js";
import { Scheduler } from "./scheduler.js";

export { Scheduler, type TickReport } from "./scheduler.js";

/** A background starter: creates the scheduler, runs a first pass at once, then ticks every minute. */
export function schedulerBackground(settings?: SchedulerSettings): (services: Services) => Promise<{ stop(): Promise<void> }> {
  return async (services) => {
    const scheduler = new Scheduler(services, settings ?? schedulerSettingsFromEnv({ ...process.env, TZ_DEFAULT: services.ctx.config.TZ_DEFAULT }));
    scheduler.start();
    // Not awaited: the first pass may bootstrap every open case, and the server should not wait for it.
    void scheduler.tick().catch((error: unknown) => services.ctx.logger.error({ err: error }, "first scheduler tick failed"));
    return { stop: () => scheduler.stop() };
  };
}
