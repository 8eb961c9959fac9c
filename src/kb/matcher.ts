import { tokenize, type Token } from './tokens';

/**
 * Finds names in text by whole words. Names are keyed by their folded words; scanning walks the
 * text's words once and, only at words that begin some name, tries the longest phrase first.
 * Most words begin no name, so most positions cost one hash lookup.
 */

/** How the text must be written for a name to count: names are proper nouns. */
export type CaseRule =
  /** Each word that is capitalised in the name is capitalised in the text ("Myanmar", "MYANMAR"). */
  | 'capitalised'
  /** The text is in capitals as the name is: acronyms ("US", "EU"), so "us" is not the US. */
  | 'upper';

/**
 * When a written form may mark text:
 * - 'name': on its own (the resolver still decides between namesakes and sets the tier);
 * - 'secondary': only after a 'name' form of the same entity was marked earlier on the page (a
 *   surname, a one-word name or acronym, an alias that is also part of other entities' names);
 * - 'capital': a capital city standing for its country, only where the text uses it so.
 */
export type NameUse = 'name' | 'secondary' | 'capital';

const USE_CODES: readonly NameUse[] = ['name', 'secondary', 'capital'];

/** What a name stands for. `entity` is the entity id. */
export interface NameTarget {
  entity: string;
  caseRule: CaseRule;
  /** Capitalisation pattern of the name's words: true where the name's word starts upper case. */
  capitals: boolean[];
  /** When this form may mark text; 'name' when absent. */
  use?: NameUse;
}

export interface NameMatch {
  start: number;
  end: number;
  /** Every entity this text could name; the caller decides between them. */
  targets: NameTarget[];
}

const UPPER = /^\p{Lu}/u;

/** Builds a target for `name`, reading its case rule from how the name is written. */
export function targetFor(entity: string, name: string, use: NameUse = 'name'): NameTarget {
  const words = tokenize(name).map((t) => name.slice(t.start, t.end));
  const isAcronym = words.length <= 2 && words.every((w) => w.length <= 4 && w === w.toUpperCase() && /\p{Lu}/u.test(w));
  const target: NameTarget = { entity, caseRule: isAcronym ? 'upper' : 'capitalised', capitals: words.map((w) => UPPER.test(w)) };
  if (use !== 'name') target.use = use;
  return target;
}

export class NameIndex {
  private readonly phrases = new Map<string, NameTarget[]>();
  /** Longest name, in words, that starts with a given folded word. */
  private readonly longestFrom = new Map<string, number>();

  /** Adds one written form of a name. Empty names are ignored. */
  add(name: string, target: NameTarget): void {
    const tokens = tokenize(name);
    if (tokens.length === 0) return;
    const key = tokens.map((t) => t.key).join(' ');
    const existing = this.phrases.get(key);
    if (existing) {
      const same = existing.findIndex((t) => t.entity === target.entity && t.caseRule === target.caseRule);
      if (same < 0) existing.push(target);
      // One entity, one key: the form that may mark on its own wins over a secondary one.
      else if ((existing[same]!.use ?? 'name') !== 'name' && (target.use ?? 'name') === 'name') existing[same] = target;
    } else {
      this.phrases.set(key, [target]);
    }
    const first = tokens[0]!.key;
    if ((this.longestFrom.get(first) ?? 0) < tokens.length) this.longestFrom.set(first, tokens.length);
  }

  get size(): number {
    return this.phrases.size;
  }

  /** Built on first use: how many (form, entity) pairs of the index hold each key word. */
  private wordCounts: Map<string, number> | null = null;

  /**
   * How common `word` (a key word, as tokenize gives it) is among the indexed names: the number
   * of (form, entity) pairs whose key holds it. Ids for which `counted` is false are left out
   * (countries, whose names are not namesakes of anyone).
   */
  wordFrequency(word: string, counted: (entity: string) => boolean = () => true): number {
    if (!this.wordCounts) {
      const counts = new Map<string, number>();
      for (const [key, targets] of this.phrases) {
        const n = targets.filter((t) => counted(t.entity)).length;
        if (n === 0) continue;
        for (const w of new Set(key.split(' '))) counts.set(w, (counts.get(w) ?? 0) + n);
      }
      this.wordCounts = counts;
    }
    return this.wordCounts.get(word) ?? 0;
  }

  /**
   * The index as flat, parallel arrays (one element per name-target pair), compact in JSON and
   * in IndexedDB, and rebuilt without tokenizing any name again.
   * @param entityIndex - maps an entity id to its position in the artifact's entity list
   */
  serialize(entityIndex: (entity: string) => number): SerializedNameIndex {
    const keys: string[] = [];
    const entities: number[] = [];
    const flags: number[] = [];
    const uses: number[] = [];
    for (const [key, targets] of [...this.phrases].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      for (const target of targets) {
        keys.push(key);
        entities.push(entityIndex(target.entity));
        flags.push(encodeFlags(target));
        uses.push(USE_CODES.indexOf(target.use ?? 'name'));
      }
    }
    return uses.some((u) => u !== 0) ? { keys, entities, flags, uses } : { keys, entities, flags };
  }

  /** Adds every pair of a serialized index; `entityIds[i]` is the id of entity number i. */
  addSerialized(data: SerializedNameIndex, entityIds: readonly string[]): void {
    const { keys, entities, flags, uses } = data;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const target = decodeFlags(entityIds[entities[i]!]!, flags[i]!, key);
      const use = USE_CODES[uses?.[i] ?? 0];
      if (use && use !== 'name') target.use = use;
      const existing = this.phrases.get(key);
      if (existing) existing.push(target);
      else this.phrases.set(key, [target]);
      const space = key.indexOf(' ');
      const first = space < 0 ? key : key.slice(0, space);
      const words = countWords(key);
      if ((this.longestFrom.get(first) ?? 0) < words) this.longestFrom.set(first, words);
    }
  }

  /** Finds names in `text`, leftmost-longest, non-overlapping. */
  scan(text: string): NameMatch[] {
    const tokens = tokenize(text);
    const matches: NameMatch[] = [];
    for (let i = 0; i < tokens.length; ) {
      const longest = this.longestFrom.get(tokens[i]!.key);
      if (longest === undefined) {
        i++;
        continue;
      }
      const found = this.longestAt(text, tokens, i, Math.min(longest, tokens.length - i));
      if (found) {
        matches.push(found.match);
        i += found.words;
      } else {
        i++;
      }
    }
    return matches;
  }

  private longestAt(text: string, tokens: Token[], at: number, maxWords: number): { match: NameMatch; words: number } | null {
    const keys: string[] = [];
    let key = '';
    for (let n = 0; n < maxWords; n++) {
      key = n === 0 ? tokens[at]!.key : `${key} ${tokens[at + n]!.key}`;
      keys.push(key);
    }
    for (let n = maxWords; n >= 1; n--) {
      const candidates = this.phrases.get(keys[n - 1]!);
      if (!candidates) continue;
      const words = tokens.slice(at, at + n);
      if (!isSingleRun(text, words)) continue;
      const targets = candidates.filter((t) => isWrittenAs(text, words, t));
      if (targets.length > 0) {
        return { match: { start: words[0]!.start, end: words[n - 1]!.end, targets }, words: n };
      }
    }
    return null;
  }
}

/** A serialized NameIndex: parallel arrays, one element per (folded key, target) pair. */
export interface SerializedNameIndex {
  keys: string[];
  entities: number[];
  /** Bit 0: case rule 'upper'; bits 1…: capitalisation of the name's words, word k at bit k+1. */
  flags: number[];
  /**
   * When each form may mark: 0 'name', 1 'secondary', 2 'capital'. Absent when every form is a
   * 'name' (and in artifacts compiled before uses existed, which then load as all 'name').
   */
  uses?: number[];
}

function encodeFlags(target: NameTarget): number {
  let flags = target.caseRule === 'upper' ? 1 : 0;
  target.capitals.forEach((capital, k) => {
    if (capital && k < 30) flags |= 1 << (k + 1);
  });
  return flags;
}

function decodeFlags(entity: string, flags: number, key: string): NameTarget {
  const words = countWords(key);
  const capitals: boolean[] = [];
  for (let k = 0; k < words; k++) capitals.push(k < 30 && (flags & (1 << (k + 1))) !== 0);
  return { entity, caseRule: flags & 1 ? 'upper' : 'capitalised', capitals };
}

function countWords(key: string): number {
  let words = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) words++;
  return words;
}

/** Words of one name are separated only by spaces, hyphens, dots or apostrophes, not by a sentence break. */
function isSingleRun(text: string, words: Token[]): boolean {
  for (let k = 1; k < words.length; k++) {
    const gap = text.slice(words[k - 1]!.end, words[k]!.start);
    if (!/^(?:[\s\u00a0\-‐‑–.'’]{1,3})$/u.test(gap) || /\.\s/.test(gap)) return false;
  }
  return true;
}

function isWrittenAs(text: string, words: Token[], target: NameTarget): boolean {
  if (target.caseRule === 'upper') {
    return words.every((w) => {
      const written = text.slice(w.start, w.end);
      return written === written.toUpperCase();
    });
  }
  // After a hyphen inside a name the press often writes lower case ("Kim Jong-un", "al-Assad").
  return words.every((w, k) => !target.capitals[k] || UPPER.test(text.slice(w.start, w.end)) || (k > 0 && isHyphen(text.charCodeAt(w.start - 1))));
}

function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}
