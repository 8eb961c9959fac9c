import type { MilexParseResult, MilexSeries, ParseIssue } from '../kb/model';
import { ParseError, assertSaneSize } from './errors';
import { diagnostic, issue, type Diagnostic } from './diagnostics';
import { cleanSpace } from './text';
import { readXlsx, type XlsxCell, type XlsxSheet } from './xlsx';

/**
 * Parser for the SIPRI Military Expenditure Database workbook (SIPRI-Milex-data-1948-2023.xlsx).
 * Two of its sheets are read: constant US$ ("Constant (2022) US$", base year in the name) and
 * "Share of GDP". Each sheet has title and note rows, then a header row starting "Country" with one
 * column per year; below it countries are grouped under region and subregion heading rows.
 * SIPRI marks missing figures with ". ." (unavailable; the cells hold "...") and "xxx" (the country
 * did not exist); both become absent years. Colour (blue = estimate, red = uncertain) is not read.
 */

const CONSTANT_SHEET_PREFIX = 'Constant (';
const SHARE_OF_GDP_SHEET = 'Share of GDP';
const FRONT_PAGE_SHEET = 'Front page';
/** Missing-value markers, compared with spaces removed: ". ." and "..." (unavailable), "xxx" (no such country then). */
const MISSING_MARKERS = new Set(['..', '...', 'xxx']);
/** How far down the header may sit: the real sheets have it in row 6. */
const HEADER_SEARCH_ROWS = 30;
/** A year column heading: SIPRI's years start in 1948 (1949 on the front page). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** One sheet's figures by country, in sheet order. */
interface SheetSeries {
  byCountry: Map<string, Record<number, number>>;
  latestYear: number | null;
}

/**
 * Parses the SIPRI milex workbook into one series per country (and per group SIPRI lists, such as
 * the European Union row). Countries appear in the order of the constant-dollar sheet.
 * `dataDate` is null: the workbook states no release date (the Front page is a text box); a warning
 * says which year the figures run to.
 * @throws ParseError when the bytes are not an XLSX workbook, a sheet is missing, or a sheet has no
 *   "Country" header row with year columns.
 */
export function parseSipriMilex(file: string, bytes: Uint8Array): MilexParseResult {
  assertSaneSize(file, bytes);
  const isWanted = (name: string): boolean => name.startsWith(CONSTANT_SHEET_PREFIX) || name === SHARE_OF_GDP_SHEET || name === FRONT_PAGE_SHEET;
  const workbook = readXlsx(file, bytes, { sheets: isWanted });
  const warnings: ParseIssue[] = [];

  const constantName = workbook.sheetNames.find((name) => name.startsWith(CONSTANT_SHEET_PREFIX));
  const constantSheet = constantName === undefined ? undefined : workbook.sheets.get(constantName);
  const shareSheet = workbook.sheets.get(SHARE_OF_GDP_SHEET);
  if (!constantSheet || !shareSheet) {
    const sheets = workbook.sheetNames.join(', ');
    const problem = !constantSheet && !shareSheet
      ? diagnostic('diagMilexNoSheets', SHARE_OF_GDP_SHEET, sheets)
      : !constantSheet
        ? diagnostic('diagMilexNoConstantSheet', sheets)
        : diagnostic('diagMilexNoShareSheet', SHARE_OF_GDP_SHEET, sheets);
    throw new ParseError(file, problem);
  }
  const baseYear = /^Constant \((\d{4})\)/.exec(constantSheet.name)?.[1];
  if (!baseYear) warnings.push(issue(file, undefined, diagnostic('diagMilexNoBaseYear', constantSheet.name)));

  const constant = readSeriesSheet(file, constantSheet, warnings);
  const share = readSeriesSheet(file, shareSheet, warnings);

  const series: MilexSeries[] = [];
  for (const [name, constantUsd] of constant.byCountry) {
    series.push({ name, constantUsd, shareOfGdp: share.byCountry.get(name) ?? {} });
  }
  for (const [name, shareOfGdp] of share.byCountry) {
    if (constant.byCountry.has(name)) continue;
    warnings.push(issue(file, undefined, diagnostic('diagMilexOnlyInOneSheet', name, shareSheet.name, constantSheet.name)));
    series.push({ name, constantUsd: {}, shareOfGdp });
  }

  const frontPage = workbook.sheets.get(FRONT_PAGE_SHEET);
  const dataDate = frontPage ? stateDateOf(frontPage) : null;
  if (!dataDate) {
    const latest = Math.max(constant.latestYear ?? 0, share.latestYear ?? 0);
    warnings.push(issue(file, undefined, latest ? diagnostic('diagMilexNoReleaseDate', latest) : diagnostic('diagMilexNoReleaseDateNoYear')));
  }
  return { dataDate, constantBaseYear: baseYear ? Number(baseYear) : null, series, warnings };
}

/**
 * Reads the country rows of one data sheet. A row with a name and no other cell is a region or
 * subregion heading ("Africa", "North Africa"): a country row always fills its year cells, with a
 * figure or a missing-value marker, even when it has no figure at all.
 */
function readSeriesSheet(file: string, sheet: XlsxSheet, warnings: ParseIssue[]): SheetSeries {
  const { headerRow, yearColumns } = findHeader(file, sheet);
  const byCountry = new Map<string, Record<number, number>>();
  let latestYear: number | null = null;
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!;
    const name = typeof cells[0] === 'string' ? cleanSpace(cells[0]) : '';
    const yearCells = yearColumns.map(({ column }) => cells[column] ?? null);
    if (yearCells.every((cell) => cell === null)) continue; // blank row or region heading
    const warn = (problem: Diagnostic): void => {
      warnings.push(issue(file, r + 1, problem, diagnostic('diagSheetRow', sheet.name, r + 1)));
    };
    if (!name) {
      warn(diagnostic('diagMilexNoCountrySkipped'));
      continue;
    }
    if (byCountry.has(name)) {
      warn(diagnostic('diagMilexRepeatedCountry', name));
      continue;
    }
    const byYear: Record<number, number> = {};
    yearColumns.forEach(({ year }, i) => {
      const value = figureOf(yearCells[i] ?? null);
      if (value === 'invalid') warn(diagnostic('diagMilexBadFigure', name, year, String(yearCells[i])));
      else if (value !== null) {
        byYear[year] = value;
        if (latestYear === null || year > latestYear) latestYear = year;
      }
    });
    byCountry.set(name, byYear);
  }
  return { byCountry, latestYear };
}

/** The header row (first cell "Country") and the columns whose heading is a year. */
function findHeader(file: string, sheet: XlsxSheet): { headerRow: number; yearColumns: { year: number; column: number }[] } {
  for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r++) {
    const cells = sheet.rows[r]!;
    if (typeof cells[0] !== 'string' || cleanSpace(cells[0]).toLowerCase() !== 'country') continue;
    const yearColumns: { year: number; column: number }[] = [];
    cells.forEach((cell, column) => {
      const year = typeof cell === 'number' ? cell : typeof cell === 'string' && /^\s*\d{4}\s*$/.test(cell) ? Number(cell) : NaN;
      if (Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR) yearColumns.push({ year, column });
    });
    if (yearColumns.length === 0) throw new ParseError(file, diagnostic('diagMilexNoYearColumns', sheet.name, r + 1));
    return { headerRow: r, yearColumns };
  }
  throw new ParseError(file, diagnostic('diagMilexNoHeader', sheet.name, HEADER_SEARCH_ROWS));
}

/** A figure, null for a missing-value marker or an empty cell, 'invalid' for anything else. */
function figureOf(cell: XlsxCell): number | null | 'invalid' {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'invalid';
  if (typeof cell !== 'string') return 'invalid';
  const compact = cell.replace(/\s+/g, '');
  if (compact === '' || MISSING_MARKERS.has(compact.toLowerCase())) return null;
  const number = Number(compact);
  return /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(compact) && Number.isFinite(number) ? number : 'invalid';
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A release date stated on the Front page, if its cells carry one ("Released 22 April 2024", or a
 * date cell). The 2024 edition's front page has no cells at all (its text is a drawing), so this
 * finds nothing there; it is kept for editions that put the date in a cell.
 */
function stateDateOf(frontPage: XlsxSheet): string | null {
  for (const row of frontPage.rows) {
    for (const cell of row) {
      if (typeof cell !== 'string') continue;
      if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) return cell;
      const match = /\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/i.exec(cell);
      if (match && /releas|publish|updated/i.test(cell)) {
        const month = MONTH_NAMES.indexOf(match[2]!.toLowerCase()) + 1;
        return `${match[3]}-${String(month).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
      }
    }
  }
  return null;
}
