/**
 * The batches of one annotation pass, answered in order. A page sends its text in batches without
 * waiting for each answer (src/content/annotator.ts keeps a few in flight), so reading, matching
 * and marking overlap. Each batch must still see what the batches before it found: a surname in
 * batch 3 links to the person named in full in batch 1. The background therefore runs a pass's
 * batches one after another and carries the pass's `seen` from each to the next itself, though
 * the page sent batch 3 before it heard back about batch 1.
 *
 * The state is a cache, not a record: a service worker that restarts mid-pass has lost it, and the
 * page's own `seen` (from the last answer it had) stands in; a full name then links a little later.
 */
import type { MatchInfo } from '../kb/card';

type Seen = Record<string, MatchInfo>;

/** Passes remembered at once: far more than the tabs a reader loads at the same moment. */
const MAX_PASSES = 64;

interface PassState {
  /** Settles when the pass's last queued batch is done. */
  tail: Promise<unknown>;
  /** What the pass's batches have found so far. */
  seen: Seen;
}

export interface PagePasses {
  /**
   * Runs `work` for a batch of the pass `key` once the pass's earlier batches are done, with the
   * pass's `seen` so far merged with `sent` (the page's copy), and remembers the `seen` it returns.
   */
  run<T extends { seen?: Seen }>(key: string, sent: Seen | undefined, work: (seen: Seen) => Promise<T>): Promise<T>;
}

export function createPagePasses(maxPasses = MAX_PASSES): PagePasses {
  const passes = new Map<string, PassState>();
  return {
    run(key, sent, work) {
      let state = passes.get(key);
      if (state) {
        passes.delete(key); // re-inserted below: the map's order is least recently used first
      } else {
        state = { tail: Promise.resolve(), seen: {} };
        if (passes.size >= maxPasses) passes.delete(passes.keys().next().value!);
      }
      passes.set(key, state);
      const pass = state;
      const result = pass.tail.then(async () => {
        const answer = await work({ ...sent, ...pass.seen });
        if (answer.seen) pass.seen = answer.seen;
        return answer;
      });
      // A failed batch does not stop the pass: the next one runs with what is known.
      pass.tail = result.catch(() => undefined);
      return result;
    },
  };
}
