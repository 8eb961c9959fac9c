import type { EntityCard as EntityCardData } from '../kb/card';
import { Provenance } from './Provenance';
import { formatIsoDate, formatPartialDate, shorten } from './format';

export interface EntityCardProps {
  card: EntityCardData;
  /** Id of the title element, for aria-labelledby on the card's container. */
  titleId?: string;
}

const KIND_LABELS: Record<EntityCardData['kind'], string> = {
  person: 'Person',
  organisation: 'Organisation',
  vessel: 'Vessel',
  aircraft: 'Aircraft',
  country: 'Country',
};

/** What Backstory knows about one entity: the same component in the page card, popup and options. */
export function EntityCard({ card, titleId }: EntityCardProps) {
  return (
    <article class="card" data-kind={card.kind}>
      <header>
        <p class="kind">{KIND_LABELS[card.kind]}</p>
        <h2 id={titleId}>{shorten(card.name, 120)}</h2>
      </header>
      {card.country && (
        <section class="block">
          <dl>
            <dt>Official name</dt>
            <dd>{card.country.official}</dd>
            {card.country.capitals.length > 0 && (
              <>
                <dt>Capital</dt>
                <dd>{card.country.capitals.join(', ')}</dd>
              </>
            )}
            {card.country.region && (
              <>
                <dt>Region</dt>
                <dd>{card.country.region}</dd>
              </>
            )}
          </dl>
          <Provenance provenance={card.country.provenance} />
        </section>
      )}
      {card.birthDates.length > 0 && (
        <p class="fact">Born {card.birthDates.map(formatPartialDate).join(' or ')}</p>
      )}
      {card.listings.map((listing) => (
        <section class="block listing" key={`${listing.authority}:${listing.reference}`}>
          <h3>{listing.list}</h3>
          <p class="fact">
            {listing.programmes.join(', ')}
            {listing.listedOn ? ` · listed ${formatIsoDate(listing.listedOn)}` : ''}
          </p>
          {listing.reasons && <p class="reasons">{shorten(listing.reasons, 400)}</p>}
          <Provenance provenance={{ source: `${listing.list}, entry ${listing.reference}`, url: listing.sourceUrl, date: listing.dataDate }} />
        </section>
      ))}
      {card.otherNames.length > 0 && (
        <details class="names">
          <summary>Other names ({card.otherNames.length})</summary>
          <ul>
            {card.otherNames.slice(0, 50).map((name) => (
              <li key={name}>{shorten(name, 120)}</li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
