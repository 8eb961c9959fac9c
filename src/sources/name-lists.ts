/**
 * Splitting the name lists that sources pack into one text ("A; B (x; y); C", "English/French"),
 * where a separator inside brackets belongs to the name around it.
 */
import { cleanSpace } from './text';

/**
 * Splits on `separator` outside parentheses; each piece has its spaces collapsed and trimmed, and
 * empty pieces are dropped. An unbalanced ")" does not push the depth below zero.
 */
export function splitTopLevel(value: string, separator: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === separator && depth === 0) {
      pieces.push(value.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(value.slice(start));
  return pieces.map((p) => cleanSpace(p)).filter((p) => p !== '');
}

/** Letters, none of them Latin: an Arabic-, Cyrillic-, Korean-… script name. */
export function isNonLatinScript(value: string): boolean {
  return /\p{L}/u.test(value) && !/\p{Script=Latin}/u.test(value);
}
