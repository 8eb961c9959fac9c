import { describe, expect, it } from 'vitest';
import { cachedCards, type ReadCards } from '../../../src/background/card-cache';
import type { EntityCard } from '../../../src/kb/card';

/** The background's memory of listed entities' cards (src/background/card-cache.ts). */

const card = (id: string): EntityCard => ({ id, name: id.toUpperCase(), kind: 'person' }) as unknown as EntityCard;

/** A store holding cards for `ids`, recording every read. */
function store(ids: readonly string[]): { read: ReadCards; reads: string[][] } {
  const reads: string[][] = [];
  const cards = new Map(ids.map((id) => [id, card(id)]));
  return {
    reads,
    read: async (wanted) => {
      reads.push([...wanted]);
      return new Map(wanted.filter((id) => cards.has(id)).map((id) => [id, cards.get(id)!]));
    },
  };
}

describe('cachedCards', () => {
  it('reads only the ids it does not hold, in one read, and answers as the store does', async () => {
    const { read, reads } = store(['a', 'b', 'c']);
    const cards = cachedCards(read);
    expect([...(await cards(['a', 'b'])).keys()]).toEqual(['a', 'b']);
    const second = await cards(['b', 'c', 'x', 'c']);
    expect([...second.keys()].sort()).toEqual(['b', 'c']);
    expect(second.get('c')).toEqual(card('c'));
    expect(reads).toEqual([['a', 'b'], ['c', 'x']]);
  });

  it('remembers ids that have no card, so they are not read again', async () => {
    const { read, reads } = store(['a']);
    const cards = cachedCards(read);
    await cards(['x']);
    expect((await cards(['x', 'a'])).size).toBe(1);
    expect(reads).toEqual([['x'], ['a']]);
  });

  it('holds at most `limit` ids, dropping the least recently used first', async () => {
    const { read, reads } = store(['a', 'b', 'c', 'd']);
    const cards = cachedCards(read, 3);
    await cards(['a', 'b', 'c']);
    await cards(['a']); // a is now the most recently used
    await cards(['d']); // b goes
    reads.length = 0;
    await cards(['a', 'c', 'd']);
    expect(reads).toEqual([]);
    await cards(['b']);
    expect(reads).toEqual([['b']]);
  });

  it('keeps nothing with a limit of 0', async () => {
    const { read, reads } = store(['a']);
    const cards = cachedCards(read, 0);
    await cards(['a']);
    await cards(['a']);
    expect(reads).toEqual([['a'], ['a']]);
  });

  it('keeps nothing from a failed read', async () => {
    let fail = true;
    const { read, reads } = store(['a']);
    const cards = cachedCards(async (ids) => {
      if (fail) throw new Error('IndexedDB closed');
      return read(ids);
    });
    await expect(cards(['a'])).rejects.toThrow('IndexedDB closed');
    fail = false;
    expect((await cards(['a'])).get('a')).toEqual(card('a'));
    expect(reads).toEqual([['a']]);
  });

  it('serves one generation only: a cache made for a new knowledge base reads its own cards', async () => {
    // kb-store.ts makes one cache per load; a card of the old generation must not leak into the new one.
    const old = cachedCards(async (ids) => new Map(ids.map((id) => [id, { ...card(id), name: 'old' }])));
    const fresh = cachedCards(async (ids) => new Map(ids.map((id) => [id, { ...card(id), name: 'new' }])));
    expect((await old(['a'])).get('a')!.name).toBe('old');
    expect((await fresh(['a'])).get('a')!.name).toBe('new');
  });
});
