/**
 * Opens the card for a mark on hover (after a short dwell) and on keyboard focus; keeps it open
 * while the pointer is over the mark or the card (WCAG 1.4.13: hoverable, dismissible,
 * persistent); Escape closes it.
 */
import type { EntityCard } from '../kb/card';
import type { CardHost } from './card-host';
import { MARK_TAG } from './marks';

export const HOVER_DELAY_MS = 350;
export const LEAVE_DELAY_MS = 300;

export interface CardController {
  destroy(): void;
}

export function controlCard(doc: Document, host: CardHost, cardOf: (entity: string) => EntityCard | undefined): CardController {
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let openFor: Element | null = null;

  const markOf = (target: EventTarget | null): HTMLElement | null =>
    target instanceof Element ? (target.closest(MARK_TAG) as HTMLElement | null) : null;
  const open = (mark: HTMLElement, pointer?: { x: number; y: number }): void => {
    clearTimeout(closeTimer);
    const card = cardOf(mark.dataset.entity ?? '');
    if (!card) return;
    openFor = mark;
    host.show(card, mark, pointer);
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
    closeTimer = setTimeout(close, LEAVE_DELAY_MS);
  };

  const onOver = (event: MouseEvent): void => {
    const mark = markOf(event.target);
    if (!mark || mark === openFor) {
      if (mark) clearTimeout(closeTimer);
      return;
    }
    clearTimeout(openTimer);
    const pointer = { x: event.clientX, y: event.clientY };
    openTimer = setTimeout(() => open(mark, pointer), HOVER_DELAY_MS);
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
    if (mark) open(mark);
  };
  const onBlur = (event: FocusEvent): void => {
    const mark = markOf(event.target);
    if (mark && mark === openFor && event.relatedTarget !== host.element) closeSoon();
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && host.isShowing()) {
      const mark = openFor;
      close();
      if (mark instanceof HTMLElement && doc.activeElement === host.element) mark.focus();
    }
  };
  const onCardEnter = (): void => clearTimeout(closeTimer);
  const onCardLeave = (): void => closeSoon();

  doc.addEventListener('mouseover', onOver, true);
  doc.addEventListener('mouseout', onOut, true);
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('focusout', onBlur, true);
  doc.addEventListener('keydown', onKey, true);
  host.element.addEventListener('mouseenter', onCardEnter);
  host.element.addEventListener('mouseleave', onCardLeave);
  host.element.addEventListener('keydown', onKey);

  return {
    destroy: () => {
      close();
      doc.removeEventListener('mouseover', onOver, true);
      doc.removeEventListener('mouseout', onOut, true);
      doc.removeEventListener('focusin', onFocus, true);
      doc.removeEventListener('focusout', onBlur, true);
      doc.removeEventListener('keydown', onKey, true);
    },
  };
}
