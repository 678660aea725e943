// The personal tab: the API behind it checks the Teams SSO token (signature against
// the tenant's published keys, issuer, audience, expiry) and serves only what the
// signed-in person may see; the page itself runs in headless Chromium inside a
// same-origin fake Teams host, signs in silently and shows the person's plan.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { translator } from "../../../src/i18n/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { ROOT } from "../../helpers/cli.js";
import { tempDir } from "../../helpers/tempDb.js";
import { buttons, moreThenStop, runDialogue, type Answers } from "../../helpers/conversationDriver.js";
import { startBot, type RunningBot } from "../../../src/server/bot.js";
import { loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/logging/logger.js";
import { importDirectory } from "../../../src/app/directory/importDirectory.js";
import { takeInbox } from "../../../src/channels/console/delivery.js";
import { todayFor } from "../../../src/app/people.js";
import { addDays } from "../../../src/domain/time/localDate.js";
import type { Person } from "../../../src/generated/prisma/client.js";
import { FakeIdentity, signingKey } from "./helpers/fakeIdentity.js";
import { teamsHostPage } from "./helpers/teamsHost.js";
import { TENANT } from "./helpers/teamsClient.js";

const CHROMIUM = "/usr/bin/chromium";
const APP_ID = "5b0c2a41-8f7e-4d2b-a3c9-6e1f0d9b7a25";
const OUTPUT = path.join(ROOT, "test-output");

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,aad-anne,",
  "ola@firma.no,Ola Kollega,lise@firma.no,en,NO,Europe/Oslo,,aad-ola,",
].join("\n");

const EMPLOYEE: Answers = {
  contactAsAgreed: "as_agreed",
  role: "Rådgiver i kundeservice",
  positionPercent: 100,
  mainTasks: ["Kundemøter", "Telefonvakt"],
  triedBefore: "yes",
  previousFacilitation: "Hjemmekontor to dager i uka fungerte bra.",
  returnPace: "graded",
  arrConsent: "no",
};

const LEADER: Answers = {
  triedBefore: "yes",
  "measures._more": moreThenStop(1),
  measureTitle: "Hjemmekontor tirsdag og torsdag",
  measureOwner: "leader",
  needsHelpFromNav: "no",
  employeeContributed: "yes",
  sendToNav: "no",
  sendToGp: "no",
};

describe("the personal tab", () => {
  let bot: RunningBot;
  let identity: FakeIdentity;
  let anne: Person;
  let lise: Person;
  let ola: Person;
  let audience: string;

  const ssoToken = (claims: Record<string, unknown>, options: Parameters<FakeIdentity["sign"]>[1] = {}) =>
    identity.sign({ iss: identity.ssoIssuer(TENANT), aud: audience, tid: TENANT, ver: "2.0", ...claims }, { key: identity.published[1]!, ...options });
  const get = (url: string, token?: string) => fetch(`${bot.http.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    identity = await new FakeIdentity().start();
    const config = loadConfig({
      DATABASE_URL: `file:${path.join(tempDir(), "tab.db")}`,
      PORT: "0",
      HOST: "127.0.0.1",
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: "not-used-by-these-tests",
      MICROSOFT_APP_TENANT_ID: TENANT,
      TEAMS_SSO_OPENID_METADATA: identity.ssoMetadataUrl,
    });
    bot = await startBot(config, createLogger("silent"));
    audience = `api://${new URL(bot.http.url).host}/${APP_ID}`;
    const { db } = bot.app;
    await importDirectory(db, DIRECTORY, { defaultTimeZone: "Europe/Oslo" });
    const byEmail = (email: string) => db.person.findUniqueOrThrow({ where: { email } });
    [anne, lise, ola] = [await byEmail("anne@firma.no"), await byEmail("lise@firma.no"), await byEmail("ola@firma.no")];

    // Anne's case and confirmed plan, made through the conversation core as in chat.
    const say = (who: Person, command: Parameters<RunningBot["services"]["conversation"]["handle"]>[1]) => bot.services.conversation.handle(who, command, "console");
    const today = todayFor(anne, new Date());
    await runDialogue(bot.services.conversation, anne, await say(anne, { type: "report" }), { startDate: today, endDate: addDays(today, 27), grade: "full", leaveType: "sykmelding" });
    await runDialogue(bot.services.conversation, anne, await say(anne, { type: "plan" }), EMPLOYEE);
    await runDialogue(bot.services.conversation, lise, await say(lise, { type: "plan", employeeId: anne.id }), LEADER);
    const confirm = buttons(await takeInbox(db, [anne.id])).find((b) => b.command.type === "plan.review" && b.command.action === "confirm");
    await say(anne, confirm!.command);
    expect((await db.planVersion.findFirstOrThrow()).reviewStatus).toBe("confirmed");
  });

  afterAll(async () => {
    await bot?.stop();
    await identity?.stop();
  });

  describe("API", () => {
    it("serves the signed-in person's own case, plan and measures", async () => {
      const response = await get("/api/tab/me", await ssoToken({ oid: "aad-anne", preferred_username: "anne@firma.no" }));
      expect(response.status).toBe(200);
      const view = (await response.json()) as Record<string, any>;
      expect(view.subject).toEqual({ id: anne.id, name: "Anne Ansatt", self: true });
      expect(view.plan.version).toBe(1);
      expect(view.plan.reviewStatus).toBe("confirmed");
      expect(view.plan.pdf).toBe(`/api/tab/plan.pdf?employeeId=${anne.id}`);
      const text = JSON.stringify(view);
      expect(text).toMatch(/Hjemmekontor tirsdag og torsdag/);
      expect(text).toMatch(/Arbeidsgiverperioden slutter/); // a milestone
      expect(view.team).toEqual([]);
    });

    it.each([
      ["no token", async () => undefined],
      ["a token for another app", async () => ssoToken({ oid: "aad-anne", aud: "api://elsewhere.example/11111111-2222-3333-4444-555555555555" })],
      ["an expired token", async () => ssoToken({ oid: "aad-anne" }, { expiresIn: -600 })],
      ["a token from another issuer", async () => ssoToken({ oid: "aad-anne", iss: "https://login.example.com/x/v2.0" })],
      ["a token whose issuer names another tenant", async () => ssoToken({ oid: "aad-anne", iss: identity.ssoIssuer("0a0b0c0d-0000-0000-0000-000000000000") })],
      ["a token signed with someone else's key", async () => ssoToken({ oid: "aad-anne" }, { key: await signingKey("aad-key-1") })],
      ["garbage", async () => "abc.def.ghi"],
    ])("refuses %s with 401", async (_name, token) => {
      for (const url of ["/api/tab/me", `/api/tab/plan.pdf?employeeId=${anne.id}`]) {
        const response = await get(url, await token());
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({ error: "unauthorized" });
      }
    });

    it("finds people by e-mail when Teams knows them only by their sign-in name, and refuses strangers", async () => {
      const stranger = await get("/api/tab/me", await ssoToken({ oid: "aad-nobody", preferred_username: "nobody@annet.no" }));
      expect(stranger.status).toBe(403);
      expect(await stranger.json()).toEqual({ error: "not_in_directory" });
      const byEmail = await get("/api/tab/me", await ssoToken({ oid: "aad-lise", preferred_username: "Lise@Firma.no" }));
      expect(byEmail.status).toBe(200);
      expect(((await byEmail.json()) as { viewer: { id: string } }).viewer.id).toBe(lise.id);
    });

    it("lets a leader see the team's cases and open one, audited; an employee sees nobody else's", async () => {
      const { db } = bot.app;
      const liseToken = await ssoToken({ oid: "aad-lise", preferred_username: "lise@firma.no" });
      const me = (await (await get("/api/tab/me", liseToken)).json()) as { team: Array<{ id: string; name: string }> };
      expect(me.team.map((m) => m.name)).toEqual(["Anne Ansatt"]); // Ola has no case
      const auditBefore = await db.auditLog.count({ where: { actorId: lise.id, subjectId: anne.id, action: "read" } });
      const anneView = await get(`/api/tab/person?id=${anne.id}`, liseToken);
      expect(anneView.status).toBe(200);
      expect(JSON.stringify(await anneView.json())).toMatch(/Hjemmekontor tirsdag og torsdag/);
      const pdf = await get(`/api/tab/plan.pdf?employeeId=${anne.id}`, liseToken);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
      const reads = await db.auditLog.findMany({ where: { actorId: lise.id, subjectId: anne.id, action: "read" }, orderBy: { at: "asc" } });
      expect(reads.length).toBeGreaterThanOrEqual(auditBefore + 3);
      expect(reads.map((r) => r.actorLabel)).toContain("leader");
      expect(reads.map((r) => r.entity)).toEqual(expect.arrayContaining(["case", "plan"]));

      // Ola (a colleague, not a leader) asks for Anne's case and plan: refused, nothing read.
      const olaToken = await ssoToken({ oid: "aad-ola" });
      expect((await get(`/api/tab/person?id=${anne.id}`, olaToken)).status).toBe(403);
      expect((await get(`/api/tab/plan.pdf?employeeId=${anne.id}`, olaToken)).status).toBe(403);
      expect((await get(`/api/tab/person?id=does-not-exist`, olaToken)).status).toBe(403);
      expect(await db.auditLog.count({ where: { actorId: ola.id } })).toBe(0);

      // Anne's own tab answers "who has seen my plan?": Lise's reads above, as the chat lists them;
      // the leader's view of Anne's case never carries that list.
      const anneMe = (await (await get("/api/tab/me", await ssoToken({ oid: "aad-anne", preferred_username: "anne@firma.no" }))).json()) as { readers: unknown };
      const readers = JSON.stringify(anneMe.readers);
      expect(readers).toContain(translator("nb")("access:readers.title"));
      expect(readers).toMatch(/Lise Leder/);
      const asLeader = (await (await get(`/api/tab/person?id=${anne.id}`, liseToken)).json()) as { readers: unknown };
      expect(asLeader.readers).toBeNull();
    });

    it("serves the page and the Teams library from this server, with a policy that lets Teams frame it", async () => {
      const page = await get("/tab");
      expect(page.status).toBe(200);
      expect(page.headers.get("content-security-policy")).toMatch(/frame-ancestors[^;]*https:\/\/teams\.microsoft\.com/);
      const html = await page.text();
      expect(html).toMatch(/<script src="\/tab\/teams-js.js"><\/script>/);
      expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[^"']*\.js/); // no CDN
      const library = await get("/tab/teams-js.js");
      expect(library.status).toBe(200);
      expect(await library.text()).toMatch(/microsoftTeams/);
    });
  });

  describe("in headless Chromium inside a fake Teams host", () => {
    let context: BrowserContext;
    let userDataDir: string;

    beforeAll(async () => {
      if (!existsSync(CHROMIUM)) {
        throw new Error(`${CHROMIUM} is missing: install Debian's chromium (node scripts/ensure-chromium.mjs, as root) to run the tab test.`);
      }
      userDataDir = mkdtempSync(path.join(tmpdir(), "jobbdialog-chromium-"));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        // Chromium's first start on a busy two-core machine (the suite's own workers) can pass 30 s;
        // the limit is there to catch a hang, not to time the browser.
        timeout: 90_000,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        viewport: { width: 1000, height: 1400 },
        acceptDownloads: true,
      });
      // Only our own server: the Teams library's CDN look-up and anything else stay offline.
      await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        return url.hostname === "127.0.0.1" ? route.continue() : route.abort();
      });
    });

    afterAll(async () => {
      await context?.close();
      // Chromium may still be writing its profile for a moment after close.
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    });

    async function openTab(token: string | null, options: { locale?: string; oid?: string } = {}): Promise<Page> {
      const page = await context.newPage();
      const hostUrl = `${bot.http.url}/__fake_teams_host`;
      // The host page is served at our own origin (same-origin is what the Teams library accepts outside Teams).
      await page.route(hostUrl, (route) =>
        route.fulfill({
          status: 200,
          contentType: "text/html; charset=utf-8",
          body: teamsHostPage({ token, locale: options.locale ?? "nb-no", userObjectId: options.oid ?? "aad-anne", tenantId: TENANT }),
        }),
      );
      await page.goto(hostUrl);
      return page;
    }

    it("signs in silently and shows the person's plan, milestones and measures", async () => {
      const page = await openTab(await ssoToken({ oid: "aad-anne", preferred_username: "anne@firma.no" }));
      const tab = page.frameLocator("#tab");
      await tab.locator("body[data-ready=true]").waitFor({ timeout: 20_000 });
      await expect.poll(() => tab.locator("#plan").innerText()).toMatch(/Oppfølgingsplan/);
      const plan = await tab.locator("#plan").innerText();
      expect(plan).toMatch(/Hjemmekontor tirsdag og torsdag/);
      expect(plan).toMatch(/[Vv]ersjon 1/);
      expect(await tab.locator("#status").innerText()).toMatch(/Arbeidsgiverperioden slutter/);
      expect(await tab.locator("h1").innerText()).toBe("Saken min");
      // Her own tab also says who has seen her case.
      expect(await tab.locator("#readers").innerText()).toContain(translator("nb")("access:readers.title"));
      // …and the case's timeline, as the chat's «tidslinje» shows it to her (issue 13).
      const timeline = await tab.locator("#timeline").innerText();
      expect(timeline).toMatch(/Tidslinje for Anne Ansatt/);
      expect(timeline).toMatch(/Den ansatte bekreftet versjon 1/);
      expect(await tab.locator("html").getAttribute("lang")).toBe("nb");

      // The PDF link downloads the plan with the same sign-in.
      const download = page.waitForEvent("download", { timeout: 15_000 });
      await tab.locator("#pdf").click();
      const file = await (await download).path();
      expect(file).toBeTruthy();

      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, "teams-tab.png"), fullPage: true });
      expect(existsSync(path.join(OUTPUT, "teams-tab.png"))).toBe(true);
      expect(await page.evaluate(() => (globalThis as unknown as { hostLog: string[] }).hostLog)).toEqual(expect.arrayContaining(["initialize", "getContext", "authentication.getAuthToken"]));
      await page.close();
    });

    it("shows a clear message in the user's language when the token is refused", async () => {
      const bad = await ssoToken({ oid: "aad-anne" }, { expiresIn: -600 });
      const page = await openTab(bad, { locale: "en-gb" });
      const error = page.frameLocator("#tab").locator("[data-error]");
      await error.waitFor({ timeout: 20_000 });
      expect(await error.getAttribute("data-error")).toBe("unauthorized");
      expect(await error.innerText()).toMatch(/not signed in, or your sign-in could not be verified/);
      expect(await page.frameLocator("#tab").locator("#plan").count()).toBe(0);
      await page.screenshot({ path: path.join(OUTPUT, "teams-tab-unauthorized.png") });
      await page.close();

      // Teams itself refuses to give a token (e.g. consent missing): the same message, in bokmål.
      const noToken = await openTab(null);
      const refused = noToken.frameLocator("#tab").locator("[data-error]");
      await refused.waitFor({ timeout: 20_000 });
      expect(await refused.innerText()).toMatch(/Du er ikke logget inn/);
      await noToken.close();
    });

  });
});
