// Configuration comes from environment variables only, validated once at start
// so a typo fails fast with a message that names the variable.
import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isValidTimeZone, DEFAULT_TIME_ZONE } from "../domain/time/zone.js";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .default("file:./data/jobbdialog.db")
    .refine(
      (v) => v.startsWith("file:") || (/^postgres(ql)?:\/\//.test(v) && URL.canParse(v)),
      "must be a SQLite URL like file:./data/jobbdialog.db or a PostgreSQL URL like postgresql://user:password@host:5432/jobbdialog",
    ),
  TZ_DEFAULT: z.string().default(DEFAULT_TIME_ZONE).refine(isValidTimeZone, "must be an IANA time zone like Europe/Oslo"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith("xoxb-"), "must be a bot token (xoxb-…)"),
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith("xapp-"), "must be an app-level token (xapp-…)"),
  SLACK_API_URL: optionalText.refine((v) => v === undefined || URL.canParse(v), "must be a URL"),
  SLACK_ARR_CHANNEL: optionalText,
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText.refine((v) => v === undefined || GUID.test(v), "must be a tenant id (a GUID)"),
  /** Entra tenants whose people may use the bot (comma-separated GUIDs); default: MICROSOFT_APP_TENANT_ID only. */
  TEAMS_ALLOWED_TENANTS: optionalText.refine((v) => v === undefined || v.split(",").every((t) => GUID.test(t.trim())), "must be tenant ids (GUIDs) separated by commas"),
  /** Runs /api/messages without Bot Framework authentication, for the Agents Playground or the Emulator on this machine. */
  TEAMS_LOCAL_MODE: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  /** With this token (Authorization: Bearer …) /healthz also shows the channels' details. */
  HEALTH_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 16, "must be at least 16 characters"),
  /** Where Bot Framework tokens' signing keys are published; only for tests and private clouds. */
  MICROSOFT_BOT_OPENID_METADATA: optionalText.refine((v) => v === undefined || URL.canParse(v), "must be a URL"),
  /**
   * The login authority the bot gets its own token from (client credentials) for proactive
   * messages: its https base URL, the bot's tenant is appended. Only for sovereign and private
   * clouds (and tests); default: Microsoft's public cloud.
   */
  MICROSOFT_BOT_LOGIN_URL: optionalText.refine(
    (v) => v === undefined || isAuthorityBase(v),
    "must be the https base URL of a login authority, like https://login.microsoftonline.us (no path, query or fragment)",
  ),
  /** The audience of the bot's own token (the Bot Connector of the cloud); default: https://api.botframework.com. */
  MICROSOFT_BOT_OAUTH_SCOPE: optionalText.refine((v) => v === undefined || (URL.canParse(v) && new URL(v).protocol === "https:"), "must be an https URL like https://api.botframework.us"),
  /** OpenID metadata of the identity platform that signs the Teams tab's SSO tokens. */
  TEAMS_SSO_OPENID_METADATA: z
    .string()
    .default("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration")
    .refine((v) => URL.canParse(v), "must be a URL"),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /**
   * Inbox rows one process works on at once (one per person). Most of a row's time is the
   * platform's Web API answering: with Slack's 100–300 ms per call, 16 rows in flight cap a
   * process at roughly 50–160 commands a second, however idle its CPU. Unset: the inbox's
   * own default (src/app/inbox/index.ts).
   */
  INBOX_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  // NAV's LPS API through Maskinporten (docs/nav.md): all of them, or none.
  MASKINPORTEN_TOKEN_URL: optionalText.refine((v) => v === undefined || URL.canParse(v), "must be a URL like https://maskinporten.no/token"),
  MASKINPORTEN_AUDIENCE: optionalText,
  MASKINPORTEN_CLIENT_ID: optionalText,
  MASKINPORTEN_KID: optionalText,
  MASKINPORTEN_PRIVATE_KEY_FILE: optionalText,
  /** A delegated setup: the employer (organisation number) we act for. */
  MASKINPORTEN_CONSUMER_ORG: optionalText.refine((v) => v === undefined || /^\d{9}$/.test(v), "must be a 9-digit organisation number"),
  NAV_LPS_API_URL: optionalText.refine((v) => v === undefined || URL.canParse(v), "must be a URL like https://lps-oppfolgingsplan-mottak.nav.no"),
  /**
   * Months after a case's last sick day when its plan, every version and any one-sided draft
   * are deleted. Never before the plan is hidden from the leader (6 months); 12 unless set.
   */
  PLAN_RETENTION_MONTHS: z.coerce.number().int().min(6, "must be at least 6 (plans are hidden from the leader after 6 months)").max(120).default(12),
});

/** What sending plans to NAV needs; undefined when Maskinporten is not configured. */
export interface NavConfig {
  tokenUrl: string;
  audience: string;
  clientId: string;
  kid: string;
  privateKeyFile: string;
  /** The private key (PKCS#8 PEM), read and checked at start. */
  privateKeyPem: string;
  consumerOrg?: string;
  apiUrl: string;
}

/** The settings NAV sending needs, in the order docs/nav.md lists them. */
export const NAV_REQUIRED_SETTINGS = [
  "MASKINPORTEN_TOKEN_URL",
  "MASKINPORTEN_AUDIENCE",
  "MASKINPORTEN_CLIENT_ID",
  "MASKINPORTEN_KID",
  "MASKINPORTEN_PRIVATE_KEY_FILE",
  "NAV_LPS_API_URL",
] as const;

export type Config = z.infer<typeof envSchema> & {
  channels: { slack: boolean; teams: boolean };
  /** Teams: "bot-framework" (authenticated), "local" (asked for explicitly, loopback only) or off. */
  teamsMode: "bot-framework" | "local" | "off";
  /** Entra tenants served (lower case); empty in local mode means "any tenant on this machine". */
  teamsTenants: string[];
  /** The SQLite file; undefined on PostgreSQL. */
  databaseFile: string | undefined;
  nav?: NavConfig;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const c = parsed.data;
  const problems: string[] = [];
  // Slack needs a signing secret (HTTP) or an app token (Socket Mode), always with a bot token.
  const slackPieces = [c.SLACK_SIGNING_SECRET, c.SLACK_BOT_TOKEN, c.SLACK_APP_TOKEN].filter(Boolean).length;
  const slack = Boolean(c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN));
  if (slackPieces > 0 && !slack) {
    problems.push("SLACK_BOT_TOKEN: Slack needs SLACK_BOT_TOKEN together with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN");
  }
  if (c.MICROSOFT_APP_PASSWORD && !c.MICROSOFT_APP_ID) {
    problems.push("MICROSOFT_APP_ID: required when MICROSOFT_APP_PASSWORD is set");
  }
  const teamsTenants = (c.TEAMS_ALLOWED_TENANTS ? c.TEAMS_ALLOWED_TENANTS.split(",") : c.MICROSOFT_APP_TENANT_ID ? [c.MICROSOFT_APP_TENANT_ID] : [])
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (c.MICROSOFT_APP_ID && teamsTenants.length === 0) {
    // A multi-tenant bot open to every tenant lets anyone's directory e-mail claims in.
    problems.push("MICROSOFT_APP_TENANT_ID: Teams needs the tenant it serves (MICROSOFT_APP_TENANT_ID, or TEAMS_ALLOWED_TENANTS for several)");
  }
  for (const name of ["MICROSOFT_BOT_LOGIN_URL", "MICROSOFT_BOT_OAUTH_SCOPE"] as const) {
    if (c[name] && !c.MICROSOFT_APP_ID) problems.push(`${name}: only used with MICROSOFT_APP_ID (the bot's own token)`);
  }
  if (c.MICROSOFT_BOT_LOGIN_URL && c.MICROSOFT_APP_ID && !c.MICROSOFT_APP_PASSWORD) {
    problems.push("MICROSOFT_APP_PASSWORD: required with MICROSOFT_BOT_LOGIN_URL (the bot's client secret for its own token)");
  }
  if (c.MICROSOFT_APP_ID && c.TEAMS_LOCAL_MODE) {
    problems.push("TEAMS_LOCAL_MODE: local mode is unauthenticated; it cannot be combined with MICROSOFT_APP_ID");
  }
  const nav = navConfigOf(c, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const teamsMode = c.MICROSOFT_APP_ID ? "bot-framework" : c.TEAMS_LOCAL_MODE ? "local" : "off";
  return {
    ...c,
    ...(nav ? { nav } : {}),
    // The Teams endpoint runs only when configured, or when local mode is asked for.
    channels: { slack, teams: teamsMode === "bot-framework" },
    teamsMode,
    teamsTenants,
    databaseFile: c.DATABASE_URL.startsWith("file:") ? databaseFileOf(c.DATABASE_URL) : undefined,
  };
}

/** The settings still missing for NAV sending (all of them when none is set). */
export function missingNavSettings(c: Partial<Record<(typeof NAV_REQUIRED_SETTINGS)[number], string | undefined>>): string[] {
  return NAV_REQUIRED_SETTINGS.filter((name) => !c[name]);
}

function navConfigOf(c: z.infer<typeof envSchema>, problems: string[]): NavConfig | undefined {
  const missing = missingNavSettings(c);
  const anySet = missing.length < NAV_REQUIRED_SETTINGS.length || c.MASKINPORTEN_CONSUMER_ORG !== undefined;
  if (!anySet) return undefined;
  // Half a configuration is a mistake: say which pieces are missing instead of silently not offering NAV.
  for (const name of missing) problems.push(`${name}: required when sending plans to NAV is configured (see docs/nav.md)`);
  if (missing.length > 0) return undefined;
  const file = path.resolve(c.MASKINPORTEN_PRIVATE_KEY_FILE!);
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error) {
    problems.push(`MASKINPORTEN_PRIVATE_KEY_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return undefined;
  }
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== "rsa") throw new Error("not an RSA key");
    // jose reads PKCS#8; a PKCS#1 ("BEGIN RSA PRIVATE KEY") file is converted here once.
    pem = key.export({ type: "pkcs8", format: "pem" }).toString();
  } catch {
    problems.push(`MASKINPORTEN_PRIVATE_KEY_FILE: ${file} is not an RSA private key in PEM format`);
    return undefined;
  }
  return {
    tokenUrl: c.MASKINPORTEN_TOKEN_URL!,
    audience: c.MASKINPORTEN_AUDIENCE!,
    clientId: c.MASKINPORTEN_CLIENT_ID!,
    kid: c.MASKINPORTEN_KID!,
    privateKeyFile: file,
    privateKeyPem: pem,
    ...(c.MASKINPORTEN_CONSUMER_ORG ? { consumerOrg: c.MASKINPORTEN_CONSUMER_ORG } : {}),
    apiUrl: c.NAV_LPS_API_URL!.replace(/\/+$/, ""),
  };
}

/** An https origin (no path beyond "/", no query, fragment or credentials): a login authority's base URL. */
function isAuthorityBase(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === "https:" && (url.pathname === "/" || url.pathname === "") && !url.search && !url.hash && !url.username && !url.password;
}

/** "file:./data/x.db" → absolute path of the SQLite file (relative to the working directory). */
export function databaseFileOf(url: string): string {
  const file = url.replace(/^file:/, "").split("?")[0] ?? "";
  return file === ":memory:" ? file : path.resolve(file);
}
