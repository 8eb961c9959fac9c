/**
 * Page-side container for the entity card: one <backstory-card> element with a closed shadow root
 * (open in test builds, so browser tests can look inside), styles applied inside the root, and key
 * events kept from reaching the page's own shortcuts.
 */
import { render } from 'preact';
import type { EntityCard as EntityCardData } from '../kb/card';
import { CARD_CSS } from '../ui/card-styles';
import { EntityCard } from '../ui/EntityCard';
import { keepNextTo } from './card-position';

declare const __TEST__: boolean;

const SHADOW_MODE: ShadowRootMode = __TEST__ ? 'open' : 'closed';

const HOST_CSS = `
:host { all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; display: block; }
:host([hidden]) { display: none; }
.frame { box-sizing: border-box; width: 340px; max-width: calc(100vw - 16px); max-height: 60vh; overflow: auto;
  padding: 12px 14px; border-radius: 8px; background: #fff; border: 1px solid #c9ced6;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); }
@media (prefers-color-scheme: dark) { .frame { background: #1f242c; border-color: #3a4350; } }
`;

export interface CardHost {
  readonly element: HTMLElement;
  show(card: EntityCardData, mark: Element, pointer?: { x: number; y: number }): void;
  hide(): void;
  isShowing(): boolean;
  destroy(): void;
}

export function createCardHost(doc: Document): CardHost {
  const host = doc.createElement('backstory-card');
  host.hidden = true;
  const root = host.attachShadow({ mode: SHADOW_MODE });
  applyStyles(root, HOST_CSS + CARD_CSS);
  const frame = doc.createElement('div');
  frame.className = 'frame';
  frame.setAttribute('role', 'dialog');
  frame.setAttribute('aria-labelledby', 'backstory-card-title');
  root.append(frame);
  keepKeysInside(host);
  doc.documentElement.append(host);

  let stopPositioning: (() => void) | null = null;
  const hide = (): void => {
    stopPositioning?.();
    stopPositioning = null;
    host.hidden = true;
    render(null, frame);
  };
  return {
    element: host,
    show: (card, mark, pointer) => {
      stopPositioning?.();
      render(<EntityCard card={card} titleId="backstory-card-title" />, frame);
      host.hidden = false;
      stopPositioning = keepNextTo(mark, host, pointer);
    },
    hide,
    isShowing: () => !host.hidden,
    destroy: () => {
      hide();
      host.remove();
    },
  };
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
