// What the Slack channel stores in the durable inbox (src/app/inbox/) before it
// acknowledges a request: who (team and user), the command, and what is needed to
// answer later, even in another process after a crash (the response_url, the DM
// channel, the clicked message to settle). Read back with the same schema.
import { z } from "zod";
import { commandSchema, type Command } from "../../domain/messages/commands.js";
import type { PlatformUser } from "../../app/facade/index.js";
import type { SlackBlock } from "./render.js";

const who = z.object({ platform: z.literal("slack"), tenant: z.string().optional(), userId: z.string() });

const slackWorkSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("command"), who, command: commandSchema.optional(), arrChannel: z.literal(true).optional(), channelId: z.string(), responseUrl: z.string().optional() }),
  z.object({
    kind: z.literal("action"),
    who,
    command: commandSchema,
    settle: z.object({ channel: z.string(), ts: z.string(), blocks: z.array(z.record(z.string(), z.unknown())) }).optional(),
    fromHome: z.boolean(),
  }),
  z.object({ kind: z.literal("view"), who, command: commandSchema }),
  z.object({ kind: z.literal("message"), who, channel: z.string(), text: z.string() }),
]);

type Who = PlatformUser & { platform: "slack" };

/** One stored piece of Slack work (the payload of an Inbox row of channel "slack"). */
export type SlackWork =
  | { kind: "command"; who: Who | PlatformUser; command?: Command; arrChannel?: true; channelId: string; responseUrl?: string }
  | { kind: "action"; who: Who | PlatformUser; command: Command; settle?: { channel: string; ts: string; blocks: SlackBlock[] }; fromHome: boolean }
  | { kind: "view"; who: Who | PlatformUser; command: Command }
  | { kind: "message"; who: Who | PlatformUser; channel: string; text: string };

export function parseSlackWork(payload: unknown): SlackWork | undefined {
  const parsed = slackWorkSchema.safeParse(payload);
  return parsed.success ? (parsed.data as SlackWork) : undefined;
}

/** Storing the work failed: the request must not be acknowledged (Slack retries, the person sees an error). */
export class InboxRefused extends Error {
  constructor(override readonly cause: unknown) {
    super("the inbox refused the request", { cause });
    this.name = "InboxRefused";
  }
}
