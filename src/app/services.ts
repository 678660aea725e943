// The composition root: everything one process needs, built in one place and in one
// go — the notification kinds (src/app/notify/kinds/, every kind in every process), the
// reminder planner, the hook that re-plans a person after a change, the outbox delivery
// with its hooks, the scheduler and the conversation. `serve`, every CLI command, the
// demo and the tests all call createServices; nothing is patched in afterwards and no
// module keeps state of its own, so two processes (or two tests) never share anything.
import { healthGuard } from "../domain/guard/index.js";
import type { AppContext } from "./context.js";
import { Conversation } from "./conversation/conversation.js";
import { ChannelRegistry, type DeliveryChannel } from "./notify/channels.js";
import { dispatchDue, type DispatchOptions, type DispatchStats, type NotificationRenderer } from "./notify/dispatch.js";
import type { PlannedReminder } from "../domain/reminders/index.js";
import { createNotificationRenderer, type TemplateRegistry } from "./notify/templates.js";
import { notificationRegistry } from "./notify/kind.js";
import { kinds } from "./notify/kinds/index.js";
import { ReminderPlanner } from "./reminders/planner.js";
import { reminderDeliveryHooks } from "./reminders/delivery.js";
import { defaultSchedulerSettings, type SchedulerSettings } from "./reminders/settings.js";
import { ConsoleDelivery } from "./facade/consoleInbox.js";
import { ChannelFacade } from "./facade/index.js";
import { Scheduler } from "../scheduler/scheduler.js";
import { ensureWorkspace } from "./workspaces.js";
import { createNavIntegration, type NavIntegration } from "../integrations/nav/index.js";
import { runNavJobs, type NavJobStats } from "./nav/job.js";

export interface Services {
  ctx: AppContext;
  settings: SchedulerSettings;
  conversation: Conversation;
  /** The app as the chat platforms see it (src/channels call only this). */
  facade: ChannelFacade;
  channels: ChannelRegistry;
  /** Every notification kind this process can render (all of them, in every process), by kind. */
  templates: TemplateRegistry;
  planner: ReminderPlanner;
  scheduler: Scheduler;
  /** The one way to mark a person for re-planning: their reminders are brought in line now. */
  caseChanged(personId: string): Promise<void>;
  /** Sends everything due now; safe to call from several places at once. */
  deliver(now?: Date): Promise<DispatchStats>;
  /** NAV's LPS API through Maskinporten; undefined when not configured. */
  nav?: NavIntegration;
  /** What the last delivery's NAV jobs did (for `cli plan send` and tick reports). */
  lastNavJobs(): NavJobStats | undefined;
}

export interface ServiceOptions {
  /** Platform channels (Slack, Teams) tried before the console inbox, the channel of last resort. */
  platformChannels?: DeliveryChannel[];
  /** Scheduler and reminder settings (parse them from the environment before anything starts). */
  settings?: SchedulerSettings;
  /** Test hooks of the dispatcher (e.g. to simulate a crash after claiming). */
  dispatch?: Pick<DispatchOptions, "afterClaim" | "leaseMs" | "maxAttempts">;
}

export function createServices(ctx: AppContext, options: ServiceOptions = {}): Services {
  const settings = options.settings ?? defaultSchedulerSettings(ctx.config.TZ_DEFAULT);
  // Platform channels first; the console inbox is the channel of last resort.
  const channels = new ChannelRegistry([...(options.platformChannels ?? []), new ConsoleDelivery(ctx.db)]);
  // Every kind (src/app/notify/kinds/), each render behind its zod payload schema.
  const templates: TemplateRegistry = notificationRegistry(kinds(settings.reminders));
  const renderTemplate = createNotificationRenderer(ctx, templates);
  const planner = new ReminderPlanner(ctx, settings.reminders);
  // "Is this row still wanted?" is the planner's question, asked once per person and delivery
  // round (a round sees the facts as they are when it starts); the kinds only render.
  const renderRound = (now: Date): NotificationRenderer => {
    const memo = new Map<string, Promise<Map<string, PlannedReminder>>>();
    return async (payload, recipient, row) => {
      if (!(await planner.stillWanted(row, now, memo))) return null;
      return renderTemplate(payload, recipient, row);
    };
  };
  const caseChanged = async (personId: string): Promise<void> => {
    await planner.replan(personId);
  };

  const nav = ctx.config.nav ? createNavIntegration(ctx.config.nav) : undefined;
  let navStats: NavJobStats | undefined;
  let localWorkspace: Promise<unknown> | undefined;
  let running: Promise<DispatchStats> | undefined;
  // Callers that arrive while a dispatch runs share one follow-up run instead of each
  // queueing their own: a burst of commands costs two dispatches, not one per command.
  let queued: Promise<DispatchStats> | undefined;
  // A notice enqueued during a round (HR told of an unreachable person) goes out in the next one.
  const kick = () => {
    setImmediate(() => void deliver().catch((error: unknown) => ctx.logger.error({ err: error }, "delivery round failed")));
  };
  const deliveryOptions: Omit<DispatchOptions, "now"> = {
    limit: settings.dispatchBatch,
    ...options.dispatch,
    ...reminderDeliveryHooks({ ctx, settings: settings.reminders, planner, channels, kick }),
  };
  const runOnce = async (now: Date): Promise<DispatchStats> => {
    // Once per process: the scheduler delivers every minute, and the row never goes away.
    localWorkspace ??= ensureWorkspace(ctx.db, "local", "local").catch((error: unknown) => {
      localWorkspace = undefined;
      throw error;
    });
    await localWorkspace;
    // NAV jobs first: the notices they leave (sent, refused) go out in the same dispatch.
    if (nav) {
      try {
        navStats = await runNavJobs({ ...ctx, caseChanged }, nav.lps, now);
      } catch (error) {
        ctx.logger.error({ err: error }, "NAV jobs failed; the notifications still go out");
      }
    }
    return dispatchDue(ctx, channels, renderRound(now), { ...deliveryOptions, now });
  };
  const start = (now?: Date): Promise<DispatchStats> => {
    const run = runOnce(now ?? ctx.clock());
    running = run;
    void run.then(
      () => (running === run ? (running = undefined) : undefined),
      () => (running === run ? (running = undefined) : undefined),
    );
    return run;
  };
  const deliver = async (now?: Date): Promise<DispatchStats> => {
    // One dispatch at a time per process. A simulated `now` (cli tick, tests) always gets its own run.
    if (now !== undefined) {
      while (running || queued) await (queued ?? running)!.catch(() => undefined);
      return start(now);
    }
    if (!running && !queued) return start();
    queued ??= (running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };

  const conversation = new Conversation(ctx, {
    guard: healthGuard,
    caseChanged,
    afterCommand: async () => {
      await deliver();
    },
  });
  // Local mode without a tenant list serves whichever tenant the Playground on this machine uses.
  const teamsTenants = ctx.config.teamsTenants.length > 0 ? new Set(ctx.config.teamsTenants) : ctx.config.teamsMode === "local" ? "any" : new Set<string>();
  const facade = new ChannelFacade(ctx, conversation, { teamsTenants });
  const scheduler = new Scheduler({ ctx, settings, planner, deliver });
  return { ctx, settings, conversation, facade, channels, templates, planner, scheduler, caseChanged, deliver, ...(nav ? { nav } : {}), lastNavJobs: () => navStats };
}
