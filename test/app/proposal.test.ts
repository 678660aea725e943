// The employee in the driver's seat (seed 001): she proposes a measure herself in chat,
// the leader is told, the proposal is hers in the plan, and it is agreed when she
// confirms the next version; her timeline shows every measure with owner and status.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { runDialogue, textOf, buttons, moreThenStop } from "../helpers/conversationDriver.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import type { Person } from "../../src/generated/prisma/client.js";
import { takeInbox } from "../../src/channels/console/delivery.js";
import { parsePlanContent } from "../../src/domain/plan/model.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,en,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,en,NO,Europe/Oslo,,,",
  "stian@firma.no,Stian Fremmed,,en,NO,Europe/Oslo,,,",
].join("\n");

describe("the employee proposes measures herself", () => {
  let db: TempDb;
  let services: Services;
  let now = new Date("2026-11-23T09:00:00Z");
  const person = (email: string) => db.db.person.findUniqueOrThrow({ where: { email } });
  const say = (who: Person, command: Parameters<Services["conversation"]["handle"]>[1]) => services.conversation.handle(who, command, "console");

  beforeEach(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    now = new Date("2026-11-23T09:00:00Z");
    services = createServices({ config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => now });
  });
  afterEach(async () => db.dispose());

  it("in chat: the leader is told, the plan holds it as hers, and it is agreed when she confirms", async () => {
    const anne = await person("anne@firma.no");
    const lise = await person("lise@firma.no");
    await runDialogue(services.conversation, anne, await say(anne, { type: "text", text: "sick" }), { startDate: "2026-11-23", endDate: "2026-12-20", grade: "full", leaveType: "sykmelding" });
    // Both sides of the follow-up first, and version 1 confirmed.
    await runDialogue(services.conversation, anne, await say(anne, { type: "plan" }), { contactAsAgreed: "none_yet", mainTasks: ["Customer calls"], arrConsent: "no" });
    await runDialogue(services.conversation, lise, await say(lise, { type: "plan", employeeId: anne.id }), {
      triedBefore: "no",
      evaluationDate: "2026-12-18",
      "measures._more": moreThenStop(0),
      needsHelpFromNav: "no",
      employeeContributed: "yes",
      sendToNav: "no",
      sendToGp: "no",
    });
    const v1 = buttons(await takeInbox(db.db, [anne.id])).find((b) => b.command.type === "plan.review" && b.command.action === "confirm");
    await say(anne, v1!.command);
    await takeInbox(db.db, [lise.id]);
    now = new Date("2026-11-24T09:00:00Z");

    const done = await runDialogue(services.conversation, anne, await say(anne, { type: "text", text: "propose measure" }), {
      "measures._more": moreThenStop(0),
      measureTitle: "Work from home on Mondays",
      measureOwner: "employee",
      measureDueDate: "2026-12-10",
    });
    expect(textOf(done)).toMatch(/Your proposal is in the plan, and Lise Leder has been told/);
    const notice = await takeInbox(db.db, [lise.id]);
    expect(textOf(notice)).toMatch(/Anne Ansatt proposes a measure:\n• Work from home on Mondays/);
    expect(buttons(notice).some((b) => b.command.type === "plan" && b.command.employeeId === anne.id)).toBe(true);

    const plan = await db.db.plan.findFirstOrThrow({ where: { employeeId: anne.id } });
    const draft = parsePlanContent(JSON.parse(plan.draft!));
    expect(draft.measures.find((m) => m.title === "Work from home on Mondays")).toMatchObject({ owner: "employee", status: "proposed", proposedBy: "employee" });

    // Her timeline shows it, with its owner; the button to propose another is there.
    const timeline = await say(anne, { type: "timeline" });
    expect(textOf(timeline)).toMatch(/Measure proposed: Work from home on Mondays \(owner: Employee/);
    expect(buttons(timeline).some((b) => b.command.type === "dialogue.start" && b.command.dialogueId === "propose_measure")).toBe(true);

    // The leader takes it into the next version; she confirms; it is agreed.
    now = new Date("2026-11-25T09:00:00Z");
    await runDialogue(services.conversation, lise, await say(lise, { type: "dialogue.start", dialogueId: "measures", employeeId: anne.id }), {
      "measures._more": moreThenStop(0),
      measureTitle: "Quiet room two days a week",
      measureOwner: "leader",
      measureDueDate: "2026-12-15",
    });
    const review = await takeInbox(db.db, [anne.id]);
    const confirm = buttons(review).find((b) => b.command.type === "plan.review" && b.command.action === "confirm");
    expect(textOf(review)).toMatch(/Work from home on Mondays/);
    expect(textOf(await say(anne, confirm!.command))).toMatch(/confirmed version 2/);
    const rows = await db.db.measure.findMany({ where: { planId: plan.id } });
    const byTitle = Object.fromEntries(rows.map((m) => [m.title, [m.owner, m.status]]));
    expect(byTitle["Work from home on Mondays"]).toEqual(["employee", "agreed"]);
    expect(byTitle["Quiet room two days a week"]).toEqual(["leader", "agreed"]);
    expect(textOf(await say(anne, { type: "timeline" }))).toMatch(/Measure agreed: Work from home on Mondays \(owner: Employee/);
  });

  it("is the employee's own: nobody proposes on someone else's behalf", async () => {
    const anne = await person("anne@firma.no");
    const stian = await person("stian@firma.no");
    await runDialogue(services.conversation, anne, await say(anne, { type: "text", text: "sick" }), { startDate: "2026-11-23", endDate: "2026-12-20", grade: "full", leaveType: "sykmelding" });
    const refused = textOf(await say(stian, { type: "dialogue.start", dialogueId: "propose_measure", employeeId: anne.id }));
    expect(refused).toMatch(/have access/);
    expect(await db.db.dialogueSession.count({ where: { personId: stian.id } })).toBe(0);
  });
});
