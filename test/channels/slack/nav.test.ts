// Sending the confirmed plan to NAV and the doctor through Slack, with the real bot against
// the fake Slack and a fake Maskinporten + NAV LPS API on 127.0.0.1: the leader opens the
// plan in her DM, clicks "Send to NAV and the doctor", types the national identity number
// into the input, and NAV gets the plan once. The number is never in anything the bot sent
// to Slack (the input is `sensitive`), and not in the database once NAV has accepted it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { click, findButton } from "./driver.js";
import type { PostedMessage } from "./fakeSlack.js";
import { dmEvent, idle, postEvent, startHarness, today, type Harness } from "./harness.js";
import { makeConfirmedPlan } from "../../helpers/demoPlan.js";
import { startFakeNav, type FakeNav } from "../../helpers/fakeNav.js";
import { tempDir } from "../../helpers/tempDb.js";
import { addDays } from "../../../src/domain/time/localDate.js";
import type { Person } from "../../../src/generated/prisma/client.js";

// One of NAV's published test identities (valid check digits).
const NATIONAL_ID = "05908399546";

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles,phone",
  "lea@firma.no,Lea Leder,,en,NO,Europe/Oslo,U0LEA,,,+47 912 34 567",
  "ola@firma.no,Ola Ansatt,lea@firma.no,en,NO,Europe/Oslo,U0OLA,,,",
].join("\n");


function text(message: PostedMessage | undefined): string {
  return JSON.stringify(message?.blocks ?? []);
}

describe("Slack: the leader sends the confirmed plan to NAV and the doctor", () => {
  let h: Harness;
  let nav: FakeNav;
  let ola: Person;

  beforeAll(async () => {
    nav = await startFakeNav(tempDir());
    h = await startHarness({ directory: DIRECTORY, env: nav.env });
    h.fake.addUser({ id: "U0OLA", email: "ola@firma.no" });
    h.fake.addUser({ id: "U0LEA", email: "lea@firma.no" });
    // The plan is made and confirmed through the core (the Slack dialogues have their own tests).
    const conversation = h.bot.services.conversation;
    ola = await h.db.db.person.findUniqueOrThrow({ where: { email: "ola@firma.no" } });
    const lea = await h.db.db.person.findUniqueOrThrow({ where: { email: "lea@firma.no" } });
    const plan = await makeConfirmedPlan(conversation, h.db.db, ola, lea, { start: addDays(today(), -20) });
    expect((await h.db.db.planVersion.findFirstOrThrow({ where: { planId: plan.planId } })).reviewStatus).toBe("confirmed");
  });

  afterAll(async () => {
    await h?.stop();
    await nav?.close();
  });

  it("opens the plan in the DM, clicks Send, types the national id: NAV gets the plan once, Slack never sees the number", async () => {
    // "plan" in the DM: a leader with one employee is asked whose plan, then sees it with the send buttons.
    expect((await postEvent(h, dmEvent("U0LEA", "plan"))).status).toBe(200);
    await idle(h);
    const whose = h.fake.channel("D0LEA").findLast((m) => findButton(m, (c) => c.type === "plan" && c.employeeId === ola.id))!;
    await click(h, "U0LEA", whose, findButton(whose, (c) => c.type === "plan" && c.employeeId === ola.id)!);
    await idle(h);
    const view = h.fake.channel("D0LEA").findLast((m) => findButton(m, (c) => c.type === "nav.send"))!;
    expect(view).toBeDefined();
    const send = findButton(view, (c) => c.type === "nav.send" && Array.isArray(c.to) && c.to.length === 2)!;
    expect((send.text as { text: string }).text).toBe("Send to NAV and the doctor");
    expect(nav.calls.filter((c) => c.method === "POST")).toHaveLength(0);

    await click(h, "U0LEA", view, send);
    await idle(h);
    // The question for the number: a Slack input block with a "Send" button naming it.
    const ask = h.fake.channel("D0LEA").findLast((m) => text(m).includes("national identity number (11 digits)"))!;
    const input = ask.blocks.find((b) => b.type === "input")!;
    const element = input.element as Record<string, unknown>;
    expect(element.type).toBe("plain_text_input");
    const next = findButton(ask, (c, e) => c.type === "nav.send" && String(e.action_id).startsWith("jd:next:"))!;

    // A typo first: refused before anything goes to NAV, and the wrong number is not echoed either.
    const typo = "05908399547";
    await click(h, "U0LEA", ask, next, { [String(input.block_id)]: { [String(element.action_id)]: { type: "plain_text_input", value: typo } } });
    await idle(h);
    expect(text(h.fake.channel("D0LEA").at(-1))).toMatch(/check digits/);
    expect(nav.calls.filter((c) => c.method === "POST")).toHaveLength(0);

    const retry = h.fake.channel("D0LEA").findLast((m) => text(m).includes("national identity number (11 digits)") && m.blocks.some((b) => b.type === "input"))!;
    const retryInput = retry.blocks.find((b) => b.type === "input")!;
    const retryElement = retryInput.element as Record<string, unknown>;
    const retryNext = findButton(retry, (c, e) => c.type === "nav.send" && String(e.action_id).startsWith("jd:next:"))!;
    await click(h, "U0LEA", retry, retryNext, { [String(retryInput.block_id)]: { [String(retryElement.action_id)]: { type: "plain_text_input", value: NATIONAL_ID } } });
    await idle(h);

    // NAV's answer is handled by the outbox job; run the delivery until NAV has it.
    for (let i = 0; i < 20 && nav.accepted.length === 0; i++) {
      await h.bot.services.deliver(new Date());
      await idle(h);
    }
    await h.bot.services.deliver(new Date());
    await idle(h);
    expect(nav.accepted).toHaveLength(1);
    expect(nav.dtoProblems).toEqual([]);
    expect(nav.accepted[0]!.body).toMatchObject({ employeeIdentificationNumber: NATIONAL_ID, sendPlanToNav: true, sendPlanToGeneralPractitioner: true, contactPersonFullName: "Lea Leder" });
    const rows = await h.db.db.navSubmission.findMany();
    expect(rows.map((r) => [r.recipient, r.status]).sort()).toEqual([["doctor", "sent"], ["nav", "sent"]]);

    const dm = h.fake.channel("D0LEA").map(text).join("\n");
    expect(dm).toMatch(/Sending the plan for Ola Ansatt \(version 1\) to NAV and the doctor/);
    expect(dm).toMatch(/has been delivered to NAV and the doctor/);
    expect(h.fake.channel("D0OLA").map(text).join("\n")).toMatch(/Your follow-up plan \(version 1\) has been sent to NAV and the doctor/);

    // A second click on the old button sends nothing.
    await click(h, "U0LEA", retry, retryNext, { [String(retryInput.block_id)]: { [String(retryElement.action_id)]: { type: "plain_text_input", value: NATIONAL_ID } } });
    await idle(h);
    await h.bot.services.deliver(new Date());
    await idle(h);
    expect(nav.accepted).toHaveLength(1);
    expect(nav.calls.filter((c) => c.method === "POST")).toHaveLength(1);

    // Nothing the bot sent to Slack (posts, updates, ephemerals, responses) holds the number or the typo.
    const sentToSlack = JSON.stringify([h.fake.calls, h.fake.responses]);
    expect(sentToSlack).toContain("national identity number (11 digits)");
    expect(sentToSlack).not.toContain(NATIONAL_ID);
    expect(sentToSlack).not.toContain(typo);
    // Nor the database, now that NAV has accepted the plan.
    const tables = ["Outbox", "AuditLog", "DialogueSession", "PostedMessage", "ConsoleInbox", "NavSubmission", "PlanVersion", "Plan", "Person", "ProcessedEvent", "CaseFact", "ChannelConversation"];
    for (const table of tables) {
      const rowsOf = await h.db.db.$queryRawUnsafe(`SELECT * FROM "${table}"`);
      const dump = JSON.stringify(rowsOf, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v));
      expect(dump, table).not.toContain(NATIONAL_ID);
    }
  });
});
