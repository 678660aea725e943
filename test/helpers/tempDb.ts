// A fresh, migrated SQLite database per test file, removed afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";

export interface TempDb extends OpenedDb {
  url: string;
  dir: string;
  dispose(): Promise<void>;
}

export async function createTempDb(): Promise<TempDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "jobbdialog-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  const opened = await openDatabase(url);
  return {
    ...opened,
    url,
    dir,
    async dispose() {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "jobbdialog-test-"));
}
