/**
 * When the card opens and closes, and how the keyboard reaches it.
 *
 * - Pointer: opens after a short dwell on a mark; stays open while the pointer is over the mark
 *   or the card, with a grace period to cross the gap (WCAG 1.4.13: hoverable, persistent).
 * - Keyboard: Alt+Shift+ArrowDown / ArrowUp move focus to the next / previous mark. Marks carry
 *   tabindex=-1, so they never join the page's tab order (a page with 200 mentions would otherwise
 *   take 200 Tab presses to cross). Focusing a mark opens its card and announces it; Tab from the
 *   mark enters the card; Escape closes it (WCAG 1.4.13: dismissible) and focus stays on, or
 *   returns to, the mark.
 * The browser-level command that toggles annotations (src/background/commands.ts, a letter key
 * with Alt+Shift) is separate and does not collide.
 */
import type { EntityCard } from '../kb/card';
import type { CardHost } from './card-host';
import type { CardTrigger } from '../settings';
import { dismissEntity } from './dismissals';
import { clickOpensCard, hoverOpensCard } from './preferences';
import { nextMarkIndex, type Step } from './mark-order';
import { MARK_TAG } from './marks';

export const HOVER_DELAY_MS = 350;
export const LEAVE_DELAY_MS = 300;

export interface CardController {
  destroy(): void;
}

/** Optional behaviour the content script wires in. */
export interface CardControllerOptions {
  /**
   * Called with an entity's id when the reader says this page does not mean that listed person
   * or organisation ("Not this person"); the card closes first.
   * @default records the dismissal for this site (src/content/dismissals.ts `dismissEntity`)
   */
  onNotThisPerson?: (entityId: string) => void;
  /**
   * What opens the card with the pointer (the reader's preference); keyboard focus always does.
   * @default 'hover'
   */
  trigger?: CardTrigger;
  /**
   * Asked when the reader reaches a mark (pointer, focus, click, the keys that move between
   * marks), before anything is loaded or opened. False means the extension is gone under this page
   * (src/content/orphan.ts) and the content script is taking itself off it: the controller then
   * does nothing, and leaves the event to the page.
   * @default always true
   */
  extensionPresent?: () => boolean;
}

/** The default "Not this person": remember it for the page's site; the annotator takes the marks off. */
function dismissOnThisSite(doc: Document): (entityId: string) => void {
  return (entityId) => {
    dismissEntity(doc.location?.hostname ?? '', entityId).catch((error: unknown) => {
      console.warn('Backstory: could not record "not this person"', error);
    });
  };
}

/**
 * Numbers marks by mention: a mark continues the previous one's mention when it has the same
 * entity and only whitespace lies between them.
 */
function mentionNumbers(doc: Document, marks: readonly HTMLElement[]): number[] {
  const numbers: number[] = [];
  let mention = 0;
  marks.forEach((mark, i) => {
    const previous = marks[i - 1];
    if (previous && previous.dataset.entity === mark.dataset.entity) {
      const between = doc.createRange();
      between.setStartAfter(previous);
      between.setEndBefore(mark);
      if (between.toString().trim() !== '') mention++;
    } else if (previous) mention++;
    numbers.push(mention);
  });
  return numbers;
}

/** Wires the card to the page's marks; `cardOf` gives the card data of an entity id (at once, or once fetched). */
export function controlCard(
  doc: Document,
  host: CardHost,
  cardOf: (entity: string) => EntityCard | Promise<EntityCard | undefined> | undefined,
  options: CardControllerOptions = {},
): CardController {
  const trigger = options.trigger ?? 'hover';
  const extensionPresent = options.extensionPresent ?? (() => true);
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let openFor: HTMLElement | null = null;
  /** The mark focus goes back to after Escape: its focusin must not reopen the card just closed. */
  let quietFocus: HTMLElement | null = null;

  const markOf = (target: EventTarget | null): HTMLElement | null =>
    target instanceof Element ? (target.closest(MARK_TAG) as HTMLElement | null) : null;
  const focusIsWithCard = (): boolean => doc.activeElement === host.element || (openFor !== null && doc.activeElement === openFor);

  const open = (mark: HTMLElement, how: { pointer?: { x: number; y: number }; announce?: boolean }): void => {
    clearTimeout(closeTimer);
    const entity = mark.dataset.entity ?? '';
    const card = cardOf(entity);
    if (!card) return;
    openFor = mark;
    const onNotThisPerson = options.onNotThisPerson ?? dismissOnThisSite(doc);
    host.show(card, mark, {
      pointer: how.pointer,
      announce: how.announce ?? false,
      onNotThisPerson: () => {
        const returnTo = doc.activeElement === host.element ? mark : null;
        close();
        onNotThisPerson(entity);
        if (returnTo?.isConnected) {
          quietFocus = returnTo;
          returnTo.focus();
          quietFocus = null;
        }
      },
    });
  };
  const close = (): void => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    openFor = null;
    host.hide();
  };
  const closeSoon = (): void => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      // A keyboard reader inside the card, or on its mark, keeps it until Escape or moving on.
      if (!focusIsWithCard()) close();
    }, LEAVE_DELAY_MS);
  };

  const onOver = (event: MouseEvent): void => {
    const mark = markOf(event.target);
    if (!mark || mark === openFor) {
      if (mark) clearTimeout(closeTimer);
      return;
    }
    if (!extensionPresent()) return;
    // The pointer is on a mark: load the card's renderer while the dwell runs (and before a click).
    host.prepare();
    if (!hoverOpensCard(trigger, event)) return;
    clearTimeout(openTimer);
    const pointer = { x: event.clientX, y: event.clientY };
    openTimer = setTimeout(() => open(mark, { pointer }), HOVER_DELAY_MS);
  };
  const onOut = (event: MouseEvent): void => {
    const mark = markOf(event.target);
    if (!mark) return;
    if (markOf(event.relatedTarget) === mark) return;
    if (event.relatedTarget === host.element) return;
    if (mark === openFor) closeSoon();
    else clearTimeout(openTimer);
  };
  const onFocus = (event: FocusEvent): void => {
    const mark = markOf(event.target);
    if (mark && mark === quietFocus) return;
    if (mark && mark !== openFor) {
      if (extensionPresent()) open(mark, { announce: true });
    } else if (mark) clearTimeout(closeTimer);
  };
  const onBlur = (event: FocusEvent): void => {
    if (!openFor) return;
    const leaving = markOf(event.target) === openFor || event.target === host.element;
    const into = event.relatedTarget;
    if (leaving && into !== host.element && into !== openFor) closeSoon();
  };

  const marks = (): HTMLElement[] => [...doc.querySelectorAll<HTMLElement>(MARK_TAG)];
  const moveFocus = (step: Step): void => {
    const all = marks();
    const current = openFor && doc.activeElement === host.element ? openFor : markOf(doc.activeElement);
    const currentIndex = current ? all.indexOf(current) : -1;
    const firstVisible = all.findIndex((m) => m.getBoundingClientRect().bottom > 0);
    const index = nextMarkIndex(
      mentionNumbers(doc, all),
      currentIndex,
      step,
      firstVisible < 0 ? all.length : firstVisible,
    );
    const target = index === null ? undefined : all[index];
    if (!target) return;
    target.focus(); // opens its card through focusin
    target.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  };

  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && host.isShowing()) {
      const mark = openFor;
      const focusWasInCard = doc.activeElement === host.element;
      close();
      if (focusWasInCard && mark?.isConnected) {
        quietFocus = mark;
        mark.focus();
        quietFocus = null;
      }
      event.stopPropagation();
      return;
    }
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      if (!extensionPresent()) return;
      event.preventDefault();
      event.stopPropagation();
      moveFocus(event.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (event.key === 'Tab' && !event.shiftKey && host.isShowing() && openFor && doc.activeElement === openFor) {
      event.preventDefault();
      host.focusCard();
    }
  };
  const onClick = (event: MouseEvent): void => {
    const mark = markOf(event.target);
    if (mark && clickOpensCard(trigger) && extensionPresent()) open(mark, { pointer: { x: event.clientX, y: event.clientY } });
  };
  const onCardEnter = (): void => clearTimeout(closeTimer);
  const onCardLeave = (): void => closeSoon();

  doc.addEventListener('mouseover', onOver, true);
  doc.addEventListener('mouseout', onOut, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('focusout', onBlur, true);
  doc.addEventListener('keydown', onKey, true);
  host.element.addEventListener('mouseenter', onCardEnter);
  host.element.addEventListener('mouseleave', onCardLeave);

  return {
    destroy: () => {
      close();
      doc.removeEventListener('mouseover', onOver, true);
      doc.removeEventListener('mouseout', onOut, true);
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('focusin', onFocus, true);
      doc.removeEventListener('focusout', onBlur, true);
      doc.removeEventListener('keydown', onKey, true);
      host.element.removeEventListener('mouseenter', onCardEnter);
      host.element.removeEventListener('mouseleave', onCardLeave);
    },
  };
}
