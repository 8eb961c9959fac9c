import type { Authority, Listing } from '../kb/model';
import { authorityLabel } from './authority';
import { Provenance } from './Provenance';
import { formatIsoDate, shorten } from './format';
import { useT } from './i18n';

export interface ListingBlockProps {
  authority: Authority;
  /** This authority's listings of the entity (one per list entry), in source order. */
  listings: readonly Listing[];
}

/**
 * One authority's listings of an entity: the programme or regime in words (its code beside it),
 * when it was listed, the listing's stated reasons, and the entry's source and data date.
 */
export function ListingBlock({ authority, listings }: ListingBlockProps) {
  const t = useT();
  return (
    <section class="block listing" data-authority={authority}>
      <h3>{authorityLabel(authority, t)}</h3>
      {listings.map((listing) => (
        <div class="entry" key={`${listing.list}:${listing.reference}`}>
          <p class="fact list-name">{listing.list}</p>
          {listing.programmes.length > 0 && (
            <ul class="programmes">
              {listing.programmes.map((code, i) => {
                // Named at compile time; a card from an older knowledge base shows the code.
                const programme = listing.programmeNames?.[i] ?? { title: code, code };
                return (
                  <li key={code}>
                    {programme.title}
                    {showsCode(programme.title, programme.code) && <span class="code"> ({programme.code})</span>}
                  </li>
                );
              })}
            </ul>
          )}
          {listing.listedOn && <p class="fact">{t('listingListed', formatIsoDate(listing.listedOn, t))}</p>}
          {listing.reasons && (
            <p class="reasons" dir="auto">
              {shorten(listing.reasons, 400)}
            </p>
          )}
          <Provenance provenance={{ source: t('listingEntry', listing.list, listing.reference), url: listing.sourceUrl, date: listing.dataDate }} />
        </div>
      ))}
    </section>
  );
}

/**
 * Whether to show a programme's code beside its title: only when it is a code a reader may meet
 * in the news or on the list ("GLOMAG", "UA-WS-MARE"), not when it is words the title repeats
 * (the UK's "Syria", Australia's "Autonomous (Myanmar)").
 */
function showsCode(title: string, code: string): boolean {
  return title !== code && !title.includes(code) && !/[a-z]/.test(code);
}
