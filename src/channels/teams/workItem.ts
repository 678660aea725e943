// What the Teams channel keeps in the durable inbox (src/app/inbox/) for a message in a
// personal chat or a card's Action.Execute that carries a command: who (tenant, Entra
// object id), what they typed or the card data they submitted. The turn processes it itself and marks it done; the row is only read back
// when the process died during the turn (the worker then answers proactively).
import { z } from "zod";
import type { PlatformUser } from "../../app/facade/index.js";

const teamsWorkSchema = z.object({
  kind: z.literal("message"),
  who: z.object({ platform: z.literal("teams"), tenant: z.string().optional(), userId: z.string() }),
  text: z.string(),
  value: z.unknown().optional(),
});

export interface TeamsWork {
  kind: "message";
  who: PlatformUser;
  text: string;
  value?: unknown;
}

export function parseTeamsWork(payload: unknown): TeamsWork | undefined {
  const parsed = teamsWorkSchema.safeParse(payload);
  return parsed.success ? (parsed.data as TeamsWork) : undefined;
}
