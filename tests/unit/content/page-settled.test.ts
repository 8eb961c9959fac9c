import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_LOAD_WAIT_MS, pageSettled } from '../../../src/content/page-settled';

/** Just what pageSettled uses of a window: its document's state, the load event, frames and timers. */
function fakeWindow(readyState: DocumentReadyState) {
  const listeners: Array<() => void> = [];
  const frames: Array<() => void> = [];
  const win = {
    document: { readyState },
    addEventListener: (type: string, listener: () => void) => type === 'load' && listeners.push(listener),
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  };
  return {
    win: win as unknown as Window,
    load: () => {
      win.document.readyState = 'complete';
      for (const listener of listeners.splice(0)) listener();
    },
    paint: () => {
      for (const frame of frames.splice(0)) frame();
    },
  };
}

describe('pageSettled', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const settledYet = async (promise: Promise<void>): Promise<boolean> => {
    let settled = false;
    void promise.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    return settled;
  };

  it('waits for the load event and the frame painted after it', async () => {
    const page = fakeWindow('interactive');
    const settled = pageSettled(page.win);
    expect(await settledYet(settled)).toBe(false);
    page.load();
    expect(await settledYet(settled)).toBe(false); // loaded, not yet painted
    page.paint();
    expect(await settledYet(settled)).toBe(true);
  });

  it('does not wait for a frame that never comes (a background tab paints none)', async () => {
    const page = fakeWindow('complete');
    const settled = pageSettled(page.win);
    expect(await settledYet(settled)).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(await settledYet(settled)).toBe(true);
  });

  it('does not wait for a load event that never comes (a request that never ends)', async () => {
    const page = fakeWindow('loading');
    const settled = pageSettled(page.win);
    await vi.advanceTimersByTimeAsync(MAX_LOAD_WAIT_MS - 1);
    expect(await settledYet(settled)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settledYet(settled)).toBe(true);
  });
});
