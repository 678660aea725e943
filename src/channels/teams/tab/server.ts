// The personal tab, served by the bot's own server: the page (GET /tab), its script,
// style and the Teams JavaScript library (no CDN), and the API the page calls with
// the Teams SSO token (Authorization: Bearer …). Only the signed-in person's data is
// served; a leader or HR admin may also open a case they are allowed to see.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Config } from "../../../config/env.js";
import type { Logger } from "../../../logging/logger.js";
import { isForbidden, UserError, type ChannelFacade, type Person } from "../../../app/facade/index.js";
import { loadResources, SUPPORTED_LOCALES, translator } from "../../../i18n/index.js";
import type { Router } from "../../../server/router.js";
import { SsoError, SsoVerifier, type SsoIdentity } from "./sso.js";

const STATIC_DIR = fileURLToPath(new URL("./static/", import.meta.url));
const require = createRequire(import.meta.url);

/** Where Teams (web, desktop, Outlook, Microsoft 365) may frame the tab. */
const FRAME_ANCESTORS = [
  "'self'",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://teams.cloud.microsoft",
  "https://*.cloud.microsoft",
  "https://*.office.com",
  "https://*.microsoft365.com",
  "https://outlook.office.com",
].join(" ");

const CSP = `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors ${FRAME_ANCESTORS}`;

export interface TabOptions {
  config: Config;
  facade: ChannelFacade;
  logger: Logger;
}

export function mountTab(router: Router, options: TabOptions): void {
  const { config, facade, logger } = options;
  const verifier = new SsoVerifier({ metadataUrl: config.TEAMS_SSO_OPENID_METADATA, appId: config.MICROSOFT_APP_ID });
  const files = {
    page: readFileSync(path.join(STATIC_DIR, "tab.html"), "utf8").replace("<!--STRINGS-->", () => stringsScript()),
    script: readFileSync(path.join(STATIC_DIR, "tab.js")),
    style: readFileSync(path.join(STATIC_DIR, "tab.css")),
    teamsJs: readFileSync(require.resolve("@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js")),
  };

  router.add("GET", "/tab", (_req, res) => send(res, 200, "text/html; charset=utf-8", files.page, { "content-security-policy": CSP }));
  router.add("GET", "/tab/tab.js", (_req, res) => send(res, 200, "text/javascript; charset=utf-8", files.script));
  router.add("GET", "/tab/tab.css", (_req, res) => send(res, 200, "text/css; charset=utf-8", files.style));
  router.add("GET", "/tab/teams-js.js", (_req, res) => send(res, 200, "text/javascript; charset=utf-8", files.teamsJs));

  /** The signed-in directory person, or the response has been sent (401/403). */
  const signedIn = async (req: IncomingMessage, res: ServerResponse): Promise<Person | undefined> => {
    const header = req.headers.authorization ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) {
      sendJson(res, 401, { error: "unauthorized" });
      return undefined;
    }
    let identity: SsoIdentity;
    try {
      identity = await verifier.verify(token);
    } catch (error) {
      if (!(error instanceof SsoError)) throw error;
      logger.info({ reason: error.message }, "teams tab: token refused");
      sendJson(res, 401, { error: "unauthorized" });
      return undefined;
    }
    // The same identity policy as the bot: (tenant, object id), an allowed tenant, and an
    // e-mail link only the first time and only from a sign-in name Entra vouches for.
    const found = await facade.identify({ platform: "teams", tenant: identity.tid, userId: identity.oid }, async () => identity.username);
    if (found.kind === "stranger") {
      sendJson(res, 403, { error: found.reason === "tenant_not_allowed" ? "tenant_not_allowed" : "not_in_directory" });
      return undefined;
    }
    return found.person;
  };

  /** Runs a read the facade may refuse; a refusal is 403 (the same whether or not the person exists). */
  const orForbidden = async <T>(res: ServerResponse, read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      if (!isForbidden(error)) throw error;
      sendJson(res, 403, { error: "forbidden" });
      return undefined;
    }
  };

  router.add("GET", "/api/tab/me", async (req, res) => {
    const viewer = await signedIn(req, res);
    if (!viewer) return;
    sendJson(res, 200, await facade.tab(viewer), { "cache-control": "no-store" });
  });

  router.add("GET", "/api/tab/person", async (req, res) => {
    const viewer = await signedIn(req, res);
    if (!viewer) return;
    const view = await orForbidden(res, () => facade.tab(viewer, queryOf(req).get("id")));
    if (view) sendJson(res, 200, view, { "cache-control": "no-store" });
  });

  router.add("GET", "/api/tab/plan.pdf", async (req, res) => {
    const viewer = await signedIn(req, res);
    if (!viewer) return;
    try {
      // The facade audits the read when someone other than the employee downloads it.
      const pdf = await orForbidden(res, () => facade.planPdf(viewer, queryOf(req).get("employeeId")));
      if (!pdf) return;
      const file = translator(await facade.localeOf(viewer))("teams:pdfFileName", { version: pdf.version });
      send(res, 200, "application/pdf", pdf.body, {
        "content-disposition": `attachment; filename="${asciiFileName(file, pdf.version)}"`,
        "cache-control": "no-store",
      });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      sendJson(res, 404, { error: "no_plan" });
    }
  });
}

function queryOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? "/", "http://localhost").searchParams;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(body), headers);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), "x-content-type-options": "nosniff", ...headers });
  res.end(body);
}

/** A file name without characters a header cannot carry. */
function asciiFileName(localized: string, version: number): string {
  const ascii = localized.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "").trim();
  return ascii.endsWith(".pdf") ? ascii : `${ascii || `plan-v${version}`}.pdf`;
}

/** The tab's texts (teams:tab.*) for every locale, embedded as data (not script) for the page to choose from. */
function stringsScript(): string {
  const tree = (loadResources().nb?.teams as { tab?: Record<string, unknown> } | undefined)?.tab ?? {};
  const all: Record<string, unknown> = {};
  for (const locale of SUPPORTED_LOCALES) {
    const t = translator(locale);
    all[locale] = translateTree(tree, [], (keyPath) => t(`teams:tab.${keyPath}`));
  }
  // "<" is escaped so no text can close the script element.
  return `<script id="jd-strings" type="application/json">${JSON.stringify(all).replace(/</g, "\\u003c")}</script>`;
}

function translateTree(tree: Record<string, unknown>, at: string[], t: (keyPath: string) => string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [key, value !== null && typeof value === "object" ? translateTree(value as Record<string, unknown>, [...at, key], t) : t([...at, key].join("."))]),
  );
}
