// When the periodic jobs are due: "every day at 03:00" and "Mondays at 08:00" in a
// time zone, as instants. A job runs for the latest slot that has begun and records
// the next one, so a process that was down catches up once instead of never or twice.
import { DateTime } from "luxon";
import type { IsoDate } from "../time/localDate.js";

export interface Slot {
  /** The latest slot that has begun (≤ now). */
  current: Date;
  /** Its local date (e.g. the Monday of a weekly slot). */
  date: IsoDate;
  /** The next slot (> now). */
  next: Date;
}

function at(dt: DateTime, minute: number): DateTime {
  return dt.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 });
}

/** Daily at `minute` after local midnight. */
export function dailySlot(now: Date, zone: string, minute: number): Slot {
  const local = DateTime.fromJSDate(now, { zone });
  let current = at(local.startOf("day"), minute);
  if (current.toMillis() > now.getTime()) current = at(local.startOf("day").minus({ days: 1 }), minute);
  const next = at(current.startOf("day").plus({ days: 1 }), minute);
  return { current: current.toJSDate(), date: current.toISODate()!, next: next.toJSDate() };
}

/** Weekly on ISO `weekday` (1 = Monday) at `minute` after local midnight. */
export function weeklySlot(now: Date, zone: string, weekday: number, minute: number): Slot {
  const local = DateTime.fromJSDate(now, { zone });
  const back = (local.weekday - weekday + 7) % 7;
  let current = at(local.startOf("day").minus({ days: back }), minute);
  if (current.toMillis() > now.getTime()) current = at(current.startOf("day").minus({ days: 7 }), minute);
  const next = at(current.startOf("day").plus({ days: 7 }), minute);
  return { current: current.toJSDate(), date: current.toISODate()!, next: next.toJSDate() };
}
