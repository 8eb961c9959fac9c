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
