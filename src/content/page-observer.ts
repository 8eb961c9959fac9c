/**
 * Watches a page for text that arrives after the first pass — infinite scroll, live blogs,
 * single-page-app navigation (History API), components re-rendering and dropping marks — and
 * hands the new parts to the annotator in debounced batches.
 *
 *   MutationObserver (document + open shadow roots) ──records──► pending roots
 *   pending ──debounce──► drop ours, skipped, detached, nested, over-capped ──► onRoots(roots)
 *
 * Loops are cut two ways: our own DOM changes run through `quietly`, whose records are thrown
 * away; and an element is re-annotated at most MAX_PASSES_PER_ELEMENT times, nor one where the
 * page has thrown our marks away that often (a component that re-renders whenever it sees our
 * marks, even with fresh elements each time), so such a page stops being answered after a few
 * rounds. A global rate limit backs both.
 */
import { MARK_TAG } from './marks';
import { isInSkipped } from './text-blocks';

/** Quiet time before a batch of changes is annotated: live pages change in bursts. */
export const DEBOUNCE_MS = 250;
/** Longest a batch waits while a page keeps changing without pause. */
export const MAX_WAIT_MS = 1_000;
/** Passes over one element before its changes are ignored (a page fighting our marks). */
export const MAX_PASSES_PER_ELEMENT = 3;
/** At most this many batches per RATE_WINDOW_MS; more wait for the window to move on. */
export const MAX_BATCHES_PER_WINDOW = 20;
export const RATE_WINDOW_MS = 10_000;

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export interface PageObserver {
  /** Runs a DOM change of ours without it being taken for new page content. */
  quietly(change: () => void): void;
  /** Also watches an open shadow root of a page component. */
  observeRoot(root: ShadowRoot): void;
  /** Stops watching and drops pending work. */
  disconnect(): void;
}

export interface PageObserverHandlers {
  /** Annotates new content; the next batch waits until the returned promise settles. */
  onRoots(roots: Node[]): Promise<void>;
  /** Marks left the document (or the address changed): recount what the page names. */
  onDropped(): void;
}

/** Starts watching `doc`. */
export function observePage(doc: Document, handlers: PageObserverHandlers): PageObserver {
  const pending = new Set<Node>();
  const passes = new WeakMap<Node, number>();
  /** Per parent: how many times the page removed nodes holding our marks from it. */
  const drops = new WeakMap<Node, number>();
  const batchTimes: number[] = [];
  let dropped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt = 0;
  let running = false;
  let stopped = false;
  let href = doc.location?.href ?? '';

  const schedule = (): void => {
    if (stopped || running) return;
    const now = performance.now();
    if (firstPendingAt === 0) firstPendingAt = now;
    while (batchTimes.length > 0 && now - batchTimes[0]! > RATE_WINDOW_MS) batchTimes.shift();
    const rateWait = batchTimes.length >= MAX_BATCHES_PER_WINDOW ? RATE_WINDOW_MS - (now - batchTimes[0]!) : 0;
    const wait = Math.max(rateWait, Math.min(DEBOUNCE_MS, MAX_WAIT_MS - (now - firstPendingAt)));
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), Math.max(0, wait));
  };

  const take = (records: MutationRecord[]): void => {
    for (const record of records) {
      if (record.type === 'characterData') {
        add(record.target);
        continue;
      }
      for (const node of record.addedNodes) add(node);
      for (const node of record.removedNodes) {
        if (!containsMark(node)) continue;
        dropped = true;
        drops.set(record.target, (drops.get(record.target) ?? 0) + 1);
        break;
      }
    }
    if (pending.size > 0 || dropped) schedule();
  };

  const add = (node: Node): void => {
    if (node.nodeType !== Node.TEXT_NODE && node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).localName.startsWith('backstory-')) return;
    // A batch of siblings added one by one (a list growing) is one root: their parent.
    if (node.parentNode && pending.has(node.parentNode)) return;
    pending.add(node);
  };

  const observer = new MutationObserver(take);
  /** The document and every open shadow root being watched, to watch again after our own changes. */
  const watched = new Set<Node>([doc.documentElement]);

  const flush = async (): Promise<void> => {
    timer = undefined;
    firstPendingAt = 0;
    if (stopped) return;
    if (dropped || doc.location?.href !== href) {
      dropped = false;
      href = doc.location?.href ?? '';
      handlers.onDropped();
    }
    const roots = chooseRoots(pending, passes, drops);
    pending.clear();
    if (roots.length === 0) return;
    batchTimes.push(performance.now());
    running = true;
    try {
      await handlers.onRoots(roots);
    } catch (error) {
      // The background went away or refused: a page must never see our failure as its own.
      console.warn('Backstory: could not annotate new content', error);
    } finally {
      running = false;
    }
    if (pending.size > 0 || dropped) schedule();
  };

  const onPopState = (): void => schedule();
  observer.observe(doc.documentElement, OPTIONS);
  doc.defaultView?.addEventListener('popstate', onPopState);

  return {
    // Not observing while we change the page costs less than observing and throwing the records
    // away: a mark placed makes several records (split, insert, move), and on a long page that
    // was a fifth of the marking time. JavaScript runs to completion, so no page change is missed.
    quietly: (change) => {
      if (stopped) {
        change();
        return;
      }
      take(observer.takeRecords());
      observer.disconnect();
      try {
        change();
      } finally {
        for (const root of watched) if (root.isConnected) observer.observe(root, OPTIONS);
      }
    },
    observeRoot: (root) => {
      if (stopped || watched.has(root)) return;
      watched.add(root);
      observer.observe(root, OPTIONS);
    },
    disconnect: () => {
      stopped = true;
      clearTimeout(timer);
      observer.disconnect();
      doc.defaultView?.removeEventListener('popstate', onPopState);
      pending.clear();
      watched.clear();
    },
  };
}

/**
 * The pending nodes worth a pass: still in the document, not in skipped content, not inside
 * another chosen root, and under their element's pass cap. Counts the pass against the element.
 */
function chooseRoots(pending: Set<Node>, passes: WeakMap<Node, number>, drops: WeakMap<Node, number>): Node[] {
  const roots: Node[] = [];
  for (const node of pending) {
    if (!node.isConnected || isInSkipped(node)) continue;
    if (hasPendingAncestor(node, pending)) continue;
    const owner = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
    if (!owner) continue;
    const count = passes.get(owner) ?? 0;
    if (count >= MAX_PASSES_PER_ELEMENT) continue;
    const fights = Math.max(drops.get(owner) ?? 0, owner.parentNode ? (drops.get(owner.parentNode) ?? 0) : 0);
    if (fights >= MAX_PASSES_PER_ELEMENT) continue;
    passes.set(owner, count + 1);
    roots.push(node);
  }
  return roots;
}

function hasPendingAncestor(node: Node, pending: Set<Node>): boolean {
  for (let at = node.parentNode; at; at = at.parentNode) if (pending.has(at)) return true;
  return false;
}

function containsMark(node: Node): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const element = node as Element;
  return element.localName === MARK_TAG || element.getElementsByTagName(MARK_TAG).length > 0;
}
