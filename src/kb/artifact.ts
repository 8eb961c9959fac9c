/**
 * The compiled knowledge base as stored and shipped: a format tag and version (a version the code
 * does not know is refused, and the last good knowledge base stays in use), what each list holds,
 * the entity cards, the prebuilt name index and the country figures.
 */
import type { ArmsFacts, CountryProgramme, EntityCard, MilexFacts, PairFlowFacts } from './card';
import type { SerializedNameIndex } from './matcher';
import type { ParseIssue } from './model';

export const KB_FORMAT = 'backstory-kb';
export const KB_VERSION = 1;

/**
 * What the compiler puts in a knowledge base, as a number raised with every change that a
 * knowledge base compiled before it lacks (and with every KB_VERSION): one installed by an older
 * revision is rebuilt from its stored list files (background/updates.ts), so an upgrade takes
 * effect at once rather than when a list next changes at its publisher.
 *   2: company short forms and where organisations are based (the first revision recorded: every
 *      knowledge base without one predates them).
 */
export const COMPILER_REVISION = 2;

/** One loaded list: what the options page and the kb tool's summary show. */
export interface ListSummary {
  source: string;
  list: string;
  authority: string;
  /** Entries the list holds (before merging across lists). */
  entries: number;
  /** Written forms it added to the name index. */
  names: number;
  dataDate: string | null;
  warnings: number;
}

export interface CountryData {
  arms?: ArmsFacts;
  milex?: MilexFacts;
  listedNationals?: number;
  programmes?: CountryProgramme[];
}

export interface KbArtifact {
  format: typeof KB_FORMAT;
  version: typeof KB_VERSION;
  lists: ListSummary[];
  /** SIPRI tables loaded, for the freshness view. */
  datasets: Array<{ title: string; dataDate: string | null; records: number }>;
  /** Entity ids; the name index refers to entities by their position here. */
  entityIds: string[];
  cards: EntityCard[];
  index: SerializedNameIndex;
  /** Figures per ISO alpha-2 code. */
  countries: Record<string, CountryData>;
  /** Arms flows in the latest window, by `${supplierCode}>${recipientCode}`. */
  flows: Record<string, PairFlowFacts>;
  warnings: ParseIssue[];
}

/** The parts of an artifact the background loads at start-up: everything but the cards. */
export type KbCore = Omit<KbArtifact, 'cards'>;

/** Checks that `value` is an artifact this code can load; throws an Error saying why not. */
export function assertArtifact(value: unknown): asserts value is KbArtifact {
  assertCore(value);
  const cards = (value as Partial<KbArtifact>).cards;
  if (!Array.isArray(cards) || cards.length !== value.entityIds.length) throw new Error('knowledge base is incomplete or damaged (cards)');
}

/** Checks the start-up part of an artifact (everything but the cards, which are read on demand). */
export function assertCore(value: unknown): asserts value is KbCore {
  if (typeof value !== 'object' || value === null) throw new Error('not a Backstory knowledge base');
  const core = value as Partial<KbCore>;
  if (core.format !== KB_FORMAT) throw new Error('not a Backstory knowledge base (format tag missing)');
  if (core.version !== KB_VERSION) {
    throw new Error(`knowledge base format version ${String(core.version)} is not supported (this version reads ${KB_VERSION})`);
  }
  const index = core.index;
  if (
    !Array.isArray(core.entityIds) ||
    !index ||
    !Array.isArray(index.keys) ||
    index.keys.length !== index.entities?.length ||
    index.keys.length !== index.flags?.length ||
    typeof core.countries !== 'object' ||
    typeof core.flows !== 'object'
  ) {
    throw new Error('knowledge base is incomplete or damaged');
  }
}
