import { Fragment } from 'preact';
import type { EntityCard as EntityCardData } from '../kb/card';
import { Provenance } from './Provenance';
import { countryName, formatPartialDate, shorten } from './format';
import { useT } from './i18n';

export interface SubjectFactsProps {
  card: EntityCardData;
}

/**
 * Who a listed person or organisation is, as the lists say: birth, nationality, where an
 * organisation is based, position and the
 * identifiers (passport, IMO …) that tell two people of the same name apart.
 */
export function SubjectFacts({ card }: SubjectFactsProps) {
  const t = useT();
  const identifiers = card.identifiers ?? [];
  // [label, values, what joins the values]: dates of birth are alternatives ("1956 or 1957").
  const rows: Array<[string, string[], string]> = [
    [t('factsBorn'), card.birthDates.map((date) => formatPartialDate(date, t)), ` ${t('factsOr')} `],
    [t('factsPlaceOfBirth'), card.birthPlaces, '; '],
    [t('factsNationality'), card.nationalities.map((code) => countryName(code)), '; '],
    [t('factsBasedIn'), (card.basedIn ?? []).map((code) => countryName(code)), '; '],
    [t('factsPosition'), card.positions.map((p) => shorten(p, 160)), '; '],
  ];
  const shown = rows.filter(([, values]) => values.length > 0);
  if (shown.length === 0 && identifiers.length === 0) return null;
  const lists = [...new Set(card.listings.map((l) => l.list))];
  const dates = card.listings.map((l) => l.dataDate).sort();
  const first = card.listings[0];
  return (
    <section class="block identity" aria-label={t('factsLabel')}>
      <dl>
        {shown.map(([label, values, joiner]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd dir="auto">
              {values.join(joiner)}
            </dd>
          </Fragment>
        ))}
        {identifiers.slice(0, 12).map((id, i) => (
          <Fragment key={`id-${i}`}>
            <dt>{id.type}</dt>
            <dd dir="auto">
              {id.value}
              {id.country ? ` (${countryName(id.country)})` : ''}
              {id.note ? ` — ${shorten(id.note, 80)}` : ''}
            </dd>
          </Fragment>
        ))}
      </dl>
      {lists.length > 0 && (
        <Provenance
          provenance={{
            source: lists.join('; '),
            ...(first ? { url: first.sourceUrl } : {}),
            ...(dates.length > 0 ? { date: dates[dates.length - 1]! } : {}),
          }}
        />
      )}
    </section>
  );
}
