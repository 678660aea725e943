// What every use case needs: configuration, the database, a logger and a clock.
// The clock is injected so the scheduler, the demo and tests can run in simulated time;
// app code asks ctx.clock(), never `new Date()`. Nothing is added to a context after it is
// made: what a process wires together is in the composition root (src/app/services.ts).
import type { Config } from "../config/env.js";
import type { Db } from "../db/client.js";
import type { Logger } from "../logging/logger.js";

export type Clock = () => Date;

export interface AppContext {
  config: Config;
  db: Db;
  logger: Logger;
  clock: Clock;
}


export const systemClock: Clock = () => new Date();
