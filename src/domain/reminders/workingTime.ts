// Working time of a recipient: which calendar days are working days in their
// jurisdiction (no weekends, no public holidays) and which instants fall inside
// their working hours in their own time zone. Holidays come from date-holidays
// (a static table, no I/O); DST is luxon's business (src/domain/time/zone.ts).
import { createRequire } from "node:module";
import type Holidays from "date-holidays";
import { DateTime } from "luxon";
import { isWeekend, toEpochDay, toIsoDate, type EpochDay, type IsoDate } from "../time/localDate.js";
import { instantAt } from "../time/zone.js";

export type HolidayJurisdiction = "NO" | "DK" | "SE";

/**
 * date-holidays types that close the workplace. Sweden also closes on julafton,
 * midsommarafton and nyårsafton (typed "bank": semesterlagen treats them like Sundays);
 * Norway's julaften/nyttårsaften are ordinary (half) working days.
 */
export const CLOSED_HOLIDAY_TYPES: Record<HolidayJurisdiction, readonly string[]> = {
  NO: ["public"],
  DK: ["public"],
  SE: ["public", "bank"],
};

export interface WorkingHours {
  /** Minutes after local midnight when sending may start (08:00 = 480). */
  startMinute: number;
  /** Minutes after local midnight when sending must stop (exclusive; 16:00 = 960). */
  endMinute: number;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { startMinute: 8 * 60, endMinute: 16 * 60 };

/** "08:00-16:00" → WorkingHours; undefined when malformed or empty. */
export function parseWorkingHours(text: string): WorkingHours | undefined {
  const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  if (Number(m[2]) > 59 || Number(m[4]) > 59 || start >= end || end > 24 * 60) return undefined;
  return { startMinute: start, endMinute: end };
}

export function asJurisdiction(value: string | null | undefined): HolidayJurisdiction {
  return value === "DK" || value === "SE" ? value : "NO";
}

// Loaded on first use (synchronously, its CommonJS build): its tables and calendars are
// about a hundred modules, which CLI commands that never ask about a holiday need not load.
const loadHolidays = (): typeof Holidays => createRequire(import.meta.url)("date-holidays") as typeof Holidays;

const holidayTables = new Map<HolidayJurisdiction, Holidays>();
const closedDays = new Map<string, ReadonlySet<IsoDate>>();

/** The closed holidays of one year, computed once per jurisdiction and year. */
export function holidaysOf(jurisdiction: HolidayJurisdiction, year: number): ReadonlySet<IsoDate> {
  const cacheKey = `${jurisdiction}:${year}`;
  const cached = closedDays.get(cacheKey);
  if (cached) return cached;
  let table = holidayTables.get(jurisdiction);
  if (!table) {
    table = new (loadHolidays())(jurisdiction);
    holidayTables.set(jurisdiction, table);
  }
  const closed = CLOSED_HOLIDAY_TYPES[jurisdiction];
  const days = new Set<IsoDate>();
  for (const holiday of table.getHolidays(year) || []) {
    if (closed.includes(holiday.type)) days.add(holiday.date.slice(0, 10));
  }
  closedDays.set(cacheKey, days);
  return days;
}

export function isPublicHoliday(date: IsoDate, jurisdiction: HolidayJurisdiction): boolean {
  return holidaysOf(jurisdiction, Number(date.slice(0, 4))).has(date);
}

// The planner asks these questions tens of times per person and every scheduler pass may
// plan thousands of persons, so days are epoch-day integers here and answers are cached.
const closedByJurisdiction = new Map<HolidayJurisdiction, Map<EpochDay, boolean>>();

function isClosed(day: EpochDay, jurisdiction: HolidayJurisdiction): boolean {
  let cache = closedByJurisdiction.get(jurisdiction);
  if (!cache) closedByJurisdiction.set(jurisdiction, (cache = new Map()));
  let closed = cache.get(day);
  if (closed === undefined) {
    const date = toIsoDate(day);
    closed = isWeekend(day) || holidaysOf(jurisdiction, Number(date.slice(0, 4))).has(date);
    cache.set(day, closed);
  }
  return closed;
}

export function isWorkingDay(date: IsoDate, jurisdiction: HolidayJurisdiction): boolean {
  return !isClosed(toEpochDay(date), jurisdiction);
}

/** Longest run of closed days we step over (Easter plus a weekend is 5); a guard, not a rule. */
const MAX_STEPS = 31;

function toWorkingDay(day: EpochDay, direction: 1 | -1, jurisdiction: HolidayJurisdiction): EpochDay {
  let d = day;
  for (let i = 0; i < MAX_STEPS && isClosed(d, jurisdiction); i++) d += direction;
  return d;
}

/** The date itself if it is a working day, else the last working day before it. */
export function workingDayOnOrBefore(date: IsoDate, jurisdiction: HolidayJurisdiction): IsoDate {
  return toIsoDate(toWorkingDay(toEpochDay(date), -1, jurisdiction));
}

/** The date itself if it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(date: IsoDate, jurisdiction: HolidayJurisdiction): IsoDate {
  return toIsoDate(toWorkingDay(toEpochDay(date), 1, jurisdiction));
}

/**
 * Steps `count` working days from `date` (negative: backwards). From a closed day the
 * first step lands on the nearest working day in that direction.
 */
export function addWorkingDays(date: IsoDate, count: number, jurisdiction: HolidayJurisdiction): IsoDate {
  const step = count < 0 ? -1 : 1;
  let day = toEpochDay(date);
  for (let left = Math.abs(count); left > 0; left--) day = toWorkingDay(day + step, step, jurisdiction);
  return toIsoDate(day);
}

function minutesOfDay(instant: Date, zone: string): number {
  const dt = DateTime.fromJSDate(instant, { zone });
  return dt.hour * 60 + dt.minute;
}

/** Local date and minute of the day of an instant, with one zone conversion. */
function localParts(instant: Date, zone: string): { date: IsoDate; minute: number } {
  const dt = DateTime.fromJSDate(instant, { zone });
  if (!dt.isValid) throw new RangeError(`Unknown time zone: ${zone}`);
  return { date: dt.toISODate()!, minute: dt.hour * 60 + dt.minute };
}

const instants = new Map<string, number>();

/** The instant of a local time of day (minutes after midnight) on a date in a zone. */
export function instantOfMinute(date: IsoDate, minute: number, zone: string): Date {
  // luxon's zone arithmetic is the expensive part of planning: remember the answers.
  const key = `${zone}|${date}|${minute}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    if (instants.size > 50_000) instants.clear();
    ms = instantAt(date, Math.floor(minute / 60), minute % 60, zone).getTime();
    instants.set(key, ms);
  }
  return new Date(ms);
}

/** The start of the working window on a date, in the recipient's zone. */
export function windowStart(date: IsoDate, zone: string, hours: WorkingHours = DEFAULT_WORKING_HOURS): Date {
  return instantOfMinute(date, hours.startMinute, zone);
}

export function isWithinWorkingTime(instant: Date, zone: string, jurisdiction: HolidayJurisdiction, hours: WorkingHours = DEFAULT_WORKING_HOURS): boolean {
  const { date, minute } = localParts(instant, zone);
  return isWorkingDay(date, jurisdiction) && minute >= hours.startMinute && minute < hours.endMinute;
}

/** `instant` if it is inside working time, else the start of the next working window. */
export function nextWorkingInstant(instant: Date, zone: string, jurisdiction: HolidayJurisdiction, hours: WorkingHours = DEFAULT_WORKING_HOURS): Date {
  const { date: today, minute } = localParts(instant, zone);
  if (isWorkingDay(today, jurisdiction) && minute >= hours.startMinute && minute < hours.endMinute) return instant;
  const beforeWindow = minute < hours.startMinute;
  const day = toIsoDate(toWorkingDay(toEpochDay(today) + (beforeWindow ? 0 : 1), 1, jurisdiction));
  return windowStart(day, zone, hours);
}

/**
 * A local time of day on a date, kept inside the working window: `minute` itself when it
 * falls in [start, end), else the window start (nobody is nudged at 21:00 or 06:00).
 */
export function workingInstantOn(date: IsoDate, minute: number, zone: string, hours: WorkingHours = DEFAULT_WORKING_HOURS): Date {
  const clamped = minute < hours.startMinute ? hours.startMinute : minute >= hours.endMinute ? hours.startMinute : minute;
  return instantOfMinute(date, clamped, zone);
}

/** Local minutes after midnight of an instant (for keeping a time of day across days). */
export function localMinuteOf(instant: Date, zone: string): number {
  return minutesOfDay(instant, zone);
}
