// Who a Slack user is in the directory: by Slack user id first, else by the e-mail
// address on their Slack profile (users.info). A match by e-mail links the person
// (slackUserId, slackTeamId) so the next lookup is by id. Someone not in the
// directory is told so and nothing about them is stored.
import type { WebClient } from "@slack/web-api";
import type { Db } from "../../db/client.js";
import type { Person } from "../../generated/prisma/client.js";
import { findPersonByEmail } from "../../app/people.js";
import { DEFAULT_LOCALE, parseLocale, type Locale } from "../../i18n/index.js";
import type { Logger } from "../../logging/logger.js";
import { slackErrorCode } from "./errors.js";

export type Identity = { kind: "person"; person: Person } | { kind: "stranger"; locale: Locale };

export class Directory {
  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  async identify(client: WebClient, userId: string, teamId: string | undefined): Promise<Identity> {
    const known = await this.db.person.findUnique({ where: { slackUserId: userId } });
    if (known) {
      if (teamId && known.slackTeamId !== teamId) {
        return { kind: "person", person: await this.db.person.update({ where: { id: known.id }, data: { slackTeamId: teamId } }) };
      }
      return { kind: "person", person: known };
    }
    let info: Awaited<ReturnType<WebClient["users"]["info"]>>;
    try {
      info = await client.users.info({ user: userId, include_locale: true });
    } catch (error) {
      // Other failures (rate limits, outages) must not tell a colleague they are unknown.
      if (slackErrorCode(error) === "user_not_found") return { kind: "stranger", locale: DEFAULT_LOCALE };
      throw error;
    }
    const user = info.user;
    const locale = parseLocale(user?.locale) ?? DEFAULT_LOCALE;
    const email = user?.profile?.email;
    if (!user || user.is_bot || user.deleted || !email) return { kind: "stranger", locale };
    const person = await findPersonByEmail(this.db, email);
    if (!person) return { kind: "stranger", locale };
    if (person.slackUserId && person.slackUserId !== userId) {
      // The directory names another Slack account for this address: trust the directory.
      this.logger.warn({ personId: person.id }, "slack user matches a directory e-mail already linked to another Slack account");
      return { kind: "stranger", locale };
    }
    const linked = await this.db.person.update({
      where: { id: person.id },
      data: { slackUserId: userId, slackTeamId: teamId ?? user.team_id ?? null, unreachableSince: null, unreachableReason: null },
    });
    this.logger.info({ personId: person.id }, "slack user linked to the directory by e-mail");
    return { kind: "person", person: linked };
  }

  /** The Slack user id of a person never seen in Slack, by their directory e-mail (users.lookupByEmail). */
  async link(client: WebClient, person: Person, teamId: string | undefined): Promise<Person> {
    const found = await client.users.lookupByEmail({ email: person.email });
    const userId = found.user?.id;
    if (!userId) return person;
    const owner = await this.db.person.findUnique({ where: { slackUserId: userId } });
    if (owner && owner.id !== person.id) return person;
    return this.db.person.update({ where: { id: person.id }, data: { slackUserId: userId, slackTeamId: teamId ?? found.user?.team_id ?? null } });
  }
}
