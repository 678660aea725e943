// The bot's one HTTP server: /healthz here, channel endpoints registered by the
// channel adapters (POST /slack/events, POST /api/messages, the Teams tab).
import { timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logging/logger.js";
import { Router, sendJson } from "./router.js";

export interface RunningServer {
  server: Server;
  router: Router;
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface HealthInfo {
  status: "ok";
  version: string;
  mode: "local" | "connected";
  channels: Record<string, boolean>;
  [extra: string]: unknown;
}

/** What anyone may learn from /healthz: that it runs, and which version. */
export type PublicHealth = Pick<HealthInfo, "status" | "version">;

export async function startHttpServer(options: {
  port: number;
  host: string;
  logger: Logger;
  health: () => HealthInfo | Promise<HealthInfo>;
  /** With this bearer token /healthz also shows the details (modes, team ids); without, status and version only. */
  operatorToken?: string | undefined;
  router?: Router;
}): Promise<RunningServer> {
  const router = options.router ?? new Router();
  router.add("GET", "/healthz", async (req, res) => {
    const health = await options.health();
    const detailed = options.operatorToken !== undefined && bearerMatches(req.headers.authorization, options.operatorToken);
    const body: PublicHealth | HealthInfo = detailed ? health : { status: health.status, version: health.version };
    sendJson(res, 200, body);
  });

  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const handler = router.resolve(req.method ?? "GET", pathname);
    if (handler === undefined) return sendJson(res, 404, { error: "not_found" });
    if (handler === "method_not_allowed") return sendJson(res, 405, { error: "method_not_allowed" });
    // Also a handler that throws before its first await is caught here: the process stays up.
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
      options.logger.error({ err: error, path: pathname }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal_error" });
      else res.end();
    });
  });
  // Keep-alive sockets would otherwise hold a graceful shutdown open.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = options.host === "0.0.0.0" || options.host === "::" ? "127.0.0.1" : options.host;
  return {
    server,
    router,
    port: address.port,
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1] ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
