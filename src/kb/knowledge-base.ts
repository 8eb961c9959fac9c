import type { CountryData, KbCore } from './artifact';
import type { EntityCard, PairFlowFacts } from './card';
import { countryCards, countryEntityId, countryNames } from './country-entities';
import { NameIndex, targetFor, type NameMatch } from './matcher';
import type { Mention, SpotResult, TextBlock } from './spot';

/**
 * The knowledge base the background holds: the name index (countries from the country-data
 * package, plus the compiled lists when installed), country cards in memory, and the listed
 * entities' cards fetched on demand. `spot` is the whole of what a page asks.
 */

/** Where the cards of listed entities live (IndexedDB in the extension, memory in Node). */
export type CardLookup = (ids: readonly string[]) => Promise<Map<string, EntityCard>>;

const COUNTRY_PREFIX = 'country:';

export class KnowledgeBase {
  constructor(
    private readonly index: NameIndex,
    private readonly countries: ReadonlyMap<string, EntityCard>,
    private readonly listedCards: CardLookup,
    private readonly flows: Readonly<Record<string, PairFlowFacts>> = {},
  ) {}

  get nameCount(): number {
    return this.index.size;
  }

  /** Finds the entities named in `blocks`, with the card of each one found. */
  async spot(blocks: readonly TextBlock[]): Promise<SpotResult> {
    const mentions: Mention[] = [];
    blocks.forEach((block, b) => {
      for (const match of this.index.scan(block.text)) {
        const entity = chooseEntity(match);
        if (entity) mentions.push({ block: b, start: match.start, end: match.end, entity });
      }
    });
    const ids = [...new Set(mentions.map((m) => m.entity))];
    const listed = await this.listedCards(ids.filter((id) => !id.startsWith(COUNTRY_PREFIX)));
    const entities: Record<string, EntityCard> = {};
    const countryIds = ids.filter((id) => id.startsWith(COUNTRY_PREFIX));
    for (const id of ids) {
      const card = id.startsWith(COUNTRY_PREFIX) ? this.countryCardFor(id, countryIds) : listed.get(id);
      if (card) entities[id] = card;
    }
    return { mentions: mentions.filter((m) => m.entity in entities), entities };
  }

  /** Finds cards whose names match `text` exactly (for look-ups); countries first. */
  async cardsNamed(text: string): Promise<EntityCard[]> {
    const ids = new Set<string>();
    for (const match of this.index.scan(text)) for (const target of match.targets) ids.add(target.entity);
    const listed = await this.listedCards([...ids].filter((id) => !id.startsWith(COUNTRY_PREFIX)));
    return [...ids].map((id) => (id.startsWith(COUNTRY_PREFIX) ? this.countries.get(id) : listed.get(id))).filter((c): c is EntityCard => !!c);
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

/**
 * Which entity a match stands for, or null when the text cannot tell. A country wins over a listed
 * entity that happens to share its name; several listed entities sharing a name are not told
 * apart here (the page's context has to, see the resolver).
 */
function chooseEntity(match: NameMatch): string | null {
  const ids = [...new Set(match.targets.map((t) => t.entity))];
  const countries = ids.filter((id) => id.startsWith(COUNTRY_PREFIX));
  if (countries.length > 0) return countries.length === 1 ? countries[0]! : null;
  return ids.length === 1 ? ids[0]! : null;
}

function addCountryNames(index: NameIndex): void {
  for (const [code, names] of countryNames()) {
    const id = countryEntityId(code);
    for (const name of names) index.add(name.text, targetFor(id, name.text));
  }
}

function enrichCountries(cards: Map<string, EntityCard>, data: Readonly<Record<string, CountryData>>): Map<string, EntityCard> {
  for (const [code, facts] of Object.entries(data)) {
    const card = cards.get(countryEntityId(code));
    if (card?.country) card.country = { ...card.country, ...facts };
  }
  return cards;
}

/** A knowledge base of countries alone, from the country-data package. */
export function createCountryKnowledgeBase(): KnowledgeBase {
  const index = new NameIndex();
  addCountryNames(index);
  return new KnowledgeBase(index, countryCards(), async () => new Map());
}

/** The knowledge base of a compiled artifact: its prebuilt index joined to the countries'. */
export function loadKnowledgeBase(core: KbCore, cards: CardLookup): KnowledgeBase {
  const index = new NameIndex();
  addCountryNames(index);
  index.addSerialized(core.index, core.entityIds);
  return new KnowledgeBase(index, enrichCountries(countryCards(), core.countries), cards, core.flows);
}
