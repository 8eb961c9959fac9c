/**
 * Content script entry.
 *
 *   settings ──► start / stop
 *   start: annotator (text-blocks → background spot → marks, in slices) ──► card-controller ⇄ card-host
 *          page-observer (late content, re-renders, SPA navigation) ──► annotator, in batches
 *   stop:  observer disconnected, marks removed (DOM restored exactly), card host removed, listeners dropped
 *   orphaned (the extension updated or reloaded under the page, see orphan.ts): stop, for good
 *   popup ──listFound──► what this page names
 */
import browser, { type Runtime } from '../browser';
import type { FoundEntity, TabReplyOf } from '../messages';
import { ask, isEnvelope, TAB_REQUEST_VALIDATORS } from '../messages';
import type { EntityCard } from '../kb/card';
import { isActiveOn, readSettings, watchSettings, type MarkingPreferences, type Settings } from '../settings';
import { createAnnotator, type Annotator } from './annotator';
import { controlCard, type CardController } from './card-controller';
import { createCardHost, type CardHost } from './card-host';
import { observePage, type PageObserver } from './page-observer';
import { dropDismissed, loadDismissals, onDismissed } from './dismissals';
import { mentionFilter, type MentionFilter } from './preferences';
import { revealEntity } from './reveal';
import { MARK_TAG } from './marks';
import { pageSettled } from './page-settled';
import { orphanCheck } from './orphan';
import { removeLeftovers } from './leftovers';

declare const __BROWSER__: 'chrome' | 'firefox';

interface Running {
  annotator: Annotator;
  observer: PageObserver;
  host: CardHost;
  controller: CardController;
}

let running: Running | null = null;

/** When the page has loaded and painted (page-settled.ts); asked for on the first start only. */
let pageReady: Promise<void> | null = null;

/** The marking preferences the running annotator applies; a change restarts it. */
let marking: MarkingPreferences | null = null;

/** Open shadow roots already rid of an earlier instance's marks (Firefox); from then on, marks in them are ours. */
const cleanedRoots = new WeakSet<ShadowRoot>();

/**
 * Whether the extension is gone under this page (orphan.ts); the first time it finds so, it stops
 * and nothing starts again. Asked where the extension would next be needed, never on a timer.
 */
const orphaned = orphanCheck(() => browser.runtime, stop);

function start(): void {
  if (orphaned()) return;
  const settled = (pageReady ??= pageSettled(window));
  const observer = observePage(document, {
    onRoots: async (roots) => {
      if (orphaned()) return;
      try {
        for (const root of roots) await annotator.annotate(root);
      } catch (error) {
        if (!orphaned()) throw error; // orphaned mid-pass: already stopped, nothing to report
      }
    },
    onDropped: () => {
      if (!orphaned()) annotator.prune();
    },
  });
  const isMarked = (id: string): boolean => document.querySelector(`${MARK_TAG}[data-entity="${CSS.escape(id)}"]`) !== null;
  const byPreferences = marking ? mentionFilter(marking, isMarked) : undefined;
  // "Not this person": a match the reader dismissed on this site is never marked here again.
  const keep: MentionFilter = (mentions, cards) => dropDismissed(byPreferences ? byPreferences(mentions, cards) : mentions);
  const onShadowRoot = (root: ShadowRoot): void => {
    if (__BROWSER__ === 'firefox' && !cleanedRoots.has(root)) {
      // Reached for the first time, before it is read: nothing in it is ours yet (see leftovers.ts).
      cleanedRoots.add(root);
      observer.quietly(() => removeLeftovers(root));
    }
    observer.observeRoot(root);
  };
  const annotator = createAnnotator({ quietly: observer.quietly, onShadowRoot, keep, unknownNames: marking?.unknownNames ?? false });
  let host: CardHost | undefined;
  observer.quietly(() => {
    host = createCardHost(document);
  });
  const controller = controlCard(document, host!, wholeCards(annotator), { extensionPresent: () => !orphaned(), ...(marking ? { trigger: marking.trigger } : {}) });
  running = { annotator, observer, host: host!, controller };
  // stop() may come while the first pass is in flight: the annotator then ends it and removes its marks.
  // The page's first pass waits for the page to finish loading and rendering: it then takes none
  // of the page's own first-render time. A restart (new preferences, a dismissed match) does not
  // wait again: the page has long rendered, and its marks should come back at once.
  Promise.all([loadDismissals(), settled])
    .then(() => annotator.annotate(document.body ?? document.documentElement))
    .catch((error: unknown) => {
      if (orphaned()) return; // the extension went away mid-pass: already stopped, nothing to report
      console.warn('Backstory: could not annotate this page', error);
    });
}

/**
 * The card to show for an entity: as the spot reply gave it, or, for a country the reply carried
 * without its figures, the whole card from the background (with the arms flows between it and the
 * other countries marked on the page), fetched once per page.
 */
function wholeCards(annotator: Annotator): (id: string) => EntityCard | Promise<EntityCard | undefined> | undefined {
  const fetched = new Map<string, Promise<EntityCard | undefined>>();
  return (id) => {
    const card = annotator.cards.get(id);
    if (!card?.partial) return card;
    let whole = fetched.get(id);
    if (!whole) {
      const onPage = [...annotator.cards.keys()].filter((other) => other.startsWith('country:'));
      whole = ask('countryCard', { id, onPage })
        .then((reply) => reply ?? card)
        .catch(() => {
          if (orphaned()) return undefined; // the extension is gone: the page is being restored, no card
          fetched.delete(id); // the background was busy or gone: ask again next time
          return card;
        });
      fetched.set(id, whole);
    }
    return whole;
  };
}

function stop(): void {
  if (!running) return;
  running.observer.disconnect();
  running.controller.destroy();
  running.host.destroy();
  running.annotator.remove();
  running = null;
}

function apply(settings: Settings): void {
  const active = isActiveOn(settings, location.hostname);
  if (running && JSON.stringify(settings.marking) !== JSON.stringify(marking)) stop(); // re-mark with the new preferences
  marking = settings.marking;
  if (active && !running) start();
  if (!active) stop();
}

function foundEntities(): FoundEntity[] {
  if (!running) return [];
  const { cards } = running.annotator;
  return [...running.annotator.counts()]
    .map(([id, { mentions, marked }]) => {
      const card = cards.get(id);
      return { id, count: mentions, marked: marked > 0, name: card?.name ?? id, kind: card?.kind ?? 'country' };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

// Answers with sendResponse (and `return true`), not a returned promise: the content script uses
// the browsers' own API (extension-api.ts), and Chrome does not take a promise as the answer.
// Not async: it answers only messages it owns, and leaves every other message unanswered.
browser.runtime.onMessage.addListener(((message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
  if (sender.id !== browser.runtime.id || !isEnvelope(message)) return false;
  if (message.name === 'listFound' && TAB_REQUEST_VALIDATORS.listFound(message.request)) {
    const unknown = running && marking?.unknownNames ? { unknown: running.annotator.unknownNames() } : {};
    sendResponse({ host: location.hostname, entities: foundEntities(), ...unknown } satisfies TabReplyOf<'listFound'>);
    return true;
  }
  if (message.name === 'revealEntity' && TAB_REQUEST_VALIDATORS.revealEntity(message.request)) {
    sendResponse(revealEntity(document, message.request.id) satisfies TabReplyOf<'revealEntity'>);
    return true;
  }
  return false;
}) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

// What an earlier instance left (Firefox keeps a reloaded extension's marks and card host in the
// page, see leftovers.ts) goes before the first pass; nothing of ours runs in this world yet.
// Chrome runs no new instance in a page an old one is in: the old one cleans up (orphan.ts).
if (__BROWSER__ === 'firefox') removeLeftovers(document);
watchSettings(apply);
void readSettings().then(apply);
// A match dismissed from the card ("Not this person") leaves the page at once: mark again without it.
onDismissed((host) => {
  if (host !== location.hostname || !running) return;
  stop();
  start();
});
