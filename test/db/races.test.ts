// Writes that two replicas may make at the same moment (starting together): the first one
// stores the row, the other gets that same row instead of an error. PostgreSQL only: there
// the statements really run side by side (two SQLite clients in one process would only wait
// for each other's file lock; SQLite is one process's database).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWorkspace } from "../../src/app/workspaces.js";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";

describe("racing writes", () => {
  let tmp: TempDb;
  let other: OpenedDb;
  beforeAll(async () => {
    tmp = await createTempDb();
    // A second client with its own connections, as a second replica has.
    other = await openDatabase(tmp.url);
  });
  afterAll(async () => {
    await other?.close();
    await tmp?.dispose();
  });

  it("two processes creating the same workspace at once get the one workspace", async () => {
    for (let round = 0; round < 10; round++) {
      const team = `T-race-${round}`;
      const [a, b, c] = await Promise.all([ensureWorkspace(tmp.db, "slack", team), ensureWorkspace(other.db, "slack", team), ensureWorkspace(other.db, "slack", team)]);
      expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    }
    expect(await tmp.db.workspace.count({ where: { platform: "slack" } })).toBe(10);
  });
});
