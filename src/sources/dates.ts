/**
 * Date pieces the list parsers share. Each list writes dates its own way, so each parser keeps its
 * own patterns; what they have in common is checking that a day exists, the month words, and the
 * ISO shapes (`YYYY-MM-DD`, `YYYY-MM`) of the PartialDates they produce.
 */
import type { PartialDate } from '../kb/model';

/** English month abbreviations, January first: index + 1 is the month number. */
export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** English month names and their abbreviations as the lists write them ("Nov.", "Sept", "August"). */
const MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
    .flatMap((month, i): [string, number][] => [[month, i + 1], [month.slice(0, 3), i + 1]]),
  ['sept', 9],
]);

/** A month or day number as two digits ("7" → "07"). */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Whether the numbers name a real calendar day (31 Feb does not). Years 0–99 are refused, since
 * Date.UTC reads them as 1900–1999.
 */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** The number of days in a month (1–12) of a year: day 0 of the next month is its last day. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The ISO day a value starts with, if it is a real calendar day: "2026-02-27T00:00:09.554Z" and
 * "2015-04-07-04:00" (an XML date with a zone offset) give their day.
 */
export function isoDayPrefix(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(value.trim());
  if (!match) return undefined;
  return isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) ? match[0] : undefined;
}

/** "Sep.", "Sept", "September" → 9; anything else undefined. */
export function monthNumber(value: string): number | undefined {
  const match = /^([A-Za-z]+)\.?$/.exec(value.trim());
  return match ? MONTH_WORDS.get(match[1]!.toLowerCase()) : undefined;
}

/** "Nov. 1973", "August 1961" → month dates; anything else undefined. */
export function parseMonthYear(value: string): PartialDate | undefined {
  const match = /^([A-Za-z]+\.?)\s+(\d{4})$/.exec(value.trim());
  const month = match ? monthNumber(match[1]!) : undefined;
  return match && month !== undefined ? { kind: 'month', date: `${match[2]}-${pad2(month)}` } : undefined;
}

/** The dates without repeats, first occurrence kept, in order. */
export function uniqueDates(dates: PartialDate[]): PartialDate[] {
  const seen = new Set<string>();
  return dates.filter((date) => {
    const key = JSON.stringify(date);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
