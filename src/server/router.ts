// A tiny router over node:http: channels register their endpoints here, so the
// Slack endpoint, the Teams endpoint, the tab and health checks share one port.
// The server awaits every handler and answers 500 when one fails, so a handler's
// error never ends the process.
import type { IncomingMessage, ServerResponse } from "node:http";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

interface Route {
  method: string;
  path: string | RegExp;
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string | RegExp, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), path, handler });
    return this;
  }

  /** Finds the handler for a request; 405 when the path exists with another method. */
  resolve(method: string, pathname: string): Handler | "method_not_allowed" | undefined {
    const matching = this.routes.filter((r) => (typeof r.path === "string" ? r.path === pathname : r.path.test(pathname)));
    if (matching.length === 0) return undefined;
    return matching.find((r) => r.method === method.toUpperCase())?.handler ?? "method_not_allowed";
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
