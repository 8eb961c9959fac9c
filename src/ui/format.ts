import type { PartialDate } from '../kb/model';
import type { MessageKey, Translate } from './i18n';

/** Human form of a partial date: "3 Jul 1956", "Jul 1956", "1956", "c. 1960", "1960–1962". */
export function formatPartialDate(date: PartialDate, t: Translate): string {
  switch (date.kind) {
    case 'day':
      return formatIsoDate(date.date, t);
    case 'month': {
      const [y = '', m = ''] = date.date.split('-');
      return t('dateMonth', monthName(m, t), y);
    }
    case 'year':
      return date.approximate ? t('dateCirca', date.year) : String(date.year);
    case 'range':
      return `${date.from}–${date.to}`;
    case 'text':
      return date.text;
  }
}

const MONTHS: readonly MessageKey[] = ['month1', 'month2', 'month3', 'month4', 'month5', 'month6', 'month7', 'month8', 'month9', 'month10', 'month11', 'month12'];

/** A month's short name from its number ("07" → "Jul"); the number itself when out of range. */
function monthName(month: string, t: Translate): string {
  const key = MONTHS[Number(month) - 1];
  return key ? t(key) : month;
}

/** "2024-05-03" → "3 May 2024"; anything else is returned unchanged. */
export function formatIsoDate(iso: string, t: Translate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return t('dateDay', Number(m[3]), monthName(m[2]!, t), m[1]!);
}

/** Cuts text that lists can make absurdly long, on a word boundary, with an ellipsis (the compiler's own cut). */
export { shortenText as shorten } from '../kb/plain-text';

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

/**
 * The currency sign of SIPRI's figures, passed to the messages as a placeholder: a literal "$" next
 * to a placeholder in messages.json is read differently by Chrome and Firefox ("$$" escapes).
 */
export const USD = 'US$';

/** US$ millions as words a reader takes in at once: 3562.5 → "US$3.6 billion", 86 → "US$86 million". */
export function formatUsdMillions(millions: number, t: Translate): string {
  if (Math.abs(millions) >= 1000) return t('usdBillions', USD, ONE_DECIMAL.format(millions / 1000));
  return t('usdMillions', USD, WHOLE.format(millions));
}

/**
 * A coarse time relative to `now`, for status lines: "just now", "20 min ago", "3 h ago",
 * "in 15 min", "in 2 days".
 */
export function formatRelativeTime(iso: string, now: number, t: Translate): string {
  const ms = Date.parse(iso) - now;
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 1) return t(ms <= 0 ? 'timeJustNow' : 'timeNow');
  const past = ms < 0;
  if (minutes < 90) return t(past ? 'timeMinutesAgo' : 'timeInMinutes', minutes);
  if (minutes < 36 * 60) return t(past ? 'timeHoursAgo' : 'timeInHours', Math.round(minutes / 60));
  return t(past ? 'timeDaysAgo' : 'timeInDays', Math.round(minutes / 1440));
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
