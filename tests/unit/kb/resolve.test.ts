import { describe, expect, it } from 'vitest';
import type { KbCore } from '../../../src/kb/artifact';
import { toCard } from '../../../src/kb/compile';
import { indexListedNames } from '../../../src/kb/index-names';
import { loadKnowledgeBase, type KnowledgeBase } from '../../../src/kb/knowledge-base';
import type { EntryName, ListedEntity, SubjectKind } from '../../../src/kb/model';

function entity(id: string, kind: SubjectKind, names: (string | [string, EntryName['type']])[], extra: Partial<ListedEntity> = {}): ListedEntity {
  return {
    id,
    kind,
    names: names.map((n, i) => {
      const [full, type] = typeof n === 'string' ? [n, i === 0 ? 'primary' : 'alias'] : n;
      return { full, type: type as EntryName['type'], strength: 'strong' as const };
    }),
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    positions: [],
    addresses: [],
    identifiers: [],
    remarks: [],
    listings: [],
    mergedBecause: [],
    ...extra,
  };
}

function kbOf(entities: ListedEntity[]): KnowledgeBase {
  const index = indexListedNames(entities);
  const ids = entities.map((e) => e.id);
  const core = { entityIds: ids, index: index.serialize((id) => ids.indexOf(id)), countries: {}, flows: {} } as unknown as KbCore;
  const cards = new Map(entities.map((e) => [e.id, toCard(e)]));
  return loadKnowledgeBase(core, async (want) => new Map(want.filter((id) => cards.has(id)).map((id) => [id, cards.get(id)!])));
}

const ENTITIES = [
  entity('p:tang', 'person', ['TANG, Chris'], { nationalities: ['HK'], positions: ['Commissioner of Police'] }),
  entity('p:assad', 'person', ['AL-ASSAD, Bashar'], { nationalities: ['SY'], positions: ['President of the Syrian Arab Republic'] }),
  entity('p:ali1', 'person', ['ALI, Mohammed'], { nationalities: ['IQ'] }),
  entity('o:uac', 'organisation', ['UNITED AIRCRAFT CORPORATION', 'SUKHOI']),
  entity('o:sukhoi', 'organisation', ['SUKHOI AVIATION JSC']),
  entity('o:path', 'organisation', ['SHINING PATH', "PEOPLE'S LIBERATION ARMY"]),
  entity('o:rpla', 'organisation', ["REVOLUTIONARY PEOPLE'S LIBERATION ARMY"]),
  entity('v:star', 'vessel', ['OCEAN STAR']),
  // Enough listed names with "Mohammed" and "Ali" to make both everyday words of the lists.
  ...Array.from({ length: 30 }, (_, i) => entity(`p:m${i}`, 'person', [`MOHAMMED ALI, Person${String.fromCharCode(97 + (i % 26))}${i}`])),
];
const kb = kbOf(ENTITIES);

async function marked(...blocks: string[]): Promise<string[]> {
  const result = await kb.spot(blocks.map((text) => ({ text })));
  return result.mentions.map((m) => `${blocks[m.block]!.slice(m.start, m.end)}=${m.entity}${result.entities[m.entity]?.match ? `:${result.entities[m.entity]!.match!.tier}` : ''}`);
}

describe('spot: listed people and organisations', () => {
  it('links a surname alone only after the full name appeared earlier on the page', async () => {
    expect(await marked('Assad spoke first.', 'Later Bashar al-Assad said more.', 'Assad left.')).toEqual([
      'Bashar al-Assad=p:assad:possible',
      'Assad=p:assad:possible',
    ]);
  });

  it('carries the full names seen to the next batch of the same page', async () => {
    const first = await kb.spot([{ text: 'Bashar al-Assad arrived.' }]);
    const second = await kb.spot([{ text: 'Assad left.' }], { seen: first.seen! });
    expect(second.mentions.map((m) => m.entity)).toEqual(['p:assad']);
  });

  it('calls a match strong when the page agrees with the listing, possible on the name alone', async () => {
    expect(await marked('Chris Tang, Hong Kong’s police commissioner, spoke.')).toEqual(['Chris Tang=p:tang:strong', 'Hong Kong=country:HK']);
    expect(await marked('Chris Tang spoke at the dinner.')).toEqual(['Chris Tang=p:tang:possible']);
  });

  it('gives reasons with every tier', async () => {
    const result = await kb.spot([{ text: 'Chris Tang spoke at the dinner.' }]);
    expect(result.entities['p:tang']?.match?.reasons.join(' ')).toMatch(/date of birth/);
  });

  it('does not show a name made of everyday list words without agreement from the page', async () => {
    expect(await marked('Mohammed Ali opened a bakery.')).toEqual([]);
  });

  it('never marks an alias that is also part of other entities’ names on its own', async () => {
    expect(await marked('The Sukhoi Su-24 flew.')).toEqual([]);
    expect(await marked('The People’s Liberation Army could be deployed.')).toEqual([]);
    expect(await marked('United Aircraft Corporation makes the Sukhoi.')).toEqual(['United Aircraft Corporation=o:uac:possible', 'Sukhoi=o:uac:possible']);
  });

  it('marks a vessel only where the text speaks of a ship', async () => {
    expect(await marked('Ocean Star is a fine name for a band.')).toEqual([]);
    expect(await marked('The tanker Ocean Star left port.')).toEqual(['Ocean Star=v:star:possible']);
  });

  it('matches transliteration variants and a lower-case hyphenated part', async () => {
    expect(await marked('Bashar al-Asad met reporters.')).toEqual(['Bashar al-Asad=p:assad:possible']);
  });
});

describe('spot: countries, capitals and blocs', () => {
  it('reads a capital as its country only where the text makes it an actor', async () => {
    expect(await marked('Moscow said no.', 'She lives in Moscow.', "Beijing's response", 'ties with Tehran')).toEqual([
      'Moscow=country:RU',
      'Beijing=country:CN',
      'Tehran=country:IR',
    ]);
  });

  it('marks blocs as organisations', async () => {
    const result = await kb.spot([{ text: 'The EU and NATO met at the United Nations and the U.N. agreed.' }]);
    expect(result.mentions.map((m) => m.entity)).toEqual(['bloc:EU', 'bloc:NATO', 'bloc:UN', 'bloc:UN']);
    expect(result.entities['bloc:NATO']?.kind).toBe('organisation');
  });

  it('reads "US" in an all-capitals headline as the country only after THE', async () => {
    expect(await marked('TELL US WHY', 'THE US WILL ACT')).toEqual(['US=country:US']);
  });

  it('marks names in an all-capitals headline', async () => {
    expect(await marked('BASHAR AL-ASSAD VISITS RUSSIA')).toEqual(['BASHAR AL-ASSAD=p:assad:possible', 'RUSSIA=country:RU']);
  });
});

describe('spot: unknown names', () => {
  it('lists name-like runs that match nothing only when asked', async () => {
    const blocks = [{ text: 'Tim Morrison met Chris Tang and Tim Morrison again.' }];
    expect((await kb.spot(blocks)).unknownNames).toBeUndefined();
    expect((await kb.spot(blocks, { unknownNames: true })).unknownNames).toEqual([{ name: 'Tim Morrison', count: 2 }]);
  });
});
