// Who a Slack user is in the directory, by the app's one identity policy: (team id,
// user id), in the workspace the bot token belongs to; the first time only, the
// e-mail on their Slack profile (users.info) links them, and an e-mail match never
// moves an existing link. Someone not in the directory is told so and nothing about
// them is stored.
import type { WebClient } from "@slack/web-api";
import type { ChannelFacade, Person } from "../../app/facade/index.js";
import { DEFAULT_LOCALE, parseLocale, type Locale } from "../../i18n/index.js";
import { slackErrorCode } from "./errors.js";

export type Identity = { kind: "person"; person: Person } | { kind: "stranger"; locale: Locale };

export class Directory {
  constructor(private readonly facade: ChannelFacade) {}

  async identify(client: WebClient, userId: string, teamId: string | undefined): Promise<Identity> {
    let locale: Locale = DEFAULT_LOCALE;
    let unknown = false;
    const profileEmail = async (): Promise<string | undefined> => {
      let info: Awaited<ReturnType<WebClient["users"]["info"]>>;
      try {
        info = await client.users.info({ user: userId, include_locale: true });
      } catch (error) {
        // Other failures (rate limits, outages) must not tell a colleague they are unknown.
        if (slackErrorCode(error) === "user_not_found") {
          unknown = true;
          return undefined;
        }
        throw error;
      }
      const user = info.user;
      locale = parseLocale(user?.locale) ?? DEFAULT_LOCALE;
      // Someone from another organisation (Slack Connect) is not of this workspace.
      if (!user || user.is_bot || user.deleted || (user.team_id && teamId && user.team_id !== teamId)) return undefined;
      return user.profile?.email ?? undefined;
    };
    const found = await this.facade.identify({ platform: "slack", tenant: teamId, userId }, profileEmail);
    if (found.kind === "person") return found;
    return { kind: "stranger", locale: unknown ? DEFAULT_LOCALE : locale };
  }

  /** The Slack user id of a person never seen in Slack, by their directory e-mail (users.lookupByEmail). */
  async link(client: WebClient, person: Person, teamId: string | undefined): Promise<Person> {
    const found = await client.users.lookupByEmail({ email: person.email });
    const userId = found.user?.id;
    if (!userId) return person;
    const linked = await this.facade.linkByEmail({ platform: "slack", tenant: teamId ?? found.user?.team_id, userId }, person);
    return linked.kind === "person" ? linked.person : person;
  }
}
