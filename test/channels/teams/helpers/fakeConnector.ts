// A small stand-in for Microsoft's Bot Connector service on 127.0.0.1: it records
// every activity the bot posts or updates (replies and proactive messages alike),
// answers member look-ups, and can refuse a conversation the way Teams does (403).
// With `authorize` set it checks every request's Authorization header as the real
// service does and refuses one without the bot's token (401), recording nothing.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Member {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}

export interface Write {
  seq: number;
  kind: "post" | "reply" | "update";
  conversationId: string;
  activityId: string;
  replyToId?: string;
  activity: Record<string, unknown>;
  /** The request's Authorization header, if it had one. */
  authorization?: string;
}

export interface Posted {
  id: string;
  conversationId: string;
  /** The latest content (after updates). */
  activity: Record<string, unknown>;
  /** When it was last posted or updated. */
  touched: number;
  updates: number;
}

export class FakeConnector {
  private server: Server | undefined;
  url = "";
  readonly writes: Write[] = [];
  readonly posted = new Map<string, Posted>();
  readonly members = new Map<string, Member>();
  readonly memberLookups: string[] = [];
  /** Conversations that answer every write with this error (e.g. 403 BotNotInConversationRoster). */
  readonly refusals = new Map<string, { status: number; code: string }>();
  /** When set, a request whose Authorization header this refuses gets a 401 and is not processed. */
  authorize: ((authorization: string | undefined) => boolean) | undefined;
  /** Requests refused by `authorize`, with the header they carried. */
  readonly unauthorized: Array<{ method: string; path: string; authorization?: string }> = [];
  private seq = 0;
  private nextId = 1;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body }) => {
          const text = JSON.stringify(body ?? {});
          res.writeHead(status, { "content-type": "application/json" });
          res.end(text);
        },
        (error: unknown) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { code: "FakeError", message: String(error) } }));
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }

  /** Every activity in a conversation, oldest first, with its latest content. */
  conversation(conversationId: string): Posted[] {
    return [...this.posted.values()].filter((p) => p.conversationId === conversationId).sort((a, b) => Number(a.id.slice(4)) - Number(b.id.slice(4)));
  }

  /** The Adaptive Card of an activity (the first attachment). */
  static cardOf(activity: Record<string, unknown>): Record<string, unknown> | undefined {
    const attachments = activity.attachments as Array<{ contentType: string; content: Record<string, unknown> }> | undefined;
    return attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content;
  }

  /** Every card content ever sent (posts and updates), for validation. */
  allCards(): Array<Record<string, unknown>> {
    return this.writes.map((w) => FakeConnector.cardOf(w.activity)).filter((c): c is Record<string, unknown> => c !== undefined);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    // /v3/conversations/{conversationId}/activities[/{activityId}]  or  /v3/conversations/{id}/members/{userId}
    if (parts[0] !== "v3" || parts[1] !== "conversations" || !parts[2]) return { status: 404, body: { error: { code: "NotFound", message: url.pathname } } };
    const conversationId = parts[2];
    const authorization = req.headers.authorization;
    if (this.authorize && !this.authorize(authorization)) {
      this.unauthorized.push({ method: req.method ?? "", path: url.pathname, ...(authorization ? { authorization } : {}) });
      return { status: 401, body: { message: "Authorization has been denied for this request." } };
    }
    const auth = authorization ? { authorization } : {};
    if (parts[3] === "members" && parts[4] && req.method === "GET") {
      this.memberLookups.push(parts[4]);
      const member = this.members.get(parts[4]);
      return member ? { status: 200, body: member } : { status: 404, body: { error: { code: "MemberNotFoundInConversation", message: "no such member" } } };
    }
    if (parts[3] !== "activities") return { status: 404, body: { error: { code: "NotFound", message: url.pathname } } };
    const refusal = this.refusals.get(conversationId);
    if (refusal) return { status: refusal.status, body: { error: { code: refusal.code, message: `refused: ${refusal.code}` } } };
    const activity = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const seq = ++this.seq;
    if (req.method === "PUT" && parts[4]) {
      const id = parts[4];
      const existing = this.posted.get(id);
      if (!existing) return { status: 404, body: { error: { code: "ActivityNotFound", message: id } } };
      existing.activity = activity;
      existing.touched = seq;
      existing.updates += 1;
      this.writes.push({ seq, kind: "update", conversationId, activityId: id, activity, ...auth });
      return { status: 200, body: { id } };
    }
    if (req.method === "POST") {
      const id = `act-${this.nextId++}`;
      const replyToId = parts[4];
      this.posted.set(id, { id, conversationId, activity, touched: seq, updates: 0 });
      this.writes.push({ seq, kind: replyToId ? "reply" : "post", conversationId, activityId: id, ...(replyToId ? { replyToId } : {}), activity, ...auth });
      return { status: 201, body: { id } };
    }
    return { status: 405, body: { error: { code: "MethodNotAllowed", message: req.method } } };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
