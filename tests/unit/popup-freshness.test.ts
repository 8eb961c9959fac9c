import { describe, expect, it, vi } from 'vitest';

// Freshness.tsx imports messages.ts, which imports the polyfill seam (refused outside an extension).
vi.mock('../../src/browser', () => ({ default: {} }));
const { freshnessText } = await import('../../src/popup/Freshness');
const { formatRelativeTime } = await import('../../src/ui/format');
const { catalogueT } = await import('../support/catalogue');

const NOW = Date.parse('2026-11-27T12:00:00Z');

describe('freshness line', () => {
  it('says when nothing is loaded', () => {
    expect(freshnessText(null, 0, NOW, catalogueT)).toMatch(/^No lists loaded/);
  });
  it('says how long ago the lists were installed', () => {
    expect(freshnessText('2026-11-27T11:59:50Z', 3, NOW, catalogueT)).toBe('Lists updated just now.');
    expect(freshnessText('2026-11-27T11:40:00Z', 3, NOW, catalogueT)).toBe('Lists updated 20 min ago.');
    expect(freshnessText('2026-11-27T09:00:00Z', 3, NOW, catalogueT)).toBe('Lists updated 3 h ago.');
    expect(freshnessText('2026-11-20T12:00:00Z', 3, NOW, catalogueT)).toBe('Lists updated 7 days ago.');
    // A clock ahead of this one installed it: not "in 5 min".
    expect(freshnessText('2026-11-27T12:05:00Z', 3, NOW, catalogueT)).toBe('Lists updated just now.');
  });
  it('writes retry times ahead and updates behind', () => {
    expect(formatRelativeTime('2026-11-27T12:15:00Z', NOW, catalogueT)).toBe('in 15 min');
    expect(formatRelativeTime('2026-11-27T09:00:00Z', NOW, catalogueT)).toBe('3 h ago');
  });
});
