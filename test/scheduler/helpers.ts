// A small world for scheduler tests: a fresh database, a simulated clock, the real
// conversation core, dispatcher and scheduler, and a fake Slack-like DeliveryChannel
// (the platform boundary) that records what it was asked to send.
import type { DeliveryChannel, DeliveryResult } from "../../src/app/notify/channels.js";
import type { Message } from "../../src/domain/messages/model.js";
import type { Command } from "../../src/domain/messages/commands.js";
import type { Person, Workspace } from "../../src/generated/prisma/client.js";
import type { AppContext } from "../../src/app/context.js";
import { createServices, type ServiceOptions, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import type { Scheduler } from "../../src/scheduler/scheduler.js";
import { defaultSchedulerSettings, type SchedulerSettings } from "../../src/app/reminders/settings.js";
import { instantAt } from "../../src/domain/time/zone.js";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";

export interface Sent {
  at: Date;
  personId: string | null;
  workspaceId: string | null;
  summary: string;
  /** Identifies the message's content (recipient + blocks): one reminder, one fingerprint. */
  fingerprint: string;
  message: Message;
}

type Behaviour = (target: { person?: Person; workspace?: Workspace }, attempt: number) => DeliveryResult | Promise<DeliveryResult>;

/** A Slack-like channel: reaches people with a slackUserId and the local ARR channel; records sends. */
export class RecordingChannel implements DeliveryChannel {
  readonly name = "slack" as const;
  readonly sent: Sent[] = [];
  readonly attempts: Array<{ at: Date; ok: boolean }> = [];
  behaviour: Behaviour = () => ({ ok: true, ref: "ts" });

  constructor(
    private readonly clock: () => Date,
    private readonly log: Sent[] = [],
    /** Also told about every send (e.g. to write it where another process can read it). */
    private readonly onSend?: (sent: Sent) => void,
  ) {}

  canReach(person: Person): boolean {
    return person.slackUserId !== null;
  }

  hasArrChannel(workspace: Workspace): boolean {
    return workspace.platform === "local";
  }

  private async deliver(target: { person?: Person; workspace?: Workspace }, message: Message): Promise<DeliveryResult> {
    // Yield to the event loop so two dispatchers on one database really interleave.
    await new Promise((resolve) => setImmediate(resolve));
    const result = await this.behaviour(target, this.attempts.length + 1);
    this.attempts.push({ at: this.clock(), ok: result.ok });
    if (result.ok) {
      const sent: Sent = {
        at: this.clock(),
        personId: target.person?.id ?? null,
        workspaceId: target.workspace?.id ?? null,
        summary: message.summary,
        fingerprint: `${target.person?.id ?? target.workspace?.id}:${JSON.stringify(message.blocks)}`,
        message,
      };
      this.sent.push(sent);
      this.log.push(sent);
      this.onSend?.(sent);
    }
    return result;
  }

  sendToPerson(person: Person, message: Message): Promise<DeliveryResult> {
    return this.deliver({ person }, message);
  }

  sendToArr(workspace: Workspace, message: Message): Promise<DeliveryResult> {
    return this.deliver({ workspace }, message);
  }
}

export const oslo = (date: string, time = "08:00"): Date => {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return instantAt(date, h, m, "Europe/Oslo");
};

export interface World {
  tmp: TempDb;
  ctx: AppContext;
  clock: { now: Date };
  slack: RecordingChannel;
  services: Services;
  scheduler: Scheduler;
  person(key: string, extra?: Partial<Pick<Person, "leaderId" | "roles" | "jurisdiction" | "timeZone" | "slackUserId" | "locale">>): Promise<Person>;
  /** Runs the scheduler at every moment something is due up to `target` (and at `target`). */
  advanceTo(target: Date): Promise<void>;
  /** A person does something in chat at the current time. */
  act(person: Person, command: Command): Promise<Message[]>;
  dispose(): Promise<void>;
}

export interface Instance {
  opened: OpenedDb;
  ctx: AppContext;
  services: Services;
  scheduler: Scheduler;
  slack: RecordingChannel;
}

/** Another process on the same database: its own connection, services and scheduler. */
export async function instanceOn(url: string, clock: { now: Date }, log: Sent[] = [], settings?: SchedulerSettings, onSend?: (sent: Sent) => void, dispatch?: ServiceOptions["dispatch"]): Promise<Instance> {
  const opened = await openDatabase(url);
  const ctx: AppContext = { config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent" }), db: opened.db, logger: createLogger("silent"), clock: () => clock.now };
  const slack = new RecordingChannel(() => clock.now, log, onSend);
  const services = createServices(ctx, { platformChannels: [slack], settings: settings ?? defaultSchedulerSettings("Europe/Oslo"), ...(dispatch ? { dispatch } : {}) });
  return { opened, ctx, services, scheduler: services.scheduler, slack };
}

export async function createWorld(start: Date, settings?: SchedulerSettings): Promise<World> {
  const tmp = await createTempDb();
  const clock = { now: start };
  const ctx: AppContext = { config: loadConfig({ DATABASE_URL: tmp.url, LOG_LEVEL: "silent" }), db: tmp.db, logger: createLogger("silent"), clock: () => clock.now };
  const slack = new RecordingChannel(() => clock.now);
  const services = createServices(ctx, { platformChannels: [slack], settings: settings ?? defaultSchedulerSettings("Europe/Oslo") });
  const { scheduler } = services;
  let n = 0;
  const world: World = {
    tmp,
    ctx,
    clock,
    slack,
    services,
    scheduler,
    async person(key, extra = {}) {
      n += 1;
      return tmp.db.person.create({
        data: { email: `${key}@firma.test`, name: key[0]!.toUpperCase() + key.slice(1), locale: "en", timeZone: "Europe/Oslo", jurisdiction: "NO", slackUserId: `U${n}`, ...extra },
      });
    },
    async advanceTo(target) {
      for (let guard = 0; guard < 2000; guard++) {
        const next = await tmp.db.outbox.findFirst({ where: { status: "pending", dueAt: { lte: target } }, orderBy: { dueAt: "asc" }, select: { dueAt: true } });
        if (!next) break;
        if (next.dueAt.getTime() > clock.now.getTime()) clock.now = next.dueAt;
        await scheduler.tick(clock.now);
      }
      if (target.getTime() > clock.now.getTime()) clock.now = target;
      await scheduler.tick(clock.now);
    },
    act(person, command) {
      return services.conversation.handle(person, command, "console");
    },
    async dispose() {
      await scheduler.stop();
      await tmp.dispose();
    },
  };
  await scheduler.tick(start);
  return world;
}

/** Sends whose summary mentions `text`, as "recipientId@ISO". */
export function sendsAbout(sent: Sent[], text: string): string[] {
  return sent.filter((s) => s.summary.includes(text)).map((s) => `${s.personId ?? "arr"}@${s.at.toISOString()}`);
}
