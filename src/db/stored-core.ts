/**
 * The knowledge base's start-up part as IndexedDB keeps it. The background reads it at every
 * worker start, and IndexedDB hands it over as a structured clone, whose cost grows with the
 * number of values: the name index's ~90k keys go as one string and its numbers as typed arrays,
 * which clone in a fraction of the time of 4 × 90k separate values. Pure: runs in Node too.
 */
import type { KbCore } from '../kb/artifact';
import { indexWordCounts } from '../kb/knowledge-base';
import type { KeyWordCounts } from '../kb/matcher';

/** The name index packed for storage: the same pairs, in the same order. */
export interface PackedNameIndex {
  /** Every key, joined by KEY_SEPARATOR (keys are folded words and spaces). */
  joinedKeys: string;
  count: number;
  entities: Int32Array;
  flags: Uint32Array;
  uses?: Uint8Array;
}

/** Word counts of the index (indexWordCounts), packed the same way; words sorted. */
export interface PackedWordCounts {
  joinedWords: string;
  counts: Uint32Array;
}

/**
 * A start-up part as stored: packed, with its word counts, when written by this version; plain
 * when written before.
 */
export type StoredCore = Omit<KbCore, 'index'> & { index: KbCore['index'] | PackedNameIndex; wordCounts?: PackedWordCounts };

const KEY_SEPARATOR = '\n';

/** The form to store `core` in; a key that holds the separator (none should) keeps the plain form. */
export function packCore(core: KbCore): StoredCore {
  const { keys, entities, flags, uses } = core.index;
  if (keys.some((key) => key.includes(KEY_SEPARATOR))) return core;
  const index: PackedNameIndex = {
    joinedKeys: keys.join(KEY_SEPARATOR),
    count: keys.length,
    entities: Int32Array.from(entities),
    flags: Uint32Array.from(flags),
    ...(uses ? { uses: Uint8Array.from(uses) } : {}),
  };
  const { words, counts } = indexWordCounts(core);
  if (words.some((word) => word.length === 0 || word.includes(KEY_SEPARATOR))) return { ...core, index };
  return { ...core, index, wordCounts: { joinedWords: words.join(KEY_SEPARATOR), counts: Uint32Array.from(counts) } };
}

/**
 * The start-up part as the knowledge base loads it, from either stored form. Anything else is
 * returned as it is, for assertCore to refuse.
 */
export function unpackCore(stored: StoredCore): { core: KbCore; wordCounts?: KeyWordCounts } {
  const index = (stored as Partial<StoredCore> | null)?.index;
  if (!isPacked(index)) return { core: stored as KbCore };
  const { wordCounts: packedCounts, ...rest } = stored;
  // An empty index joins to '', which split would read as one empty key.
  const keys = index.count === 0 ? [] : index.joinedKeys.split(KEY_SEPARATOR);
  const core: KbCore = { ...rest, index: { keys, entities: index.entities, flags: index.flags, ...(index.uses ? { uses: index.uses } : {}) } };
  const wordCounts = packedWordCounts(packedCounts);
  return wordCounts ? { core, wordCounts } : { core };
}

/** Stored word counts, or undefined when absent or not as written (then they are counted at first use). */
function packedWordCounts(packed: PackedWordCounts | undefined): KeyWordCounts | undefined {
  if (typeof packed?.joinedWords !== 'string' || !(packed.counts instanceof Uint32Array)) return undefined;
  const words = packed.counts.length === 0 ? [] : packed.joinedWords.split(KEY_SEPARATOR);
  return words.length === packed.counts.length ? { words, counts: packed.counts } : undefined;
}

function isPacked(index: StoredCore['index'] | undefined): index is PackedNameIndex {
  return typeof index === 'object' && index !== null && typeof (index as Partial<PackedNameIndex>).joinedKeys === 'string';
}
