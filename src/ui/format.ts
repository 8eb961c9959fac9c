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
