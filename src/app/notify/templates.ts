// The renderer the dispatcher uses: which language a row is rendered in and the environment
// a kind's render gets. The kinds themselves (payload, planner, render) are in
// src/app/notify/kinds/, one module each.
import type { Message } from "../../domain/messages/model.js";
import { translator, type Locale } from "../../i18n/index.js";
import type { Outbox, Person } from "../../generated/prisma/client.js";
import type { AppContext } from "../context.js";
import { peopleByIds } from "../../db/rows.js";
import { todayFor } from "../people.js";
import { localeFor } from "../locale.js";
import { workspaceLocale } from "../workspaces.js";
import type { NotificationRenderer } from "./dispatch.js";
import type { NotificationPayload } from "./outbox.js";

type Params = Record<string, unknown>;
type Env = {
  ctx: AppContext;
  t: ReturnType<typeof translator>;
  locale: Locale;
  today: string;
  /** A person by id; the look-ups of a batch rendering side by side become one query. */
  person(id: string): Promise<Person | null>;
};
export type TemplateEnv = Env;
/** `row` is the outbox row being sent (templates that need its time or key read it). */
export type Template = (env: Env, params: Params, recipient: Person | null, row?: Outbox) => Promise<Message | null>;

/** Every kind's render behind its payload schema, by kind (built by notificationRegistry, src/app/notify/kind.ts). */
export type TemplateRegistry = Readonly<Record<string, Template>>;

/**
 * The renderer the dispatcher uses: a person's own language, or the workspace default for ARR.
 * `templates` is every kind the process knows, built once by the composition root.
 */
export function createNotificationRenderer(ctx: AppContext, templates: TemplateRegistry, arrLocale: Locale = "nb"): NotificationRenderer {
  const load = personLoader(ctx);
  const translators = new Map<Locale, ReturnType<typeof translator>>();
  const t = (locale: Locale) => {
    let fixed = translators.get(locale);
    if (!fixed) translators.set(locale, (fixed = translator(locale)));
    return fixed;
  };
  return async (payload: NotificationPayload, recipient, row) => {
    const template = Object.hasOwn(templates, payload.template) ? templates[payload.template] : undefined;
    if (!template) throw new Error(`Unknown notification template ${payload.template}`);
    const person = recipient.kind === "person" ? recipient.person : null;
    // A person reads their own language; the ARR channel the language its workspace chose.
    const locale = person ? await localeFor(ctx.db, person) : recipient.kind === "arr" ? workspaceLocale(recipient.workspace, arrLocale) : arrLocale;
    const today = person ? todayFor(person, ctx.clock()) : todayFor({ timeZone: ctx.config.TZ_DEFAULT }, ctx.clock());
    return template({ ctx, t: t(locale), locale, today, person: load }, payload.params, person, row);
  };
}

/**
 * Loads people by id, one findMany for all the ids asked for before the event loop turns
 * (a dispatch batch renders its rows side by side). Nothing is kept after that: every
 * batch reads the rows as they are.
 */
function personLoader(ctx: AppContext): (id: string) => Promise<Person | null> {
  let waiting: Map<string, Array<{ resolve(p: Person | null): void; reject(e: unknown): void }>> | undefined;
  const run = async (batch: NonNullable<typeof waiting>) => {
    try {
      const found = new Map((await peopleByIds(ctx.db, [...batch.keys()])).map((p) => [p.id, p]));
      for (const [id, waiters] of batch) for (const w of waiters) w.resolve(found.get(id) ?? null);
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  };
  return (id) =>
    new Promise((resolve, reject) => {
      if (!waiting) {
        const batch = new Map<string, Array<{ resolve(p: Person | null): void; reject(e: unknown): void }>>();
        waiting = batch;
        setImmediate(() => {
          waiting = undefined;
          void run(batch);
        });
      }
      const waiters = waiting.get(id);
      if (waiters) waiters.push({ resolve, reject });
      else waiting.set(id, [{ resolve, reject }]);
    });
}
