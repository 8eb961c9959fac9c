import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameIndex, targetFor } from '../../../src/kb/matcher';
import { nameKey, tokenize } from '../../../src/kb/tokens';

/**
 * Scanning lengthens a phrase only while some longer name begins with it (matcher.ts
 * `continues`): names that share their first words ("State Bank", "State Bank of Iron Gate") must
 * still be found leftmost-longest, exactly as trying every length would find them, whether the
 * names were added one by one, loaded from a serialized index, or both.
 */

const VOCABULARY = ['State', 'Bank', 'Iron', 'Gate', 'Red', 'Star', 'Sea', 'Port', 'Union', 'Mint'];

/** Leftmost-longest by trying every length at every word: what scanning must find. */
function reference(names: readonly string[], text: string): Array<[number, number]> {
  const keys = new Set(names.map(nameKey));
  const longest = Math.max(...names.map((n) => tokenize(n).length));
  const tokens = tokenize(text);
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; ) {
    let found = 0;
    for (let n = Math.min(longest, tokens.length - i); n >= 1 && !found; n--) {
      if (keys.has(tokens.slice(i, i + n).map((t) => t.key).join(' '))) found = n;
    }
    if (found) spans.push([tokens[i]!.start, tokens[i + found - 1]!.end]);
    i += found || 1;
  }
  return spans;
}

const spans = (index: NameIndex, text: string): Array<[number, number]> => index.scan(text).map((m) => [m.start, m.end]);

function indexes(names: readonly string[]): { added: NameIndex; loaded: NameIndex; mixed: NameIndex } {
  const added = new NameIndex();
  names.forEach((name, i) => added.add(name, targetFor(`e:${i}`, name)));
  const data = added.serialize((id) => Number(id.slice(2)));
  const ids = names.map((_, i) => `e:${i}`);
  const loaded = new NameIndex();
  loaded.addSerialized(data, ids);
  // Some names added one by one (as countries are), the rest loaded, in one index.
  const mixed = new NameIndex();
  names.forEach((name, i) => {
    if (i % 3 === 0) mixed.add(name, targetFor(`e:${i}`, name));
  });
  const rest = new NameIndex();
  names.forEach((name, i) => {
    if (i % 3 !== 0) rest.add(name, targetFor(`e:${i}`, name));
  });
  mixed.addSerialized(rest.serialize((id) => Number(id.slice(2))), ids);
  return { added, loaded, mixed };
}

describe('NameIndex.scan with names that share first words', () => {
  it('finds the longest name where shorter ones begin it, and the shorter ones elsewhere', () => {
    const names = ['State', 'State Bank of Iron Gate', 'State Bank', 'Red Star Sea Port Union', 'Red Star'];
    const text = 'The State Bank of Iron Gate, the State Bank of Iron, the State, Red Star Sea Port and Red Star Sea Port Union.';
    for (const index of Object.values(indexes(names))) {
      expect(index.scan(text).map((m) => text.slice(m.start, m.end))).toEqual(['State Bank of Iron Gate', 'State Bank', 'State', 'Red Star', 'Red Star Sea Port Union']);
      expect(spans(index, text)).toEqual(reference(names, text)); // the same again, from the memo
    }
  });

  it('finds what trying every length finds (property)', () => {
    const word = fc.constantFrom(...VOCABULARY);
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 15 }),
        fc.array(word, { minLength: 1, maxLength: 60 }),
        (nameWords, textWords) => {
          const names = nameWords.map((w) => w.join(' '));
          const text = textWords.join(' ');
          const expected = reference(names, text);
          const { added, loaded, mixed } = indexes(names);
          expect(spans(added, text)).toEqual(expected);
          expect(spans(loaded, text)).toEqual(expected);
          expect(spans(mixed, text)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
