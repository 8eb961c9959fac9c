import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseSipriTivTable, TIV_BELOW_HALF } from '../../../src/sources/sipri-tiv-table';
import { HAS_SHARED, SHARED_MISSING, readFixture, readSharedData } from '../../support/shared';
import { assertAnyBytesParseOrRefuse, parseErrorOf, parsesOrRefuses } from '../../support/parser-properties';

const fixture = (name: string): Uint8Array => readFixture('sources', 'sipri', name);

describe('parseSipriTivTable on the importer fixture', () => {
  const file = 'tiv-importers.csv';
  const result = parseSipriTivTable(file, fixture(file));

  it('reads direction, date and the year columns of the header', () => {
    expect(result.direction).toBe('imports');
    expect(result.dataDate).toBe('2024-10-07');
    expect(result.years).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(result.warnings).toEqual([]);
  });

  it('reads every row, including one without deliveries, and keeps the world row apart', () => {
    expect(result.rows.map((row) => row.name)).toEqual([
      'Testonia', 'Myanmar', 'UAE', 'Viet Nam', 'DR Congo', 'Ruritania rebels', 'United Nations', 'Micronesia',
    ]);
    expect(result.rows.at(-1)).toEqual({ name: 'Micronesia', nonState: false, byYear: {} });
    expect(result.world).toEqual({
      name: 'Total world import',
      nonState: false,
      byYear: { 2018: 165, 2019: 139, 2020: 131, 2021: 272, 2022: 159, 2023: 237 },
    });
  });

  it('stores "0 " as 0.25 and leaves empty cells out', () => {
    expect(TIV_BELOW_HALF).toBe(0.25);
    expect(result.rows[1]).toEqual({
      name: 'Myanmar',
      nonState: false,
      byYear: { 2018: 40, 2019: 22, 2020: 0.25, 2021: 31, 2022: 18, 2023: 9 },
    });
    expect(result.rows[2]?.byYear).toEqual({ 2019: 12, 2021: 150, 2023: 150 });
  });

  it('has nothing for 2024, whose column is empty', () => {
    expect([result.world, ...result.rows].some((row) => row && 2024 in row.byYear)).toBe(false);
  });

  it('strips * and ** and flags both as not states', () => {
    expect(result.rows[5]).toMatchObject({ name: 'Ruritania rebels', nonState: true });
    expect(result.rows[6]).toMatchObject({ name: 'United Nations', nonState: true });
    expect(result.rows[0]?.nonState).toBe(false);
  });
});

describe('parseSipriTivTable on the exporter fixture', () => {
  const file = 'tiv-exporters.csv';
  const result = parseSipriTivTable(file, fixture(file));

  it('reads an "Exports by" table as exports with its world row', () => {
    expect(result.direction).toBe('exports');
    expect(result.world?.name).toBe('Total world export');
    expect(result.rows.map((row) => row.name)).toEqual([
      'United States', 'Russia', 'Soviet Union', 'unknown supplier(s)', 'European Union', 'Ruritania rebels',
    ]);
    expect(result.rows[3]?.nonState).toBe(false);
    expect(result.rows[4]?.nonState).toBe(true);
    expect(result.warnings).toEqual([]);
  });
});

describe('parseSipriTivTable on bad input', () => {
  it('skips a row with the wrong number of columns and a row with a bad cell, naming their lines', () => {
    const file = 'tiv-bad-rows.csv';
    const result = parseSipriTivTable(file, fixture(file));
    expect(result.warnings).toMatchObject([
      { file, line: 13, message: 'expected 12 columns, found 4; row skipped' },
      { file, line: 15, message: '2020 is "n/a", not a TIV value; row skipped' },
    ]);
    expect(result.rows).toHaveLength(8);
  });

  it('rejects a file cut before the world row, naming the last line read', () => {
    const text = new TextDecoder().decode(fixture('tiv-importers.csv'));
    const cut = text.slice(0, text.indexOf('Total world'));
    const error = parseErrorOf(() => parseSipriTivTable('cut.csv', new TextEncoder().encode(cut)));
    expect(error.file).toBe('cut.csv');
    expect(error.line).toBe(18);
    expect(error.message).toContain('cut short');
  });

  it('rejects a file cut in the middle of a row', () => {
    const bytes = fixture('tiv-importers.csv');
    const error = parseErrorOf(() => parseSipriTivTable('cut.csv', bytes.slice(0, bytes.length - 30)));
    expect(error.line).toBe(19);
    expect(error.message).toContain('middle of a row');
  });

  it('rejects the trade register, saying what it is', () => {
    const error = parseErrorOf(() => parseSipriTivTable('trade-register.csv', fixture('deals.csv')));
    expect(error.file).toBe('trade-register.csv');
    expect(error.message).toMatch(/encoding|trade register/);
  });

  it('rejects an ASCII trade register as a trade register, with its header line', () => {
    const ascii = new TextDecoder('windows-1252').decode(fixture('deals.csv')).replace(/[^\x00-\x7f]/g, '?');
    const error = parseErrorOf(() => parseSipriTivTable('trade-register.csv', new TextEncoder().encode(ascii)));
    expect(error.line).toBe(12);
    expect(error.message).toContain('SIPRI trade register');
  });

  it('rejects a sanctions list', () => {
    const error = parseErrorOf(() => parseSipriTivTable('sanctions-list.csv', fixture('sanctions-list.csv')));
    expect(error.message).toContain('not a SIPRI TIV table');
  });

  it('rejects a Windows-1252 file as the wrong encoding', () => {
    const bytes = new Uint8Array([...fixture('tiv-importers.csv')]);
    bytes[bytes.indexOf('T'.charCodeAt(0), 300)] = 0xe4;
    const error = parseErrorOf(() => parseSipriTivTable('latin.csv', bytes));
    expect(error.message).toContain('utf-8');
  });

  it('rejects a header whose years skip one', () => {
    const text = new TextDecoder().decode(fixture('tiv-importers.csv')).replace('2019,2020', '2019,2021');
    const error = parseErrorOf(() => parseSipriTivTable('gap.csv', new TextEncoder().encode(text)));
    expect(error.line).toBe(10);
  });

  it('returns a result or throws ParseError for any bytes', () => {
    assertAnyBytesParseOrRefuse((bytes) => parseSipriTivTable('random.csv', bytes), { maxLength: 2000, numRuns: 300 });
  });

  it('returns a result or throws ParseError for any text after a valid header', () => {
    const head = new TextDecoder().decode(fixture('tiv-importers.csv')).split('\n').slice(0, 10).join('\n') + '\n';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(',', ' ', '0', '7', '"', '\n', '*', 'T', 'Total world import', '%') }), (tail) => {
        parsesOrRefuses(() => {
          const result = parseSipriTivTable('random.csv', new TextEncoder().encode(head + tail));
          for (const row of result.rows) for (const value of Object.values(row.byYear)) expect(value).toBeGreaterThan(0);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!HAS_SHARED)(HAS_SHARED ? 'parseSipriTivTable on the real 2024 tables' : `parseSipriTivTable on the real 2024 tables (${SHARED_MISSING})`, () => {
  const timed = (name: string) => {
    const started = performance.now();
    const result = parseSipriTivTable(name, readSharedData('sipri', 'tiv-tables', name));
    console.log(`sipri ${name}: ${result.rows.length} rows parsed in ${(performance.now() - started).toFixed(1)} ms`);
    return result;
  };
  const importers = HAS_SHARED ? timed('importers_1950-2024.csv') : null;
  const exporters = HAS_SHARED ? timed('exporters_1950-2024.csv') : null;

  it('reads 261 recipients plus the world, 1950–2024, dated 13 Oct 2024', () => {
    expect(importers?.direction).toBe('imports');
    expect(importers?.rows).toHaveLength(261);
    expect(importers?.world?.name).toBe('Total world import');
    expect(importers?.years[0]).toBe(1950);
    expect(importers?.years.at(-1)).toBe(2024);
    expect(importers?.dataDate).toBe('2024-10-13');
    expect(importers?.warnings).toEqual([]);
  });

  it('reads 136 suppliers plus the world', () => {
    expect(exporters?.direction).toBe('exports');
    expect(exporters?.rows).toHaveLength(136);
    expect(exporters?.world?.name).toBe('Total world export');
    expect(exporters?.warnings).toEqual([]);
  });

  it('has an empty 2024 column everywhere', () => {
    for (const table of [importers, exporters]) {
      expect([table?.world, ...(table?.rows ?? [])].filter((row) => row && 2024 in row.byYear)).toEqual([]);
    }
  });

  it('has the values SIPRI prints', () => {
    const row = (name: string) => importers?.rows.find((candidate) => candidate.name === name);
    expect(row('India')?.byYear[1950]).toBe(141);
    expect(row('India')?.byYear[2023]).toBe(1428);
    expect(row('Myanmar')?.byYear[1951]).toBe(0.25);
    expect(importers?.world?.byYear[1950]).toBe(8130);
    expect(importers?.world?.byYear[2023]).toBe(29104);
    expect(exporters?.world?.byYear[2023]).toBe(29104);
    expect(row('NATO')?.nonState).toBe(true);
    expect(row('MTA (Myanmar)')?.nonState).toBe(true);
  });
});
