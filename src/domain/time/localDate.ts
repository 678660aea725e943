// Calendar dates without a time of day ("2026-01-05"), as the law counts them.
// Internally a date is the number of days since 1970-01-01 (an "epoch day"):
// the milestone engine adds and compares hundreds of thousands of dates per
// second, and integers keep that exact and free of time-zone and DST effects.
// Converting an instant to the user's local date happens at the edges
// (see src/domain/time/zone.ts), never in here.

export type IsoDate = string; // YYYY-MM-DD
export type EpochDay = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD strictly (real calendar dates only); undefined when invalid. */
export function parseIsoDate(text: string): EpochDay | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

/** Parses a date known to be valid; throws otherwise (for trusted data). */
export function toEpochDay(text: IsoDate): EpochDay {
  const day = parseIsoDate(text);
  if (day === undefined) throw new RangeError(`Not a valid date: ${text}`);
  return day;
}

export function toIsoDate(day: EpochDay): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(toEpochDay(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: EpochDay): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(day: EpochDay): boolean {
  return weekdayOf(day) >= 6;
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
