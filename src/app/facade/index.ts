// The one door from the chat platforms into the app. Channel adapters (src/channels/*)
// verify requests, turn platform events into Commands and render Messages; everything
// that needs the database goes through here: who a platform user is (one identity
// policy for Slack and Teams), each delivery handled once (claim, release), where the
// bot can reach people and channels, the ARR channel, where a replaceable message was
// posted, and the data behind Slack's App Home and the Teams tab.
import type { Db } from "../../db/client.js";
import type { Person, Workspace } from "../../generated/prisma/client.js";
import type { Command } from "../../domain/messages/commands.js";
import type { Block, Message } from "../../domain/messages/model.js";
import type { Logger } from "../../logging/logger.js";
import type { AppContext } from "../context.js";
import type { Conversation } from "../conversation/conversation.js";
import type { ChannelName } from "../notify/channels.js";
import { actorFor, requireCaseAccess, teamOf, type Relation } from "../access.js";
import { audit } from "../audit.js";
import { UserError } from "../errors.js";
import { exportPlan } from "../planExport.js";
import { isArrMember, isHrAdmin, todayFor } from "../people.js";
import { localeFor } from "../locale.js";
import { ensureWorkspace } from "../workspaces.js";
import { IdentityPolicy, type AllowedTenants, type Identification, type Platform, type PlatformUser } from "./identity.js";
import { tabView, type TabView } from "./tab.js";
import { arrInboxOf, takeInbox } from "./consoleInbox.js";
import { keywordTable } from "../conversation/keywords.js";
import { currentCase, readCases } from "../cases.js";
import { timelineRole } from "../timeline.js";
import type { KeywordTable } from "../../domain/messages/keywords.js";
import type { Locale } from "../../i18n/index.js";
import { DurableInbox, type EnqueueResult, type Held, type InboxHandler, type InboxItem, type InboxOptions, type InboxWorker } from "../inbox/index.js";
import { isUniqueViolation } from "../../db/errors.js";

export type { EnqueueResult, Held, InboxHandler, InboxItem, InboxOptions, InboxWork, InboxWorker } from "../inbox/index.js";
export type { Person, Workspace, TabView, Identification, Platform, PlatformUser, AllowedTenants, Relation };
export type { ChannelName, DeliveryChannel, DeliveryResult } from "../notify/channels.js";
export type { DispatchOptions } from "../notify/dispatch.js";
export { ConsoleDelivery, arrInboxOf, takeInbox } from "./consoleInbox.js";
export { UNREACHABLE_TEMPLATE, teamsUnreachablePayload } from "./teamsUnreachable.js";
export type { NotificationPayload } from "../notify/outbox.js";
export { workspaceLocale } from "../workspaces.js";
export { KeyedLock } from "../conversation/keyedLock.js";
export { isArrMember, isHrAdmin, todayFor } from "../people.js";
export { date as formatDate } from "../conversation/views.js";
export { UserError } from "../errors.js";

/** Processed delivery keys are kept this long: platforms retry within minutes. */
const KEEP_DELIVERY_KEYS_MS = 7 * 24 * 60 * 60_000;
const PRUNE_EVERY = 500;
/** Measures listed per section on the Slack Home tab. */
const HOME_MEASURES = 8;
/** Timelines on the Home tab: one's own and the first few of the team's (the command shows any of them). */
const HOME_TIMELINES = 4;

/** Whether the person has a current (or recent) case to show a timeline of. */
async function hasCurrentCase(ctx: AppContext, person: Person): Promise<boolean> {
  const now = ctx.clock();
  return currentCase(await readCases(ctx.db, person, todayFor(person, now), now)) !== undefined;
}

export interface HomeMeasure {
  id: string;
  title: string;
  employeeName: string;
  dueDate: string | null;
}

export interface HomeData {
  /** The core's status message(s) for this person. */
  status: Message[];
  /**
   * The timelines this person may see, as the `tidslinje` command shows them (the role's cut
   * is the timeline's own, src/app/timeline.ts): their own case's, and their team's current cases.
   */
  timelines: Message[];
  /** Open measures the person owns as a leader (for their team) and as an HR admin. */
  asLeader: HomeMeasure[];
  asHr: HomeMeasure[];
}

export interface FacadeOptions {
  /** Tenants each platform accepts (Teams from config; Slack: the bot token's team, set when Slack starts). */
  teamsTenants: AllowedTenants;
}

export class ChannelFacade {
  private readonly db: Db;
  private readonly logger: Logger;
  private readonly allowed: Record<Platform, AllowedTenants>;
  private readonly identity: IdentityPolicy;
  private claims = 0;
  private readonly inbox: DurableInbox;
  /** The one keyword → command table, with the words of every language. */
  readonly keywords: KeywordTable = keywordTable();

  constructor(
    readonly ctx: AppContext,
    private readonly conversation: Conversation,
    options: FacadeOptions,
  ) {
    this.db = ctx.db;
    this.logger = ctx.logger;
    this.allowed = { slack: "any", teams: options.teamsTenants };
    this.identity = new IdentityPolicy(this.db, this.logger, this.allowed);
    this.inbox = new DurableInbox(this.db, this.logger, ctx.config.INBOX_CONCURRENCY ? { concurrency: ctx.config.INBOX_CONCURRENCY } : {});
  }

  // --- the durable inbox (src/app/inbox/) ----------------------------------------------

  /** Stores a verified request's work item before the platform gets its answer; a repeat delivery is "duplicate". */
  enqueue(item: InboxItem): Promise<EnqueueResult> {
    return this.inbox.enqueue(item);
  }

  /** Stores a request the channel processes within its own turn (Teams); a worker takes it over if the process dies first. */
  holdInInbox(item: InboxItem, leaseMs: number): Promise<Held> {
    return this.inbox.hold(item, leaseMs);
  }

  /** Whether this delivery is in the inbox already (a repeat of a modal submission is acknowledged as it is). */
  inInbox(dedupeKey: string): Promise<boolean> {
    return this.inbox.has(dedupeKey);
  }

  /** Starts processing a channel's inbox rows with `handler` (claims with a lease, in order per person). */
  serveInbox(channel: ChannelName, handler: InboxHandler, options?: InboxOptions): InboxWorker {
    return this.inbox.serve(channel, handler, options);
  }

  get clock(): () => Date {
    return this.ctx.clock;
  }

  /** Hands a person's command to the conversation core; messages for them come back. */
  handle(person: Person, command: Command, channel: ChannelName, locale?: Locale): Promise<Message[]> {
    return this.conversation.handle(person, command, channel, locale);
  }

  /** The language to answer a person in (src/app/locale.ts): theirs, the platform's (`reported`), their workspace's, bokmål. */
  localeOf(person: Person, reported?: string | null): Promise<Locale> {
    return localeFor(this.db, person, reported);
  }

  // --- identity -------------------------------------------------------------------

  /** Slack accepts only the workspace its bot token belongs to. */
  setSlackTeam(teamId: string | undefined): void {
    if (teamId) this.allowed.slack = new Set([teamId.toLowerCase()]);
  }

  tenantAllowed(platform: Platform, tenant: string | undefined): boolean {
    return this.identity.tenantAllowed(platform, tenant);
  }

  /** Who a platform user is; `verifiedEmail` is asked only when they are not linked yet. */
  identify(user: PlatformUser, verifiedEmail: () => Promise<string | undefined>): Promise<Identification> {
    return this.identity.identify(user, verifiedEmail);
  }

  /** A directory person found on the platform by their e-mail (to deliver to someone never seen there). */
  linkByEmail(user: PlatformUser, person: Person): Promise<Identification> {
    return this.identity.linkFirstTime(user, person);
  }

  /** A person already linked to this platform user (a modal submit comes from someone just identified). */
  async linkedPerson(platform: Platform, tenant: string | undefined, userId: string): Promise<Person | null> {
    if (!this.tenantAllowed(platform, tenant)) return null;
    const person = await this.db.person.findUnique({ where: platform === "slack" ? { slackUserId: userId } : { teamsUserId: userId } });
    const boundTo = person ? (platform === "slack" ? person.slackTeamId : person.teamsTenantId) : null;
    return person && (!boundTo || !tenant || boundTo === tenant) ? person : null;
  }

  // --- each platform delivery once --------------------------------------------------

  /** True for the first delivery of this key, false for any repeat (a primary key: two processes cannot both claim it). */
  async claimDelivery(key: string): Promise<boolean> {
    try {
      await this.db.processedEvent.create({ data: { key: key.slice(0, 500) } });
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
    this.claims += 1;
    if (this.claims % PRUNE_EVERY === 0) await this.pruneDeliveries();
    return true;
  }

  /** Gives a claimed key back after a failure, so the platform's redelivery is handled. */
  async releaseDelivery(key: string): Promise<void> {
    await this.db.processedEvent.deleteMany({ where: { key: key.slice(0, 500) } });
  }

  async pruneDeliveries(now = new Date()): Promise<number> {
    const { count } = await this.db.processedEvent.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_DELIVERY_KEYS_MS) } } });
    return count;
  }

  // --- where a replaceable message was posted ---------------------------------------

  async postedRef(replaceKey: string, channel: ChannelName, target: string): Promise<string | undefined> {
    const row = await this.db.postedMessage.findUnique({ where: { replaceKey_channel_target: { replaceKey, channel, target } } });
    return row?.ref;
  }

  async rememberPosted(replaceKey: string, channel: ChannelName, target: string, ref: string): Promise<void> {
    await this.db.postedMessage.upsert({
      where: { replaceKey_channel_target: { replaceKey, channel, target } },
      create: { replaceKey, channel, target, ref },
      update: { ref },
    });
  }

  // --- where people and channels are reached ----------------------------------------

  async setSlackDm(person: Person, channel: string | null): Promise<Person> {
    if (person.slackDmChannel === channel) return person;
    return this.db.person.update({ where: { id: person.id }, data: { slackDmChannel: channel } });
  }

  /** The person's Teams personal chat, for proactive messages; a new contact also clears "unreachable". */
  async rememberTeamsPersonalChat(person: Person, chat: { conversationId: string; reference: string; tenant: string | undefined }): Promise<Person> {
    const workspace = chat.tenant ? await ensureWorkspace(this.db, "teams", chat.tenant) : null;
    await this.db.channelConversation.upsert({
      where: { platform_conversationId: { platform: "teams", conversationId: chat.conversationId } },
      create: { platform: "teams", conversationId: chat.conversationId, kind: "personal", reference: chat.reference, personId: person.id, workspaceId: workspace?.id ?? null },
      update: { reference: chat.reference, personId: person.id, workspaceId: workspace?.id ?? null },
    });
    if (person.teamsConversationRef === chat.reference && !person.unreachableSince) return person;
    return this.db.person.update({ where: { id: person.id }, data: { teamsConversationRef: chat.reference, unreachableSince: null, unreachableReason: null } });
  }

  /** A Teams team channel or group chat the bot was added to or used in. */
  async rememberTeamsChannel(channel: { conversationId: string; reference: string; tenant: string | undefined; kind: "channel" | "groupchat" }): Promise<void> {
    const workspace = channel.tenant ? await ensureWorkspace(this.db, "teams", channel.tenant) : null;
    await this.db.channelConversation.upsert({
      where: { platform_conversationId: { platform: "teams", conversationId: channel.conversationId } },
      create: { platform: "teams", conversationId: channel.conversationId, kind: channel.kind, reference: channel.reference, workspaceId: workspace?.id ?? null },
      update: { reference: channel.reference, kind: channel.kind, workspaceId: workspace?.id ?? null },
    });
  }

  /** The bot was removed from a Teams team: forget its channels, and the ARR channel if it was one of them. */
  async teamsRemovedFrom(tenant: string | undefined, conversationIds: string[]): Promise<void> {
    const gone = await this.db.channelConversation.findMany({ where: { platform: "teams", kind: { not: "personal" }, conversationId: { in: conversationIds } } });
    await this.db.channelConversation.deleteMany({ where: { id: { in: gone.map((c) => c.id) } } });
    if (!tenant) return;
    const workspace = await this.db.workspace.findUnique({ where: { platform_externalId: { platform: "teams", externalId: tenant } } });
    let arr: string | undefined;
    try {
      arr = workspace?.arrChannel ? (JSON.parse(workspace.arrChannel) as { conversation?: { id?: string } }).conversation?.id : undefined;
    } catch {
      arr = undefined;
    }
    if (workspace && arr && gone.some((c) => c.conversationId === arr)) {
      await this.db.workspace.update({ where: { id: workspace.id }, data: { arrChannel: null } });
      this.logger.warn({ workspace: workspace.id }, "teams: the bot was removed from the ARR channel's team");
    }
  }

  /** Forgets a Teams conversation that refuses the bot and marks the person unreachable (cleared on the next contact). */
  async dropTeamsReference(person: Person, reason: string): Promise<void> {
    await this.db.person.update({ where: { id: person.id }, data: { teamsConversationRef: null, unreachableSince: person.unreachableSince ?? this.ctx.clock(), unreachableReason: reason.slice(0, 500) } });
    this.logger.warn({ person: person.id, reason }, "teams: person unreachable; conversation reference dropped");
  }

  // --- workspaces and the ARR channel -----------------------------------------------

  /** At start: the Slack workspace of the bot token; SLACK_ARR_CHANNEL wins over a registered channel. */
  async slackWorkspaceStarted(teamId: string, name: string | undefined, arrChannel: string | undefined): Promise<void> {
    this.setSlackTeam(teamId);
    const workspace = await ensureWorkspace(this.db, "slack", teamId);
    const data: { name?: string; arrChannel?: string } = {};
    if (name && workspace.name !== name) data.name = name;
    if (arrChannel && workspace.arrChannel !== arrChannel) data.arrChannel = arrChannel;
    if (Object.keys(data).length > 0) await this.db.workspace.update({ where: { id: workspace.id }, data });
  }

  /** Only HR admins register the ARR channel (checked here, where it is done). */
  mayRegisterArrChannel(person: Person): boolean {
    return isHrAdmin(person);
  }

  /** Makes `channel` (a Slack channel id, a Teams conversation reference) the workspace's ARR channel. */
  async registerArrChannel(person: Person, platform: Platform, externalId: string, channel: string): Promise<"registered" | "not_allowed"> {
    if (!this.mayRegisterArrChannel(person)) return "not_allowed";
    if (!this.tenantAllowed(platform, externalId)) return "not_allowed";
    const workspace = await ensureWorkspace(this.db, platform, externalId);
    await this.db.workspace.update({ where: { id: workspace.id }, data: { arrChannel: channel } });
    this.logger.info({ workspaceId: workspace.id, platform }, "ARR channel registered");
    await audit(this.db, { actor: { personId: person.id, label: "hr" }, subjectId: person.id, action: "change", entity: "workspace", entityId: workspace.id, detail: { op: "arr-channel" } });
    return "registered";
  }

  // --- the console inbox ---------------------------------------------------------------

  /** What waits for this person in the console (and in the ARR inbox for the ARR team), marked read. */
  async takeConsoleInbox(person: Person): Promise<Message[]> {
    const inboxes = [person.id];
    if (isArrMember(person)) inboxes.push(arrInboxOf(await ensureWorkspace(this.db, "local", "local")));
    return takeInbox(this.db, inboxes);
  }

  // --- report forms ------------------------------------------------------------------

  /** The person's current periods, which a report form checks for overlaps (the one absence rule). */
  async existingPeriods(person: Person): Promise<Array<{ start: string; end: string | null; type: string }>> {
    const periods = await this.db.absencePeriod.findMany({ where: { personId: person.id, supersededAt: null } });
    return periods.map((p) => ({ start: p.startDate, end: p.endDate, type: p.type }));
  }

  // --- Slack App Home ------------------------------------------------------------------

  async home(person: Person, channel: ChannelName): Promise<HomeData> {
    const today = todayFor(person, this.ctx.clock());
    const status = await this.handle(person, { type: "status" }, channel);
    const team = await teamOf(this.db, person, today);
    const asLeader = team.length > 0 ? await this.ownedMeasures(person, "leader", team.map((p) => p.id)) : [];
    const asHr = isHrAdmin(person) ? await this.ownedMeasures(person, "hr", "all") : [];
    const timelines: Message[] = [];
    for (const subject of [person, ...team].slice(0, HOME_TIMELINES)) {
      if (!(await hasCurrentCase(this.ctx, subject))) continue;
      timelines.push(...(await this.handle(person, { type: "timeline", employeeId: subject.id }, channel)));
    }
    return { status, asLeader, asHr, timelines };
  }

  /** Open measures owned by `owner` in the plans of these employees (or of everyone); each read is audited. */
  private async ownedMeasures(viewer: Person, owner: "leader" | "hr", employeeIds: string[] | "all"): Promise<HomeMeasure[]> {
    const rows = await this.db.measure.findMany({
      where: {
        status: { in: ["proposed", "agreed"] },
        ...(owner === "leader" ? { OR: [{ owner: "leader" }, { owner: null }] } : { owner: "hr" }),
        plan: { ...(employeeIds === "all" ? {} : { employeeId: { in: employeeIds } }), ...(owner === "leader" ? { hiddenFromLeaderAt: null } : {}) },
      },
      include: { plan: true },
      orderBy: [{ dueDate: "asc" }, { title: "asc" }],
      take: HOME_MEASURES,
    });
    if (rows.length === 0) return [];
    const names = new Map((await this.db.person.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.plan.employeeId))] } } })).map((p) => [p.id, p.name]));
    for (const m of rows) {
      await audit(this.db, { actor: { personId: viewer.id, label: owner }, subjectId: m.plan.employeeId, action: "read", entity: "measure", entityId: m.id, detail: { op: "home" } });
    }
    return rows.map((m) => ({ id: m.id, title: m.title, employeeName: names.get(m.plan.employeeId) ?? "", dueDate: m.dueDate }));
  }

  // --- the Teams tab --------------------------------------------------------------------

  /** The tab's view of `subjectId` (default: the viewer); the same refusal whether or not the person exists. */
  async tab(viewer: Person, subjectId?: string | null): Promise<TabView> {
    const { subject, relation } = await this.caseSubject(viewer, subjectId);
    return tabView(this.ctx, viewer, subject, relation);
  }

  /** The latest plan version as a PDF for someone allowed to read it (audited when not the employee). */
  async planPdf(viewer: Person, employeeId: string | null | undefined): Promise<{ body: Buffer | string; version: number }> {
    const { subject, relation } = await this.caseSubject(viewer, employeeId);
    // The PDF ends with the case's timeline as this viewer's role may see it (the timeline's own rule).
    const timeline = await timelineRole(this.db, viewer, subject, todayFor(viewer, this.ctx.clock()));
    return exportPlan(this.db, { employee: subject, format: "pdf", locale: await this.localeOf(viewer), actor: actorFor(viewer, relation), now: this.ctx.clock(), timeline });
  }

  private async caseSubject(viewer: Person, subjectId: string | null | undefined): Promise<{ subject: Person; relation: Exclude<Relation, "none"> }> {
    if (!subjectId || subjectId === viewer.id) return { subject: viewer, relation: "self" };
    const subject = await this.db.person.findUnique({ where: { id: subjectId } });
    const relation = await requireCaseAccess(this.db, viewer, subject, todayFor(viewer, this.ctx.clock()));
    return { subject: subject!, relation };
  }
}

/** Errors the facade gives for "you may not see this" (so channels can answer 403/404 without reading text). */
export function isForbidden(error: unknown): boolean {
  return error instanceof UserError && error.key === "common:errors.forbidden";
}

export type { Block };
