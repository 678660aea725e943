// The durable inbox behind the real Bolt stack, driven by correctly signed requests:
// what is acknowledged is in the Inbox table by the time the 200 arrives, the very same
// signed request sent twice is stored and processed once, and one person's messages are
// processed one at a time, in the order they arrived.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../../src/domain/time/localDate.js";
import { dmEvent, eventEnvelope, idle, interactionBody, send, slashBody, startHarness, today, viewSubmission, type Harness } from "./harness.js";

const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "ola@firma.no,Ola Ansatt,,en,NO,Europe/Oslo,U0OLA,,",
  "kari@firma.no,Kari Ansatt,,en,NO,Europe/Oslo,U0KARI,,",
].join("\n");

const FORM = "application/x-www-form-urlencoded";

/** The report modal as submitted (the view the bot opened; only callback id and type matter here). */
function reportSubmission(userId: string, viewId: string): string {
  return interactionBody(
    viewSubmission(
      userId,
      { type: "modal", callback_id: "jd:report", blocks: [] },
      {
        start: { start: { type: "datepicker", selected_date: addDays(today(), -1) } },
        end: { end: { type: "datepicker", selected_date: addDays(today(), 10) } },
        grade: { grade: { type: "number_input", value: "100" } },
        document: { document: { type: "radio_buttons", selected_option: { value: "sykmelding", text: { type: "plain_text", text: "x" } } } },
      },
      viewId,
    ),
  );
}

describe("Slack: the durable inbox", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ directory: DIRECTORY });
    h.fake.addUser({ id: "U0OLA", email: "ola@firma.no" });
    h.fake.addUser({ id: "U0KARI", email: "kari@firma.no" });
  });
  afterAll(async () => h?.stop());

  it("has the work stored when the ack arrives, and processes the same signed request sent twice once", async () => {
    const { body } = slashBody(h, "U0OLA", "status");
    const timestamp = Math.floor(Date.now() / 1000);
    // Slack slowed down, so the first is still unprocessed when the second arrives.
    h.fake.latencyMs = 100;
    const first = await send(h, body, FORM, { timestamp });
    expect(first.status).toBe(200);
    expect(await h.db.db.inbox.count({ where: { partition: { endsWith: ":U0OLA" } } })).toBe(1);
    const second = await send(h, body, FORM, { timestamp });
    expect(second.status).toBe(200);
    await idle(h);
    h.fake.latencyMs = 0;
    const rows = await h.db.db.inbox.findMany({ where: { partition: { endsWith: ":U0OLA" } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "done", attempts: 1, channel: "slack" });
    expect(h.fake.channel("D0OLA").filter((m) => JSON.stringify(m.blocks).includes("Status for Ola Ansatt"))).toHaveLength(1);

    // A modal submission twice (same view id, same signed body): one report, one receipt.
    const submission = reportSubmission("U0OLA", "VTWICE01");
    const ts = Math.floor(Date.now() / 1000);
    const [a, b] = await Promise.all([send(h, submission, FORM, { timestamp: ts }), send(h, submission, FORM, { timestamp: ts })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([await a.text(), await b.text()]).toEqual(["", ""]);
    await idle(h);
    expect(await h.db.db.absencePeriod.count({ where: { person: { email: "ola@firma.no" } } })).toBe(1);
    expect(h.fake.channel("D0OLA").filter((m) => JSON.stringify(m.blocks).includes("Your sick leave is registered"))).toHaveLength(1);
    expect(await h.db.db.inbox.count({ where: { dedupeKey: "slack:view:VTWICE01" } })).toBe(1);
  });

  it("processes one person's messages in the order they arrived, one at a time", async () => {
    h.fake.latencyMs = 15;
    const words = ["status", "help", "status", "help", "status", "help", "status", "help"];
    // Sent back to back (each acknowledged before the next is sent), Kari's while Ola's run too.
    for (const [i, word] of words.entries()) {
      expect((await send(h, eventEnvelope(dmEvent("U0KARI", word), `EvORDER${i}`), "application/json")).status).toBe(200);
      expect((await send(h, eventEnvelope(dmEvent("U0OLA", word), `EvOTHER${i}`), "application/json")).status).toBe(200);
    }
    await idle(h, 30_000);
    h.fake.latencyMs = 0;
    const kind = (blocks: unknown) => (JSON.stringify(blocks).includes("Status for") ? "status" : "help");
    expect(h.fake.channel("D0KARI").map((m) => kind(m.blocks))).toEqual(words);
    const rows = await h.db.db.inbox.findMany({ where: { partition: { endsWith: ":U0KARI" } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(words.map(() => "done"));
    // Each finished before the next of the same person was claimed: processedAt follows arrival.
    const done = rows.map((r) => r.processedAt!.getTime());
    expect([...done].sort((x, y) => x - y)).toEqual(done);
  });
});
