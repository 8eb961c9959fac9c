/**
 * Splits the content script's work into short slices so that no task it runs on the page's main
 * thread comes near the 50 ms long-task threshold (https://w3c.github.io/longtasks/), however
 * large the page. Work loops call `slice.expired()` often and `await slice.pause()` when it says
 * so; the pause gives the page a turn (input, rendering, its own scripts) before work resumes.
 */

/** Work per slice: well under 50 ms even on a slow machine, long enough to get work done. */
export const SLICE_MS = 10;

/** The longest slice seen so far, in ms (read by test builds for the benchmark). */
let longestSliceMs = 0;

export interface Slice {
  /** Whether this slice has used its time; check it every few units of work. */
  expired(): boolean;
  /** Ends the slice, lets the page run, and starts a new slice. */
  pause(): Promise<void>;
  /** Ends the slice while `work` (a message round trip) is pending, and starts a new one after. */
  wait<T>(work: Promise<T>): Promise<T>;
  /** Ends the last slice of a piece of work. */
  finish(): void;
  /** Milliseconds of main-thread work done in this slice's slices so far. */
  busyMs(): number;
}

/** Starts a slice of work of `budgetMs` milliseconds. */
export function startSlice(budgetMs = SLICE_MS): Slice {
  let started = performance.now();
  let busy = 0;
  const end = (): void => {
    const ms = performance.now() - started;
    busy += ms;
    longestSliceMs = Math.max(longestSliceMs, ms);
    started = performance.now(); // a second end() without a restart counts nothing twice
  };
  return {
    expired: () => performance.now() - started >= budgetMs,
    pause: async () => {
      end();
      await yieldToPage();
      started = performance.now();
    },
    wait: async (work) => {
      end();
      try {
        return await work;
      } finally {
        started = performance.now();
      }
    },
    finish: end,
    busyMs: () => busy,
  };
}

/** The longest slice of content-script work seen on this page so far, in ms (benchmarks read it). */
export function longestSlice(): number {
  return longestSliceMs;
}

interface SchedulerWithYield {
  yield(): Promise<void>;
}

/**
 * Gives the page a turn. scheduler.yield() (Chrome 129+) resumes ahead of other queued tasks;
 * elsewhere a macrotask via setTimeout(0). Never requestIdleCallback alone: background tabs may
 * not get idle time for a long while, and a pass must finish.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
