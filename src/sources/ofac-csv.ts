/**
 * Reading OFAC's legacy CSV files at the level of rows: telling which of the four files a file is
 * (the sniffer), decoding, splitting records, and checking each row's shape before the parser
 * (ofac-legacy.ts) builds entries from it. No header row, `-0- ` for null, CRLF, a trailing 0x1A
 * byte, Windows-1252.
 */
import type { EntryName, ParseIssue, SubjectKind } from '../kb/model';
import { ParseError, assertSaneSize } from './errors';
import { diagnostic, issue, type Diagnostic, type DiagnosticKey } from './diagnostics';
import { tidySpace } from './ofac-remarks';
import { decodeText } from './text';

/** A file's name and contents, as the importer or the kb tool hands it over. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** Which of the four legacy files a file is. */
export type OfacLegacyRole = 'sdn' | 'alt' | 'add' | 'comments';

/** One checked row: its line, its ent_num and its fields as they are in the file. */
export interface Row {
  line: number;
  entNum: string;
  fields: string[];
}

const COLUMNS: Record<OfacLegacyRole, number> = { sdn: 12, alt: 5, add: 6, comments: 2 };
/** "…: this is not an OFAC aliases file (alt.csv / cons_alt.csv)", around a reason, per role. */
const NOT_THIS: Record<OfacLegacyRole, DiagnosticKey> = {
  sdn: 'diagOfacNotPrimaryFile',
  alt: 'diagOfacNotAliasesFile',
  add: 'diagOfacNotAddressesFile',
  comments: 'diagOfacNotRemarksFile',
};
/** Past this many row-level warnings per file, one summary line stands for the rest. */
const MAX_ROW_WARNINGS = 50;
/** How much of a file the sniffer reads: many records, little work. */
const SNIFF_BYTES = 64 * 1024;
const ENT_NUM_RE = /^\d{1,9}$/;
// Maps, not object literals: a field reading "constructor" must not find Object.prototype's.
export const ALT_TYPES = new Map<string, EntryName['type']>([['aka', 'alias'], ['fka', 'formerly'], ['nka', 'alias']]);
export const SDN_TYPES = new Map<string, SubjectKind>([['individual', 'person'], ['vessel', 'vessel'], ['aircraft', 'aircraft']]);
const NAME_ROLES: [RegExp, OfacLegacyRole][] = [
  [/(^|[^a-z])(sdn_comments|cons_comments)[^/\\]*\.csv$/i, 'comments'],
  [/(^|[^a-z])(sdn|cons_prim)[^/\\]*\.csv$/i, 'sdn'],
  [/(^|[^a-z])(alt|cons_alt)[^/\\]*\.csv$/i, 'alt'],
  [/(^|[^a-z])(add|cons_add)[^/\\]*\.csv$/i, 'add'],
];

/**
 * Tells which of the four legacy files a file is, from its first records (column count, numeric
 * ent_num, alias types, the `-0-` marker) and, where the content cannot tell, from its name
 * (sdn.csv, alt.csv, add.csv, sdn_comments.csv, cons_prim.csv, cons_alt.csv, …).
 * @returns the role, or null for a file that is none of them.
 */
export function sniffOfacLegacyRole(name: string, bytes: Uint8Array): OfacLegacyRole | null {
  const byName = NAME_ROLES.find(([pattern]) => pattern.test(name))?.[1] ?? null;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let records: CsvRecord[] = [];
  try {
    // The structure is ASCII, so a UTF-8 copy reads the same way for this purpose.
    const text = decodeText(name, bytes.subarray(start, start + SNIFF_BYTES), 'windows-1252');
    // Only whole records count: a window that stops short of the end usually stops inside one.
    const end = bytes.byteLength - start > SNIFF_BYTES ? text.lastIndexOf('\n') + 1 : text.length;
    splitRecords(name, stripTrailer(text.slice(0, end)), (record) => records.push(record));
  } catch {
    return null;
  }
  const roles = records.slice(0, 5).map((record) => roleOfRecord(record.fields));
  const first = roles[0];
  if (first === undefined) return byName;
  return first && roles.every((role) => role === first) ? first : null;
}

/** The role a single record's shape fits, or null. */
function roleOfRecord(fields: string[]): OfacLegacyRole | null {
  const at = (index: number): string => fields[index]?.trim() ?? '';
  if (!ENT_NUM_RE.test(at(0))) return null;
  switch (fields.length) {
    case 12:
      return SDN_TYPES.has(at(2)) || isNull(at(2)) ? 'sdn' : null;
    case 5:
      return ENT_NUM_RE.test(at(1)) && ALT_TYPES.has(at(2)) ? 'alt' : null;
    case 6:
      return ENT_NUM_RE.test(at(1)) ? 'add' : null;
    case 2:
      return isNull(at(1)) ? null : 'comments';
    default:
      return null;
  }
}

/* ------------------------------------------------------------------ reading files ------ */

/**
 * Decodes, splits and checks one file, handing each good row to `onRow` as it is read. Bad rows
 * become warnings; a file that is not the expected one, or is cut short, a ParseError.
 */
export function readTable(file: NamedBytes, role: OfacLegacyRole, warnings: ParseIssue[], onRow: (row: Row) => void): void {
  assertSaneSize(file.name, file.bytes);
  const text = stripTrailer(decode(file));
  const columns = COLUMNS[role];
  const notThis = { context: diagnostic(NOT_THIS[role]) };
  // Every file's last column is quoted text or -0-, so anything else at the very end is a cut.
  const endsCut = !/([\r\n]|"|-0- ?)$/.test(text.slice(-5));
  let accepted = 0;
  let skipped = 0;
  let first = true;
  const skip = (line: number, problem: Diagnostic): void => {
    skipped++;
    if (skipped <= MAX_ROW_WARNINGS) warnings.push(issue(file.name, line, problem));
  };
  splitRecords(file.name, text, ({ fields, line, malformed }, isLast) => {
    const firstField = fields[0] ?? '';
    const entNum = ENT_NUM_RE.test(firstField) ? firstField : firstField.trim();
    const isFirst = first;
    first = false;
    // Only once the file has shown it is this format: a wrong file is reported as wrong, not as cut.
    if (isLast && endsCut && (accepted > 0 || fields.length === columns)) {
      const problem = fields.length === columns ? diagnostic('diagOfacLastRowCut') : diagnostic('diagOfacLastRowCutColumns', columns, fields.length);
      throw new ParseError(file.name, problem, line);
    }
    if (isFirst && /^ent_num$/i.test(entNum)) {
      warnings.push(issue(file.name, line, diagnostic('diagOfacHeaderSkipped')));
    } else if (fields.length !== columns) {
      if (accepted === 0) throw new ParseError(file.name, diagnostic('diagColumns', columns, fields.length), line, notThis);
      skip(line, diagnostic('diagColumnsSkipped', columns, fields.length));
    } else if (!ENT_NUM_RE.test(entNum)) {
      if (accepted === 0) throw new ParseError(file.name, diagnostic('diagOfacEntNumNotNumber', entNum.slice(0, 20)), line, notThis);
      skip(line, diagnostic('diagOfacEntNumNotNumberSkipped', entNum.slice(0, 20)));
    } else if (malformed) {
      skip(line, diagnostic('diagOfacTextAfterQuoteSkipped'));
    } else {
      accepted++;
      onRow({ line, entNum, fields });
    }
  });
  if (skipped > MAX_ROW_WARNINGS) {
    warnings.push(issue(file.name, undefined, diagnostic('diagMoreRowsSkipped', skipped - MAX_ROW_WARNINGS)));
  }
  if (accepted === 0) throw new ParseError(file.name, diagnostic('diagNoRows'), undefined, notThis);
}

/**
 * OFAC publishes Windows-1252. A copy re-saved as UTF-8 announces itself with a BOM, which no
 * Windows-1252 list starts with, so that one case is read as UTF-8 rather than as "ï»¿".
 */
function decode({ name, bytes }: NamedBytes): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ParseError(name, diagnostic('diagOfacUtf16'));
  }
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return decodeText(name, bytes, utf8Bom ? 'utf-8' : 'windows-1252');
}

/** Drops the DOS end-of-file byte (0x1A) OFAC appends after the last CRLF. */
function stripTrailer(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === CR || text.charCodeAt(end - 1) === LF)) end--;
  return text.charCodeAt(end - 1) === 0x1a ? text.slice(0, end - 1) : text;
}

/** OFAC's null marker `-0- ` (or an empty field). */
export function isNull(field: string): boolean {
  if (field === '-0- ' || field === '') return true;
  return field.length < 8 && (field.trim() === '-0-' || field.trim() === '');
}

/** The first `count` fields' values for the model: null for the null marker, else spaces collapsed. */
export function valuesOf(fields: string[], count: number): (string | null)[] {
  const values: (string | null)[] = new Array<string | null>(count);
  for (let i = 0; i < count; i++) {
    const field = fields[i];
    values[i] = field === undefined || isNull(field) ? null : tidySpace(field);
  }
  return values;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

interface CsvRecord {
  line: number;
  fields: string[];
  /** Text followed a closing quote (`"a"b`): not CSV as OFAC writes it. */
  malformed: boolean;
}

/**
 * Splits CSV text into records: `,` between fields, `"…"` quoting with `""` for a quote, CRLF or
 * LF (or lone CR) between records. A hand loop rather than papaparse, because papaparse guesses
 * the delimiter and takes `;` in a remarks-only file such as sdn_comments.csv, and because each
 * record needs its line number for messages. Blank lines are dropped. Records go to `onRecord`
 * one by one, with `isLast` set on the final one, so a caller need not hold them all.
 * @throws ParseError for a quote that never closes: the file was cut inside a field.
 */
function splitRecords(file: string, text: string, onRecord: (record: CsvRecord, isLast: boolean) => void): void {
  const length = text.length;
  let at = 0;
  let line = 1;
  while (at < length) {
    const record: CsvRecord = { line, fields: [], malformed: false };
    for (;;) {
      let value = '';
      const quoted = text.charCodeAt(at) === QUOTE;
      if (quoted) {
        let from = at + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) throw new ParseError(file, diagnostic('diagOfacQuoteNeverCloses'), record.line);
          const part = text.slice(from, close);
          for (let i = part.indexOf('\n'); i >= 0; i = part.indexOf('\n', i + 1)) line++;
          value += part;
          if (text.charCodeAt(close + 1) !== QUOTE) {
            at = close + 1;
            break;
          }
          value += '"';
          from = close + 2;
        }
      }
      // Unquoted text (a whole field, or stray text after a closing quote) runs to the next separator.
      let end = at;
      while (end < length) {
        const code = text.charCodeAt(end);
        if (code === COMMA || code === CR || code === LF) break;
        end++;
      }
      if (end > at) {
        if (quoted) record.malformed = true;
        value += text.slice(at, end);
        at = end;
      }
      record.fields.push(value);
      if (text.charCodeAt(at) === COMMA) {
        at++;
        continue;
      }
      if (text.charCodeAt(at) === CR) at++;
      if (text.charCodeAt(at) === LF) at++;
      line++;
      break;
    }
    if (record.fields.length > 1 || record.fields[0] !== '') onRecord(record, !hasMoreRecords(text, at));
  }
}

/** Whether anything but blank lines follows `at`. */
function hasMoreRecords(text: string, at: number): boolean {
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== CR && code !== LF) return true;
  }
  return false;
}
