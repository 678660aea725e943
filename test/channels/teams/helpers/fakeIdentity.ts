// Stands in for Microsoft's token issuers on 127.0.0.1: OpenID metadata and signing
// keys for Bot Framework tokens (what the Bot Connector sends the bot) and for
// Entra ID tokens (Teams SSO for the tab), and signs test tokens with those keys.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from "jose";

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

export interface SigningKey {
  kid: string;
  privateKey: PrivateKey;
  jwk: JWK;
}

export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";

export async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: "sig", alg: "RS256" } };
}

export class FakeIdentity {
  private server: Server | undefined;
  url = "";
  /** Keys published in the JWKS; tokens may also be signed with keys not listed here. */
  published: SigningKey[] = [];
  metadataRequests = 0;

  async start(): Promise<this> {
    this.published = [await signingKey("bf-key-1"), await signingKey("aad-key-1")];
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      const json = (body: unknown) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (path === "/botframework/.well-known/openidconfiguration") {
        this.metadataRequests++;
        return json({ issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${this.url}/botframework/keys` });
      }
      // The Bot Connector's keys carry the channels they are endorsed for.
      if (path === "/botframework/keys") return json({ keys: this.published.map((k) => ({ ...k.jwk, endorsements: ["msteams", "emulator"] })) });
      if (path === "/common/v2.0/.well-known/openid-configuration") {
        this.metadataRequests++;
        return json({ issuer: `${this.url}/{tenantid}/v2.0`, jwks_uri: `${this.url}/common/discovery/v2.0/keys` });
      }
      if (path === "/common/discovery/v2.0/keys") return json({ keys: this.published.map((k) => k.jwk) });
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }

  get botMetadataUrl(): string {
    return `${this.url}/botframework/.well-known/openidconfiguration`;
  }

  get ssoMetadataUrl(): string {
    return `${this.url}/common/v2.0/.well-known/openid-configuration`;
  }

  ssoIssuer(tenant: string): string {
    return `${this.url}/${tenant}/v2.0`;
  }

  /** A signed token; `expiresIn` in seconds (negative: already expired). */
  async sign(claims: JWTPayload, options: { key?: SigningKey; expiresIn?: number } = {}): Promise<string> {
    const key = options.key ?? this.published[0]!;
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = options.expiresIn ?? 3600;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
      .setIssuedAt(now - 120 + Math.min(0, expiresIn))
      .setNotBefore(now - 120 + Math.min(0, expiresIn))
      .setExpirationTime(now + expiresIn)
      .sign(key.privateKey);
  }
}
