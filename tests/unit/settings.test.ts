import { describe, expect, it, vi } from 'vitest';

// settings.ts imports the polyfill seam, which refuses to load outside an extension.
vi.mock('../../src/browser', () => ({ default: {} }));
const { DEFAULT_SETTINGS, isActiveOn, parseSettings, withSite } = await import('../../src/settings');

describe('parseSettings', () => {
  it('falls back to defaults field by field', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ enabled: 'yes', disabledSites: ['a.example', 7, 'a.example'] })).toEqual({ enabled: true, disabledSites: ['a.example'] });
  });
});

describe('isActiveOn / withSite', () => {
  it('turns one site off and on again', () => {
    const off = withSite(DEFAULT_SETTINGS, 'news.example', false);
    expect(isActiveOn(off, 'news.example')).toBe(false);
    expect(isActiveOn(off, 'other.example')).toBe(true);
    expect(isActiveOn(withSite(off, 'news.example', true), 'news.example')).toBe(true);
  });
  it('is off everywhere when disabled', () => {
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'news.example')).toBe(false);
  });
});
