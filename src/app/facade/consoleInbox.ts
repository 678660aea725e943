// The console channel's delivery: messages for a person are kept in their console
// inbox and shown the next time they run `cli chat`; the local workspace's ARR
// channel is an inbox too, read by ARR team members.
import type { Db } from "../../db/client.js";
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
