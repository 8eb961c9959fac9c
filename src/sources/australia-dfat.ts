import { foldKey } from '../kb/normalise';
import type { Address, EntryName, ParseIssue, PartialDate, SourceEntry, SourceParseResult, SubjectKind } from '../kb/model';
import { ParseError, assertSaneSize } from './errors';
import { diagnostic, issue, type Diagnostic } from './diagnostics';
import { linesOf, splitLettered, textOf } from './australia-dfat-cells';
import { dateOf, listedOnOf, parseBirthDates } from './australia-dfat-dates';
import { addressesOf, nationalitiesOf } from './australia-dfat-places';
import { readXlsx, type XlsxCell, type XlsxSheet } from './xlsx';
import { excelSerialToIso } from './xlsx-styles';

/**
 * Parser for the Australian DFAT Consolidated List (regulation8_consolidated.xlsx): one sheet, one
 * row per name. A subject's rows share a numeric Reference; the primary name's row has the bare
 * number ("7317") and alias rows add a letter suffix ("7317a", "2672a1"). Rows repeat the subject's
 * details, so one entry is built per numeric reference from all its rows.
 *
 * The sheet is hand-kept and its cells vary: Name Type and Type in any case with trailing spaces,
 * Committees with trailing-space duplicates, Date of Birth as a date cell, a bare year number or
 * free text ("a) 22/08/1986; b) 28/08/1986", "Approximately 1960", "12 Jan. 1961").
 */

export const AU_DFAT_SOURCE = 'au-dfat';
export const AU_DFAT_LIST = 'Australian Consolidated Sanctions List (DFAT)';
export const AU_DFAT_URL = 'https://www.dfat.gov.au/international-relations/security/sanctions/consolidated-list';

export interface AustraliaDfatOptions {
  /** ISO date of the data, used when the caller knows it (e.g. the download date) in place of the file's evidence. */
  dataDate?: string;
}

const COLUMNS = {
  reference: 'Reference',
  name: 'Name of Individual or Entity',
  type: 'Type',
  nameType: 'Name Type',
  birthDate: 'Date of Birth',
  birthPlace: 'Place of Birth',
  citizenship: 'Citizenship',
  address: 'Address',
  additionalInformation: 'Additional Information',
  listingInformation: 'Listing Information',
  committees: 'Committees',
  controlDate: 'Control Date',
} as const;
type Column = keyof typeof COLUMNS;

/** One data row: its Excel row number and its cells by column. */
interface DfatRow {
  rowNumber: number;
  cells: Record<Column, XlsxCell>;
}

/**
 * Parses the DFAT Consolidated List workbook into one entry per numeric reference.
 * `dataDate` is `options.dataDate` when given, else the latest Control Date in the file (the date
 * of the most recent change, the best evidence inside the file of how current it is).
 * @throws ParseError when the file is not an XLSX workbook or no sheet has the DFAT header.
 */
export function parseAustraliaDfat(file: string, bytes: Uint8Array, options: AustraliaDfatOptions = {}): SourceParseResult {
  assertSaneSize(file, bytes);
  const workbook = readXlsx(file, bytes);
  const warnings: ParseIssue[] = [];
  const { sheet, headerRow, columnIndex } = findListSheet(file, workbook.sheets);

  const warn = (row: DfatRow, problem: Diagnostic): void => {
    warnings.push(issue(file, row.rowNumber, problem, diagnostic('diagSheetRow', sheet.name, row.rowNumber)));
  };

  const groups = new Map<string, DfatRow[]>();
  let latestControlDate: string | null = null;
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!;
    if (cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) continue;
    const row: DfatRow = { rowNumber: r + 1, cells: cellsByColumn(cells, columnIndex) };
    const reference = referenceNumberOf(row.cells.reference);
    if (!reference) {
      warn(row, diagnostic('diagDfatBadReferenceSkipped', textOf(row.cells.reference) ?? ''));
      continue;
    }
    if (!textOf(row.cells.name)) {
      warn(row, diagnostic('diagDfatNoNameSkipped', reference));
      continue;
    }
    const controlDate = dateOf(row.cells.controlDate);
    if (controlDate && (!latestControlDate || controlDate > latestControlDate)) latestControlDate = controlDate;
    const group = groups.get(reference) ?? [];
    group.push(row);
    groups.set(reference, group);
  }

  const dataDate = options.dataDate ?? latestControlDate;
  const entries: SourceEntry[] = [];
  for (const [reference, rows] of groups) {
    // Listing.dataDate is a string; with no Control Date anywhere and no date from the caller
    // there is no evidence at all, which the empty string says without inventing one.
    const entry = buildEntry(reference, rows, dataDate ?? '', warn);
    if (entry) entries.push(entry);
  }
  return { source: AU_DFAT_SOURCE, dataDate, entries, warnings };
}

/* ---------------------------------------------------------------- sheet and header -------- */

/** How far down a header may sit: the real file has it in row 1. */
const HEADER_SEARCH_ROWS = 20;

function findListSheet(file: string, sheets: Map<string, XlsxSheet>): { sheet: XlsxSheet; headerRow: number; columnIndex: Record<Column, number> } {
  let closest: { sheet: XlsxSheet; row: number; missing: string[] } | null = null;
  for (const sheet of sheets.values()) {
    for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r++) {
      const labels = sheet.rows[r]!.map((cell) => (typeof cell === 'string' ? foldKey(cell) : ''));
      if (labels[0] !== foldKey(COLUMNS.reference)) continue;
      const columnIndex = {} as Record<Column, number>;
      const missing: string[] = [];
      for (const [column, label] of Object.entries(COLUMNS) as [Column, string][]) {
        const index = labels.indexOf(foldKey(label));
        if (index < 0) missing.push(label);
        columnIndex[column] = index;
      }
      if (missing.length === 0) return { sheet, headerRow: r, columnIndex };
      closest ??= { sheet, row: r + 1, missing };
    }
  }
  if (closest) {
    throw new ParseError(file, diagnostic('diagDfatHeaderLacks', closest.sheet.name, closest.row, closest.missing.map((m) => `"${m}"`).join(', ')));
  }
  throw new ParseError(file, diagnostic('diagDfatNoHeader', [...sheets.keys()].join(', ')));
}

function cellsByColumn(cells: XlsxCell[], columnIndex: Record<Column, number>): Record<Column, XlsxCell> {
  const byColumn = {} as Record<Column, XlsxCell>;
  for (const column of Object.keys(COLUMNS) as Column[]) byColumn[column] = cells[columnIndex[column]] ?? null;
  return byColumn;
}

/** "7317" → "7317", "7317a" → "7317", "2672a10" → "2672", " 1140g " → "1140"; undefined otherwise. */
function referenceNumberOf(cell: XlsxCell): string | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell > 0 ? String(cell) : undefined;
  const match = typeof cell === 'string' ? /^(\d+)[a-z]*\d*$/i.exec(cell.trim()) : null;
  return match ? String(Number(match[1])) : undefined;
}

/* ---------------------------------------------------------------- entries ---------------- */

const KIND_BY_TYPE: Record<string, SubjectKind> = {
  individual: 'person',
  entity: 'organisation',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

const NAME_TYPES: Record<string, EntryName['type']> = {
  'primary name': 'primary',
  'primary': 'primary',
  'aka': 'alias',
  'a k a': 'alias',
  'alias': 'alias',
  'original script': 'original-script',
  'formerly known as': 'formerly',
  'fka': 'formerly',
  'previously listed as': 'formerly',
};

/** One entry from all rows of one numeric reference; undefined (with a warning) when it cannot be built. */
function buildEntry(reference: string, rows: DfatRow[], dataDate: string, warn: (row: DfatRow, problem: Diagnostic) => void): SourceEntry | undefined {
  const primaryRows = rows.filter((row) => nameTypeOf(row.cells.nameType) === 'primary');
  if (primaryRows.length === 0) warn(rows[0]!, diagnostic('diagDfatNoPrimaryName', reference));
  if (primaryRows.length > 1) warn(primaryRows[1]!, diagnostic('diagDfatManyPrimaryNames', reference, primaryRows.length));
  const primary = primaryRows[0] ?? rows[0]!;

  const typeText = textOf(primary.cells.type);
  const kind = typeText ? KIND_BY_TYPE[typeText.toLowerCase()] : undefined;
  if (!kind) {
    warn(primary, diagnostic('diagDfatBadTypeSkipped', reference, typeText ?? ''));
    return undefined;
  }

  const names = namesOf(primary, rows, warn);
  const remarks: string[] = [];
  const birthDates: PartialDate[] = [];
  const birthPlaces: string[] = [];
  const nationalities: string[] = [];
  const addresses: Address[] = [];
  const programmes: string[] = [];
  const reasons: string[] = [];
  // Primary first: its details are the entry's; alias rows add only what differs ("this aka only").
  // Alias rows mostly repeat the primary's cells word for word, so a cell already read is skipped.
  const seen = new Set<string>();
  const unseen = (row: DfatRow, column: Column): XlsxCell => {
    const cell = row.cells[column];
    const key = `${column}\u0000${typeof cell}\u0000${String(cell)}`;
    if (cell === null || seen.has(key)) return null;
    seen.add(key);
    return cell;
  };
  for (const row of [primary, ...rows.filter((r) => r !== primary)]) {
    addUnique(birthDates, parseBirthDates(unseen(row, 'birthDate')), (d) => JSON.stringify(d));
    addUnique(birthPlaces, splitLettered(textOf(unseen(row, 'birthPlace'))));
    const citizenship = textOf(unseen(row, 'citizenship'));
    if (citizenship) {
      const resolved = nationalitiesOf(citizenship);
      addUnique(nationalities, resolved.codes);
      if (!resolved.complete) addUnique(remarks, [`Citizenship: ${citizenship}`]);
    }
    addUnique(addresses, addressesOf(textOf(unseen(row, 'address'))), (a) => a.lines.join('|'));
    addUnique(programmes, programmesOf(textOf(unseen(row, 'committees'))));
    addUnique(reasons, [linesOf(unseen(row, 'additionalInformation'))].filter((r): r is string => !!r));
    const listing = listingTextOf(unseen(row, 'listingInformation'));
    // A bare date cell is the listing date itself (listedOn below), not a remark.
    if (listing && !/^\d{4}-\d{2}-\d{2}$/.test(listing)) addUnique(remarks, [`Listing information: ${listing}`]);
  }
  const controlDate = dateOf(primary.cells.controlDate);
  if (controlDate) remarks.push(`Control date: ${controlDate}`);
  const listedOn = [primary, ...rows].map((row) => listedOnOf(row.cells.listingInformation)).find((d) => d !== undefined);

  return {
    source: AU_DFAT_SOURCE,
    kind,
    names,
    birthDates,
    birthPlaces,
    nationalities,
    positions: [],
    addresses,
    identifiers: [],
    remarks,
    listing: {
      authority: 'AU',
      list: AU_DFAT_LIST,
      programmes,
      ...(listedOn ? { listedOn } : {}),
      reference,
      sourceUrl: AU_DFAT_URL,
      dataDate,
      ...(reasons.length > 0 ? { reasons: reasons.join('\n\n') } : {}),
    },
  };
}

function nameTypeOf(cell: XlsxCell): EntryName['type'] | undefined {
  const text = textOf(cell);
  return text ? NAME_TYPES[foldKey(text)] : undefined;
}

/** The primary name first, then the other rows' names in source order; repeats of a name dropped. */
function namesOf(primary: DfatRow, rows: DfatRow[], warn: (row: DfatRow, problem: Diagnostic) => void): EntryName[] {
  const names: EntryName[] = [{ full: textOf(primary.cells.name)!, type: 'primary', strength: 'strong' }];
  for (const row of rows) {
    if (row === primary) continue;
    let type = nameTypeOf(row.cells.nameType);
    if (type === undefined) {
      warn(row, diagnostic('diagDfatUnknownNameType', textOf(row.cells.nameType) ?? ''));
      type = 'alias';
    }
    if (type === 'primary') type = 'alias';
    const full = textOf(row.cells.name)!;
    // The sheet repeats some names (once with a trailing space, or an alias equal to the primary).
    if (!names.some((n) => n.full === full)) names.push({ full, type, strength: 'strong' });
  }
  return names;
}

function addUnique<T>(target: T[], items: readonly T[], keyOf: (item: T) => string = String): void {
  for (const item of items) if (!target.some((t) => keyOf(t) === keyOf(item))) target.push(item);
}

/**
 * Committees name one regime, sometimes two run together ("1970 (Libya) 1973 (Libya)"); a regime
 * ends where its outermost bracket closes, which keeps "1267/1989/2253 (ISIL (Da'esh) and Al-Qaida)" whole.
 */
function programmesOf(text: string | undefined): string[] {
  if (!text) return [];
  const programmes: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0 && /^\s+\d/.test(text.slice(i + 1))) {
      programmes.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  programmes.push(text.slice(start).trim());
  return programmes.filter(Boolean);
}

function listingTextOf(cell: XlsxCell): string | undefined {
  if (typeof cell === 'number') return excelSerialToIso(cell);
  return textOf(cell);
}
