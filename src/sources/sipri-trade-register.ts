/**
 * Parser for the SIPRI Arms Transfers Database trade register ("trade-register.csv", the
 * "all suppliers to all recipients" export of https://armstransfers.sipri.org/).
 *
 * The export is a free-text preamble (title, notes, `Data generated: 18 May 2026 2:29:20 PM`),
 * then a 16-column CSV table, one row per deal. SIPRI writes it in Windows-1252. Three columns
 * are named with a single space and hold a `?` flag for the column before them.
 *
 * The helpers `readSipriExport` and `splitSipriName` are shared with the TIV-table parser
 * (sipri-tiv-table.ts) and the arms-flow figures (src/kb/arms-flows.ts): both exports come from
 * the same SIPRI tool and share the preamble, the date line and the `*` / `**` name markers.
 */
import Papa from 'papaparse';
import type { ArmsDeal, ParseIssue, TradeRegisterParseResult } from '../kb/model';
import { ParseError, assertSaneSize } from './errors';
import { cleanSpace, decodeText } from './text';

/** Where a reader can check the register (SIPRI's own page for the database). */
export const SIPRI_ARMS_TRANSFERS_URL = 'https://www.sipri.org/databases/armstransfers';

/** The register's header, in order; '' stands for the three columns named " " (uncertainty flags). */
const REGISTER_COLUMNS = [
  'Recipient',
  'Supplier',
  'Year of order',
  '',
  'Number ordered',
  '',
  'Weapon designation',
  'Weapon description',
  'Number delivered',
  '',
  'Year(s) of delivery',
  'status',
  'Comments',
  'SIPRI TIV per unit',
  'SIPRI TIV for total order',
  'SIPRI TIV of delivered weapons',
] as const;

/** The status values SIPRI uses; anything else is kept but noted. */
const KNOWN_STATUSES = new Set(['New', 'Second hand', 'Second hand but modernized']);

/** The real preamble is 11 lines; this leaves room for a longer one without scanning a whole wrong file. */
const MAX_PREAMBLE_LINES = 40;

/* ------------------------------------------------------------ shared SIPRI export reading ---- */

/** One CSV row of a SIPRI export, with the 1-based line it starts on. */
export interface SipriRow {
  line: number;
  cells: string[];
}

/** A SIPRI export split at its header row. */
export interface SipriExport {
  /** ISO date from the preamble's `Data generated:` line, null when there is none. */
  dataDate: string | null;
  header: string[];
  headerLine: number;
  /** Rows after the header, blank lines left out. Cells are untrimmed, as in the file. */
  rows: SipriRow[];
  warnings: ParseIssue[];
}

/** How to find and judge the header of one kind of SIPRI export. */
export interface SipriExportShape {
  /** What the file should be, for messages: "SIPRI trade register". */
  formatName: string;
  /** True for the header row of this format (cells trimmed). */
  isHeader: (cells: string[]) => boolean;
  /** Names the header the format expects, for the "no header" message. */
  headerHint: string;
  /** Optional: recognises a header of a different SIPRI export, to say which one the file is. */
  describeOtherHeader?: (cells: string[]) => string | undefined;
}

/**
 * Splits decoded SIPRI export text into its preamble date, header and CSV rows, each row with
 * the 1-based line it starts on. Throws ParseError when there is no header in the first lines
 * (not this format) or when the file stops in the middle of a row (truncated download).
 */
export function readSipriExport(file: string, text: string, shape: SipriExportShape): SipriExport {
  const normalised = text.replace(/\r\n?/g, '\n');
  const warnings: ParseIssue[] = [];
  const { headerIndex, header, headerEnd, preamble } = findHeader(file, normalised, shape);
  const dataDate = readDataDate(file, preamble, warnings);
  const rows = readRows(file, normalised, headerEnd, headerIndex + 2, header.length);
  return { dataDate, header, headerLine: headerIndex + 1, rows, warnings };
}

function findHeader(
  file: string,
  text: string,
  shape: SipriExportShape,
): { headerIndex: number; header: string[]; headerEnd: number; preamble: string[] } {
  const preamble: string[] = [];
  let start = 0;
  for (let index = 0; index < MAX_PREAMBLE_LINES && start < text.length; index++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const cells = parseCsvLine(line).map((cell) => cell.trim());
    if (shape.isHeader(cells)) {
      return { headerIndex: index, header: cells, headerEnd: newline === -1 ? text.length : newline + 1, preamble };
    }
    const other = shape.describeOtherHeader?.(cells);
    if (other) throw new ParseError(file, `${other}, not a ${shape.formatName}`, index + 1);
    preamble.push(line);
    start = end + 1;
  }
  throw new ParseError(
    file,
    `no header row (${shape.headerHint}) in the first ${MAX_PREAMBLE_LINES} lines: this is not a ${shape.formatName}, or the file is cut short`,
  );
}

/** Cells of one physical line; the header and preamble never span lines. */
function parseCsvLine(line: string): string[] {
  if (!line.includes(',')) return [line];
  const result = Papa.parse<string[]>(line, { delimiter: ',', newline: '\n', quoteChar: '"' });
  return result.data[0] ?? [line];
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** `Data generated: 18 May 2026 2:29:20 PM` → `2026-05-18`. */
function readDataDate(file: string, preamble: string[], warnings: ParseIssue[]): string | null {
  for (const [index, line] of preamble.entries()) {
    const label = /^\s*Data generated:\s*(.*)$/i.exec(line);
    if (!label) continue;
    const date = /^(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})\b/.exec(label[1] ?? '');
    const month = date ? MONTHS[(date[2] ?? '').toLowerCase()] : undefined;
    const day = Number(date?.[1]);
    if (!date || month === undefined || day < 1 || day > 31) {
      warnings.push({ file, line: index + 1, message: `cannot read the date in "${cleanSpace(line)}"` });
      return null;
    }
    return `${date[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}

/**
 * CSV rows from `offset` on. SIPRI's exports quote nothing today, but a quoted comment with a
 * comma or line break would still read correctly, so rows are located by the parser's cursor
 * rather than by splitting lines.
 */
function readRows(file: string, text: string, offset: number, firstLine: number, columns: number): SipriRow[] {
  const rows: SipriRow[] = [];
  const body = text.slice(offset);
  let line = firstLine;
  let rowStart = 0;
  let unterminatedQuoteAt: number | undefined;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    step: (result) => {
      const cursor = result.meta.cursor;
      if (result.errors.some((error) => error.code === 'MissingQuotes')) unterminatedQuoteAt ??= line;
      const cells = result.data;
      if (!(cells.length === 1 && (cells[0] ?? '').trim() === '')) rows.push({ line, cells });
      for (let i = rowStart; i < cursor && i < body.length; i++) if (body.charCodeAt(i) === 10) line++;
      rowStart = cursor;
    },
  });
  if (unterminatedQuoteAt !== undefined) {
    throw new ParseError(file, 'a quoted field is never closed: the file is cut short or malformed', unterminatedQuoteAt);
  }
  const last = rows.at(-1);
  if (last && !body.endsWith('\n') && last.cells.length < columns) {
    throw new ParseError(
      file,
      `the file ends in the middle of a row (${last.cells.length} of ${columns} columns): it is cut short`,
      last.line,
    );
  }
  return rows;
}

/** What kind of actor a SIPRI name stands for, from its marker. */
export type SipriActorKind = 'state' | 'non-state' | 'organisation' | 'unknown';

/**
 * Splits SIPRI's name markers off a recipient or supplier name: `*` marks a non-state actor
 * ("Hezbollah (Lebanon)*"), `**` an intergovernmental organisation ("United Nations**", "NATO**").
 * `unknown supplier(s)`, `unknown recipient(s)` are 'unknown'. Historical states ("Soviet Union")
 * are states.
 */
export function splitSipriName(raw: string): { name: string; kind: SipriActorKind } {
  const trimmed = cleanSpace(raw);
  const marker = /\*+$/.exec(trimmed)?.[0] ?? '';
  const name = trimmed.slice(0, trimmed.length - marker.length).trim();
  if (marker.length >= 2) return { name, kind: 'organisation' };
  if (marker.length === 1) return { name, kind: 'non-state' };
  if (/^unknown\b/i.test(name)) return { name, kind: 'unknown' };
  return { name, kind: 'state' };
}

/* ------------------------------------------------------------ the trade register ---- */

/** Parsing options. */
export interface TradeRegisterOptions {
  /** ISO date to use when the file has no `Data generated:` line. */
  dataDate?: string;
}

/**
 * Reads a SIPRI trade register export into one ArmsDeal per row, every field as SIPRI gives it
 * (names keep their `*` / `**` markers; see splitSipriName). Rows that cannot be read become
 * warnings. Throws ParseError for a file that is not a trade register or is cut short.
 * @param file - file name, for messages
 * @param bytes - the file as downloaded (Windows-1252; a UTF-8 copy is accepted with a warning)
 */
export function parseSipriTradeRegister(
  file: string,
  bytes: Uint8Array,
  options: TradeRegisterOptions = {},
): TradeRegisterParseResult {
  assertSaneSize(file, bytes);
  const { text, warning } = decodeRegister(file, bytes);
  const exported = readSipriExport(file, text, {
    formatName: 'SIPRI trade register',
    headerHint: 'Recipient,Supplier,Year of order,…',
    isHeader: (cells) => cells[0] === 'Recipient' && cells[1] === 'Supplier',
    describeOtherHeader: (cells) =>
      (cells[0] === 'Recipient' || cells[0] === 'Exports by') && /^\d{4}$/.test(cells[1] ?? '')
        ? 'this is a SIPRI TIV table (one column per year)'
        : undefined,
  });
  checkRegisterHeader(file, exported.header, exported.headerLine);
  const warnings = [...(warning ? [warning] : []), ...exported.warnings];
  const deals: ArmsDeal[] = [];
  for (const row of exported.rows) {
    if (row.cells.length !== REGISTER_COLUMNS.length) {
      warnings.push({
        file,
        line: row.line,
        message: `expected ${REGISTER_COLUMNS.length} columns, found ${row.cells.length}; row skipped`,
      });
      continue;
    }
    try {
      const deal = readDeal(row.cells);
      deals.push(deal);
      for (const note of dealNotes(deal)) warnings.push({ file, line: row.line, message: note });
    } catch (problem) {
      if (!(problem instanceof RowProblem)) throw problem;
      warnings.push({ file, line: row.line, message: `${problem.message}; row skipped` });
    }
  }
  if (deals.length === 0) {
    const message =
      exported.rows.length === 0
        ? 'no deals after the header: the file is cut short'
        : `none of the ${exported.rows.length} rows after the header is a readable deal`;
    throw new ParseError(file, message, exported.headerLine);
  }
  return { dataDate: exported.dataDate ?? options.dataDate ?? null, deals, warnings };
}

/**
 * SIPRI writes Windows-1252. Valid UTF-8 with non-ASCII bytes is taken as a re-saved copy
 * (Windows-1252 text with "ä" is almost never valid UTF-8), so "Wärtsilä" does not become "WÃ¤rtsilÃ¤".
 */
function decodeRegister(file: string, bytes: Uint8Array): { text: string; warning?: ParseIssue } {
  const hasHighBytes = bytes.some((byte) => byte >= 0x80);
  if (hasHighBytes) {
    try {
      const text = decodeText(file, bytes, 'utf-8');
      return { text, warning: { file, message: 'file is UTF-8, not the Windows-1252 SIPRI exports; read as UTF-8' } };
    } catch {
      // Not UTF-8: the normal case, read below as Windows-1252.
    }
  }
  return { text: decodeText(file, bytes, 'windows-1252') };
}

function checkRegisterHeader(file: string, header: string[], line: number): void {
  if (header.length !== REGISTER_COLUMNS.length) {
    throw new ParseError(file, `expected ${REGISTER_COLUMNS.length} columns in the header, found ${header.length}`, line);
  }
  for (const [index, expected] of REGISTER_COLUMNS.entries()) {
    const found = header[index] ?? '';
    if (found.toLowerCase() !== expected.toLowerCase()) {
      throw new ParseError(
        file,
        `expected column ${index + 1} of the header to be "${expected || ' '}", found "${found}"`,
        line,
      );
    }
  }
}

/** A row that cannot be read; caught per row and turned into a warning. */
class RowProblem extends Error {}

function readDeal(cells: string[]): ArmsDeal {
  const cell = (index: number): string => tidyCell(cells[index] ?? '');
  const recipient = cell(0);
  const supplier = cell(1);
  if (!recipient) throw new RowProblem('no recipient');
  if (!supplier) throw new RowProblem('no supplier');
  return {
    recipient,
    supplier,
    orderYear: readYear(cell(2), 'Year of order'),
    orderYearUncertain: readFlag(cell(3), 'Year of order'),
    numberOrdered: readNumber(cell(4), 'Number ordered'),
    numberOrderedUncertain: readFlag(cell(5), 'Number ordered'),
    weaponDesignation: cell(6),
    weaponDescription: cell(7),
    numberDelivered: readNumber(cell(8), 'Number delivered'),
    numberDeliveredUncertain: readFlag(cell(9), 'Number delivered'),
    deliveryYears: readDeliveryYears(cell(10)),
    status: cell(11),
    comments: cell(12),
    tivPerUnit: readNumber(cell(13), 'SIPRI TIV per unit'),
    tivTotalOrder: readNumber(cell(14), 'SIPRI TIV for total order'),
    tivDelivered: readNumber(cell(15), 'SIPRI TIV of delivered weapons'),
  };
}

/**
 * cleanSpace, skipped for the common cell that needs nothing: a register has half a million
 * cells, and the regex replace in cleanSpace was a fifth of the parse time.
 */
function tidyCell(value: string): string {
  return value === '' || !/[^\S ]| {2}|^ | $/.test(value) ? value : cleanSpace(value);
}

function readYear(value: string, column: string): number | null {
  if (value === '') return null;
  if (!/^\d{4}$/.test(value)) throw new RowProblem(`"${column}" is "${value}", not a year`);
  return Number(value);
}

function readFlag(value: string, column: string): boolean {
  if (value === '') return false;
  if (value === '?') return true;
  throw new RowProblem(`the uncertainty flag after "${column}" is "${value}", expected "?" or nothing`);
}

/** Counts and TIVs: plain decimals (SIPRI prints no thousands separators); empty means unknown. */
function readNumber(value: string, column: string): number | null {
  if (value === '') return null;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new RowProblem(`"${column}" is "${value}", not a number`);
  return Number(value);
}

/** `2018; 2019` → [2018, 2019], ascending, each year once. */
function readDeliveryYears(value: string): number[] {
  if (value === '') return [];
  if (/^\d{4}$/.test(value)) return [Number(value)];
  const years = value.split(';').map((part) => part.trim()).filter((part) => part !== '');
  for (const year of years) {
    if (!/^\d{4}$/.test(year)) throw new RowProblem(`"Year(s) of delivery" has "${year}", not a year`);
  }
  return [...new Set(years.map(Number))].sort((a, b) => a - b);
}

/** Oddities worth a note that do not stop the deal being used. */
function dealNotes(deal: ArmsDeal): string[] {
  const notes: string[] = [];
  if (!KNOWN_STATUSES.has(deal.status)) notes.push(`unknown status "${deal.status}"`);
  if (deal.deliveryYears.length === 0 && (deal.tivDelivered ?? 0) > 0) {
    notes.push('delivered TIV without any year of delivery');
  }
  return notes;
}
