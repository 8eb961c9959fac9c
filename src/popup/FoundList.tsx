import type { FoundEntity } from '../messages';
import { MAX_MARKS_PER_PAGE } from '../page-limits';
import { useT, type MessageKey } from '../ui/i18n';
import { MentionCount } from './MentionCount';

export interface FoundListProps {
  found: FoundEntity[];
  /** Scroll the page to the entity's first mark and flash it. */
  onReveal: (id: string) => void;
}

const KIND_KEYS: Record<FoundEntity['kind'], MessageKey> = {
  person: 'kindPerson',
  organisation: 'kindOrganisation',
  vessel: 'kindVessel',
  aircraft: 'kindAircraft',
  country: 'kindCountry',
};

/** Most mentioned first, then by name, so the order is stable between refreshes. */
const byCount = (a: FoundEntity, b: FoundEntity): number => b.count - a.count || a.name.localeCompare(b.name);

/**
 * What the page names, in two groups: listed people, organisations and vessels first (the reason a
 * reader opens the popup), then countries. Each entry is a button that shows its first mention,
 * unless none of its mentions is marked.
 */
export function FoundList({ found, onReveal }: FoundListProps) {
  const t = useT();
  const listed = found.filter((e) => e.kind !== 'country').sort(byCount);
  const countries = found.filter((e) => e.kind === 'country').sort(byCount);
  const group = (id: string, heading: MessageKey, entities: FoundEntity[]) =>
    entities.length > 0 && (
      <section aria-labelledby={id}>
        <h3 id={id}>{t(heading)}</h3>
        <ul class="found" data-group={id}>
          {entities.map((entity) => (
            <li key={entity.id} data-entity={entity.id}>
              {entity.marked ? (
                <button type="button" class="reveal" title={t('popupRevealHint', entity.name)} onClick={() => onReveal(entity.id)}>
                  <span class="name">{entity.name}</span> <span class="muted">· {t(KIND_KEYS[entity.kind])}</span>
                </button>
              ) : (
                // Nothing to show on the page: named only past the marks a page holds.
                <span class="unmarked">
                  <span class="name">{entity.name}</span> <span class="muted">· {t(KIND_KEYS[entity.kind])} · {t('popupNotMarked', MAX_MARKS_PER_PAGE.toLocaleString('en'))}</span>
                </span>
              )}
              <MentionCount count={entity.count} />
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <>
      {group('found-listed', 'popupGroupListed', listed)}
      {group('found-countries', 'popupGroupCountries', countries)}
    </>
  );
}
