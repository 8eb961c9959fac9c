import type { EntityCard as EntityCardData } from '../kb/card';
import type { Authority, Listing } from '../kb/model';
import { CountryFactsBlock } from './CountryFactsBlock';
import { plural, useT, type MessageKey } from './i18n';
import { ListingBlock } from './ListingBlock';
import { MatchTier } from './MatchTier';
import { SubjectFacts } from './SubjectFacts';
import { shorten } from './format';

export interface EntityCardProps {
  card: EntityCardData;
  /** Id of the title element, for aria-labelledby on the card's container (same shadow root). */
  titleId?: string;
  /** Colour theme; without it the reader's prefers-color-scheme decides. */
  theme?: 'light' | 'dark';
  /**
   * The reader says this page does not mean the listed person or organisation: the card shows a
   * "Not this person" button for listed people and organisations when this is given.
   */
  onNotThisPerson?: () => void;
}

const KIND_LABELS: Record<EntityCardData['kind'], MessageKey> = {
  person: 'cardKindPerson',
  organisation: 'cardKindOrganisation',
  vessel: 'cardKindVessel',
  aircraft: 'cardKindAircraft',
  country: 'cardKindCountry',
};

/** What Backstory knows about one entity: the same component in the page card, popup and options. */
export function EntityCard({ card, titleId, theme, onNotThisPerson }: EntityCardProps) {
  const t = useT();
  const listed = card.kind !== 'country' && card.listings.length > 0;
  const dismissable = onNotThisPerson && (card.kind === 'person' || card.kind === 'organisation');
  const authorities = new Set(card.listings.map((l) => l.authority)).size;
  return (
    <article class="card bs-themed" data-kind={card.kind} data-theme={theme}>
      <header>
        <p class="kind">
          {t(KIND_LABELS[card.kind])}
          {listed && ` · ${plural(t, authorities, 'cardListedByOne', 'cardListedByOther')}`}
        </p>
        <h2 id={titleId} dir="auto">
          {shorten(card.name, 120)}
        </h2>
      </header>
      {listed && <MatchTier match={card.match} />}
      {card.country && <CountryFactsBlock name={card.name} country={card.country} />}
      {card.kind !== 'country' && <SubjectFacts card={card} />}
      {groupByAuthority(card.listings).map(([authority, listings]) => (
        <ListingBlock key={authority} authority={authority} listings={listings} />
      ))}
      {card.otherNames.length > 0 && (
        <details class="names">
          <summary>{t('cardOtherNames', card.otherNames.length)}</summary>
          <ul>
            {card.otherNames.slice(0, 50).map((name) => (
              <li key={name} dir="auto">
                {shorten(name, 120)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {dismissable && (
        <p class="actions">
          <button type="button" class="not-this" onClick={onNotThisPerson}>
            {t(card.kind === 'person' ? 'cardNotThisPerson' : 'cardNotThisOrganisation')}
          </button>
        </p>
      )}
    </article>
  );
}

/** Listings grouped by authority, in the order each authority first appears. */
function groupByAuthority(listings: readonly Listing[]): Array<[Authority, Listing[]]> {
  const groups = new Map<Authority, Listing[]>();
  for (const listing of listings) {
    const group = groups.get(listing.authority);
    if (group) group.push(listing);
    else groups.set(listing.authority, [listing]);
  }
  return [...groups];
}
