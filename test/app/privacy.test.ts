// Private text (issue 10): what the guard flagged and the person chose not to share is
// not stored in anyone else's dialogue or plan. Before the fix the leader's "keep
// private" kept "hun har depresjon og tar sertralin" in the leader's completed dialogue.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { runDialogue, textOf, buttons, moreThenStop, type Answers } from "../helpers/conversationDriver.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import type { Person } from "../../src/generated/prisma/client.js";
import { takeInbox } from "../../src/channels/console/delivery.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,,",
].join("\n");
const FLAGGED = "hun har depresjon og tar sertralin";
const HEALTH = /depresjon|sertralin/;

/** Flagged text the first time a question is asked, then something about the work. */
function flaggedOnce(clean: string): () => string {
  let asked = 0;
  return () => (asked++ === 0 ? FLAGGED : clean);
}

describe("text kept private stays out of everyone else's dialogue and plan", () => {
  let db: TempDb;
  let services: Services;
  let anne: Person;
  let lise: Person;
  const say = (who: Person, command: Parameters<Services["conversation"]["handle"]>[1]) => services.conversation.handle(who, command, "console");

  beforeEach(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    services = createServices({ config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => new Date("2026-11-30T09:00:00Z") });
    anne = await db.db.person.findUniqueOrThrow({ where: { email: "anne@firma.no" } });
    lise = await db.db.person.findUniqueOrThrow({ where: { email: "lise@firma.no" } });
    await say(anne, { type: "report.submit", start: "2026-11-23", end: "2027-01-10", grade: 100, document: "sykmelding" });
    await runDialogue(services.conversation, anne, await say(anne, { type: "plan" }), { contactAsAgreed: "as_agreed", mainTasks: ["Kundemøter"], arrConsent: "no" });
  }, 60_000);
  afterEach(async () => db.dispose());

  it("in the leader's dialogue: the option says the text is stored nowhere, and it is stored nowhere", async () => {
    const seen: string[] = [];
    const all = await runDialogue(
      services.conversation,
      lise,
      await say(lise, { type: "plan", employeeId: anne.id }),
      {
        previousFacilitation: flaggedOnce("Vi har prøvd kortere dager."), // required: asked again
        tasksMoved: flaggedOnce("unused"), // optional: left empty
        "measures._more": moreThenStop(0),
        needsHelpFromNav: "no",
        employeeContributed: "yes",
        sendToNav: "no",
        sendToGp: "no",
      } satisfies Answers,
      { seen },
    );
    const warning = all.find((m) => /depresjon/.test(textOf([m])) && buttons([m]).some((b) => b.label === "Ikke lagre teksten"));
    expect(warning, textOf(all)).toBeDefined();
    expect(textOf([warning!])).toMatch(/Teksten slettes og lagres ingen steder, verken i denne samtalen eller i planen/);
    expect(textOf(all)).toMatch(/Teksten ble ikke lagret\. Skriv et svar om arbeidet/);
    expect(textOf(all)).toMatch(/Versjon 1 av planen er sendt til Anne Ansatt/);

    // Nowhere: not the leader's (completed) dialogue, not the plan's draft or versions, not the outbox, not the audit log.
    const sessions = await db.db.dialogueSession.findMany({ where: { personId: lise.id } });
    expect(sessions.map((s) => s.status)).toEqual(["completed"]);
    for (const s of sessions) expect(s.state).not.toMatch(HEALTH);
    const plan = await db.db.plan.findFirstOrThrow({ where: { employeeId: anne.id }, include: { versions: true } });
    expect(plan.draft).not.toMatch(HEALTH);
    for (const v of plan.versions) expect(v.content).not.toMatch(HEALTH);
    for (const row of await db.db.outbox.findMany()) expect(row.payload).not.toMatch(HEALTH);
    for (const row of await db.db.auditLog.findMany()) expect(row.detail ?? "").not.toMatch(HEALTH);
    expect(textOf(await takeInbox(db.db, [anne.id]))).not.toMatch(HEALTH);
  }, 60_000);

  it("in the employee's disagreement (her words go to the leader): left out too", async () => {
    await runDialogue(services.conversation, lise, await say(lise, { type: "plan", employeeId: anne.id }), { "measures._more": moreThenStop(0), needsHelpFromNav: "no", employeeContributed: "yes", sendToNav: "no", sendToGp: "no" });
    const plan = await db.db.plan.findFirstOrThrow({ where: { employeeId: anne.id } });
    const all = await runDialogue(services.conversation, anne, await say(anne, { type: "plan.review", planId: plan.id, version: 1, action: "disagree" }), {
      comment: flaggedOnce("Fristen for hjemmekontor er for kort."),
    });
    expect(textOf(all)).toMatch(/Det du er uenig i ved versjon 1, er registrert/);
    const version = await db.db.planVersion.findFirstOrThrow({ where: { planId: plan.id, version: 1 } });
    expect(version.disagreement).toBe("Fristen for hjemmekontor er for kort.");
    expect(version.content).not.toMatch(HEALTH);
    for (const s of await db.db.dialogueSession.findMany({ where: { dialogueId: "plan_disagreement" } })) expect(s.state).not.toMatch(HEALTH);
    expect(textOf(await takeInbox(db.db, [lise.id]))).not.toMatch(HEALTH);
  }, 60_000);
});
