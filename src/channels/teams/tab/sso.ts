// Verifies the Teams SSO token the tab sends (authentication.getAuthToken): the
// signature against the identity platform's published keys (OpenID metadata →
// JWKS), the issuer for the token's own tenant, the audience (our app), expiry.
// Whether the tenant is one we serve is the identity policy's call (app/facade).
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";

export interface SsoIdentity {
  /** Entra object id of the user (Person.teamsUserId). */
  oid: string;
  tid: string;
  /**
   * The sign-in name (usually the e-mail address) Entra vouches for: preferred_username
   * or upn, or an `email` claim only when Entra marks its domain as verified by the
   * tenant (xms_edov). A bare `email` claim can be set by any tenant's admin to anything.
   */
  username?: string;
}

export class SsoError extends Error {}

interface Metadata {
  issuer: string;
  jwks_uri: string;
}

export interface SsoOptions {
  metadataUrl: string;
  appId: string | undefined;
  /** Tolerated clock difference, seconds. */
  clockTolerance?: number;
}

const GUIDISH = /^[0-9a-f-]{8,64}$/i;

export class SsoVerifier {
  private metadata: Promise<{ meta: Metadata; keys: ReturnType<typeof createRemoteJWKSet> }> | undefined;

  constructor(private readonly options: SsoOptions) {}

  async verify(token: string): Promise<SsoIdentity> {
    const appId = this.options.appId;
    // Without an app id there is no audience to check against: no tab sign-in in local mode.
    if (!appId) throw new SsoError("no MICROSOFT_APP_ID configured");
    const { meta, keys } = await this.load();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { algorithms: ["RS256"], clockTolerance: this.options.clockTolerance ?? 60 }));
    } catch (error) {
      throw new SsoError(`token rejected: ${(error as Error).message}`);
    }
    const tid = typeof payload.tid === "string" ? payload.tid : "";
    const oid = typeof payload.oid === "string" ? payload.oid : "";
    if (!GUIDISH.test(tid) || !oid) throw new SsoError("token has no tenant or user");
    if (!payload.iss || !issuersFor(meta.issuer, tid).includes(payload.iss)) throw new SsoError("wrong issuer");
    const audiences = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
    if (!audiences.some((aud) => isOurAudience(aud, appId))) throw new SsoError("wrong audience");
    const verifiedEmail = payload.xms_edov === true || payload.xms_edov === "1" || payload.xms_edov === "true" ? payload.email : undefined;
    const username = [payload.preferred_username, payload.upn, verifiedEmail].find((v): v is string => typeof v === "string" && v.includes("@"));
    return { oid, tid, ...(username ? { username: username.toLowerCase() } : {}) };
  }

  private load() {
    this.metadata ??= (async () => {
      const response = await fetch(this.options.metadataUrl, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`OpenID metadata: HTTP ${response.status}`);
      const meta = (await response.json()) as Metadata;
      if (typeof meta.issuer !== "string" || typeof meta.jwks_uri !== "string") throw new Error("OpenID metadata without issuer or jwks_uri");
      return { meta, keys: createRemoteJWKSet(new URL(meta.jwks_uri)) };
    })();
    // A failed fetch is tried again on the next request rather than remembered.
    this.metadata.catch(() => (this.metadata = undefined));
    return this.metadata;
  }
}

/** The metadata of "common" names its issuer with a {tenantid} placeholder; v1 tokens use sts.windows.net. */
function issuersFor(template: string, tid: string): string[] {
  const issuers = [template.replace("{tenantid}", tid)];
  if (template.startsWith("https://login.microsoftonline.com/")) issuers.push(`https://sts.windows.net/${tid}/`);
  return issuers;
}

/** Teams SSO tokens are for the app id, or for the Application ID URI api://<host>/<app id> (or …/botid-<app id>). */
function isOurAudience(aud: string, appId: string): boolean {
  if (aud === appId) return true;
  const match = /^api:\/\/[^/]+\/(?:botid-)?([^/]+)$/.exec(aud);
  return match?.[1] === appId;
}
