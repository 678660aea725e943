// SQLite through Prisma's better-sqlite3 adapter is one connection for the whole process.
// The adapter lets one interactive transaction at a time begin, but a statement that is not
// part of any transaction still runs on that connection at once: inside whatever transaction
// another task has open. Such a write would be rolled back with that transaction, or lost
// with the process before its COMMIT, while its own caller was told it was stored (an inbox
// row acknowledged to Slack); a read would see another task's uncommitted writes.
// So while a transaction is open, the connection is that transaction's: any other statement
// waits for its COMMIT or ROLLBACK, then runs on its own (SQLite commits it by itself).
// The direct reads (directReads.ts) hand a statement to Prisma whenever the connection is in
// a transaction, so they wait here too.
// The cost is one awaited promise per statement Prisma runs outside a transaction.
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A FIFO lock: who asks first gets the connection next. */
class Turns {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves to the release of a turn that starts once every earlier turn has been released. */
  take(): Promise<() => void> {
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.tail;
    this.tail = previous.then(() => mine);
    return previous.then(() => release);
  }

  /** Runs `work` in a turn of its own. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.take();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/** The adapter, with a transaction holding the connection from its BEGIN to its end. */
export function oneTransactionAtATime(adapter: Adapter): Adapter {
  const turns = new Turns();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => turns.run(() => adapter.queryRaw(query)),
    executeRaw: (query) => turns.run(() => adapter.executeRaw(query)),
    executeScript: (script) => turns.run(() => adapter.executeScript(script)),
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => adapter.dispose(),
    startTransaction: async (isolationLevel) => {
      const release = await turns.take();
      let transaction: Transaction;
      try {
        transaction = await adapter.startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      // Released once, at commit or rollback (whichever Prisma calls, after its COMMIT/ROLLBACK statement).
      let released = false;
      const end = () => {
        if (!released) {
          released = true;
          release();
        }
      };
      return {
        provider: transaction.provider,
        adapterName: transaction.adapterName,
        options: transaction.options,
        queryRaw: (query) => transaction.queryRaw(query),
        executeRaw: async (query) => {
          try {
            return await transaction.executeRaw(query);
          } catch (error) {
            // Prisma ends a transaction with a COMMIT (or ROLLBACK) statement, then commit()
            // (rollback()); when the statement fails it calls neither, which would keep the
            // connection this transaction's for good. It is rolled back and handed on instead;
            // Prisma still reports the failure to the transaction's caller.
            if (query.sql === "COMMIT" || query.sql === "ROLLBACK") {
              await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
              await transaction.rollback().catch(() => undefined);
              end();
            }
            throw error;
          }
        },
        commit: () => transaction.commit().finally(end),
        rollback: () => transaction.rollback().finally(end),
      };
    },
  };
}
