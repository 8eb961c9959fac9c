import { describe, it, expect } from 'vitest';
import { compareWithTivTable } from '../../../src/kb/arms-comparison';
import {
  indexArmsFlows,
  latestCompleteWindow,
  pairFlow,
  previousWindow,
  sipriActor,
  splitDeliveredTiv,
  windowFigures,
  yearlyTotalsFromRegister,
  type YearWindow,
} from '../../../src/kb/arms-flows';
import type { ArmsDeal, TivTableParseResult } from '../../../src/kb/model';
import { parseSipriTradeRegister } from '../../../src/sources/sipri-trade-register';
import { parseSipriTivTable } from '../../../src/sources/sipri-tiv-table';
import { HAS_SHARED, SHARED_MISSING, readFixture, readSharedData } from '../../support/shared';

/** A deal with only what the figures read; the rest is filler. */
function deal(supplier: string, recipient: string, tivDelivered: number | null, deliveryYears: number[]): ArmsDeal {
  return {
    recipient,
    supplier,
    orderYear: deliveryYears[0] ?? 2024,
    orderYearUncertain: false,
    numberOrdered: 1,
    numberOrderedUncertain: false,
    weaponDesignation: 'TX-1 Testbird',
    weaponDescription: 'trainer aircraft',
    numberDelivered: deliveryYears.length > 0 ? 1 : 0,
    numberDeliveredUncertain: false,
    deliveryYears,
    status: 'New',
    comments: '',
    tivPerUnit: tivDelivered,
    tivTotalOrder: tivDelivered,
    tivDelivered,
  };
}

const WINDOW: YearWindow = { from: 2019, to: 2023 };

/** Myanmar: 115 TIV in 2019–2023 (Russia 70, China 30, India 10, unknown 5), 80 in 2014–2018. */
const DEALS: ArmsDeal[] = [
  deal('Russia', 'Myanmar', 50, [2020]),
  deal('Russia', 'Myanmar', 40, [2018, 2019]),
  deal('China', 'Myanmar', 30, [2021]),
  deal('India', 'Myanmar', 10, [2022]),
  deal('unknown supplier(s)', 'Myanmar', 5, [2023]),
  deal('China', 'Myanmar', 60, [2016]),
  deal('Soviet Union', 'Myanmar', 1000, [1985]),
  deal('Russia', 'India', 200, [2020]),
  deal('Russia', 'Viet Nam', 115, [2021]),
  deal('Iran', 'Hezbollah (Lebanon)*', 500, [2020]),
  deal('United States', 'NATO**', 300, [2022]),
  deal('Myanmar', 'Bangladesh', 4, [2022]),
  deal('France', 'Albania', 0, []),
  deal('France', 'Albania', null, [2021]),
];

describe('splitDeliveredTiv', () => {
  it('spreads delivered TIV evenly over the delivery years', () => {
    expect(splitDeliveredTiv(deal('Russia', 'Myanmar', 84, [2018, 2019]))).toEqual([
      { year: 2018, tiv: 42 },
      { year: 2019, tiv: 42 },
    ]);
    const thirds = splitDeliveredTiv(deal('Russia', 'Myanmar', 10, [2020, 2021, 2022]));
    expect(thirds.reduce((total, share) => total + share.tiv, 0)).toBeCloseTo(10, 12);
  });

  it('yields nothing for unknown or zero delivered TIV, or no delivery year', () => {
    expect(splitDeliveredTiv(deal('France', 'Albania', null, [2021]))).toEqual([]);
    expect(splitDeliveredTiv(deal('France', 'Albania', 0, []))).toEqual([]);
    expect(splitDeliveredTiv(deal('France', 'Albania', 5, []))).toEqual([]);
  });
});

describe('indexArmsFlows', () => {
  it('sums each supplier → recipient pair by year, sorted, with the years covered', () => {
    const index = indexArmsFlows(DEALS);
    expect(index.pairs.find((pair) => pair.supplier === 'Russia' && pair.recipient === 'Myanmar')?.byYear).toEqual({
      2018: 20,
      2019: 20,
      2020: 50,
    });
    expect(index.pairs[0]?.supplier).toBe('China');
    expect([index.firstYear, index.lastYear]).toEqual([1985, 2023]);
    expect(index.unplacedDeals).toBe(0);
  });

  it('counts deals with delivered TIV but no year', () => {
    expect(indexArmsFlows([deal('France', 'Albania', 5, [])]).unplacedDeals).toBe(1);
  });
});

describe('yearlyTotalsFromRegister', () => {
  it('totals imports per recipient and exports per supplier, markers stripped, world the same both ways', () => {
    const imports = yearlyTotalsFromRegister(DEALS, 'imports');
    const exports = yearlyTotalsFromRegister(DEALS, 'exports');
    expect(imports.rows.find((row) => row.name === 'Myanmar')?.byYear).toEqual({
      1985: 1000, 2016: 60, 2018: 20, 2019: 20, 2020: 50, 2021: 30, 2022: 10, 2023: 5,
    });
    expect(imports.rows.find((row) => row.name === 'Hezbollah (Lebanon)')?.nonState).toBe(true);
    expect(imports.rows.find((row) => row.name === 'NATO')?.nonState).toBe(true);
    expect(exports.rows.find((row) => row.name === 'Russia')?.byYear).toEqual({ 2018: 20, 2019: 20, 2020: 250, 2021: 115 });
    expect(imports.world).toEqual(exports.world);
    expect(imports.world.byYear[2020]).toBe(750);
  });
});

describe('latestCompleteWindow', () => {
  it('ends at the last year with data', () => {
    const tableYears = Array.from({ length: 74 }, (_, i) => 1950 + i);
    expect(latestCompleteWindow(tableYears)).toEqual({ from: 2019, to: 2023 });
    expect(latestCompleteWindow([2025, 1950], { dataDate: '2026-05-18' })).toEqual({ from: 2021, to: 2025 });
  });

  it('steps back when the last year is the data date’s own year, still under way', () => {
    expect(latestCompleteWindow([2023, 2024], { dataDate: '2024-10-13' })).toEqual({ from: 2019, to: 2023 });
  });

  it('takes year strings (object keys) and other lengths, and null for no data', () => {
    expect(latestCompleteWindow(Object.keys({ 2010: 1, 2012: 2 }), { length: 3 })).toEqual({ from: 2010, to: 2012 });
    expect(latestCompleteWindow([])).toBeNull();
  });

  it('has a previous window of the same length', () => {
    expect(previousWindow(WINDOW)).toEqual({ from: 2014, to: 2018 });
  });
});

describe('windowFigures', () => {
  const index = indexArmsFlows(DEALS);
  const figures = windowFigures(index, 'Myanmar', WINDOW, { top: 2 });

  it('totals imports in the window and the window before, with the change', () => {
    expect(figures?.imports.tiv).toBe(115);
    expect(figures?.imports.previousTiv).toBe(80);
    expect(figures?.imports.change).toBeCloseTo(35 / 80, 12);
    expect(figures?.code).toBe('MM');
  });

  it('ranks among states only, ties sharing a rank', () => {
    expect(figures?.imports.rank).toBe(2);
    expect(figures?.imports.rankedStates).toBe(4);
    expect(windowFigures(index, 'Viet Nam', WINDOW)?.imports.rank).toBe(2);
    expect(figures?.exports.rank).toBe(6);
    expect(figures?.exports.rankedStates).toBe(6);
  });

  it('gives the share of the world total, non-state and unknown flows included', () => {
    expect(figures?.imports.worldTiv).toBe(1234);
    expect(figures?.imports.shareOfWorld).toBeCloseTo(115 / 1234, 12);
  });

  it('lists the largest suppliers with their shares', () => {
    expect(figures?.imports.partners).toEqual([
      { name: 'Russia', kind: 'state', code: 'RU', tiv: 70, share: 70 / 115 },
      { name: 'China', kind: 'state', code: 'CN', tiv: 30, share: 30 / 115 },
    ]);
    expect(figures?.exports.partners).toEqual([{ name: 'Bangladesh', kind: 'state', code: 'BD', tiv: 4, share: 1 }]);
  });

  it('gives TIV by year over both windows for a sparkline', () => {
    expect(figures?.byYear).toHaveLength(10);
    expect(figures?.byYear[0]).toEqual({ year: 2014, imports: 0, exports: 0 });
    expect(figures?.byYear.find((point) => point.year === 2022)).toEqual({ year: 2022, imports: 10, exports: 4 });
  });

  it('finds the country by ISO code or another name, never a predecessor state', () => {
    expect(windowFigures(index, 'MM', WINDOW, { top: 2 })).toEqual(figures);
    expect(windowFigures(index, 'Burma', WINDOW, { top: 2 })).toEqual(figures);
    expect(windowFigures(index, 'RU', WINDOW)?.names).toEqual(['Russia']);
    expect(windowFigures(index, 'Atlantis', WINDOW)).toBeNull();
  });

  it('does not rank a non-state actor or an organisation', () => {
    expect(windowFigures(index, 'Hezbollah (Lebanon)', WINDOW)?.imports).toMatchObject({ tiv: 500, rank: null });
    expect(windowFigures(index, 'NATO**', WINDOW)?.imports).toMatchObject({ tiv: 300, rank: null });
  });

  it('gives no change when nothing came in the window before', () => {
    expect(windowFigures(index, 'Bangladesh', WINDOW)?.imports.change).toBeNull();
  });
});

describe('pairFlow', () => {
  const index = indexArmsFlows(DEALS);

  it('gives the flow from supplier to recipient and its share of the recipient’s imports', () => {
    const flow = pairFlow(index, 'Russia', 'Myanmar', WINDOW);
    expect(flow).toMatchObject({ suppliers: ['Russia'], recipients: ['Myanmar'], tiv: 70, recipientImportsTiv: 115 });
    expect(flow?.shareOfRecipientImports).toBeCloseTo(70 / 115, 12);
    expect(flow?.byYear).toEqual([
      { year: 2019, tiv: 20 },
      { year: 2020, tiv: 50 },
      { year: 2021, tiv: 0 },
      { year: 2022, tiv: 0 },
      { year: 2023, tiv: 0 },
    ]);
    expect(pairFlow(index, 'RU', 'MM', WINDOW)).toEqual(flow);
  });

  it('is null for a name the register does not have, and has no share when nothing was imported', () => {
    expect(pairFlow(index, 'Atlantis', 'Myanmar', WINDOW)).toBeNull();
    expect(pairFlow(index, 'Russia', 'Myanmar', { from: 1990, to: 1994 })?.shareOfRecipientImports).toBeNull();
  });

  it('works on a parsed register file', () => {
    const register = parseSipriTradeRegister('trade-register.csv', readFixture('sources', 'sipri', 'deals.csv'));
    const flow = pairFlow(indexArmsFlows(register.deals), 'Russia', 'Myanmar', WINDOW);
    expect(flow?.tiv).toBe(13 + 10);
    expect(flow?.recipientImportsTiv).toBe(13 + 24 + 10);
  });
});

describe('compareWithTivTable', () => {
  const computed = yearlyTotalsFromRegister(
    [
      deal('United States', 'United Arab Emirates', 100, [2021]),
      deal('Russia', 'Myanmar', 0.3, [2020]),
      deal('Soviet Union', 'Ruritania rebels*', 7, [2021]),
    ],
    'imports',
  );
  const table: TivTableParseResult = {
    direction: 'imports',
    dataDate: '2024-10-13',
    years: [2020, 2021, 2022, 2023, 2024],
    rows: [
      { name: 'UAE', nonState: false, byYear: { 2021: 104, 2022: 10 } },
      { name: 'Myanmar', nonState: false, byYear: { 2020: 0.25 } },
      { name: 'Micronesia', nonState: false, byYear: { 2021: 2 } },
    ],
    world: { name: 'Total world import', nonState: false, byYear: { 2020: 0.25, 2021: 106, 2022: 10 } },
    warnings: [],
  };
  const report = compareWithTivTable(computed, table);

  it('compares the years the table has data for, matching names by ISO code', () => {
    expect(report.years).toEqual({ from: 2020, to: 2022 });
    expect(report.cells.find((cell) => cell.name === 'UAE' && cell.year === 2021)).toEqual({
      name: 'UAE', year: 2021, computed: 100, table: 104, difference: -4, relative: -4 / 104,
    });
  });

  it('counts agreement within 5 % or the table’s rounding', () => {
    expect(report.countryYears).toBe(5);
    expect(report.withinTolerance).toBe(2);
    expect(report.shareWithinTolerance).toBeCloseTo(0.4, 12);
  });

  it('lists names found on one side only and the largest differences', () => {
    expect(report.onlyInComputed).toEqual(['Ruritania rebels']);
    expect(report.onlyInTable).toEqual(['Micronesia']);
    expect(report.largest[0]).toMatchObject({ name: 'UAE', year: 2022, difference: -10 });
  });

  it('compares world totals and summarises bands of years', () => {
    expect(report.world.map((cell) => cell.difference)).toEqual([0.3 - 0.25, 1, -10]);
    expect(report.bands).toHaveLength(1);
    expect(report.bands[0]?.worldRelative).toBeCloseTo((107.3 - 116.25) / 116.25, 12);
  });

  it('refuses to compare imports with a table of exports', () => {
    expect(() => compareWithTivTable(computed, { ...table, direction: 'exports' })).toThrow(RangeError);
  });
});

describe.skipIf(!HAS_SHARED)(HAS_SHARED ? 'arms flows from the real register against the 2024 tables' : `arms flows from the real register against the 2024 tables (${SHARED_MISSING})`, () => {
  const register = HAS_SHARED ? parseSipriTradeRegister('trade-register.csv', readSharedData('sipri', 'trade-register.csv')) : null;
  const tables = HAS_SHARED
    ? {
        imports: parseSipriTivTable('importers_1950-2024.csv', readSharedData('sipri', 'tiv-tables', 'importers_1950-2024.csv')),
        exports: parseSipriTivTable('exporters_1950-2024.csv', readSharedData('sipri', 'tiv-tables', 'exporters_1950-2024.csv')),
      }
    : null;
  const deals = register?.deals ?? [];
  const index = indexArmsFlows(deals);
  const percent = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`);

  for (const direction of ['imports', 'exports'] as const) {
    it(`agrees with SIPRI's ${direction} table as well as two releases can (report on stdout)`, () => {
      const table = tables?.[direction];
      if (!table) return;
      const report = compareWithTivTable(yearlyTotalsFromRegister(deals, direction), table);
      const lines = [
        `SIPRI ${direction}: register 2026 (even split) vs TIV table 2024, ${report.years.from}–${report.years.to}`,
        `  ${report.withinTolerance} of ${report.countryYears} country-years within ±5 % or ±0.5 TIV (${percent(report.shareWithinTolerance)})`,
        ...report.bands.map(
          (band) =>
            `  ${band.from}–${band.to}: median |diff| ${percent(band.medianAbsRelative)}, weighted ${percent(band.weightedAbsRelative)}, world ${percent(band.worldRelative)} (${band.countryYears} country-years)`,
        ),
        `  largest: ${report.largest.slice(0, 6).map((cell) => `${cell.name} ${cell.year} ${cell.computed.toFixed(0)} vs ${cell.table}`).join('; ')}`,
        `  only in register: ${report.onlyInComputed.join(', ') || '—'}; only in table: ${report.onlyInTable.join(', ') || '—'}`,
      ];
      console.log(lines.join('\n'));

      // Measured: world totals per year a median 2.4 % apart, at most 16.5 % (1961); every
      // five-year world total within 4.0 %. A broken split (all TIV in the first delivery year)
      // gives 16 % and up to 225 %; 26 % of country-years agree instead of 51 %.
      const worldGaps = report.world.map((cell) => Math.abs(cell.relative ?? 0)).sort((a, b) => a - b);
      expect(worldGaps[Math.floor(worldGaps.length / 2)]).toBeLessThan(0.05);
      expect(worldGaps.at(-1)).toBeLessThan(0.2);
      for (let from = report.years.from; from + 4 <= report.years.to; from += 5) {
        const inWindow = report.world.filter((cell) => cell.year >= from && cell.year <= from + 4);
        const computed = inWindow.reduce((total, cell) => total + cell.computed, 0);
        const listed = inWindow.reduce((total, cell) => total + cell.table, 0);
        expect(Math.abs(computed - listed) / listed, `world ${from}–${from + 4}`).toBeLessThan(0.05);
      }
      expect(report.shareWithinTolerance).toBeGreaterThan(0.45);
    });
  }

  it('finds Russia among Myanmar’s top two suppliers, with a plausible share (printed)', () => {
    for (const window of [
      { from: 2014, to: 2018 },
      { from: 2019, to: 2023 },
    ]) {
      const flow = pairFlow(index, 'Russia', 'Myanmar', window);
      const figures = windowFigures(index, 'MM', window, { top: 3 });
      console.log(
        `Myanmar ${window.from}–${window.to}: imports ${figures?.imports.tiv.toFixed(0)} TIV (rank ${figures?.imports.rank} of ${figures?.imports.rankedStates}); ` +
          `Russia ${flow?.tiv.toFixed(0)} TIV = ${percent(flow?.shareOfRecipientImports)}; top: ` +
          (figures?.imports.partners.map((partner) => `${partner.name} ${percent(partner.share)}`).join(', ') ?? ''),
      );
      const share = flow?.shareOfRecipientImports ?? -1;
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThan(1);
      expect(figures?.imports.partners.slice(0, 2).map((partner) => partner.name)).toContain('Russia');
    }
  });

  it('uses the latest complete windows of each source', () => {
    const tableYears = Object.keys(tables?.imports.world?.byYear ?? {});
    expect(latestCompleteWindow(tableYears, { dataDate: tables?.imports.dataDate })).toEqual({ from: 2019, to: 2023 });
    expect(latestCompleteWindow([index.lastYear ?? 0], { dataDate: register?.dataDate })).toEqual({ from: 2021, to: 2025 });
  });

  it('maps every present-day state name to an ISO code, each code to one name (unmapped printed)', () => {
    // Table rows have their markers stripped already; their nonState flag says what they are.
    const tableStates = [...(tables?.imports.rows ?? []), ...(tables?.exports.rows ?? [])].filter((row) => !row.nonState);
    const names = new Set([...deals.flatMap((entry) => [entry.recipient, entry.supplier]), ...tableStates.map((row) => row.name)]);
    const states = [...names].map((name) => sipriActor(name)).filter((actor) => actor.kind === 'state');
    const unmapped = [...new Set(states.filter((actor) => actor.code === null).map((actor) => actor.name))].sort();
    console.log(`SIPRI state names without an ISO code: ${unmapped.join(', ')}`);
    const historical = ['Biafra', 'Czechoslovakia', 'East Germany (GDR)', 'Katanga', 'North Yemen', 'South Vietnam', 'South Yemen', 'Soviet Union', 'Yemen Arab Republic (North Yemen)', 'Yugoslavia'];
    // Libya GNC (a rival government, 2014–2016) and Northern Cyprus have no ISO 3166 code.
    expect(unmapped).toEqual([...historical, 'Libya GNC', 'Northern Cyprus'].sort());
    const namesByCode = new Map<string, Set<string>>();
    for (const actor of states) if (actor.code) namesByCode.set(actor.code, (namesByCode.get(actor.code) ?? new Set()).add(actor.name));
    const shared = [...namesByCode].filter(([, spellings]) => spellings.size > 1).map(([code, spellings]) => `${code}: ${[...spellings].sort().join(' / ')}`);
    expect(shared).toEqual(['AE: UAE / United Arab Emirates']);
  });
});
