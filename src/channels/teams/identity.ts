// Who is writing, and where the bot can reach them later. A Teams user is matched to
// the directory by (tenant, Entra object id), else, the first time only, by the e-mail
// Teams reports (TeamsInfo.getMember): the policy is the app's (app/facade/identity.ts).
// Nothing is stored about people not in the directory.
import { TeamsInfo, TurnContext, type Activity, type ConversationReference } from "botbuilder";
import type { ChannelFacade, Person } from "../../app/facade/index.js";
import type { Logger } from "../../logging/logger.js";

export type Scope = "personal" | "channel" | "groupchat";

export function scopeOf(activity: Partial<Activity>): Scope {
  const type = activity.conversation?.conversationType;
  if (type === "channel") return "channel";
  if (type === "groupChat" || (type !== "personal" && activity.conversation?.isGroup)) return "groupchat";
  return "personal";
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromData = typeof data?.tenant?.id === "string" ? data.tenant.id : undefined;
  return activity.conversation?.tenantId ?? fromData;
}

/** The team channel an activity came from (its root, not the reply thread). */
export function channelIdOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as { channel?: { id?: unknown }; team?: { id?: unknown } } | undefined;
  if (typeof data?.channel?.id === "string") return data.channel.id;
  if (typeof data?.team?.id === "string") return data.team.id; // the General channel has the team's id
  return activity.conversation?.id?.split(";")[0];
}

/**
 * A reference to post to this conversation later. Without an activity id, so a
 * proactive message starts a new post instead of replying to an old one.
 */
export function referenceOf(activity: Partial<Activity>, conversationId?: string): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(activity);
  delete reference.activityId;
  if (conversationId && reference.conversation) reference.conversation = { ...reference.conversation, id: conversationId };
  return reference;
}

/**
 * The directory person behind the activity's sender, by the one identity policy:
 * (tenant, Entra object id), in a tenant this workspace serves; the e-mail Teams'
 * roster reports links a person only the first time. Null when unknown or refused.
 */
export async function identify(context: TurnContext, facade: ChannelFacade, logger: Logger): Promise<Person | null> {
  const from = context.activity.from;
  if (!from?.id || !from.aadObjectId) return null;
  const found = await facade.identify({ platform: "teams", tenant: tenantOf(context.activity), userId: from.aadObjectId }, () => emailOf(context, logger));
  return found.kind === "person" ? found.person : null;
}

async function emailOf(context: TurnContext, logger: Logger): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    const email = member.email ?? member.userPrincipalName;
    return email ? email.trim().toLowerCase() : undefined;
  } catch (error) {
    // Not in Teams (the Emulator), or the member could not be read: the person stays unknown.
    logger.debug({ err: error }, "teams: could not read the member's e-mail");
    return undefined;
  }
}

/** Remembers the person's personal chat for proactive messages; a new contact also clears "unreachable". */
export function rememberPersonalChat(context: TurnContext, facade: ChannelFacade, person: Person): Promise<Person> {
  const activity = context.activity;
  return facade.rememberTeamsPersonalChat(person, { conversationId: activity.conversation.id, reference: JSON.stringify(referenceOf(activity)), tenant: tenantOf(activity) });
}

/** Remembers a team channel the bot was added to (the General channel, or where it was used). */
export async function rememberChannel(context: TurnContext, facade: ChannelFacade): Promise<{ conversationId: string; reference: string } | undefined> {
  const activity = context.activity;
  const channelId = channelIdOf(activity);
  if (!channelId) return undefined;
  const reference = JSON.stringify(referenceOf(activity, channelId));
  const kind = scopeOf(activity) === "groupchat" ? "groupchat" : "channel";
  await facade.rememberTeamsChannel({ conversationId: channelId, reference, tenant: tenantOf(activity), kind });
  return { conversationId: channelId, reference };
}
