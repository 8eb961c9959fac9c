/**
 * Reading SIPRI's CSV exports (the trade register and the TIV tables share the shape): a preamble
 * with a `Data generated:` date, a header row, then CSV rows; and SIPRI's name markers for
 * non-state actors and organisations.
 */
import Papa from 'papaparse';
import type { ParseIssue } from '../kb/model';
import { ParseError } from './errors';
import { diagnostic, issue, type Diagnostic, type DiagnosticKey } from './diagnostics';
import { cleanSpace } from './text';

/** The real preamble is 11 lines; this leaves room for a longer one without scanning a whole wrong file. */
const MAX_PREAMBLE_LINES = 40;

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
  /** The message for a file without this format's header; its values are `headerHint` and the lines searched. */
  noHeader: DiagnosticKey;
  /** True for the header row of this format (cells trimmed). */
  isHeader: (cells: string[]) => boolean;
  /** Names the header the format expects, for the "no header" message. */
  headerHint: string;
  /** Optional: recognises a header of a different SIPRI export, to say which one the file is. */
  describeOtherHeader?: (cells: string[]) => Diagnostic | undefined;
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
    if (other) throw new ParseError(file, other, index + 1);
    preamble.push(line);
    start = end + 1;
  }
  throw new ParseError(file, diagnostic(shape.noHeader, shape.headerHint, MAX_PREAMBLE_LINES));
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
      warnings.push(issue(file, index + 1, diagnostic('diagSipriUnreadableDate', cleanSpace(line))));
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
    throw new ParseError(file, diagnostic('diagSipriQuoteNeverClosed'), unterminatedQuoteAt);
  }
  const last = rows.at(-1);
  if (last && !body.endsWith('\n') && last.cells.length < columns) {
    throw new ParseError(file, diagnostic('diagSipriCutInRow', last.cells.length, columns), last.line);
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
