import { describe, expect, it } from 'vitest';
import { editDistance, NameLookup, trigrams, type LookupName } from '../../../src/kb/lookup';
import { nameKey } from '../../../src/kb/tokens';
import { compileKnowledgeBase } from '../../../src/kb/compile';
import { readSources } from '../../../src/sources/read-sources';
import { HAS_SHARED, readSharedData, SHARED_MISSING } from '../../support/shared';

/** Written forms as the compiler keys them, a few entities sharing words on purpose. */
const NAMES: Array<[string, string]> = [
  ['Min Aung Hlaing', 'ofac:1'],
  ['HLAING, Min Aung', 'ofac:1'],
  ['Aung Hlaing Oo', 'ofac:2'],
  ['Than Hlaing', 'ofac:3'],
  ['Soe Win', 'ofac:4'],
  ['Vladimir Vladimirovich Putin', 'ofac:5'],
  ['Ramzan Kadyrov', 'ofac:6'],
  ['Myanmar', 'country:MM'],
  ['Burma', 'country:MM'],
  ['Iran', 'country:IR'],
  ['Ireland', 'country:IE'],
];
const lookup = NameLookup.build(NAMES.map(([name, entity]): LookupName => ({ key: nameKey(name), entity })));
const search = (query: string, limit = 5): string[] => lookup.search(query, limit).map((h) => h.entity);

describe('editDistance', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('hliang', 'hlaing')).toBe(1);
    expect(editDistance('putin', 'putin')).toBe(0);
    expect(editDistance('kadyrov', 'kadirov')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });
});

describe('trigrams', () => {
  it('pads each word so word order does not matter', () => {
    expect(trigrams('ab cd')).toEqual(trigrams('cd ab'));
    expect([...trigrams('ab')]).toEqual(['  a', ' ab', 'ab ']);
  });
});

describe('NameLookup.search', () => {
  it('finds a name from a misspelling, best match first', () => {
    expect(search('Min Aung Hliang')[0]).toBe('ofac:1');
    expect(search('Ramzan Kadirov')[0]).toBe('ofac:6');
    expect(search('vladimir putin')[0]).toBe('ofac:5');
  });

  it('ignores case, accents and word order', () => {
    expect(search('HLAING MIN AUNG')[0]).toBe('ofac:1');
    expect(search('Mín Áung Hlaing')[0]).toBe('ofac:1');
  });

  it('scores an exact name 1 and lists each entity once', () => {
    const hits = lookup.search('Min Aung Hlaing', 10);
    expect(hits[0]).toMatchObject({ entity: 'ofac:1', score: 1 });
    expect(hits.filter((h) => h.entity === 'ofac:1')).toHaveLength(1);
  });

  it('finds every name holding one word, shorter names first', () => {
    const hits = search('Hlaing', 10);
    expect(hits).toEqual(expect.arrayContaining(['ofac:1', 'ofac:2', 'ofac:3']));
    expect(hits[0]).toBe('ofac:3');
  });

  it('finds countries by any of their names', () => {
    expect(search('Burma')[0]).toBe('country:MM');
    expect(search('Irelnd')[0]).toBe('country:IE');
  });

  it('returns nothing for noise, empty or one-letter queries', () => {
    expect(search('zzqx wwv')).toEqual([]);
    expect(search('')).toEqual([]);
    expect(search('M')).toEqual([]);
    expect(search('  ,;  ')).toEqual([]);
  });

  it('keeps to the limit and survives very long queries', () => {
    expect(search('Hlaing', 2)).toHaveLength(2);
    expect(search('Min Aung Hlaing '.repeat(500))).toBeInstanceOf(Array);
  });
});

describe.skipIf(!HAS_SHARED)(`NameLookup over the real OFAC SDN list ${HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  it('finds Min Aung Hlaing from "Min Aung Hliang" among every listed name', () => {
    const files = ['sdn.csv', 'alt.csv', 'add.csv'].map((name) => ({ name, bytes: readSharedData('ofac', name) }));
    const kb = compileKnowledgeBase(readSources(files));
    const all = NameLookup.build(kb.index.keys.map((key, i) => ({ key, entity: kb.entityIds[kb.index.entities[i]!]! })));
    const [first] = all.search('Min Aung Hliang', 5);
    expect(first?.key).toBe('min aung hlaing');
  });
});
