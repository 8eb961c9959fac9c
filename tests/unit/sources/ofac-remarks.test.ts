import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseOfacDate, parseOfacRemarks, tidySpace } from '../../../src/sources/ofac-remarks';

describe('parseOfacDate', () => {
  it.each([
    ['03 Jul 1956', { kind: 'day', date: '1956-07-03' }],
    ['3 Jul 1956.', { kind: 'day', date: '1956-07-03' }],
    ['Jul 1956', { kind: 'month', date: '1956-07' }],
    ['1956', { kind: 'year', year: 1956 }],
    ['circa 1960', { kind: 'year', year: 1960, approximate: true }],
    ['1960 to 1962', { kind: 'range', from: 1960, to: 1962 }],
    ['circa 1979-1982', { kind: 'range', from: 1979, to: 1982 }],
    ['01 Jan 1961 to 31 Dec 1962', { kind: 'range', from: 1961, to: 1962 }],
    ['01 Jan 1957 to 31 Dec 1957', { kind: 'year', year: 1957 }],
    ['01 Feb 1960 to 29 Feb 1960', { kind: 'month', date: '1960-02' }],
  ])('reads %s', (text, expected) => {
    expect(parseOfacDate(text)).toEqual(expected);
  });

  it.each(['21 Mar 1950 to 20 Mar 1951', 'circa 07 Jul 1966', 'Mar 1962 to Feb 1963', '31 Feb 1960', '1962 to 1960'])(
    'keeps %s as text rather than guess',
    (text) => {
      expect(parseOfacDate(text)).toEqual({ kind: 'text', text });
    },
  );
});

describe('parseOfacRemarks', () => {
  it('splits the Min Aung Hlaing style remarks into fields', () => {
    const facts = parseOfacRemarks('DOB 03 Jul 1956; POB Testgrad, Burma; Gender Male.', 'person');
    expect(facts).toEqual({
      birthDates: [{ kind: 'day', date: '1956-07-03' }],
      birthPlaces: ['Testgrad, Burma'],
      nationalities: [],
      gender: 'male',
      identifiers: [],
      positions: [],
      weakNames: [],
      remarks: [],
    });
  });

  it('collects several DOBs, alt. values and nationalities as ISO codes', () => {
    const facts = parseOfacRemarks('DOB 1956; alt. DOB circa 1958; nationality Russia; alt. nationality Korea, North; citizen Russia', 'person');
    expect(facts.birthDates).toEqual([{ kind: 'year', year: 1956 }, { kind: 'year', year: 1958, approximate: true }]);
    expect(facts.nationalities).toEqual(['RU', 'KP']);
  });

  it('keeps a nationality it cannot resolve in the remarks, word for word', () => {
    const facts = parseOfacRemarks('nationality Palestinian; citizen possibly Testland', 'person');
    expect(facts.nationalities).toEqual([]);
    expect(facts.remarks).toEqual(['nationality Palestinian', 'citizen possibly Testland']);
  });

  it('reads identifiers with their issuing country and dates', () => {
    const facts = parseOfacRemarks(
      'Passport X1234567 (Russia) issued 01 Jan 2010 expires 01 Jan 2020; National ID No. 4501 123456 (Russia); Tax ID No. 7700000001 (Russia); SWIFT/BIC TESTRUMM; Registration Number HRA 738077 (Teststadt) (Germany); National ID No. D489833(9)',
      'person',
    );
    expect(facts.identifiers).toEqual([
      { type: 'Passport', value: 'X1234567', country: 'RU', note: 'issued 01 Jan 2010 expires 01 Jan 2020' },
      { type: 'National ID No.', value: '4501 123456', country: 'RU' },
      { type: 'Tax ID No.', value: '7700000001', country: 'RU' },
      { type: 'SWIFT/BIC', value: 'TESTRUMM' },
      { type: 'Registration Number', value: 'HRA 738077', country: 'DE', note: 'Teststadt' },
      { type: 'National ID No.', value: 'D489833(9)' },
    ]);
  });

  it('tells a ship IMO number from a company IMO number', () => {
    expect(parseOfacRemarks('Vessel Registration Identification IMO 9000001.', 'vessel').identifiers).toEqual([{ type: 'IMO', value: '9000001' }]);
    expect(parseOfacRemarks('Company Number IMO 5000001; International Maritime Organization No. (5000002)', 'organisation').identifiers).toEqual([
      { type: 'IMO Company Number', value: '5000001' },
      { type: 'IMO Company Number', value: '5000002' },
    ]);
  });

  it('reads weak a.k.a.s, keeping apostrophes inside the name', () => {
    const facts = parseOfacRemarks("a.k.a. 'ABU TEST'; f.k.a. 'OLD TESTCORP'; n.k.a. 'NEW TC'; a.k.a. ''ABD-AL-'TEST'.", 'organisation');
    expect(facts.weakNames).toEqual([
      { full: 'ABU TEST', type: 'alias' },
      { full: 'OLD TESTCORP', type: 'formerly' },
      { full: 'NEW TC', type: 'alias' },
      { full: "'ABD-AL-'TEST", type: 'alias' },
    ]);
  });

  it('takes the earliest Listing Date as listedOn and keeps the segment for its qualifier', () => {
    const facts = parseOfacRemarks(
      'Listing Date (EO 14024 Directive 3): 24 Feb 2022; Listing Date (CMIC) 03 Jun 2021; Effective Date (CMIC) 02 Aug 2021',
      'organisation',
    );
    expect(facts.listedOn).toBe('2021-06-03');
    expect(facts.remarks).toEqual([
      'Listing Date (EO 14024 Directive 3): 24 Feb 2022',
      'Listing Date (CMIC) 03 Jun 2021',
      'Effective Date (CMIC) 02 Aug 2021',
    ]);
  });

  it('reads Position: into positions and keeps Linked To and unknown phrasing as remarks', () => {
    const facts = parseOfacRemarks('Position: Director, Test Directorate; Linked To: TESTCORP LLC; Organization Established Date 1999.', 'person');
    expect(facts.positions).toEqual(['Director, Test Directorate']);
    expect(facts.remarks).toEqual(['Linked To: TESTCORP LLC', 'Organization Established Date 1999.']);
  });

  it('splits on a semicolon without the following space, as some older remarks have', () => {
    const facts = parseOfacRemarks('nationality Russia;arrested 30 Sep 2002', 'person');
    expect(facts.nationalities).toEqual(['RU']);
    expect(facts.remarks).toEqual(['arrested 30 Sep 2002']);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('person', 'organisation', 'vessel', 'aircraft' as const), (text, kind) => {
        const facts = parseOfacRemarks(text, kind);
        expect(Array.isArray(facts.remarks)).toBe(true);
      }),
    );
  });
});

describe('tidySpace', () => {
  it('collapses and trims like cleanSpace, and returns tidy text unchanged', () => {
    expect(tidySpace('  SAMPLE  TRADING\tCO. ')).toBe('SAMPLE TRADING CO.');
    expect(tidySpace('SAMPLE TRADING CO.')).toBe('SAMPLE TRADING CO.');
    expect(tidySpace('A\u00a0 B')).toBe('A B');
  });
});
