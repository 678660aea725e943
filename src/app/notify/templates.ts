// The renderer the dispatcher uses: which language a row is rendered in and the environment
// a kind's render gets. The kinds themselves (payload, planner, render) are in
// src/app/notify/kinds/, one module each.
import type { Message } from "../../domain/messages/model.js";
import { translator, type Locale } from "../../i18n/index.js";
import type { Outbox, Person } from "../../generated/prisma/client.js";
import type { AppContext } from "../context.js";
import { todayFor } from "../people.js";
import { localeFor } from "../locale.js";
import { workspaceLocale } from "../workspaces.js";
import type { NotificationRenderer } from "./dispatch.js";
import type { NotificationPayload } from "./outbox.js";

type Params = Record<string, unknown>;
type Env = { ctx: AppContext; t: ReturnType<typeof translator>; locale: Locale; today: string };
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
  return async (payload: NotificationPayload, recipient, row) => {
    const template = Object.hasOwn(templates, payload.template) ? templates[payload.template] : undefined;
    if (!template) throw new Error(`Unknown notification template ${payload.template}`);
    const person = recipient.kind === "person" ? recipient.person : null;
    // A person reads their own language; the ARR channel the language its workspace chose.
    const locale = person ? await localeFor(ctx.db, person) : recipient.kind === "arr" ? workspaceLocale(recipient.workspace, arrLocale) : arrLocale;
    const today = person ? todayFor(person, ctx.clock()) : todayFor({ timeZone: ctx.config.TZ_DEFAULT }, ctx.clock());
    return template({ ctx, t: translator(locale), locale, today }, payload.params, person, row);
  };
}
