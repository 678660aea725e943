// Who is writing, for every platform, by one policy. A platform person is
// (tenant, user id): a Slack team and user id, or a Teams (Entra) tenant and object
// id. The tenant must be one the workspace is configured for. A directory person is
// found by that pair; the first time only, a verified e-mail address may link them,
// and a link once made is never moved to another account or tenant: an attacker who
// controls an e-mail claim (another tenant, an unverified `email` claim) must not take
// over someone's case or their proactive messages.
import type { Db } from "../../db/client.js";
import type { Person } from "../../generated/prisma/client.js";
import { findPersonByEmail } from "../people.js";
import type { Logger } from "../../logging/logger.js";

export type Platform = "slack" | "teams";

/** Tenants a platform accepts: a set, or "any" (local mode, or a Slack token whose team is unknown). */
export type AllowedTenants = ReadonlySet<string> | "any";

export type StrangerReason = "not_in_directory" | "tenant_not_allowed" | "linked_elsewhere";

export type Identification = { kind: "person"; person: Person } | { kind: "stranger"; reason: StrangerReason };

export interface PlatformUser {
  platform: Platform;
  /** Slack team id / Entra tenant id; undefined only where allowed is "any" (the Emulator). */
  tenant: string | undefined;
  /** Slack user id / Entra object id. */
  userId: string;
}

const FIELDS = {
  slack: { user: "slackUserId", tenant: "slackTeamId" },
  teams: { user: "teamsUserId", tenant: "teamsTenantId" },
} as const;

export function tenantAllowed(allowed: AllowedTenants, tenant: string | undefined): boolean {
  if (allowed === "any") return true;
  return tenant !== undefined && allowed.has(tenant.toLowerCase());
}

export class IdentityPolicy {
  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly allowed: Record<Platform, AllowedTenants>,
  ) {}

  tenantAllowed(platform: Platform, tenant: string | undefined): boolean {
    return tenantAllowed(this.allowed[platform], tenant);
  }

  /**
   * The directory person behind a platform user. `verifiedEmail` is asked for only
   * when the pair is not linked yet; it must be an address the platform vouches for
   * (Slack's profile, the Teams roster, an SSO token's sign-in name), never a claim
   * anyone can set.
   */
  async identify(user: PlatformUser, verifiedEmail: () => Promise<string | undefined>): Promise<Identification> {
    const f = FIELDS[user.platform];
    if (!this.tenantAllowed(user.platform, user.tenant)) {
      this.logger.warn({ platform: user.platform, tenant: user.tenant ?? null }, "identity: tenant not configured for this workspace; refused");
      return { kind: "stranger", reason: "tenant_not_allowed" };
    }
    const known = await this.db.person.findUnique({ where: user.platform === "slack" ? { slackUserId: user.userId } : { teamsUserId: user.userId } });
    if (known) {
      const boundTo = known[f.tenant];
      if (boundTo && user.tenant && boundTo !== user.tenant) {
        this.logger.warn({ platform: user.platform, personId: known.id }, "identity: user id known under another tenant; refused");
        return { kind: "stranger", reason: "linked_elsewhere" };
      }
      // A directory row with an imported user id is bound to its tenant on first contact.
      if (!boundTo && user.tenant) return { kind: "person", person: await this.db.person.update({ where: { id: known.id }, data: { [f.tenant]: user.tenant } }) };
      return { kind: "person", person: known };
    }
    const email = await verifiedEmail();
    const person = email ? await findPersonByEmail(this.db, email) : null;
    if (!person) return { kind: "stranger", reason: "not_in_directory" };
    return this.linkFirstTime(user, person);
  }

  /** Links a directory person to a platform user found by their e-mail (delivery to someone never seen). */
  async linkFirstTime(user: PlatformUser, person: Person): Promise<Identification> {
    const f = FIELDS[user.platform];
    if (!this.tenantAllowed(user.platform, user.tenant)) return { kind: "stranger", reason: "tenant_not_allowed" };
    const linkedTo = person[f.user];
    const boundTo = person[f.tenant];
    if ((linkedTo && linkedTo !== user.userId) || (boundTo && user.tenant && boundTo !== user.tenant)) {
      // The directory names another account (or tenant) for this address: trust the directory.
      this.logger.warn({ platform: user.platform, personId: person.id }, "identity: e-mail matches a person linked to another account; not moved");
      return { kind: "stranger", reason: "linked_elsewhere" };
    }
    const holder = await this.db.person.findUnique({ where: user.platform === "slack" ? { slackUserId: user.userId } : { teamsUserId: user.userId }, select: { id: true } });
    if (holder && holder.id !== person.id) return { kind: "stranger", reason: "linked_elsewhere" };
    const linked = await this.db.person.update({
      where: { id: person.id },
      data: { [f.user]: user.userId, [f.tenant]: user.tenant ?? null, unreachableSince: null, unreachableReason: null },
    });
    this.logger.info({ platform: user.platform, personId: person.id }, "identity: linked to the directory by e-mail");
    return { kind: "person", person: linked };
  }
}
