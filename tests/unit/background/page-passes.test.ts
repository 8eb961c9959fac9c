import { describe, expect, it } from 'vitest';
import { createPagePasses } from '../../../src/background/page-passes';
import type { MatchInfo } from '../../../src/kb/card';

const strong: MatchInfo = { tier: 'strong', reasons: [] };

/** A promise and the function that settles it, to hold a batch's work until the test lets it go. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('page passes: the batches of one pass, answered in order', () => {
  it('starts a batch only when the one sent before it is done, and hands it what that one found', async () => {
    const passes = createPagePasses();
    const first = deferred<{ seen: Record<string, MatchInfo> }>();
    const started: string[] = [];
    const seenBySecond: Array<Record<string, MatchInfo>> = [];
    const a = passes.run('tab1:0:p', undefined, () => {
      started.push('first');
      return first.promise;
    });
    const b = passes.run('tab1:0:p', {}, async (seen) => {
      started.push('second');
      seenBySecond.push(seen);
      return { seen: { ...seen, 'ofac-sdn:2': strong } };
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(started).toEqual(['first']); // the second waits though it was sent at once
    first.resolve({ seen: { 'ofac-sdn:1': strong } });
    await expect(a).resolves.toEqual({ seen: { 'ofac-sdn:1': strong } });
    await expect(b).resolves.toEqual({ seen: { 'ofac-sdn:1': strong, 'ofac-sdn:2': strong } });
    expect(started).toEqual(['first', 'second']);
    expect(seenBySecond).toEqual([{ 'ofac-sdn:1': strong }]);
  });

  it('merges what the page sent with what the pass knows (a background that restarted knows nothing)', async () => {
    const passes = createPagePasses();
    const seen = await new Promise<Record<string, MatchInfo>>((resolve) => {
      void passes.run('tab1:0:fresh', { 'ofac-sdn:9': strong }, async (known) => {
        resolve(known);
        return {};
      });
    });
    expect(seen).toEqual({ 'ofac-sdn:9': strong });
  });

  it('goes on after a batch fails, with what the batches before it found', async () => {
    const passes = createPagePasses();
    await passes.run('t:0:p', undefined, async () => ({ seen: { 'ofac-sdn:1': strong } }));
    await expect(passes.run('t:0:p', undefined, async () => Promise.reject(new Error('no cards')))).rejects.toThrow('no cards');
    const seen = await new Promise<Record<string, MatchInfo>>((resolve) => {
      void passes.run('t:0:p', undefined, async (known) => {
        resolve(known);
        return {};
      });
    });
    expect(seen).toEqual({ 'ofac-sdn:1': strong });
  });

  it('keeps passes apart: another pass neither waits for this one nor sees what it found', async () => {
    const passes = createPagePasses();
    const held = deferred<{ seen: Record<string, MatchInfo> }>();
    void passes.run('tab1:0:p', undefined, () => held.promise);
    const other = await passes.run('tab2:0:p', undefined, async (seen) => ({ seen }));
    expect(other).toEqual({ seen: {} });
    held.resolve({ seen: {} });
  });

  it('forgets the least recently used pass beyond its limit', async () => {
    const passes = createPagePasses(2);
    const found = (id: string) => async () => ({ seen: { [id]: strong } });
    await passes.run('a', undefined, found('ofac-sdn:a'));
    await passes.run('b', undefined, found('ofac-sdn:b'));
    await passes.run('a', undefined, async (seen) => ({ seen })); // a is now the most recent
    await passes.run('c', undefined, found('ofac-sdn:c')); // b goes
    const known = async (key: string) => {
      let seen: Record<string, MatchInfo> = {};
      await passes.run(key, undefined, async (s) => {
        seen = s;
        return {};
      });
      return Object.keys(seen);
    };
    expect(await known('a')).toEqual(['ofac-sdn:a']);
    expect(await known('b')).toEqual([]);
  });
});
