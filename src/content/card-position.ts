/**
 * Floating UI glue: places the card next to a mark. The reference is a virtual element built from
 * the mark's rects, so a mark that wraps across lines anchors to the line the pointer is on
 * (inline() first, then offset, flip, shift), with fixed positioning and autoUpdate.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';

/** Keeps `floating` placed next to `mark` until the returned cleanup is called. */
export function keepNextTo(mark: Element, floating: HTMLElement, pointer?: { x: number; y: number }): () => void {
  const reference = {
    getBoundingClientRect: () => mark.getBoundingClientRect(),
    getClientRects: () => mark.getClientRects(),
    contextElement: mark,
  };
  const update = (): void => {
    void computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [inline(pointer), offset(6), flip(), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      floating.style.left = `${x}px`;
      floating.style.top = `${y}px`;
    });
  };
  return autoUpdate(reference, floating, update);
}
