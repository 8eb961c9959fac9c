import { plural, useT } from '../ui/i18n';

/**
 * How often a name occurs on the page: the figure for the eye, the words for screen readers
 * (".count" holds the number alone, which tests and styles rely on).
 */
export function MentionCount({ count }: { count: number }) {
  const t = useT();
  return (
    <>
      <span class="count" aria-hidden="true">
        {count}
      </span>
      <span class="visually-hidden">{plural(t, count, 'popupMentionsOne', 'popupMentionsOther')}</span>
    </>
  );
}
