import { describe, expect, it } from 'vitest';
import { nextMarkIndex } from '../../../src/content/mark-order';

describe('nextMarkIndex', () => {
  // Marks 0, 1 | 2 and 3 (one mention split across two elements) | 4.
  const mentions = [0, 1, 2, 2, 3];

  it('moves to the next and the previous mention', () => {
    expect(nextMarkIndex(mentions, 0, 1, 0)).toBe(1);
    expect(nextMarkIndex(mentions, 1, 1, 0)).toBe(2);
    expect(nextMarkIndex(mentions, 4, -1, 0)).toBe(2);
  });

  it('treats the marks of a split mention as one stop', () => {
    expect(nextMarkIndex(mentions, 2, 1, 0)).toBe(4);
    expect(nextMarkIndex(mentions, 3, 1, 0)).toBe(4);
    expect(nextMarkIndex(mentions, 3, -1, 0)).toBe(1);
  });

  it('starts at the first mention in view when no mark has focus', () => {
    expect(nextMarkIndex(mentions, -1, 1, 2)).toBe(2);
    expect(nextMarkIndex(mentions, -1, -1, 4)).toBe(2);
    expect(nextMarkIndex(mentions, -1, 1, 5)).toBeNull();
  });

  it('stops at either end rather than wrapping', () => {
    expect(nextMarkIndex(mentions, 4, 1, 0)).toBeNull();
    expect(nextMarkIndex(mentions, 0, -1, 0)).toBeNull();
    expect(nextMarkIndex([], -1, 1, 0)).toBeNull();
  });
});
