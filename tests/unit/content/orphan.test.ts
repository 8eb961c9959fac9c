import { describe, expect, it } from 'vitest';
import { isOrphaned, orphanCheck, type RuntimeIdentity } from '../../../src/content/orphan';

/**
 * The runtime objects a content script meets: its extension's while it is there; Chrome's after an
 * update or reload (the same object, its id gone); Firefox's after teardown (dead: reading throws).
 */
const present: RuntimeIdentity = { id: 'abcdefghijklmnopabcdefghijklmnop' };
const invalidated: RuntimeIdentity = {};
const dead = {
  get id(): string {
    throw new TypeError("can't access dead object");
  },
};

describe('isOrphaned', () => {
  it('is false while the extension is there', () => {
    expect(isOrphaned(() => present)).toBe(false);
  });

  it('is true once the runtime has lost its id (Chrome, after an update or reload)', () => {
    expect(isOrphaned(() => invalidated)).toBe(true);
    expect(isOrphaned(() => ({ id: '' }))).toBe(true);
    expect(isOrphaned(() => undefined)).toBe(true);
  });

  it('is true, and does not throw, when reading the API throws (Firefox, after teardown)', () => {
    expect(isOrphaned(() => dead)).toBe(true);
    expect(
      isOrphaned(() => {
        throw new TypeError("can't access dead object");
      }),
    ).toBe(true);
  });
});

describe('orphanCheck', () => {
  it('reports the orphan once, then answers true without reading the API again', () => {
    let runtime: RuntimeIdentity = present;
    let reads = 0;
    let stops = 0;
    const orphaned = orphanCheck(
      () => {
        reads++;
        return runtime;
      },
      () => stops++,
    );
    expect(orphaned()).toBe(false);
    expect(orphaned()).toBe(false);
    expect(stops).toBe(0);

    runtime = invalidated;
    expect(orphaned()).toBe(true);
    expect(stops).toBe(1);
    const readsWhenFound = reads;

    runtime = present; // an orphan never gets its extension back; the answer must not flip
    expect(orphaned()).toBe(true);
    expect(orphaned()).toBe(true);
    expect(stops).toBe(1);
    expect(reads).toBe(readsWhenFound);
  });

  it('stays orphaned even when the reaction itself fails', () => {
    let stops = 0;
    const orphaned = orphanCheck(
      () => dead,
      () => {
        stops++;
        throw new Error('the page had already removed our host');
      },
    );
    expect(() => orphaned()).toThrow('already removed');
    expect(orphaned()).toBe(true);
    expect(stops).toBe(1);
  });
});
