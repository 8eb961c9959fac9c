import { describe, expect, it } from 'vitest';
import { countryCodeOf, nationalityCodeOf } from '../../../src/kb/countries';
import { countryNames, demonymPlural } from '../../../src/kb/country-entities';
import { createCountryKnowledgeBase } from '../../../src/kb/knowledge-base';

describe('countryCodeOf', () => {
  it.each([
    ['Russia', 'RU'],
    ['Russian Federation', 'RU'],
    ['Korea, North', 'KP'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['Burma / Birmanie', 'MM'],
    ['Viet Nam', 'VN'],
    ['Turkiye', 'TR'],
    ['RU', 'RU'],
    ['China, Hong Kong Special Administrative Region', 'HK'],
  ])('resolves %s', (name, code) => expect(countryCodeOf(name)).toBe(code));

  it('reads a bare code only in capitals', () => expect(countryCodeOf('na')).toBeUndefined());

  it('knows no code for a state that no longer exists', () => expect(countryCodeOf('Soviet Union')).toBeUndefined());
});

describe('nationalityCodeOf', () => {
  it.each([
    ['French', 'FR'],
    ['American', 'US'],
    ['Dutch', 'NL'],
    ['Russian', 'RU'],
    ['Myanmar', 'MM'],
  ])('resolves %s', (text, code) => expect(nationalityCodeOf(text)).toBe(code));

  it('leaves a demonym two member states share unresolved', () => expect(nationalityCodeOf('Congolese')).toBeUndefined());
});

describe('country names from the package', () => {
  const names = countryNames();
  const forms = (code: string): string[] => (names.get(code) ?? []).map((n) => n.text);

  it('has names, spellings, demonyms and capitals', () => {
    expect(forms('MM')).toEqual(expect.arrayContaining(['Myanmar', 'Burma', 'Burmese', 'Naypyidaw']));
    expect(forms('GB')).toEqual(expect.arrayContaining(['United Kingdom', 'UK', 'U.K.', 'British', 'Britain']));
    expect(forms('US')).toEqual(expect.arrayContaining(['United States', 'US', 'U.S.', 'American']));
  });

  it('leaves out a demonym two member states share', () => {
    expect(forms('CD')).not.toContain('Congolese');
    expect(forms('CG')).not.toContain('Congolese');
  });

  it('adds plural demonyms where English forms them with -s, and the official name’s leading words as a context form', () => {
    expect(demonymPlural('Israeli')).toBe('Israelis');
    expect(demonymPlural('South Korean')).toBe('South Koreans');
    expect(demonymPlural('Chinese')).toBeNull();
    expect(demonymPlural('Swiss')).toBeNull();
    expect(forms('PS')).toContain('Palestinians');
    expect(forms('CN')).not.toContain('Chineses');
    expect(names.get('IR')).toContainEqual({ text: 'Islamic Republic', form: 'context' });
    expect(forms('US')).toContain('America');
  });

  it('never uses a bare ISO code as a name', () => {
    expect(forms('MM')).not.toContain('MM');
    expect(forms('IT')).not.toContain('IT');
  });
});

describe('KnowledgeBase.spot', () => {
  const kb = createCountryKnowledgeBase();

  it('reports mentions per block with a partial card of each country, whose whole card comes on request', async () => {
    const result = await kb.spot([{ text: 'No names here.' }, { text: "Myanmar's generals buy from Russia." }]);
    expect(result.mentions).toEqual([
      { block: 1, start: 0, end: 7, entity: 'country:MM' },
      { block: 1, start: 28, end: 34, entity: 'country:RU' },
    ]);
    // The reply stays small: name and kind, no figures.
    expect(result.entities['country:MM']).toMatchObject({ id: 'country:MM', kind: 'country', name: 'Myanmar', partial: true });
    expect(result.entities['country:MM']?.country).toBeUndefined();
    const whole = kb.countryCard('country:MM', ['country:MM', 'country:RU']);
    expect(whole?.partial).toBeUndefined();
    expect(whole?.country?.official).toBe('Republic of the Union of Myanmar');
    expect(whole?.country?.provenance.source).toMatch(/^world-countries \d/);
    expect(kb.countryCard('ofac-sdn:1', [])).toBeUndefined();
  });

  it('does not mark a form that names two countries', async () => {
    expect((await kb.spot([{ text: 'Congolese officials' }])).mentions).toEqual([]);
  });
});
