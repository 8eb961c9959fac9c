/**
 * When a page is done with its own start-up: loaded, and its first frame after that painted.
 * The content script runs at document_idle, which can come before the load event, while the page
 * still lays out, paints and decodes images on the main thread; a pass started then competes with
 * that work and makes the page's first render later.
 */

/** Longest wait for the load event: a page with a request that never ends is annotated anyway. */
export const MAX_LOAD_WAIT_MS = 3_000;
/** Longest wait for a frame after load: background tabs paint no frames at all. */
const MAX_FRAME_WAIT_MS = 100;

/** Resolves once `win`'s page has loaded and painted, or after the waits above, whichever first. */
export function pageSettled(win: Window): Promise<void> {
  return new Promise((resolve) => {
    const afterLoad = (): void => {
      // A timer queued from a frame callback runs after that frame's paint.
      win.requestAnimationFrame(() => win.setTimeout(resolve, 0));
      win.setTimeout(resolve, MAX_FRAME_WAIT_MS);
    };
    if (win.document.readyState === 'complete') {
      afterLoad();
      return;
    }
    win.addEventListener('load', afterLoad, { once: true });
    win.setTimeout(resolve, MAX_LOAD_WAIT_MS);
  });
}
