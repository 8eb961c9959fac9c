/**
 * Dates as the DFAT Consolidated List writes them: date cells, bare years, and free text in many
 * shapes ("a) 22/08/1986; b) 28/08/1986", "Approximately 1960", "12 Jan. 1961", "Listed on …").
 */
import type { PartialDate } from '../kb/model';
import { splitLettered, textOf } from './australia-dfat-cells';
import { MONTH_ABBREVIATIONS, isCalendarDay, pad2 } from './dates';
import type { XlsxCell } from './xlsx';
import { excelSerialToIso } from './xlsx-styles';

/** "Jan.", "January", "Sept", "June." — matched on the first three letters. */
const MONTH = '([A-Za-z]{3,9})\\.?';

/** "listed … on <date>", where "…" may hold closed brackets ("Listed by UN (1267 Committee) on …") but not open one. */
const LISTED_ON = new RegExp(`\\b(?:listed|designated)\\b(?:[^()]|\\([^()]*\\))*?\\bon:?\\s*(\\d{1,2}\\s*${MONTH},?\\s*\\d{4}|\\d{1,2}/\\d{1,2}/\\d{4})`, 'i');

/** An ISO day from a date cell, or from text written the DFAT way (day first). */
export function dateOf(cell: XlsxCell): string | undefined {
  if (typeof cell === 'number') return excelSerialToIso(cell);
  const text = textOf(cell);
  if (!text) return undefined;
  const date = parseSingleDate(text);
  return date?.kind === 'day' ? date.date : undefined;
}

/**
 * The first listing date in Listing Information: "Listed on 9 Sep. 2003 (relisted …)", "Listed by
 * UN 1267 Committee on 25 January 2001", "Designated under the … Regulations 2011 on 21 March 2014",
 * "The Minister for Foreign Affairs listed this entity on 9 December 2001"; or a date cell. Instrument
 * names ("… Amendment Instrument 2023") carry no day and give no date.
 */
export function listedOnOf(cell: XlsxCell): string | undefined {
  if (typeof cell === 'number') return excelSerialToIso(cell);
  const text = textOf(cell);
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const match = LISTED_ON.exec(text);
  const date = match ? parseSingleDate(match[1]!) : undefined;
  return date?.kind === 'day' ? date.date : undefined;
}

/**
 * Date of Birth as partial dates. A date cell is a day; a number is a year (or, rarely, a date serial
 * without a date format); text is split into its alternatives ("a) … b) …", ";", " or ", "alt DOB:")
 * and each is read; an alternative that fits no pattern is kept as text, never guessed at.
 */
export function parseBirthDates(cell: XlsxCell): PartialDate[] {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1800 && cell <= 2100) return [{ kind: 'year', year: cell }];
    const iso = excelSerialToIso(cell);
    return iso ? [{ kind: 'day', date: iso }] : [{ kind: 'text', text: String(cell) }];
  }
  const text = textOf(cell);
  if (!text) return [];
  const alternatives = splitLettered(text)
    .flatMap((item) => item.split(/\s*(?:;|\bor\b|\balt(?:\.|ernative)? DOB:?)\s*/i))
    .map((item) => item.replace(/^[\s,]+|[\s,;.]+$/g, ''))
    .filter((item) => item !== '');
  return alternatives.map((item) => parseSingleDate(item) ?? { kind: 'text', text: item });
}

const DAY_MONTH_NAME_YEAR = new RegExp(`^(\\d{1,2})\\.?[\\s-]*${MONTH}[\\s,-]*(\\d{4})$`);
const MONTH_NAME_DAY_YEAR = new RegExp(`^${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})$`);
const MONTH_NAME_YEAR = new RegExp(`^${MONTH},?\\s+(\\d{4})$`);

/** One date as DFAT writes it, or undefined when it fits none of the patterns below. */
function parseSingleDate(raw: string): PartialDate | undefined {
  // "(Aug. 1961)": an alternative wrapped in brackets, nothing else in them.
  const unwrapped = /^\(([^()]*)\)$/.exec(raw)?.[1] ?? raw;
  const approximate = /^(?:approximately|approx\.?|circa|c\.|ca\.?|about)\s*/i.exec(unwrapped);
  const text = approximate ? unwrapped.slice(approximate[0].length) : unwrapped;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) return yearOf(Number(m[1]), !!approximate);
  if ((m = /^(?:between\s+)?(\d{4})\s*(?:-|–|\/|to|and)\s*(\d{4})$/i.exec(text))) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    return from < to && from >= 1800 && to <= 2100 ? { kind: 'range', from, to } : undefined;
  }
  if (approximate) return undefined;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})$/.exec(text))) return dayOf(Number(m[3]), Number(m[2]), Number(m[1]));
  if ((m = /^(\d{1,2})\/(\d{4})$/.exec(text))) return monthDateOf(Number(m[2]), Number(m[1]));
  if ((m = DAY_MONTH_NAME_YEAR.exec(text))) return dayOf(Number(m[3]), monthOf(m[2]!), Number(m[1]));
  if ((m = MONTH_NAME_DAY_YEAR.exec(text))) return dayOf(Number(m[3]), monthOf(m[1]!), Number(m[2]));
  if ((m = MONTH_NAME_YEAR.exec(text))) return monthDateOf(Number(m[2]), monthOf(m[1]!));
  return undefined;
}

function monthOf(name: string): number {
  return (MONTH_ABBREVIATIONS as readonly string[]).indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function monthDateOf(year: number, month: number): PartialDate | undefined {
  if (month < 1 || month > 12 || year < 1800 || year > 2100) return undefined;
  return { kind: 'month', date: `${year}-${pad2(month)}` };
}

function yearOf(year: number, approximate: boolean): PartialDate | undefined {
  if (year < 1800 || year > 2100) return undefined;
  return approximate ? { kind: 'year', year, approximate: true } : { kind: 'year', year };
}

/** A real calendar day (31 Feb is refused), as an ISO date. */
function dayOf(year: number, month: number, day: number): PartialDate | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1800 || year > 2100 || !isCalendarDay(year, month, day)) return undefined;
  return { kind: 'day', date: `${year}-${pad2(month)}-${pad2(day)}` };
}
