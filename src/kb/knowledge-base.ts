import type { CountryData, KbCore } from './artifact';
import { bareCard, type EntityCard, type MatchInfo, type PairFlowFacts } from './card';
import { blocCards, blocNames, countryCards, countryEntityId, countryNameUse, countryNames, type CountryName } from './country-entities';
import { keyWordCounts, NameIndex, targetFor, type KeyWordCounts } from './matcher';
import { hasOfficeTitleBefore, resolvePage, type FoundName, type PageState, type Resolved } from './resolve';
import type { Mention, SpotOptions, SpotResult, TextBlock } from './spot';
import { findUnknownNames } from './unknown-names';
import { NameLookup, type LookupName } from './lookup';
import { nameKey } from './tokens';

/**
 * The knowledge base the background holds: the name index (countries from the country-data
 * package, plus the compiled lists when installed), country cards in memory, and the listed
 * entities' cards fetched on demand. `spot` is the whole of what a page asks.
 */

/** Where the cards of listed entities live (IndexedDB in the extension, memory in Node). */
export type CardLookup = (ids: readonly string[]) => Promise<Map<string, EntityCard>>;

const COUNTRY_PREFIX = 'country:';
const BLOC_PREFIX = 'bloc:';

export class KnowledgeBase {
  constructor(
    private readonly index: NameIndex,
    private readonly countries: ReadonlyMap<string, EntityCard>,
    private readonly listedCards: CardLookup,
    private readonly flows: Readonly<Record<string, PairFlowFacts>> = {},
  ) {}

  /** Every written form of every name, for `lookup`; countries alone until `searchNames` says more. */
  private lookupNames: () => Iterable<LookupName> = countryLookupNames;
  /** Built on the first look-up only: spotting pages never needs it. */
  private nameLookup: NameLookup | null = null;

  /** Sets where `lookup` reads names from (the compiled index's keys); returns this knowledge base. */
  searchNames(names: () => Iterable<LookupName>): this {
    this.lookupNames = names;
    this.nameLookup = null;
    return this;
  }

  /** Cards of the entities whose names are closest to `query`, tolerant of spelling; best first. */
  async lookup(query: string, limit: number): Promise<EntityCard[]> {
    this.nameLookup ??= NameLookup.build(this.lookupNames());
    const hits = this.nameLookup.search(query, limit);
    const listed = await this.listedCards(hits.map((h) => h.entity).filter((id) => !id.startsWith(COUNTRY_PREFIX)));
    return hits
      .map((h) => (h.entity.startsWith(COUNTRY_PREFIX) ? this.countries.get(h.entity) : listed.get(h.entity)))
      .filter((c): c is EntityCard => !!c);
  }

  get nameCount(): number {
    return this.index.size;
  }

  /**
   * Finds the entities named in `blocks` (one page's blocks in reading order), with the card of
   * each one found; listed entities' cards carry the match tier and its reasons.
   * @param options.seen - entities marked by full name in earlier batches of the same page, so
   *   their surnames link here too; the reply's `seen` is the same after this batch.
   * @param options.unknownNames - also list name-like runs that match nothing (off by default).
   */
  async spot(blocks: readonly TextBlock[], options: SpotOptions = {}): Promise<SpotResult> {
    const found: FoundName[] = [];
    const listedIds = new Set<string>(Object.keys(options.seen ?? {}));
    blocks.forEach((block, b) => {
      for (const match of this.index.scan(block.text)) {
        found.push({ block: b, match });
        // Cards decide full names, short forms of companies, and surnames after an office title.
        const titled = hasOfficeTitleBefore(block.text, match);
        for (const t of match.targets) {
          const use = t.use ?? 'name';
          if (!isLocalId(t.entity) && (use === 'name' || use === 'short' || (titled && use === 'secondary'))) listedIds.add(t.entity);
        }
      }
    });
    const listed = listedIds.size > 0 ? await this.listedCards([...listedIds]) : new Map<string, EntityCard>();
    const state: PageState = { seen: new Map(Object.entries(options.seen ?? {})) };
    const resolved = resolvePage(
      blocks.map((b) => b.text),
      found,
      {
        isLocal: isLocalId,
        card: (id) => listed.get(id),
        countryCode: (id) => (id.startsWith(COUNTRY_PREFIX) ? id.slice(COUNTRY_PREFIX.length) : undefined),
        wordFrequency: (word) => this.index.wordFrequency(word, countedInFrequency),
      },
      state,
    );
    const ids = [...new Set(resolved.map((m) => m.entity))];
    const entities: Record<string, EntityCard> = {};
    for (const id of ids) {
      // Countries and blocs travel without their figures: the page asks for them when a card opens.
      const card = isLocalId(id) ? partialCard(this.countries.get(id)) : listed.get(id);
      if (!card) continue;
      const match = strongestMatch(resolved.filter((m) => m.entity === id));
      entities[id] = match ? { ...card, match } : card;
    }
    const mentions: Mention[] = resolved.filter((m) => m.entity in entities).map(({ block, start, end, entity }) => ({ block, start, end, entity }));
    const result: SpotResult = { mentions, entities, seen: Object.fromEntries(state.seen) };
    if (options.unknownNames) result.unknownNames = findUnknownNames(blocks, found);
    return result;
  }

  /**
   * A country's or bloc's whole card, with the arms flows between it and the other countries in
   * `onPage` (entity ids of the countries a page names); undefined for any other id.
   */
  countryCard(id: string, onPage: readonly string[]): EntityCard | undefined {
    if (!isLocalId(id)) return undefined;
    return this.countryCardFor(id, onPage.filter((other) => other.startsWith(COUNTRY_PREFIX)));
  }

  /** Finds cards whose names match `text` exactly (for look-ups); countries first. */
  async cardsNamed(text: string): Promise<EntityCard[]> {
    const ids = new Set<string>();
    for (const match of this.index.scan(text)) for (const target of match.targets) ids.add(target.entity);
    const listed = await this.listedCards([...ids].filter((id) => !isLocalId(id)));
    return [...ids].map((id) => (isLocalId(id) ? this.countries.get(id) : listed.get(id))).filter((c): c is EntityCard => !!c);
  }

  /** A country's card, with the arms flows between it and the other countries on the page. */
  private countryCardFor(id: string, onPage: readonly string[]): EntityCard | undefined {
    const card = this.countries.get(id);
    if (!card?.country) return card;
    const code = card.country.code;
    const flows = onPage
      .map((other) => other.slice(COUNTRY_PREFIX.length))
      .filter((other) => other !== code)
      .flatMap((other) => [this.flows[`${code}>${other}`], this.flows[`${other}>${code}`]])
      .filter((flow): flow is PairFlowFacts => !!flow)
      .sort((a, b) => b.tiv - a.tiv);
    return flows.length > 0 ? { ...card, country: { ...card.country, flows } } : card;
  }
}

/** A card's name and kind without its facts, marked partial (see EntityCard.partial). */
function partialCard(card: EntityCard | undefined): EntityCard | undefined {
  if (!card) return undefined;
  return { ...bareCard(card.id, card.kind, card.name), partial: true };
}

/** Countries and blocs: their cards live in memory and their names decide without a tier. */
function isLocalId(id: string): boolean {
  return id.startsWith(COUNTRY_PREFIX) || id.startsWith(BLOC_PREFIX);
}

/** Whose names count in word frequencies: listed entities (one function, so counts made ahead match). */
function countedInFrequency(id: string): boolean {
  return !isLocalId(id);
}

/**
 * The word counts of `core`'s name index that spotting needs, made ahead: counting them takes
 * ~100 ms, so they are counted when a knowledge base is stored rather than at every start-up.
 */
export function indexWordCounts(core: KbCore): KeyWordCounts {
  return keyWordCounts(core.index, core.entityIds, countedInFrequency);
}

/** The card's match for a page: its strongest mention's tier and reasons. */
function strongestMatch(mentions: readonly Resolved[]): MatchInfo | undefined {
  return mentions.find((m) => m.match?.tier === 'strong')?.match ?? mentions.find((m) => m.match)?.match;
}

/**
 * Country and bloc names (as a name index) and their cards: the same on every load, so made
 * once per worker (a list update reloads the knowledge base, not these). Never mutated.
 */
let local: { names: ReadonlyMap<string, CountryName[]>; index: NameIndex; cards: ReadonlyMap<string, EntityCard> } | null = null;

function localEntities(): NonNullable<typeof local> {
  if (local) return local;
  const names = countryNames();
  const index = new NameIndex();
  for (const [code, forms] of names) {
    const id = countryEntityId(code);
    for (const name of forms) index.add(name.text, targetFor(id, name.text, countryNameUse(name.form)));
  }
  for (const [id, forms] of blocNames()) for (const name of forms) index.add(name, targetFor(id, name));
  const cards = countryCards(names);
  for (const [id, card] of blocCards()) cards.set(id, card);
  local = { names, index, cards };
  return local;
}

/**
 * Makes the country and bloc names, index and cards now if not made yet (once per worker): the
 * background calls it while IndexedDB reads the stored knowledge base, which then loads sooner.
 */
export function prepareCountries(): void {
  localEntities();
}

/** A new index holding the country and bloc names (a copy: the shared one stays as it is). */
function countryIndex(): NameIndex {
  return localEntities().index.copy();
}

/** The country and bloc cards, with `data`'s figures on the countries (new cards, the shared ones untouched). */
function localCards(data: Readonly<Record<string, CountryData>> = {}): Map<string, EntityCard> {
  const cards = new Map(localEntities().cards);
  for (const [code, facts] of Object.entries(data)) {
    const id = countryEntityId(code);
    const card = cards.get(id);
    if (card?.country) cards.set(id, { ...card, country: { ...card.country, ...facts } });
  }
  return cards;
}

/** A knowledge base of countries alone, from the country-data package. */
export function createCountryKnowledgeBase(): KnowledgeBase {
  const index = countryIndex();
  return new KnowledgeBase(index, localCards(), async () => new Map());
}

/**
 * The knowledge base of a compiled artifact: its prebuilt index joined to the countries'.
 * @param wordCounts - indexWordCounts(core), when it was made ahead (stored with the core)
 */
export function loadKnowledgeBase(core: KbCore, cards: CardLookup, wordCounts?: KeyWordCounts): KnowledgeBase {
  const index = countryIndex();
  index.addSerialized(core.index, core.entityIds, wordCounts && { table: wordCounts, counted: countedInFrequency });
  return new KnowledgeBase(index, localCards(core.countries), cards, core.flows).searchNames(function* () {
    yield* countryLookupNames();
    for (let i = 0; i < core.index.keys.length; i++) yield { key: core.index.keys[i]!, entity: core.entityIds[core.index.entities[i]!]! };
  });
}

/** Country names as look-up keys. */
function* countryLookupNames(): Generator<LookupName> {
  for (const [code, names] of localEntities().names) for (const name of names) yield { key: nameKey(name.text), entity: countryEntityId(code) };
}
