/**
 * The cards of listed entities, kept in memory between spot requests. A warm background would
 * otherwise open an IndexedDB transaction for every request, although pages keep naming the same
 * few hundred entities. One cache belongs to one knowledge-base generation (kb-store.ts makes a
 * new one with every load), so cards of a replaced list are never served. Bounded by count, least
 * recently used out first: a card is a kilobyte or two, so the default costs a few megabytes.
 */
import type { EntityCard } from '../kb/card';

/** Reads cards by id; ids without a card are left out (src/kb/knowledge-base.ts CardLookup). */
export type ReadCards = (ids: readonly string[]) => Promise<Map<string, EntityCard>>;

/** Cards kept by default. */
export const CARD_CACHE_ENTRIES = 2_000;

/**
 * Wraps `read` so that cards (and ids found to have none) are remembered, up to `limit` ids, and
 * only the ids not remembered are read, in one call. Callers must not change the cards they get:
 * the same objects are handed out again.
 */
export function cachedCards(read: ReadCards, limit = CARD_CACHE_ENTRIES): ReadCards {
  // Map order is insertion order: re-inserting an id on use keeps the least recently used first.
  const cache = new Map<string, EntityCard | null>();
  const remember = (id: string, card: EntityCard | null): void => {
    cache.delete(id);
    cache.set(id, card);
    while (cache.size > limit) cache.delete(cache.keys().next().value!);
  };
  return async (ids) => {
    const found = new Map<string, EntityCard>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const card = cache.get(id);
      if (card === undefined) {
        missing.push(id);
        continue;
      }
      remember(id, card);
      if (card) found.set(id, card);
    }
    if (missing.length > 0) {
      const fresh = await read(missing);
      for (const id of missing) {
        const card = fresh.get(id) ?? null;
        remember(id, card);
        if (card) found.set(id, card);
      }
    }
    return found;
  };
}
