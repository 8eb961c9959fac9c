import { describe, expect, it } from 'vitest';
import { nameKey } from '../../../src/kb/tokens';
import { skeletonWord } from '../../../src/kb/transliterate';

describe('skeletonWord', () => {
  it.each([
    [['Aleksandr', 'Alexander', 'Oleksandr'], 'first names across Russian and Ukrainian'],
    [['Mohammad', 'Mohammed', 'Muhammad', 'Mohamed'], 'Arabic given names'],
    [['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Zelenskii'], '-sky endings'],
    [['Yuriy', 'Yury', 'Yurii'], '-iy / -y / -ii endings'],
    [['Assad', 'Asad'], 'doubled letters'],
    [['Hossein', 'Hussein', 'Husayn'], 'Persian and Arabic vowels'],
    [['Sergeyev', 'Sergeev'], '-yev / -ev'],
  ])('gives one key to %j (%s)', (spellings) => {
    expect(new Set(spellings.map((s) => nameKey(s))).size).toBe(1);
  });

  it('leaves short words and acronyms alone', () => {
    expect(skeletonWord('us')).toBe('us');
    expect(skeletonWord('eu')).toBe('eu');
  });

  it('keeps different names apart', () => {
    expect(nameKey('Putin')).not.toBe(nameKey('Patin'));
    expect(nameKey('Hassan')).not.toBe(nameKey('Hussein'));
  });
});
