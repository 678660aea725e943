// Registering the ARR team's channel: an HR admin writes "@Jobbdialog arr" in a
// channel of that team, and the channel's conversation reference becomes the
// workspace's ARR channel (Workspace platform "teams", externalId = tenant id).
import type { TurnContext } from "botbuilder";
import type { Db } from "../../db/client.js";
import type { Person } from "../../generated/prisma/client.js";
import { isHrAdmin } from "../../app/people.js";
import { ensureWorkspace } from "../../app/workspaces.js";
import { loadResources, SUPPORTED_LOCALES, type Translate } from "../../i18n/index.js";
import { rememberChannel, scopeOf, tenantOf } from "./identity.js";

let words: Set<string> | undefined;

/** The registration words of every language (teams:arr.keywords), so any of them works anywhere. */
function arrWords(): Set<string> {
  if (words) return words;
  const resources = loadResources();
  words = new Set(
    SUPPORTED_LOCALES.flatMap((locale) => {
      const list = (resources[locale]?.teams as { arr?: { keywords?: unknown } } | undefined)?.arr?.keywords;
      return Array.isArray(list) ? list.filter((w): w is string => typeof w === "string").map((w) => w.toLowerCase()) : [];
    }),
  );
  return words;
}

export function isArrRequest(text: string): boolean {
  const cleaned = text.trim().toLowerCase().replace(/^\//, "").replace(/[!?.]+$/, "").replace(/\s+/g, " ");
  return cleaned !== "" && arrWords().has(cleaned);
}

/** Registers the channel the activity came from; returns what to answer. */
export async function registerArrChannel(context: TurnContext, db: Db, person: Person, t: Translate): Promise<{ text: string; ok: boolean }> {
  if (scopeOf(context.activity) !== "channel") return { text: t("teams:arr.onlyInChannel"), ok: false };
  if (!isHrAdmin(person)) return { text: t("teams:arr.notAllowed"), ok: false };
  const tenant = tenantOf(context.activity);
  const channel = await rememberChannel(context, db);
  if (!tenant || !channel) return { text: t("common:errors.internal"), ok: false };
  const workspace = await ensureWorkspace(db, "teams", tenant);
  await db.workspace.update({ where: { id: workspace.id }, data: { arrChannel: channel.reference } });
  return { text: t("teams:arr.registered"), ok: true };
}
