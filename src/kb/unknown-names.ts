/**
 * Name-like runs of words that match nothing in the knowledge base, for the popup's optional
 * "no record found in the loaded lists" list: two to four capitalised words in a row ("Tim
 * Morrison", "Polytechnic University"), not at the start of a block written all in capitals,
 * and not overlapping any name the matcher found (marked or not).
 */
import type { FoundName } from './resolve';
import type { TextBlock, UnknownName } from './spot';

/** Capitalised words joined by spaces, with inner particles ("bin", "al-") and soft hyphens allowed. */
const RUN = /\b\p{Lu}[\p{L}'’\u00AD\u200C\u200D\u2060-]+(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von)[\s-]+)?\p{Lu}[\p{L}'’\u00AD\u200C\u200D\u2060-]+){1,3}/gu;
/** Capitalised words that open sentences or headings rather than names. */
const OPENERS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'For', 'This', 'That', 'It', 'He', 'She', 'They', 'We', 'If', 'As', 'After', 'When', 'While', 'Mr', 'Mrs', 'Ms', 'Dr']);
/** At most this many names are returned, most frequent first. */
const MAX_NAMES = 50;

/** The name-like runs in `blocks` that overlap none of `found`. */
export function findUnknownNames(blocks: readonly TextBlock[], found: readonly FoundName[]): UnknownName[] {
  const counts = new Map<string, number>();
  blocks.forEach((block, b) => {
    const text = block.text;
    const letters = text.replace(/[^\p{L}]/gu, '');
    if (letters.length > 0 && letters === letters.toUpperCase()) return; // a headline in capitals
    const taken = found.filter((f) => f.block === b).map((f) => f.match);
    for (const m of text.matchAll(RUN)) {
      let name = m[0].replace(/['’]s$/, '');
      let start = m.index;
      const first = name.split(/\s+/)[0]!;
      if (OPENERS.has(first)) {
        name = name.slice(first.length).trim();
        start += m[0].indexOf(name);
        if (!/\s/.test(name)) continue;
      }
      const end = start + name.length;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  });
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, MAX_NAMES);
}
