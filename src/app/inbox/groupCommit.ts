// A group commit: what is asked for while a write is under way (or in the same turn of the event
// loop) is written together, in batches, by one call of `write`: one disk flush for a burst
// instead of one per item. Each caller gets its own item's result, or the batch's error.
export class GroupCommit<T, R> {
  private queue: Array<{ item: T; resolve: (result: R) => void; reject: (error: unknown) => void }> = [];
  private writing = false;

  constructor(
    /** Writes a batch; resolves to one result per item, in order. */
    private readonly write: (batch: T[]) => Promise<R[]>,
    private readonly batchSize = 200,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.batchSize);
        try {
          const results = await this.write(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i]!));
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
