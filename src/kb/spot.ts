import type { EntityCard, MatchInfo } from './card';

/** A run of page text that reads as one piece (a paragraph, a heading, a list item). */
export interface TextBlock {
  text: string;
}

/** One mention: offsets into its block's text, UTF-16 code units, end exclusive. */
export interface Mention {
  block: number;
  start: number;
  end: number;
  entity: string;
}

export interface SpotResult {
  mentions: Mention[];
  /** Card data for every entity mentioned, by id. */
  entities: Record<string, EntityCard>;
  /**
   * Listed entities marked by their full name so far on this page (this batch and the `seen`
   * passed in), with their match: pass it with the page's next batch so surnames link there too.
   */
  seen?: Record<string, MatchInfo>;
  /** Name-like runs that matched nothing in the loaded lists; only when asked for. */
  unknownNames?: UnknownName[];
}

/** A name-like run of words that matches nothing in the loaded lists ("no record found"). */
export interface UnknownName {
  name: string;
  /** Times it occurs in the blocks. */
  count: number;
}

/** What a page may pass with its blocks. */
export interface SpotOptions {
  /** `seen` from the reply to the page's previous batch. */
  seen?: Record<string, MatchInfo>;
  /** Whether to compute `unknownNames` (a setting, off by default). */
  unknownNames?: boolean;
}
