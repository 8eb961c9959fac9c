/**
 * Page-side container for the entity card: one <backstory-card> element with a closed shadow root
 * (open in test builds, so browser tests can look inside), styles applied inside the root, and key
 * events kept from reaching the page's own shortcuts.
 *
 * Accessibility across the shadow boundary: ARIA id references (aria-describedby, aria-controls)
 * cannot point from a mark in the page into the card's shadow root, so the mark cannot name the
 * card. Instead (1) the card is a non-modal role="dialog" labelled by its own title, which lives in
 * the same shadow root as the dialog, so aria-labelledby resolves; (2) a polite live region, also
 * inside the root and always rendered (only the dialog is hidden), announces a one-line summary
 * when the card opens from the keyboard, with how to enter it (Tab) and leave it (Escape); (3) the
 * dialog takes focus when the reader tabs into it, and Escape gives focus back to the mark.
 */
import { render } from 'preact';
import type { EntityCard as EntityCardData } from '../kb/card';
import { cardSummary } from '../ui/card-summary';
import { CARD_CSS } from '../ui/card-styles';
import { EntityCard } from '../ui/EntityCard';
import { keepNextTo } from './card-position';
import { pageThemeAt } from './page-theme';

declare const __TEST__: boolean;

const SHADOW_MODE: ShadowRootMode = __TEST__ ? 'open' : 'closed';
const TITLE_ID = 'backstory-card-title';

// Sizes in px (rem would follow the page's root font size). The host stays displayed with no size
// of its own so the live region inside it is always in the accessibility tree.
const HOST_CSS = `
:host { all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; display: block; }
.frame { box-sizing: border-box; width: 360px; max-width: calc(100vw - 16px); max-height: min(70vh, 560px); overflow: auto;
  padding: 12px 14px; border-radius: 8px; background: var(--bs-bg); border: 1px solid var(--bs-border);
  box-shadow: 0 6px 24px rgba(0,0,0,.22); }
.frame[hidden] { display: none; }
.frame:focus { outline: 2px solid var(--bs-link); outline-offset: -2px; }
.frame:focus:not(:focus-visible) { outline: none; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-reduced-motion: no-preference) {
  .frame:not([hidden]) { animation: backstory-card-in 120ms ease-out; }
  @keyframes backstory-card-in { from { opacity: 0; transform: translateY(-2px); } to { opacity: 1; transform: none; } }
}
`;

/** What else the card can show or do for one opening. */
export interface ShowOptions {
  /** Where the pointer was, so a mark that wraps lines anchors to the hovered line. */
  pointer?: { x: number; y: number } | undefined;
  /** Announce the card's summary to screen readers (when it opens from the keyboard). */
  announce?: boolean;
  /** The reader says the page does not mean this listed person or organisation. */
  onNotThisPerson?: (() => void) | undefined;
}

/** The page's one card: shows a card next to a mark, hides it, and goes away with `destroy`. */
export interface CardHost {
  /** The <backstory-card> element (events from inside the shadow root are retargeted to it). */
  readonly element: HTMLElement;
  show(card: EntityCardData, mark: Element, options?: ShowOptions): void;
  hide(): void;
  isShowing(): boolean;
  /** Moves focus into the open card (its dialog), so Tab continues through its links and buttons. */
  focusCard(): void;
  destroy(): void;
}

/** Creates the card's host element at the end of the document; nothing shows until `show`. */
export function createCardHost(doc: Document): CardHost {
  const host = doc.createElement('backstory-card');
  const root = host.attachShadow({ mode: SHADOW_MODE });
  applyStyles(root, HOST_CSS + CARD_CSS);
  const frame = doc.createElement('div');
  frame.className = 'frame bs-themed';
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.setAttribute('role', 'dialog');
  frame.setAttribute('aria-modal', 'false');
  frame.setAttribute('aria-labelledby', TITLE_ID);
  const live = doc.createElement('p');
  live.className = 'live';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  root.append(frame, live);
  keepKeysInside(host);
  doc.documentElement.append(host);

  let stopPositioning: (() => void) | null = null;
  const hide = (): void => {
    stopPositioning?.();
    stopPositioning = null;
    frame.hidden = true;
    live.textContent = '';
    render(null, frame);
  };
  return {
    element: host,
    show: (card, mark, options = {}) => {
      stopPositioning?.();
      const theme = pageThemeAt(mark);
      frame.dataset.theme = theme;
      // Layout follows the page's direction (mirrored on right-to-left pages); each text inside
      // follows its own script through dir="auto".
      host.dir = getComputedStyle(mark).direction === 'rtl' ? 'rtl' : 'ltr';
      render(
        <EntityCard
          card={card}
          titleId={TITLE_ID}
          theme={theme}
          {...(options.onNotThisPerson ? { onNotThisPerson: options.onNotThisPerson } : {})}
        />,
        frame,
      );
      frame.hidden = false;
      host.style.zoom = String(1 / pageZoom(doc));
      live.textContent = options.announce ? cardSummary(card) : '';
      stopPositioning = keepNextTo(mark, host, options.pointer);
    },
    hide,
    isShowing: () => !frame.hidden,
    focusCard: () => frame.focus(),
    destroy: () => {
      hide();
      host.remove();
    },
  };
}

/**
 * The CSS zoom the page sets on <html> (some sites' "large text" modes do), which the host, a child
 * of <html>, inherits: its left/top would be multiplied by it and the card would land away from
 * the mark. The host undoes it (zoom multiplies down the tree), so Floating UI's viewport
 * coordinates apply as they are. Browser zoom is not CSS zoom and needs nothing: px follow it.
 */
function pageZoom(doc: Document): number {
  const zoom = Number.parseFloat(getComputedStyle(doc.documentElement).getPropertyValue('zoom'));
  return Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
}

/**
 * Constructed stylesheets are not subject to the page's style-src CSP; where they are not
 * available to content scripts (Firefox's Xray wrappers refuse adoptedStyleSheets from a content
 * script), fall back to a <style> element inside the shadow root.
 */
function applyStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // fall through to the <style> element
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
}

/** Key presses inside the card stay there: page shortcuts must not fire while it has focus. */
function keepKeysInside(host: HTMLElement): void {
  for (const type of ['keydown', 'keyup', 'keypress']) {
    host.addEventListener(type, (event) => {
      if ((event as KeyboardEvent).key !== 'Escape') event.stopPropagation();
    });
  }
}
