/**
 * Background entry (Chrome service worker, Firefox event page).
 *
 *   listeners registered synchronously at start (so a wake-up event is never missed)
 *   router ──► handlers ──► kb-store (IndexedDB: compiled lists; world-countries: countries)
 */
import { currentKb, reloadKb, status } from './kb-store';
import { listen } from './router';
import { listenForCommands, toggleAnnotations } from './commands';
import { listenForMenu, lookUpSelection } from './context-menu';
import { registerUpdates, runUpdates, setSource, sourcesView } from './updates';
import { createPagePasses } from './page-passes';
import type { MatchInfo } from '../kb/card';

declare const __TEST__: boolean;

/** Cards the popup's search shows at most. */
const LOOKUP_RESULTS = 8;

const passes = createPagePasses();

listen({
  spot: async ({ blocks, seen, unknownNames, pass }, sender) => {
    const kb = await currentKb();
    const spot = (known?: Record<string, MatchInfo>) => kb.spot(blocks, { ...(known ? { seen: known } : {}), ...(unknownNames ? { unknownNames } : {}) });
    // A pass is the page's own: keyed by tab and frame too, so no page can reach another's.
    return pass ? passes.run(`${sender.tab?.id ?? 'none'}:${sender.frameId ?? 0}:${pass}`, seen, spot) : spot(seen);
  },
  countryCard: async ({ id, onPage }) => (await currentKb()).countryCard(id, onPage) ?? null,
  getStatus: () => status(),
  reloadKb: () => reloadKb(),
  lookup: async ({ name }) => (await currentKb()).lookup(name, LOOKUP_RESULTS),
  getSources: () => sourcesView(),
  setSource: ({ id, enabled, mirror }) => setSource(id, enabled, mirror),
  refreshNow: ({ id }) => {
    void runUpdates(id, true);
    return { started: true };
  },
});
registerUpdates();
listenForCommands();
listenForMenu();

// Test builds only: native menus and shortcuts cannot be clicked from a headless test, so the
// tests call the same handlers the listeners call.
if (__TEST__) Object.assign(globalThis, { backstoryTest: { toggleAnnotations, lookUpSelection } });
