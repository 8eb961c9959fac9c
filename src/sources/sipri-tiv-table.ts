/**
 * Parser for SIPRI's TIV tables ("Volume of transfers of major arms": the importer and exporter
 * tables of https://armstransfers.sipri.org/). One row per country, one column per year, in
 * millions of TIV, after a 9-line preamble; the last columns are the period total and shares,
 * which are not read (they follow from the years). UTF-8.
 *
 * Cell conventions (from the preamble): `0` (printed `0 `) means more than 0 but under 0.5 and is
 * stored as 0.25, the middle of that range; an empty cell means no deliveries and is left out.
 * Names: `*` marks a non-state actor, `**` an intergovernmental organisation (NATO, United
 * Nations, African Union, OSCE, European Union, Regional Security System). Both are stored with
 * the marker removed and `nonState: true`, since neither is a state and the flag's use is to keep
 * them out of rankings of states; splitSipriName tells the two apart where that matters.
 */
import type { ParseIssue, TivRow, TivTableParseResult } from '../kb/model';
import { ParseError, assertSaneSize } from './errors';
import { diagnostic, issue } from './diagnostics';
import { decodeText } from './text';
import { readSipriExport, splitSipriName, type SipriRow } from './sipri-export';

/** The value stored for SIPRI's `0`: the middle of "between 0 and 0.5". */
export const TIV_BELOW_HALF = 0.25;

/** First header cell → direction of the table. */
const DIRECTION_BY_HEADER: Record<string, TivTableParseResult['direction']> = {
  'Recipient': 'imports',
  'Exports by': 'exports',
};

const YEAR = /^\d{4}$/;
const WORLD_ROW = /^Total world (import|export)s?$/i;

/** Parsing options. */
export interface TivTableOptions {
  /** ISO date to use when the file has no `Data generated:` line. */
  dataDate?: string;
}

/**
 * Reads a SIPRI importer or exporter TIV table. The direction comes from the header
 * (`Recipient,1950,…` → imports, `Exports by,1950,…` → exports). Rows that cannot be read become
 * warnings; a file that is not a TIV table, or lacks its world-total row (cut short), throws ParseError.
 * @param file - file name, for messages
 * @param bytes - the file as downloaded (UTF-8)
 */
export function parseSipriTivTable(file: string, bytes: Uint8Array, options: TivTableOptions = {}): TivTableParseResult {
  assertSaneSize(file, bytes);
  const text = decodeText(file, bytes, 'utf-8');
  const exported = readSipriExport(file, text, {
    noHeader: 'diagTivNoHeader',
    headerHint: '"Recipient,1950,…" or "Exports by,1950,…"',
    isHeader: (cells) => Object.hasOwn(DIRECTION_BY_HEADER, cells[0] ?? '') && YEAR.test(cells[1] ?? ''),
    describeOtherHeader: (cells) =>
      cells[0] === 'Recipient' && cells[1] === 'Supplier' ? diagnostic('diagRegisterNotTivTable') : undefined,
  });
  const direction = DIRECTION_BY_HEADER[exported.header[0] ?? ''] ?? 'imports';
  const years = readYears(file, exported.header, exported.headerLine);
  const warnings: ParseIssue[] = [...exported.warnings];
  const rows: TivRow[] = [];
  let world: TivRow | null = null;
  for (const row of exported.rows) {
    if (row.cells.length !== exported.header.length) {
      warnings.push(issue(file, row.line, diagnostic('diagColumnsSkipped', exported.header.length, row.cells.length)));
      continue;
    }
    const parsed = readRow(file, row, years, warnings);
    if (!parsed) continue;
    const worldMatch = WORLD_ROW.exec(parsed.name);
    if (worldMatch) {
      if ((worldMatch[1] ?? '').toLowerCase() !== direction.slice(0, 6)) {
        warnings.push(issue(file, row.line, diagnostic(direction === 'imports' ? 'diagTivWorldRowInImports' : 'diagTivWorldRowInExports', parsed.name)));
      }
      world = { ...parsed, nonState: false };
    } else {
      rows.push(parsed);
    }
  }
  if (!world) {
    const lastLine = exported.rows.at(-1)?.line ?? exported.headerLine;
    // "import" or "export": the row's label in the file, so data rather than words of ours.
    throw new ParseError(file, diagnostic('diagTivNoWorldRow', direction.slice(0, 6)), lastLine);
  }
  return { direction, dataDate: exported.dataDate ?? options.dataDate ?? null, years, rows, world, warnings };
}

/** The year columns: consecutive four-digit headers from the second column on. */
function readYears(file: string, header: string[], line: number): number[] {
  const years: number[] = [];
  for (const cell of header.slice(1)) {
    if (!YEAR.test(cell)) break;
    const year = Number(cell);
    const previous = years.at(-1);
    if (previous !== undefined && year !== previous + 1) {
      throw new ParseError(file, diagnostic('diagTivYearsJump', previous, year), line);
    }
    years.push(year);
  }
  return years;
}

/** One country row, or undefined (with a warning) when a year cell is not a TIV value. */
function readRow(file: string, row: SipriRow, years: number[], warnings: ParseIssue[]): TivRow | undefined {
  const { name, kind } = splitSipriName(row.cells[0] ?? '');
  if (!name) {
    warnings.push(issue(file, row.line, diagnostic('diagTivRowWithoutName')));
    return undefined;
  }
  const byYear: Record<number, number> = {};
  for (const [index, year] of years.entries()) {
    const cell = (row.cells[index + 1] ?? '').trim();
    if (cell === '') continue;
    if (cell === '0') {
      byYear[year] = TIV_BELOW_HALF;
      continue;
    }
    if (!/^\d+(\.\d+)?$/.test(cell)) {
      warnings.push(issue(file, row.line, diagnostic('diagTivNotAValue', year, cell)));
      return undefined;
    }
    byYear[year] = Number(cell);
  }
  return { name, nonState: kind === 'non-state' || kind === 'organisation', byYear };
}
