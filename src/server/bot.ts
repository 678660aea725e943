// Starts the whole bot: database, HTTP server, and whichever channels are
// configured. With no Slack or Teams credentials it runs in local mode.
import { openDatabase } from "../db/client.js";
import type { Config } from "../config/env.js";
import type { Logger } from "../logging/logger.js";
import { readVersion } from "../version.js";
import { startHttpServer, type RunningServer } from "./httpServer.js";
import { systemClock, type AppContext } from "../app/context.js";

export interface RunningBot {
  http: RunningServer;
  app: AppContext;
  stop(): Promise<void>;
}

export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  const opened = await openDatabase(config.DATABASE_URL);
  if (opened.migrations.applied.length > 0) {
    logger.info({ migrations: opened.migrations.applied }, "database migrated");
  }
  const app: AppContext = { config, db: opened.db, logger, clock: systemClock };
  const enabled = config.channels;
  const mode = enabled.slack || enabled.teams ? "connected" : "local";
  const http = await startHttpServer({
    port: config.PORT,
    host: config.HOST,
    logger,
    health: () => ({ status: "ok", version: readVersion(), mode, channels: { ...enabled } }),
  });
  if (mode === "local") {
    logger.info({ url: http.url }, "local mode: no Slack or Teams credentials, no channel enabled (try `npm run cli -- chat --as <email>`)");
  } else {
    logger.info({ url: http.url, channels: enabled }, "bot started");
  }
  let stopping: Promise<void> | undefined;
  return {
    http,
    app,
    stop: () =>
      (stopping ??= (async () => {
        await http.close();
        await opened.close();
      })()),
  };
}
