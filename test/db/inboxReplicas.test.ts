// Two `serve` replicas on one PostgreSQL behind a load balancer (requests alternate between
// them), with Slack slow enough that work queues up; one replica is killed with SIGKILL in
// the middle of the burst and the rest of the burst goes to the survivor. Every request that
// was answered 200 is processed: each report stored once, each person answered once, except
// whoever one of the replicas was processing at the kill (the documented at-least-once of a
// row in flight); the dead replica's rows are taken over once their lease has run out.
// PostgreSQL only: SQLite is one host's file (test/channels/slack/crash.test.ts is its crash test).
import { afterAll, describe, expect, it } from "vitest";
import { INBOX_CONCURRENCY } from "../../src/app/inbox/index.js";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { FakeSlack } from "../channels/slack/fakeSlack.js";
import { addBurstPeople, burstPeople, reportBody, serve, signedPost, slashStatus, type Server } from "../channels/slack/serveProcess.js";

const { reporters: REPORTERS, askers: ASKERS, nameOf } = burstPeople(40);

let tmp: TempDb | undefined;
let fake: FakeSlack | undefined;
const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
  await fake?.stop();
  await tmp?.dispose();
});

describe("the durable inbox on two replicas (PostgreSQL)", () => {
  it("loses nothing acknowledged and processes nothing twice beyond the rows in flight when a replica is killed mid-burst", async () => {
    fake = await new FakeSlack().start();
    tmp = await createTempDb();
    const people = [...REPORTERS, ...ASKERS];
    await addBurstPeople(tmp.db, fake, people);

    fake.latencyMs = 80;
    const a = serve(tmp.url, fake);
    const b = serve(tmp.url, fake);
    servers.push(a, b);
    const [urlA, urlB] = await Promise.all([a.url, b.url]);
    // Interleaved, so both replicas' inboxes hold reports and status questions.
    const requests = people.map((_, i) => (i % 2 === 0 ? REPORTERS[i / 2]! : ASKERS[(i - 1) / 2]!)).map((id) => ({ id, body: id.startsWith("U0R") ? reportBody(id) : slashStatus(fake!, id) }));
    const half = requests.length / 2;
    const statuses: number[] = [];
    // The first half alternates between the replicas, ten at a time, as a load balancer would.
    for (let i = 0; i < half; i += 10) {
      statuses.push(...(await Promise.all(requests.slice(i, i + 10).map((r, j) => signedPost((i + j) % 2 === 0 ? urlA : urlB, r.body, "application/x-www-form-urlencoded")))));
    }
    a.child.kill("SIGKILL");
    await a.exited;
    const atKill = await tmp.db.inbox.findMany();
    const inFlight = new Set(atKill.filter((r) => r.status === "processing").map((r) => r.partition.split(":").at(-1)!));
    // The kill came mid-burst: the dead replica left work behind (else this test proves nothing).
    expect(atKill.filter((r) => r.status !== "done").length).toBeGreaterThan(0);
    expect(inFlight.size).toBeLessThanOrEqual(2 * INBOX_CONCURRENCY);
    // The rest of the burst goes to the survivor.
    for (let i = half; i < requests.length; i += 10) {
      statuses.push(...(await Promise.all(requests.slice(i, i + 10).map((r) => signedPost(urlB, r.body, "application/x-www-form-urlencoded")))));
    }
    expect(statuses).toEqual(requests.map(() => 200));
    fake.latencyMs = 0;

    // The survivor finishes its own rows and, once their lease has run out, the dead replica's.
    const deadline = Date.now() + 60_000;
    while ((await tmp.db.inbox.count({ where: { status: "done" } })) < people.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await tmp.db.inbox.groupBy({ by: ["status"], _count: { _all: true } })).toEqual([{ status: "done", _count: { _all: people.length } }]);

    for (const id of REPORTERS) expect(await tmp.db.absencePeriod.count({ where: { person: { slackUserId: id } } })).toBe(1);
    const said = (id: string, text: string) => fake!.channel(`D${id.slice(1)}`).filter((m) => JSON.stringify(m.blocks).includes(text)).length;
    for (const id of REPORTERS) {
      // A report in flight at the kill may have been stored before the replica died: processed
      // again, it is answered (as a report already registered), never stored twice.
      if (inFlight.has(id)) expect(fake!.channel(`D${id.slice(1)}`).length).toBeGreaterThanOrEqual(1);
      else expect(said(id, "Your sick leave is registered")).toBe(1);
    }
    for (const id of ASKERS) {
      if (inFlight.has(id)) expect(said(id, `Status for ${nameOf(id)}`)).toBeGreaterThanOrEqual(1);
      else expect(said(id, `Status for ${nameOf(id)}`)).toBe(1);
    }

    b.child.kill("SIGTERM");
    expect(await b.exited).toBe(0);
  }, 120_000);
});
