/**
 * Compares the yearly totals computed from the SIPRI trade register (arms-flows.ts) with SIPRI's
 * own TIV tables, country by country and year by year: a report for reading, used by the
 * benchmarks, not by the extension.
 */
import type { TivRow, TivTableParseResult } from './model';
import { addInto, compareText, type FlowDirection, type YearWindow, type YearlyTotals } from './arms-flows';
import { countryCodeOf } from './countries';
import { foldKey } from './normalise';

/** One country-year (or the world in one year): computed from the register against SIPRI's table. */
export interface CountryYearDifference {
  name: string;
  year: number;
  computed: number;
  table: number;
  /** computed − table, millions. */
  difference: number;
  /** difference / table; null when the table has 0. */
  relative: number | null;
}

/** Agreement within one band of years. */
export interface BandSummary {
  from: number;
  to: number;
  /** Country-years in the band where either side has deliveries. */
  countryYears: number;
  /** Median of |relative| over country-years the table has; null when there are none. */
  medianAbsRelative: number | null;
  /** Σ|difference| / Σtable: the weighted version, dominated by the big importers or exporters. */
  weightedAbsRelative: number | null;
  /** (Σcomputed − Σtable) / Σtable for the world rows of the band. */
  worldRelative: number | null;
}

/** The report of compareWithTivTable. */
export interface TivComparison {
  direction: FlowDirection;
  years: YearWindow;
  tolerance: number;
  slack: number;
  /** Country-years where either side has deliveries. */
  countryYears: number;
  /** Of those, how many agree: |difference| ≤ max(tolerance × table, slack). */
  withinTolerance: number;
  shareWithinTolerance: number;
  /** World totals per year. */
  world: CountryYearDifference[];
  bands: BandSummary[];
  /** The largest absolute differences, largest first. */
  largest: CountryYearDifference[];
  /** Names with deliveries in the years compared on one side only. */
  onlyInComputed: string[];
  onlyInTable: string[];
  /** Every country-year compared, by name then year. */
  cells: CountryYearDifference[];
}

/** Options for compareWithTivTable. */
export interface CompareOptions {
  /** Years to compare. @default the table's years that have a world total */
  years?: YearWindow;
  /** Relative difference counted as agreement. @default 0.05 */
  tolerance?: number;
  /** Absolute difference (millions) always counted as agreement: the table rounds to whole numbers. @default 0.5 */
  slack?: number;
  /** Width of the year bands in the summary. @default 10 */
  bandYears?: number;
  /** How many of the largest differences to keep. @default 10 */
  largest?: number;
}

/**
 * Compares yearly totals computed from the register with a SIPRI TIV table of the same direction,
 * country by country and year by year. Rows are matched by ISO code where both names resolve
 * ("UAE" ↔ "United Arab Emirates"), else by name. The two are usually different database
 * releases, so they differ where SIPRI revised deals as well as where the even split differs from
 * the real delivery profile; the report is meant for reading, not for a pass/fail.
 */
export function compareWithTivTable(
  computed: YearlyTotals,
  table: TivTableParseResult,
  options: CompareOptions = {},
): TivComparison {
  if (computed.direction !== table.direction) {
    throw new RangeError(`cannot compare computed ${computed.direction} with a table of ${table.direction}`);
  }
  const years = options.years ?? tableDataYears(table);
  const tolerance = options.tolerance ?? 0.05;
  const slack = options.slack ?? 0.5;
  const computedRows = rowsByKey(computed.rows);
  const tableRows = rowsByKey(table.rows);
  const cells: CountryYearDifference[] = [];
  const onlyInComputed: string[] = [];
  const onlyInTable: string[] = [];
  for (const key of [...new Set([...computedRows.keys(), ...tableRows.keys()])].sort(compareText)) {
    const mine = computedRows.get(key);
    const theirs = tableRows.get(key);
    const name = theirs?.name ?? mine?.name ?? key;
    const rowCells = compareRow(name, mine?.byYear ?? {}, theirs?.byYear ?? {}, years);
    if (rowCells.length === 0) continue;
    if (rowCells.every((cell) => cell.table === 0)) onlyInComputed.push(name);
    if (rowCells.every((cell) => cell.computed === 0)) onlyInTable.push(name);
    cells.push(...rowCells);
  }
  const world = compareRow('World', computed.world.byYear, table.world?.byYear ?? {}, years);
  const agrees = (cell: CountryYearDifference): boolean => Math.abs(cell.difference) <= Math.max(tolerance * cell.table, slack);
  const withinTolerance = cells.filter(agrees).length;
  return {
    direction: computed.direction,
    years,
    tolerance,
    slack,
    countryYears: cells.length,
    withinTolerance,
    shareWithinTolerance: cells.length > 0 ? withinTolerance / cells.length : 1,
    world,
    bands: summariseBands(cells, world, years, options.bandYears ?? 10),
    largest: [...cells].sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference)).slice(0, options.largest ?? 10),
    onlyInComputed,
    onlyInTable,
    cells,
  };
}

/** Years from the table's first to its last year with a world total (2024 is empty in the 2024 tables). */
function tableDataYears(table: TivTableParseResult): YearWindow {
  const withData = Object.keys(table.world?.byYear ?? {}).map(Number);
  const from = table.years[0] ?? 0;
  return { from, to: withData.length > 0 ? Math.max(...withData) : (table.years.at(-1) ?? from) };
}

/**
 * Actors SIPRI renamed between releases: the 2024 tables' name → the 2026 register's. Both name
 * the same actor in the same place (same deals), so the comparison treats them as one row.
 */
const SIPRI_RENAMED: Record<string, string> = {
  'Libya HoR': 'House of Representatives (Libya)',
  'PIJ (Israel/Palestine)': 'Palestinian Islamic Jihad (Israel/Palestine)',
};

/** Rows keyed by ISO code for states that have one, else by folded name; rows sharing a key are summed. */
function rowsByKey(rows: readonly TivRow[]): Map<string, TivRow> {
  const byKey = new Map<string, TivRow>();
  for (const row of rows) {
    const code = row.nonState ? undefined : countryCodeOf(row.name);
    const name = Object.hasOwn(SIPRI_RENAMED, row.name) ? (SIPRI_RENAMED[row.name] ?? row.name) : row.name;
    const key = code ? `code:${code}` : `name:${foldKey(name)}`;
    const existing = byKey.get(key);
    if (existing) {
      const merged: TivRow = { name: existing.name, nonState: existing.nonState, byYear: { ...existing.byYear } };
      addInto(merged.byYear, row.byYear);
      byKey.set(key, merged);
    } else {
      byKey.set(key, row);
    }
  }
  return byKey;
}

function compareRow(
  name: string,
  mine: Record<number, number>,
  theirs: Record<number, number>,
  years: YearWindow,
): CountryYearDifference[] {
  const cells: CountryYearDifference[] = [];
  for (let year = years.from; year <= years.to; year++) {
    const computed = mine[year] ?? 0;
    const table = theirs[year] ?? 0;
    if (computed === 0 && table === 0) continue;
    const difference = computed - table;
    cells.push({ name, year, computed, table, difference, relative: table > 0 ? difference / table : null });
  }
  return cells;
}

function summariseBands(
  cells: readonly CountryYearDifference[],
  world: readonly CountryYearDifference[],
  years: YearWindow,
  bandYears: number,
): BandSummary[] {
  const bands: BandSummary[] = [];
  for (let from = years.from; from <= years.to; from += bandYears) {
    const to = Math.min(from + bandYears - 1, years.to);
    const inBand = (cell: CountryYearDifference): boolean => cell.year >= from && cell.year <= to;
    const bandCells = cells.filter(inBand);
    const relatives = bandCells.flatMap((cell) => (cell.relative === null ? [] : [Math.abs(cell.relative)]));
    const tableSum = sum(bandCells.map((cell) => cell.table));
    const bandWorld = world.filter(inBand);
    const worldTable = sum(bandWorld.map((cell) => cell.table));
    bands.push({
      from,
      to,
      countryYears: bandCells.length,
      medianAbsRelative: median(relatives),
      weightedAbsRelative: tableSum > 0 ? sum(bandCells.map((cell) => Math.abs(cell.difference))) / tableSum : null,
      worldRelative: worldTable > 0 ? (sum(bandWorld.map((cell) => cell.computed)) - worldTable) / worldTable : null,
    });
  }
  return bands;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
