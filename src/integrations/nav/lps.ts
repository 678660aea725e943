// NAV's LPS API (navikt/lps-oppfolgingsplan-mottak): POST /api/v1/followupplan with a
// FollowUpPlanDTO answers a uuid and whether NAV and the GP have the plan yet;
// GET …/{uuid}/sendingstatus tells the same later; GET …/verify-integration proves
// the Maskinporten setup works. Failures come as NAV's ApiError {status, type, message}.
import { z } from "zod";
import type { FollowUpPlanDTO } from "../../exports/lps.js";
import { fetchWithTimeout, HttpFailure } from "./http.js";
import { MaskinportenError, type TokenSource } from "./maskinporten.js";

/** The ApiError types NAV documents for this API; anything else is kept as OTHER. */
export const NAV_API_ERROR_TYPES = [
  "VALIDATION_ERROR",
  "AUTHENTICATION_ERROR",
  "NO_ACTIVE_SENT_SYKMELDING",
  "NO_ACTIVE_EMPLOYMENT",
  "GENERAL_PRACTITIONER_NOT_FOUND",
  "EMPLOYEE_NOT_FOUND",
  "FOLLOWUP_PLAN_NOT_FOUND",
] as const;
export type NavApiErrorType = (typeof NAV_API_ERROR_TYPES)[number];

export interface SendingStatus {
  uuid: string;
  sentToNav: boolean;
  sentToGeneralPractitioner: boolean;
}

export type LpsOutcome<T> =
  | { ok: true; value: T }
  /** NAV refused: retrying the same request cannot help. `message` is NAV's (English, may name a field). */
  | { ok: false; retryable: false; type: NavApiErrorType | "OTHER"; status: number; message: string }
  /** 5xx, 429, a timeout, the network, or Maskinporten unavailable: try again later. */
  | { ok: false; retryable: true; status?: number; message: string; retryAfterMs?: number };

const apiErrorSchema = z.object({ type: z.string(), message: z.string().optional(), status: z.unknown().optional() }).loose();
// NAV's response class has had both spellings (sentToNavStatus, isSentToNavStatus).
const statusSchema = z
  .object({
    uuid: z.string(),
    isSentToNavStatus: z.boolean().nullable().optional(),
    sentToNavStatus: z.boolean().nullable().optional(),
    isSentToGeneralPractitionerStatus: z.boolean().nullable().optional(),
    sentToGeneralPractitionerStatus: z.boolean().nullable().optional(),
  })
  .loose();

export interface LpsClientOptions {
  baseUrl: string;
  tokens: TokenSource;
  timeoutMs?: number;
}

export class LpsClient {
  constructor(private readonly options: LpsClientOptions) {}

  submit(plan: FollowUpPlanDTO): Promise<LpsOutcome<SendingStatus>> {
    return this.call("POST", "/api/v1/followupplan", plan, parseStatus);
  }

  sendingStatus(uuid: string): Promise<LpsOutcome<SendingStatus>> {
    return this.call("GET", `/api/v1/followupplan/${encodeURIComponent(uuid)}/sendingstatus`, undefined, parseStatus);
  }

  verifyIntegration(): Promise<LpsOutcome<string>> {
    return this.call("GET", "/api/v1/followupplan/verify-integration", undefined, (text) => text.replace(/^"|"$/g, ""));
  }

  private async call<T>(method: "GET" | "POST", path: string, body: unknown, parse: (text: string) => T | undefined, retriedAuth = false): Promise<LpsOutcome<T>> {
    let token: string;
    try {
      token = await this.options.tokens.token();
    } catch (error) {
      if (error instanceof MaskinportenError && !error.retryable) return { ok: false, retryable: false, type: "AUTHENTICATION_ERROR", status: 401, message: error.message };
      return { ok: false, retryable: true, message: (error as Error).message };
    }
    let response: Response;
    try {
      response = await fetchWithTimeout(`${this.options.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: "application/json", ...(body !== undefined ? { "content-type": "application/json" } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        timeoutMs: this.options.timeoutMs ?? 30_000,
      });
    } catch (error) {
      if (error instanceof HttpFailure) return { ok: false, retryable: true, message: `NAV: ${error.message}` };
      throw error;
    }
    const text = await response.text();
    if (response.ok) {
      const value = parse(text);
      if (value === undefined) return { ok: false, retryable: true, status: response.status, message: "NAV answered with a body we do not understand" };
      return { ok: true, value };
    }
    if (response.status === 401 && !retriedAuth) {
      // A token NAV no longer accepts (expired early, rotated): one fresh token, then believe NAV.
      this.options.tokens.invalidate();
      return this.call(method, path, body, parse, true);
    }
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      const retryAfter = Number(response.headers.get("retry-after"));
      return { ok: false, retryable: true, status: response.status, message: `NAV answered HTTP ${response.status}`, ...(retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}) };
    }
    const apiError = parseApiError(text);
    const type = apiError && (NAV_API_ERROR_TYPES as readonly string[]).includes(apiError.type) ? (apiError.type as NavApiErrorType) : response.status === 401 ? "AUTHENTICATION_ERROR" : "OTHER";
    return { ok: false, retryable: false, type, status: response.status, message: (apiError?.message ?? text).slice(0, 500) };
  }
}

function parseApiError(text: string): z.infer<typeof apiErrorSchema> | undefined {
  try {
    const parsed = apiErrorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function parseStatus(text: string): SendingStatus | undefined {
  try {
    const parsed = statusSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return undefined;
    const s = parsed.data;
    return {
      uuid: s.uuid,
      sentToNav: (s.isSentToNavStatus ?? s.sentToNavStatus) === true,
      sentToGeneralPractitioner: (s.isSentToGeneralPractitionerStatus ?? s.sentToGeneralPractitionerStatus) === true,
    };
  } catch {
    return undefined;
  }
}
