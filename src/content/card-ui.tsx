/**
 * The card's renderer: Preact, the card components, their styles and Floating UI. Built as its own
 * ES module (card-ui.js, build.mjs) and imported by the content script on the first hover or focus
 * of a mark (card-loader.ts), so the script injected into every page carries none of it.
 *
 * It is web-accessible (the import runs with the page's origin), so a page may load it too: it has
 * no side effects on import and holds only code, no data and no browser API call. Everything it
 * needs (the host's elements, the translate function) comes in through `createCardView`.
 */
import { render } from 'preact';
import type { EntityCard as EntityCardData } from '../kb/card';
import { cardSummary } from '../ui/card-summary';
import { EntityCard } from '../ui/EntityCard';
import { I18n, type Translate } from '../ui/i18n';
import type { ShowOptions } from './card-host';
import { keepNextTo } from './card-position';
import { pageThemeAt } from './page-theme';

export { CARD_CSS } from '../ui/card-styles';

/** The parts of the card host (card-host.tsx) the view fills. */
export interface CardParts {
  host: HTMLElement;
  /** The dialog: hidden until `show`. */
  frame: HTMLElement;
  /** The polite live region that announces a card opened from the keyboard. */
  live: HTMLElement;
  /** Id the card's title gets, which the dialog's aria-labelledby names. */
  titleId: string;
  /** Looks messages up (src/i18n.ts `t`, from the content script). */
  t: Translate;
}

/** Renders cards into the host's dialog and keeps them next to their marks. */
export interface CardView {
  show(card: EntityCardData, mark: Element, options: ShowOptions): void;
  hide(): void;
}

/** A view over the host's parts; nothing shows until `show`. */
export function createCardView({ host, frame, live, titleId, t }: CardParts): CardView {
  let stopPositioning: (() => void) | null = null;
  return {
    show: (card, mark, options) => {
      stopPositioning?.();
      const theme = pageThemeAt(mark);
      frame.dataset.theme = theme;
      // Layout follows the page's direction (mirrored on right-to-left pages); each text inside
      // follows its own script through dir="auto".
      host.dir = getComputedStyle(mark).direction === 'rtl' ? 'rtl' : 'ltr';
      render(
        <I18n.Provider value={t}>
          <EntityCard
            card={card}
            titleId={titleId}
            theme={theme}
            {...(options.onNotThisPerson ? { onNotThisPerson: options.onNotThisPerson } : {})}
          />
        </I18n.Provider>,
        frame,
      );
      frame.hidden = false;
      host.style.zoom = String(1 / pageZoom(host.ownerDocument));
      live.textContent = options.announce ? cardSummary(card, t) : '';
      stopPositioning = keepNextTo(mark, host, options.pointer);
    },
    hide: () => {
      stopPositioning?.();
      stopPositioning = null;
      render(null, frame);
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
