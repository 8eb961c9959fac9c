import { describe, expect, it } from 'vitest';
import type { SourceEntry } from '../../../src/kb/model';
import { AU_DFAT_LIST, AU_DFAT_URL, parseAustraliaDfat } from '../../../src/sources/australia-dfat';
import { readXlsx } from '../../../src/sources/xlsx';
import { HAS_SHARED, SHARED_MISSING, readFixture, readSharedData } from '../../support/shared';
import { assertAnyBytesParseOrRefuse, entryByReference, parseErrorOf } from '../../support/parser-properties';

const fixture = (name: string): Uint8Array => readFixture('sources', 'xlsx', name);

const listing = (fields: Partial<SourceEntry['listing']>): SourceEntry['listing'] => ({
  authority: 'AU',
  list: AU_DFAT_LIST,
  programmes: [],
  reference: '',
  sourceUrl: AU_DFAT_URL,
  dataDate: '2024-11-11',
  ...fields,
});

describe('parseAustraliaDfat', () => {
  const result = parseAustraliaDfat('australia-dfat.xlsx', fixture('australia-dfat.xlsx'));

  it('builds one entry per numeric reference, in source order', () => {
    expect(result.source).toBe('au-dfat');
    expect(result.entries.map((e) => e.listing.reference)).toEqual(['101', '102', '103', '104', '105', '106']);
  });

  it('takes the data date from the latest Control Date', () => {
    expect(result.dataDate).toBe('2024-11-11');
  });

  it('uses the date the caller gives instead', () => {
    const withDate = parseAustraliaDfat('australia-dfat.xlsx', fixture('australia-dfat.xlsx'), { dataDate: '2024-12-17' });
    expect(withDate.dataDate).toBe('2024-12-17');
    expect(withDate.entries[0]!.listing.dataDate).toBe('2024-12-17');
  });

  it('joins a primary row with its alias and original-script rows (names types in any case, trailing spaces)', () => {
    expect(entryByReference(result, '101')).toEqual({
      source: 'au-dfat',
      kind: 'person',
      names: [
        { full: 'Ivan Petrovich TESTOV', type: 'primary', strength: 'strong' },
        { full: 'Ivan TESTOV', type: 'alias', strength: 'strong' },
        { full: 'Иван Петрович ТЕСТОВ', type: 'original-script', strength: 'strong' },
      ],
      birthDates: [{ kind: 'day', date: '1959-05-25' }],
      birthPlaces: ['Testograd, Russia'],
      nationalities: ['RU'],
      positions: [],
      addresses: [],
      identifiers: [],
      remarks: [
        'Listing information: Instrument of first designation and declaration: Autonomous Sanctions (Designated Persons and Entities and Declared Persons-Ukraine) Amendment (No. 2) Instrument 2022',
        'Control date: 2022-02-25',
      ],
      listing: listing({ programmes: ['Autonomous (Ukraine)'], reference: '101', reasons: 'Deputy Minister of Testing of the Russian Federation' }),
    });
  });

  it('reads an entity with "a) … b)" addresses, a former name and a listing date in text', () => {
    const corp = entryByReference(result, '102');
    expect(corp.kind).toBe('organisation');
    expect(corp.names).toEqual([
      { full: 'TESTCORP TRADING LLC', type: 'primary', strength: 'strong' },
      { full: 'TESTCORP', type: 'alias', strength: 'strong' },
      { full: 'TestCorp Holdings', type: 'formerly', strength: 'strong' },
    ]);
    expect(corp.addresses).toEqual([
      { lines: ['1 Test Street, Tehran, Iran'], country: 'IR' },
      { lines: ['2 Sample Road, Dubai, United Arab Emirates'], country: 'AE' },
    ]);
    expect(corp.listing).toEqual(
      listing({ programmes: ['Autonomous (Iran)'], listedOn: '2010-08-09', reference: '102', reasons: 'Front company for testing.' }),
    );
  });

  it('reads text birth dates, demonym citizenships, nested-bracket committees, and an alias row found later in the sheet', () => {
    const ahmed = entryByReference(result, '103');
    expect(ahmed.names.map((n) => n.full)).toEqual(['Abdul Rahman TESTAHMED', 'Abu TESTAHMED']);
    expect(ahmed.birthDates).toEqual([
      { kind: 'day', date: '1986-08-22' },
      { kind: 'day', date: '1986-08-28' },
      { kind: 'range', from: 1955, to: 1958 },
    ]);
    expect(ahmed.birthPlaces).toEqual(['Testabad, Pakistan', 'Sampleville, Saudi Arabia']);
    expect(ahmed.nationalities).toEqual(['PK', 'SA']);
    expect(ahmed.addresses).toEqual([]);
    expect(ahmed.listing.programmes).toEqual(["1267/1989/2253 (ISIL (Da'esh) and Al-Qaida)"]);
    expect(ahmed.listing.listedOn).toBe('2001-01-25');
    expect(ahmed.listing.reasons).toBe('Title: Mullah.\nPassport no.: T1234567');
  });

  it('reads a year-number birth date, keeps an unknown citizenship as a remark, and takes a date-cell listing as listedOn', () => {
    const sampleva = entryByReference(result, '104');
    expect(sampleva.birthDates).toEqual([{ kind: 'year', year: 1956 }]);
    expect(sampleva.nationalities).toEqual([]);
    expect(sampleva.remarks).toEqual(['Citizenship: Ruritanian', 'Control date: 2013-03-07']);
    expect(sampleva.listing.listedOn).toBe('2013-03-07');
  });

  it('reads approximate years and splits two regimes run together', () => {
    const testman = entryByReference(result, '105');
    expect(testman.birthDates).toEqual([{ kind: 'year', year: 1960, approximate: true }]);
    expect(testman.listing.programmes).toEqual(['1970 (Libya)', '1973 (Libya)']);
    expect(testman.names[1]).toEqual({ full: 'Old TESTMAN-BEY', type: 'alias', strength: 'strong' });
  });

  it('maps Type "Vessel" to a vessel', () => {
    expect(entryByReference(result, '106').kind).toBe('vessel');
  });

  it('warns about a row that is not a reference and a name type DFAT does not use, with their rows', () => {
    expect(result.warnings).toMatchObject([
      { file: 'australia-dfat.xlsx', line: 11, message: 'sheet "Sheet1" row 11: Reference "X-1" is not a DFAT reference (a number, optionally with a letter suffix); row skipped' },
      { file: 'australia-dfat.xlsx', line: 15, message: 'sheet "Sheet1" row 15: Name Type "Nickname" is not one DFAT uses; the name is kept as an alias' },
    ]);
  });

  describe('bad input', () => {
    it('names the sheet, the row and the missing column of a wrong header', () => {
      expect(parseErrorOf(() => parseAustraliaDfat('list.xlsx', fixture('australia-wrong-header.xlsx'))).message).toBe(
        'list.xlsx: sheet "Sheet1" row 1: the header lacks "Control Date": this is not the DFAT Consolidated List layout',
      );
    });

    it('refuses another workbook', () => {
      expect(parseErrorOf(() => parseAustraliaDfat('milex.xlsx', fixture('sipri-milex.xlsx'))).message).toMatch(
        /^milex\.xlsx: no sheet has a header row starting "Reference": this is not the DFAT Consolidated List/,
      );
    });

    it('refuses a CSV saved as .xlsx', () => {
      const csv = new TextEncoder().encode('Reference,Name of Individual or Entity\n101,Ivan TESTOV\n');
      expect(parseErrorOf(() => parseAustraliaDfat('list.xlsx', csv)).message).toBe('list.xlsx: not an XLSX workbook (the file is not a zip archive)');
    });

    it('refuses a truncated workbook', () => {
      const bytes = fixture('australia-dfat.xlsx');
      expect(parseErrorOf(() => parseAustraliaDfat('cut.xlsx', bytes.subarray(0, bytes.length - 100))).file).toBe('cut.xlsx');
    });

    it('returns a result or throws ParseError for any bytes', () => {
      assertAnyBytesParseOrRefuse((bytes) => parseAustraliaDfat('random.xlsx', bytes), { maxLength: 1024, numRuns: 200 });
    });
  });
});

describe.skipIf(!HAS_SHARED)(`parseAustraliaDfat on the real list (${HAS_SHARED ? 'shared/data/australia' : SHARED_MISSING})`, () => {
  const bytes = HAS_SHARED ? readSharedData('australia', 'regulation8_consolidated.xlsx') : new Uint8Array();
  const result = HAS_SHARED ? parseAustraliaDfat('regulation8_consolidated.xlsx', bytes) : null!;

  it('has 9,553 data rows of which 3,062 are primary names, giving 3,062 entries', () => {
    const rows = readXlsx('regulation8_consolidated.xlsx', bytes).sheets.get('Sheet1')!.rows.slice(1);
    expect(rows).toHaveLength(9553);
    expect(rows.filter((row) => /^primary name$/i.test(String(row[3]).trim()))).toHaveLength(3062);
    expect(result.entries).toHaveLength(3062);
    expect(result.entries.every((e) => e.names[0]!.type === 'primary')).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('dates the data by the latest Control Date, 2024-11-11', () => {
    expect(result.dataDate).toBe('2024-11-11');
  });

  it('trims the trailing-space duplicates of Committees', () => {
    const programmes = new Set(result.entries.flatMap((e) => e.listing.programmes));
    expect(programmes.has('Autonomous (Iran)')).toBe(true);
    expect([...programmes].filter((p) => p !== p.trim())).toEqual([]);
  });

  it('reads Min Aung Hlaing (7317, 7317a) field by field', () => {
    expect(entryByReference(result, '7317')).toEqual({
      source: 'au-dfat',
      kind: 'person',
      names: [
        { full: 'Min Aung Hlaing', type: 'primary', strength: 'strong' },
        { full: 'Senior General Min Aung Hlaing', type: 'alias', strength: 'strong' },
      ],
      birthDates: [{ kind: 'day', date: '1956-07-03' }],
      birthPlaces: [],
      nationalities: ['MM'],
      positions: [],
      addresses: [],
      identifiers: [],
      remarks: ['Listing information: Autonomous Sanctions (Designated and Declared Persons—Myanmar) Amendment Instrument 2023', 'Control date: 2023-02-01'],
      listing: listing({
        programmes: ['Autonomous (Myanmar)'],
        reference: '7317',
        reasons: 'Commander-in-Chief of the Myanmar Armed Forces; Chair of the State Administration Council; Prime Minister of Myanmar',
      }),
    });
  });

  it('reads Alexander Vasilyevich FOMIN (6306) field by field', () => {
    expect(entryByReference(result, '6306')).toEqual({
      source: 'au-dfat',
      kind: 'person',
      names: [{ full: 'Alexander Vasilyevich FOMIN', type: 'primary', strength: 'strong' }],
      birthDates: [{ kind: 'day', date: '1959-05-25' }],
      birthPlaces: ['Leninogorsk, Russia'],
      nationalities: ['RU'],
      positions: [],
      addresses: [],
      identifiers: [],
      remarks: [
        'Listing information: Instrument of first designation and declaration: Autonomous Sanctions (Designated Persons and Entities and Declared Persons-Ukraine) Amendment (No. 2) Instrument 2022',
        'Control date: 2022-02-25',
      ],
      listing: listing({ programmes: ['Autonomous (Ukraine)'], reference: '6306' }),
    });
  });

  it('reads the Taliban-era text birth date of reference 2 as two approximate ranges', () => {
    expect(entryByReference(result, '2').birthDates).toEqual([
      { kind: 'range', from: 1955, to: 1958 },
      { kind: 'range', from: 1945, to: 1950 },
    ]);
    expect(entryByReference(result, '2').listing.listedOn).toBe('2001-01-25');
  });
});
