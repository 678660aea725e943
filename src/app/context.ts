// What every use case needs: configuration, the database, a logger and a clock.
// The clock is injected so the scheduler, the demo and tests can run in simulated time.
import type { Config } from "../config/env.js";
import type { Db } from "../db/client.js";
import type { Logger } from "../logging/logger.js";

export type Clock = () => Date;

export interface AppContext {
  config: Config;
  db: Db;
  logger: Logger;
  clock: Clock;
  /**
   * Called after anything that changes what should be reminded about a person's case
   * (periods, milestone states, plan versions, measures, dialogue sessions). The
   * scheduler sets it to re-plan that person's reminders; unset, nothing happens.
   */
  onCaseChanged?: (personId: string) => Promise<void>;
}

export async function caseChanged(ctx: Pick<AppContext, "onCaseChanged">, personId: string): Promise<void> {
  await ctx.onCaseChanged?.(personId);
}

export const systemClock: Clock = () => new Date();
