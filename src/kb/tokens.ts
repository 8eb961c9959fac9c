import { foldWord } from './normalise';
import { skeletonWord } from './transliterate';

/**
 * Splits text into words with their offsets, the unit the matcher works in. A word is a run of
 * letters and digits, with inner apostrophes kept (O'Brien, Ma'ali); a possessive "'s" is not
 * part of the word ("Russia's" is the word "Russia"). Hyphens and dots separate words, as they do
 * in folded names ("al-Assad" → al, assad; "U.S." → u, s). Invisible characters that only join
 * or hint a line break (soft hyphen U+00AD, zero-width non-joiner and joiner, word joiner) stay
 * inside the word ("Vladi\u00ADmir" is one word); a zero-width space separates words, as it is
 * meant to.
 */
export interface Token {
  /** Offset of the first code unit in the text. */
  start: number;
  /** Offset after the last code unit. */
  end: number;
  /** foldWord of the word's text. */
  folded: string;
  /**
   * What the matcher keys on: the folded word's spelling-independent skeleton (transliterate.ts),
   * so "Zelenskyy's" and "Zelensky" key alike.
   */
  key: string;
}

/**
 * A word: [\p{L}\p{N}\p{M}]+ (?: [\u00AD\u200C\u200D\u2060]+ [\p{L}\p{N}\p{M}]+ | ['’] [\p{L}\p{M}]+ )*
 * written so that the regex engine spends little on the commonest characters: ASCII letters and
 * digits are taken in runs, and an ASCII space or mark of punctuation is turned down without a
 * look at the Unicode classes (the lookahead). Twice as fast on news text, the same words
 * (tests/unit/kb/tokens.test.ts checks it against the plain form on random text).
 */
const WORD = /(?:[a-zA-Z0-9]+|(?=[^\x00-\x7F])[\p{L}\p{N}\p{M}])+(?:[\u00AD\u200C\u200D\u2060]+[\p{L}\p{N}\p{M}]+|['’][\p{L}\p{M}]+)*/gu;
const POSSESSIVE = /['’]s$/i;

/** Words whose folded form and key are remembered: news repeats its words, and folding costs. */
const MEMO_WORDS = 50_000;
/** Written word (possessive removed) → [folded, key]; cleared when full rather than grown. */
const memo = new Map<string, readonly [string, string]>();

/** The folded form and matcher key of one written word. */
function foldAndKey(word: string): readonly [string, string] {
  let known = memo.get(word);
  if (!known) {
    const folded = foldWord(word);
    known = [folded, folded ? skeletonWord(folded) : ''];
    if (memo.size >= MEMO_WORDS) memo.clear();
    memo.set(word, known);
  }
  return known;
}

/** Splits `text` into words with their offsets and keys. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let word = m[0];
    if (POSSESSIVE.test(word) && word.length > 2) word = word.slice(0, -2);
    const [folded, key] = foldAndKey(word);
    if (folded) tokens.push({ start: m.index, end: m.index + word.length, folded, key });
  }
  return tokens;
}

/** The words of a name as the matcher keys them. */
export function nameKey(name: string): string {
  return tokenize(name)
    .map((t) => t.key)
    .join(' ');
}
