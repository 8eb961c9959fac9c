import { describe, it, expect } from 'vitest';
import type { SourceEntry, SourceParseResult } from '../../../src/kb/model';
import { CANADA_SEMA_LIST_NAME, CANADA_SEMA_SOURCE_URL, parseCanadaSema } from '../../../src/sources/canada-sema';
import { HAS_SHARED, SHARED_MISSING, readFixture, readSharedData } from '../../support/shared';
import { assertAnyBytesParseOrRefuse, assertEditedCopiesParseOrRefuse, assertRefusesEntityBombQuickly, entryByReference, parseErrorOf } from '../../support/parser-properties';

const FIXTURE = 'sema-small.xml';
const fixture = (name = FIXTURE): Uint8Array => readFixture('sources', 'canada', name);
const parseFixture = (name = FIXTURE, dataDate?: string): SourceParseResult =>
  parseCanadaSema(name, fixture(name), dataDate === undefined ? {} : { dataDate });

/** [full, type, strength] of every name, the shape most name tests compare. */
function names(e: SourceEntry): [string, string, string][] {
  return e.names.map((n) => [n.full, n.type, n.strength]);
}

describe('parseCanadaSema on the 2020-layout fixture', () => {
  const result = parseFixture(FIXTURE, '2020-04-15');

  it('reads every record, without warnings', () => {
    expect(result.source).toBe('ca-sema');
    expect(result.entries).toHaveLength(21);
    expect(result.warnings).toEqual([]);
  });

  it('has no date of its own: the caller date, or null', () => {
    expect(result.dataDate).toBe('2020-04-15');
    expect(result.entries.every((e) => e.listing.dataDate === '2020-04-15')).toBe(true);
    expect(parseFixture(FIXTURE).dataDate).toBeNull();
  });

  it('fills the listing from the English part of Country, with Country/Schedule/Item as the reference', () => {
    expect(entryByReference(result, 'Burma/1/1').listing).toEqual({
      authority: 'CA',
      list: CANADA_SEMA_LIST_NAME,
      programmes: ['Burma'],
      reference: 'Burma/1/1',
      sourceUrl: CANADA_SEMA_SOURCE_URL,
      dataDate: '2020-04-15',
    });
    expect(entryByReference(result, 'Venezuela/N/A/12').listing.programmes).toEqual(['Venezuela']);
    expect(entryByReference(result, 'Venezuela//55').listing.programmes).toEqual(['Venezuela']);
    expect(entryByReference(result, 'Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)/1/3').listing.programmes).toEqual([
      'Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)',
    ]);
    expect(entryByReference(result, 'Russia/1, Part 2/5').listing.programmes).toEqual(['Russia']);
    expect(result.entries.every((e) => e.listing.listedOn === undefined)).toBe(true);
  });

  it('reads a person with name parts, trimming no-break spaces and doubled spaces', () => {
    const vasily = entryByReference(result, 'Ukraine/1/83');
    expect(vasily.kind).toBe('person');
    expect(vasily.names[0]).toEqual({ full: 'Vasily TESTAKOV', parts: { given: 'Vasily', family: 'TESTAKOV' }, type: 'primary', strength: 'strong' });
    expect(entryByReference(result, 'Russia/1/112').names[0]?.parts).toEqual({ given: 'Aleksey Mikhailovich', family: 'OBRAZTSOV' });
    expect(entryByReference(result, 'Burma/2/24').names).toEqual([{ full: 'Testhein', parts: { family: 'Testhein' }, type: 'primary', strength: 'strong' }]);
  });

  it('splits a bracketed spelling out of a name part into a second name', () => {
    expect(entryByReference(result, 'Syria/2/44').names).toEqual([
      { full: 'Samir Testarov', parts: { given: 'Samir', family: 'Testarov' }, type: 'primary', strength: 'strong' },
      { full: 'Samir Testaruf', parts: { given: 'Samir', family: 'Testaruf' }, type: 'alias', strength: 'strong' },
    ]);
  });

  it('reads an Entity as an organisation, its "English/French" name as primary and alias', () => {
    const guard = entryByReference(result, 'Iran/1/36');
    expect(guard.kind).toBe('organisation');
    expect(names(guard)).toEqual([
      ['Example Guard Corps', 'primary', 'strong'],
      ["Corps des Gardiens de l'Exemple", 'alias', 'strong'],
      ['EGC', 'alias', 'strong'],
      ['Army of the Guardians of the Example', 'alias', 'strong'],
      ['Sepah-e Nemuneh', 'alias', 'strong'],
      ['GRE', 'alias', 'strong'],
      ['CGRE', 'alias', 'strong'],
      ["l'Armée des Gardiens de l'Exemple", 'alias', 'strong'],
      ["Gardiens de l'Exemple", 'alias', 'strong'],
      ['Pasdaran-e Nemuneh', 'alias', 'strong'],
    ]);
  });

  it('keeps a "/" inside brackets as part of the name', () => {
    expect(names(entryByReference(result, 'Burma/1/2'))).toEqual([['MEC Test Mills (Hmaw Test/Pyi/Ywama)', 'primary', 'strong']]);
  });

  it('splits aliases on commas and slashes and unwraps a bracketed alias', () => {
    expect(names(entryByReference(result, 'Burma/1/1')).slice(1)).toEqual([
      ['Example Airways Holdings Pte. Ltd.', 'alias', 'strong'],
      ['Example Airways Limited', 'alias', 'strong'],
    ]);
    expect(names(entryByReference(result, 'Syria/1/42')).map(([full]) => full)).toEqual([
      'General Organization of Example Radio',
      'Organisme général de la radio exemplaire',
      'GOER',
      'OGRE',
    ]);
    expect(names(entryByReference(result, 'Russia/1, Part 2/5'))).toEqual([
      ['Example Agricultural Bank', 'primary', 'strong'],
      ['Testselkhozbank', 'alias', 'strong'],
    ]);
  });

  it('keeps the pieces of an alias the list itself broke at a comma (documented limitation)', () => {
    expect(names(entryByReference(result, 'Iran/1/146')).map(([full]) => full)).toEqual([
      'Testabad Medical Sciences University (TMSU)',
      'Université des sciences médicales Testabad (USMT)',
      'Testabad Medical University',
      'Testabad',
      'Medical Sciences University',
      'Université Testabad des sciences médicales',
    ]);
  });

  it('marks fragments of a person name weak and full alternative names strong', () => {
    expect(names(entryByReference(result, 'Russia/1/94')).slice(1)).toEqual([['Andrei', 'alias', 'weak']]);
    expect(names(entryByReference(result, 'Russia/1/107')).slice(1)).toEqual([['Alexander Alexandrovich', 'alias', 'weak']]);
    expect(names(entryByReference(result, 'Ukraine/1/83')).slice(1)).toEqual([['Gramophone', 'alias', 'weak']]);
    expect(names(entryByReference(result, 'Iran/2/27')).slice(1)).toEqual([['Reza Ali Hajitestzadeh', 'alias', 'strong']]);
    expect(names(entryByReference(result, 'Zimbabwe/N/A/161')).slice(1)).toEqual([['Grace Tendai Testema', 'alias', 'strong']]);
  });

  it('reads capitalised words in a person alias as the family name', () => {
    expect(entryByReference(result, 'Russia/1/112').names.slice(1)).toEqual([
      { full: 'Aleksei', type: 'alias', strength: 'weak' },
      { full: 'Oleksii OBRAZTSOVE', parts: { given: 'Oleksii', family: 'OBRAZTSOVE' }, type: 'alias', strength: 'strong' },
      { full: 'OBRAZCOV', parts: { family: 'OBRAZCOV' }, type: 'alias', strength: 'weak' },
    ]);
    expect(entryByReference(result, 'Ukraine/1/121').names[1]).toEqual({ full: 'PRIMERENKA', parts: { family: 'PRIMERENKA' }, type: 'alias', strength: 'weak' });
    expect(entryByReference(result, 'Ukraine/1, Part 2/43').names[1]).toEqual({
      full: 'Igor EXAMPLEV',
      parts: { given: 'Igor', family: 'EXAMPLEV' },
      type: 'alias',
      strength: 'strong',
    });
  });

  it('reads every date-of-birth form in the file, and keeps what it cannot read as text', () => {
    expect(entryByReference(result, 'Burma/2/24').birthDates).toEqual([{ kind: 'day', date: '1939-02-17' }]);
    expect(entryByReference(result, 'Russia/1/94').birthDates).toEqual([
      { kind: 'day', date: '1969-04-02' },
      { kind: 'day', date: '1969-04-03' },
    ]);
    expect(entryByReference(result, 'Russia/1/112').birthDates).toEqual([{ kind: 'month', date: '1961-11' }]);
    expect(entryByReference(result, 'Ukraine/1/121').birthDates).toEqual([{ kind: 'year', year: 1955 }]);
    expect(entryByReference(result, 'Venezuela/N/A/12').birthDates).toEqual([{ kind: 'year', year: 1960, approximate: true }]);
    expect(entryByReference(result, 'Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)/1/3').birthDates).toEqual([
      { kind: 'text', text: 'unknown' },
    ]);
  });

  it('reads the English part of a title as a position', () => {
    expect(entryByReference(result, 'Syria/2/74').positions).toEqual(['Major General']);
    expect(entryByReference(result, 'Iran/2/27').positions).toEqual(['Dr.']);
  });

  it('never derives a nationality from the regime country', () => {
    expect(result.entries.every((e) => e.nationalities.length === 0)).toBe(true);
  });
});

describe('parseCanadaSema on the later layout', () => {
  const result = parseFixture('sema-current-layout.xml');

  it('reads element names with a French suffix and the listing date', () => {
    expect(result.warnings).toEqual([]);
    expect(result.entries.map((e) => [e.listing.reference, e.kind, e.listing.listedOn])).toEqual([
      ['Russia/1, Part 7/12', 'vessel', '2025-03-07'],
      ['Belarus/1, Part 2/7', 'organisation', '2023-07-14'],
      ['Belarus/1, Part 1/1', 'person', '2020-10-02'],
      ['Iran/1/210', 'person', '2024-10-24'],
    ]);
  });

  it('reads a record with an IMO number as a vessel, its date as a build date', () => {
    const ship = entryByReference(result, 'Russia/1, Part 7/12');
    expect(names(ship)).toEqual([['EXAMPLE STAR', 'primary', 'strong']]);
    expect(ship.identifiers).toEqual([{ type: 'IMO', value: '9999993' }]);
    expect(ship.vessel).toEqual({ type: 'Crude Oil Tanker' });
    expect(ship.birthDates).toEqual([]);
    expect(ship.remarks).toEqual(['Build date: 2004']);
  });

  it('does not make a person a vessel because of stray text in ShipIMONumber', () => {
    const reza = entryByReference(result, 'Iran/1/210');
    expect(reza.kind).toBe('person');
    expect(reza.identifiers).toEqual([]);
    expect(reza.remarks).toEqual(['ShipIMONumber: Not applicable']);
  });

  it('reads a person title and date of birth from the renamed elements', () => {
    const person = entryByReference(result, 'Belarus/1, Part 1/1');
    expect(person.names[0]?.full).toBe('Timur Testovich Testabekov');
    expect(person.positions).toEqual(['Colonel']);
    expect(person.birthDates).toEqual([{ kind: 'day', date: '1971-05-04' }]);
  });
});

describe('parseCanadaSema on bad input', () => {
  it('skips a record with no name with a warning naming its line, and reports an unknown element once', () => {
    const result = parseFixture('nameless-record.xml');
    expect(result.entries.map((e) => e.names[0]?.full)).toEqual(['Rosa PRUEBA']);
    expect(result.warnings).toMatchObject([
      { file: 'nameless-record.xml', line: 3, message: 'record Nicaragua/N/A/8 has no LastName, GivenName or Entity; skipped' },
      { file: 'nameless-record.xml', line: 13, message: 'unknown element <Nationality> in <record> ignored (reported once)' },
    ]);
  });

  it('refuses an entity bomb quickly', () => {
    assertRefusesEntityBombQuickly(() => parseFixture('entity-bomb.xml'));
  });

  it('refuses a truncated file with the line where it ends', () => {
    const bytes = fixture();
    const error = parseErrorOf(() => parseCanadaSema(FIXTURE, bytes.slice(0, Math.floor(bytes.length / 2))));
    expect(error.message).toMatch(/malformed XML/);
    expect(error.line).toBeGreaterThan(50);
  });

  it('refuses the UN list, saying what it expected', () => {
    const error = parseErrorOf(() => parseCanadaSema('small-list.xml', readFixture('sources', 'un', 'small-list.xml')));
    expect(error.message).toContain('root element is <CONSOLIDATED_LIST>, expected <data-set>');
    expect(error.line).toBe(2);
  });

  it('refuses a list with no records', () => {
    const bytes = new TextEncoder().encode('<data-set></data-set>');
    expect(parseErrorOf(() => parseCanadaSema('empty.xml', bytes)).message).toMatch(/no usable <record> elements \(0 found\)/);
  });

  it('refuses text that is not UTF-8', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<data-set><record><LastName>'), 0xe9, ...new TextEncoder().encode('</LastName></record></data-set>')]);
    expect(parseErrorOf(() => parseCanadaSema('latin1.xml', bytes)).message).toMatch(/not valid utf-8/);
  });

  it('returns a result or throws a ParseError for any bytes', () => {
    assertAnyBytesParseOrRefuse((bytes) => parseCanadaSema('random.bin', bytes), { maxLength: 2_000, numRuns: 300 });
  });

  it('returns a result or throws a ParseError for a mutated fixture', () => {
    assertEditedCopiesParseOrRefuse(fixture(), (bytes) => parseCanadaSema('mutated.xml', bytes), { numRuns: 200 });
  });
});

describe.skipIf(!HAS_SHARED)(`parseCanadaSema on the real list (${HAS_SHARED ? 'shared/data/canada' : SHARED_MISSING})`, () => {
  const result = HAS_SHARED ? parseCanadaSema('sema-lmes.xml', readSharedData('canada', 'sema-lmes.xml'), { dataDate: '2020-04-15' }) : null;
  const real = (): SourceParseResult => result as SourceParseResult;

  it('reads all 1,369 records without warnings, each with its own reference', () => {
    expect(real().entries).toHaveLength(1369);
    expect(real().warnings).toEqual([]);
    expect(new Set(real().entries.map((e) => e.listing.reference)).size).toBe(1369);
    expect(real().entries.filter((e) => e.kind === 'person')).toHaveLength(985);
    expect(real().entries.filter((e) => e.kind === 'organisation')).toHaveLength(384);
    expect(real().dataDate).toBe('2020-04-15');
  });

  it('counts the regimes by the English part of Country', () => {
    const counts: Record<string, number> = {};
    for (const e of real().entries) for (const p of e.listing.programmes) counts[p] = (counts[p] ?? 0) + 1;
    expect(counts).toEqual({
      Syria: 281, Ukraine: 242, Iran: 202, Russia: 197, Zimbabwe: 181, Venezuela: 96, Burma: 89,
      'Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)': 70, Nicaragua: 9, 'South Sudan': 2,
    });
  });

  it('reads Igor GIRKIN (Russia, Schedule 1, Item 43) field by field', () => {
    const girkin = entryByReference(real(), 'Russia/1/43');
    expect(girkin.kind).toBe('person');
    expect(girkin.names).toEqual([
      { full: 'Igor GIRKIN', parts: { given: 'Igor', family: 'GIRKIN' }, type: 'primary', strength: 'strong' },
      { full: 'Igor STRELKOV', parts: { given: 'Igor', family: 'STRELKOV' }, type: 'alias', strength: 'strong' },
    ]);
    expect(girkin.birthDates).toEqual([]);
    expect(girkin.listing.programmes).toEqual(['Russia']);
  });

  it('reads ABAHUSSAIN (JVCFOR, two possible dates of birth) field by field', () => {
    const mansour = entryByReference(real(), 'Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)/1/54');
    expect(mansour.names).toEqual([
      { full: 'Mansour Othman ABAHUSSAIN', parts: { given: 'Mansour Othman', family: 'ABAHUSSAIN' }, type: 'primary', strength: 'strong' },
    ]);
    expect(mansour.birthDates).toEqual([
      { kind: 'day', date: '1972-08-10' },
      { kind: 'day', date: '1972-08-11' },
    ]);
  });

  it('reads the Islamic Revolutionary Guard Corps (Iran, Schedule 1, Item 136) field by field', () => {
    const irgc = entryByReference(real(), 'Iran/1/136');
    expect(irgc.kind).toBe('organisation');
    expect(irgc.names.map((n) => n.full)).toEqual([
      'Islamic Revolutionary Guard Corps',
      'Corps des Gardiens de la Révolution islamique',
      'IRGC',
      'Army of the Guardians of the Islamic Revolution',
      'Iranian Revolutionary Guards',
      'IRG',
      'Sepah-e Pasdaran-e Enghelab-e Eslami',
      'GRI',
      'CGRI',
      "l'Armée des Gardiens de la Révolution islamique",
      'Gardiens de la Révolution iranienne',
      'Pasdaran',
    ]);
    expect(irgc.names.every((n) => n.strength === 'strong')).toBe(true);
  });

  it('finds no vessels: the 2020 file has no ship records', () => {
    expect(real().entries.filter((e) => e.kind === 'vessel')).toEqual([]);
  });
});
