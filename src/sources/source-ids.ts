/**
 * The ids of the downloadable sources, apart from their catalogue (registry.ts), so settings can
 * check stored choices without pulling the whole catalogue into the content script, which reads
 * settings on every page. A unit test keeps this list and the catalogue equal.
 */
export const SOURCE_IDS: ReadonlySet<string> = new Set([
  'ofac-sdn',
  'ofac-cons',
  'un',
  'uk-hmt',
  'ca-sema',
  'au-dfat',
  'opensanctions-ua_war_sanctions',
  'sipri',
]);

/** A mirror must be a plain http(s) URL without credentials. */
export function isValidMirror(value: string): boolean {
  if (value.length === 0 || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
