// The console channel's delivery: messages for a person are kept in their console
// inbox and shown the next time they run `cli chat`; the local workspace's ARR
// channel is an inbox too, read by ARR team members.
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { Message } from "../../domain/messages/model.js";
import type { Person, Workspace } from "../../generated/prisma/client.js";
import type { DeliveryChannel, DeliveryResult } from "../notify/channels.js";

export const arrInboxOf = (workspace: Pick<Workspace, "id">): string => `arr:${workspace.id}`;

export class ConsoleDelivery implements DeliveryChannel {
  readonly name = "console" as const;

  constructor(private readonly db: Db) {}

  /** Everyone can read the console inbox; it is the channel of last resort. */
  canReach(_person: Person): boolean {
    return true;
  }

  async sendToPerson(person: Person, message: Message): Promise<DeliveryResult> {
    const row = await this.db.consoleInbox.create({ data: { personId: person.id, message: JSON.stringify(message) } });
    return { ok: true, ref: row.id };
  }

  /**
   * A batch's messages in one raw INSERT (Prisma's createMany costs several times the CPU).
   * They share one createdAt, and their ids sort in the batch's order, so takeInbox reads
   * them in the order they were sent.
   */
  async sendManyToPeople(items: ReadonlyArray<{ person: Person; message: Message }>): Promise<DeliveryResult[]> {
    const results: DeliveryResult[] = [];
    const createdAt = new Date();
    const prefix = `c${createdAt.getTime().toString(36)}${randomBytes(4).toString("hex")}`;
    // (SQLite allows 999 parameters a statement.)
    for (let i = 0; i < items.length; i += 200) {
      const chunk = items.slice(i, i + 200);
      const ids = chunk.map((_, k) => `${prefix}${(i + k).toString(36).padStart(4, "0")}`);
      const values = chunk.map(({ person, message }, k) => Prisma.sql`(${ids[k]}, ${person.id}, ${JSON.stringify(message)}, ${createdAt})`);
      await this.db.$executeRaw`INSERT INTO "ConsoleInbox" ("id", "personId", "message", "createdAt") VALUES ${Prisma.join(values)}`;
      results.push(...ids.map((ref) => ({ ok: true as const, ref })));
    }
    return results;
  }

  hasArrChannel(workspace: Workspace): boolean {
    return workspace.platform === "local";
  }

  async sendToArr(workspace: Workspace, message: Message): Promise<DeliveryResult> {
    const row = await this.db.consoleInbox.create({ data: { personId: arrInboxOf(workspace), message: JSON.stringify(message) } });
    return { ok: true, ref: row.id };
  }
}

/** Unread messages for a person (and for the ARR inbox if they are in the ARR team), marked read. */
export async function takeInbox(db: Db, inboxIds: string[]): Promise<Message[]> {
  const rows = await db.consoleInbox.findMany({ where: { personId: { in: inboxIds }, readAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (rows.length === 0) return [];
  await db.consoleInbox.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { readAt: new Date() } });
  return rows.map((r) => JSON.parse(r.message) as Message);
}
