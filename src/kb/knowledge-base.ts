import type { EntityCard } from './card';
import { countryCards, countryEntityId, countryNames } from './country-entities';
import { NameIndex, targetFor } from './matcher';
import type { Mention, SpotResult, TextBlock } from './spot';

/**
 * The knowledge base the background holds: entity cards and the name index over them.
 * `spot` is the whole of what a page asks: which entities do these blocks name.
 */
export class KnowledgeBase {
  constructor(
    private readonly index: NameIndex,
    private readonly cards: ReadonlyMap<string, EntityCard>,
  ) {}

  get entityCount(): number {
    return this.cards.size;
  }

  get nameCount(): number {
    return this.index.size;
  }

  card(id: string): EntityCard | undefined {
    return this.cards.get(id);
  }

  /** Finds the entities named in `blocks`, with the card of each one found. */
  spot(blocks: readonly TextBlock[]): SpotResult {
    const mentions: Mention[] = [];
    const entities: Record<string, EntityCard> = {};
    blocks.forEach((block, b) => {
      for (const match of this.index.scan(block.text)) {
        // Several entities can share a written form; until the resolver weighs context
        // (issue 5), a form that is ambiguous between entities is not marked.
        const ids = new Set(match.targets.map((t) => t.entity));
        if (ids.size !== 1) continue;
        const [entity] = ids;
        const card = this.cards.get(entity!);
        if (!card) continue;
        entities[card.id] = card;
        mentions.push({ block: b, start: match.start, end: match.end, entity: card.id });
      }
    });
    return { mentions, entities };
  }
}

/** A knowledge base of countries alone, from the country-data package. */
export function createCountryKnowledgeBase(): KnowledgeBase {
  const index = new NameIndex();
  for (const [code, names] of countryNames()) {
    const id = countryEntityId(code);
    for (const name of names) index.add(name.text, targetFor(id, name.text));
  }
  return new KnowledgeBase(index, countryCards());
}
