// Instants to local calendar dates and back, in a person's IANA time zone.
// luxon carries the tz database logic (DST gaps and overlaps) so we do not.
import { DateTime } from "luxon";
import type { IsoDate } from "./localDate.js";

export const DEFAULT_TIME_ZONE = "Europe/Oslo";

export function isValidTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** The calendar date it is at `instant` in `zone`. */
export function localDateOf(instant: Date, zone: string): IsoDate {
  const dt = DateTime.fromJSDate(instant, { zone });
  if (!dt.isValid) throw new RangeError(`Unknown time zone: ${zone}`);
  return dt.toISODate()!;
}

/** The instant of a local wall-clock time; a time skipped by DST moves forward like a clock would. */
export function instantAt(date: IsoDate, hour: number, minute: number, zone: string): Date {
  const dt = DateTime.fromISO(date, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
  if (!dt.isValid) throw new RangeError(`Invalid local time ${date} ${hour}:${minute} in ${zone}`);
  return dt.toJSDate();
}

/** Local hour and minute of an instant in a zone. */
export function localTimeOf(instant: Date, zone: string): { hour: number; minute: number } {
  const dt = DateTime.fromJSDate(instant, { zone });
  return { hour: dt.hour, minute: dt.minute };
}
