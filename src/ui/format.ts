import type { PartialDate } from '../kb/model';

/** Human form of a partial date: "3 Jul 1956", "Jul 1956", "1956", "c. 1960", "1960–1962". */
export function formatPartialDate(date: PartialDate): string {
  switch (date.kind) {
    case 'day':
      return formatIsoDate(date.date);
    case 'month': {
      const [y, m] = date.date.split('-');
      return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
    }
    case 'year':
      return date.approximate ? `c. ${date.year}` : String(date.year);
    case 'range':
      return `${date.from}–${date.to}`;
    case 'text':
      return date.text;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-05-03" → "3 May 2024"; anything else is returned unchanged. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Cuts text that lists can make absurdly long, on a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max)}…`;
}

const WHOLE = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** SIPRI TIV in millions, as the card writes it: "377", "12,450"; under 1 as "<1". */
export function formatTiv(millions: number): string {
  if (millions > 0 && millions < 0.5) return '<1';
  return WHOLE.format(millions);
}

/** A fraction as a percentage: 0.499 → "49.9%", 0.0004 → "<0.1%", 0 → "0%". */
export function formatShare(fraction: number): string {
  const percent = fraction * 100;
  if (percent > 0 && percent < 0.1) return '<0.1%';
  return `${percent >= 10 ? WHOLE.format(percent) : ONE_DECIMAL.format(percent)}%`;
}

/** A relative change with its sign: 0.12 → "+12%", −0.318 → "−32%" (a true minus sign). */
export function formatChange(fraction: number): string {
  const percent = Math.round(fraction * 100);
  if (percent === 0) return '±0%';
  return `${percent > 0 ? '+' : '−'}${WHOLE.format(Math.abs(percent))}%`;
}

/** US$ millions as words a reader takes in at once: 3562.5 → "US$3.6 billion", 86 → "US$86 million". */
export function formatUsdMillions(millions: number): string {
  if (Math.abs(millions) >= 1000) return `US$${ONE_DECIMAL.format(millions / 1000)} billion`;
  return `US$${WHOLE.format(millions)} million`;
}

/** "2021–2025" for a window of years. */
export function formatYears(window: { from: number; to: number }): string {
  return window.from === window.to ? String(window.from) : `${window.from}–${window.to}`;
}

// Intl.DisplayNames rather than src/kb/countries.ts: the country table would add the whole
// world-countries package to the content script, which must stay small enough for every page.
let regionNames: Intl.DisplayNames | null | undefined;

/** A country's English name from its ISO alpha-2 code ("MM" → "Myanmar (Burma)"); the code when unknown. */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    } catch {
      regionNames = null;
    }
  }
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  return regionNames?.of(code.toUpperCase()) ?? code;
}
