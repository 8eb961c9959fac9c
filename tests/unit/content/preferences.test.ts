import { describe, expect, it, vi } from 'vitest';
import { bareCard, type EntityCard } from '../../../src/kb/card';
import type { Mention } from '../../../src/kb/spot';
import { clickOpensCard, hoverOpensCard, mentionFilter } from '../../../src/content/preferences';
import type { MarkingPreferences } from '../../../src/settings';

// settings.ts imports the polyfill seam, which refuses to load outside an extension.
vi.mock('../../../src/browser', () => ({ default: {} }));
const { DEFAULT_MARKING } = await import('../../../src/settings');

const card = (id: string, kind: EntityCard['kind'], tier?: 'strong' | 'possible'): EntityCard => ({
  ...bareCard(id, kind, id),
  ...(tier ? { match: { tier, reasons: [] } } : {}),
});
const CARDS = new Map([
  ['country:MM', card('country:MM', 'country')],
  ['p:1', card('p:1', 'person', 'strong')],
  ['p:2', card('p:2', 'person', 'possible')],
  ['v:1', card('v:1', 'vessel', 'possible')],
]);
const m = (entity: string, block: number): Mention => ({ entity, block, start: 0, end: 1 });
const MENTIONS = [m('country:MM', 0), m('p:1', 0), m('p:2', 1), m('country:MM', 2), m('v:1', 2), m('p:1', 3)];
const kept = (marking: Partial<MarkingPreferences>, isMarked: (id: string) => boolean = () => false) =>
  mentionFilter({ ...DEFAULT_MARKING, ...marking }, isMarked)(MENTIONS, CARDS).map((x) => `${x.entity}@${x.block}`);

describe('mentionFilter', () => {
  it('keeps everything under the defaults', () => {
    expect(kept({})).toHaveLength(MENTIONS.length);
  });
  it('keeps the first mention of each entity only, in document order', () => {
    expect(kept({ mentions: 'first' })).toEqual(['country:MM@0', 'p:1@0', 'p:2@1', 'v:1@2']);
  });
  it('skips an entity the page already marks when only first mentions are wanted', () => {
    expect(kept({ mentions: 'first' }, (id) => id === 'country:MM')).toEqual(['p:1@0', 'p:2@1', 'v:1@2']);
  });
  it('drops possible matches when only strong ones are wanted; countries stay', () => {
    expect(kept({ matches: 'strong' })).toEqual(['country:MM@0', 'p:1@0', 'country:MM@2', 'p:1@3']);
  });
  it('drops unticked kinds', () => {
    expect(kept({ kinds: { ...DEFAULT_MARKING.kinds, country: false, vessel: false } })).toEqual(['p:1@0', 'p:2@1', 'p:1@3']);
  });
  it('drops mentions without a card', () => {
    expect(mentionFilter(DEFAULT_MARKING, () => false)([m('unknown', 0)], CARDS)).toEqual([]);
  });
});

describe('card triggers', () => {
  it('opens on hover, on hover with Alt, or on click', () => {
    expect(hoverOpensCard('hover', { altKey: false })).toBe(true);
    expect(hoverOpensCard('modifier', { altKey: false })).toBe(false);
    expect(hoverOpensCard('modifier', { altKey: true })).toBe(true);
    expect(hoverOpensCard('click', { altKey: true })).toBe(false);
    expect(clickOpensCard('click')).toBe(true);
    expect(clickOpensCard('hover')).toBe(false);
  });
});
