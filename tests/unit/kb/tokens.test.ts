import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameIndex, targetFor } from '../../../src/kb/matcher';
import { foldKey, foldWord } from '../../../src/kb/normalise';
import { tokenize } from '../../../src/kb/tokens';

describe('tokenize: invisible characters inside words', () => {
  it('keeps a word whole around a soft hyphen, with offsets into the original text', () => {
    const text = 'Vladi\u00ADmir Putin and Netan\u00ADyahu';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.folded)).toEqual(['vladimir', 'putin', 'and', 'netanyahu']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Vladi\u00ADmir', 'Putin', 'and', 'Netan\u00ADyahu']);
  });

  it('keeps zero-width joiners and non-joiners inside a word, but splits at a zero-width space', () => {
    expect(tokenize('Ali\u200Cyev and Ali\u200Dyev').map((t) => t.folded)).toEqual(['aliyev', 'and', 'aliyev']);
    expect(tokenize('Vladimir\u200BPutin').map((t) => t.folded)).toEqual(['vladimir', 'putin']);
  });

  it('folds soft hyphens away', () => {
    expect(foldWord('Netan\u00ADyahu')).toBe('netanyahu');
    expect(foldKey('Vladi\u00ADmir Pu\u00ADtin')).toBe('vladimir putin');
  });

  it('finds a name written with soft hyphens and marks the whole written span', () => {
    const index = new NameIndex();
    index.add('Vladimir Putin', targetFor('p:putin', 'Vladimir Putin'));
    const text = 'Russian President Vladi\u00ADmir Putin said';
    const [match] = index.scan(text);
    expect(match && text.slice(match.start, match.end)).toBe('Vladi\u00ADmir Putin');
  });
});

describe('tokenize: the fast word pattern reads the same words as the plain one', () => {
  // The grammar in its plain form; tokens.ts writes it for speed.
  const PLAIN = /[\p{L}\p{N}\p{M}]+(?:[\u00AD\u200C\u200D\u2060]+[\p{L}\p{N}\p{M}]+|['’][\p{L}\p{M}]+)*/gu;
  const spans = (text: string): Array<[number, number]> =>
    [...text.matchAll(PLAIN)].map((m) => {
      const word = /['’]s$/i.test(m[0]) && m[0].length > 2 ? m[0].slice(0, -2) : m[0];
      return [m.index, m.index + word.length];
    });
  // ASCII and other letters, marks, digits of two systems, joiners, apostrophes, astral letters
  // and digits, lone surrogates, spaces, punctuation and control characters.
  const pieces = ['a', 'Z', 's', 'S', '7', 'é', 'ß', 'Ж', 'ع', '中', 'ก', '\u0301', '\u093F', '٣', '²', '\u00AD', '\u200C', '\u200D', '\u2060', '\u200B', "'", '’', ' ', '-', '.', '\u00A0', '\u0000', '\u007F', '\u0080', '𝐀', '𝟙', '\uD800', '\uDC00', '_'];

  it('finds the same words at the same offsets on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const expected = spans(text).filter(([s, e]) => foldWord(text.slice(s, e)) !== '');
        expect(tokenize(text).map((t) => [t.start, t.end])).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
