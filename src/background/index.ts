/**
 * Background entry (Chrome service worker, Firefox event page).
 *
 *   listeners registered synchronously at start (so a wake-up event is never missed)
 *   router ──► handlers ──► kb-store (IndexedDB: compiled lists; world-countries: countries)
 */
import { currentKb, reloadKb, status } from './kb-store';
import { listen } from './router';

listen({
  spot: async ({ blocks }) => (await currentKb()).spot(blocks),
  getStatus: () => status(),
  reloadKb: () => reloadKb(),
});
