// Maskinporten's JWT-bearer grant (RFC 7523; docs.digdir.no "JWT grant"): we sign a
// short-lived assertion with the organisation's key, registered under `kid`, and get
// an access token for NAV's scope. Tokens are cached until shortly before they expire,
// so a burst of sends costs one token request.
import { randomUUID } from "node:crypto";
import { importPKCS8, SignJWT, type CryptoKey } from "jose";
import type { NavConfig } from "../../config/env.js";
import { fetchWithTimeout } from "./http.js";

/** The scope NAV's LPS API asks for (navikt/lps-oppfolgingsplan-mottak README). */
export const LPS_SCOPE = "nav:oppfolgingsplan/lps.write";
const GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/** Maskinporten accepts at most 120 s between iat and exp; we stay under it. */
const ASSERTION_LIFETIME_S = 110;
/** A cached token is replaced this long before it expires (clock skew, a slow request). */
const REFRESH_MARGIN_MS = 60_000;

export interface TokenSource {
  token(): Promise<string>;
  /** Forget the cached token (NAV said it is no longer valid). */
  invalidate(): void;
}

export class MaskinportenError extends Error {
  constructor(
    message: string,
    /** 5xx, timeouts and network errors may go away; a refused grant does not. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "MaskinportenError";
  }
}

export interface MaskinportenOptions {
  config: Pick<NavConfig, "tokenUrl" | "audience" | "clientId" | "kid" | "privateKeyPem" | "consumerOrg">;
  scope?: string;
  now?: () => Date;
  timeoutMs?: number;
}

export class MaskinportenClient implements TokenSource {
  private key: Promise<CryptoKey> | undefined;
  private cached: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly options: MaskinportenOptions) {}

  async token(): Promise<string> {
    const now = this.now().getTime();
    if (this.cached && this.cached.expiresAt - REFRESH_MARGIN_MS > now) return this.cached.token;
    // Callers arriving while a token is being fetched share that request.
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  /** The signed grant (exported for the tests of the fake Maskinporten). */
  async assertion(): Promise<string> {
    const { config } = this.options;
    this.key ??= importPKCS8(config.privateKeyPem, "RS256");
    const iat = Math.floor(this.now().getTime() / 1000);
    const claims: Record<string, string> = { scope: this.options.scope ?? LPS_SCOPE };
    if (config.consumerOrg) claims.consumer_org = config.consumerOrg;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: config.kid })
      .setIssuer(config.clientId)
      .setAudience(config.audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ASSERTION_LIFETIME_S)
      .setJti(randomUUID())
      .sign(await this.key);
  }

  private async fetchToken(): Promise<string> {
    const body = new URLSearchParams({ grant_type: GRANT_TYPE, assertion: await this.assertion() });
    let response: Response;
    try {
      response = await fetchWithTimeout(this.options.config.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body,
        timeoutMs: this.options.timeoutMs ?? 15_000,
      });
    } catch (error) {
      throw new MaskinportenError(`Maskinporten could not be reached: ${(error as Error).message}`, true);
    }
    const text = await response.text();
    if (!response.ok) {
      // Maskinporten answers {error, error_description}; the description names what is wrong (never a secret).
      const description = describeOAuthError(text);
      throw new MaskinportenError(`Maskinporten refused the grant (HTTP ${response.status})${description ? `: ${description}` : ""}`, response.status >= 500 || response.status === 429);
    }
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new MaskinportenError("Maskinporten answered with something that is not JSON", true);
    }
    if (typeof parsed.access_token !== "string" || parsed.access_token === "") throw new MaskinportenError("Maskinporten's answer has no access_token", false);
    const expiresIn = typeof parsed.expires_in === "number" && parsed.expires_in > 0 ? parsed.expires_in : 120;
    this.cached = { token: parsed.access_token, expiresAt: this.now().getTime() + expiresIn * 1000 };
    return parsed.access_token;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function describeOAuthError(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    return [body.error, body.error_description].filter((v) => typeof v === "string").join(": ").slice(0, 300);
  } catch {
    return "";
  }
}


