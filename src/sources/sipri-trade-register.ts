/**
 * Parser for the SIPRI Arms Transfers Database trade register ("trade-register.csv", the
 * "all suppliers to all recipients" export of https://armstransfers.sipri.org/).
 *
 * The export is a free-text preamble (title, notes, `Data generated: 18 May 2026 2:29:20 PM`),
 * then a 16-column CSV table, one row per deal. SIPRI writes it in Windows-1252. Three columns
 * are named with a single space and hold a `?` flag for the column before them.
 *
 * The preamble, header and row reading it shares with the TIV-table parser is in sipri-export.ts.
 */
import type { ArmsDeal, ParseIssue, TradeRegisterParseResult } from '../kb/model';
import { ParseError, assertSaneSize } from './errors';
import { diagnostic, english, issue, type Diagnostic } from './diagnostics';
import { readSipriExport } from './sipri-export';
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
    noHeader: 'diagRegisterNoHeader',
    headerHint: 'Recipient,Supplier,Year of order,…',
    isHeader: (cells) => cells[0] === 'Recipient' && cells[1] === 'Supplier',
    describeOtherHeader: (cells) =>
      (cells[0] === 'Recipient' || cells[0] === 'Exports by') && /^\d{4}$/.test(cells[1] ?? '')
        ? diagnostic('diagTivTableNotRegister')
        : undefined,
  });
  checkRegisterHeader(file, exported.header, exported.headerLine);
  const warnings = [...(warning ? [warning] : []), ...exported.warnings];
  const deals: ArmsDeal[] = [];
  for (const row of exported.rows) {
    if (row.cells.length !== REGISTER_COLUMNS.length) {
      warnings.push(issue(file, row.line, diagnostic('diagColumnsSkipped', REGISTER_COLUMNS.length, row.cells.length)));
      continue;
    }
    try {
      const deal = readDeal(row.cells);
      deals.push(deal);
      for (const note of dealNotes(deal)) warnings.push(issue(file, row.line, note));
    } catch (problem) {
      if (!(problem instanceof RowProblem)) throw problem;
      warnings.push(issue(file, row.line, problem.diagnostic));
    }
  }
  if (deals.length === 0) {
    const problem = exported.rows.length === 0 ? diagnostic('diagRegisterNoDeals') : diagnostic('diagRegisterNoReadableDeal', exported.rows.length);
    throw new ParseError(file, problem, exported.headerLine);
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
      return { text, warning: issue(file, undefined, diagnostic('diagSipriUtf8')) };
    } catch {
      // Not UTF-8: the normal case, read below as Windows-1252.
    }
  }
  return { text: decodeText(file, bytes, 'windows-1252') };
}

function checkRegisterHeader(file: string, header: string[], line: number): void {
  if (header.length !== REGISTER_COLUMNS.length) {
    throw new ParseError(file, diagnostic('diagHeaderColumns', REGISTER_COLUMNS.length, header.length), line);
  }
  for (const [index, expected] of REGISTER_COLUMNS.entries()) {
    const found = header[index] ?? '';
    if (found.toLowerCase() !== expected.toLowerCase()) {
      throw new ParseError(file, diagnostic('diagHeaderColumnName', index + 1, expected || ' ', found), line);
    }
  }
}

/** A row that cannot be read; caught per row and turned into a warning (its diagnostic says the row was skipped). */
class RowProblem extends Error {
  readonly diagnostic: Diagnostic;

  constructor(problem: Diagnostic) {
    super(english(problem));
    this.diagnostic = problem;
  }
}

function readDeal(cells: string[]): ArmsDeal {
  const cell = (index: number): string => tidyCell(cells[index] ?? '');
  const recipient = cell(0);
  const supplier = cell(1);
  if (!recipient) throw new RowProblem(diagnostic('diagRegisterNoRecipientSkipped'));
  if (!supplier) throw new RowProblem(diagnostic('diagRegisterNoSupplierSkipped'));
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
  if (!/^\d{4}$/.test(value)) throw new RowProblem(diagnostic('diagRegisterNotAYearSkipped', column, value));
  return Number(value);
}

function readFlag(value: string, column: string): boolean {
  if (value === '') return false;
  if (value === '?') return true;
  throw new RowProblem(diagnostic('diagRegisterBadFlagSkipped', column, value));
}

/** Counts and TIVs: plain decimals (SIPRI prints no thousands separators); empty means unknown. */
function readNumber(value: string, column: string): number | null {
  if (value === '') return null;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new RowProblem(diagnostic('diagRegisterNotANumberSkipped', column, value));
  return Number(value);
}

/** `2018; 2019` → [2018, 2019], ascending, each year once. */
function readDeliveryYears(value: string): number[] {
  if (value === '') return [];
  if (/^\d{4}$/.test(value)) return [Number(value)];
  const years = value.split(';').map((part) => part.trim()).filter((part) => part !== '');
  for (const year of years) {
    if (!/^\d{4}$/.test(year)) throw new RowProblem(diagnostic('diagRegisterBadDeliveryYearSkipped', year));
  }
  return [...new Set(years.map(Number))].sort((a, b) => a - b);
}

/** Oddities worth a note that do not stop the deal being used. */
function dealNotes(deal: ArmsDeal): Diagnostic[] {
  const notes: Diagnostic[] = [];
  if (!KNOWN_STATUSES.has(deal.status)) notes.push(diagnostic('diagRegisterUnknownStatus', deal.status));
  if (deal.deliveryYears.length === 0 && (deal.tivDelivered ?? 0) > 0) {
    notes.push(diagnostic('diagRegisterTivWithoutYear'));
  }
  return notes;
}
