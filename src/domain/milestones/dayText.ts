// ISO text <-> epoch day for the engine's hot path. Every scheduler pass converts a few
// dates per period in and a dozen per case out; parsing without regex/Date and memoising
// the output strings keeps that from dominating the run time and the garbage.
import { epochDayFromParts, toIsoDate, type EpochDay } from "../time/localDate.js";

const ZERO = 48; // "0"
const DASH = 45; // "-"

function digit(text: string, index: number): number {
  const d = text.charCodeAt(index) - ZERO;
  return d >= 0 && d <= 9 ? d : NaN;
}

/** Parses "YYYY-MM-DD" (real dates only) without allocating; throws RangeError otherwise. */
export function parseDay(text: string): EpochDay {
  if (text.length === 10 && text.charCodeAt(4) === DASH && text.charCodeAt(7) === DASH) {
    const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
    const month = digit(text, 5) * 10 + digit(text, 6);
    const day = digit(text, 8) * 10 + digit(text, 9);
    // NaN from a non-digit fails the integer checks in epochDayFromParts.
    const epochDay = epochDayFromParts(year, month, day);
    if (epochDay !== undefined) return epochDay;
  }
  throw new RangeError(`Not a valid date: ${text}`);
}

const FIRST = -25_567; // 1900-01-01
const LAST = 84_005; // 2199-12-31
// Filled up front so the array stays a flat, fast-element array (~0.9 MB of slots).
const cache: (string | undefined)[] = new Array<string | undefined>(LAST - FIRST + 1).fill(undefined);

/** toIsoDate, memoised for 1900–2199. */
export function isoText(day: EpochDay): string {
  if (day < FIRST || day > LAST) return toIsoDate(day);
  const index = day - FIRST;
  let text = cache[index];
  if (text === undefined) {
    text = toIsoDate(day);
    cache[index] = text;
  }
  return text;
}
