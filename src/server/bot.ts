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
import { CHANNEL_ADAPTERS } from "../channels/index.js";
import type { RunningAdapter } from "../channels/adapter.js";

export interface RunningBot {
  http: RunningServer;
  app: AppContext;
  services: Services;
  stop(): Promise<void>;
}

export interface BotOptions {
  /** Background work started with the bot (the scheduler); stopped before the database closes. */
  background?: Array<(services: Services) => Promise<{ stop(): Promise<void> }>>;
}

export async function startBot(config: Config, logger: Logger, options: BotOptions = {}): Promise<RunningBot> {
  const opened = await openDatabase(config.DATABASE_URL);
  if (opened.migrations.applied.length > 0) {
    logger.info({ migrations: opened.migrations.applied }, "database migrated");
  }
  const app: AppContext = { config, db: opened.db, logger, clock: systemClock };
  const services = createServices(app);
  const router = new Router();
  const adapters: Array<{ name: string; running: RunningAdapter }> = [];
  for (const adapter of CHANNEL_ADAPTERS) {
    if (!adapter.enabled(config)) continue;
    const running = await adapter.start({ config, logger, router, services });
    services.channels.add(running.delivery);
    adapters.push({ name: adapter.name, running });
  }
  const enabled = config.channels;
  const mode = enabled.slack || enabled.teams ? "connected" : "local";
  const http = await startHttpServer({
    port: config.PORT,
    host: config.HOST,
    logger,
    router,
    health: () => ({
      status: "ok",
      version: readVersion(),
      mode,
      channels: { ...enabled },
      ...Object.fromEntries(adapters.flatMap((a) => (a.running.health ? [[a.name, a.running.health()]] : []))),
    }),
  });
  const background: Array<{ stop(): Promise<void> }> = [];
  for (const start of options.background ?? []) background.push(await start(services));
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
    stop: () =>
      (stopping ??= (async () => {
        for (const b of background) await b.stop();
        await http.close();
        for (const a of adapters) await a.running.stop();
        await opened.close();
      })()),
  };
}
