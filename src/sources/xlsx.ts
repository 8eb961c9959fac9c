import { unzipSync } from 'fflate';
import { ParseError, assertSaneSize } from './errors';
import { decodeText } from './text';
import { readXmlRecords, type XmlElement } from './xml';

/**
 * A small, safe reader for the values in .xlsx workbooks (Office Open XML spreadsheets), enough for
 * the official lists published as Excel files (DFAT, SIPRI). It reads cell values only: no formulas,
 * colours, merged cells or drawings. The zip is opened with fflate and every XML part is read with
 * the entity-safe streaming reader in xml.ts, so no DOM and no Node API is needed.
 *
 * Safety: a zip entry's declared size is checked before it is inflated (fflate inflates into a
 * buffer of exactly that size, so the declaration also caps memory), only the parts needed are
 * inflated, and the cells a sheet may expand into are capped.
 */

/** One cell value. Dates are ISO strings ('YYYY-MM-DD', or 'YYYY-MM-DDTHH:MM:SS' for time formats). */
export type XlsxCell = string | number | boolean | null;

/** One worksheet, row-major: `rows[r][c]` is the cell in Excel row r+1, column c+1. */
export interface XlsxSheet {
  name: string;
  /** Empty rows are `[]`, empty cells `null`; trailing empty cells and rows are dropped. */
  rows: XlsxCell[][];
}

export interface XlsxWorkbook {
  /** Every sheet of the workbook, in tab order (read or not). */
  sheetNames: string[];
  /** The sheets that were read, by name. */
  sheets: Map<string, XlsxSheet>;
}

export interface XlsxReadOptions {
  /** Sheets to read, by name or by a test on the name; default all. Names not found are left out. */
  sheets?: readonly string[] | ((name: string) => boolean);
}

/** Refuse any single part whose declared size is above this: real sheets are a few MB. */
export const MAX_XLSX_PART_BYTES = 200 * 1024 * 1024;
/** Refuse a workbook whose parts to read add up to more than this. */
export const MAX_XLSX_TOTAL_BYTES = 400 * 1024 * 1024;
/** A real workbook has tens of parts; a hostile central directory can claim billions. */
const MAX_ZIP_ENTRIES = 10_000;
/** Cells (empty ones inside a row included) a workbook may expand into: a sheet of 1-byte cells far apart is a bomb too. */
const MAX_CELLS = 20_000_000;
/** Excel's own limits. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

/**
 * Reads the cell values of an .xlsx workbook.
 * @param file - name used in error messages.
 * @param bytes - the whole .xlsx file.
 * @throws ParseError naming the file (and the sheet and row where there is one) when the bytes are
 *   not a zip, not a workbook, too large when inflated, or malformed.
 */
export function readXlsx(file: string, bytes: Uint8Array, options: XlsxReadOptions = {}): XlsxWorkbook {
  assertSaneSize(file, bytes);
  const zip = new ZipReader(file, bytes);

  const workbookPath = findWorkbookPath(zip);
  const workbookRels = readRelationships(zip, relsPathOf(workbookPath));
  const { sheets: declared, date1904 } = readWorkbookPart(zip, workbookPath);
  const wanted = declared.filter((sheet) => isWanted(sheet.name, options.sheets));

  const sheetParts = wanted.map((sheet) => {
    const rel = workbookRels.get(sheet.relId);
    if (!rel) throw new ParseError(file, `sheet "${sheet.name}" points to relationship ${sheet.relId}, which ${workbookPath} does not define`);
    return { name: sheet.name, part: resolvePartPath(workbookPath, rel.target) };
  });
  const stringsPart = partOfType(workbookRels, REL_SHARED_STRINGS, workbookPath);
  const stylesPart = partOfType(workbookRels, REL_STYLES, workbookPath);
  zip.inflate([...sheetParts.map((s) => s.part), stringsPart, stylesPart].filter((p): p is string => !!p));

  const context: SheetContext = {
    sharedStrings: stringsPart && zip.has(stringsPart) ? readSharedStrings(zip, stringsPart) : [],
    dateStyles: stylesPart && zip.has(stylesPart) ? readDateStyles(zip, stylesPart) : new Map(),
    date1904,
    cellBudget: { left: MAX_CELLS },
  };
  const sheets = new Map<string, XlsxSheet>();
  for (const { name, part } of sheetParts) {
    if (!zip.has(part)) throw new ParseError(file, `sheet "${name}" is missing its part ${part}: the workbook is incomplete`);
    sheets.set(name, { name, rows: readSheetRows(zip, part, `sheet "${name}" (${part})`, context) });
  }
  return { sheetNames: declared.map((s) => s.name), sheets };
}

function isWanted(name: string, wanted: XlsxReadOptions['sheets']): boolean {
  if (!wanted) return true;
  return typeof wanted === 'function' ? wanted(name) : wanted.includes(name);
}

/* ---------------------------------------------------------------- zip ------------------- */

/**
 * The workbook's zip. Its central directory is listed once without inflating anything, to learn
 * each part's declared size; parts are then inflated on request, after the size limits are checked.
 */
class ZipReader {
  readonly file: string;
  private readonly bytes: Uint8Array;
  private readonly parts = new Map<string, Uint8Array>();
  /** Entry name → declared uncompressed size, from the central directory. */
  private readonly declaredSizes = new Map<string, number>();
  private inflatedBytes = 0;

  constructor(file: string, bytes: Uint8Array) {
    this.file = file;
    this.bytes = bytes;
    // Every zip starts with a local file header "PK\3\4"; checking first gives a plain message
    // for the common mistake (a CSV or HTML page saved as .xlsx) and spares fflate's EOCD search.
    if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
      throw new ParseError(file, 'not an XLSX workbook (the file is not a zip archive)');
    }
    this.unzip((entry) => {
      // A name listed twice: the first entry is the part, as for the inflating pass below.
      if (!this.declaredSizes.has(entry.name)) this.declaredSizes.set(entry.name, entry.originalSize);
      return false;
    });
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  /**
   * Inflates the named parts that exist. Their declared sizes are checked, alone and together,
   * before any is inflated: fflate allocates the declared size up front.
   */
  inflate(names: readonly string[]): void {
    const wanted = new Set(names.filter((n) => this.declaredSizes.has(n) && !this.parts.has(n)));
    if (wanted.size === 0) return;
    for (const name of wanted) {
      const size = this.declaredSizes.get(name)!;
      if (size > MAX_XLSX_PART_BYTES) {
        throw new ParseError(this.file, `part ${name} would inflate to ${size} bytes, more than the ${MAX_XLSX_PART_BYTES}-byte limit (refused: possible zip bomb)`);
      }
      this.inflatedBytes += size;
    }
    if (this.inflatedBytes > MAX_XLSX_TOTAL_BYTES) {
      throw new ParseError(this.file, `the workbook would inflate to ${this.inflatedBytes} bytes, more than the ${MAX_XLSX_TOTAL_BYTES}-byte limit (refused: possible zip bomb)`);
    }
    const found = this.unzip((entry) => {
      if (!wanted.has(entry.name)) return false;
      wanted.delete(entry.name);
      return true;
    });
    for (const [name, data] of Object.entries(found)) this.parts.set(name, data);
  }

  /** Text of a part inflated earlier, decoded as UTF-8 (what Excel and every list publisher write). */
  text(name: string, label: string): string {
    const data = this.parts.get(name);
    if (!data) throw new ParseError(this.file, `not an XLSX workbook (no ${name})`);
    try {
      return decodeText(label, data, 'utf-8');
    } catch (error) {
      throw rethrowInFile(this.file, error);
    }
  }

  private unzip(filter: (entry: { name: string; originalSize: number }) => boolean): Record<string, Uint8Array> {
    let entries = 0;
    try {
      return unzipSync(this.bytes, {
        filter: (entry) => {
          if (++entries > MAX_ZIP_ENTRIES) throw new ParseError(this.file, `the zip lists more than ${MAX_ZIP_ENTRIES} entries; no workbook has that many`);
          return filter(entry);
        },
      });
    } catch (error) {
      if (error instanceof ParseError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ParseError(this.file, `not an XLSX workbook (the zip archive is damaged or truncated: ${reason})`);
    }
  }
}

/** A ParseError raised while reading one part, re-raised against the workbook file. */
function rethrowInFile(file: string, error: unknown): unknown {
  return error instanceof ParseError ? new ParseError(file, error.message) : error;
}

/** Reads one XML part as records, reporting errors as "book.xlsx: <label>, line N: …". */
function readPartRecords(zip: ZipReader, part: string, label: string, recordNames: string[], onRecord: (record: XmlElement) => void, onOpenOutside?: (name: string) => void): void {
  const text = zip.text(part, label);
  try {
    readXmlRecords(label, text, new Set(recordNames), { onRecord, onOpenOutside });
  } catch (error) {
    throw rethrowInFile(zip.file, error);
  }
}

/* ---------------------------------------------------------------- workbook structure ----- */

interface Relationship {
  type: string;
  target: string;
}

function findWorkbookPath(zip: ZipReader): string {
  zip.inflate(['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
  if (zip.has('_rels/.rels')) {
    for (const rel of readRelationships(zip, '_rels/.rels').values()) {
      if (REL_OFFICE_DOCUMENT.test(rel.type)) {
        const path = resolvePartPath('', rel.target);
        zip.inflate([path, relsPathOf(path)]);
        if (zip.has(path)) return path;
      }
    }
  }
  if (zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new ParseError(zip.file, 'not an XLSX workbook (a zip archive, but it has no xl/workbook.xml)');
}

function readRelationships(zip: ZipReader, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  zip.inflate([part]);
  if (!zip.has(part)) return rels;
  readPartRecords(zip, part, part, ['Relationship'], (rel) => {
    const { Id: id, Type: type, Target: target, TargetMode: mode } = rel.attributes;
    if (id && type && target && mode !== 'External') rels.set(id, { type, target });
  });
  return rels;
}

function readWorkbookPart(zip: ZipReader, part: string): { sheets: { name: string; relId: string }[]; date1904: boolean } {
  const sheets: { name: string; relId: string }[] = [];
  let date1904 = false;
  readPartRecords(zip, part, part, ['sheet', 'workbookPr'], (record) => {
    if (record.name === 'workbookPr') {
      date1904 = isTrue(record.attributes['date1904']);
      return;
    }
    const name = record.attributes['name'];
    const relId = record.attributes['r:id'] ?? Object.entries(record.attributes).find(([k]) => k.endsWith(':id'))?.[1];
    if (name === undefined || relId === undefined) throw new ParseError(zip.file, `${part}, line ${record.line}: a <sheet> without a name or relationship id`);
    sheets.push({ name, relId });
  });
  if (sheets.length === 0) throw new ParseError(zip.file, `not an XLSX workbook (${part} lists no sheets)`);
  return { sheets, date1904 };
}

function partOfType(rels: Map<string, Relationship>, type: RegExp, from: string): string | undefined {
  for (const rel of rels.values()) if (type.test(rel.type)) return resolvePartPath(from, rel.target);
  return undefined;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that declares it ("worksheets/sheet1.xml", "/xl/…", "../…"). */
function resolvePartPath(from: string, target: string): string {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.join('/');
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/* ---------------------------------------------------------------- shared strings, styles -- */

function readSharedStrings(zip: ZipReader, part: string): string[] {
  const strings: string[] = [];
  readPartRecords(zip, part, part, ['si'], (si) => strings.push(richText(si)));
  return strings;
}

/**
 * Text of an <si> or <is>: a plain <t>, or rich-text runs <r><t>…</t></r> joined. Phonetic
 * guides (<rPh>) are left out: they are reading aids, not part of the value.
 */
function richText(element: XmlElement): string {
  let text = '';
  for (const child of element.children) {
    if (child.name === 't') text += child.text;
    else if (child.name === 'r') for (const t of child.children) if (t.name === 't') text += t.text;
  }
  return text;
}

/** What a date-formatted cell shows: a day, or a day with a time. */
export type DateStyle = 'date' | 'datetime';

/** Built-in number formats that show dates (14–17, 22) or times (18–21, 45–47), from ECMA-376 §18.8.30. */
const BUILTIN_DATE_FORMATS: ReadonlyMap<number, DateStyle> = new Map([
  [14, 'date'], [15, 'date'], [16, 'date'], [17, 'date'],
  [18, 'datetime'], [19, 'datetime'], [20, 'datetime'], [21, 'datetime'], [22, 'datetime'],
  [45, 'datetime'], [46, 'datetime'], [47, 'datetime'],
]);

/** Cell style index (the `s` attribute) → how the date shows, for date-formatted styles only. */
function readDateStyles(zip: ZipReader, part: string): Map<number, DateStyle> {
  const customFormats = new Map<number, DateStyle | null>();
  const styles = new Map<number, DateStyle>();
  // <xf> appears under both <cellStyleXfs> and <cellXfs>; the `s` attribute indexes <cellXfs>.
  // Nothing but <xf> records sits inside either, so the last container opened tells them apart.
  let section = '';
  let index = 0;
  readPartRecords(
    zip,
    part,
    part,
    ['numFmt', 'xf'],
    (record) => {
      const id = Number(record.attributes['numFmtId']);
      if (record.name === 'numFmt') {
        // <dxf> (conditional formats) also hold <numFmt>s; only those under <numFmts> define ids.
        if (section === 'numFmts') customFormats.set(id, dateStyleOfFormat(record.attributes['formatCode'] ?? ''));
      } else if (section === 'cellXfs') {
        const style = customFormats.has(id) ? customFormats.get(id) : BUILTIN_DATE_FORMATS.get(id);
        if (style) styles.set(index, style);
        index++;
      }
    },
    (name) => {
      section = name;
    },
  );
  return styles;
}

/**
 * Whether a custom number format code shows a date or time. Quoted text, escaped characters and
 * bracketed parts ([Red], [$-C09] locales) are removed first, so only format tokens remain; a
 * d/m/y token then means a date, an h/s token a time.
 */
function dateStyleOfFormat(code: string): DateStyle | null {
  const section = code.split(';')[0] ?? '';
  const tokens = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '');
  if (/[hs]/i.test(tokens)) return 'datetime';
  if (/[dmy]/i.test(tokens)) return 'date';
  return null;
}

/* ---------------------------------------------------------------- sheets ----------------- */

interface SheetContext {
  sharedStrings: string[];
  dateStyles: Map<number, DateStyle>;
  date1904: boolean;
  /** Shared across the sheets of one call, so many sheets cannot add up to a bomb either. */
  cellBudget: { left: number };
}

function readSheetRows(zip: ZipReader, part: string, label: string, context: SheetContext): XlsxCell[][] {
  const rows: XlsxCell[][] = [];
  let lastRow = 0;
  readPartRecords(zip, part, label, ['row'], (row) => {
    const rowNumber = row.attributes['r'] === undefined ? lastRow + 1 : Number(row.attributes['r']);
    if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > MAX_ROW) {
      throw new ParseError(label, `row number "${row.attributes['r']}" is not a valid Excel row`, row.line);
    }
    lastRow = rowNumber;
    const cells = rows[rowNumber - 1] ?? [];
    let lastColumn = 0;
    for (const c of row.children) {
      if (c.name !== 'c') continue;
      const column = c.attributes['r'] === undefined ? lastColumn + 1 : columnOfReference(c.attributes['r'], rowNumber, label, c.line);
      lastColumn = column;
      const value = cellValue(c, context, label);
      if (value === null) continue;
      // Padding to this column costs memory even though the cells are empty: count it.
      context.cellBudget.left -= Math.max(1, column - cells.length);
      if (context.cellBudget.left < 0) throw new ParseError(label, `the workbook expands to more than ${MAX_CELLS} cells (refused: too large for a list)`, c.line);
      while (cells.length < column - 1) cells.push(null);
      cells[column - 1] = value;
    }
    // A row of empty cells is not stored: far-off empty rows (r="1048576") would otherwise make
    // the gap filling below allocate a million rows.
    if (cells.length === 0) return;
    if (rowNumber > rows.length) {
      context.cellBudget.left -= rowNumber - rows.length;
      if (context.cellBudget.left < 0) throw new ParseError(label, `the workbook expands to more than ${MAX_CELLS} cells (refused: too large for a list)`, row.line);
    }
    rows[rowNumber - 1] = cells;
  });
  // Fill skipped rows so rows[r] stays Excel row r+1, and drop trailing empty ones.
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  while (rows.length > 0 && rows.at(-1)!.length === 0) rows.pop();
  return rows;
}

/** Column number (1-based) of a reference such as "C5", checked against its row. */
function columnOfReference(ref: string, rowNumber: number, label: string, line: number): number {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!match || Number(match[2]) !== rowNumber) throw new ParseError(label, `cell reference "${ref}" is not a cell of row ${rowNumber}`, line);
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  if (column > MAX_COLUMN) throw new ParseError(label, `cell reference "${ref}" is beyond Excel's last column`, line);
  return column;
}

/** The value of one <c> element; empty cells and empty strings are null. */
function cellValue(c: XmlElement, context: SheetContext, label: string): XlsxCell {
  const type = c.attributes['t'] ?? 'n';
  const ref = c.attributes['r'] ?? 'a cell';
  if (type === 'inlineStr') {
    const is = c.children.find((child) => child.name === 'is');
    return is ? richText(is) || null : null;
  }
  const v = c.children.find((child) => child.name === 'v')?.text;
  if (v === undefined || v.trim() === '') return null;
  switch (type) {
    case 's': {
      const text = context.sharedStrings[Number(v)];
      if (text === undefined) throw new ParseError(label, `cell ${ref} refers to shared string ${v}, which does not exist`, c.line);
      return text || null;
    }
    case 'str': // a formula's cached text result
    case 'e': // an error value such as #N/A, kept as Excel shows it
      return v;
    case 'd': // ISO 8601 date cell (rare; Strict OOXML)
      return v.replace(/T00:00:00(\.0+)?Z?$/, '');
    case 'b':
      return v === '1' || v === 'true';
    case 'n': {
      const number = Number(v);
      if (!Number.isFinite(number)) throw new ParseError(label, `cell ${ref} should hold a number but holds "${v}"`, c.line);
      const style = context.dateStyles.get(Number(c.attributes['s'] ?? 0));
      return style ? (excelSerialToIso(number, style, context.date1904) ?? number) : number;
    }
    default:
      throw new ParseError(label, `cell ${ref} has unknown type "${type}"`, c.line);
  }
}

/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2_958_465;

/**
 * An Excel date serial as an ISO string: 'YYYY-MM-DD' for `date`, 'YYYY-MM-DDTHH:MM:SS' for
 * `datetime` (times rounded to the second). For parsers that meet a serial in a cell whose format
 * does not say "date". Serials count days from 1899-12-31 (serial 1 = 1900-01-01),
 * except that Excel counts 1900-02-29, which never existed (kept for Lotus 1-2-3 compatibility),
 * so from serial 61 on the epoch is 1899-12-30. 1904-based workbooks count from 1904-01-01.
 * Undefined for serials outside Excel's date range.
 */
export function excelSerialToIso(serial: number, style: DateStyle = 'date', date1904 = false): string | undefined {
  if (serial < 0 || serial > MAX_SERIAL) return undefined;
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else epoch = serial < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const iso = new Date(epoch + Math.round(serial * 86_400) * 1000).toISOString();
  return style === 'date' ? iso.slice(0, 10) : iso.slice(0, 19);
}
