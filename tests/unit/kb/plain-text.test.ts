import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText, plainTexts, safeUrl, MAX_FIELD_ITEMS, SHORT_FIELD_CHARS } from '../../../src/kb/plain-text';

describe('plainText', () => {
  it('removes markup and keeps the words', () => {
    expect(plainText('Min <b>Aung</b> Hlaing<script>alert(1)</script>')).toBe('Min Aung Hlaing');
    expect(plainText('<img src=x onerror=alert(1)>Acme &amp; Co')).toBe('Acme & Co');
  });

  it('drops bidi overrides, isolates and invisible controls', () => {
    expect(plainText('abc\u202Edcba\u202C \u2066x\u2069\u200B\u0007')).toBe('abcdcba x');
    expect(plainText('evil&#x202E;txt.exe')).toBe('eviltxt.exe');
  });

  it('keeps the joiners that scripts need', () => {
    expect(plainText('क्\u200Dष')).toBe('क्\u200Dष');
  });

  it('shortens absurd lengths on a word boundary with an ellipsis', () => {
    const long = 'word '.repeat(100_000);
    const out = plainText(long);
    expect(out.length).toBeLessThanOrEqual(SHORT_FIELD_CHARS);
    expect(out.endsWith('word…')).toBe(true);
  });

  it('always returns single-line text within the limit, without bidi controls', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), fc.integer({ min: 10, max: 500 }), (text, max) => {
        const out = plainText(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/[\n\r\u202A-\u202E\u2066-\u2069]/);
        expect(out).not.toMatch(/<[a-zA-Z/][^<>]*>/);
      }),
    );
  });

  it('caps list fields in number and folds duplicates', () => {
    expect(plainTexts(Array.from({ length: 500 }, (_, i) => `name ${i}`))).toHaveLength(MAX_FIELD_ITEMS);
    expect(plainTexts(['A <i>b</i>', 'A b', ' ', ''])).toEqual(['A b']);
  });

  it('keeps only http(s) links', () => {
    expect(safeUrl('https://ofac.treasury.gov/')).toBe('https://ofac.treasury.gov/');
    expect(safeUrl('javascript:alert(1)')).toBe('');
    expect(safeUrl('data:text/html,x')).toBe('');
  });
});
