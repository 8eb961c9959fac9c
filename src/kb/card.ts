import type { EntityKind, Listing, PartialDate } from './model';

/**
 * What a card shows about one entity: plain data sent from the background to a page, the popup or
 * the options page. Every block carries its source and date.
 */
export interface Provenance {
  /** Who published the data: "world-countries 5.1.0", "OFAC SDN List", "SIPRI Arms Transfers Database". */
  source: string;
  /** Where a reader can check it. */
  url?: string;
  /** ISO date of the data, where known. */
  date?: string;
}

export interface CountryFacts {
  code: string;
  official: string;
  capitals: string[];
  region?: string;
  provenance: Provenance;
}

export interface EntityCard {
  id: string;
  kind: EntityKind;
  /** The name to show as the card's title. */
  name: string;
  /** Other names, collapsed in the card. */
  otherNames: string[];
  country?: CountryFacts;
  listings: Listing[];
  birthDates: PartialDate[];
  birthPlaces: string[];
  nationalities: string[];
  positions: string[];
}
