// What a request to POST /slack/events must be before Bolt handles it: signed with
// our signing secret within five minutes either way of now (Bolt only refuses old
// ones; a request dated in the future could be replayed later), and a body that is
// one JSON object (a form's `payload` too). Bolt parses the body in a promise nobody
// awaits, so a signed `payload=null` would otherwise be a TypeError that ends the
// process. The body is read once here and handed to Bolt as its buffered request.
import type { IncomingMessage } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { verifySlackRequest } from "@slack/bolt";

/** Slack's own limit for a request body is far below this. */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_SKEW_SECONDS = 5 * 60;

export interface Refusal {
  status: 400 | 401 | 413;
  reason: string;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? undefined : value;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The body as Bolt will read it: form fields (with `payload` as JSON) or JSON. */
function bodyIsObject(text: string, contentType: string | undefined): boolean {
  try {
    if (contentType?.split(";")[0]?.trim() === "application/x-www-form-urlencoded") {
      const form = parseQuery(text);
      return typeof form.payload === "string" ? isPlainObject(JSON.parse(form.payload)) : true;
    }
    return isPlainObject(JSON.parse(text));
  } catch {
    return false;
  }
}

function isSslCheck(text: string, contentType: string | undefined): boolean {
  return contentType?.split(";")[0]?.trim() === "application/x-www-form-urlencoded" && parseQuery(text).ssl_check === "1";
}

/** Undefined when the request may go on to Bolt (its body then buffered on `req.rawBody`). */
export async function screenSlackRequest(req: IncomingMessage, signingSecret: string, nowMs = Date.now()): Promise<Refusal | undefined> {
  const raw = await readBody(req);
  if (raw === undefined) return { status: 413, reason: "body too large" };
  // Bolt's receiver reads a request whose body is already buffered from here.
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
  const text = raw.toString("utf8");
  // Slack's unsigned SSL check; Bolt answers it and drops anything else in the body.
  if (isSslCheck(text, header(req, "content-type"))) return undefined;
  const timestamp = Number(header(req, "x-slack-request-timestamp"));
  if (!Number.isFinite(timestamp)) return { status: 401, reason: "no timestamp" };
  if (Math.abs(Math.floor(nowMs / 1000) - timestamp) > MAX_SKEW_SECONDS) return { status: 401, reason: "timestamp more than five minutes off" };
  try {
    verifySlackRequest({
      signingSecret,
      body: text,
      headers: { "x-slack-signature": header(req, "x-slack-signature") ?? "", "x-slack-request-timestamp": timestamp },
      nowMilliseconds: nowMs,
    });
  } catch {
    return { status: 401, reason: "bad signature" };
  }
  if (!bodyIsObject(text, header(req, "content-type"))) return { status: 400, reason: "malformed body" };
  return undefined;
}
