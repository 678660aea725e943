// Wires the core together for one process: the conversation, the channels that can
// deliver, and the outbox dispatcher that sends what is due through them.
import { healthGuard } from "../domain/guard/index.js";
import type { AppContext } from "./context.js";
import { Conversation } from "./conversation/conversation.js";
import { ChannelRegistry, type DeliveryChannel } from "./notify/channels.js";
import { dispatchDue, type DispatchOptions, type DispatchStats } from "./notify/dispatch.js";
import { createNotificationRenderer } from "./notify/templates.js";
import { ConsoleDelivery } from "../channels/console/delivery.js";
import { ensureWorkspace } from "./workspaces.js";

export interface Services {
  ctx: AppContext;
  conversation: Conversation;
  channels: ChannelRegistry;
  /** Sends everything due now; safe to call from several places at once. */
  deliver(now?: Date): Promise<DispatchStats>;
  /** Options every delivery uses; the scheduler adds its hooks here (working hours, HR notices). */
  deliveryOptions: Omit<DispatchOptions, "now">;
}

export function createServices(ctx: AppContext, platformChannels: DeliveryChannel[] = []): Services {
  // Platform channels first; the console inbox is the channel of last resort.
  const channels = new ChannelRegistry([...platformChannels, new ConsoleDelivery(ctx.db)]);
  const render = createNotificationRenderer(ctx);
  const deliveryOptions: Omit<DispatchOptions, "now"> = {};
  let localWorkspace: Promise<unknown> | undefined;
  let running: Promise<DispatchStats> | undefined;
  // Callers that arrive while a dispatch runs share one follow-up run instead of each
  // queueing their own: a burst of commands costs two dispatches, not one per command.
  let queued: Promise<DispatchStats> | undefined;
  const runOnce = async (now: Date): Promise<DispatchStats> => {
    // Once per process: the scheduler delivers every minute, and the row never goes away.
    localWorkspace ??= ensureWorkspace(ctx.db, "local", "local").catch((error: unknown) => {
      localWorkspace = undefined;
      throw error;
    });
    await localWorkspace;
    return dispatchDue(ctx, channels, render, { ...deliveryOptions, now });
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
    afterCommand: async () => {
      await deliver();
    },
  });
  return { ctx, conversation, channels, deliver, deliveryOptions };
}

/** Services for the console and CLI (no platform channels). */
export function createLocalServices(ctx: AppContext): Services {
  return createServices(ctx);
}
