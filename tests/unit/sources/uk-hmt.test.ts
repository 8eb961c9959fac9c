import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { SourceParseResult } from '../../../src/kb/model';
import { UK_HMT_SOURCE, UK_HMT_URL, parseUkHmt } from '../../../src/sources/uk-hmt';
import { HAS_SHARED, SHARED_MISSING, readFixture, readSharedData } from '../../support/shared';
import { assertAnyBytesParseOrRefuse, entryByReference, parseErrorOf, parsesOrRefuses, withMutations } from '../../support/parser-properties';

const FIXTURE = 'uk-list-sample.csv';
const fixture = (name = FIXTURE): Uint8Array => readFixture('sources', 'uk', name);

const latin1 = (bytes: Uint8Array): string => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
const fromLatin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('parseUkHmt on the sample fixture', () => {
  const result = parseUkHmt(FIXTURE, fixture());

  it('reads the data date from line 1 and one entry per Group ID, in file order', () => {
    expect(result.source).toBe(UK_HMT_SOURCE);
    expect(result.dataDate).toBe('2024-01-02');
    expect(result.warnings).toEqual([]);
    expect(result.entries.map((e) => e.listing.reference)).toEqual(['90001', '90002', '90003', '90004', '90005', '90006']);
  });

  it('joins the name, DOB and regime rows of one person field by field', () => {
    expect(entryByReference(result, '90001')).toEqual({
      source: 'uk-hmt',
      kind: 'person',
      names: [
        { full: 'Ivan Petrovich TESTOV', parts: { given: 'Ivan', middle: 'Petrovich', family: 'TESTOV' }, type: 'primary', strength: 'strong' },
        { full: 'Ivan TESTOFF', parts: { given: 'Ivan', family: 'TESTOFF' }, type: 'alias', strength: 'strong' },
        { full: 'Ivan PETROV', parts: { given: 'Ivan', family: 'PETROV' }, type: 'formerly', strength: 'strong' },
      ],
      birthDates: [
        { kind: 'day', date: '1961-03-12' },
        { kind: 'year', year: 1962 },
      ],
      birthPlaces: ['Béthune, France'],
      nationalities: ['RU', 'UA'],
      positions: ['Commander of the Test Brigade', 'Colonel'],
      gender: 'male',
      addresses: [{ lines: ['Testovaya ulitsa 5', 'Moscow', '101000'], country: 'RU' }],
      identifiers: [
        { type: 'Passport', value: '7512345678', country: 'RU', note: '7512345678 (Russian) issued on 1 May 2005' },
        { type: 'Passport', value: 'AB1234567', country: 'UA', note: 'AB1234567 (Ukrainian)' },
        { type: 'National ID No.', value: '123456789012', country: 'RU', note: '123456789012 (Russian national ID)' },
      ],
      remarks: [],
      listing: {
        authority: 'UK',
        list: 'UK HM Treasury Consolidated List',
        programmes: ['Russia', 'Ukraine (Sovereignty)'],
        listedOn: '2014-03-18',
        reference: '90001',
        sourceUrl: UK_HMT_URL,
        dataDate: '2024-01-02',
        reasons: 'Male. Commander of the \u2018Test Brigade\u2019, which tested things.',
      },
    });
  });

  it('decodes Windows-1252 bytes 0x91/0x92 as curly quotes and 0xE9 as é', () => {
    const testov = entryByReference(result, '90001');
    expect(testov.listing.reasons).toContain('\u2018Test Brigade\u2019');
    expect(testov.birthPlaces).toEqual(['Béthune, France']);
  });

  it('keeps an Entity with an IMO company number an organisation, with the number and a noted Country cell', () => {
    const testco = entryByReference(result, '90002');
    expect(testco.kind).toBe('organisation');
    expect(testco.names.map((n) => [n.full, n.type, n.parts])).toEqual([
      ['TESTCO TRADING LIMITED', 'primary', undefined],
      ['TESTCO LTD', 'alias', undefined],
    ]);
    expect(testco.identifiers).toEqual([{ type: 'IMO', value: '5342883' }]);
    expect(testco.addresses).toEqual([{ lines: ['Unit 4, Test Park', 'Damascus', 'Syria (since 2015)'], country: 'SY' }]);
    expect(testco.listing.reasons).toBe('Company Number IMO 5342883. Operates the test fleet; registered in two places.');
  });

  it('reads an Entity whose notes give a valid IMO ship number as a vessel, with MMSI and flag', () => {
    const ship = entryByReference(result, '90003');
    expect(ship.kind).toBe('vessel');
    expect(ship.names.map((n) => [n.full, n.type])).toEqual([
      ['SEA TESTER', 'primary'],
      ['OCEAN TESTER', 'alias'],
    ]);
    expect(ship.identifiers).toEqual([
      { type: 'IMO', value: '9123453' },
      { type: 'MMSI', value: '351234567' },
    ]);
    expect(ship.vessel).toEqual({ flag: 'Panama' });
    expect(ship.listing.programmes).toEqual(["North Korea (Democratic People's Republic of Korea)"]);
  });

  it('reads Group Type Ship as a vessel', () => {
    expect(entryByReference(result, '90006').kind).toBe('vessel');
  });

  it('reads month-only and impossible DOBs, demonym nationalities and numberless passport cells', () => {
    const abu = entryByReference(result, '90004');
    expect(abu.names).toEqual([{ full: 'ABU TEST', parts: { family: 'ABU TEST' }, type: 'primary', strength: 'strong' }]);
    expect(abu.birthDates).toEqual([
      { kind: 'month', date: '1970-05' },
      { kind: 'text', text: '31/02/1970' },
    ]);
    expect(abu.nationalities).toEqual(['AF']);
    expect(abu.identifiers).toEqual([]);
    expect(abu.remarks).toEqual(['Passport Details: Uganda Passport.']);
    expect(abu.addresses).toEqual([{ lines: ['Kabul'] }]);
    expect(abu.listing.programmes).toEqual(['Venezuela']);
  });

  it('keeps an uncertain nationality as a remark and reads "Sex: female,"', () => {
    const maria = entryByReference(result, '90005');
    expect(maria.nationalities).toEqual([]);
    expect(maria.remarks).toEqual(['Nationality: Possibly Testish']);
    expect(maria.gender).toBe('female');
  });

  it('uses the caller date only when line 1 has none', () => {
    expect(parseUkHmt(FIXTURE, fixture(), { dataDate: '2030-01-01' }).dataDate).toBe('2024-01-02');
    const headerFirst = fromLatin1(latin1(fixture()).replace(/^[^\n]*\n/, ''));
    const result2 = parseUkHmt('no-date.csv', headerFirst, { dataDate: '2024-05-06' });
    expect(result2.dataDate).toBe('2024-05-06');
    expect(result2.entries[0]?.listing.dataDate).toBe('2024-05-06');
    expect(result2.entries).toHaveLength(6);
    expect(result2.warnings).toMatchObject([{ file: 'no-date.csv', line: 1, message: expect.stringContaining('no "Last Updated" line') }]);
    expect(parseUkHmt('no-date.csv', headerFirst).dataDate).toBeNull();
  });

  it('reads a copy re-saved as UTF-8 the same, with a warning', () => {
    const utf8 = new TextEncoder().encode(decodeWindows1252(fixture()));
    const copy = parseUkHmt('utf8.csv', utf8);
    expect(copy.entries).toEqual(result.entries);
    expect(copy.warnings).toMatchObject([{ file: 'utf8.csv', message: expect.stringContaining('UTF-8') }]);
  });
});

/** Windows-1252 decoding for the test itself, independent of the TextDecoder under test. */
function decodeWindows1252(bytes: Uint8Array): string {
  const high: Record<number, string> = { 0x91: '\u2018', 0x92: '\u2019' };
  return Array.from(bytes, (b) => high[b] ?? String.fromCharCode(b)).join('');
}

describe('parseUkHmt on bad input', () => {
  it('skips a row with the wrong column count, with a warning naming its line', () => {
    const result = parseUkHmt('uk-list-short-row.csv', fixture('uk-list-short-row.csv'));
    expect(result.entries.map((e) => e.listing.reference)).toEqual(['90006', '90003']);
    expect(result.warnings).toMatchObject([{ file: 'uk-list-short-row.csv', line: 4, message: 'expected 29 columns, found 27; row skipped' }]);
  });

  it('throws on a file cut inside a quoted field, naming the line the record starts on', () => {
    const text = latin1(fixture());
    const cut = fromLatin1(text.slice(0, text.indexOf('Operates the test fleet')));
    const error = parseErrorOf(() => parseUkHmt('cut.csv', cut));
    expect(error.file).toBe('cut.csv');
    expect(error.line).toBe(8);
    expect(error.message).toMatch(/never closed/);
  });

  it('refuses an OpenSanctions export, saying which header it expected', () => {
    const error = parseErrorOf(() =>
      parseUkHmt('targets.simple.csv', readFixture('sources', 'opensanctions', 'ua_war_sanctions', 'simple-export.csv')),
    );
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/expected "Last Updated,dd\/mm\/yyyy" then the 29-column header \(Name 6, Name 1, Name 2, …, Group ID\)/);
    expect(error.message).toMatch(/not a UK HMT consolidated list/);
  });

  it('refuses a headerless OFAC-style CSV and an XML file', () => {
    const ofac = new TextEncoder().encode('90001,"TESTOV, Ivan","individual","RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 12 Mar 1961."\r\n');
    expect(parseErrorOf(() => parseUkHmt('sdn.csv', ofac)).message).toMatch(/expected "Last Updated/);
    const xml = new TextEncoder().encode('<?xml version="1.0"?>\n<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>\n');
    expect(parseErrorOf(() => parseUkHmt('consolidated.xml', xml)).message).toMatch(/not a UK HMT consolidated list/);
  });

  it('refuses a Last Updated line followed by something other than the header', () => {
    const bytes = new TextEncoder().encode('Last Updated,13/04/2018\nName,Surname,DOB\nTESTOV,Ivan,1961\n');
    const error = parseErrorOf(() => parseUkHmt('odd.csv', bytes));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/expected the 29-column header/);
  });

  it('keeps a huge free-text cell whole instead of picking it apart', () => {
    const lines = latin1(fixture('uk-list-short-row.csv')).split('\n');
    const cells = (lines[2] ?? '').split(',');
    cells[10] = '('.repeat(100_000); // Nationality
    cells[11] = '('.repeat(100_000); // Passport Details
    lines[2] = cells.join(',');
    const ship = parseUkHmt('huge.csv', fromLatin1(lines.join('\n'))).entries[0];
    expect(ship?.nationalities).toEqual([]);
    expect(ship?.identifiers).toEqual([]);
    expect(ship?.remarks.map((r) => r.slice(0, 20))).toEqual(['Passport Details: ((', 'Nationality: (((((((']);
  });

  it('refuses an empty file', () => {
    expect(parseErrorOf(() => parseUkHmt('empty.csv', new Uint8Array())).message).toMatch(/empty/);
  });

  it('returns a result or throws ParseError for any bytes', () => {
    assertAnyBytesParseOrRefuse((bytes) => parseUkHmt('random.csv', bytes), { maxLength: 2000, numRuns: 300 });
  });

  it('returns a result or throws ParseError for a mutated fixture', () => {
    const base = fixture();
    const mutation = fc.record({ at: fc.nat({ max: base.length - 1 }), byte: fc.integer({ min: 0, max: 255 }), cut: fc.boolean() });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const bytes = withMutations(base, mutations);
        parsesOrRefuses(() => {
          const result = parseUkHmt('mutated.csv', bytes);
          for (const e of result.entries) expect(e.names.length).toBeGreaterThan(0);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!HAS_SHARED)(`parseUkHmt on the real April 2018 list (${HAS_SHARED ? 'shared/data/uk' : SHARED_MISSING})`, () => {
  const file = 'sanctionsconlist.csv';
  const result = HAS_SHARED ? parseUkHmt(file, readSharedData('uk', file)) : null;
  const real = (): SourceParseResult => {
    if (!result) throw new Error('no shared data');
    return result;
  };

  it('reads 9,487 rows into 2,106 targets across 26 regimes, dated 13 April 2018, without warnings', () => {
    expect(real().dataDate).toBe('2018-04-13');
    expect(real().warnings).toEqual([]);
    expect(real().entries).toHaveLength(2106);
    expect(new Set(real().entries.map((e) => e.listing.reference)).size).toBe(2106);
    expect(new Set(real().entries.flatMap((e) => e.listing.programmes)).size).toBe(26);
    const kinds = real().entries.reduce<Record<string, number>>((n, e) => ({ ...n, [e.kind]: (n[e.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ person: 1426, organisation: 655, vessel: 25 });
  });

  it('decodes 0x91 as a curly quote and leaves no C1 control characters', () => {
    const texts = real().entries.flatMap((e) => [e.listing.reasons ?? '', ...e.names.map((n) => n.full), ...e.positions]);
    expect(texts.some((t) => t.includes('\u2018'))).toBe(true);
    expect(texts.some((t) => /[\u0080-\u009f]/.test(t))).toBe(false);
  });

  it('reads Bashar AL-ASSAD (Group ID 11928) field by field', () => {
    expect(entryByReference(real(), '11928')).toEqual({
      source: 'uk-hmt',
      kind: 'person',
      names: [{ full: 'Bashar AL-ASSAD', parts: { given: 'Bashar', family: 'AL-ASSAD' }, type: 'primary', strength: 'strong' }],
      birthDates: [{ kind: 'day', date: '1965-09-11' }],
      birthPlaces: ['Damascus'],
      nationalities: [],
      positions: ['President of the Republic'],
      addresses: [],
      identifiers: [{ type: 'Passport', value: 'D1903', note: 'D1903 (Diplomatic)' }],
      remarks: [],
      listing: {
        authority: 'UK',
        list: 'UK HM Treasury Consolidated List',
        programmes: ['Syria'],
        listedOn: '2011-05-24',
        reference: '11928',
        sourceUrl: UK_HMT_URL,
        dataDate: '2018-04-13',
      },
    });
  });

  it('reads Qasem SOLEIMANI (9062): three regimes, the earliest listing, aliases, qualified nationality', () => {
    const soleimani = entryByReference(real(), '9062');
    expect(soleimani.names[0]).toEqual({ full: 'Qasem SOLEIMANI', parts: { given: 'Qasem', family: 'SOLEIMANI' }, type: 'primary', strength: 'strong' });
    expect(soleimani.names).toHaveLength(11);
    expect(soleimani.names.slice(1).every((n) => n.type === 'alias')).toBe(true);
    expect(soleimani.names.map((n) => n.full)).toContain('Ghasem SOLEYMANI');
    expect(soleimani.birthDates).toEqual([{ kind: 'day', date: '1957-03-11' }]);
    expect(soleimani.birthPlaces).toEqual(['Qom, Iran']);
    expect(soleimani.nationalities).toEqual(['IR']);
    expect(soleimani.remarks).toEqual(['Nationality: Iranian (Iranian citizenship)']);
    expect(soleimani.positions).toEqual(['Commander of Iranian Revolutionary Guard Corps, IRGC - Qods', 'Brigadier General']);
    expect(soleimani.gender).toBe('male');
    expect(soleimani.identifiers).toEqual([{ type: 'Passport', value: '008827', country: 'IR', note: '008827 (Iran Diplomatic). Issued 1999' }]);
    expect(soleimani.listing.programmes).toEqual(['Syria', 'Terrorism and Terrorist Financing', 'Iran (nuclear proliferation)']);
    expect(soleimani.listing.listedOn).toBe('2007-03-24');
    expect(soleimani.listing.reasons).toMatch(/^Both UK listing and EU listing under Terrorism/);
  });

  it('reads the tanker NADINE (13519) as a vessel with its IMO number and flag', () => {
    const nadine = entryByReference(real(), '13519');
    expect(nadine.kind).toBe('vessel');
    expect(nadine.names).toEqual([{ full: 'NADINE', type: 'primary', strength: 'strong' }]);
    expect(nadine.identifiers).toEqual([{ type: 'IMO', value: '8900878' }]);
    expect(nadine.vessel).toEqual({ flag: 'Palau' });
    expect(nadine.listing.programmes).toEqual(['Libya']);
    expect(nadine.listing.listedOn).toBe('2017-07-25');
  });

  it('reads year-only DOB variants and a two-country nationality (13349)', () => {
    const alHababi = entryByReference(real(), '13349');
    expect(alHababi.birthDates).toEqual([
      { kind: 'year', year: 1980 },
      { kind: 'year', year: 1981 },
    ]);
    expect(alHababi.nationalities).toEqual(['SA', 'QA']);
    expect(alHababi.addresses).toEqual([{ lines: ['Afghanistan (since 2009)'], country: 'AF' }]);
  });
});
