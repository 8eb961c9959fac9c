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

/**
 * Leftmost-longest by trying every length at every word: what scanning must find. `isWrittenAs`
 * says whether a phrase's words, as the text writes them, are written as `name` allows.
 */
function leftmostLongest(
  names: readonly string[],
  text: string,
  isWrittenAs: (name: string, words: readonly string[]) => boolean,
): Array<[number, number]> {
  const byKey = new Map<string, string[]>();
  for (const name of names) byKey.set(nameKey(name), [...(byKey.get(nameKey(name)) ?? []), name]);
  const longest = Math.max(...names.map((n) => tokenize(n).length));
  const tokens = tokenize(text);
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; ) {
    let found = 0;
    for (let n = Math.min(longest, tokens.length - i); n >= 1 && !found; n--) {
      const phrase = tokens.slice(i, i + n);
      const words = phrase.map((t) => text.slice(t.start, t.end));
      const key = phrase.map((t) => t.key).join(' ');
      if ((byKey.get(key) ?? []).some((name) => isWrittenAs(name, words))) found = n;
    }
    if (found) spans.push([tokens[i]!.start, tokens[i + found - 1]!.end]);
    i += found || 1;
  }
  return spans;
}

/** Case ignored: every capitalised vocabulary word matches every name with its key. */
const reference = (names: readonly string[], text: string) => leftmostLongest(names, text, () => true);

/**
 * Each name's case rule applied (targetFor reads it from how the name is written): a capital
 * wherever the name has one, capitals throughout for an acronym.
 */
const referenceWithCase = (names: readonly string[], text: string) =>
  leftmostLongest(names, text, (name, words) => {
    const target = targetFor('e', name);
    if (target.caseRule === 'upper') return words.every((w) => w === w.toUpperCase());
    return words.every((w, k) => !target.capitals[k] || /^\p{Lu}/u.test(w));
  });

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

/** Random names and texts from `word`: every way of building the index scans as `expected` says. */
function assertScansLike(
  expected: (names: readonly string[], text: string) => Array<[number, number]>,
  word: fc.Arbitrary<string>,
  maxNameWords: number,
  maxNames: number,
  numRuns: number,
): void {
  fc.assert(
    fc.property(
      fc.array(fc.array(word, { minLength: 1, maxLength: maxNameWords }), { minLength: 1, maxLength: maxNames }),
      fc.array(word, { minLength: 1, maxLength: 60 }),
      (nameWords, textWords) => {
        const names = nameWords.map((w) => w.join(' '));
        const text = textWords.join(' ');
        const want = expected(names, text);
        for (const index of Object.values(indexes(names))) expect(spans(index, text)).toEqual(want);
      },
    ),
    { numRuns },
  );
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
    assertScansLike(reference, fc.constantFrom(...VOCABULARY), 6, 15, 300);
  });

  it('finds what trying every length finds, with names and text in every case (property)', () => {
    // Lower-case first words that begin names ("al", "de") and ones that only begin capitalised
    // names or acronyms ("state", "un"), in ASCII and not ("éclair").
    const word = fc.constantFrom('State', 'state', 'STATE', 'Bank', 'bank', 'al', 'Al', 'Assad', 'de', 'Gaulle', 'UN', 'un', 'Un', 'éclair', 'Éclair');
    assertScansLike(referenceWithCase, word, 4, 12, 500);
  });
});
