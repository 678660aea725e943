// A write that is not part of a transaction must never become part of one. On SQLite the
// process has one connection; a statement run on it while another task's interactive
// transaction is open would run inside that transaction: rolled back with it, or lost with
// the process before its COMMIT, although its caller was told it was stored (an inbox row
// acknowledged to Slack, for one). Reads must not see another task's uncommitted writes
// either. On PostgreSQL each statement has a connection of its own; the same tests hold there.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { DurableInbox } from "../../src/app/inbox/index.js";
import { createLogger } from "../../src/logging/logger.js";

let tmp: TempDb;
beforeEach(async () => {
  tmp = await createTempDb();
});
afterEach(async () => {
  await tmp.dispose();
});

/** A promise and its resolve, to hold a transaction open until the test lets it go. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

const person = (email: string) => ({ email, name: email.split("@")[0]!, locale: "nb" });

describe("a transaction and the writes of other tasks", () => {
  it("a write made while another task's transaction is open survives that transaction's rollback", async () => {
    const { db } = tmp;
    const hold = gate();
    const began = gate();
    const failing = db
      .$transaction(async (tx) => {
        await tx.person.create({ data: person("inside@firma.no") });
        began.open();
        await hold.wait;
        throw new Error("the transaction's own work failed");
      })
      .catch((error: unknown) => error);
    await began.wait;
    // Another task stores something (Prisma's write, and the inbox's raw insert) meanwhile.
    const written = db.person.create({ data: person("outside@firma.no") });
    const inbox = new DurableInbox(db, createLogger("silent"));
    const queued = inbox.enqueue({ channel: "slack", dedupeKey: "slack:event:Ev1", partition: "slack:T1:U1", payload: { n: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    hold.open();
    expect(String(await failing)).toContain("the transaction's own work failed");
    await written;
    expect(await queued).toBe("queued");
    expect((await db.person.findMany({ orderBy: { email: "asc" } })).map((p) => p.email)).toEqual(["outside@firma.no"]);
    expect(await db.inbox.count({ where: { dedupeKey: "slack:event:Ev1" } })).toBe(1);
  });

  it("a read made while another task's transaction is open does not see that transaction's writes", async () => {
    const { db } = tmp;
    const hold = gate();
    const began = gate();
    const failing = db
      .$transaction(async (tx) => {
        await tx.person.create({ data: person("uncommitted@firma.no") });
        began.open();
        await hold.wait;
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    await began.wait;
    const seen = Promise.all([db.person.findMany(), db.person.count(), db.$queryRaw<Array<{ email: string }>>`SELECT "email" FROM "Person"`]);
    setTimeout(hold.open, 50);
    const [rows, count, raw] = await seen;
    await failing;
    expect(rows).toEqual([]);
    expect(count).toBe(0);
    expect(raw).toEqual([]);
  });

  it("the transaction itself sees its own writes, and commits them", async () => {
    const { db } = tmp;
    const inside = await db.$transaction(async (tx) => {
      await tx.person.create({ data: person("mine@firma.no") });
      return tx.person.count();
    });
    expect(inside).toBe(1);
    expect(await db.person.count()).toBe(1);
  });
});
