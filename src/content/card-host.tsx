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
 *
 * Lazy rendering: the host, its closed root, the dialog and the live region are made here, in the
 * content script, when the page is annotated; what fills them (Preact, the card components and
 * styles, Floating UI: card-ui.tsx) is loaded on the first hover of a mark (`prepare`) or the
 * first `show`. A `show` that comes before the load completes is kept and shown then, unless a
 * `hide` or a later `show` came in between.
 */
import type { EntityCard as EntityCardData } from '../kb/card';
import { t } from '../i18n';
import { loadCardUi } from './card-loader';
import type { CardView } from './card-ui';

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
  /** Starts loading the card's renderer (a mark is hovered: a card may be asked for soon). */
  prepare(): void;
  /** Shows `card` next to `mark`; a card still being fetched is shown when it arrives, unless hidden or replaced first. */
  show(card: EntityCardData | Promise<EntityCardData | undefined>, mark: Element, options?: ShowOptions): void;
  hide(): void;
  /** True from `show` until `hide`, also while the renderer is still loading. */
  isShowing(): boolean;
  /** Moves focus into the open card (its dialog), so Tab continues through its links and buttons. */
  focusCard(): void;
  destroy(): void;
}

/** Creates the card's host element at the end of the document; nothing shows until `show`. */
export function createCardHost(doc: Document): CardHost {
  const host = doc.createElement('backstory-card');
  const root = host.attachShadow({ mode: SHADOW_MODE });
  const setStyles = styleSetter(root);
  setStyles(HOST_CSS); // the card's own styles come with the renderer
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

  let view: CardView | null = null;
  /** A `show` waiting for the renderer; replaced by a later `show`, dropped by `hide`. */
  let pending: (() => void) | null = null;
  /** `focusCard` came while the card was still loading: focus it once shown. */
  let focusWhenShown = false;
  let destroyed = false;

  const loadView = (): Promise<CardView> =>
    loadCardUi().then((ui) => {
      if (!view) {
        setStyles(HOST_CSS + ui.CARD_CSS);
        view = ui.createCardView({ host, frame, live, titleId: TITLE_ID, t });
      }
      return view;
    });
  const hide = (): void => {
    pending = null;
    focusWhenShown = false;
    frame.hidden = true;
    live.textContent = '';
    view?.hide();
  };
  return {
    element: host,
    prepare: () => {
      if (!view && !destroyed) loadView().catch(warnNotLoaded);
    },
    show: (card, mark, options = {}) => {
      if (view && !(card instanceof Promise)) {
        pending = null;
        view.show(card, mark, options);
        return;
      }
      let ready: EntityCardData | undefined;
      const request = (): void => {
        if (ready) view?.show(ready, mark, options);
        if (focusWhenShown) frame.focus();
        focusWhenShown = false;
      };
      pending = request;
      Promise.all([loadView(), card])
        .then(([, whole]) => {
          if (pending !== request || destroyed) return;
          pending = null;
          ready = whole;
          request();
        })
        .catch((error: unknown) => {
          if (pending === request) pending = null;
          warnNotLoaded(error);
        });
    },
    hide,
    isShowing: () => !frame.hidden || pending !== null,
    focusCard: () => {
      if (frame.hidden) focusWhenShown = pending !== null;
      else frame.focus();
    },
    destroy: () => {
      hide();
      destroyed = true;
      host.remove();
    },
  };
}

let warned = false;
/**
 * Says once that the renderer could not load (e.g. in Chrome, a page opened before the extension
 * was updated keeps a script that can no longer reach the extension's files).
 */
function warnNotLoaded(error: unknown): void {
  if (!warned) console.warn('Backstory: could not load the card', error);
  warned = true;
}

/**
 * Sets the styles inside the shadow root, replacing the last ones. Constructed stylesheets are
 * not subject to the page's style-src CSP; where they are not available to content scripts
 * (Firefox's Xray wrappers refuse adoptedStyleSheets from a content script), a <style> element
 * inside the shadow root carries them instead.
 */
function styleSetter(root: ShadowRoot): (css: string) => void {
  let style: HTMLStyleElement | null = null;
  return (css) => {
    if (!style) {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [sheet];
        return;
      } catch {
        // fall through to the <style> element
      }
      style = root.ownerDocument.createElement('style');
      root.prepend(style);
    }
    style.textContent = css;
  };
}

/** Key presses inside the card stay there: page shortcuts must not fire while it has focus. */
function keepKeysInside(host: HTMLElement): void {
  for (const type of ['keydown', 'keyup', 'keypress']) {
    host.addEventListener(type, (event) => {
      if ((event as KeyboardEvent).key !== 'Escape') event.stopPropagation();
    });
  }
}
