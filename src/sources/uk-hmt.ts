/**
 * HM Treasury (OFSI) Consolidated List of financial sanctions targets, in the pre-2022 CSV layout
 * (`sanctionsconlist.csv`): line 1 `Last Updated,dd/mm/yyyy`, line 2 a 29-column header, then one
 * row per name variant, date-of-birth variant and regime. Rows sharing a `Group ID` are one target.
 * Windows-1252, LF.
 *
 * Several columns are free text that mixes values and notes ("(1) Saudi Arabia 2) Qatar",
 * "Passport No: 592667 (Qatari passport issued on 3 May 2007)."); values are taken out where the
 * text makes them clear and the text as printed is always kept beside them.
 */
import type { Address, EntryName, Identifier, NameParts, PartialDate, SourceEntry, SourceParseResult, SubjectKind } from '../kb/model';
import { countryCodeOf } from '../kb/countries';
import { foldKey } from '../kb/normalise';
import { type CsvRecord, readCsvRecords } from './csv';
import { daysInMonth, pad2, uniqueDates } from './dates';
import { ParseError, assertSaneSize } from './errors';
import { diagnostic, issue } from './diagnostics';
import { genderIn, imoIdentifiers, readDocuments, readNationalities, shipImoNumbers, vesselDetails } from './uk-hmt-fields';
import { cleanSpace, decodeText } from './text';

/** Source id of entries from this list. */
export const UK_HMT_SOURCE = 'uk-hmt';
/** Official page of the consolidated list. */
export const UK_HMT_URL = 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets';
const LIST_NAME = 'UK HM Treasury Consolidated List';

/** Line 2 of the file, in order. */
const UK_HEADER = [
  'Name 6', 'Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5', 'Title', 'DOB', 'Town of Birth',
  'Country of Birth', 'Nationality', 'Passport Details', 'NI Number', 'Position', 'Address 1',
  'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6', 'Post/Zip Code', 'Country',
  'Other Information', 'Group Type', 'Alias Type', 'Regime', 'Listed On', 'Last Updated', 'Group ID',
] as const;
type UkColumn = (typeof UK_HEADER)[number];
const COLUMN_INDEX = new Map<UkColumn, number>(UK_HEADER.map((name, i) => [name, i]));
/** The header as error messages name it. */
/** The header's width and first columns, for messages that say what was expected. */
const HEADER_SUMMARY = [UK_HEADER.length, UK_HEADER.slice(0, 3).join(', ')] as const;

/** A data row with its line, read through `value`. */
interface UkRow {
  line: number;
  fields: string[];
}

/** Options for `parseUkHmt`. */
export interface UkHmtParseOptions {
  /** ISO date to use when the file has no readable `Last Updated` line. */
  dataDate?: string;
}

/**
 * Parses the pre-2022 OFSI consolidated list CSV into one entry per `Group ID`.
 *
 * @param file - file name, for messages
 * @param bytes - the file as downloaded (Windows-1252)
 * @param options - `dataDate` fallback when line 1 has no date
 * @returns entries in file order of their first row; rows with the wrong column count or no
 *   Group ID are skipped with a warning
 * @throws ParseError on an empty, oversized, truncated or non-UK-HMT file
 */
export function parseUkHmt(file: string, bytes: Uint8Array, options: UkHmtParseOptions = {}): SourceParseResult {
  assertSaneSize(file, bytes);
  const { text, warnings: encodingWarnings } = decodeUkText(file, bytes);
  const { records, warnings } = readCsvRecords(file, text);
  warnings.unshift(...encodingWarnings);
  const { fileDate, headerAt } = readPreamble(file, records, warnings);
  const dataDate = fileDate ?? options.dataDate ?? null;

  const groups = new Map<string, UkRow[]>();
  for (const record of records.slice(headerAt + 1)) {
    const fields = fitColumns(record);
    if (!fields) {
      warnings.push(issue(file, record.line, diagnostic('diagColumnsSkipped', UK_HEADER.length, record.fields.length)));
      continue;
    }
    const row = { line: record.line, fields };
    const groupId = value(row, 'Group ID');
    if (!groupId) {
      warnings.push(issue(file, record.line, diagnostic('diagUkNoGroupIdSkipped')));
      continue;
    }
    const group = groups.get(groupId);
    if (group) group.push(row);
    else groups.set(groupId, [row]);
  }

  const entries: SourceEntry[] = [];
  for (const [groupId, rows] of groups) {
    const entry = buildEntry(file, groupId, rows, dataDate ?? '', warnings);
    if (entry) entries.push(entry);
  }
  return { source: UK_HMT_SOURCE, dataDate, entries, warnings };
}

/* ------------------------------------------------------------------ file structure ------ */

/**
 * OFSI publishes Windows-1252. A copy re-saved as UTF-8 (a spreadsheet's "CSV UTF-8") is valid
 * UTF-8 with multi-byte characters, which Windows-1252 text practically never is, and reading it as
 * Windows-1252 would turn "é" into "Ã©"; such a file is read as UTF-8, with a warning.
 */
function decodeUkText(file: string, bytes: Uint8Array): { text: string; warnings: SourceParseResult['warnings'] } {
  if (bytes.some((b) => b >= 0x80)) {
    try {
      const text = decodeText(file, bytes, 'utf-8');
      return { text, warnings: [issue(file, undefined, diagnostic('diagUkUtf8'))] };
    } catch {
      // Not UTF-8: the publisher's own encoding, below.
    }
  }
  // decodeText maps the C1 controls Node's decoder yields for 0x80–0x9F back to Windows-1252.
  return { text: decodeText(file, bytes, 'windows-1252'), warnings: [] };
}

/** Finds the header (line 2 after `Last Updated`, or line 1 without it) and the file's date. */
function readPreamble(
  file: string,
  records: CsvRecord[],
  warnings: SourceParseResult['warnings'],
): { fileDate: string | null; headerAt: number } {
  const first = records[0];
  if (!first) throw new ParseError(file, diagnostic('diagUkNoRows'));
  if (isHeader(first.fields)) {
    warnings.push(issue(file, first.line, diagnostic('diagUkNoLastUpdated')));
    return { fileDate: null, headerAt: 0 };
  }
  const label = cleanSpace(first.fields[0] ?? '');
  if (label !== 'Last Updated') {
    throw new ParseError(file, diagnostic('diagUkNotThisList', ...HEADER_SUMMARY, preview(first.fields)), first.line);
  }
  const header = records[1];
  if (!header || !isHeader(header.fields)) {
    const problem = header ? diagnostic('diagUkNoHeader', ...HEADER_SUMMARY, preview(header.fields)) : diagnostic('diagUkNoHeaderEnd', ...HEADER_SUMMARY);
    throw new ParseError(file, problem, header?.line ?? first.line + 1);
  }
  const raw = cleanSpace(first.fields[1] ?? '');
  const date = ukDate(raw);
  if (date?.kind === 'day') return { fileDate: date.date, headerAt: 1 };
  warnings.push(issue(file, first.line, diagnostic('diagUkBadLastUpdated', raw)));
  return { fileDate: null, headerAt: 1 };
}

function isHeader(fields: string[]): boolean {
  const names = fields.map(cleanSpace);
  while (names.length > UK_HEADER.length && names[names.length - 1] === '') names.pop();
  return names.length === UK_HEADER.length && UK_HEADER.every((name, i) => names[i] === name);
}

function preview(fields: string[]): string {
  const joined = fields.join(',').replace(/,+$/, '');
  return joined.length > 80 ? `${joined.slice(0, 80)}…` : joined;
}

/** The row's fields when it has the header's width; trailing empty extras (spreadsheet export) are dropped. */
function fitColumns(record: CsvRecord): string[] | undefined {
  const { fields } = record;
  if (fields.length < UK_HEADER.length) return undefined;
  if (fields.slice(UK_HEADER.length).some((f) => f.trim() !== '')) return undefined;
  return fields.slice(0, UK_HEADER.length);
}

function value(row: UkRow, column: UkColumn): string {
  return cleanSpace(row.fields[COLUMN_INDEX.get(column) ?? -1] ?? '');
}

/** Distinct non-empty values of a column over a group's rows, in row order. */
function distinct(rows: UkRow[], column: UkColumn): string[] {
  return [...new Set(rows.map((row) => value(row, column)).filter((v) => v !== ''))];
}

/* ------------------------------------------------------------------ one target ---------- */

function buildEntry(
  file: string,
  groupId: string,
  rows: UkRow[],
  dataDate: string,
  warnings: SourceParseResult['warnings'],
): SourceEntry | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const groupType = value(first, 'Group Type');
  const otherInformation = distinct(rows, 'Other Information');
  const kind = kindOf(groupType, value(first, 'Name 6'), otherInformation.join(' '));
  if (!kind) {
    warnings.push(issue(file, first.line, diagnostic('diagUkUnknownGroupType', groupId, groupType)));
    return undefined;
  }
  const names = namesOf(rows, kind);
  if (names.length === 0) {
    warnings.push(issue(file, first.line, diagnostic('diagUkNoName', groupId)));
    return undefined;
  }
  if (!names.some((n) => n.type === 'primary')) {
    warnings.push(issue(file, first.line, diagnostic('diagUkNoPrimeAlias', groupId)));
  }

  const remarks: string[] = [];
  const identifiers: Identifier[] = [];
  for (const [column, type] of [['Passport Details', 'Passport'], ['NI Number', 'National ID No.']] as const) {
    for (const raw of distinct(rows, column)) {
      const read = raw.length <= MAX_PICKED_CELL_CHARS ? readDocuments(raw, type, column) : { identifiers: [], remarks: [`${column}: ${raw}`] };
      identifiers.push(...read.identifiers);
      remarks.push(...read.remarks);
    }
  }
  identifiers.push(...imoIdentifiers(otherInformation.join(' '), kind));
  const nationalities: string[] = [];
  for (const raw of distinct(rows, 'Nationality')) {
    const read = raw.length <= MAX_PICKED_CELL_CHARS ? readNationalities(raw) : { codes: [], exact: false };
    nationalities.push(...read.codes.filter((c) => !nationalities.includes(c)));
    if (!read.exact) remarks.push(`Nationality: ${raw}`);
  }

  const listedOn = distinct(rows, 'Listed On')
    .map(ukDate)
    .flatMap((d) => (d?.kind === 'day' ? [d.date] : []))
    .sort()[0];
  const gender = kind === 'person' ? genderIn(otherInformation.join(' ')) : undefined;
  const vessel = kind === 'vessel' ? vesselDetails(otherInformation.join(' ')) : undefined;
  const reasons = otherInformation.join('\n');

  return {
    source: UK_HMT_SOURCE,
    kind,
    names,
    birthDates: uniqueDates(distinct(rows, 'DOB').map((raw) => ukDate(raw) ?? { kind: 'text', text: raw })),
    birthPlaces: [...new Set(rows.map((r) => [value(r, 'Town of Birth'), value(r, 'Country of Birth')].filter(Boolean).join(', ')).filter(Boolean))],
    nationalities,
    positions: [...new Set([...distinct(rows, 'Position'), ...distinct(rows, 'Title')])],
    ...(gender ? { gender } : {}),
    addresses: addressesOf(rows),
    identifiers,
    remarks,
    ...(vessel ? { vessel } : {}),
    listing: {
      authority: 'UK',
      list: LIST_NAME,
      programmes: distinct(rows, 'Regime'),
      ...(listedOn ? { listedOn } : {}),
      reference: groupId,
      sourceUrl: UK_HMT_URL,
      dataDate,
      ...(reasons ? { reasons } : {}),
    },
  };
}

/**
 * Free-text cells longer than this are kept whole rather than picked apart: real ones stay under
 * 800 characters, and the patterns that pick them apart are not linear on hostile input.
 */
const MAX_PICKED_CELL_CHARS = 2000;

/** Company words in a name: a shipping company is not its ship, whatever IMO number its notes cite. */
const COMPANY_WORDS = /\b(co|company|corp|corporation|ltd|limited|llc|inc|jsc|shipping|trading|group|bank)\b/i;

/**
 * The list types ships as `Entity`; a target is taken as a vessel when its notes give a valid ship
 * IMO number and its name has no company words. Companies carry IMO *company* numbers, whose
 * check digit differs, so the check digit tells the two apart.
 */
function kindOf(groupType: string, name: string, notes: string): SubjectKind | undefined {
  switch (groupType.toLowerCase()) {
    case 'individual':
      return 'person';
    case 'ship':
    case 'vessel':
      return 'vessel';
    case 'entity':
      return shipImoNumbers(notes).length > 0 && !COMPANY_WORDS.test(name) ? 'vessel' : 'organisation';
    default:
      return undefined;
  }
}

/* ------------------------------------------------------------------ names --------------- */

function namesOf(rows: UkRow[], kind: SubjectKind): EntryName[] {
  const names = new Map<string, EntryName>();
  for (const row of rows) {
    const given = value(row, 'Name 1');
    const middle = (['Name 2', 'Name 3', 'Name 4', 'Name 5'] as const).map((c) => value(row, c)).filter(Boolean).join(' ');
    const family = value(row, 'Name 6');
    const full = [given, middle, family].filter(Boolean).join(' ');
    if (!full) continue;
    const type = nameTypeOf(value(row, 'Alias Type'));
    const existing = names.get(full);
    if (existing) {
      // The same name repeats on every DOB and regime row; a primary mention wins.
      if (type === 'primary') existing.type = 'primary';
      continue;
    }
    const parts: NameParts = {};
    if (given) parts.given = given;
    if (middle) parts.middle = middle;
    if (family) parts.family = family;
    names.set(full, { full, ...(kind === 'person' ? { parts } : {}), type, strength: 'strong' });
  }
  const all = [...names.values()];
  return [...all.filter((n) => n.type === 'primary'), ...all.filter((n) => n.type !== 'primary')];
}

/**
 * `Prime Alias` is the primary name; `FKA` a former one; `AKA` and anything else an alias. The
 * layout has no alias-quality column, so every name is as strong as the list states it.
 */
function nameTypeOf(aliasType: string): EntryName['type'] {
  const key = foldKey(aliasType);
  if (key === 'prime alias' || key === 'primary name') return 'primary';
  if (key === 'fka' || key === 'formerly known as') return 'formerly';
  return 'alias';
}

/* ------------------------------------------------------------------ dates --------------- */

/**
 * `dd/mm/yyyy`, with `00` for an unknown day or month (`00/00/1980` is the year 1980,
 * `00/05/1980` May 1980). Undefined when the text is not in that shape or names no real date.
 */
function ukDate(raw: string): PartialDate | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month > 12) return undefined;
  const yyyy = String(year);
  const mm = pad2(month);
  if (month === 0) return day === 0 ? { kind: 'year', year } : undefined;
  if (day === 0) return { kind: 'month', date: `${yyyy}-${mm}` };
  if (day > daysInMonth(year, month)) return undefined;
  return { kind: 'day', date: `${yyyy}-${mm}-${pad2(day)}` };
}

/* ------------------------------------------------------------------ addresses ----------- */

const ADDRESS_LINES = ['Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6', 'Post/Zip Code'] as const;

/**
 * One address per distinct address block. The Country cell becomes the ISO code when it is a plain
 * country name; otherwise ("Afghanistan (since 2009)") it stays as the last line, code or not.
 * Lines are kept as printed.
 */
function addressesOf(rows: UkRow[]): Address[] {
  const seen = new Set<string>();
  const addresses: Address[] = [];
  for (const row of rows) {
    const lines = ADDRESS_LINES.map((c) => value(row, c)).filter(Boolean);
    const countryText = value(row, 'Country');
    // With no Country cell, a last line that is a country name ("Libya") still says where.
    const code = countryText ? countryCodeOf(countryText) : lines.length > 0 ? countryCodeOf(lines[lines.length - 1] ?? '') : undefined;
    if (countryText && (!code || /[()]/.test(countryText))) lines.push(countryText);
    if (lines.length === 0 && !code) continue;
    const address: Address = { lines, ...(code ? { country: code } : {}) };
    const key = JSON.stringify(address);
    if (seen.has(key)) continue;
    seen.add(key);
    addresses.push(address);
  }
  return addresses;
}
