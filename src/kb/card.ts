import type { DirectionFigures, PairFlowFigures, YearWindow } from './arms-flows';
import type { Authority, EntityKind, Identifier, Listing, MergeReason, PartialDate } from './model';
import type { ProgrammeName } from './programmes';

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
  arms?: ArmsFacts;
  milex?: MilexFacts;
  /** Listed people and organisations whose nationality is this country, across the loaded lists. */
  listedNationals?: number;
  /** Sanctions programmes aimed at this country, as the loaded lists use them. */
  programmes?: CountryProgramme[];
  /** Arms flows between this country and others named on the same page (filled per page). */
  flows?: PairFlowFacts[];
}

/** A sanctions programme aimed at a country, in words, and how many loaded entries it covers. */
export interface CountryProgramme extends ProgrammeName {
  authority: Authority;
  entities: number;
}

/** A country's SIPRI arms-transfer figures for one five-year window. TIV in millions. */
export interface ArmsFacts {
  window: YearWindow;
  previousWindow: YearWindow;
  imports: DirectionFigures;
  exports: DirectionFigures;
  byYear: Array<{ year: number; imports: number; exports: number }>;
  provenance: Provenance;
}

export interface PairFlowFacts extends PairFlowFigures {
  supplierCode: string;
  recipientCode: string;
  provenance: Provenance;
}

export interface MilexFacts {
  year: number;
  /** Constant US$ millions at `baseYear` prices. */
  constantUsd?: number;
  baseYear?: number;
  /** Fraction (0.04 = 4 %). */
  shareOfGdp?: number;
  provenance: Provenance;
}

/**
 * How sure Backstory is that the page means this listed entity: 'strong' when the name is
 * distinctive and the page agrees (a country, role or organisation near the mention that matches
 * the listing); 'possible' on the name alone. Reasons are facts, worded by the card (in the
 * reader's language, through _locales).
 */
export interface MatchInfo {
  tier: 'strong' | 'possible';
  reasons: MatchReason[];
}

/** One reason for a match's tier. Country codes are ISO alpha-2; text fields are list text. */
export type MatchReason =
  /** The name is distinctive and written as the list writes it. */
  | { kind: 'distinctiveName' }
  /** Only the name matched; for a person, the card says what tells namesakes apart. */
  | { kind: 'nameOnly'; person: boolean }
  /** A country of the listing is named near the mention. */
  | { kind: 'countryNear'; country: string }
  /** A word of a listed position is written near the name. */
  | { kind: 'positionNear'; word: string; position: string }
  /** A short form of a name marked in full earlier on the page. */
  | { kind: 'earlierFullName' }
  /** The same organisation on other authorities' lists, in entries not merged. */
  | { kind: 'alsoListedBy'; authorities: string[] }
  /** Other listed entries carry the name; the page agrees with this one. */
  | { kind: 'namesakes'; others: number }
  /** A surname written after an office title the listing gives. */
  | { kind: 'officeTitle'; title: string; role: string }
  /** A short form of the listed company name. */
  | { kind: 'shortForm'; name: string }
  /** Other listed companies share the short form. */
  | { kind: 'sharedShortForm'; others: number };

/** Every kind of match reason (for checking messages). */
export const MATCH_REASON_KINDS: ReadonlySet<MatchReason['kind']> = new Set([
  'distinctiveName', 'nameOnly', 'countryNear', 'positionNear', 'earlierFullName', 'alsoListedBy', 'namesakes', 'officeTitle', 'shortForm', 'sharedShortForm',
]);

export interface EntityCard {
  id: string;
  kind: EntityKind;
  /**
   * The card as a page's spot reply carries it, without its figures: the page asks for the
   * whole card (`countryCard`) when it opens. Keeps replies small: a country's SIPRI figures are
   * ~5 KB, and a page names many countries.
   */
  partial?: true;
  /** The name to show as the card's title. */
  name: string;
  /** Other names, collapsed in the card. */
  otherNames: string[];
  country?: CountryFacts;
  listings: Listing[];
  birthDates: PartialDate[];
  birthPlaces: string[];
  nationalities: string[];
  /** Organisations and vessels: countries of their listed addresses and registrations (ISO alpha-2). */
  basedIn?: string[];
  positions: string[];
  identifiers?: Identifier[];
  gender?: 'male' | 'female';
  remarks?: string[];
  /** Why list entries were taken to be this one entity. */
  mergedBecause?: MergeReason[];
  /** For a listed entity on a page: how sure the match is (set per page by the background). */
  match?: MatchInfo;
}

/** A card with a name and kind and no facts yet (the facts are filled in, or fetched, later). */
export function bareCard(id: string, kind: EntityKind, name: string): EntityCard {
  return { id, kind, name, otherNames: [], listings: [], birthDates: [], birthPlaces: [], nationalities: [], positions: [] };
}
