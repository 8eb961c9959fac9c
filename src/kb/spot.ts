import type { EntityCard } from './card';

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
}
