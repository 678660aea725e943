// One notification kind: its zod-typed payload (what the planner or a use case puts in an
// outbox row, checked again when the row is rendered), what plans it, and its render.
// defineNotification infers the payload's type from the schema, so each render reads a
// typed payload. The composition root builds the registry from the list in kinds/index.ts.
import type { z } from "zod";
import type { Message } from "../../domain/messages/model.js";
import type { Outbox, Person } from "../../generated/prisma/client.js";
import type { Template, TemplateEnv, TemplateRegistry } from "./templates.js";

/**
 * What creates rows of this kind: the pure reminder planner (src/domain/reminders/plan.ts;
 * the dispatcher asks it whether the row is still wanted before rendering), or a named use case.
 */
export type Planned = "reminder-planner" | `use case ${string}`;

export type PayloadSchema = z.ZodType<Record<string, unknown>>;

export interface NotificationKind<K extends string = string, S extends PayloadSchema = PayloadSchema> {
  readonly kind: K;
  /** Loose: a newer writer may add a field an older reader ignores. */
  readonly payload: S;
  readonly planned: Planned | readonly Planned[];
  /** `row` is the outbox row being sent; null when what it would show is gone. */
  render(env: TemplateEnv, payload: z.output<S>, recipient: Person | null, row?: Outbox): Promise<Message | null>;
}

export function defineNotification<const K extends string, S extends PayloadSchema>(def: NotificationKind<K, S>): NotificationKind<K, S> {
  return Object.freeze(def);
}

/** A render behind its payload's schema: a payload that does not fit is an error (the row is parked with it). */
function typed(n: NotificationKind): Template {
  return async (env, params, recipient, row) => {
    const parsed = n.payload.safeParse(params);
    if (!parsed.success) throw new Error(`bad ${n.kind} payload: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    return n.render(env, parsed.data, recipient, row);
  };
}

/** The registry the dispatcher renders with; a kind defined twice fails at start. */
export function notificationRegistry(list: readonly NotificationKind[]): TemplateRegistry {
  const templates: Record<string, Template> = {};
  for (const n of list) {
    if (Object.hasOwn(templates, n.kind)) throw new Error(`notification kind ${n.kind} is defined twice (src/app/notify/kinds/)`);
    templates[n.kind] = typed(n);
  }
  return Object.freeze(templates);
}
