// A small stand-in for Slack's servers on 127.0.0.1: the Web API methods the bot
// calls (recorded, answered plausibly, with a conversation store so chat.update
// really replaces a message) and the response_url endpoint for slash commands.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
  /** What the fake answered: "ok", an error code, or "429". */
  outcome: string;
}

export interface FakeUser {
  id: string;
  email?: string;
  locale?: string;
  teamId?: string;
  isBot?: boolean;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Array<Record<string, unknown>>;
  /** How many times chat.update replaced it. */
  updates: number;
}

type Failure = { kind: "rate_limited"; retryAfter: number } | { kind: "error"; error: string } | { kind: "http"; status: number };

export const TEAM_ID = "T0FIRMA";
export const BOT_USER_ID = "U0BOT";

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata"]);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = JSON_FIELDS.has(key) ? (JSON.parse(value) as unknown) : value;
  }
  return out;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: Array<{ id: string; body: Record<string, unknown> }> = [];
  readonly users = new Map<string, FakeUser>();
  readonly messages: PostedMessage[] = [];
  /** Channels the bot is not a member of (chat.postMessage answers not_in_channel). */
  readonly notInChannel = new Set<string>();
  private readonly failures = new Map<string, Failure[]>();
  private server?: Server;
  private tsCounter = 0;
  private viewCounter = 0;
  url = "";
  base = "";
  /** Where apps.connections.open sends a Socket Mode client. */
  socketUrl = "";
  /** Every Web API answer waits this long (a slow Slack: work after the ack takes time). */
  latencyMs = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", () => resolve()));
    const { port } = this.server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${port}`;
    this.url = `${this.base}/api/`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** The next calls of `method` fail like this, in order. */
  failNext(method: string, ...failures: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages in a channel, oldest first, as they read now. */
  channel(channel: string): PostedMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  responseUrl(id: string): string {
    return `${this.base}/respond/${id}`;
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1700000000.${String(this.tsCounter).padStart(6, "0")}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.base);
    const raw = await readBody(req);
    const body = parseBody(raw, req.headers["content-type"]);
    if (url.pathname.startsWith("/respond/")) {
      this.responses.push({ id: url.pathname.slice("/respond/".length), body });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
      return;
    }
    const method = url.pathname.replace(/^\/api\//, "");
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const failure = this.failures.get(method)?.shift();
    const call: ApiCall = { method, body, at: Date.now(), outcome: "ok" };
    this.calls.push(call);
    if (failure?.kind === "rate_limited") {
      call.outcome = "429";
      res.writeHead(429, { "retry-after": String(failure.retryAfter), "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    if (failure?.kind === "http") {
      call.outcome = String(failure.status);
      res.writeHead(failure.status);
      res.end("unavailable");
      return;
    }
    const answer = failure?.kind === "error" ? { ok: false, error: failure.error } : this.answer(method, body);
    if (answer.ok !== true) call.outcome = String(answer.error);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  }

  private userJson(u: FakeUser) {
    return {
      id: u.id,
      team_id: u.teamId ?? TEAM_ID,
      name: u.id.toLowerCase(),
      deleted: false,
      is_bot: u.isBot ?? false,
      locale: u.locale ?? "en-US",
      profile: { email: u.email, real_name: u.id },
    };
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "apps.connections.open":
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: "not_allowed_token_type" };
      case "auth.test":
        return { ok: true, url: "https://firma.slack.com/", team: "Firma", user: "jobbdialog", team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: "B0BOT" };
      case "users.info": {
        const user = this.users.get(String(body.user));
        return user ? { ok: true, user: this.userJson(user) } : { ok: false, error: "user_not_found" };
      }
      case "users.lookupByEmail": {
        const user = [...this.users.values()].find((u) => u.email?.toLowerCase() === String(body.email).toLowerCase());
        return user ? { ok: true, user: this.userJson(user) } : { ok: false, error: "users_not_found" };
      }
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(body.users).slice(1)}` } };
      case "chat.postMessage": {
        const channel = String(body.channel);
        if (this.notInChannel.has(channel)) return { ok: false, error: "not_in_channel" };
        const message: PostedMessage = { channel, ts: this.nextTs(), text: String(body.text ?? ""), blocks: (body.blocks as PostedMessage["blocks"]) ?? [], updates: 0 };
        this.messages.push(message);
        return { ok: true, channel, ts: message.ts, message: { text: message.text, ts: message.ts } };
      }
      case "chat.update": {
        const message = this.messages.find((m) => m.channel === body.channel && m.ts === body.ts);
        if (!message) return { ok: false, error: "message_not_found" };
        message.text = String(body.text ?? "");
        message.blocks = (body.blocks as PostedMessage["blocks"]) ?? [];
        message.updates += 1;
        return { ok: true, channel: message.channel, ts: message.ts };
      }
      case "views.open":
      case "views.publish": {
        this.viewCounter += 1;
        return { ok: true, view: { ...(body.view as Record<string, unknown>), id: `V${this.viewCounter}` } };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }
}
