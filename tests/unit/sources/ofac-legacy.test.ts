import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SourceEntry, SourceParseResult } from '../../../src/kb/model';
import { ParseError } from '../../../src/sources/errors';
import { sniffOfacLegacyRole } from '../../../src/sources/ofac-csv';
import { parseOfacLegacy, type NamedBytes } from '../../../src/sources/ofac-legacy';
import { HAS_SHARED, SHARED_MISSING, readFixture, readSharedData } from '../../support/shared';
import { assertAnyBytesParseOrRefuse, parsesOrRefuses } from '../../support/parser-properties';

const SDN_URL = 'https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists';
const CONS_URL = 'https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists';

/**
 * The fixture that stands in for each of OFAC's files. The parser is given OFAC's file name, as a
 * download has it; on disk the fixtures are named for what they hold, not after the publisher's files.
 */
const ON_DISK: Record<string, string | undefined> = {
  'sdn.csv': 'primary-records.csv',
  'alt.csv': 'aliases.csv',
  'add.csv': 'locations.csv',
  'sdn_comments.csv': 'remarks-overflow.csv',
  'cons_prim.csv': 'other-list-primary.csv',
  'cons_alt.csv': 'other-list-aliases.csv',
};
/** Bytes of the fixture standing in for an OFAC file, or of another fixture by its own name. */
const fixtureBytes = (name: string): Uint8Array => readFixture('sources', 'ofac', ON_DISK[name] ?? name);
const fixture = (name: string): NamedBytes => ({ name, bytes: fixtureBytes(name) });
const text = (name: string, content: string): NamedBytes => ({ name, bytes: new TextEncoder().encode(content) });

/** The consistent four-file fixture set. */
const fixtureSet = () => ({
  sdn: fixture('sdn.csv'),
  alt: fixture('alt.csv'),
  add: fixture('add.csv'),
  comments: fixture('sdn_comments.csv'),
});

function byReference(entries: SourceEntry[], reference: string): SourceEntry {
  const entry = entries.find((e) => e.listing.reference === reference);
  if (!entry) throw new Error(`no entry ${reference}`);
  return entry;
}

describe('parseOfacLegacy on the fixture set', () => {
  const result = parseOfacLegacy(fixtureSet(), 'sdn');

  it('makes one entry per primary row, in file order, with no warnings', () => {
    expect(result.source).toBe('ofac-sdn');
    expect(result.dataDate).toBeNull();
    expect(result.entries.map((e) => e.listing.reference)).toEqual(['10001', '10002', '10003', '10004', '10005', '10006', '10007']);
    expect(result.warnings).toEqual([]);
  });

  it('reads an individual field by field', () => {
    expect(byReference(result.entries, '10001')).toEqual({
      source: 'ofac-sdn',
      kind: 'person',
      names: [
        { full: 'TESTOV, Ivan Petrovich', type: 'primary', strength: 'strong', parts: { family: 'TESTOV', given: 'Ivan', middle: 'Petrovich' } },
        { full: 'TESTOV, Ivan', type: 'alias', strength: 'strong', parts: { family: 'TESTOV', given: 'Ivan' } },
        { full: 'TESTOFF, Ivan Petrovich', type: 'formerly', strength: 'strong', parts: { family: 'TESTOFF', given: 'Ivan', middle: 'Petrovich' } },
        { full: 'VANYA', type: 'alias', strength: 'weak' },
      ],
      birthDates: [{ kind: 'day', date: '1956-07-03' }, { kind: 'year', year: 1957 }],
      birthPlaces: ['Testgrad, Burma'],
      nationalities: ['RU', 'KP'],
      positions: ['Commander-in-Chief of Test Forces', 'Director, Test Directorate'],
      gender: 'male',
      addresses: [{ lines: ['1 Test Street', 'Testgrad 123456'], country: 'MM' }],
      identifiers: [
        { type: 'Passport', value: 'X1234567', country: 'RU', note: 'issued 01 Jan 2010 expires 01 Jan 2020' },
        { type: 'National ID No.', value: '4501 123456', country: 'RU' },
      ],
      remarks: ['citizen Palestinian', 'Linked To: TESTCORP LLC.'],
      listing: {
        authority: 'US-OFAC',
        list: 'OFAC SDN List',
        programmes: ['GLOMAG', 'BURMA-EO14014'],
        reference: '10001',
        sourceUrl: SDN_URL,
        dataDate: '',
      },
    });
  });

  it('reads an organisation: -0- type, identifiers, listing date, alt names before weak ones', () => {
    const entry = byReference(result.entries, '10002');
    expect(entry.kind).toBe('organisation');
    expect(entry.names).toEqual([
      { full: 'TESTCORP LLC', type: 'primary', strength: 'strong' },
      { full: 'NEW TESTCORP LLC', type: 'alias', strength: 'strong' },
      // alt.csv lists TC too, so the strong copy stands and the weak remarks copy is not added.
      { full: 'TC', type: 'alias', strength: 'strong' },
      { full: 'OLD TESTCORP', type: 'formerly', strength: 'weak' },
    ]);
    expect(entry.identifiers).toEqual([
      { type: 'Tax ID No.', value: '7700000001', country: 'RU' },
      { type: 'Registration Number', value: '1027700000001', country: 'RU' },
      { type: 'SWIFT/BIC', value: 'TESTRUMM' },
    ]);
    expect(entry.listing.listedOn).toBe('2022-02-24');
    expect(entry.addresses).toEqual([
      { lines: ['Testovaya ul. 1', 'Moscow 100000'], country: 'RU' },
      { lines: ['Gaza', 'Region: Gaza'] },
    ]);
    expect(entry.remarks).toContain('Listing Date (EO 14024 Directive 3): 24 Feb 2022');
    expect(entry.remarks).toContain('Website www.testcorp.example.');
  });

  it('reads a vessel: its columns into vessel fields, the IMO into identifiers', () => {
    const entry = byReference(result.entries, '10003');
    expect(entry.kind).toBe('vessel');
    expect(entry.vessel).toEqual({ callSign: '9BTT1', type: 'Crude Oil Tanker', tonnage: '150,000', owner: 'TESTCORP LLC', flag: 'PA' });
    expect(entry.identifiers).toEqual([
      { type: 'IMO', value: '9000001' },
      { type: 'MMSI', value: '352000001' },
    ]);
    expect(entry.names.map((n) => [n.full, n.type, n.strength])).toEqual([
      ['SEA TESTER', 'primary', 'strong'],
      ['SEA TESTER II', 'alias', 'weak'],
      ['OLD TESTER', 'formerly', 'weak'],
    ]);
    expect(entry.remarks).toEqual(['Linked To: TESTCORP LLC.', 'GRT 80,000']);
    // The all-null add.csv row adds no address.
    expect(entry.addresses).toEqual([]);
  });

  it('reads an aircraft', () => {
    const entry = byReference(result.entries, '10004');
    expect(entry.kind).toBe('aircraft');
    expect(entry.identifiers.map((i) => i.type)).toEqual(["Aircraft Manufacturer's Serial Number (MSN)", 'Aircraft Tail Number']);
    expect(entry.addresses).toEqual([{ lines: [], country: 'IR' }]);
  });

  it('decodes Windows-1252 and leaves a Jr. suffix out of the name parts', () => {
    const entry = byReference(result.entries, '10005');
    expect(entry.names[0]).toEqual({
      full: 'EXEMPLO, José Maria, Jr.',
      type: 'primary',
      strength: 'strong',
      parts: { family: 'EXEMPLO', given: 'José', middle: 'Maria' },
    });
    expect(entry.gender).toBe('female');
    expect(entry.nationalities).toEqual(['CO']);
    expect(entry.birthDates).toEqual([
      { kind: 'year', year: 1960, approximate: true },
      { kind: 'range', from: 1960, to: 1962 },
      { kind: 'month', date: '1956-07' },
      { kind: 'range', from: 1961, to: 1962 },
      { kind: 'text', text: '21 Mar 1950 to 20 Mar 1951' },
    ]);
  });

  it('collapses the stray spaces in a name', () => {
    expect(byReference(result.entries, '10006').names[0]?.full).toBe('SAMPLE TRADING CO.');
  });

  it('completes remarks cut at 1000 characters from the comments file', () => {
    const entry = byReference(result.entries, '10006');
    expect(entry.names).toContainEqual({ full: 'SPLITTING ACROSS THE CUT', type: 'alias', strength: 'weak' });
    expect(entry.remarks[entry.remarks.length - 1]).toBe('Linked To: TEST HOLDING AFTER CUT LLC.');
  });

  it('gives an entry whose remarks are -0- no remarks', () => {
    const entry = byReference(result.entries, '10007');
    expect(entry.remarks).toEqual([]);
    expect(entry.names).toEqual([{ full: 'PLAIN TEST ORGANISATION', type: 'primary', strength: 'strong' }]);
  });
});

describe('parseOfacLegacy options and variants', () => {
  it('uses the caller date where the files have none', () => {
    const result = parseOfacLegacy({ sdn: fixture('sdn.csv') }, 'sdn', { dataDate: '2024-05-03' });
    expect(result.dataDate).toBe('2024-05-03');
    expect(result.entries.every((e) => e.listing.dataDate === '2024-05-03')).toBe(true);
  });

  it('reads the consolidated (non-SDN) files under their own source and list', () => {
    const result = parseOfacLegacy({ sdn: fixture('cons_prim.csv'), alt: fixture('cons_alt.csv') }, 'consolidated');
    expect(result.source).toBe('ofac-cons');
    expect(result.warnings).toEqual([]);
    const bank = byReference(result.entries, '10101');
    expect(bank.source).toBe('ofac-cons');
    expect(bank.listing).toMatchObject({
      list: 'OFAC Consolidated (non-SDN) List',
      sourceUrl: CONS_URL,
      programmes: ['UKRAINE-EO13662', 'RUSSIA-EO14024'],
      listedOn: '2022-02-24',
    });
    expect(byReference(result.entries, '10102').names.map((n) => n.full)).toEqual(['HANIYA-TEST, Ismail', 'HANIYYA-TEST, Ismaeel']);
  });

  it('warns when cut remarks have nothing to complete them', () => {
    const result = parseOfacLegacy({ sdn: fixture('sdn.csv') }, 'sdn');
    expect(result.warnings).toMatchObject([
      { file: 'sdn.csv', message: expect.stringMatching(/^1 entries have remarks cut at 1000 characters .*\(ent_num 10006\)$/) },
    ]);
    // The cut a.k.a. has lost its closing quote, so it stays a remark rather than becoming a name.
    expect(byReference(result.entries, '10006').remarks.at(-1)).toBe("a.k.a. 'SPLITT");
  });
});

describe('parseOfacLegacy with files of different dates', () => {
  const result = parseOfacLegacy(
    { sdn: fixture('sdn.csv'), alt: fixture('aliases-orphans.csv'), add: fixture('locations-orphans.csv'), comments: fixture('remarks-overflow-stale.csv') },
    'sdn',
  );

  it('creates no entry for child rows whose ent_num is not in the primary file', () => {
    expect(result.entries).toHaveLength(7);
    expect(result.entries.some((e) => ['19998', '19999'].includes(e.listing.reference))).toBe(false);
    expect(result.entries.flatMap((e) => e.names.map((n) => n.full))).not.toContain('GONE COMPANY');
  });

  it('reports the orphans once per file, with their count', () => {
    const orphanWarnings = result.warnings.filter((w) => w.message.includes('refer to entries not in sdn.csv'));
    expect(orphanWarnings).toMatchObject([
      { file: 'aliases-orphans.csv', message: expect.stringMatching(/^3 rows \(2 ent_nums\)/) },
      { file: 'locations-orphans.csv', message: expect.stringMatching(/^1 rows \(1 ent_nums\)/) },
      { file: 'remarks-overflow-stale.csv', message: expect.stringMatching(/^1 rows \(1 ent_nums\)/) },
    ]);
  });

  it('ignores a continuation for remarks that are not cut, with one warning', () => {
    expect(result.warnings).toContainEqual(expect.objectContaining({
      file: 'remarks-overflow-stale.csv',
      message: expect.stringMatching(/^1 rows continue remarks that sdn.csv does not cut .*\(ent_num 10001\)$/),
    }));
    expect(byReference(result.entries, '10001').remarks).toEqual(['citizen Palestinian', 'Linked To: TESTCORP LLC.']);
    expect(byReference(result.entries, '10006').remarks.at(-1)).toBe('Linked To: TEST HOLDING AFTER CUT LLC.');
  });
});

describe('parseOfacLegacy on odd and bad input', () => {
  it('skips bad rows with a warning naming the line, and keeps the others', () => {
    const result = parseOfacLegacy({ sdn: fixture('bad-rows.csv') }, 'sdn');
    expect(result.entries.map((e) => e.listing.reference)).toEqual(['10002', '10007']);
    expect(result.warnings).toMatchObject([
      { file: 'bad-rows.csv', line: 2, message: 'expected 12 columns, found 4; row skipped' },
      { file: 'bad-rows.csv', line: 3, message: 'ent_num "X10009" is not a number; row skipped' },
      { file: 'bad-rows.csv', line: 4, message: 'SDN_Type "spaceship" is not individual, vessel, aircraft or -0-; row skipped' },
    ]);
  });

  it('treats a type named like an object property as unknown, not as a kind', () => {
    const sdn = text('sdn.csv', '10020,"PROTO TEST","constructor","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n10021,"PROTO TWO",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n');
    const alt = text('alt.csv', '10021,20021,"toString","PROTO ALIAS",-0- \r\n');
    const result = parseOfacLegacy({ sdn, alt }, 'sdn');
    expect(result.entries.map((e) => e.listing.reference)).toEqual(['10021']);
    expect(result.entries[0]?.names[1]).toEqual({ full: 'PROTO ALIAS', type: 'alias', strength: 'strong' });
    expect(result.warnings.map((w) => w.line)).toEqual([1, 1]);
  });

  it('keeps the first of two rows with the same ent_num, with one warning', () => {
    const row = '10030,"TWICE TEST",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n';
    const result = parseOfacLegacy({ sdn: text('sdn.csv', row + row + row) }, 'sdn');
    expect(result.entries).toHaveLength(1);
    expect(result.warnings).toMatchObject([{ file: 'sdn.csv', message: '2 rows repeat an earlier ent_num; skipped (ent_num 10030, 10030)' }]);
  });

  it('reads LF line ends and a file without the 0x1A byte', () => {
    const result = parseOfacLegacy({ sdn: fixture('lf-no-trailer.csv') }, 'sdn');
    expect(result.entries.map((e) => e.listing.reference)).toEqual(['10001', '10002']);
    expect(result.warnings).toEqual([]);
  });

  it('skips a header row added by hand, with a warning', () => {
    const result = parseOfacLegacy({ sdn: fixture('header.csv') }, 'sdn');
    expect(result.entries.map((e) => e.listing.reference)).toEqual(['10002']);
    expect(result.warnings).toMatchObject([{ file: 'header.csv', line: 1, message: 'header row skipped (OFAC files have none)' }]);
  });

  it('reads a copy re-saved as UTF-8 with a BOM', () => {
    const result = parseOfacLegacy({ sdn: fixture('utf8-bom.csv') }, 'sdn');
    expect(result.entries[0]?.names[0]?.full).toBe('EXEMPLO, José Maria, Jr.');
  });

  it('refuses UTF-16 text', () => {
    expect(() => parseOfacLegacy({ sdn: fixture('utf16.csv') }, 'sdn')).toThrow(/utf16\.csv: UTF-16 text/);
  });

  it('refuses an empty file', () => {
    expect(() => parseOfacLegacy({ sdn: { name: 'sdn.csv', bytes: new Uint8Array() } }, 'sdn')).toThrow(ParseError);
  });

  it('refuses another OFAC file given as the primary one, saying what it found', () => {
    expect(() => parseOfacLegacy({ sdn: fixture('add.csv') }, 'sdn')).toThrow(
      'add.csv, line 1: expected 12 columns, found 6: this is not an OFAC primary records file (sdn.csv / cons_prim.csv)',
    );
    expect(() => parseOfacLegacy({ sdn: fixture('sdn.csv'), alt: fixture('add.csv') }, 'sdn')).toThrow(/add\.csv, line 1: expected 5 columns, found 6/);
  });

  it('refuses a file of another format', () => {
    const xml = text('sdn.csv', '<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="2024-01-01"></CONSOLIDATED_LIST>\n');
    expect(() => parseOfacLegacy({ sdn: xml }, 'sdn')).toThrow(/this is not an OFAC primary records file/);
    const commaFree = text('sdn.csv', 'Name;Type;Programme\r\nTESTOV;Individual;GLOMAG\r\n');
    expect(() => parseOfacLegacy({ sdn: commaFree }, 'sdn')).toThrow(ParseError);
  });

  it('refuses a file cut inside a quoted field', () => {
    const bytes = fixtureBytes('sdn.csv');
    const insideSecondRow = new TextDecoder('windows-1252').decode(bytes).indexOf('TESTCORP LLC",') + 4;
    const cut = { name: 'sdn.csv', bytes: bytes.subarray(0, insideSecondRow) };
    expect(() => parseOfacLegacy({ sdn: cut }, 'sdn')).toThrow(/line 2: a quoted field never closes: the file is truncated or damaged/);
  });

  it('refuses a file cut inside the last unquoted field', () => {
    const bytes = fixtureBytes('sdn.csv');
    const end = bytes.length - 4; // drops " \r\n" and 0x1A after the last "-0-"
    const cut = { name: 'sdn.csv', bytes: bytes.subarray(0, end - 1) };
    expect(() => parseOfacLegacy({ sdn: cut }, 'sdn')).toThrow(/the file is truncated/);
  });

  it('returns a result or a ParseError for any bytes, never another error', () => {
    assertAnyBytesParseOrRefuse((bytes) => parseOfacLegacy({ sdn: { name: 'sdn.csv', bytes } }, 'sdn'), { maxLength: 2000, numRuns: 300 });
  });

  it('returns a result or a ParseError for fixture files cut short or with bytes changed', () => {
    const names = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'] as const;
    const originals = names.map(fixtureBytes);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        (which, cutAt, flips) => {
          const original = originals[which] ?? new Uint8Array();
          const bytes = original.slice(0, cutAt % (original.length + 1));
          for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value;
          const files = { ...fixtureSet(), [which === 0 ? 'sdn' : which === 1 ? 'alt' : which === 2 ? 'add' : 'comments']: { name: names[which], bytes } };
          return parsesOrRefuses(() => parseOfacLegacy(files, 'sdn'));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('sniffOfacLegacyRole', () => {
  it.each([
    ['sdn.csv', 'sdn'],
    ['alt.csv', 'alt'],
    ['add.csv', 'add'],
    ['sdn_comments.csv', 'comments'],
    ['cons_prim.csv', 'sdn'],
    ['cons_alt.csv', 'alt'],
    ['lf-no-trailer.csv', 'sdn'],
    ['utf8-bom.csv', 'sdn'],
  ])('knows %s by its content', (name, role) => {
    expect(sniffOfacLegacyRole('download (3).csv', fixtureBytes(name))).toBe(role);
  });

  it('falls back on the name when the content holds no whole record', () => {
    expect(sniffOfacLegacyRole('cons_comments.csv', new Uint8Array())).toBe('comments');
    expect(sniffOfacLegacyRole('folder/CONS_ADD.CSV', new Uint8Array())).toBe('add');
    expect(sniffOfacLegacyRole('notes.txt', new Uint8Array())).toBeNull();
  });

  it('trusts the content over a misleading name', () => {
    expect(sniffOfacLegacyRole('sdn.csv', fixtureBytes('add.csv'))).toBe('add');
  });

  it('recognises none of its roles in other files', () => {
    expect(sniffOfacLegacyRole('sdn.csv', new TextEncoder().encode('<?xml version="1.0"?><x/>\n'))).toBeNull();
    expect(sniffOfacLegacyRole('sdn.csv', readFixture('sources', 'ofac', 'utf16.csv'))).toBeNull();
    expect(sniffOfacLegacyRole('alt.csv', new TextEncoder().encode('Name,Type\r\nA,B\r\n'))).toBeNull();
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), fc.uint8Array({ maxLength: 500 }), (name, bytes) => {
      const role = sniffOfacLegacyRole(name, bytes);
      return role === null || ['sdn', 'alt', 'add', 'comments'].includes(role);
    }));
  });
});

describe.skipIf(!HAS_SHARED)(`parseOfacLegacy on the real OFAC files${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`, () => {
  const real = (...parts: string[]): NamedBytes => ({ name: parts[parts.length - 1] ?? '', bytes: readSharedData('ofac', ...parts) });

  describe('ofac/ (sdn.csv May 2024; alt, add and comments newer)', () => {
    let result: SourceParseResult;
    beforeAll(() => {
      result = parseOfacLegacy(
        { sdn: real('sdn.csv'), alt: real('alt.csv'), add: real('add.csv'), comments: real('sdn_comments.csv') },
        'sdn',
      );
    });

    it('makes one entry per sdn.csv row: 14,965', () => {
      expect(result.entries).toHaveLength(14965);
      const kinds = new Map<string, number>();
      for (const e of result.entries) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
      expect(Object.fromEntries(kinds)).toEqual({ organisation: 6884, person: 6854, vessel: 851, aircraft: 376 });
    });

    it('counts the orphan child rows in one warning per file', () => {
      const orphans = result.warnings.filter((w) => w.message.includes('refer to entries not in sdn.csv'));
      expect(orphans.map((w) => [w.file, w.message.split(' refer')[0]])).toEqual([
        ['alt.csv', '2727 rows (1724 ent_nums)'],
        ['add.csv', '5598 rows (4894 ent_nums)'],
        ['sdn_comments.csv', '6 rows (6 ent_nums)'],
      ]);
      expect(result.warnings.length).toBeLessThan(10);
    });

    it('reads Min Aung Hlaing (27225) field by field', () => {
      expect(byReference(result.entries, '27225')).toEqual({
        source: 'ofac-sdn',
        kind: 'person',
        names: [{ full: 'HLAING, Min Aung', type: 'primary', strength: 'strong', parts: { family: 'HLAING', given: 'Min', middle: 'Aung' } }],
        birthDates: [{ kind: 'day', date: '1956-07-03' }],
        birthPlaces: ['Dawei, Burma'],
        nationalities: [],
        positions: [],
        gender: 'male',
        addresses: [{ lines: [], country: 'MM' }],
        identifiers: [],
        remarks: [],
        listing: { authority: 'US-OFAC', list: 'OFAC SDN List', programmes: ['GLOMAG', 'BURMA-EO14014'], reference: '27225', sourceUrl: SDN_URL, dataDate: '' },
      });
    });

    it('creates no entry for FOMIN (51136), whose alias and address rows are orphans', () => {
      expect(result.entries.some((e) => e.listing.reference === '51136')).toBe(false);
      expect(result.entries.flatMap((e) => e.names).some((n) => n.full.startsWith('FOMIN, Aleksandr'))).toBe(false);
      // Counted as an orphan: with only his alt.csv row, the warning says one row, one ent_num.
      const altText = new TextDecoder('windows-1252').decode(readSharedData('ofac', 'alt.csv'));
      const fominRows = altText.split('\r\n').filter((line) => line.startsWith('51136,'));
      expect(fominRows).toHaveLength(1);
      const alone = parseOfacLegacy({ sdn: real('sdn.csv'), alt: text('alt.csv', `${fominRows.join('\r\n')}\r\n`) }, 'sdn');
      expect(alone.warnings.filter((w) => w.file === 'alt.csv')).toMatchObject([
        { file: 'alt.csv', message: expect.stringMatching(/^1 rows \(1 ent_nums\) refer to entries not in sdn\.csv/) },
      ]);
    });

    it('reads the vessel EBANO (4243)', () => {
      const entry = byReference(result.entries, '4243');
      expect(entry.kind).toBe('vessel');
      expect(entry.names).toEqual([
        { full: 'EBANO', type: 'primary', strength: 'strong' },
        { full: 'ANA I', type: 'formerly', strength: 'weak' },
        { full: 'SAND SWAN', type: 'formerly', strength: 'weak' },
      ]);
      expect(entry.vessel).toEqual({ type: 'General Cargo', tonnage: '2595', flag: 'PA' });
      expect(entry.identifiers).toEqual([{ type: 'IMO', value: '7406784' }]);
      expect(entry.remarks).toEqual(['GRT 1865']);
      expect(entry.listing.programmes).toEqual(['CUBA']);
      expect(entry.addresses).toEqual([]);
    });

    it('reads the organisation LLC MARKET FUND ADMINISTRATION (34542)', () => {
      const entry = byReference(result.entries, '34542');
      expect(entry.kind).toBe('organisation');
      expect(entry.names).toEqual([
        { full: 'LIMITED LIABILITY COMPANY MARKET FUND ADMINISTRATION', type: 'primary', strength: 'strong' },
        { full: 'SBERBANK FUND ADMINISTRATION LIMITED LIABILITY COMPANY', type: 'alias', strength: 'strong' },
        { full: 'MARKET FA LLC', type: 'alias', strength: 'weak' },
      ]);
      expect(entry.identifiers).toEqual([
        { type: 'Tax ID No.', value: '7736618039', country: 'RU' },
        { type: 'Registration Number', value: '1107746400827', country: 'RU' },
      ]);
      expect(entry.listing.listedOn).toBe('2022-02-24');
      expect(entry.listing.programmes).toEqual(['RUSSIA-EO14024']);
      expect(entry.addresses).toEqual([{ lines: ['79 V. Lenina St, room 8', 'Derbent, Dagestan 368602'], country: 'RU' }]);
      expect(entry.remarks).toContain('Linked To: PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA.');
    });

    it('reads BANCO NACIONAL DE CUBA (306): weak a.k.a. from remarks, four addresses', () => {
      const entry = byReference(result.entries, '306');
      expect(entry.names.map((n) => [n.full, n.strength])).toEqual([
        ['BANCO NACIONAL DE CUBA', 'strong'],
        ['NATIONAL BANK OF CUBA', 'strong'],
        ['BNC', 'weak'],
      ]);
      expect(entry.addresses.map((a) => a.country)).toEqual(['CH', 'ES', 'JP', 'PA']);
    });
  });

  describe('ofac/matched_2021-07/ (a consistent four-file snapshot)', () => {
    const dir = 'matched_2021-07';
    let result: SourceParseResult;
    beforeAll(() => {
      result = parseOfacLegacy(
        { sdn: real(dir, 'sdn.csv'), alt: real(dir, 'alt.csv'), add: real(dir, 'add.csv'), comments: real(dir, 'sdn_comments.csv') },
        'sdn',
      );
    });

    it('makes 8,976 entries with no orphans and no cut remarks left', () => {
      expect(result.entries).toHaveLength(8976);
      expect(result.warnings).toEqual([]);
    });

    it('completes the five cut remarks from the comment rows', () => {
      // 28263's remarks are cut inside "a.k.a. 'snowsjo" + "hn'; Linked To: LAZARUS GROUP."
      const entry = byReference(result.entries, '28263');
      expect(entry.names).toContainEqual({ full: 'snowsjohn', type: 'alias', strength: 'weak' });
      expect(entry.remarks.at(-1)).toBe('Linked To: LAZARUS GROUP.');
      expect(byReference(result.entries, '30518').remarks.at(-1)).toBe('Linked To: INTERNET RESEARCH AGENCY LLC.');
    });
  });

  describe('ofac/consolidated/ (cons_*)', () => {
    it('makes 442 entries of the Consolidated (non-SDN) list', () => {
      const dir = 'consolidated';
      const result = parseOfacLegacy(
        { sdn: real(dir, 'cons_prim.csv'), alt: real(dir, 'cons_alt.csv'), add: real(dir, 'cons_add.csv'), comments: real(dir, 'cons_comments.csv') },
        'consolidated',
      );
      expect(result.entries).toHaveLength(442);
      expect(result.warnings).toEqual([]);
      expect(result.entries.every((e) => e.source === 'ofac-cons' && e.listing.list === 'OFAC Consolidated (non-SDN) List')).toBe(true);
    });
  });

  it('sniffs every real file by content alone', () => {
    const files: [string[], string][] = [
      [['sdn.csv'], 'sdn'], [['alt.csv'], 'alt'], [['add.csv'], 'add'], [['sdn_comments.csv'], 'comments'],
      [['consolidated', 'cons_prim.csv'], 'sdn'], [['consolidated', 'cons_alt.csv'], 'alt'],
      [['consolidated', 'cons_add.csv'], 'add'], [['consolidated', 'cons_comments.csv'], 'comments'],
      [['matched_2021-07', 'sdn_comments.csv'], 'comments'],
    ];
    for (const [parts, role] of files) expect(sniffOfacLegacyRole('file.csv', readSharedData('ofac', ...parts))).toBe(role);
  });
});
