import { describe, expect, it, vi } from 'vitest';

// settings.ts imports the polyfill seam, which refuses to load outside an extension.
vi.mock('../../src/browser', () => ({ default: {} }));
const { DEFAULT_MARKING, DEFAULT_SETTINGS, isActiveOn, normaliseSite, parseMarking, parseSettings, withSite } = await import('../../src/settings');

describe('parseSettings', () => {
  it('falls back to defaults field by field', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ enabled: 'yes', disabledSites: ['a.example', 7, 'a.example'] })).toEqual({ enabled: true, disabledSites: ['a.example'], marking: DEFAULT_MARKING });
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

describe('parseMarking', () => {
  it('keeps every valid field and repairs the others one by one', () => {
    expect(parseMarking({ kinds: { country: false, person: 'no', dragon: true }, matches: 'strong', mentions: 'sometimes', trigger: 'click', unknownNames: 'yes' })).toEqual({
      kinds: { ...DEFAULT_MARKING.kinds, country: false },
      matches: 'strong',
      mentions: 'every',
      trigger: 'click',
      unknownNames: false,
    });
    expect(parseMarking({ unknownNames: true }).unknownNames).toBe(true);
    expect(DEFAULT_MARKING.unknownNames).toBe(false); // off by default
  });
  it('falls back to the defaults for anything that is not an object', () => {
    for (const raw of [undefined, null, 'first', 42, []]) expect(parseMarking(raw)).toEqual(DEFAULT_MARKING);
    expect(parseSettings({ marking: { mentions: 'first' } }).marking).toEqual({ ...DEFAULT_MARKING, mentions: 'first' });
  });
  it('accepts each trigger and refuses others', () => {
    for (const trigger of ['hover', 'click', 'modifier']) expect(parseMarking({ trigger }).trigger).toBe(trigger);
    expect(parseMarking({ trigger: 'shake' }).trigger).toBe('hover');
  });
});

describe('normaliseSite', () => {
  it('reads a host name from what a person types or pastes', () => {
    expect(normaliseSite(' News.Example ')).toBe('news.example');
    expect(normaliseSite('https://www.news.example/world/article?x=1')).toBe('www.news.example');
    expect(normaliseSite('http://127.0.0.1:8080/page')).toBe('127.0.0.1');
  });
  it('refuses what is not a host name', () => {
    for (const input of ['', '   ', 'not a site', 'http://', 'a b.example']) expect(normaliseSite(input), input).toBeNull();
  });
});
