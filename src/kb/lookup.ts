import { nameKey } from './tokens';

/**
 * Spelling-tolerant name search for the popup's search box and the context menu: "Min Aung
 * Hliang" finds Min Aung Hlaing, "Hlaing" finds every name with that word. Pure: works on folded
 * keys (the matcher's `nameKey` form) and entity ids, nothing else.
 *
 * Two steps, the usual shape of fuzzy search over many names:
 *   1. candidates: word trigrams shared with the query (pg_trgm's padding, so word order does not
 *      matter and a one-letter slip loses only a few trigrams);
 *   2. ranking: each query word against its closest word of the name by edit distance with
 *      transpositions (Damerau, optimal string alignment), so "ia"/"ai" swaps cost one edit.
 */

/** One written form of a name: its folded key ("min aung hlaing") and the entity it names. */
export interface LookupName {
  key: string;
  entity: string;
}

/** One entity found, with the written form that matched best and how closely (0…1, 1 = exact). */
export interface LookupHit {
  entity: string;
  key: string;
  score: number;
}

/** Below this a hit is noise rather than a plausible misspelling. */
export const MIN_SCORE = 0.6;
/** Candidates kept from the trigram step for the exact ranking. */
const CANDIDATES = 300;
/** Queries longer than this (in characters, folded) are cut: a name is never that long. */
export const MAX_QUERY_CHARS = 120;

export class NameLookup {
  private constructor(
    /** Distinct folded keys. */
    private readonly keys: string[],
    /** Entities per key, parallel to `keys`. */
    private readonly entities: string[][],
    /** Key numbers per trigram. */
    private readonly postings: Map<string, number[]>,
    /** Distinct trigrams per key, for the Dice coefficient. */
    private readonly gramCounts: Uint16Array,
  ) {}

  /** Builds the search structure from every written form of every name. */
  static build(names: Iterable<LookupName>): NameLookup {
    const byKey = new Map<string, number>();
    const keys: string[] = [];
    const entities: string[][] = [];
    for (const { key, entity } of names) {
      if (!key) continue;
      let k = byKey.get(key);
      if (k === undefined) {
        k = keys.length;
        byKey.set(key, k);
        keys.push(key);
        entities.push([entity]);
      } else if (!entities[k]!.includes(entity)) {
        entities[k]!.push(entity);
      }
    }
    const postings = new Map<string, number[]>();
    const gramCounts = new Uint16Array(keys.length);
    keys.forEach((key, k) => {
      const grams = trigrams(key);
      gramCounts[k] = Math.min(grams.size, 0xffff);
      for (const gram of grams) {
        const list = postings.get(gram);
        if (list) list.push(k);
        else postings.set(gram, [k]);
      }
    });
    return new NameLookup(keys, entities, postings, gramCounts);
  }

  /** Number of distinct written forms searched. */
  get size(): number {
    return this.keys.length;
  }

  /**
   * The entities whose names are closest to `query`, best first, at most `limit`; none when
   * nothing is close enough. Ties go to the shorter name, then alphabetical order.
   */
  search(query: string, limit: number): LookupHit[] {
    const q = nameKey(query.slice(0, MAX_QUERY_CHARS * 2)).slice(0, MAX_QUERY_CHARS).trim();
    if (q.replace(/ /g, '').length < 2 || limit <= 0) return [];
    const qGrams = trigrams(q);
    const shared = new Uint16Array(this.keys.length);
    const touched: number[] = [];
    for (const gram of qGrams) {
      for (const k of this.postings.get(gram) ?? []) {
        if (shared[k] === 0) touched.push(k);
        shared[k]!++;
      }
    }
    // Dice favours names of the query's length; containment keeps long names that hold the query.
    const coarse = (k: number): number => {
      const dice = (2 * shared[k]!) / (qGrams.size + this.gramCounts[k]!);
      return dice + shared[k]! / qGrams.size;
    };
    const candidates = touched.sort((a, b) => coarse(b) - coarse(a)).slice(0, CANDIDATES);

    const qWords = q.split(' ');
    const best = new Map<string, LookupHit>();
    for (const k of candidates) {
      const key = this.keys[k]!;
      const score = key === q ? 1 : similarity(qWords, key.split(' '));
      if (score < MIN_SCORE) continue;
      for (const entity of this.entities[k]!) {
        const previous = best.get(entity);
        if (!previous || isBetter(score, key, previous)) best.set(entity, { entity, key, score });
      }
    }
    return [...best.values()]
      .sort((a, b) => (isBetter(a.score, a.key, b) ? -1 : isBetter(b.score, b.key, a) ? 1 : 0))
      .slice(0, limit);
  }
}

function isBetter(score: number, key: string, than: LookupHit): boolean {
  if (score !== than.score) return score > than.score;
  if (key.length !== than.key.length) return key.length < than.key.length;
  return key < than.key;
}

/** Word trigrams, each word padded as pg_trgm does ("  ab", "abc", "bc "), as a set. */
export function trigrams(key: string): Set<string> {
  const grams = new Set<string>();
  for (const word of key.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/**
 * How well the query's words match the name's (0…1): each query word against its closest unused
 * name word, weighted by length, scaled down a little for name words the query left out (so
 * "Hlaing" finds "Min Aung Hlaing" but ranks "Than Hlaing" and a one-word "Hlaing" above it).
 */
export function similarity(queryWords: readonly string[], nameWords: readonly string[]): number {
  const used = new Array<boolean>(nameWords.length).fill(false);
  let weighted = 0;
  let weight = 0;
  let matched = 0;
  let inOrder = true;
  let lastIndex = -1;
  for (const qw of queryWords) {
    let bestSim = 0;
    let bestIndex = -1;
    nameWords.forEach((nw, i) => {
      if (used[i]) return;
      const sim = wordSimilarity(qw, nw);
      if (sim > bestSim) {
        bestSim = sim;
        bestIndex = i;
      }
    });
    if (bestIndex >= 0 && bestSim >= 0.5) {
      used[bestIndex] = true;
      matched++;
      if (bestIndex < lastIndex) inOrder = false;
      lastIndex = bestIndex;
    } else {
      bestSim = 0;
    }
    weighted += bestSim * qw.length;
    weight += qw.length;
  }
  if (weight === 0) return 0;
  const coverage = matched / nameWords.length;
  const base = (weighted / weight) * (0.8 + 0.2 * coverage);
  // The same words in another order ("Hlaing Min Aung", as lists write names) lose a hair only.
  return inOrder ? base : base * 0.98;
}

/** 1 minus the edit distance (with transpositions) over the longer word's length. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  // A word typed so far ("hla" for "hlaing") counts nearly as a match: the box searches as you type.
  if (a.length >= 3 && b.startsWith(a)) return 0.9;
  return 1 - editDistance(a, b) / longer;
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}
