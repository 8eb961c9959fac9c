import type { UnknownName } from '../messages';
import { useT } from '../ui/i18n';
import { MentionCount } from './MentionCount';

export interface UnknownNamesProps {
  names: UnknownName[];
  /** Look the name up in the knowledge base (a spelling the lists print differently may still be found). */
  onLookup: (name: string) => void;
}

/**
 * Names on the page that look like names but match nothing in the loaded lists (a preference, off
 * by default). Said plainly: not finding a name says nothing about the person, only about the
 * lists loaded. Each name can be looked up, since a list may print it another way.
 */
export function UnknownNames({ names, onLookup }: UnknownNamesProps) {
  const t = useT();
  return (
    <section class="unknown-names" aria-labelledby="unknown-heading">
      <h3 id="unknown-heading">{t('popupUnknownHeading')}</h3>
      {names.length === 0 ? (
        <p class="muted">{t('popupUnknownNone')}</p>
      ) : (
        <>
          <p class="muted note">{t('popupUnknownNote')}</p>
          <ul class="found" data-group="unknown">
            {names.map((entry) => (
              <li key={entry.name}>
                <button type="button" class="reveal" title={t('popupUnknownLookUp', entry.name)} onClick={() => onLookup(entry.name)}>
                  <span class="name">{entry.name}</span>
                </button>
                <MentionCount count={entry.count} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
