/**
 * Text folding shared by the matcher, the compiler and the parsers: one definition of "the same
 * characters", so a name folded at compile time and a page word folded at scan time agree.
 */

const MARKS = /\p{M}+/gu;
/**
 * Invisible format characters that sit inside words: soft hyphen (a line-break hint some sites
 * put in long words: "Netan\u00ADyahu"), zero-width non-joiner and joiner, word joiner. Folding
 * drops them; tokens.ts keeps the word whole around them, so offsets still cover them.
 */
const WORD_INTERNAL_FORMAT = /[\u00AD\u200C\u200D\u2060]/g;
/** Letters that NFKD does not decompose but readers treat as plain Latin ones. */
const LATIN_FOLDS: Record<string, string> = {
  'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ł': 'l', 'ı': 'i', 'ħ': 'h',
};
const LATIN_FOLD_RE = /[ßæœøđðþłıħ]/g;

/**
 * Folds one word for comparison: lower case, diacritics removed, apostrophes of every kind
 * dropped (O'Brien, al‑Ma'ali, ʿ ʻ), and invisible word-internal characters dropped (soft hyphen),
 * so "Zelenskyy’s" and "Vladi\u00ADmir" compare by their letters.
 */
export function foldWord(word: string): string {
  return word
    .replace(WORD_INTERNAL_FORMAT, '')
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(LATIN_FOLD_RE, (c) => LATIN_FOLDS[c] ?? c)
    .replace(/['’‘`´ʹʻʼʾʿ]/g, '');
}

/**
 * Folds a whole name or phrase into a lookup key: words folded and joined by single spaces,
 * every non-letter, non-digit character a separator ("Al-Assad" → "al assad", "U.S." → "u s").
 */
export function foldKey(text: string): string {
  return foldWord(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
