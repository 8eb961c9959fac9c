import { describe, expect, it, vi } from 'vitest';

// settings.ts imports the polyfill seam, which refuses to load outside an extension.
vi.mock('../../src/browser', () => ({ default: {} }));
const { MAX_DISMISSALS_PER_SITE, parseDismissals, withDismissal } = await import('../../src/settings');

describe('dismissals ("not this person")', () => {
  it('keeps valid hosts and ids from stored data and drops the rest', () => {
    expect(parseDismissals({ 'news.example': ['ofac-sdn:1', 'ofac-sdn:1', 7, ''], '': ['x'], other: 'x' })).toEqual({ 'news.example': ['ofac-sdn:1'] });
    expect(parseDismissals(null)).toEqual({});
    expect(parseDismissals(['x'])).toEqual({});
  });

  it('adds a dismissal per site, once', () => {
    const once = withDismissal({}, 'news.example', 'a');
    expect(withDismissal(once, 'news.example', 'a')).toEqual({ 'news.example': ['a'] });
    expect(withDismissal(once, 'other.example', 'a')).toEqual({ 'news.example': ['a'], 'other.example': ['a'] });
  });

  it('keeps at most the newest dismissals per site', () => {
    let d = {};
    for (let i = 0; i <= MAX_DISMISSALS_PER_SITE; i++) d = withDismissal(d, 'h', `e${i}`);
    expect(parseDismissals(d).h).toHaveLength(MAX_DISMISSALS_PER_SITE);
    expect(parseDismissals(d).h?.[0]).toBe('e1');
  });
});
