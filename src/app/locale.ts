// The one place that decides which language a person is answered in. In order:
//   1. their own choice: the directory's locale column (Person.locale);
//   2. the locale their platform reports, if any (the Teams client's activity.locale);
//   3. their workspace's language (`cli workspace set --locale`, or «språk sv» in chat);
//   4. bokmål.
// Every channel, the notifications, the exports and the CLI go through localeFor.
import type { Db } from "../db/client.js";
import type { Person, Workspace } from "../generated/prisma/client.js";
import { DEFAULT_LOCALE, parseLocale, type Locale } from "../i18n/index.js";

export interface LocaleSources {
  /** What the person's platform says their language is (a tag such as "sv-SE"). */
  reported?: string | null | undefined;
  /** The workspaces the person belongs to, most specific first; the first with a language counts. */
  workspaces?: ReadonlyArray<Pick<Workspace, "locale"> | null | undefined>;
}

/** The rule itself, on data already at hand. */
export function resolveLocale(person: Pick<Person, "locale"> | null | undefined, sources: LocaleSources = {}): Locale {
  const own = parseLocale(person?.locale);
  if (own) return own;
  const reported = parseLocale(sources.reported);
  if (reported) return reported;
  for (const workspace of sources.workspaces ?? []) {
    const chosen = parseLocale(workspace?.locale);
    if (chosen) return chosen;
  }
  return DEFAULT_LOCALE;
}

/** The person's workspaces: their Slack team, their Teams tenant, then the local one (console and CLI). */
async function workspacesOf(db: Db, person: Pick<Person, "slackTeamId" | "teamsTenantId">): Promise<Array<Workspace | null>> {
  const find = (platform: string, externalId: string) => db.workspace.findUnique({ where: { platform_externalId: { platform, externalId } } });
  return Promise.all([
    person.slackTeamId ? find("slack", person.slackTeamId) : null,
    person.teamsTenantId ? find("teams", person.teamsTenantId) : null,
    find("local", "local"),
  ]);
}

/** The language to answer `person` in (see the order above); reads the workspaces only when needed. */
export async function localeFor(db: Db, person: Pick<Person, "locale" | "slackTeamId" | "teamsTenantId">, reported?: string | null): Promise<Locale> {
  const direct = parseLocale(person.locale) ?? parseLocale(reported);
  if (direct) return direct;
  return resolveLocale(person, { reported, workspaces: await workspacesOf(db, person) });
}
