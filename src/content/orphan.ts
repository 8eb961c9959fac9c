/**
 * Whether this content script has outlived its extension. When the extension is updated, reloaded
 * or removed, Chrome leaves the content scripts of open tabs running, cut off (orphaned):
 * `runtime.id` is gone, every message fails with "Extension context invalidated", and the card's
 * renderer can no longer be loaded. No event says so, and polling would cost every open tab
 * forever, so the content script asks here at the moments it would next need the extension (the
 * reader reaching a mark, a message failing, late content) and then takes itself off the page.
 *
 * Firefox tears a reloaded extension's content scripts down itself; should any of their code still
 * run, what it reads of the extension API is dead and throws, which counts as orphaned too.
 */

/** The part of the extension API the check reads. */
export interface RuntimeIdentity {
  readonly id?: string;
}

/**
 * Whether the extension behind `runtime` is gone. A thunk, so that reading the API object itself
 * (dead in Firefox) happens inside the check too.
 */
export function isOrphaned(runtime: () => RuntimeIdentity | undefined): boolean {
  try {
    return !runtime()?.id;
  } catch {
    return true;
  }
}

/**
 * A check to call wherever the content script is about to need its extension. The first time it
 * finds the script orphaned it calls `onOrphaned`, once; from then on it answers true without
 * looking again (an extension never comes back to an orphan: its new version runs scripts of its own).
 */
export function orphanCheck(runtime: () => RuntimeIdentity | undefined, onOrphaned: () => void): () => boolean {
  let orphaned = false;
  return () => {
    if (orphaned) return true;
    if (!isOrphaned(runtime)) return false;
    orphaned = true;
    onOrphaned();
    return true;
  };
}
