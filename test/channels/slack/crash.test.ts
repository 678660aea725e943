// A crash after the ack loses nothing: the real server process (`serve`) gets signed report
// submissions and slash commands from many people, answers them all with 200, and is killed
// with SIGKILL while most of the work is still waiting. Restarted on the same database, it
// processes every acknowledged request: every report stored once, every person answered,
// and only what was being processed at the moment of the kill may be answered twice (the
// documented at-least-once of a row in flight).
import { afterAll, describe, expect, it } from "vitest";
import { INBOX_CONCURRENCY } from "../../../src/app/inbox/index.js";
import { createTempDb, type TempDb } from "../../helpers/tempDb.js";
import { FakeSlack } from "./fakeSlack.js";
import { addBurstPeople, burstPeople, reportBody, serve, signedPost, slashStatus, type Server } from "./serveProcess.js";

const { reporters: REPORTERS, askers: ASKERS, nameOf } = burstPeople(30);

let tmp: TempDb | undefined;
let fake: FakeSlack | undefined;
const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
  await fake?.stop();
  await tmp?.dispose();
});

describe("Slack: kill -9 after the acks", () => {
  it("loses no acknowledged request: after a restart every one is processed, only the rows in flight at the kill possibly twice", async () => {
    fake = await new FakeSlack().start();
    tmp = await createTempDb();
    const people = [...REPORTERS, ...ASKERS];
    await addBurstPeople(tmp.db, fake, people);

    // A slow Slack: every Web API call takes 80 ms, so most work is still waiting at the kill.
    fake.latencyMs = 80;
    const first = serve(tmp.url, fake);
    servers.push(first);
    const url = await first.url;
    const requests = [...REPORTERS.map((id) => () => signedPost(url, reportBody(id), "application/x-www-form-urlencoded")), ...ASKERS.map((id) => () => signedPost(url, slashStatus(fake!, id), "application/x-www-form-urlencoded"))];
    // Ten at a time, as Slack would deliver a burst.
    const statuses: number[] = [];
    for (let i = 0; i < requests.length; i += 10) statuses.push(...(await Promise.all(requests.slice(i, i + 10).map((r) => r()))));
    expect(statuses).toEqual(people.map(() => 200));

    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = await tmp.db.inbox.findMany();
    expect(atKill).toHaveLength(people.length);
    const inFlight = new Set(atKill.filter((r) => r.status === "processing").map((r) => r.partition.split(":").at(-1)!));
    const waiting = atKill.filter((r) => r.status === "pending").length;
    // The crash came mid-burst: work was still waiting (else this test proves nothing).
    expect(waiting).toBeGreaterThan(0);
    expect(inFlight.size).toBeLessThanOrEqual(INBOX_CONCURRENCY);

    fake.latencyMs = 0;
    const second = serve(tmp.url, fake);
    servers.push(second);
    await second.url;
    const deadline = Date.now() + 45_000;
    while ((await tmp.db.inbox.count({ where: { status: "done" } })) < people.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await tmp.db.inbox.groupBy({ by: ["status"], _count: { _all: true } })).toEqual([{ status: "done", _count: { _all: people.length } }]);

    // Every report stored exactly once.
    for (const id of REPORTERS) {
      expect(await tmp.db.absencePeriod.count({ where: { person: { slackUserId: id } } })).toBe(1);
    }
    // Every person answered in their DM; exactly once, except whoever was being processed at the kill.
    const said = (id: string, text: string) => fake!.channel(`D${id.slice(1)}`).filter((m) => JSON.stringify(m.blocks).includes(text)).length;
    for (const id of REPORTERS) {
      const replies = fake.channel(`D${id.slice(1)}`).length;
      if (inFlight.has(id)) expect(replies).toBeGreaterThanOrEqual(1);
      else {
        expect(replies).toBe(1);
        expect(said(id, "Your sick leave is registered")).toBe(1);
      }
    }
    for (const id of ASKERS) {
      if (inFlight.has(id)) expect(said(id, `Status for ${nameOf(id)}`)).toBeGreaterThanOrEqual(1);
      else expect(said(id, `Status for ${nameOf(id)}`)).toBe(1);
    }

    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 90_000);
});
