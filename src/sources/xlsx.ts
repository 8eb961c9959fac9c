import { ParseError, assertSaneSize } from './errors';
import { diagnostic } from './diagnostics';
import { MAX_CELLS, type SheetContext, readSharedStrings, readSheetRows } from './xlsx-sheet';
import { readDateStyles } from './xlsx-styles';
import { ZipReader, readPartRecords } from './xlsx-zip';

/**
 * A small, safe reader for the values in .xlsx workbooks (Office Open XML spreadsheets), enough for
 * the official lists published as Excel files (DFAT, SIPRI). It reads cell values only: no formulas,
 * colours, merged cells or drawings. The zip is opened with fflate and every XML part is read with
 * the entity-safe streaming reader in xml.ts, so no DOM and no Node API is needed. This module
 * finds the workbook's parts; xlsx-zip.ts, xlsx-styles.ts and xlsx-sheet.ts read them.
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

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
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
    if (!rel) throw new ParseError(file, diagnostic('diagXlsxNoRelationship', sheet.name, sheet.relId, workbookPath));
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
    if (!zip.has(part)) throw new ParseError(file, diagnostic('diagXlsxMissingSheetPart', name, part));
    sheets.set(name, { name, rows: readSheetRows(zip, part, diagnostic('diagXlsxSheetPart', name, part), context) });
  }
  return { sheetNames: declared.map((s) => s.name), sheets };
}

function isWanted(name: string, wanted: XlsxReadOptions['sheets']): boolean {
  if (!wanted) return true;
  return typeof wanted === 'function' ? wanted(name) : wanted.includes(name);
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
  throw new ParseError(zip.file, diagnostic('diagXlsxNoWorkbook'));
}

function readRelationships(zip: ZipReader, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  zip.inflate([part]);
  if (!zip.has(part)) return rels;
  readPartRecords(zip, part, diagnostic('diagXlsxPart', part), ['Relationship'], (rel) => {
    const { Id: id, Type: type, Target: target, TargetMode: mode } = rel.attributes;
    if (id && type && target && mode !== 'External') rels.set(id, { type, target });
  });
  return rels;
}

function readWorkbookPart(zip: ZipReader, part: string): { sheets: { name: string; relId: string }[]; date1904: boolean } {
  const sheets: { name: string; relId: string }[] = [];
  let date1904 = false;
  readPartRecords(zip, part, diagnostic('diagXlsxPart', part), ['sheet', 'workbookPr'], (record) => {
    if (record.name === 'workbookPr') {
      date1904 = isTrue(record.attributes['date1904']);
      return;
    }
    const name = record.attributes['name'];
    const relId = record.attributes['r:id'] ?? Object.entries(record.attributes).find(([k]) => k.endsWith(':id'))?.[1];
    // Re-raised by readPartRecords as "book.xlsx: <part>, line N: …".
    if (name === undefined || relId === undefined) throw new ParseError(part, diagnostic('diagXlsxSheetWithoutName'), record.line);
    sheets.push({ name, relId });
  });
  if (sheets.length === 0) throw new ParseError(zip.file, diagnostic('diagXlsxNoSheets', part));
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
