// The delivery side of a channel adapter: how the core reaches a person or an ARR
// channel on its own initiative. Each channel (console, Slack, Teams) implements it.
import type { Message } from "../../domain/messages/model.js";
import type { Person, Workspace } from "../../generated/prisma/client.js";
import type { NotificationPayload } from "./outbox.js";

export type ChannelName = "console" | "slack" | "teams";

export type DeliveryResult =
  | { ok: true; ref?: string }
  | {
      ok: false;
      error: string;
      /** The platform asked us to wait (HTTP 429 Retry-After). */
      retryAfterMs?: number;
      /** The person cannot be reached in this channel (removed the app, blocked the bot). */
      unreachable?: boolean;
      /** Retrying cannot help (bad request). */
      permanent?: boolean;
    };

export interface DeliveryChannel {
  readonly name: ChannelName;
  /** Whether this channel knows how to reach the person (has their user id or a conversation reference). */
  canReach(person: Person): boolean;
  sendToPerson(person: Person, message: Message): Promise<DeliveryResult>;
  /**
   * Sends to many people at once (a channel that can do it in one write, like the console
   * inbox); the results in the order of `items`. The dispatcher queues a batch's sends for it.
   */
  sendManyToPeople?(items: ReadonlyArray<{ person: Person; message: Message }>): Promise<DeliveryResult[]>;
  /** Whether the workspace has an ARR channel registered in this channel. */
  hasArrChannel(workspace: Workspace): boolean;
  /** Posts or updates in place (by message.replaceKey) in the workspace's ARR channel. */
  sendToArr(workspace: Workspace, message: Message): Promise<DeliveryResult>;
  /**
   * What HR is told when this channel refused a person as unreachable, in the channel's own
   * words (a template the composition root knows); without it HR gets the generic notice.
   */
  unreachableNotice?(person: Pick<Person, "id" | "unreachableReason">): NotificationPayload;
}

/** Channels in order of preference for reaching a person. */
export class ChannelRegistry {
  constructor(private readonly channels: DeliveryChannel[]) {}

  forPerson(person: Person): DeliveryChannel[] {
    return this.channels.filter((c) => c.canReach(person));
  }

  forArr(workspace: Workspace): DeliveryChannel[] {
    return this.channels.filter((c) => c.hasArrChannel(workspace));
  }

  get(name: ChannelName): DeliveryChannel | undefined {
    return this.channels.find((c) => c.name === name);
  }

  add(channel: DeliveryChannel): void {
    this.channels.unshift(channel);
  }
}
