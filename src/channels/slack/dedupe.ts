// Slack delivers at least once: an event is retried when our answer was slow or lost
// (X-Slack-Retry-Num), and a click can arrive twice. The first delivery claims its
// key in ProcessedEvent (a primary key, so two processes cannot both claim it);
// every later one finds the key taken and does nothing.
import type { Db } from "../../db/client.js";

/** How long keys are kept: Slack retries within minutes, a week is plenty. */
const KEEP_MS = 7 * 24 * 60 * 60_000;
const PRUNE_EVERY = 500;

export class Deduplicator {
  private claims = 0;

  constructor(private readonly db: Db) {}

  /** True for the first delivery of this key, false for any repeat. */
  async claim(key: string): Promise<boolean> {
    try {
      await this.db.processedEvent.create({ data: { key: key.slice(0, 500) } });
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return false;
      throw error;
    }
    this.claims += 1;
    if (this.claims % PRUNE_EVERY === 0) await this.prune();
    return true;
  }

  async prune(now = new Date()): Promise<number> {
    const { count } = await this.db.processedEvent.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_MS) } } });
    return count;
  }
}

/** Keys for each kind of delivery. */
export const dedupeKey = {
  event: (eventId: string) => `slack:event:${eventId}`,
  command: (triggerId: string) => `slack:command:${triggerId}`,
  action: (actionTs: string, userId: string, actionId: string) => `slack:action:${actionTs}:${userId}:${actionId}`,
  view: (viewId: string) => `slack:view:${viewId}`,
};
