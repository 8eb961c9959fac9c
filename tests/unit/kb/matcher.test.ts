import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameIndex, targetFor } from '../../../src/kb/matcher';
import { nameKey, tokenize } from '../../../src/kb/tokens';

function index(...names: [string, string][]): NameIndex {
  const idx = new NameIndex();
  for (const [entity, name] of names) idx.add(name, targetFor(entity, name));
  return idx;
}

const found = (idx: NameIndex, text: string): string[] => idx.scan(text).map((m) => `${text.slice(m.start, m.end)}=${m.targets.map((t) => t.entity).join('|')}`);

describe('tokenize', () => {
  it('drops possessives and folds diacritics and apostrophes', () => {
    expect(tokenize("Russia's Zelenskyy’s Côte d'Ivoire").map((t) => t.folded)).toEqual(['russia', 'zelenskyy', 'cote', 'divoire']);
  });
  it('keeps offsets of the original text', () => {
    const text = 'the U.S. envoy';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['the', 'U', 'S', 'envoy']);
  });
});

describe('NameIndex.scan', () => {
  it('finds the longest name at a position', () => {
    const idx = index(['GN', 'Guinea'], ['GQ', 'Equatorial Guinea'], ['PG', 'Papua New Guinea']);
    expect(found(idx, 'From Papua New Guinea to Equatorial Guinea and Guinea.')).toEqual([
      'Papua New Guinea=PG',
      'Equatorial Guinea=GQ',
      'Guinea=GN',
    ]);
  });

  it('requires capitals where the name has them', () => {
    const idx = index(['TR', 'Turkey'], ['TD', 'Chad']);
    expect(found(idx, 'a turkey for chad')).toEqual([]);
    expect(found(idx, 'TURKEY and Chad')).toEqual(['TURKEY=TR', 'Chad=TD']);
  });

  it('matches acronyms only in capitals', () => {
    const idx = index(['US', 'US'], ['US', 'U.S.']);
    expect(found(idx, 'tell us about the US and the U.S. too')).toEqual(['US=US', 'U.S=US']);
  });

  it('does not join words across a sentence break', () => {
    const idx = index(['ZA', 'South Africa']);
    expect(found(idx, 'Go South. Africa is big.')).toEqual([]);
    expect(found(idx, 'South-Africa and South Africa')).toEqual(['South-Africa=ZA', 'South Africa=ZA']);
  });

  it('keeps every entity that shares a written form', () => {
    const idx = index(['CD', 'Congo'], ['CG', 'Congo']);
    expect(found(idx, 'Congo')).toEqual(['Congo=CD|CG']);
  });

  it('finds a name wherever it stands among other words (property)', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.array(word, { maxLength: 6 }), (before, after) => {
        const idx = index(['MM', 'Myanmar']);
        const text = [...before, 'Myanmar', ...after].join(' ');
        const matches = idx.scan(text);
        return matches.length === 1 && text.slice(matches[0]!.start, matches[0]!.end) === 'Myanmar';
      }),
    );
  });

  it('matches a name against its own key (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Z][a-zà-öø-ÿ]{1,9}$/), { minLength: 1, maxLength: 4 }), (words) => {
        const name = words.join(' ');
        const idx = index(['X', name]);
        const match = idx.scan(`Yesterday, ${name}, said`)[0];
        return match !== undefined && nameKey(name) === nameKey(`Yesterday, ${name}, said`.slice(match.start, match.end));
      }),
    );
  });
});
