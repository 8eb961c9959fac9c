/**
 * The popup's "show me": scrolls the page to an entity's first mark and flashes it, so a reader
 * sees where the page names it. The flash is a Web Animation on the mark (no stylesheet change,
 * nothing left behind); with reduced motion the scroll jumps and the highlight holds still.
 */
import { MARK_TAG } from './marks';

const FLASH_MS = 1600;

/** Scrolls to and flashes the first connected mark of `entity`; false when there is none. */
export function revealEntity(doc: Document, entity: string): boolean {
  const mark = [...doc.querySelectorAll<HTMLElement>(MARK_TAG)].find((m) => m.dataset.entity === entity && m.isConnected);
  if (!mark) return false;
  const reduced = doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches ?? false;
  mark.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  const highlight = { backgroundColor: 'rgba(255, 213, 79, 0.85)', outline: '2px solid #f9a825', color: '#1d2430' };
  const clear = { backgroundColor: 'transparent', outline: '2px solid transparent' };
  mark.animate(reduced ? [highlight, highlight] : [clear, highlight, clear, highlight, clear], { duration: FLASH_MS, easing: 'ease-in-out' });
  return true;
}
