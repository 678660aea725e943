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

/**
 * For a date that is well-formed but does not exist ("2026-02-31"): the month, the year and how
 * many days the month has, so the person can be told "February has 28 days in 2026".
 */
export function impossibleDay(year: number, month: number, day: number): { year: number; month: number; days: number } | undefined {
  if (!Number.isInteger(year) || year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > days ? { year, month, days } : undefined;
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

/** The last Monday–Friday on or before `day` (public holidays are not considered). */
export function lastWeekdayOnOrBefore(day: EpochDay): EpochDay {
  const weekday = weekdayOf(day);
  return weekday <= 5 ? day : day - (weekday - 5);
}

/**
 * Steps `count` Monday–Friday days forward from `day` (public holidays are not skipped):
 * count 1 from a Friday gives the next Monday. A weekend start counts from the Friday before,
 * so count 0 gives lastWeekdayOnOrBefore(day). O(1): benefit schemes count 5 days a week,
 * and this runs once per case per scheduler pass.
 */
export function addWeekdays(day: EpochDay, count: number): EpochDay {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Weekday count must be a non-negative integer: ${count}`);
  const from = lastWeekdayOnOrBefore(day);
  const offsetInWeek = weekdayOf(from) - 1; // 0 = Monday … 4 = Friday
  const rest = count % 5;
  return from + Math.floor(count / 5) * 7 + rest + (offsetInWeek + rest >= 5 ? 2 : 0);
}

/** The last calendar day of the month that `day` falls in. */
export function lastDayOfMonth(day: EpochDay): EpochDay {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / MS_PER_DAY;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/**
 * Epoch day of a calendar date given as numbers (month 1–12), or undefined when the date does not
 * exist. Pure integer arithmetic (the proleptic Gregorian "days from civil" formula), no Date
 * object: for hot loops that parse many dates.
 */
export function epochDayFromParts(year: number, month: number, day: number): EpochDay | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Count years from March so the leap day is the last day of the counting year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
