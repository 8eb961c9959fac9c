/** One line at the foot of the popup saying how fresh the lists are ("Lists updated 3 h ago"). */
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../messages';
import { formatRelativeTime } from '../ui/format';
import { useT, type Translate } from '../ui/i18n';

/** The freshness line for a knowledge base installed at `installedAt` (null: only countries loaded). */
export function freshnessText(installedAt: string | null, listCount: number, now: number, t: Translate): string {
  if (!installedAt || listCount === 0) return t('freshnessNone');
  // An install time ahead of this clock (another clock set it) reads as "just now", not "in 5 min".
  const parsed = Date.parse(installedAt);
  const installed = Number.isNaN(parsed) ? now : Math.min(parsed, now);
  return t('freshnessUpdated', formatRelativeTime(new Date(installed).toISOString(), now, t));
}

/** Asks the background what is loaded and shows the freshness line. */
export function Freshness() {
  const t = useT();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    void ask('getStatus', null)
      .then((status) => setText(freshnessText(status.installedAt, status.lists.length + status.datasets.length, Date.now(), t)))
      .catch(() => setText(null));
  }, []);
  return text ? (
    <p class="muted freshness" data-freshness>
      {text}
    </p>
  ) : null;
}
