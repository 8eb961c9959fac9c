import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KbCore } from '../../../src/kb/artifact';
import { indexWordCounts, loadKnowledgeBase } from '../../../src/kb/knowledge-base';
import { keyWordCounts, NameIndex, targetFor, type NameUse, type SerializedNameIndex } from '../../../src/kb/matcher';
import { packCore, unpackCore } from '../../../src/db/stored-core';

/**
 * The background loads the compiled index without making a target per name (NameIndex keeps the
 * serialized arrays and reads them where a text hits), and IndexedDB keeps it packed. Loaded or
 * packed, it must find exactly what an index built name by name finds.
 */

type Name = [entity: string, name: string, use?: NameUse];

const LISTED: Name[] = [
  ['p:putin', 'Vladimir Putin'],
  ['p:putin', 'Putin', 'secondary'],
  ['p:putin2', 'Putin', 'secondary'],
  ['p:kim', 'Kim Jong Un'],
  ['p:kim', 'Kim Jong-un'],
  ['o:kimberly', 'Kimberly Process'],
  ['o:us-steel', 'US Steel'],
  ['o:aa', 'AA'],
  ['p:ali', 'Mohammed Ali'],
  ['p:ali2', 'Mohammed Ali'],
  ['p:ali-ali', 'Ali Ali'],
  ['v:ocean', 'Ocean Star'],
  ['o:kim', 'Kim'],
];
const COUNTRIES: Name[] = [
  ['country:US', 'US'],
  ['country:US', 'United States'],
  ['country:RU', 'Russia'],
  ['country:RU', 'Moscow', 'capital'],
  ['country:KP', 'Kim', 'secondary'],
];
const TEXTS = [
  'Vladimir Putin met Kim Jong-un; Putin and KIM JONG UN spoke of US Steel in the United States.',
  'The Kimberly Process and Kim, the AA and aa, Mohammed Ali and Ali Ali, the Ocean Star in Moscow.',
  'kim jong un, vladimir putin and russia in lower case; Russia. Putin',
];

function add(index: NameIndex, names: readonly Name[]): NameIndex {
  for (const [entity, name, use] of names) index.add(name, targetFor(entity, name, use));
  return index;
}

function serialized(names: readonly Name[]): { data: SerializedNameIndex; ids: string[] } {
  const ids = [...new Set(names.map(([entity]) => entity))];
  return { data: add(new NameIndex(), names).serialize((id) => ids.indexOf(id)), ids };
}

const scans = (index: NameIndex): unknown[] => TEXTS.map((text) => index.scan(text));
const notCountry = (id: string): boolean => !id.startsWith('country:');
const WORDS = ['putin', 'kim', 'ali', 'mohammed', 'us', 'jong', 'steel', 'nobody'];

describe('NameIndex.addSerialized', () => {
  const { data, ids } = serialized(LISTED);
  const direct = add(new NameIndex(), COUNTRIES);
  direct.add('', targetFor('x', '')); // ignored, as before
  for (let i = 0; i < data.keys.length; i++) {
    // What loading used to do: every pair made into a target and appended to its key.
    (direct as unknown as { addUnsorted(d: SerializedNameIndex, e: readonly string[]): void }).addUnsorted(
      { keys: [data.keys[i]!], entities: [data.entities[i]!], flags: [data.flags[i]!], ...(data.uses ? { uses: [data.uses[i]!] } : {}) },
      ids,
    );
  }

  it('finds what an index built pair by pair finds, targets in the same order', () => {
    const loaded = add(new NameIndex(), COUNTRIES);
    loaded.addSerialized(data, ids);
    expect(scans(loaded)).toEqual(scans(direct));
    expect(loaded.size).toBe(direct.size);
    expect(scans(loaded)).toEqual(scans(loaded)); // hits are cached: a second scan reads the same
  });

  it('counts key words as before, counted ahead or not', () => {
    const loaded = add(new NameIndex(), COUNTRIES);
    loaded.addSerialized(data, ids);
    const preset = add(new NameIndex(), COUNTRIES);
    preset.addSerialized(data, ids, { table: keyWordCounts(data, ids, notCountry), counted: notCountry });
    const expected = WORDS.map((w) => direct.wordFrequency(w, notCountry));
    expect(expected.slice(0, 3)).toEqual([3, 2, 3]); // "Ali Ali" counts once; "Kim Jong Un" and "Kim Jong-un" are one key
    expect(WORDS.map((w) => loaded.wordFrequency(w, notCountry))).toEqual(expected);
    expect(WORDS.map((w) => preset.wordFrequency(w, notCountry))).toEqual(expected);
  });

  it('ignores counts made ahead with another choice of entities', () => {
    const preset = add(new NameIndex(), COUNTRIES);
    preset.addSerialized(data, ids, { table: keyWordCounts(data, ids, () => false), counted: () => false });
    expect(WORDS.map((w) => preset.wordFrequency(w, notCountry))).toEqual(WORDS.map((w) => direct.wordFrequency(w, notCountry)));
  });

  it('loads keys that are not sorted (not made by serialize) pair by pair, with the same result', () => {
    const order = data.keys.map((_, i) => i).reverse();
    const shuffled: SerializedNameIndex = {
      keys: order.map((i) => data.keys[i]!),
      entities: order.map((i) => data.entities[i]!),
      flags: order.map((i) => data.flags[i]!),
      ...(data.uses ? { uses: order.map((i) => data.uses![i]!) } : {}),
    };
    const loaded = add(new NameIndex(), COUNTRIES);
    loaded.addSerialized({ ...shuffled, keys: [...shuffled.keys.slice(1), shuffled.keys[0]!] }, ids); // keys of a run apart
    const reference = add(new NameIndex(), COUNTRIES);
    (reference as unknown as { addUnsorted(d: SerializedNameIndex, e: readonly string[]): void }).addUnsorted(
      { ...shuffled, keys: [...shuffled.keys.slice(1), shuffled.keys[0]!] },
      ids,
    );
    expect(scans(loaded)).toEqual(scans(reference));
  });

  it('serializes a loaded index back to the same arrays', () => {
    const loaded = new NameIndex();
    loaded.addSerialized(data, ids);
    expect(loaded.serialize((id) => ids.indexOf(id))).toEqual(data);
  });

  it('finds every name it loaded, whatever the names (property)', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{0,6}$/);
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), (names) => {
        const list: Name[] = names.map((words, i) => [`e:${i % 4}`, words.join(' ')]);
        const { data: d, ids: e } = serialized(list);
        const built = add(new NameIndex(), list);
        const loaded = new NameIndex();
        loaded.addSerialized(d, e);
        const text = list.map(([, name]) => name).join(', and ');
        expect(loaded.scan(text)).toEqual(built.scan(text));
        expect(loaded.size).toBe(built.size);
      }),
    );
  });
});

describe('stored core (IndexedDB form)', () => {
  const { data, ids } = serialized(LISTED);
  const core = { format: 'backstory-kb', version: 1, lists: [], datasets: [], entityIds: ids, index: data, countries: {}, flows: {}, warnings: [] } as unknown as KbCore;

  it('packs the index into one string and typed arrays, and unpacks it to the same pairs', () => {
    const stored = structuredClone(packCore(core));
    expect(typeof (stored.index as { joinedKeys?: unknown }).joinedKeys).toBe('string');
    const { core: back, wordCounts } = unpackCore(stored);
    expect(back.index.keys).toEqual(data.keys);
    expect(Array.from(back.index.entities)).toEqual(Array.from(data.entities));
    expect(Array.from(back.index.flags)).toEqual(Array.from(data.flags));
    expect(Array.from(back.index.uses ?? [])).toEqual(Array.from(data.uses ?? []));
    const counts = indexWordCounts(core);
    expect(wordCounts?.words).toEqual(counts.words);
    expect(Array.from(wordCounts?.counts ?? [])).toEqual(Array.from(counts.counts));
    expect('wordCounts' in back).toBe(false);
  });

  it('reads a core stored before packing as it is', () => {
    expect(unpackCore(structuredClone(core) as never)).toEqual({ core });
  });

  it('packs an empty index', () => {
    const empty = { ...core, entityIds: [], index: { keys: [], entities: [], flags: [] } } as KbCore;
    expect(unpackCore(packCore(empty)).core.index.keys).toEqual([]);
  });

  it('spots the same from a packed core as from the plain one', async () => {
    const plain = loadKnowledgeBase(core, async () => new Map());
    const { core: back, wordCounts } = unpackCore(structuredClone(packCore(core)));
    const packed = loadKnowledgeBase(back, async () => new Map(), wordCounts);
    const blocks = TEXTS.map((text) => ({ text }));
    expect(await packed.spot(blocks, { unknownNames: true })).toEqual(await plain.spot(blocks, { unknownNames: true }));
    expect(packed.nameCount).toBe(plain.nameCount);
  });
});
