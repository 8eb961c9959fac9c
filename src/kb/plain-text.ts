/**
 * List fields are data from outside: a compromised mirror, a broken export or a hostile file can
 * put markup, bidirectional-text controls (which reorder what the reader sees: CVE-2021-42574,
 * "Trojan Source") or megabytes of text into a name or a remark. Every list text shown on a card
 * goes through `plainText` when the knowledge base is compiled, so what reaches the card is short
 * plain text. Rendering stays text-only too (Preact text nodes; tools/lint.mjs bans markup sinks):
 * this is about what the reader sees, not only about script injection.
 */

/** Longest text kept for a short field (a name, a programme, a place), in UTF-16 code units. */
export const SHORT_FIELD_CHARS = 300;
/** Longest text kept for a narrative field (remarks, reasons). */
export const LONG_FIELD_CHARS = 2_000;
/** Most items kept in one list field (other names, positions, remarks…). */
export const MAX_FIELD_ITEMS = 50;

const DROPPED_ELEMENTS = /<(script|style|template|iframe|object|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<\/?[a-zA-Z][^<>]{0,2000}>|<!--[\s\S]*?-->/g;
/**
 * C0/C1 controls (but tab and line breaks) become spaces. INVISIBLE: characters that change how
 * text is shown or hide where it breaks — the bidi embeddings, overrides and isolates, LRM/RLM/ALM,
 * zero width space, BOM and word joiner — are dropped. ZWJ/ZWNJ stay: scripts need them to spell words.
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Plain, single-line, bounded text: markup removed (common character references decoded),
 * controls and bidi overrides dropped, whitespace collapsed, and text over `maxChars` cut on a
 * word boundary with an ellipsis.
 */
export function plainText(text: string, maxChars = SHORT_FIELD_CHARS): string {
  // Absurdly long input is cut before the regular expressions run, so their cost stays bounded.
  let out = text.length > maxChars * 4 + 1000 ? text.slice(0, maxChars * 4 + 1000) : text;
  if (out.includes('<')) out = out.replace(DROPPED_ELEMENTS, ' ').replace(TAG, ' ');
  if (out.includes('&')) out = out.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6}|#39);/gi, decodeReference);
  out = out.replace(INVISIBLE, '').replace(CONTROLS, ' ').replace(LONE_SURROGATE, '\uFFFD').replace(/\s+/g, ' ').trim();
  return shortenText(out, maxChars);
}

/** `plainText` over a list field: empty items dropped, duplicates folded, at most MAX_FIELD_ITEMS. */
export function plainTexts(items: readonly string[], maxChars = SHORT_FIELD_CHARS): string[] {
  const out = new Set<string>();
  for (const item of items) {
    if (out.size >= MAX_FIELD_ITEMS) break;
    const clean = plainText(item, maxChars);
    if (clean) out.add(clean);
  }
  return [...out];
}

/** A link is kept only when it is http(s): a list must not be able to plant javascript: links. */
export function safeUrl(url: string): string {
  return /^https?:\/\/[^\s<>"']+$/i.test(url) && url.length <= 2_000 ? url : '';
}

function decodeReference(whole: string, name: string): string {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
  }
  return ENTITIES[name.toLowerCase()] ?? whole;
}

/** `text` cut to at most `max` characters, on a word boundary where one is near, with an ellipsis. */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1); // never split a surrogate pair
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
