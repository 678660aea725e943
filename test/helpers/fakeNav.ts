// A fake Maskinporten and a fake NAV LPS API on 127.0.0.1, for tests. Maskinporten
// checks the JWT grant as Digdir documents it (RS256 signature against the public key
// registered under the kid, iss, aud, scope, iat within 10 s, exp at most 120 s after iat,
// a jti never seen before, consumer_org when delegated) and issues opaque tokens. The LPS
// API accepts only those tokens, checks the FollowUpPlanDTO against NAV's published
// field types and rules, and answers a uuid, a sending status or a scripted ApiError.
import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { decodeProtectedHeader, jwtVerify } from "jose";

export const SCOPE = "nav:oppfolgingsplan/lps.write";

export interface FakeResponse {
  status: number;
  body?: unknown;
  /** Answer only after this long (a NAV that hangs: the client gives up first). */
  delayMs?: number;
}

export interface ReceivedPlan {
  uuid: string;
  body: Record<string, unknown>;
  token: string;
}

export interface FakeNav {
  url: string;
  tokenUrl: string;
  audience: string;
  clientId: string;
  kid: string;
  keyFile: string;
  /** Environment for loadConfig / the CLI. */
  env: Record<string, string>;
  grants: Array<{ header: Record<string, unknown>; claims: Record<string, unknown> }>;
  grantErrors: string[];
  /** Every request to the LPS API, in order (method, path, whether the token was good). */
  calls: Array<{ method: string; path: string; authorized: boolean }>;
  /** Plans the API accepted. */
  accepted: ReceivedPlan[];
  /** DTO problems the fake found (an empty list means every DTO passed). */
  dtoProblems: string[];
  /** Answers for the next POSTs / status GETs, before the default success. */
  nextPost: FakeResponse[];
  nextStatus: FakeResponse[];
  /** Whether accepted plans are reported as delivered (per recipient) right away. */
  deliverAtOnce: boolean;
  markDelivered(uuid: string): void;
  close(): Promise<void>;
}

const STRINGS = ["employeeIdentificationNumber", "typicalWorkday", "tasksThatCanStillBeDone", "tasksThatCanNotBeDone", "previousFacilitation", "plannedFacilitation", "followUp", "evaluationDate", "contactPersonFullName", "contactPersonPhoneNumber", "contactPersonEmail", "lpsName"];
const BOOLEANS = ["sendPlanToNav", "sendPlanToGeneralPractitioner", "employeeHasContributedToPlan"];
const OPTIONAL_STRINGS = ["otherFacilitationOptions", "needsHelpFromNavDescription", "messageToGeneralPractitioner", "additionalInformation", "employeeHasNotContributedToPlanDescription", "lpsEmail"];

export function checkDto(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const f of STRINGS) if (typeof body[f] !== "string") problems.push(`${f} must be a string`);
  for (const f of BOOLEANS) if (typeof body[f] !== "boolean") problems.push(`${f} must be a boolean`);
  for (const f of OPTIONAL_STRINGS) if (body[f] !== undefined && body[f] !== null && typeof body[f] !== "string") problems.push(`${f} must be a string or null`);
  if (body.needsHelpFromNav !== undefined && body.needsHelpFromNav !== null && typeof body.needsHelpFromNav !== "boolean") problems.push("needsHelpFromNav must be a boolean or null");
  if (!/^\d{11}$/.test(String(body.employeeIdentificationNumber))) problems.push("Invalid employee identification number");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(body.evaluationDate))) problems.push("evaluationDate must be a LocalDate");
  if (body.needsHelpFromNav === true && body.sendPlanToNav !== true) problems.push("needsHelpFromNav cannot be true if sendPlanToNav is false");
  if (body.needsHelpFromNav === true && !String(body.needsHelpFromNavDescription ?? "").trim()) problems.push("needsHelpFromNavDescription is obligatory if needsHelpFromNav is true");
  if (body.employeeHasContributedToPlan === false && !String(body.employeeHasNotContributedToPlanDescription ?? "").trim()) problems.push("employeeHasNotContributedToPlanDescription is mandatory if employeeHasContributedToPlan = false");
  if (body.employeeHasContributedToPlan === true && body.employeeHasNotContributedToPlanDescription) problems.push("employeeHasNotContributedToPlanDescription should not be set if employeeHasContributedToPlan = true");
  return problems;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === "string" ? JSON.stringify(body) : JSON.stringify(body ?? {});
  res.writeHead(status, { "content-type": "application/json" });
  res.end(text);
}

export async function startFakeNav(dir: string, options: { consumerOrg?: string; tokenLifetimeS?: number } = {}): Promise<FakeNav> {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keyFile = path.join(dir, `maskinporten-${randomUUID()}.pem`);
  writeFileSync(keyFile, privateKey.export({ type: "pkcs8", format: "pem" }));
  const kid = `kid-${randomUUID()}`;
  const clientId = `client-${randomUUID()}`;
  const seenJti = new Set<string>();
  const tokens = new Set<string>();
  const statuses = new Map<string, { nav: boolean; gp: boolean; wantNav: boolean; wantGp: boolean }>();
  let base = "";
  const fake: FakeNav = {
    url: "",
    tokenUrl: "",
    audience: "",
    clientId,
    kid,
    keyFile,
    env: {},
    grants: [],
    grantErrors: [],
    calls: [],
    accepted: [],
    dtoProblems: [],
    nextPost: [],
    nextStatus: [],
    deliverAtOnce: true,
    markDelivered(uuid) {
      const s = statuses.get(uuid);
      if (s) Object.assign(s, { nav: s.wantNav, gp: s.wantGp });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const grant = async (req: IncomingMessage, res: ServerResponse) => {
    const form = new URLSearchParams(await readBody(req));
    const refuse = (why: string) => {
      fake.grantErrors.push(why);
      send(res, 400, { error: "invalid_grant", error_description: why });
    };
    if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer") return refuse("grant_type");
    const assertion = form.get("assertion") ?? "";
    let header: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(assertion) as Record<string, unknown>;
    } catch {
      return refuse("not a JWT");
    }
    if (header.alg !== "RS256") return refuse("alg");
    if (header.kid !== kid) return refuse("unknown kid");
    let claims: Record<string, unknown>;
    try {
      claims = (await jwtVerify(assertion, publicKey as KeyObject, { algorithms: ["RS256"], issuer: clientId, audience: fake.audience })).payload as Record<string, unknown>;
    } catch (error) {
      return refuse(`signature or claims: ${(error as Error).message}`);
    }
    const now = Date.now() / 1000;
    const iat = Number(claims.iat);
    const exp = Number(claims.exp);
    if (!(Math.abs(iat - now) <= 10)) return refuse("iat");
    if (!(exp > iat && exp - iat <= 120)) return refuse("exp");
    if (claims.scope !== SCOPE) return refuse("scope");
    if (typeof claims.jti !== "string" || seenJti.has(claims.jti)) return refuse("jti");
    seenJti.add(claims.jti);
    if ((claims.consumer_org ?? undefined) !== options.consumerOrg) return refuse("consumer_org");
    const allowed = new Set(["iss", "aud", "iat", "exp", "jti", "scope", "consumer_org"]);
    const extra = Object.keys(claims).filter((k) => !allowed.has(k));
    if (extra.length > 0) return refuse(`unexpected claims ${extra.join(",")}`);
    fake.grants.push({ header, claims });
    const token = `mp-${randomUUID()}`;
    tokens.add(token);
    send(res, 200, { access_token: token, token_type: "Bearer", expires_in: options.tokenLifetimeS ?? 120, scope: SCOPE });
  };

  const api = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const auth = req.headers.authorization ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : "";
    const authorized = tokens.has(token);
    fake.calls.push({ method: req.method ?? "", path: pathname, authorized });
    const body = await readBody(req);
    if (!authorized) return send(res, 401, { status: "UNAUTHORIZED", type: "AUTHENTICATION_ERROR", message: "JWT is expired" });
    if (req.method === "POST" && pathname === "/api/v1/followupplan") {
      const scripted = fake.nextPost.shift();
      if (scripted?.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
      if (scripted) return send(res, scripted.status, scripted.body);
      let dto: Record<string, unknown>;
      try {
        dto = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return send(res, 400, { status: "BAD_REQUEST", type: "BAD_REQUEST", message: "not JSON" });
      }
      const problems = checkDto(dto);
      if (problems.length > 0) {
        fake.dtoProblems.push(...problems);
        return send(res, 400, { status: "BAD_REQUEST", type: "VALIDATION_ERROR", message: problems[0] });
      }
      const uuid = randomUUID();
      const wantNav = dto.sendPlanToNav === true;
      const wantGp = dto.sendPlanToGeneralPractitioner === true;
      statuses.set(uuid, { wantNav, wantGp, nav: fake.deliverAtOnce && wantNav, gp: fake.deliverAtOnce && wantGp });
      fake.accepted.push({ uuid, body: dto, token });
      const s = statuses.get(uuid)!;
      return send(res, 200, { uuid, isSentToGeneralPractitionerStatus: s.gp, isSentToNavStatus: s.nav });
    }
    const status = /^\/api\/v1\/followupplan\/([^/]+)\/sendingstatus$/.exec(pathname);
    if (req.method === "GET" && pathname === "/api/v1/followupplan/verify-integration") return send(res, 200, "Integration is up and running");
    if (req.method === "GET" && status) {
      const scripted = fake.nextStatus.shift();
      if (scripted) return send(res, scripted.status, scripted.body);
      const s = statuses.get(status[1]!);
      if (!s) return send(res, 404, { status: "NOT_FOUND", type: "FOLLOWUP_PLAN_NOT_FOUND", message: "The follow-up plan with a given uuid was not found" });
      return send(res, 200, { uuid: status[1], isSentToGeneralPractitionerStatus: s.gp, isSentToNavStatus: s.nav });
    }
    send(res, 404, { status: "NOT_FOUND", type: "NOT_FOUND", message: "no such endpoint" });
  };

  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", base).pathname;
    const handler = req.method === "POST" && pathname === "/maskinporten/token" ? grant(req, res) : api(req, res, pathname);
    handler.catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  // Longer than any test: a client reusing a socket the server just closed would see ECONNRESET.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("fake NAV did not start");
  base = `http://127.0.0.1:${address.port}`;
  fake.url = base;
  fake.tokenUrl = `${base}/maskinporten/token`;
  fake.audience = `${base}/maskinporten/`;
  fake.env = {
    MASKINPORTEN_TOKEN_URL: fake.tokenUrl,
    MASKINPORTEN_AUDIENCE: fake.audience,
    MASKINPORTEN_CLIENT_ID: clientId,
    MASKINPORTEN_KID: kid,
    MASKINPORTEN_PRIVATE_KEY_FILE: keyFile,
    NAV_LPS_API_URL: base,
    ...(options.consumerOrg ? { MASKINPORTEN_CONSUMER_ORG: options.consumerOrg } : {}),
  };
  // privateKey is kept out of the object: the fake only ever holds the public half.
  void privateKey;
  return fake;
}
