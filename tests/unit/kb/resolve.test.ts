import { describe, expect, it } from 'vitest';
import type { KbCore } from '../../../src/kb/artifact';
import { toCard } from '../../../src/kb/compile';
import { indexListedNames } from '../../../src/kb/index-names';
import { loadKnowledgeBase, type KnowledgeBase } from '../../../src/kb/knowledge-base';
import type { EntryName, ListedEntity, Listing, SubjectKind } from '../../../src/kb/model';

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
    // A person's name-only match: the card then says what tells namesakes apart.
    expect(result.entities['p:tang']?.match?.reasons).toEqual([{ kind: 'nameOnly', person: true }]);
  });

  it('gives the agreeing country and the position word as reasons', async () => {
    const result = await kb.spot([{ text: 'Chris Tang, Hong Kong’s police commissioner, spoke.' }]);
    expect(result.entities['p:tang']?.match).toEqual({
      tier: 'strong',
      reasons: [{ kind: 'distinctiveName' }, { kind: 'countryNear', country: 'HK' }, { kind: 'positionNear', word: 'commissioner', position: 'Commissioner of Police' }],
    });
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

/** A listing by `authority`, for entities whose evidence is who lists them. */
function listedBy(authority: Listing['authority'], reference: string): Listing {
  return { authority, list: `${authority} list`, programmes: [], reference, sourceUrl: 'https://example.org/list', dataDate: '2026-01-01' };
}

describe('spot: one-word organisation names and organisations on several lists', () => {
  const listed = kbOf([
    // The Taliban as two authorities print it, in entries not merged.
    entity('o:taliban-au', 'organisation', ['The Taliban'], { listings: [listedBy('AU', '6257')] }),
    entity('o:taliban-us', 'organisation', ['TALIBAN'], { listings: [listedBy('US-OFAC', '6636')] }),
    entity('o:ttp', 'organisation', ['TEHRIK-E TALIBAN PAKISTAN', 'PAKISTANI TALIBAN'], { listings: [listedBy('UN', 'QDe.132')] }),
    // One authority only, and one official authority with OpenSanctions: not enough to mark alone.
    entity('o:sobol', 'organisation', ['SOBOL'], { listings: [listedBy('CA', '1')] }),
    entity('o:drake', 'organisation', ['DRAKE'], { listings: [listedBy('US-OFAC', '2'), listedBy('OpenSanctions', 'NK-2')] }),
    // The Haqqani Network on four lists, and a listed person of the same family name.
    ...(['AU', 'UK', 'UN', 'US-OFAC'] as const).map((a) => entity(`o:hqn-${a}`, 'organisation', ['HAQQANI NETWORK (HQN)'], { listings: [listedBy(a, `hqn-${a}`)] })),
    entity('p:sirajuddin', 'person', ['HAQQANI, Sirajuddin'], { listings: [listedBy('US-OFAC', '10743')] }),
    ...Array.from({ length: 30 }, (_, i) => entity(`p:haqqani${i}`, 'person', [`HAQQANI, Person${String.fromCharCode(97 + (i % 26))}${i}`])),
    entity('o:roscosmos', 'organisation', ['ROSCOSMOS STATE CORPORATION'], { listings: [listedBy('OpenSanctions', 'NK-R')] }),
  ]);
  const spotted = async (...blocks: string[]): Promise<string[]> => {
    const result = await listed.spot(blocks.map((text) => ({ text })));
    return result.mentions.map((m) => `${blocks[m.block]!.slice(m.start, m.end)}=${m.entity.replace(/-(AU|UK|UN|US-OFAC|au|us)$/, '')}`);
  };

  it('marks a one-word name that two authorities list as an organisation’s primary name, without the article', async () => {
    expect(await spotted('Two men held by the Taliban were freed.', 'Taliban say they freed them.')).toEqual(['Taliban=o:taliban', 'Taliban=o:taliban']);
    // The longest name still wins where the text prints it.
    expect(await spotted('The Pakistani Taliban claimed it.')).toEqual(['Pakistani Taliban=o:ttp']);
  });

  it('keeps a one-word name of one authority, or of one authority and OpenSanctions, a short form', async () => {
    expect(await spotted('Sobol said so.', 'Drake sang.')).toEqual([]);
  });

  it('links one organisation that several authorities list under one name, not namesakes', async () => {
    const result = await listed.spot([{ text: 'Sirajuddin Haqqani heads the group’s Haqqani network.' }]);
    const marks = result.mentions.map((m) => 'Sirajuddin Haqqani heads the group’s Haqqani network.'.slice(m.start, m.end));
    expect(marks).toEqual(['Sirajuddin Haqqani', 'Haqqani network']);
    const network = result.entities[result.mentions[1]!.entity]!;
    expect(network.name).toBe('Haqqani Network');
    expect(network.match?.reasons.at(-1)).toEqual({ kind: 'alsoListedBy', authorities: expect.arrayContaining(['UK', 'UN', 'US-OFAC']) });
  });

  it('links a company’s leading word only after its full name', async () => {
    expect(await spotted('Roscosmos said the craft was fine.')).toEqual([]);
    expect(await spotted('Roscosmos State Corporation runs it.', 'Roscosmos said the craft was fine.')).toEqual([
      'Roscosmos State Corporation=o:roscosmos',
      'Roscosmos=o:roscosmos',
    ]);
  });
});

describe('spot: short forms of company names and surnames after an office title', () => {
  const based = (country: string): Partial<ListedEntity> => ({ addresses: [{ lines: ['1 Test Street'], country }] });
  const kb2 = kbOf([
    entity('o:roscosmos', 'organisation', ['ROSCOSMOS STATE CORPORATION'], { listings: [listedBy('OpenSanctions', 'NK-R')], ...based('RU') }),
    entity('o:huawei-tech', 'organisation', ['HUAWEI TECHNOLOGIES CO., LTD.'], { listings: [listedBy('US-OFAC', '30947')], ...based('CN') }),
    entity('o:huawei-inv', 'organisation', ['HUAWEI INVESTMENT & HOLDING CO., LTD.'], { listings: [listedBy('US-OFAC', '32087')], ...based('CN') }),
    // Everyday words, and a short form that is also a listed person's name.
    entity('o:moment', 'organisation', ['MOMENT INVESTMENT LIMITED'], { listings: [listedBy('UK', 'M1')], ...based('RU') }),
    entity('o:navigator-uk', 'organisation', ['NAVIGATOR'], { listings: [listedBy('UK', 'N1')] }),
    entity('o:navigator-us', 'organisation', ['NAVIGATOR'], { listings: [listedBy('US-OFAC', 'N2')] }),
    entity('o:afridi', 'organisation', ['TARIQ AFRIDI GROUP'], { listings: [listedBy('US-OFAC', 'T1')], ...based('PK') }),
    entity('p:khan', 'person', ['KHAN, Tariq'], { nationalities: ['PK'] }),
    // A head of state listed with the office in the listing's reasons, and relatives whose reasons name him.
    entity('p:putin', 'person', ['PUTIN, Vladimir Vladimirovich'], { nationalities: ['RU'], listings: [{ ...listedBy('AU', '6678'), reasons: 'President of the Russian Federation' }] }),
    entity('p:igor', 'person', ['PUTIN, Igor Alexandrovich'], { nationalities: ['RU'], listings: [{ ...listedBy('AU', '7243'), reasons: 'Director of a port, and relative of President Putin' }] }),
    // A family name dozens of listed people share.
    entity('p:kim-jong-un', 'person', ['KIM, Jong Un'], { nationalities: ['KP'], positions: ['President of the State Affairs Commission'] }),
    ...Array.from({ length: 30 }, (_, i) => entity(`p:kim${i}`, 'person', [`KIM, Person${String.fromCharCode(97 + (i % 26))}${i}`], { nationalities: ['KP'] })),
  ]);
  const spot2 = async (...blocks: string[]) => {
    const result = await kb2.spot(blocks.map((text) => ({ text })));
    const listed = result.mentions.filter((m) => !m.entity.startsWith('country:'));
    return listed.map((m) => ({ text: blocks[m.block]!.slice(m.start, m.end), entity: m.entity, tier: result.entities[m.entity]!.match?.tier, reasons: result.entities[m.entity]!.match?.reasons ?? [] }));
  };

  it('links a company’s distinctive short form alone where the page names its country, as a possible match', async () => {
    const [mark, ...rest] = await spot2('The craft broke up over the remote Russian Tuva region, Roscosmos said.');
    expect(rest).toEqual([]);
    expect(mark).toMatchObject({ text: 'Roscosmos', entity: 'o:roscosmos', tier: 'possible' });
    expect(mark!.reasons).toEqual([{ kind: 'shortForm', name: 'Roscosmos State Corporation' }, { kind: 'countryNear', country: 'RU' }]);
    // Nothing on the page agrees: the word alone is not enough.
    expect(await spot2('Roscosmos said the craft was fine.')).toEqual([]);
  });

  it('takes the company whose full name adds the fewest words when several share a short form, and says so', async () => {
    const [mark] = await spot2('American companies may sell to Huawei, the embattled Chinese tech company.');
    expect(mark).toMatchObject({ text: 'Huawei', entity: 'o:huawei-tech', tier: 'possible' });
    expect(mark!.reasons).toContainEqual({ kind: 'sharedShortForm', others: 1 });
    expect((await kb2.spot([{ text: 'Huawei, a Chinese firm.' }])).entities['o:huawei-tech']?.name).toBe('Huawei Technologies Co., Ltd.');
  });

  it('never marks alone a short form or one-word name made of everyday words, or one that is a listed person’s name', async () => {
    expect(await spot2('At that Moment Russia changed course.', 'Navigator, the Russian ship, sailed.')).toEqual([]);
    expect(await spot2('Tariq Afridi, a Pakistani trader, said so.')).toEqual([]);
  });

  it('links a surname after an office title when one listed person of that name holds the office', async () => {
    const [mark] = await spot2('The move did not make President Putin happy.', 'Russia summoned the ambassador.');
    expect(mark).toMatchObject({ text: 'Putin', entity: 'p:putin', tier: 'strong' });
    expect(mark!.reasons).toEqual([{ kind: 'officeTitle', title: 'President', role: 'President of the Russian Federation' }, { kind: 'countryNear', country: 'RU' }]);
    // Without the country on the page it is only possible; later mentions follow the first.
    expect((await spot2('President Putin spoke.', 'Putin left.')).map((m) => `${m.text}:${m.entity}:${m.tier}`)).toEqual(['Putin:p:putin:possible', 'Putin:p:putin:possible']);
  });

  it('does not link a surname after a title the listing does not give, nor a surname many listed people share', async () => {
    expect(await spot2('Mr Putin spoke in Russia.')).toEqual([]);
    expect(await spot2('Prime Minister Putin spoke in Russia.')).toEqual([]);
    expect(await spot2('President Kim met the North Korean army.')).toEqual([]);
  });

  it('never calls a person strong on the country alone, nor on a country word of the listed position', async () => {
    const kb3 = kbOf([
      entity('p:yilmaz', 'person', ['YILMAZ, Adem'], { nationalities: ['TR'] }),
      entity('p:smolin', 'person', ['SMOLIN, Oleg'], { nationalities: ['RU'], positions: ['Member of the State Duma of the Russian Federation', 'Chairman of the Duma Committee on Education'] }),
    ]);
    const tiers = async (text: string): Promise<string[]> => {
      const result = await kb3.spot([{ text }]);
      return result.mentions.filter((m) => !m.entity.startsWith('country:')).map((m) => `${m.entity}:${result.entities[m.entity]!.match!.tier}`);
    };
    expect(await tiers('Adem Yilmaz, a Turkish goalkeeper, kept a clean sheet.')).toEqual(['p:yilmaz:possible']);
    expect(await tiers('Oleg Smolin, a Russian marathon runner, set a best.')).toEqual(['p:smolin:possible']);
    // The role itself near the name is what makes it strong.
    expect(await tiers('Oleg Smolin, the Russian education committee chairman, spoke.')).toEqual(['p:smolin:strong']);
  });

  it('shows names of family-first nationalities in that order', async () => {
    const result = await kb2.spot([{ text: 'Kim Jong Un spoke.' }]);
    expect(result.entities['p:kim-jong-un']?.name).toBe('Kim Jong Un');
  });
});

describe('spot: countries, capitals and blocs', () => {
  it('reads plural demonyms as the country', async () => {
    expect(await marked('Israelis and Palestinians, 155 Indonesians and three South Koreans.')).toEqual([
      'Israelis=country:IL',
      'Palestinians=country:PS',
      'Indonesians=country:ID',
      'South Koreans=country:KR',
    ]);
  });

  it('reads more constructions that make a capital the government', async () => {
    expect(
      await marked(
        'differences between Moscow and Washington',
        'leverage with both Tehran and Washington.',
        'talks with the Kabul government',
        'he said Kabul had ensured it',
        'Moscow has cited technical reasons',
        'against the territory’s government and Beijing.',
        'Washington and its allies agreed',
      ),
    ).toEqual([
      'Moscow=country:RU',
      'Washington=country:US',
      'Tehran=country:IR',
      'Washington=country:US',
      'Kabul=country:AF',
      'Kabul=country:AF',
      'Moscow=country:RU',
      'Beijing=country:CN',
      'Washington=country:US',
    ]);
    expect(await marked('She flew to Moscow and Kiev.', 'Moscow and St Petersburg are big.', 'the mood in Beijing')).toEqual([]);
  });

  it('reads "America" as the United States only as an actor, and not in "Latin America"', async () => {
    expect(await marked('America’s constitution', 'Latin America’s economies', 'a trip across America')).toEqual(['America=country:US']);
  });

  it('does not mark a country inside the name of a sea ("South China Sea")', async () => {
    expect(await marked('Ships crossed the South China Sea and the East China Sea near China.')).toEqual(['China=country:CN']);
  });

  it('does not mark a country inside a longer place name ("New Mexico")', async () => {
    expect(await marked('a commissioner in New Mexico and New Jersey', 'New Zealand and Mexico')).toEqual(['New Zealand=country:NZ', 'Mexico=country:MX']);
    // At a sentence's start "New" is as likely the adjective.
    expect(await marked('New China tariffs hit.', 'They announced New US sanctions.')).toEqual(['China=country:CN', 'US=country:US']);
  });

  it('reads "the Islamic Republic" as Iran only where Iran is named', async () => {
    expect(await marked('pressuring the Islamic Republic')).toEqual([]);
    expect(await marked('fuel for Iran, pressuring the Islamic Republic')).toEqual(['Iran=country:IR', 'Islamic Republic=country:IR']);
  });

  it('reads "Security Council" as the UN’s unless another body’s name comes first', async () => {
    expect(await marked('the U.N. Security Council', 'Security Council sanctions', 'the National Security Council', 'the Russian Security Council')).toEqual([
      'U.N=bloc:UN',
      'Security Council=bloc:UN',
      'Security Council=bloc:UN',
      'Russian=country:RU',
    ]);
  });

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
