// The hooks of the outbox dispatcher (built by the composition root for every process):
// reminders wait for the recipient's working hours, a person no channel can reach is
// reported to HR (in the refusing channel's words when it has them), and a sent
// dialogue reminder is counted on its session.
import type { Outbox, Person } from "../../generated/prisma/client.js";
import { WORKING_TIME_KINDS, asJurisdiction, nextWorkingInstant, reminderKeys, type ReminderSettings } from "../../domain/reminders/index.js";
import { localDateOf } from "../../domain/time/zone.js";
import type { AppContext } from "../context.js";
import type { DispatchOptions } from "../notify/dispatch.js";
import type { ChannelName, ChannelRegistry } from "../notify/channels.js";
import { enqueue, payloadOf, type NotificationPayload } from "../notify/outbox.js";
import type { ReminderPlanner } from "./planner.js";
import type { KindPayload } from "../notify/kinds/index.js";

export interface DeliveryHookDeps {
  ctx: AppContext;
  settings: ReminderSettings;
  planner: ReminderPlanner;
  channels: ChannelRegistry;
  /** Asks for another delivery round soon (a notice enqueued during a round goes out in the next). */
  kick: () => void;
}

export function reminderDeliveryHooks({ ctx, settings, planner, channels, kick }: DeliveryHookDeps): Pick<DispatchOptions, "deferUntil" | "onUnreachable" | "onSent" | "onFallback"> {
  /** One notice per person, HR admin and day, whatever number of messages failed. */
  const tellHr = async (person: Person, reason: string, refusedBy: ChannelName[], platformError?: string) => {
    const now = ctx.clock();
    const hrs = (await planner.hrAdmins()).filter((h) => h.id !== person.id);
    if (hrs.length === 0) ctx.logger.warn({ personId: person.id }, "unreachable person and no HR admin to tell");
    // The channel that refused may say it better ("has removed the app from Teams").
    const own = refusedBy.map((name) => channels.get(name)).find((c) => c?.unreachableNotice);
    const payload: NotificationPayload = own?.unreachableNotice
      ? own.unreachableNotice({ id: person.id, unreachableReason: platformError ?? reason })
      : { template: "unreachable_notice", params: { personId: person.id, reason: reason.slice(0, 300), channels: refusedBy } } satisfies KindPayload;
    for (const hr of hrs) {
      await enqueue(ctx.db, {
        key: reminderKeys.unreachable(person.id, localDateOf(now, hr.timeZone), hr.id),
        kind: payload.template === "unreachable_notice" ? "unreachable_notice" : payload.template,
        recipientId: hr.id,
        payload,
        dueAt: now,
      });
    }
    if (hrs.length > 0) kick();
  };
  return {
    // A retry, a catch-up after downtime or a late tick must not nudge anyone at 03:00 or on Easter Monday.
    deferUntil(row, recipient, now) {
      if (recipient.kind !== "person" || !WORKING_TIME_KINDS.includes(row.kind)) return undefined;
      const person = recipient.person;
      const next = nextWorkingInstant(now, person.timeZone, asJurisdiction(person.jurisdiction), settings.workingHours);
      return next.getTime() > now.getTime() ? next : undefined;
    },

    async onUnreachable(person: Person, row: Outbox) {
      // Report once per spell (the dispatcher passes the person as they were before this failure),
      // and never about an HR notice itself.
      if (person.unreachableSince || row.kind === "unreachable_notice") return;
      const fresh = await ctx.db.person.findUnique({ where: { id: person.id }, select: { unreachableReason: true } });
      await tellHr(person, fresh?.unreachableReason ?? "", []);
    },

    // Slack or Teams refused and the message only landed in the console inbox, which a person
    // on a platform never reads: as good as unreachable, so HR hears about it too.
    async onFallback(person, row, unreachableIn, sentVia) {
      if (sentVia !== "console" || row.kind === "unreachable_notice" || row.kind === "teams_unreachable") return;
      const fresh = await ctx.db.person.findUnique({ where: { id: person.id }, select: { unreachableReason: true } });
      await tellHr(person, unreachableIn.join(", "), unreachableIn, fresh?.unreachableReason ?? undefined);
    },

    async onSent(row: Outbox) {
      if (row.kind !== "dialogue_reminder") return;
      const params = payloadOf(row).params;
      // The count of this pause (saveSession sets it back to 0 on activity).
      await ctx.db.dialogueSession.updateMany({
        where: { id: String(params.sessionId), status: "active", remindersSent: { lt: Number(params.n) } },
        data: { remindersSent: Number(params.n) },
      });
    },
  };
}
