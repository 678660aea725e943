// Small helpers the kinds' renders share.
import { z } from "zod";
import type { Message } from "../../../domain/messages/model.js";
import type { IsoDate } from "../../../domain/time/localDate.js";
import { daysBetween } from "../../../domain/time/localDate.js";
import { formatDate } from "../../../i18n/index.js";
import type { Person } from "../../../generated/prisma/client.js";
import type { TemplateEnv } from "../templates.js";

export const id = z.string().min(1);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DAY_MS = 86_400_000;

export const dateText = (env: TemplateEnv, iso: string) => formatDate(iso, env.locale);

export function text(value: string, style?: "heading" | "muted" | "warning" | "success"): Message["blocks"][number] {
  return style ? { kind: "text", text: value, style } : { kind: "text", text: value };
}

export async function personById(env: TemplateEnv, id: unknown): Promise<Person | null> {
  return typeof id === "string" ? env.person(id) : null;
}

export function dueLine(env: TemplateEnv, due: IsoDate): string {
  const days = daysBetween(env.today, due);
  const date = dateText(env, due);
  if (days > 0) return env.t("reminders:nudge.dueIn", { count: days, date });
  if (days === 0) return env.t("reminders:nudge.dueToday", { date });
  return env.t("reminders:nudge.overdue", { count: -days, date });
}
