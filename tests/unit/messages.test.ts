import { describe, expect, it, vi } from 'vitest';

// messages.ts imports the polyfill seam, which refuses to load outside an extension.
vi.mock('../../src/browser', () => ({ default: {} }));
const { isEnvelope, MAX_BLOCK_CHARS, MAX_BLOCKS, REQUEST_VALIDATORS, TAB_REQUEST_VALIDATORS } = await import('../../src/messages');

describe('request validation', () => {
  it('accepts a well-formed spot request', () => {
    expect(REQUEST_VALIDATORS.spot({ blocks: [{ text: 'Myanmar' }] })).toBe(true);
    expect(REQUEST_VALIDATORS.spot({ blocks: [{ text: 'Myanmar' }], pass: 'k3x9q2m10' })).toBe(true);
  });
  it.each([
    ['no blocks', {}],
    ['blocks not an array', { blocks: 'Myanmar' }],
    ['a block without text', { blocks: [{}] }],
    ['a block with a number', { blocks: [{ text: 7 }] }],
    ['an extra field', { blocks: [], extra: 1 }],
    ['too many blocks', { blocks: Array.from({ length: MAX_BLOCKS + 1 }, () => ({ text: 'a' })) }],
    ['an oversize block', { blocks: [{ text: 'a'.repeat(MAX_BLOCK_CHARS + 1) }] }],
    ['a pass id that is not a string', { blocks: [], pass: 7 }],
    ['a pass id with other characters', { blocks: [], pass: 'tab2:0:x' }],
    ['an overlong pass id', { blocks: [], pass: 'a'.repeat(33) }],
    ['null', null],
  ])('refuses %s', (_label, request) => expect(REQUEST_VALIDATORS.spot(request)).toBe(false));

  it('tells our envelopes from foreign messages', () => {
    expect(isEnvelope({ app: 'backstory', name: 'spot', request: null })).toBe(true);
    expect(isEnvelope({ app: 'other', name: 'spot' })).toBe(false);
    expect(isEnvelope('spot')).toBe(false);
  });
});

describe('lookup and revealEntity validators', () => {
  it('accept one non-empty, length-limited string field and nothing else', () => {
    expect(REQUEST_VALIDATORS.lookup({ name: 'Min Aung Hliang' })).toBe(true);
    expect(REQUEST_VALIDATORS.lookup({ name: '' })).toBe(false);
    expect(REQUEST_VALIDATORS.lookup({ name: 'x'.repeat(201) })).toBe(false);
    expect(REQUEST_VALIDATORS.lookup({ name: 'x', limit: 1000 })).toBe(false);
    expect(REQUEST_VALIDATORS.lookup({ name: 7 })).toBe(false);
    expect(REQUEST_VALIDATORS.lookup(null)).toBe(false);
    expect(TAB_REQUEST_VALIDATORS.revealEntity({ id: 'country:MM' })).toBe(true);
    expect(TAB_REQUEST_VALIDATORS.revealEntity({ id: ['country:MM'] })).toBe(false);
  });
});

describe('countryCard validator', () => {
  it('accepts an id and the country ids on the page, and nothing else', () => {
    expect(REQUEST_VALIDATORS.countryCard({ id: 'country:MM', onPage: ['country:MM', 'country:RU'] })).toBe(true);
    expect(REQUEST_VALIDATORS.countryCard({ id: 'country:MM', onPage: [] })).toBe(true);
    expect(REQUEST_VALIDATORS.countryCard({ id: 'country:MM' })).toBe(false);
    expect(REQUEST_VALIDATORS.countryCard({ id: 'country:MM', onPage: [7] })).toBe(false);
    expect(REQUEST_VALIDATORS.countryCard({ id: 'x'.repeat(1000), onPage: [] })).toBe(false);
    expect(REQUEST_VALIDATORS.countryCard({ id: 'country:MM', onPage: Array.from({ length: 5000 }, () => 'country:RU') })).toBe(false);
    expect(REQUEST_VALIDATORS.countryCard({ id: 'country:MM', onPage: [], extra: 1 })).toBe(false);
  });
});

describe('match reasons in a spot request', () => {
  const spot = (reasons: unknown[]): boolean => REQUEST_VALIDATORS.spot({ blocks: [{ text: 'x' }], seen: { 'ofac-sdn:1': { tier: 'strong', reasons } } });
  it('accepts known reason kinds with short fields, and refuses others', () => {
    expect(spot([{ kind: 'countryNear', country: 'MM' }, { kind: 'alsoListedBy', authorities: ['UN'] }, { kind: 'namesakes', others: 2 }])).toBe(true);
    expect(spot(['a sentence'])).toBe(false);
    expect(spot([{ kind: 'made-up' }])).toBe(false);
    expect(spot([{ kind: 'shortForm', name: 'x'.repeat(5000) }])).toBe(false);
    expect(spot([{ kind: 'namesakes', others: -1 }])).toBe(false);
    expect(spot([{ kind: 'countryNear', country: { nested: true } }])).toBe(false);
  });
});
