import { describe, expect, it } from 'vitest';
import type { MilexSeries } from '../../../src/kb/model';
import { parseSipriMilex } from '../../../src/sources/sipri-milex';
import { HAS_SHARED, SHARED_MISSING, readFixture, readSharedData } from '../../support/shared';
import { assertAnyBytesParseOrRefuse, parseErrorOf } from '../../support/parser-properties';

const fixture = (name: string): Uint8Array => readFixture('sources', 'xlsx', name);

function seriesOf(series: MilexSeries[], name: string): MilexSeries {
  const found = series.find((s) => s.name === name);
  if (!found) throw new Error(`no series ${name}`);
  return found;
}

describe('parseSipriMilex', () => {
  const result = parseSipriMilex('milex.xlsx', fixture('sipri-milex.xlsx'));

  it('reads the base year from the constant-dollar sheet name', () => {
    expect(result.constantBaseYear).toBe(2022);
  });

  it('skips region and subregion headings but keeps a country without any figure', () => {
    expect(result.series.map((s) => s.name)).toEqual(['Testonia', 'Samplestan', 'Korea, Test', 'Oddland', 'Shareonly']);
    expect(seriesOf(result.series, 'Samplestan')).toEqual({ name: 'Samplestan', constantUsd: {}, shareOfGdp: {} });
  });

  it('joins both sheets by country although their year columns sit in different places, leaving "xxx" and ". ." years out', () => {
    expect(seriesOf(result.series, 'Testonia')).toEqual({
      name: 'Testonia',
      constantUsd: { 2021: 1234.5678, 2022: 1300.25, 2023: 1410.125 },
      shareOfGdp: { 2021: 0.0312, 2022: 0.0345, 2023: 0.04 },
    });
  });

  it('keeps zero figures', () => {
    expect(seriesOf(result.series, 'Korea, Test').constantUsd).toEqual({ 2020: 0, 2021: 0, 2023: 99.5 });
  });

  it('has no release date, and says so with the last year of the figures', () => {
    expect(result.dataDate).toBeNull();
    expect(result.warnings.at(-1)).toMatchObject({ file: 'milex.xlsx', message: 'the workbook states no release date; its figures run to 2023 (dataDate left empty)' });
  });

  it('warns about a figure that is neither a number nor a marker, and about a country only in one sheet', () => {
    expect(result.warnings.slice(0, 2)).toMatchObject([
      { file: 'milex.xlsx', line: 14, message: 'sheet "Constant (2022) US$" row 14: "Oddland" 2021: "n/a" is neither a figure nor a SIPRI missing-value marker; year left out' },
      { file: 'milex.xlsx', message: '"Shareonly" is in sheet "Share of GDP" but not in "Constant (2022) US$"' },
    ]);
    expect(seriesOf(result.series, 'Oddland').constantUsd).toEqual({ 2020: 10, 2022: 12, 2023: 13 });
  });

  describe('bad input', () => {
    it('names the sheet that has no "Country" header', () => {
      expect(parseErrorOf(() => parseSipriMilex('milex.xlsx', fixture('sipri-milex-no-header.xlsx'))).message).toBe(
        'milex.xlsx: sheet "Constant (2022) US$": no header row starting "Country" in its first 30 rows: this is not a SIPRI milex sheet',
      );
    });

    it('names a missing sheet', () => {
      expect(parseErrorOf(() => parseSipriMilex('milex.xlsx', fixture('sipri-milex-no-share-sheet.xlsx'))).message).toBe(
        'milex.xlsx: no "Share of GDP" sheet: this is not the SIPRI Military Expenditure workbook (its sheets: Constant (2022) US$)',
      );
    });

    it('refuses another workbook', () => {
      expect(parseErrorOf(() => parseSipriMilex('list.xlsx', fixture('australia-dfat.xlsx'))).message).toBe(
        'list.xlsx: no "Constant (…) US$" sheet and no "Share of GDP" sheet: this is not the SIPRI Military Expenditure workbook (its sheets: Sheet1)',
      );
    });

    it('refuses a file that is not a workbook, and a truncated one', () => {
      expect(parseErrorOf(() => parseSipriMilex('milex.csv', new TextEncoder().encode('Country,2022\nTestonia,1\n'))).message).toBe(
        'milex.csv: not an XLSX workbook (the file is not a zip archive)',
      );
      const bytes = fixture('sipri-milex.xlsx');
      expect(parseErrorOf(() => parseSipriMilex('cut.xlsx', bytes.subarray(0, 1000))).file).toBe('cut.xlsx');
    });

    it('returns a result or throws ParseError for any bytes', () => {
      assertAnyBytesParseOrRefuse((bytes) => parseSipriMilex('random.xlsx', bytes), { maxLength: 1024, numRuns: 200 });
    });
  });
});

describe.skipIf(!HAS_SHARED)(`parseSipriMilex on the real workbook (${HAS_SHARED ? 'shared/data/sipri/milex' : SHARED_MISSING})`, () => {
  const result = HAS_SHARED ? parseSipriMilex('SIPRI-Milex-data-1948-2023.xlsx', readSharedData('sipri', 'milex', 'SIPRI-Milex-data-1948-2023.xlsx')) : null!;

  it('has the 173 countries the front page announces, plus the European Union row', () => {
    expect(result.series).toHaveLength(174);
    expect(result.series.filter((s) => s.name !== 'European Union')).toHaveLength(173);
    expect(result.series[0]!.name).toBe('Algeria');
    expect(result.series.at(-1)!.name).toBe('Yemen');
  });

  it('takes no region heading for a country, and keeps countries that have no figure at all', () => {
    const names = new Set(result.series.map((s) => s.name));
    for (const region of ['Africa', 'North Africa', 'sub-Saharan Africa', 'Americas', 'Asia & Oceania', 'Europe', 'Western Europe', 'Middle East']) {
      expect(names.has(region)).toBe(false);
    }
    expect(seriesOf(result.series, 'Korea, North')).toEqual({ name: 'Korea, North', constantUsd: {}, shareOfGdp: {} });
    expect(seriesOf(result.series, 'Yugoslavia').constantUsd).toEqual({});
  });

  it('reads the constant base year 2022 and no release date', () => {
    expect(result.constantBaseYear).toBe(2022);
    expect(result.dataDate).toBeNull();
    expect(result.warnings).toMatchObject([
      { file: 'SIPRI-Milex-data-1948-2023.xlsx', message: 'the workbook states no release date; its figures run to 2023 (dataDate left empty)' },
    ]);
  });

  it('reads United States 2023 spending in constant 2022 US$ m. exactly as the file has it', () => {
    const usa = seriesOf(result.series, 'United States of America');
    expect(usa.constantUsd[2023]).toBe(880070.5579487397);
    expect(usa.constantUsd[2022]).toBe(860692.2); // the base year: constant equals current dollars
    expect(usa.constantUsd[1948]).toBeUndefined(); // ". ."
    expect(usa.shareOfGdp[2023]).toBe(0.03361836485580735);
  });

  it('reads Russia 2022 share of GDP as a fraction exactly as the file has it', () => {
    const russia = seriesOf(result.series, 'Russia');
    expect(russia.shareOfGdp[2022]).toBe(0.046900348306479336);
    expect(russia.shareOfGdp[2023]).toBe(0.05864188872292315);
    expect(russia.constantUsd[2022]).toBe(102366.63645968008);
    expect(Object.keys(russia.constantUsd).map(Number).every((year) => year >= 1992)).toBe(true); // USSR before
  });

  it('gives plausible figures: shares are fractions (only Kuwait 1991, the Gulf War, passes 1), spending is not negative', () => {
    const overWholeGdp = result.series.flatMap((s) => Object.entries(s.shareOfGdp).filter(([, share]) => share >= 1).map(([year]) => `${s.name} ${year}`));
    expect(overWholeGdp).toEqual(['Kuwait 1991']);
    expect(seriesOf(result.series, 'Kuwait').shareOfGdp[1991]).toBe(1.173498232086904);
    for (const s of result.series) {
      expect(Object.values(s.shareOfGdp).every((share) => share >= 0)).toBe(true);
      expect(Object.values(s.constantUsd).every((spending) => spending >= 0)).toBe(true);
    }
  });
});
