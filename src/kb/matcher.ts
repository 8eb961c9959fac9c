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
 * - 'capital': a capital city standing for its country, only where the text uses it so;
 * - 'short': an organisation's distinctive short form ("Roscosmos", "Huawei"): like 'secondary',
 *   and on its own where the page agrees with the listing (resolve.ts decides).
 */
export type NameUse = 'name' | 'secondary' | 'capital' | 'short';

/** Stored codes of the uses: new uses go at the end, so stored indexes keep their meaning. */
const USE_CODES: readonly NameUse[] = ['name', 'secondary', 'capital', 'short'];

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

/** How freely a use lets a form mark: lower is freer. */
function useRank(use: NameUse | undefined): number {
  return use === undefined || use === 'name' ? 0 : use === 'short' ? 1 : 2;
}

/** Builds a target for `name`, reading its case rule from how the name is written. */
export function targetFor(entity: string, name: string, use: NameUse = 'name'): NameTarget {
  const words = tokenize(name).map((t) => name.slice(t.start, t.end));
  const isAcronym = words.length <= 2 && words.every((w) => w.length <= 4 && w === w.toUpperCase() && /\p{Lu}/u.test(w));
  const target: NameTarget = { entity, caseRule: isAcronym ? 'upper' : 'capitalised', capitals: words.map((w) => UPPER.test(w)) };
  if (use !== 'name') target.use = use;
  return target;
}

/**
 * A serialized index kept as loaded. Its keys are sorted, so a key is found by binary search and
 * its pairs are one run: loading builds no map and makes no target per name-target pair; targets
 * are made for the keys texts hit.
 */
interface PackedIndex {
  data: SerializedNameIndex;
  entityIds: readonly string[];
  /** Distinct keys. */
  distinct: number;
}

/** Words whose packed names' start is remembered; past this the memo starts again (memory). */
const START_MEMO = 100_000;
/** Keys whose targets are remembered, found or not; past this the memo starts again. */
const HITS_MEMO = 200_000;
/** Phrases for which `continues` is remembered; past this the memo starts again. */
const CONTINUES_MEMO = 50_000;

export class NameIndex {
  /** Names added one by one (countries, blocs; every name while compiling). */
  private readonly phrases = new Map<string, NameTarget[]>();
  /** The serialized index loaded at start-up, if any. */
  private packed: PackedIndex | null = null;
  /** Targets of the keys texts have tried so far (the added ones, then the packed ones); null: none. */
  private readonly hits = new Map<string, NameTarget[] | null>();
  /** Longest name, in words, that starts with a given folded word. */
  private readonly longestFrom = new Map<string, number>();
  /** First words of added names that may begin with a word not capitalised (see mayBeginLowerCase). */
  private readonly lowerFrom = new Set<string>();
  /** With a loaded index: startOf the words texts have asked about. */
  private readonly startMemo = new Map<string, NamesStart>();
  /** Phrases that some added key continues (its first words, without the last); built at first scan. */
  private phrasePrefixes: Set<string> | null = null;
  /** With a loaded index: `continues` of the phrases texts have asked about. */
  private readonly continuesMemo = new Map<string, boolean>();

  /** Adds one written form of a name. Empty names are ignored. */
  add(name: string, target: NameTarget): void {
    const tokens = tokenize(name);
    if (tokens.length === 0) return;
    const key = tokens.map((t) => t.key).join(' ');
    const existing = this.phrases.get(key);
    if (existing) {
      const same = existing.findIndex((t) => t.entity === target.entity && t.caseRule === target.caseRule);
      if (same < 0) existing.push(target);
      // One entity, one key: the form that may mark more freely wins ('name', then 'short', then the rest).
      else if (useRank(target.use) < useRank(existing[same]!.use)) existing[same] = target;
    } else {
      this.phrases.set(key, [target]);
    }
    this.hits.delete(key);
    this.phrasePrefixes = null;
    const first = tokens[0]!.key;
    this.startMemo.delete(first);
    if ((this.longestFrom.get(first) ?? 0) < tokens.length) this.longestFrom.set(first, tokens.length);
    if (mayBeginLowerCase(target)) this.lowerFrom.add(first);
  }

  /** A copy to add names to without changing this index (which may be a base shared by several). */
  copy(): NameIndex {
    const copy = new NameIndex();
    for (const [key, targets] of this.phrases) copy.phrases.set(key, [...targets]);
    for (const [word, words] of this.longestFrom) copy.longestFrom.set(word, words);
    for (const word of this.lowerFrom) copy.lowerFrom.add(word);
    copy.packed = this.packed;
    copy.presetCounts = this.presetCounts;
    return copy;
  }

  /** What the names that begin with the key word `word` ask of a text (NO_NAMES when none does). */
  private startOf(word: string): NamesStart {
    if (!this.packed) return namesStart(this.longestFrom.get(word) ?? 0, this.lowerFrom.has(word));
    let start = this.startMemo.get(word);
    if (start === undefined) {
      if (this.startMemo.size >= START_MEMO) this.startMemo.clear();
      const added = namesStart(this.longestFrom.get(word) ?? 0, this.lowerFrom.has(word));
      const loaded = packedStart(this.packed.data, word);
      start = namesStart(Math.max(longestOf(loaded), longestOf(added)), mayStartLowerCase(loaded) || mayStartLowerCase(added));
      this.startMemo.set(word, start);
    }
    return start;
  }

  /** How many distinct keys (folded written forms) the index holds. */
  get size(): number {
    if (!this.packed) return this.phrases.size;
    let size = this.packed.distinct;
    for (const key of this.phrases.keys()) if (packedFirst(this.packed.data.keys, key) < 0) size++;
    return size;
  }

  /** Every target of `key`: the added ones first, then the loaded ones; undefined when none. */
  private targetsOf(key: string): NameTarget[] | undefined {
    if (!this.packed) return this.phrases.get(key);
    const cached = this.hits.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const added = this.phrases.get(key);
    const first = packedFirst(this.packed.data.keys, key);
    let targets: NameTarget[] | undefined = added;
    if (first >= 0) {
      targets = added ? [...added] : [];
      const { data, entityIds } = this.packed;
      for (let i = first; i < data.keys.length && data.keys[i] === key; i++) targets.push(packedTarget(data, entityIds, i));
    }
    // Misses are remembered too: most keys a scan tries (a name's first word and what follows) are none.
    if (this.hits.size >= HITS_MEMO) this.hits.clear();
    this.hits.set(key, targets ?? null);
    return targets;
  }

  /** Every distinct key with its targets (materializes the loaded ones: for serializing, not scanning). */
  private *entries(): Generator<[string, NameTarget[]]> {
    for (const [key, targets] of this.phrases) yield [key, this.targetsOf(key) ?? targets];
    if (!this.packed) return;
    const { keys } = this.packed.data;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== keys[i - 1] && !this.phrases.has(keys[i]!)) yield [keys[i]!, this.targetsOf(keys[i]!)!];
  }

  /** Built on first use: how many (form, entity) pairs of the index hold each key word. */
  private wordCounts: Map<string, number> | null = null;
  /** The loaded index's word counts, counted when it was stored (see keyWordCounts). */
  private presetCounts: PresetWordCounts | null = null;
  /** Whether wordCounts leaves the loaded pairs to presetCounts. */
  private presetInUse = false;

  /**
   * How common `word` (a key word, as tokenize gives it) is among the indexed names: the number
   * of (form, entity) pairs whose key holds it. Ids for which `counted` is false are left out
   * (countries, whose names are not namesakes of anyone).
   */
  wordFrequency(word: string, counted: (entity: string) => boolean = () => true): number {
    if (!this.wordCounts) {
      const counts = new Map<string, number>();
      const addKey = keyCounter(counts);
      for (const [key, targets] of this.phrases) addKey(key, targets.filter((t) => counted(t.entity)).length);
      // Counting ~90k loaded pairs takes ~100 ms: use the counts made when they were stored, if
      // they were counted with this very function.
      this.presetInUse = !!this.packed && this.presetCounts?.counted === counted;
      if (this.packed && !this.presetInUse) countPairs(this.packed.data, this.packed.entityIds, counted, addKey);
      this.wordCounts = counts;
    }
    const preset = this.presetInUse ? presetCount(this.presetCounts!.table, word) : 0;
    return (this.wordCounts.get(word) ?? 0) + preset;
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
    for (const [key, targets] of [...this.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      for (const target of targets) {
        keys.push(key);
        entities.push(entityIndex(target.entity));
        flags.push(encodeFlags(target));
        uses.push(USE_CODES.indexOf(target.use ?? 'name'));
      }
    }
    return uses.some((u) => u !== 0) ? { keys, entities, flags, uses } : { keys, entities, flags };
  }

  /**
   * Adds every pair of a serialized index; `entityIds[i]` is the id of entity number i. The first
   * one is kept as it is and read where texts hit it (the serialized keys are sorted, so each
   * key's pairs are one run); its targets follow the added ones of the same key.
   * @param wordCounts - keyWordCounts of this index, made ahead (when it was stored)
   */
  addSerialized(data: SerializedNameIndex, entityIds: readonly string[], wordCounts?: PresetWordCounts): void {
    const { keys } = data;
    if (this.packed) return this.addUnsorted(data, entityIds);
    let distinct = keys.length > 0 ? 1 : 0;
    for (let i = 1; i < keys.length; i++) {
      if (keys[i] === keys[i - 1]) continue;
      if (keys[i]! < keys[i - 1]!) return this.addUnsorted(data, entityIds); // not from serialize()
      distinct++;
    }
    this.packed = { data, entityIds, distinct };
    this.startMemo.clear();
    this.continuesMemo.clear();
    this.presetCounts = wordCounts ?? null;
    this.hits.clear();
    this.wordCounts = null;
  }

  /** Adds a serialized index pair by pair, making every target now. */
  private addUnsorted(data: SerializedNameIndex, entityIds: readonly string[]): void {
    for (let i = 0; i < data.keys.length; i++) {
      const key = data.keys[i]!;
      const existing = this.phrases.get(key);
      const target = packedTarget(data, entityIds, i);
      if (existing) existing.push(target);
      else this.phrases.set(key, [target]);
      this.hits.delete(key);
      const space = key.indexOf(' ');
      const first = space < 0 ? key : key.slice(0, space);
      const words = countWords(key);
      if ((this.longestFrom.get(first) ?? 0) < words) this.longestFrom.set(first, words);
      if (mayBeginLowerCase(target)) this.lowerFrom.add(first);
    }
    this.startMemo.clear();
    this.phrasePrefixes = null;
    this.wordCounts = null;
  }

  /**
   * Whether some key goes on past `phrase` (a phrase of whole key words): a longer name begins
   * with it. Scanning stops lengthening a phrase at the first one that no key continues, so a
   * common word that begins names of twenty words ("the", "state") costs a look-up or two, not twenty.
   */
  private continues(phrase: string): boolean {
    if (!this.phrasePrefixes) {
      const prefixes = new Set<string>();
      for (const key of this.phrases.keys()) {
        for (let space = key.lastIndexOf(' '); space > 0; space = key.lastIndexOf(' ', space - 1)) {
          const prefix = key.slice(0, space);
          if (prefixes.has(prefix)) break; // its own prefixes are in already
          prefixes.add(prefix);
        }
      }
      this.phrasePrefixes = prefixes;
    }
    if (this.phrasePrefixes.has(phrase)) return true;
    if (!this.packed) return false;
    let goesOn = this.continuesMemo.get(phrase);
    if (goesOn === undefined) {
      // Sorted keys that begin with "phrase " stand together from the first key not below it.
      const { keys } = this.packed.data;
      const withSpace = `${phrase} `;
      goesOn = keys[lowerBound(keys, withSpace)]?.startsWith(withSpace) === true;
      if (this.continuesMemo.size >= CONTINUES_MEMO) this.continuesMemo.clear();
      this.continuesMemo.set(phrase, goesOn);
    }
    return goesOn;
  }

  /** Finds names in `text`, leftmost-longest, non-overlapping. */
  scan(text: string): NameMatch[] {
    const tokens = tokenize(text);
    const matches: NameMatch[] = [];
    for (let i = 0; i < tokens.length; ) {
      const token = tokens[i]!;
      const start = this.startOf(token.key);
      // Most words of a text are written in lower case and most names begin with a capital: such
      // a word begins a name only if some name that begins with it begins in lower case too.
      if (start === NO_NAMES || (!mayStartLowerCase(start) && beginsLowerCase(text, token.start))) {
        i++;
        continue;
      }
      const found = this.longestAt(text, tokens, i, Math.min(longestOf(start), tokens.length - i));
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
    // The phrases from `at` that some key may be: lengthened only while a longer key begins so.
    const keys: string[] = [tokens[at]!.key];
    for (let key = keys[0]!; keys.length < maxWords && this.continues(key); keys.push(key)) key = `${key} ${tokens[at + keys.length]!.key}`;
    for (let n = keys.length; n >= 1; n--) {
      const candidates = this.targetsOf(keys[n - 1]!);
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
  /** Arrays in JSON; typed arrays as read from IndexedDB (src/db/kb-db.ts), which clone faster. */
  entities: ArrayLike<number>;
  /** Bit 0: case rule 'upper'; bits 1…: capitalisation of the name's words, word k at bit k+1. */
  flags: ArrayLike<number>;
  /**
   * When each form may mark: 0 'name', 1 'secondary', 2 'capital', 3 'short'. Absent when every form is a
   * 'name' (and in artifacts compiled before uses existed, which then load as all 'name').
   */
  uses?: ArrayLike<number>;
}

function encodeFlags(target: NameTarget): number {
  let flags = target.caseRule === 'upper' ? 1 : 0;
  target.capitals.forEach((capital, k) => {
    if (capital && k < 30) flags |= 1 << (k + 1);
  });
  return flags;
}

/** Word counts of a serialized index's keys, words sorted as `<` compares them (see keyWordCounts). */
export interface KeyWordCounts {
  words: readonly string[];
  counts: ArrayLike<number>;
}

/** A serialized index's word counts and the function that chose the entities counted. */
export interface PresetWordCounts {
  table: KeyWordCounts;
  counted: (entity: string) => boolean;
}

/**
 * How many pairs of a serialized index hold each key word (a key holding a word twice counts
 * once), among the pairs whose entity `counted` accepts: what NameIndex.wordFrequency counts,
 * made ahead so the background need not count them at start-up.
 */
export function keyWordCounts(data: SerializedNameIndex, entityIds: readonly string[], counted: (entity: string) => boolean): KeyWordCounts {
  const map = new Map<string, number>();
  countPairs(data, entityIds, counted, keyCounter(map));
  const words = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { words, counts: words.map((w) => map.get(w)!) };
}

function presetCount(table: KeyWordCounts, word: string): number {
  let lo = 0;
  let hi = table.words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = table.words[mid]!;
    if (at === word) return table.counts[mid]!;
    if (at < word) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/** Adds `n` pairs to each distinct word of `key`. */
function keyCounter(counts: Map<string, number>): (key: string, n: number) => void {
  return (key, n) => {
    if (n === 0) return;
    if (key.indexOf(' ') < 0) counts.set(key, (counts.get(key) ?? 0) + n);
    else for (const w of new Set(key.split(' '))) counts.set(w, (counts.get(w) ?? 0) + n);
  };
}

/** Counts a serialized index's pairs per key (runs of equal keys together), without making targets. */
function countPairs(data: SerializedNameIndex, entityIds: readonly string[], counted: (entity: string) => boolean, addKey: (key: string, n: number) => void): void {
  const verdicts = new Uint8Array(entityIds.length); // 0 not asked yet, 1 counted, 2 not
  const isCounted = (e: number): boolean => (verdicts[e] ||= counted(entityIds[e]!) ? 1 : 2) === 1;
  for (let i = 0; i < data.keys.length; ) {
    const key = data.keys[i]!;
    let n = 0;
    for (; i < data.keys.length && data.keys[i] === key; i++) if (isCounted(data.entities[i]!)) n++;
    addKey(key, n);
  }
}

/** The first index of `key` in sorted `keys`, or -1. */
function packedFirst(keys: readonly string[], key: string): number {
  const i = lowerBound(keys, key);
  return keys[i] === key ? i : -1;
}

/** The first index in sorted `keys` whose key is not below `key` (keys.length if none). */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What the names that begin with a key word ask of a text, in one number (one memo look-up per
 * word of a page): twice the longest one's length in words, plus one when some of them may begin
 * with a word that is not capitalised ("al-Assad", "de Gaulle"; see mayBeginLowerCase).
 */
type NamesStart = number;

/** No name begins with the word. */
const NO_NAMES: NamesStart = 0;

function namesStart(longest: number, lowerCase: boolean): NamesStart {
  return longest === 0 ? NO_NAMES : longest * 2 + (lowerCase ? 1 : 0);
}

function longestOf(start: NamesStart): number {
  return start >> 1;
}

function mayStartLowerCase(start: NamesStart): boolean {
  return (start & 1) === 1;
}

/**
 * Whether `target` may match text whose first word is written in lower case: isWrittenAs wants
 * upper case throughout for the 'upper' rule, and a capital wherever the name has one.
 */
function mayBeginLowerCase(target: NameTarget): boolean {
  return target.caseRule === 'capitalised' && !target.capitals[0];
}

/** Whether the character at `at` is a lower-case letter: one that upper-casing changes, so no name with a capital or in capitals can start there. */
function beginsLowerCase(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  const character = text[at]!;
  return character !== character.toUpperCase();
}

/**
 * namesStart of the keys of a serialized index whose first word is `word`. Those keys stand
 * together from `word` on ("kim" < "kim jong un" < "kimberly": a space sorts before any letter),
 * so the walk stops at the first key that does not begin so.
 */
function packedStart(data: SerializedNameIndex, word: string): NamesStart {
  const { keys, flags } = data;
  const withSpace = `${word} `;
  let longest = 0;
  let lowerCase = false;
  for (let i = lowerBound(keys, word); i < keys.length; i++) {
    const key = keys[i]!;
    if (key === word) longest = Math.max(longest, 1);
    else if (key.startsWith(withSpace)) longest = Math.max(longest, countWords(key));
    else if (key > withSpace) break;
    else continue;
    // encodeFlags: bit 0 the 'upper' rule, bit 1 a capital on the first word.
    if ((flags[i]! & 3) === 0) lowerCase = true;
  }
  return namesStart(longest, lowerCase);
}

/** The target of pair `i` of a serialized index. */
function packedTarget(data: SerializedNameIndex, entityIds: readonly string[], i: number): NameTarget {
  const target = decodeFlags(entityIds[data.entities[i]!]!, data.flags[i]!, data.keys[i]!);
  const use = USE_CODES[data.uses?.[i] ?? 0];
  if (use && use !== 'name') target.use = use;
  return target;
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
