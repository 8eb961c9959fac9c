/**
 * "Not this person": the reader says a mark names someone else. The entity is then never marked
 * on this site again (stored locally, src/settings.ts `Dismissals`), and the page's marks of it go.
 *
 *   card "not this person" ──► dismissEntity(host, id) ──► storage ──► listeners (re-annotate)
 *   annotator ──► withoutDismissed(mentions) ──► marks
 */
import type { Mention } from '../kb/spot';
import browser from '../browser';
import { parseDismissals, readDismissals, withDismissal, writeDismissals, type Dismissals } from '../settings';

let cache: Promise<Dismissals> | null = null;
/** The last dismissals read, for synchronous filtering (primed by `loadDismissals`). */
let snapshot: Dismissals = {};
const listeners = new Set<(host: string, entity: string) => void>();

function current(): Promise<Dismissals> {
  cache ??= readDismissals()
    .catch((): Dismissals => ({}))
    .then((d) => (snapshot = d));
  return cache;
}

// Another tab of the same site may dismiss too: keep the cache in step with storage.
browser.storage.onChanged.addListener((changes: Record<string, { newValue?: unknown }>, area: string) => {
  if (area === 'local' && 'dismissed' in changes) {
    snapshot = parseDismissals(changes.dismissed?.newValue);
    cache = Promise.resolve(snapshot);
  }
});

/**
 * Records that `entityId` is not who the reader's page on `host` means, and tells listeners so
 * they can take that entity's marks off (the annotator then leaves it out on every later pass).
 * The card's `onNotThisPerson` calls this with `location.hostname` and the card's entity id.
 */
export async function dismissEntity(host: string, entityId: string): Promise<void> {
  const next = withDismissal(await current(), host, entityId);
  snapshot = next;
  cache = Promise.resolve(next);
  await writeDismissals(next);
  for (const listener of listeners) listener(host, entityId);
}

/** Calls `listener` after each dismissal made in this page; returns the unsubscribe. */
export function onDismissed(listener: (host: string, entity: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The mentions of `mentions` whose entity was not dismissed on `host`. */
export async function withoutDismissed(mentions: readonly Mention[], host: string = location.hostname): Promise<Mention[]> {
  const dismissed = new Set((await current())[host] ?? []);
  return dismissed.size === 0 ? [...mentions] : mentions.filter((m) => !dismissed.has(m.entity));
}

/** Reads the stored dismissals; await it before the first pass so `dropDismissed` is current. */
export function loadDismissals(): Promise<Dismissals> {
  return current();
}

/**
 * Synchronous form of `withoutDismissed` over the last dismissals read, for the annotator's
 * mention filter (`keep`): compose it there, `(m, cards) => dropDismissed(keep(m, cards))`.
 */
export function dropDismissed(mentions: readonly Mention[], host: string = location.hostname): Mention[] {
  const ids = snapshot[host];
  if (!ids || ids.length === 0) return [...mentions];
  const dismissed = new Set(ids);
  return mentions.filter((m) => !dismissed.has(m.entity));
}
