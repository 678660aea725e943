// The Teams tab shows the case's timeline (issue 13) through its API, which checks the
// Teams SSO token: the employee sees her whole timeline, her leader the leader's cut (the
// timeline's own role rule, src/domain/timeline/timeline.ts), and a colleague nothing of it.
// A Danish case, so the early effort's entries (screening, fast track) are in it.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/tempDb.js";
import { buttons, runDialogue } from "../../helpers/conversationDriver.js";
import { startBot, type RunningBot } from "../../../src/server/bot.js";
import { loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/logging/logger.js";
import { importDirectory } from "../../../src/app/directory/importDirectory.js";
import { takeInbox } from "../../../src/channels/console/delivery.js";
import { todayFor } from "../../../src/app/people.js";
import { addDays } from "../../../src/domain/time/localDate.js";
import type { Command } from "../../../src/domain/messages/commands.js";
import type { Person } from "../../../src/generated/prisma/client.js";
import { FakeIdentity } from "./helpers/fakeIdentity.js";
import { TENANT } from "./helpers/teamsClient.js";

const APP_ID = "5b0c2a41-8f7e-4d2b-a3c9-6e1f0d9b7a25";
const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lars@firma.dk,Lars Leder,,da,DK,Europe/Copenhagen,,aad-lars,",
  "dorte@firma.dk,Dorte Ansat,lars@firma.dk,da,DK,Europe/Copenhagen,,aad-dorte,",
  "peter@firma.dk,Peter Kollega,lars@firma.dk,da,DK,Europe/Copenhagen,,aad-peter,",
].join("\n");

describe("the timeline on the Teams tab", () => {
  let bot: RunningBot;
  let identity: FakeIdentity;
  let audience: string;
  let dorte: Person;
  const token = (oid: string) => identity.sign({ iss: identity.ssoIssuer(TENANT), aud: audience, tid: TENANT, ver: "2.0", oid }, { key: identity.published[1]! });
  const get = async (url: string, oid: string) => fetch(`${bot.http.url}${url}`, { headers: { authorization: `Bearer ${await token(oid)}` } });

  beforeAll(async () => {
    identity = await new FakeIdentity().start();
    bot = await startBot(
      loadConfig({
        DATABASE_URL: `file:${path.join(tempDir(), "tab-timeline.db")}`,
        PORT: "0",
        HOST: "127.0.0.1",
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: "not-used-by-these-tests",
        MICROSOFT_APP_TENANT_ID: TENANT,
        TEAMS_SSO_OPENID_METADATA: identity.ssoMetadataUrl,
      }),
      createLogger("silent"),
    );
    audience = `api://${new URL(bot.http.url).host}/${APP_ID}`;
    const { db } = bot.app;
    await importDirectory(db, DIRECTORY, { defaultTimeZone: "Europe/Copenhagen" });
    dorte = await db.person.findUniqueOrThrow({ where: { email: "dorte@firma.dk" } });
    const lars = await db.person.findUniqueOrThrow({ where: { email: "lars@firma.dk" } });
    // Her case, the leader's screening («risk») and the fast track she agrees to, made through the core as in chat.
    const say = (who: Person, command: Command) => bot.services.conversation.handle(who, command, "console");
    const today = todayFor(dorte, new Date());
    await say(dorte, { type: "report.submit", start: addDays(today, -2), end: addDays(today, 68), grade: 100, document: "sykmelding" });
    await runDialogue(bot.services.conversation, lars, await say(lars, { type: "dialogue.start", dialogueId: "dk_screening", employeeId: dorte.id }), { assessment: "risk" });
    await say(lars, { type: "fastTrack", action: "offer", employeeId: dorte.id });
    const agree = buttons(await takeInbox(db, [dorte.id])).find((b) => b.command.type === "fastTrack" && b.command.action === "agree");
    await say(dorte, agree!.command);
    expect((await db.fastTrackRequest.findFirstOrThrow()).status).toBe("agreed");
  });

  afterAll(async () => {
    await bot?.stop();
    await identity?.stop();
  });

  const timelineOf = (view: { timeline: unknown }) => JSON.stringify(view.timeline);

  it("the employee's own tab shows her whole timeline", async () => {
    const response = await get("/api/tab/me", "aad-dorte");
    expect(response.status).toBe(200);
    const text = timelineOf((await response.json()) as { timeline: unknown });
    expect(text).toMatch(/Tidslinje for Dorte Ansat/);
    expect(text).toMatch(/Sygefravær meldt/);
    expect(text).toMatch(/Lederens vurdering ved sygemeldingen: risiko for langvarigt fravær/);
    expect(text).toMatch(/Medarbejderen sagde ja til hurtigt spor/);
    // The employee scope: her whole case.
    expect(text).toMatch(/Dette er hele din sag/);
  });

  it("her leader opens her case on his tab and sees the leader's cut, audited", async () => {
    const { db } = bot.app;
    const before = await db.auditLog.count({ where: { subjectId: dorte.id, entity: "timeline" } });
    const response = await get(`/api/tab/person?id=${dorte.id}`, "aad-lars");
    expect(response.status).toBe(200);
    const text = timelineOf((await response.json()) as { timeline: unknown });
    expect(text).toMatch(/Tidslinje for Dorte Ansat/);
    expect(text).toMatch(/Hurtigt spor tilbudt af lederen/);
    expect(text).toMatch(/Du ser sagen som leder/);
    expect(await db.auditLog.count({ where: { subjectId: dorte.id, entity: "timeline" } })).toBe(before + 1);
    // His own tab: no case of his own, so no timeline; Dorte is on his team list.
    const own = (await (await get("/api/tab/me", "aad-lars")).json()) as { timeline: unknown; team: Array<{ name: string }> };
    expect(own.timeline).toBeNull();
    expect(own.team.map((m) => m.name)).toEqual(["Dorte Ansat"]);
  });

  it("a colleague sees nothing of it: refused for her case, and nothing of hers on his own tab", async () => {
    expect((await get(`/api/tab/person?id=${dorte.id}`, "aad-peter")).status).toBe(403);
    const own = await (await get("/api/tab/me", "aad-peter")).text();
    expect(own).not.toMatch(/Dorte/);
    expect(JSON.parse(own).timeline).toBeNull();
  });
});
