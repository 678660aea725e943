// Starts the whole bot: database, HTTP server, the configured channels and the
// scheduler. With no Slack or Teams credentials it runs in local mode.
import { openDatabase } from "../db/client.js";
import type { Config } from "../config/env.js";
import type { Logger } from "../logging/logger.js";
import { readVersion } from "../version.js";
import { startHttpServer, type RunningServer } from "./httpServer.js";
import { Router } from "./router.js";
import { systemClock, type AppContext } from "../app/context.js";
import { createServices, type Services } from "../app/services.js";
import type { SchedulerSettings } from "../app/reminders/settings.js";
import { startChannels } from "../channels/index.js";

export interface RunningBot {
  http: RunningServer;
  app: AppContext;
  services: Services;
  stop(): Promise<void>;
}

export interface BotOptions {
  /** Background work started with the bot (the scheduler); stopped before the database closes. */
  background?: Array<(services: Services) => Promise<{ stop(): Promise<void> }>>;
  /** Scheduler settings, parsed before anything starts (a bad one must not leave a half-started server). */
  settings?: SchedulerSettings;
}

/**
 * Starts everything, or nothing: when a step fails, what was started is stopped again and the
 * error is thrown, so a process never keeps answering /healthz "ok" without its scheduler.
 */
export async function startBot(config: Config, logger: Logger, options: BotOptions = {}): Promise<RunningBot> {
  const opened = await openDatabase(config.DATABASE_URL);
  if (opened.migrations.applied.length > 0) {
    logger.info({ migrations: opened.migrations.applied }, "database migrated");
  }
  const stops: Array<() => Promise<void>> = [() => opened.close()];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => logger.error({ err: error }, "stopping failed"));
  };
  try {
    return await startOn(config, logger, options, opened.db, stops, stopAll);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function startOn(
  config: Config,
  logger: Logger,
  options: BotOptions,
  db: AppContext["db"],
  stops: Array<() => Promise<void>>,
  stopAll: () => Promise<void>,
): Promise<RunningBot> {
  const app: AppContext = { config, db, logger, clock: systemClock };
  const services = createServices(app, options.settings ? { settings: options.settings } : {});
  const router = new Router();
  const adapters = await startChannels({ config, logger, router, services });
  for (const { running } of adapters) stops.push(() => running.stop());
  const enabled = config.channels;
  const mode = enabled.slack || enabled.teams ? "connected" : "local";
  const http = await startHttpServer({
    port: config.PORT,
    host: config.HOST,
    logger,
    router,
    operatorToken: config.HEALTH_TOKEN,
    health: () => ({
      status: "ok",
      version: readVersion(),
      mode,
      channels: { ...enabled },
      ...Object.fromEntries(adapters.flatMap((a) => (a.running.health ? [[a.name, a.running.health()]] : []))),
    }),
  });
  stops.push(() => http.close());
  for (const start of options.background ?? []) {
    const work = await start(services);
    stops.push(() => work.stop());
  }
  if (mode === "local") {
    logger.info({ url: http.url }, "local mode: no Slack or Teams credentials, no channel enabled (try `npm run cli -- chat --as <email>`)");
  } else {
    logger.info({ url: http.url, channels: enabled }, "bot started");
  }
  let stopping: Promise<void> | undefined;
  return {
    http,
    app,
    services,
    // Background work first, then the HTTP server, the adapters, the database last.
    stop: () => (stopping ??= stopAll()),
  };
}
