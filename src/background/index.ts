/**
 * Background entry (Chrome service worker, Firefox event page).
 *
 *   listeners registered synchronously at start (so a wake-up event is never missed)
 *   router ──► handlers ──► knowledge base (countries from the country-data package)
 */
import { createCountryKnowledgeBase, type KnowledgeBase } from '../kb/knowledge-base';
import { listen } from './router';

let knowledgeBase: KnowledgeBase | null = null;

/** Built on first use: a worker woken for something else does not pay for it. */
function kb(): KnowledgeBase {
  knowledgeBase ??= createCountryKnowledgeBase();
  return knowledgeBase;
}

listen({
  spot: ({ blocks }) => kb().spot(blocks),
});
