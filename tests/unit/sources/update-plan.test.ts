import { describe, expect, it } from 'vitest';
import { sourceById } from '../../../src/sources/registry';
import { conditionalHeaders, isDue, judgeCandidate, nextDueAt, retryAt, shrinkProblem } from '../../../src/sources/update-plan';

const un = sourceById('un')!; // 24 h interval
const NOW = Date.parse('2026-11-27T12:00:00Z');
const HOUR = 3_600_000;

describe('due times', () => {
  it('is due at once when never downloaded', () => {
    expect(nextDueAt(un, undefined, NOW)).toBe(NOW);
    expect(isDue(un, {}, NOW)).toBe(true);
  });
  it('is due a full interval after the last success', () => {
    const status = { lastSuccessAt: new Date(NOW - 23 * HOUR).toISOString() };
    expect(isDue(un, status, NOW)).toBe(false);
    expect(nextDueAt(un, status, NOW)).toBe(NOW + HOUR);
    expect(isDue(un, { lastSuccessAt: new Date(NOW - 25 * HOUR).toISOString() }, NOW)).toBe(true);
  });
  it('after a failure, is due at the retry time', () => {
    const status = { lastSuccessAt: new Date(NOW - 2 * HOUR).toISOString(), nextRetryAt: new Date(NOW + 10 * 60_000).toISOString() };
    expect(nextDueAt(un, status, NOW)).toBe(NOW + 10 * 60_000);
    expect(isDue(un, status, NOW + 11 * 60_000)).toBe(true);
  });
  it('backs off by doubling, never past the interval', () => {
    expect(retryAt(un, 1, NOW)).toBe(NOW + 15 * 60_000);
    expect(retryAt(un, 2, NOW)).toBe(NOW + 30 * 60_000);
    expect(retryAt(un, 3, NOW)).toBe(NOW + HOUR);
    expect(retryAt(un, 30, NOW)).toBe(NOW + 24 * HOUR);
  });
});

describe('conditional request headers', () => {
  const url = 'https://scsanctions.un.org/resources/xml/en/consolidated.xml';
  it('sends the last response validators for the same URL', () => {
    expect(conditionalHeaders(url, { url, etag: '"abc"', lastModified: 'Fri, 27 Nov 2026 10:00:00 GMT' })).toEqual({
      'If-None-Match': '"abc"',
      'If-Modified-Since': 'Fri, 27 Nov 2026 10:00:00 GMT',
    });
    expect(conditionalHeaders(url, { url, etag: '"abc"' })).toEqual({ 'If-None-Match': '"abc"' });
  });
  it('sends nothing without validators or for another URL (a new mirror)', () => {
    expect(conditionalHeaders(url, undefined)).toEqual({});
    expect(conditionalHeaders(url, { url: 'https://mirror.example/consolidated.xml', etag: '"abc"' })).toEqual({});
  });
});

describe('shrink check', () => {
  it('accepts growth, a first download and a modest shrink', () => {
    expect(shrinkProblem('un', 1000, 1200)).toBeNull();
    expect(shrinkProblem('un', null, 5)).toBeNull();
    expect(shrinkProblem('un', 1000, 500)).toBeNull();
  });
  it('refuses under half of the last size, and a missing list', () => {
    expect(shrinkProblem('un', 1000, 499)).toMatch(/under half/);
    expect(shrinkProblem('un', 1000, null)).toMatch(/no entries/);
    expect(shrinkProblem('un', null, 0)).toMatch(/no entries/);
  });
});

describe('judging a compile', () => {
  const plan = {
    sources: [
      { id: 'un', files: ['un/consolidated.xml'], previousEntries: 1003 },
      { id: 'ca-sema', files: ['ca-sema/sema-lmes.xml'], previousEntries: 1369 },
      { id: 'ofac-sdn', files: ['ofac-sdn/sdn.csv', 'ofac-sdn/alt.csv'], previousEntries: null },
    ],
  };
  it('refuses each bad source with its reason and passes the good ones', () => {
    const refused = judgeCandidate(plan, {
      lists: [
        { source: 'un', entries: 1010 },
        { source: 'ca-sema', entries: 3 },
        { source: 'ofac-sdn', entries: 14_000 },
      ],
      files: [
        { file: 'un/consolidated.xml', ok: true },
        { file: 'ca-sema/sema-lmes.xml', ok: true },
        { file: 'ofac-sdn/sdn.csv', ok: true },
        { file: 'ofac-sdn/alt.csv', ok: false, error: { message: 'ofac-sdn/alt.csv: line 3: bad row' } },
      ],
    });
    expect(Object.keys(refused).sort()).toEqual(['ca-sema', 'ofac-sdn']);
    expect(refused['ca-sema']?.message).toMatch(/under half/);
    expect(refused['ca-sema']).toMatchObject({ key: 'diagUpdateShrank', values: ['3', '1,369'] });
    expect(refused['ofac-sdn']?.message).toBe('ofac-sdn/alt.csv: line 3: bad row');
  });
});
