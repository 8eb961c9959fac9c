import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { SourceParseResult } from '../../../src/kb/model';
import { readCsvRecords } from '../../../src/sources/csv';
import { parseOpenSanctionsSimple } from '../../../src/sources/opensanctions';
import { HAS_SHARED, SHARED_MISSING, readFixture, readSharedData } from '../../support/shared';
import { assertAnyBytesParseOrRefuse, entryByReference, parseErrorOf, parsesOrRefuses, withMutations } from '../../support/parser-properties';

const CURRENT = 'ua_war_sanctions/targets.simple.csv';
const OLDER = 'xx_test_register/targets.simple.csv';
/** The fixture for an export path (given to the parser as is): one per dataset folder, named for what it holds. */
const fixture = (path = CURRENT): Uint8Array => readFixture('sources', 'opensanctions', path.slice(0, path.indexOf('/')), 'simple-export.csv');
const fixtureText = (path = CURRENT): string => new TextDecoder().decode(fixture(path));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const UA_LISTING = {
  authority: 'OpenSanctions',
  list: 'Ukraine War and Sanctions (GUR), via OpenSanctions',
  sourceUrl: 'https://www.opensanctions.org/datasets/ua_war_sanctions/',
  dataDate: '2026-03-13',
} as const;

describe('parseOpenSanctionsSimple on the current-layout fixture', () => {
  const result = parseOpenSanctionsSimple(CURRENT, fixture());

  it('reads one entry per listed subject; the data date is the latest last_seen', () => {
    expect(result.source).toBe('opensanctions-ua_war_sanctions');
    expect(result.dataDate).toBe('2026-03-13');
    expect(result.entries.map((e) => [e.listing.reference, e.kind])).toEqual([
      ['NK-TestPerson1', 'person'],
      ['NK-TestCompany1', 'organisation'],
      ['NK-TestLegal1', 'organisation'],
      ['NK-TestVessel1', 'vessel'],
      ['NK-TestPlane1', 'aircraft'],
      ['NK-TestPerson2', 'person'],
      ['NK-TestOrg1', 'organisation'],
      ['NK-TestPerson3', 'person'],
    ]);
  });

  it('skips a schema that is not a listed subject, with a warning naming its line', () => {
    expect(result.warnings).toMatchObject([
      {
        file: CURRENT,
        line: 11,
        message: 'NK-TestWallet1: schema "CryptoWallet" is not a person, organisation, vessel or aircraft; row skipped',
      },
    ]);
  });

  it('reads a person field by field, with a multi-line sanction text holding quotes', () => {
    expect(entryByReference(result, 'NK-TestPerson1')).toEqual({
      source: 'opensanctions-ua_war_sanctions',
      kind: 'person',
      names: [
        { full: 'TESTOV Ivan Petrovich', type: 'primary', strength: 'strong' },
        { full: 'Ivan TESTOFF', type: 'alias', strength: 'strong' },
        { full: 'ТЕСТОВ Іван Петрович', type: 'original-script', strength: 'strong' },
        { full: 'ТЕСТОВ Иван Петрович', type: 'original-script', strength: 'strong' },
      ],
      birthDates: [
        { kind: 'day', date: '1961-03-12' },
        { kind: 'year', year: 1962 },
      ],
      birthPlaces: [],
      nationalities: ['RU', 'UA'],
      positions: [],
      addresses: [],
      identifiers: [{ type: 'Identifier', value: '771234567890' }],
      remarks: ['Phone: +70000000000', 'Email: ivan.testov@example.test'],
      listing: {
        ...UA_LISTING,
        programmes: ['UA-WS-TEST'],
        reference: 'NK-TestPerson1',
        reasons: 'Commander of the "Test Brigade".\nHe tested things in the temporarily occupied territory.',
      },
    });
  });

  it('gives a company its one country on its one address, and strips the IMO prefix', () => {
    const company = entryByReference(result, 'NK-TestCompany1');
    expect(company.addresses).toEqual([{ lines: ['Trust Company Complex, Ajeltake Road, Majuro'], country: 'MH' }]);
    expect(company.nationalities).toEqual([]);
    expect(company.identifiers).toEqual([{ type: 'IMO', value: '6543210' }]);
    expect(company.listing).toEqual({ ...UA_LISTING, programmes: [], reference: 'NK-TestCompany1' });
  });

  it('reads quoted names and aliases, several addresses and a sanction list starting with an empty value', () => {
    const legal = entryByReference(result, 'NK-TestLegal1');
    expect(legal.names).toEqual([
      { full: 'JOINT-STOCK COMPANY "TESTPRIBOR"', type: 'primary', strength: 'strong' },
      { full: 'AO "TESTPRIBOR"', type: 'alias', strength: 'strong' },
    ]);
    expect(legal.addresses).toEqual([
      { lines: ['101000, Moscow, Testovaya street, 1'] },
      { lines: ['190000, Saint Petersburg, Probnaya street, 2'] },
      { lines: [], country: 'RU' },
    ]);
    expect(legal.identifiers).toEqual([
      { type: 'Identifier', value: '1027700000001' },
      { type: 'Identifier', value: '7700000001' },
    ]);
    expect(legal.listing.reasons).toBe('Makes test parts; supplies the test army.\nIt is part of the test holding.');
    expect(legal.listing.programmes).toEqual(['UA-WS-MILIND']);
  });

  it('reads a vessel with its IMO number and keeps its mixed countries as a remark', () => {
    const vessel = entryByReference(result, 'NK-TestVessel1');
    expect(vessel.names.map((n) => [n.full, n.type])).toEqual([
      ['SEA TESTER', 'primary'],
      ['Ocean Tester', 'alias'],
      ['Test Star', 'alias'],
    ]);
    expect(vessel.identifiers).toEqual([
      { type: 'Identifier', value: '351234567' },
      { type: 'Identifier', value: '3FAB4' },
      { type: 'IMO', value: '9123453' },
    ]);
    expect(vessel.remarks).toEqual(['Countries: KM, LR, PA']);
    expect(vessel.addresses).toEqual([]);
    expect(vessel.vessel).toBeUndefined();
  });

  it('reads an aircraft', () => {
    const plane = entryByReference(result, 'NK-TestPlane1');
    expect(plane.names).toEqual([{ full: 'RA-99999 Test jet', type: 'primary', strength: 'strong' }]);
    expect(plane.identifiers).toEqual([{ type: 'Identifier', value: 'RA-99999' }]);
    expect(plane.remarks).toEqual(['Countries: RU']);
  });

  it('takes the earliest sanction start date as listedOn, and keeps an unknown country code as a remark', () => {
    const olga = entryByReference(result, 'NK-TestPerson2');
    expect(olga.birthDates).toEqual([{ kind: 'month', date: '1975-06' }]);
    expect(olga.nationalities).toEqual([]);
    expect(olga.remarks).toEqual(['Country: suhh']);
    expect(olga.listing.listedOn).toBe('2022-03-15');
    expect(olga.listing.programmes).toEqual(['UA-WS-KIDNAPPERS', 'UA-WS-TEST']);
    expect(olga.listing.reasons).toBe(
      'UA-WS-TEST - Repeated listing - 2023-01-10 - 2024-01-10\n\nUA-WS-TEST - Took part in test deportations - 2022-03-15',
    );
  });

  it('gives an organisation without an address a country-only address, and a person a year of birth', () => {
    expect(entryByReference(result, 'NK-TestOrg1').addresses).toEqual([{ lines: [], country: 'RU' }]);
    expect(entryByReference(result, 'NK-TestPerson3').birthDates).toEqual([{ kind: 'year', year: 1980 }]);
    expect(entryByReference(result, 'NK-TestPerson3').listing.reasons).toBeUndefined();
  });
});

describe('parseOpenSanctionsSimple on an older export', () => {
  const result = parseOpenSanctionsSimple(OLDER, fixture(OLDER));

  it('finds columns by name without program_ids and last_change, and takes the slug from the folder', () => {
    expect(result.warnings).toMatchObject([
      {
        file: OLDER,
        line: 1,
        message: 'dataset "Test Register of Things" is not one the parser knows; its slug "xx_test_register" (source id, URL) comes from the folder name and may not match the site',
      },
    ]);
    expect(result.source).toBe('opensanctions-xx_test_register');
    expect(result.dataDate).toBe('2021-06-02');
    expect(entryByReference(result, 'xx-test-001')).toEqual({
      source: 'opensanctions-xx_test_register',
      kind: 'person',
      names: [
        { full: 'Peter OLDTEST', type: 'primary', strength: 'strong' },
        { full: 'Pyotr Oldtest', type: 'alias', strength: 'strong' },
      ],
      birthDates: [{ kind: 'day', date: '1955-01-31' }],
      birthPlaces: [],
      nationalities: ['BY'],
      positions: [],
      addresses: [],
      identifiers: [],
      remarks: [],
      listing: {
        authority: 'OpenSanctions',
        list: 'Test Register of Things, via OpenSanctions',
        programmes: [],
        listedOn: '2021-05-01',
        reference: 'xx-test-001',
        sourceUrl: 'https://www.opensanctions.org/datasets/xx_test_register/',
        dataDate: '2021-06-02',
        reasons: 'Test Register - Listed for testing - 2021-05-01',
      },
    });
    expect(entryByReference(result, 'xx-test-002').listing.listedOn).toBe('2021-04-01');
  });

  it('derives the slug from an unknown title when the path names no dataset, with a warning', () => {
    const bare = parseOpenSanctionsSimple('targets.simple.csv', fixture(OLDER));
    expect(bare.source).toBe('opensanctions-test_register_of_things');
    expect(bare.warnings).toMatchObject([{ file: 'targets.simple.csv', line: 1, message: expect.stringContaining('comes from the title') }]);
  });

  it('uses the caller date only when no row has a last_seen', () => {
    expect(parseOpenSanctionsSimple(OLDER, fixture(OLDER), { dataDate: '2030-01-01' }).dataDate).toBe('2021-06-02');
    const undated = utf8(fixtureText(OLDER).replace(/"2021-06-0\dT\d\d:00:00"/g, '""'));
    expect(parseOpenSanctionsSimple(OLDER, undated, { dataDate: '2021-07-01' }).dataDate).toBe('2021-07-01');
    expect(parseOpenSanctionsSimple(OLDER, undated).dataDate).toBeNull();
    expect(parseOpenSanctionsSimple(OLDER, undated).entries[0]?.listing.dataDate).toBe('');
  });
});

describe('parseOpenSanctionsSimple on bad input', () => {
  it('skips a row with the wrong column count, with a warning naming its line', () => {
    const text = `${fixtureText(OLDER)}"xx-test-003","Person","Short ROW"\n`;
    const result = parseOpenSanctionsSimple(OLDER, utf8(text));
    expect(result.entries).toHaveLength(2);
    expect(result.warnings).toContainEqual(expect.objectContaining({ file: OLDER, line: 4, message: 'expected 14 columns, found 3; row skipped' }));
  });

  it('throws on a file cut inside a multi-line quoted field, naming the line the record starts on', () => {
    const text = fixtureText();
    const cut = utf8(text.slice(0, text.indexOf('He tested things')));
    const error = parseErrorOf(() => parseOpenSanctionsSimple(CURRENT, cut));
    expect(error.file).toBe(CURRENT);
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/never closed/);
  });

  it('refuses a UK HMT list (Windows-1252), saying which header it expected', () => {
    const error = parseErrorOf(() => parseOpenSanctionsSimple('conlist.csv', readFixture('sources', 'uk', 'uk-list-sample.csv')));
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/expected the OpenSanctions targets\.simple\.csv header \(id, schema, name, aliases, /);
    expect(error.message).toContain('found "Last Updated,02/01/2024');
  });

  it('refuses a headerless OFAC-style CSV and an XML file', () => {
    const ofac = utf8('90001,"TESTOV, Ivan","individual","RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 12 Mar 1961."\r\n');
    expect(parseErrorOf(() => parseOpenSanctionsSimple('sdn.csv', ofac)).message).toMatch(/missing id, schema, name/);
    const xml = utf8('<?xml version="1.0"?>\n<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>\n');
    expect(parseErrorOf(() => parseOpenSanctionsSimple('consolidated.xml', xml)).message).toMatch(/expected the OpenSanctions targets\.simple\.csv header/);
  });

  it('refuses a header missing a required column', () => {
    const text = fixtureText(OLDER).replace('"sanctions",', '');
    const error = parseErrorOf(() => parseOpenSanctionsSimple(OLDER, utf8(text)));
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/missing sanctions/);
  });

  it('returns a result or throws ParseError for any bytes', () => {
    assertAnyBytesParseOrRefuse((bytes) => parseOpenSanctionsSimple('random.csv', bytes), { maxLength: 2000, numRuns: 300 });
  });

  it('returns a result or throws ParseError for a mutated fixture, with quotes and separators as likely bytes', () => {
    const base = fixture();
    const byte = fc.oneof(fc.constantFrom(0x22, 0x3b, 0x2c, 0x0a, 0x0d), fc.integer({ min: 0, max: 255 }));
    const mutation = fc.record({ at: fc.nat({ max: base.length - 1 }), byte, cut: fc.boolean() });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const bytes = withMutations(base, mutations);
        parsesOrRefuses(() => {
          const result = parseOpenSanctionsSimple(CURRENT, bytes);
          for (const e of result.entries) expect(e.names.length).toBeGreaterThan(0);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!HAS_SHARED)(
  `parseOpenSanctionsSimple on the real ua_war_sanctions export (${HAS_SHARED ? 'shared/data/opensanctions' : SHARED_MISSING})`,
  () => {
    const path = ['opensanctions', 'ua_war_sanctions', 'targets.simple.csv'];
    const bytes = HAS_SHARED ? readSharedData(...path) : new Uint8Array();
    const result = HAS_SHARED ? parseOpenSanctionsSimple(path.join('/'), bytes) : null;
    const real = (): SourceParseResult => {
      if (!result) throw new Error('no shared data');
      return result;
    };

    it('reads 5,600 records from 9,772 physical lines, dated 13 March 2026, without warnings', () => {
      const text = new TextDecoder().decode(bytes);
      expect(text.split('\n')).toHaveLength(9772 + 1);
      const { records } = readCsvRecords('targets.simple.csv', text);
      expect(records.at(-1)?.line).toBe(9772);
      expect(records.at(-1)?.fields[0]).toBe('ua-ws-vessel-902');
      expect(real().entries).toHaveLength(5600);
      expect(real().warnings).toEqual([]);
      expect(real().dataDate).toBe('2026-03-13');
      expect(real().source).toBe('opensanctions-ua_war_sanctions');
    });

    it('has the README schema counts in the file and the matching kinds in the entries', () => {
      const { records } = readCsvRecords('targets.simple.csv', new TextDecoder().decode(bytes));
      const schemaCounts = records.slice(1).reduce<Record<string, number>>((n, r) => ({ ...n, [r.fields[1] ?? '']: (n[r.fields[1] ?? ''] ?? 0) + 1 }), {});
      expect(schemaCounts).toEqual({ Person: 1543, Company: 1524, Vessel: 1340, LegalEntity: 1193 });
      const kinds = real().entries.reduce<Record<string, number>>((n, e) => ({ ...n, [e.kind]: (n[e.kind] ?? 0) + 1 }), {});
      expect(kinds).toEqual({ person: 1543, organisation: 1524 + 1193, vessel: 1340 });
    });

    it('reads the vessel ROSALIN with its IMO number, aliases and programme', () => {
      expect(entryByReference(real(), 'NK-24cf2zYe7LEKhr2zFck73j')).toEqual({
        source: 'opensanctions-ua_war_sanctions',
        kind: 'vessel',
        names: [
          { full: 'ROSALIN', type: 'primary', strength: 'strong' },
          { full: 'Ceram Sea', type: 'alias', strength: 'strong' },
          { full: 'Gold Sun', type: 'alias', strength: 'strong' },
          { full: 'Nurkez', type: 'alias', strength: 'strong' },
        ],
        birthDates: [],
        birthPlaces: [],
        nationalities: [],
        positions: [],
        addresses: [],
        identifiers: [{ type: 'IMO', value: '9253325' }],
        remarks: ['Countries: LR, PA, SG, ST'],
        listing: { ...UA_LISTING, programmes: ['UA-WS-MARE'], reference: 'NK-24cf2zYe7LEKhr2zFck73j' },
      });
    });

    it('reads the athlete MUSAEV Shamil Alievich with his date of birth and Cyrillic names', () => {
      const musaev = entryByReference(real(), 'NK-2QPFy3C9hVksGm7Ypukfxz');
      expect(musaev.kind).toBe('person');
      expect(musaev.names).toEqual([
        { full: 'MUSAEV Shamil Alievich', type: 'primary', strength: 'strong' },
        { full: 'МУСАЄВ Шаміль Алієвич', type: 'original-script', strength: 'strong' },
        { full: 'МУСАЕВ Шамиль Алиевич', type: 'original-script', strength: 'strong' },
      ]);
      expect(musaev.birthDates).toEqual([{ kind: 'day', date: '1997-09-06' }]);
      expect(musaev.nationalities).toEqual(['RU']);
      expect(musaev.identifiers).toEqual([{ type: 'Identifier', value: '053409632091' }]);
      expect(musaev.listing.programmes).toEqual(['UA-WS-ATHLETES']);
      expect(musaev.listing.reasons).toMatch(/^Participant of the BRICS Sports Games in 2024 in Kazan \(russia\)\.\nHe is/);
      expect(musaev.listing.reasons).toContain('the so-called "SMO"');
    });

    it('reads a legal entity whose name holds quotes and whose sanction text spans lines', () => {
      const plant = entryByReference(real(), 'NK-28mqu8V3AzembAmAfehWPd');
      expect(plant.kind).toBe('organisation');
      expect(plant.names.map((n) => n.full)).toEqual(['JOINT-STOCK COMPANY "KRASNOZAVODSKY CHEMICAL PLANT"', 'KRASNOZAVODSKY CHEMICAL PLANT JSC']);
      expect(plant.addresses).toEqual([
        { lines: ['141321, Moscow region, Sergiev Posad, Krasnozavodsk, Rdultovskogo square, 1'], country: 'RU' },
      ]);
      expect(plant.identifiers.map((i) => i.value)).toEqual(['1125042006462', '5042126251']);
      expect(plant.listing.reasons?.split('\n')).toHaveLength(2);
    });

    it('keeps both dates of a person with two dates of birth', () => {
      const two = real().entries.filter((e) => e.birthDates.length === 2);
      expect(two.map((e) => e.names[0]?.full).sort()).toEqual(['KUCHERENKO Vladimir Aleksandrovich', 'ZAVALISHINA Oksana Pavlovna']);
    });
  },
);
