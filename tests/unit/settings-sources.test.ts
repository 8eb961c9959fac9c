import { describe, expect, it, vi } from 'vitest';

// settings.ts imports the polyfill seam, which refuses to load outside an extension.
vi.mock('../../src/browser', () => ({ default: {} }));
const { DEFAULT_SETTINGS, parseSettings } = await import('../../src/settings');
const { isSourceEnabled, mirrorOf, withSource } = await import('../../src/settings');
const { sourceById } = await import('../../src/sources/registry');

describe('source ids', () => {
  it('are the catalogue\'s ids, no more and no fewer', async () => {
    const { SOURCES } = await import('../../src/sources/registry');
    const { SOURCE_IDS } = await import('../../src/sources/source-ids');
    expect([...SOURCE_IDS].sort()).toEqual(SOURCES.map((s) => s.id).sort());
  });
});

describe('source choices', () => {
  it('keeps known sources with a boolean choice and a valid mirror only', () => {
    const parsed = parseSettings({
      enabled: true,
      disabledSites: [],
      sources: { un: { enabled: false }, 'ca-sema': { enabled: true, mirror: 'javascript:x' }, nope: { enabled: true }, 'ofac-sdn': { enabled: 'yes' } },
    });
    expect(parsed.sources).toEqual({ un: { enabled: false }, 'ca-sema': { enabled: true } });
  });
  it('falls back to the catalogue default, and never enables an import-only source', () => {
    const un = sourceById('un')!;
    expect(isSourceEnabled(DEFAULT_SETTINGS, un)).toBe(un.enabledByDefault);
    const off = withSource(DEFAULT_SETTINGS, 'un', { enabled: false, mirror: 'https://mirror.example/' });
    expect(isSourceEnabled(off, un)).toBe(false);
    expect(mirrorOf(off, un)).toBe('https://mirror.example/');
    expect(isSourceEnabled(withSource(DEFAULT_SETTINGS, 'sipri', { enabled: true }), sourceById('sipri')!)).toBe(false);
  });
});
