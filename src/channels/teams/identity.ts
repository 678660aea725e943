// Who is writing, and where the bot can reach them later. A Teams user is matched
// to the directory by their Entra (AAD) object id, else by e-mail as Teams reports
// it (TeamsInfo.getMember). Nothing is stored about people not in the directory.
import { TeamsInfo, TurnContext, type Activity, type ConversationReference } from "botbuilder";
import type { Db } from "../../db/client.js";
import type { Person } from "../../generated/prisma/client.js";
import { findPersonByEmail } from "../../app/people.js";
import { ensureWorkspace } from "../../app/workspaces.js";
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

/** Finds the directory person behind the activity's sender; null when they are not in it. */
export async function identify(context: TurnContext, db: Db, logger: Logger): Promise<Person | null> {
  const from = context.activity.from;
  if (!from?.id) return null;
  const aadObjectId = from.aadObjectId;
  let person = aadObjectId ? await db.person.findUnique({ where: { teamsUserId: aadObjectId } }) : null;
  if (!person) {
    const email = await emailOf(context, logger);
    person = email ? await findPersonByEmail(db, email) : null;
  }
  if (!person) return null;
  const tenant = tenantOf(context.activity);
  const data: { teamsUserId?: string; teamsTenantId?: string } = {};
  if (aadObjectId && person.teamsUserId !== aadObjectId) {
    // Matched by e-mail: remember the object id, unless someone else already holds it.
    const holder = await db.person.findUnique({ where: { teamsUserId: aadObjectId }, select: { id: true } });
    if (!holder) data.teamsUserId = aadObjectId;
  }
  if (tenant && person.teamsTenantId !== tenant) data.teamsTenantId = tenant;
  if (Object.keys(data).length > 0) person = await db.person.update({ where: { id: person.id }, data });
  return person;
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
export async function rememberPersonalChat(context: TurnContext, db: Db, person: Person): Promise<Person> {
  const activity = context.activity;
  const reference = JSON.stringify(referenceOf(activity));
  const tenant = tenantOf(activity);
  const workspace = tenant ? await ensureWorkspace(db, "teams", tenant) : null;
  await db.channelConversation.upsert({
    where: { platform_conversationId: { platform: "teams", conversationId: activity.conversation.id } },
    create: { platform: "teams", conversationId: activity.conversation.id, kind: "personal", reference, personId: person.id, workspaceId: workspace?.id ?? null },
    update: { reference, personId: person.id, workspaceId: workspace?.id ?? null },
  });
  if (person.teamsConversationRef === reference && !person.unreachableSince) return person;
  return db.person.update({ where: { id: person.id }, data: { teamsConversationRef: reference, unreachableSince: null, unreachableReason: null } });
}

/** Remembers a team channel the bot was added to (the General channel, or where it was used). */
export async function rememberChannel(context: TurnContext, db: Db): Promise<{ conversationId: string; reference: string } | undefined> {
  const activity = context.activity;
  const channelId = channelIdOf(activity);
  if (!channelId) return undefined;
  const reference = JSON.stringify(referenceOf(activity, channelId));
  const tenant = tenantOf(activity);
  const workspace = tenant ? await ensureWorkspace(db, "teams", tenant) : null;
  const kind = scopeOf(activity) === "groupchat" ? "groupchat" : "channel";
  await db.channelConversation.upsert({
    where: { platform_conversationId: { platform: "teams", conversationId: channelId } },
    create: { platform: "teams", conversationId: channelId, kind, reference, workspaceId: workspace?.id ?? null },
    update: { reference, kind, workspaceId: workspace?.id ?? null },
  });
  return { conversationId: channelId, reference };
}
