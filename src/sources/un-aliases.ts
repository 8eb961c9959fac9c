/**
 * Taking apart the UN list's ALIAS_NAME texts, which sometimes pack several spellings of a name
 * into one element (see `splitAliasSpellings`).
 */
import { isNonLatinScript, splitTopLevel } from './name-lists';
import { cleanSpace } from './text';

const ORIGINAL_SCRIPT_SUFFIX = /\s*\(original script\)$/i;
const ORIGINAL_SCRIPT_PREFIX = /^original script:\s*/i;

/** One spelling out of an ALIAS_NAME, and whether it is the name in its original script. */
export interface AliasSpelling {
  full: string;
  originalScript: boolean;
}

/**
 * Splits one ALIAS_NAME into the names it packs. Shapes seen in the real file (names invented):
 * `Ali Testi; Aly Testy`, `Ali Testi; Aly Testy b) A. Testi`, `<Arabic> (Ali Testi; Aly Testy)`,
 * `Test Front (TF) (<Arabic> (original script); Test Front; Testing Front)`, `Ali Testi (<Chinese>)`
 * and `Ali Testi (original script: <Cyrillic>)`.
 * Any other name is returned whole, parentheses and all: what they hold varies too much
 * ("(birth name)", "(LRM)", passport notes) to take apart safely.
 */
export function splitAliasSpellings(raw: string): AliasSpelling[] {
  // One real alias ends in a stray comma after its closing bracket.
  const value = cleanSpace(raw).replace(/\s*[,;]$/, '');
  const group = trailingGroup(value);
  const pieces = group && isSpellingGroup(group) ? [...splitTopLevel(group.before, ';'), ...splitTopLevel(group.inner, ';')] : splitTopLevel(value, ';');

  const spellings: AliasSpelling[] = [];
  for (const piece of pieces.flatMap((p) => p.split(/\s+[a-z]\)\s+/))) {
    // A leading "a) " enumeration marker, or a stray ")" the real file has once.
    let full = cleanSpace(piece.replace(/^[a-z]?\)\s*/, ''));
    const marked = ORIGINAL_SCRIPT_SUFFIX.test(full) || ORIGINAL_SCRIPT_PREFIX.test(full);
    full = full.replace(ORIGINAL_SCRIPT_SUFFIX, '').replace(ORIGINAL_SCRIPT_PREFIX, '');
    if (full) spellings.push({ full, originalScript: marked || isNonLatinScript(full) });
  }
  return spellings;
}

/**
 * Whether a closing bracket holds more spellings of the name before it rather than a remark:
 * several spellings, an "original script:" one, or the same name in another script.
 */
function isSpellingGroup(group: { before: string; inner: string }): boolean {
  if (group.inner.includes(';') || ORIGINAL_SCRIPT_PREFIX.test(group.inner)) return true;
  const hasLetters = /\p{L}/u.test(group.before) && /\p{L}/u.test(group.inner);
  return hasLetters && isNonLatinScript(group.before) !== isNonLatinScript(group.inner);
}

/** The parenthesised group that closes `value`, found by balancing brackets from the end. */
function trailingGroup(value: string): { before: string; inner: string } | null {
  if (!value.endsWith(')')) return null;
  let depth = 0;
  for (let i = value.length - 1; i >= 0; i--) {
    if (value[i] === ')') depth++;
    else if (value[i] === '(' && --depth === 0) {
      const before = value.slice(0, i).trim();
      return before ? { before, inner: value.slice(i + 1, -1) } : null;
    }
  }
  return null;
}
