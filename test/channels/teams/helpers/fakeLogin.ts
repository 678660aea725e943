// Stands in for the Entra ID login authority the bot gets its own token from (the
// client-credentials grant MSAL makes for botframework-connector): OpenID metadata and a
// token endpoint per tenant, over https on 127.0.0.1 with a certificate made at start
// (MSAL accepts only https authorities). It issues a token only to a registered app id
// with its secret, for the grant and scope asked, and records every request it got.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { generate } from "selfsigned";

export interface TokenRequest {
  tenant: string;
  /** The form fields of the request (grant_type, client_id, client_secret, scope, …). */
  form: Record<string, string>;
  /** The token issued, if any. */
  issued?: string;
}

export interface IssuedToken {
  appId: string;
  tenant: string;
  scope: string;
}

export class FakeLogin {
  private server: Server | undefined;
  url = "";
  /** The certificate the server presents (self-signed, for 127.0.0.1): trust it to call the server. */
  certificate = "";
  readonly apps = new Map<string, string>();
  readonly requests: TokenRequest[] = [];
  readonly metadataRequests: string[] = [];
  readonly issued = new Map<string, IssuedToken>();

  /** Registers an app (its client id and secret), as an app registration in Entra ID. */
  register(appId: string, secret: string): this {
    this.apps.set(appId, secret);
    return this;
  }

  async start(): Promise<this> {
    const now = Date.now();
    const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
      keySize: 2048,
      notBeforeDate: new Date(now - 60_000),
      notAfterDate: new Date(now + 24 * 3600_000),
      extensions: [
        { name: "basicConstraints", cA: true },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true, keyCertSign: true },
        { name: "extKeyUsage", serverAuth: true },
        { name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] },
      ],
    });
    this.certificate = pems.cert;
    this.server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
      void this.handle(req, res).catch(() => {
        res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }

  /** The tokens issued for this app id, tenant and scope. */
  tokensFor(appId: string, tenant: string, scope: string): string[] {
    return [...this.issued].filter(([, t]) => t.appId === appId && t.tenant === tenant && t.scope === scope).map(([token]) => token);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const metadata = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
    if (metadata && req.method === "GET") {
      const tenant = metadata[1]!;
      this.metadataRequests.push(tenant);
      const base = `${this.url}/${tenant}`;
      return json(200, {
        issuer: `${base}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
      });
    }
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (token && req.method === "POST") {
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      const request: TokenRequest = { tenant: token[1]!, form };
      this.requests.push(request);
      if (form.grant_type !== "client_credentials") return json(400, { error: "unsupported_grant_type", error_description: "AADSTS70003: only client_credentials here" });
      const secret = form.client_id ? this.apps.get(form.client_id) : undefined;
      // Entra ID answers a wrong or missing secret with 401 invalid_client.
      if (secret === undefined || form.client_secret !== secret) {
        return json(401, { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided." });
      }
      const scope = (form.scope ?? "").replace(/\/\.default$/, "");
      const accessToken = `fake-bot-token-${randomBytes(12).toString("hex")}`;
      this.issued.set(accessToken, { appId: form.client_id!, tenant: request.tenant, scope });
      request.issued = accessToken;
      return json(200, { token_type: "Bearer", expires_in: 3600, ext_expires_in: 3600, access_token: accessToken });
    }
    json(404, { error: "not_found" });
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
