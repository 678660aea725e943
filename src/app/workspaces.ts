// Workspaces: a Slack team, a Teams tenant, or the local one (console and CLI).
// A person belongs to the workspace of the platform they are reached on.
import type { Db } from "../db/client.js";
import type { Person, Workspace } from "../generated/prisma/client.js";
import { DEFAULT_LOCALE, parseLocale, type Locale } from "../i18n/index.js";
import { isUniqueViolation } from "../db/errors.js";

/** The language of the workspace's ARR channel, digest and escalations (bokmål until HR chooses). */
export function workspaceLocale(workspace: Pick<Workspace, "locale">, fallback: Locale = DEFAULT_LOCALE): Locale {
  return parseLocale(workspace.locale) ?? fallback;
}

export async function setWorkspaceLocale(db: Db, workspaceId: string, locale: Locale): Promise<Workspace> {
  return db.workspace.update({ where: { id: workspaceId }, data: { locale } });
}

export async function ensureWorkspace(db: Db, platform: "local" | "slack" | "teams", externalId: string): Promise<Workspace> {
  const where = { platform_externalId: { platform, externalId } };
  try {
    return await db.workspace.upsert({ where, create: { platform, externalId, ...(platform === "local" ? { arrChannel: "console" } : {}) }, update: {} });
  } catch (error) {
    // Two processes (replicas starting together) creating the same workspace: one insert wins, the other reads it.
    if (!isUniqueViolation(error)) throw error;
    return db.workspace.findUniqueOrThrow({ where });
  }
}

/** The workspace whose ARR channel should hear about this person's case. */
export async function workspaceOf(db: Db, person: Person): Promise<Workspace> {
  if (person.slackTeamId) {
    const slack = await db.workspace.findUnique({ where: { platform_externalId: { platform: "slack", externalId: person.slackTeamId } } });
    if (slack?.arrChannel) return slack;
  }
  if (person.teamsTenantId) {
    const teams = await db.workspace.findUnique({ where: { platform_externalId: { platform: "teams", externalId: person.teamsTenantId } } });
    if (teams?.arrChannel) return teams;
  }
  return ensureWorkspace(db, "local", "local");
}
