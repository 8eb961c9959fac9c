/**
 * The cells of .xlsx worksheets: shared strings, cell types and date styles turned into values,
 * with the number of cells a workbook may expand into capped.
 */
import { ParseError } from './errors';
import { diagnostic, english, type Diagnostic } from './diagnostics';
import type { XlsxCell } from './xlsx';
import { type DateStyle, excelSerialToIso } from './xlsx-styles';
import { type ZipReader, readPartRecords } from './xlsx-zip';
import type { XmlElement } from './xml';

/** Cells (empty ones inside a row included) a workbook may expand into: a sheet of 1-byte cells far apart is a bomb too. */
export const MAX_CELLS = 20_000_000;
/** Excel's own limits. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** The strings of the shared-strings part, in index order. */
export function readSharedStrings(zip: ZipReader, part: string): string[] {
  const strings: string[] = [];
  readPartRecords(zip, part, diagnostic('diagXlsxPart', part), ['si'], (si) => strings.push(richText(si)));
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

/** What reading the cells of a sheet needs from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: string[];
  dateStyles: Map<number, DateStyle>;
  date1904: boolean;
  /** Shared across the sheets of one call, so many sheets cannot add up to a bomb either. */
  cellBudget: { left: number };
}

/** The cells of one worksheet part, row-major (see XlsxSheet). */
export function readSheetRows(zip: ZipReader, part: string, label: Diagnostic, context: SheetContext): XlsxCell[][] {
  // Thrown inside the part's records, so readPartRecords re-raises them against the workbook and this label.
  const where = english(label);
  const rows: XlsxCell[][] = [];
  let lastRow = 0;
  readPartRecords(zip, part, label, ['row'], (row) => {
    const rowNumber = row.attributes['r'] === undefined ? lastRow + 1 : Number(row.attributes['r']);
    if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > MAX_ROW) {
      throw new ParseError(where, diagnostic('diagXlsxBadRowNumber', row.attributes['r'] ?? ''), row.line);
    }
    lastRow = rowNumber;
    const cells = rows[rowNumber - 1] ?? [];
    let lastColumn = 0;
    for (const c of row.children) {
      if (c.name !== 'c') continue;
      const column = c.attributes['r'] === undefined ? lastColumn + 1 : columnOfReference(c.attributes['r'], rowNumber, where, c.line);
      lastColumn = column;
      const value = cellValue(c, context, where);
      if (value === null) continue;
      // Padding to this column costs memory even though the cells are empty: count it.
      context.cellBudget.left -= Math.max(1, column - cells.length);
      if (context.cellBudget.left < 0) throw new ParseError(where, diagnostic('diagXlsxTooManyCells', MAX_CELLS), c.line);
      while (cells.length < column - 1) cells.push(null);
      cells[column - 1] = value;
    }
    // A row of empty cells is not stored: far-off empty rows (r="1048576") would otherwise make
    // the gap filling below allocate a million rows.
    if (cells.length === 0) return;
    if (rowNumber > rows.length) {
      context.cellBudget.left -= rowNumber - rows.length;
      if (context.cellBudget.left < 0) throw new ParseError(where, diagnostic('diagXlsxTooManyCells', MAX_CELLS), row.line);
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
  if (!match || Number(match[2]) !== rowNumber) throw new ParseError(label, diagnostic('diagXlsxCellNotInRow', ref, rowNumber), line);
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  if (column > MAX_COLUMN) throw new ParseError(label, diagnostic('diagXlsxCellBeyondLastColumn', ref), line);
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
      if (text === undefined) throw new ParseError(label, diagnostic('diagXlsxNoSharedString', ref, v), c.line);
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
      if (!Number.isFinite(number)) throw new ParseError(label, diagnostic('diagXlsxNotANumber', ref, v), c.line);
      const style = context.dateStyles.get(Number(c.attributes['s'] ?? 0));
      return style ? (excelSerialToIso(number, style, context.date1904) ?? number) : number;
    }
    default:
      throw new ParseError(label, diagnostic('diagXlsxUnknownCellType', ref, type), c.line);
  }
}
