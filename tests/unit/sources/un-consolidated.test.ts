import { describe, it, expect } from 'vitest';
import type { SourceParseResult } from '../../../src/kb/model';
import { parseUnConsolidated, UN_LIST_NAME, UN_SOURCE_URL } from '../../../src/sources/un-consolidated';
import { HAS_SHARED, SHARED_MISSING, readFixture, readSharedData } from '../../support/shared';
import { assertAnyBytesParseOrRefuse, assertEditedCopiesParseOrRefuse, assertRefusesEntityBombQuickly, entryByReference, parseErrorOf } from '../../support/parser-properties';

const FIXTURE = 'small-list.xml';
const fixture = (name = FIXTURE): Uint8Array => readFixture('sources', 'un', name);
const parseFixture = (name = FIXTURE): SourceParseResult => parseUnConsolidated(name, fixture(name));

describe('parseUnConsolidated on the fixture', () => {
  const result = parseFixture();

  it('reads every INDIVIDUAL as a person and every ENTITY as an organisation, without warnings', () => {
    expect(result.source).toBe('un');
    expect(result.warnings).toEqual([]);
    expect(result.entries.map((e) => [e.listing.reference, e.kind])).toEqual([
      ['CDi.901', 'person'],
      ['TAi.901', 'person'],
      ['SDi.901', 'person'],
      ['KPe.901', 'organisation'],
      ['QDe.901', 'organisation'],
      ['CDe.901', 'organisation'],
    ]);
  });

  it('takes the data date from dateGenerated, ignoring the caller fallback', () => {
    expect(result.dataDate).toBe('2026-01-15');
    expect(parseUnConsolidated(FIXTURE, fixture(), { dataDate: '2020-01-01' }).dataDate).toBe('2026-01-15');
    expect(result.entries.every((e) => e.listing.dataDate === '2026-01-15')).toBe(true);
  });

  it('fills the listing of a DRC individual', () => {
    const jeanPaul = entryByReference(result, 'CDi.901');
    expect(jeanPaul.listing).toEqual({
      authority: 'UN',
      list: UN_LIST_NAME,
      programmes: ['DRC'],
      listedOn: '2013-01-15',
      reference: 'CDi.901',
      sourceUrl: UN_SOURCE_URL,
      dataDate: '2026-01-15',
      reasons:
        'Commander of an invented test militia. Moved to Rwanda in March 2013. INTERPOL-UN Security Council Special Notice web link:https://www.interpol.int/en/How-we-work/Notices/View-UN-Notices-Individuals',
    });
    expect(jeanPaul.gender).toBe('male');
    expect(jeanPaul.positions).toEqual(['FARDC Colonel']);
    expect(jeanPaul.nationalities).toEqual(['CD']);
    expect(jeanPaul.birthDates).toEqual([{ kind: 'range', from: 1971, to: 1972 }]);
    expect(jeanPaul.birthPlaces).toEqual(['Testville, Rwanda']);
    expect(jeanPaul.addresses).toEqual([{ lines: ['as of mid-2018'], country: 'RW' }]);
    expect(jeanPaul.identifiers).toEqual([]);
  });

  it('marks Good aliases strong and Low aliases weak, skipping empty alias elements', () => {
    expect(entryByReference(result, 'CDi.901').names).toEqual([
      { full: 'JEAN-PAUL EXEMPLE', parts: { given: 'JEAN-PAUL', family: 'EXEMPLE' }, type: 'primary', strength: 'strong' },
      { full: 'Jean-Paul Exemplo', type: 'alias', strength: 'strong' },
      { full: 'Tango Test', type: 'alias', strength: 'weak' },
    ]);
    expect(entryByReference(result, 'CDi.901').remarks).toEqual(['Alias Tango Test: Call sign']);
  });

  it('trims stray spaces in names, drops the "na" placeholder and keeps the name parts conservative', () => {
    const [primary, original] = entryByReference(result, 'TAi.901').names;
    expect(primary).toEqual({
      full: 'ABDUL QADIR TESTWAL',
      parts: { given: 'ABDUL', middle: 'QADIR', family: 'TESTWAL' },
      type: 'primary',
      strength: 'strong',
    });
    expect(original).toEqual({ full: 'عبد القادر تستوال', type: 'original-script', strength: 'strong' });
  });

  it('splits aliases that pack several spellings, and types each by its script', () => {
    const aliases = entryByReference(result, 'TAi.901').names.slice(2).map((n) => [n.full, n.type, n.strength]);
    expect(aliases).toEqual([
      ['Abdul Qadir Testwal', 'alias', 'strong'],
      ['Abdul Qader Testwal', 'alias', 'strong'],
      ['A. Qadir Testwali', 'alias', 'strong'],
      ['عبد القادر', 'original-script', 'strong'],
      ['Abdul Qadir', 'alias', 'strong'],
      ['Abdul Qader', 'alias', 'strong'],
      ['Qadir Example', 'alias', 'strong'],
      ['Кадир Пример', 'original-script', 'strong'],
      ['Abdul Qadir Oldname', 'formerly', 'strong'],
      ['Qadir Sahib', 'alias', 'weak'],
      ['Qadir Testwal Ahmad', 'alias', 'strong'],
    ]);
  });

  it('splits an entity alias with a nested original-script marker', () => {
    expect(entryByReference(result, 'QDe.901').names).toEqual([
      { full: 'TEST FRONT', type: 'primary', strength: 'strong' },
      { full: 'Test Front (TF)', type: 'alias', strength: 'strong' },
      { full: 'جبهة الاختبار', type: 'original-script', strength: 'strong' },
      { full: 'Test Front', type: 'alias', strength: 'strong' },
      { full: 'Testing Front for Examples', type: 'alias', strength: 'strong' },
      { full: 'Front for Example Studies (FES)', type: 'alias', strength: 'strong' },
    ]);
  });

  it('reads every form of date of birth, keeping notes that qualify a date in remarks', () => {
    const qadir = entryByReference(result, 'TAi.901');
    expect(qadir.birthDates).toEqual([
      { kind: 'day', date: '1967-10-03' },
      { kind: 'year', year: 1964, approximate: true },
      { kind: 'month', date: '1959-09' },
      { kind: 'month', date: '1975-10' },
      { kind: 'text', text: '12/03/1399 (Hijri Calendar)' },
      { kind: 'range', from: 1952, to: 1956 },
      { kind: 'day', date: '1971-06-09' },
    ]);
    expect(qadir.remarks).toEqual([
      'Date of birth 1967-10-03: from false passport',
      'Date of birth 1952–1956: Approximately',
      'Alias Qadir Testwal Ahmad: date of birth 1971-06-09; place of birth Kandahar, Afghanistan; from a false passport',
      'Title: Maulavi',
      'Title: Haji',
      'National Identification Number: Afghan national identification card (tazkira) number 990011; issued in 1980',
    ]);
  });

  it('reads LISTED_ON with a time-zone offset as its day', () => {
    expect(entryByReference(result, 'TAi.901').listing.listedOn).toBe('2016-06-01');
  });

  it('reads designations, places of birth, documents and addresses', () => {
    const qadir = entryByReference(result, 'TAi.901');
    expect(qadir.positions).toEqual([
      'Deputy Minister of Testing under the Taliban regime',
      'Governor of Example Province under the Taliban regime',
    ]);
    expect(qadir.birthPlaces).toEqual([
      'Test Kalay, near Example, Kandahar Province, Afghanistan (in the area bordering Example District)',
    ]);
    expect(qadir.identifiers).toEqual([
      { type: 'Passport', value: 'OR 1234567', country: 'AF', note: 'issued 2002-09-17; expired on 16 Sep. 2007' },
    ]);
    expect(qadir.addresses).toEqual([{ lines: ['Example Road 4', 'Quetta', 'Baluchistan Province'], country: 'PK' }]);
    expect(qadir.nationalities).toEqual(['AF']);
    expect(qadir.gender).toBeUndefined();
  });

  it('keeps an unresolvable nationality in remarks and reads "na" as no nationality', () => {
    const testima = entryByReference(result, 'SDi.901');
    expect(testima.names).toEqual([{ full: 'TESTIMA', parts: { given: 'TESTIMA' }, type: 'primary', strength: 'strong' }]);
    expect(testima.nationalities).toEqual([]);
    expect(testima.gender).toBe('female');
    expect(testima.birthDates).toEqual([{ kind: 'text', text: '40-45 years old' }]);
    expect(testima.remarks).toEqual(['Nationality: former Soviet Union']);
    expect(testima.addresses).toEqual([]);
    expect(testima.birthPlaces).toEqual([]);
  });

  it('trims the reference number and reads entity addresses, unknown countries as text', () => {
    const koryo = entryByReference(result, 'KPe.901');
    expect(koryo.names.map((n) => n.full)).toEqual(['KORYO TEST TRADING CORPORATION (KTTC)', 'KTTC', 'Koryo Test Trading Corp.']);
    expect(koryo.names.every((n) => n.parts === undefined)).toBe(true);
    expect(koryo.addresses).toEqual([
      { lines: ['Suite 9, Example Hotel, Test-Dong', 'Pyongyang'], country: 'KP' },
      { lines: ['Testburg', 'Republic of Testland'] },
      { lines: ['Branch offices in several countries'] },
    ]);
    expect(koryo.remarks).toEqual(['Alias Koryo Test Trading Corp.: formerly listed as']);
    expect(koryo.listing.programmes).toEqual(['DPRK']);
    expect(koryo.listing.reasons).toBe('Invented trading company used in tests.');
  });

  it('splits an entity name that packs two names, and an alias followed by its original script', () => {
    const cargo = entryByReference(result, 'CDe.901');
    expect(cargo.names).toEqual([
      { full: 'EXAMPLE AIR CARGO (EAC)', type: 'primary', strength: 'strong' },
      { full: 'GREAT TEST LAKES COMPANY (GTLC)', type: 'alias', strength: 'strong' },
      { full: 'Example Air Cargo', type: 'alias', strength: 'strong' },
      { full: 'مثال للشحن', type: 'original-script', strength: 'strong' },
    ]);
    expect(cargo.addresses).toEqual([{ lines: ['PO Box 99', 'Testville', '00999'], country: 'RW' }]);
  });

  it('leaves out reasons when COMMENTS1 is empty', () => {
    expect(entryByReference(result, 'QDe.901').listing.reasons).toBeUndefined();
  });
});

describe('parseUnConsolidated on bad input', () => {
  it('skips a record with no name with a warning naming its line, and reports an unknown element once', () => {
    const result = parseFixture('nameless-record.xml');
    expect(result.entries.map((e) => e.names[0]?.full)).toEqual(['IVAN TESTOV']);
    expect(result.warnings).toMatchObject([
      { file: 'nameless-record.xml', line: 4, message: '<INDIVIDUAL> LYi.901 has no name; skipped' },
      { file: 'nameless-record.xml', line: 23, message: 'unknown element <SUBMITTED_ON> in <INDIVIDUAL> ignored (reported once)' },
    ]);
  });

  it('refuses an entity bomb quickly', () => {
    assertRefusesEntityBombQuickly(() => parseFixture('entity-bomb.xml'));
  });

  it('refuses a truncated file with the line where it ends', () => {
    const bytes = fixture();
    const error = parseErrorOf(() => parseUnConsolidated(FIXTURE, bytes.slice(0, Math.floor(bytes.length / 2))));
    expect(error.message).toMatch(/malformed XML/);
    expect(error.line).toBeGreaterThan(100);
  });

  it('refuses the Canadian list, saying what it expected', () => {
    const error = parseErrorOf(() => parseUnConsolidated('sema-small.xml', readFixture('sources', 'canada', 'sema-small.xml')));
    expect(error.message).toContain('root element is <data-set>, expected <CONSOLIDATED_LIST>');
    expect(error.line).toBe(2);
  });

  it('refuses a file whose root is a bare record', () => {
    const bytes = new TextEncoder().encode('<INDIVIDUAL><FIRST_NAME>IVAN</FIRST_NAME></INDIVIDUAL>');
    expect(parseErrorOf(() => parseUnConsolidated('x.xml', bytes)).message).toContain('expected <CONSOLIDATED_LIST>');
  });

  it('refuses a list with no records', () => {
    const bytes = new TextEncoder().encode('<CONSOLIDATED_LIST dateGenerated="2026-01-15T00:00:00Z"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>');
    expect(parseErrorOf(() => parseUnConsolidated('empty.xml', bytes)).message).toMatch(/no usable INDIVIDUAL or ENTITY records/);
  });

  it('refuses text that is not UTF-8', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>'), 0xe9, ...new TextEncoder().encode('</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>')]);
    expect(parseErrorOf(() => parseUnConsolidated('latin1.xml', bytes)).message).toMatch(/not valid utf-8/);
  });

  it('falls back to the caller data date, with a warning, when dateGenerated is missing', () => {
    const bytes = new TextEncoder().encode('<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>IVAN</FIRST_NAME><REFERENCE_NUMBER>QDi.901</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>');
    const result = parseUnConsolidated('undated.xml', bytes, { dataDate: '2026-02-01' });
    expect(result.dataDate).toBe('2026-02-01');
    expect(result.entries[0]?.listing.dataDate).toBe('2026-02-01');
    expect(result.warnings.map((w) => w.message)).toEqual(['no usable dateGenerated on <CONSOLIDATED_LIST> (missing); data date 2026-02-01']);
    expect(parseUnConsolidated('undated.xml', bytes).dataDate).toBeNull();
  });

  it('returns a result or throws a ParseError for any bytes', () => {
    assertAnyBytesParseOrRefuse((bytes) => parseUnConsolidated('random.bin', bytes), { maxLength: 2_000, numRuns: 300 });
  });

  it('returns a result or throws a ParseError for a mutated fixture', () => {
    assertEditedCopiesParseOrRefuse(fixture(), (bytes) => parseUnConsolidated('mutated.xml', bytes), { numRuns: 200 });
  });
});

describe.skipIf(!HAS_SHARED)(`parseUnConsolidated on the real list (${HAS_SHARED ? 'shared/data/un' : SHARED_MISSING})`, () => {
  const result = HAS_SHARED ? parseUnConsolidated('consolidated.xml', readSharedData('un', 'consolidated.xml')) : null;
  const real = (): SourceParseResult => result as SourceParseResult;

  it('reads all 730 individuals and 273 entities without warnings', () => {
    expect(real().entries).toHaveLength(1003);
    expect(real().entries.filter((e) => e.kind === 'person')).toHaveLength(730);
    expect(real().entries.filter((e) => e.kind === 'organisation')).toHaveLength(273);
    expect(real().warnings).toEqual([]);
    expect(new Set(real().entries.map((e) => e.listing.reference)).size).toBe(1003);
  });

  it('dates the data 2026-02-27, with the latest listing on 2026-02-24', () => {
    expect(real().dataDate).toBe('2026-02-27');
    const listed = real().entries.map((e) => e.listing.listedOn ?? '').sort();
    expect(listed.at(-1)).toBe('2026-02-24');
    expect(listed[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('counts the programmes as the README gives them', () => {
    const counts: Record<string, number> = {};
    for (const e of real().entries) for (const p of e.listing.programmes) counts[p] = (counts[p] ?? 0) + 1;
    expect(counts).toEqual({
      'Al-Qaida': 341, DPRK: 155, Taliban: 140, Iran: 121, Iraq: 75, DRC: 53, Libya: 30, Somalia: 24,
      CAR: 15, Haiti: 11, Yemen: 11, GB: 10, Sudan: 9, SouthSudan: 8,
    });
  });

  it('reads CDi.030 (BETWEEN date of birth, Low aliases) field by field', () => {
    const bosco = entryByReference(real(), 'CDi.030');
    expect(bosco.kind).toBe('person');
    expect(bosco.names[0]).toEqual({ full: 'BOSCO TAGANDA', parts: { given: 'BOSCO', family: 'TAGANDA' }, type: 'primary', strength: 'strong' });
    expect(bosco.names.filter((n) => n.strength === 'strong').map((n) => n.full)).toEqual(['BOSCO TAGANDA', 'Bosco Ntaganda', 'Bosco Ntagenda', 'General Taganda']);
    expect(bosco.names.filter((n) => n.strength === 'weak').map((n) => n.full)).toEqual(['Lydia', 'Terminator', 'Tango Romeo', 'Romeo', 'Major']);
    expect(bosco.birthDates).toEqual([{ kind: 'range', from: 1973, to: 1974 }]);
    expect(bosco.birthPlaces).toEqual(['Bigogwe, Rwanda']);
    expect(bosco.nationalities).toEqual(['CD']);
    expect(bosco.gender).toBe('male');
    expect(bosco.addresses).toEqual([{ lines: ['As of 14 December 2022'], country: 'BE' }]);
    expect(bosco.listing.programmes).toEqual(['DRC']);
    expect(bosco.listing.listedOn).toBe('2005-11-01');
    expect(bosco.listing.reasons).toMatch(/^Born in Rwanda, he moved to Nyamitaba/);
  });

  it('reads KPe.023 (a DPRK entity with a padded reference number) field by field', () => {
    const bank = entryByReference(real(), 'KPe.023');
    expect(bank.kind).toBe('organisation');
    expect(bank.names).toEqual([
      { full: 'DAEDONG CREDIT BANK (DCB)', type: 'primary', strength: 'strong' },
      { full: 'DCB', type: 'alias', strength: 'strong' },
      { full: 'Taedong Credit Bank', type: 'alias', strength: 'strong' },
      { full: 'Dae-Dong Credit Bank', type: 'alias', strength: 'strong' },
    ]);
    expect(bank.addresses).toEqual([
      { lines: ['Suite 401, Potonggang Hotel, Ansan-Dong, Pyongchon District', 'Pyongyang'], country: 'KP' },
      { lines: ['Ansan-dong, Botonggang Hotel, Pongchon', 'Pyongyang'], country: 'KP' },
    ]);
    expect(bank.listing.listedOn).toBe('2016-03-02');
    expect(bank.listing.programmes).toEqual(['DPRK']);
    expect(bank.listing.reasons).toMatch(/^SWIFT: DCBKKPPY\./);
  });

  it('reads SDi.001 ("na" nationality, a second document type) field by field', () => {
    const gaffar = entryByReference(real(), 'SDi.001');
    expect(gaffar.names[0]?.full).toBe('GAFFAR MOHAMMED ELHASSAN');
    expect(gaffar.nationalities).toEqual([]);
    expect(gaffar.remarks).toEqual([]);
    expect(gaffar.birthDates).toEqual([{ kind: 'day', date: '1952-06-24' }]);
    expect(gaffar.positions).toEqual(['Major-General and Commander of the Western Military Region for the Sudanese Armed Forces (SAF)']);
    expect(gaffar.identifiers).toEqual([{ type: 'National Identification Number', value: '4302', note: 'Ex-serviceman’s identification card' }]);
    expect(gaffar.addresses).toEqual([{ lines: ['El Waha', 'Omdurman'], country: 'SD' }]);
  });
});
