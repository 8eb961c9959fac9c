/** One line at the foot of the popup saying how fresh the lists are ("Lists updated 3 h ago"). */
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../messages';

/** The freshness line for a knowledge base installed at `installedAt` (null: only countries loaded). */
export function freshnessText(installedAt: string | null, listCount: number, now: number): string {
  if (!installedAt || listCount === 0) return 'No lists loaded: only countries are marked.';
  const minutes = Math.max(0, Math.round((now - Date.parse(installedAt)) / 60_000));
  const age = minutes < 1 ? 'just now' : minutes < 90 ? `${minutes} min ago` : minutes < 36 * 60 ? `${Math.round(minutes / 60)} h ago` : `${Math.round(minutes / 1440)} days ago`;
  return `Lists updated ${age}.`;
}

/** Asks the background what is loaded and shows the freshness line. */
export function Freshness() {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    void ask('getStatus', null)
      .then((status) => setText(freshnessText(status.installedAt, status.lists.length + status.datasets.length, Date.now())))
      .catch(() => setText(null));
  }, []);
  return text ? (
    <p class="muted freshness" data-freshness>
      {text}
    </p>
  ) : null;
}
