/**
 * Decides, for each name found on a page, which entity it means and how sure that is. Works over
 * one page's blocks in reading order, so a surname links only after the full name was marked
 * earlier, and a capital stands for its country only where the text makes it an actor.
 *
 * Tiers (card.ts `MatchInfo`): 'strong' when the name is distinctive and the page agrees with
 * the listing (its nationality or country named near the mention, or words of its listed position
 * beside the name); 'possible' on the name alone; not shown when the name is common among listed
 * names and nothing on the page agrees, when namesakes on the lists cannot be told apart, or for a
 * vessel named where the text speaks of no ship.
 */
import type { EntityCard, MatchInfo, MatchReason } from './card';
import { countryByCode, countryCodeOf, nationalityCodeOf } from './countries';
import { qualifiableBlocNames } from './country-entities';
import { foldKey } from './normalise';
import { shortenText } from './plain-text';
import type { NameMatch, NameTarget } from './matcher';
import { tokenize } from './tokens';

/** One name found in a block, as the matcher reports it. */
export interface FoundName {
  block: number;
  match: NameMatch;
}

/** A decided mention: the entity, and for listed ones the tier with reasons. */
export interface Resolved {
  block: number;
  start: number;
  end: number;
  entity: string;
  match?: MatchInfo;
}

/** What the resolver needs to know about the knowledge base. */
export interface ResolveData {
  /** Whether an id is a country or bloc (decided by the names alone, no tier). */
  isLocal(id: string): boolean;
  /** The card of a listed entity, when it could be read. */
  card(id: string): EntityCard | undefined;
  /** Country code of a country entity id, for nationality checks. */
  countryCode(id: string): string | undefined;
  /** How many listed entities have `word` (a key word) in a name: high means a common name word. */
  wordFrequency(word: string): number;
}

/** State carried from block to block (and from one batch of a page to the next). */
export interface PageState {
  /** Listed entities marked by a full name so far, with the tier they got. */
  seen: Map<string, MatchInfo>;
}

/** A name word carried by more listed entities than this is common ("Mohammed", "Ali"). */
const COMMON_WORD_ENTITIES = 25;
/** Characters either side of a mention searched for position words. */
const NEAR_CHARS = 120;

/** Verbs that make a capital city an actor: "Moscow said", "Beijing warned". */
const ACTOR_VERBS = new Set(
  'said says say accused accuses warned warns denied denies insisted insists urged urges announced announces rejected rejects responded responds claimed claims demanded demands threatened threatens condemned condemns dismissed dismisses welcomed welcomes retaliated blamed blames vowed vows pledged pledges protested protests objected objects criticised criticized criticises criticizes summoned expelled sanctioned imposed signalled signaled maintains maintained argues argued wants wanted hopes hoped believes believed fears feared sees saw considers considered insisted refused refuses agreed agrees approved approves signed signs supported supports backed backs cited cites strives sought seeks ordered orders decided decides sent sends'.split(' '),
);
/** Words before a capital that make it the government: "ties with Beijing", "talks between Washington and Tehran", "accused Beijing of". */
const ACTOR_BEFORE = new Set(['with', 'between', 'under', 'toward', 'towards', 'accused', 'accusing', 'urged', 'urging', 'pressed', 'pressing', 'pressured', 'pressuring']);
/** Words after a capital that make it the government: "the Kabul government", "Beijing authorities". */
const GOVERNMENT_AFTER = new Set(['government', 'regime', 'authorities', 'officials', 'leadership', 'administration']);
/** "the territory's government and Beijing": a capital joined to a government is one too. */
const JOINED_TO_GOVERNMENT = new RegExp(`\\b(?:${[...GOVERNMENT_AFTER].join('|')})\\s+and\\s+$`);
/**
 * Capitalised words that make a country's name part of another place's ("in New Mexico", "New
 * Jersey"); the whole name, where it is a country ("New Zealand"), is matched as such before this
 * applies. Only within a sentence: at its start, "New" is as likely the adjective ("New US
 * sanctions", "New China tariffs").
 */
const PLACE_QUALIFIER = /[\p{L}\p{N},;:][ \u00a0]+(?:New|Latin)[ \u00a0]$/u;
/** A compass word before a country's name, which "Sea" after makes a sea's name ("South China Sea"). */
const COMPASS_BEFORE = /(?:^|[^\p{L}])(?:South|East|North|West)[ \u00a0]$/u;
/** Before a name read as an actor ("America"), these make it a continent's: "North America", "Central America". */
const REGION_QUALIFIER = /(?:^|[^\p{L}])(?:North|South|Central|Latin)[ \u00a0]$/u;
/** Bloc names that a capitalised word before them makes another body's, with the bloc's code. */
const QUALIFIABLE = qualifiableBlocNames();
/** Words that say a text speaks of a ship or an aircraft. */
const CRAFT_WORDS = /\b(?:vessel|vessels|ship|ships|tanker|tankers|freighter|cargo|ferry|carrier|boat|yacht|m\/v|mv|imo|aircraft|plane|jet|airliner|flight|tail number)\b/i;
/** Words of listed positions too general to say anything ("of", "the", "former"). */
const WEAK_POSITION_WORDS = new Set(['the', 'and', 'for', 'former', 'deputy', 'member', 'head', 'chief', 'senior', 'first', 'second', 'general', 'affairs', 'state', 'national', 'republic', 'federal', 'office', 'department', 'federation', 'assembly']);

/** The countries a batch names (by their name, not a capital or context form), per block and in all. */
interface CountriesOnPage {
  byBlock: Map<number, Set<string>>;
  anywhere: Set<string>;
}

/**
 * Resolves the names found in `blocks` (in reading order), updating `state` as it goes.
 * @returns the mentions to mark, each at most once.
 */
export function resolvePage(blocks: readonly string[], found: readonly FoundName[], data: ResolveData, state: PageState): Resolved[] {
  const out: Resolved[] = [];
  const countriesOnPage: CountriesOnPage = { byBlock: new Map(), anywhere: new Set() };
  // Countries named per block, for nationality agreement: a first pass over local names.
  for (const f of found) {
    for (const t of f.match.targets) {
      const code = data.countryCode(t.entity);
      if (code && (t.use ?? 'name') === 'name') {
        const set = countriesOnPage.byBlock.get(f.block) ?? new Set<string>();
        set.add(code);
        countriesOnPage.byBlock.set(f.block, set);
        countriesOnPage.anywhere.add(code);
      }
    }
  }
  for (const f of found) {
    const text = blocks[f.block] ?? '';
    const resolved = resolveOne(text, f, data, state, countriesOnPage);
    if (resolved) out.push(resolved);
  }
  return out;
}

function resolveOne(text: string, f: FoundName, data: ResolveData, state: PageState, countriesOnPage: CountriesOnPage): Resolved | null {
  const { match } = f;
  const base = { block: f.block, start: match.start, end: match.end };
  const byUse = (use: NonNullable<NameTarget['use']>): string[] => [...new Set(match.targets.filter((t) => (t.use ?? 'name') === use).map((t) => t.entity))];

  // Countries and blocs: a country wins over a listed entity sharing its name.
  const local = byUse('name').filter((id) => data.isLocal(id));
  if (local.length > 0) return local.length === 1 && !isPronounUs(text, match) && !isQualified(text, match, local[0]!) ? { ...base, entity: local[0]! } : null;
  const capitals = byUse('capital');
  if (capitals.length === 1 && isActorCapital(text, match) && !isQualified(text, match, capitals[0]!) && !REGION_QUALIFIER.test(text.slice(Math.max(0, match.start - 10), match.start))) {
    return { ...base, entity: capitals[0]! };
  }
  // "the Islamic Republic": a country's context form, where this batch names that country.
  const context = byUse('secondary').filter((id) => data.isLocal(id) && countriesOnPage.anywhere.has(data.countryCode(id) ?? ''));
  if (context.length === 1) return { ...base, entity: context[0]! };

  const names = byUse('name').filter((id) => data.card(id));
  if (names.length > 0) {
    const decided = chooseListed(text, f, names, data, countriesOnPage);
    if (decided) {
      state.seen.set(decided.entity, decided.match);
      return { ...base, ...decided };
    }
    return null;
  }
  // A surname, one-word name or shared alias: only for an entity already marked by its full name.
  const secondary = [...byUse('secondary'), ...byUse('short')].filter((id) => !data.isLocal(id));
  const seen = secondary.filter((id) => state.seen.has(id));
  if (seen.length === 1) {
    const earlier = state.seen.get(seen[0]!)!;
    return { ...base, entity: seen[0]!, match: { tier: earlier.tier, reasons: [{ kind: 'earlierFullName' }, ...earlier.reasons] } };
  }
  if (seen.length > 1) return null;
  const decided = titledSurname(text, f, secondary, data, countriesOnPage) ?? shortName(text, f, byUse('short'), data, countriesOnPage);
  if (!decided) return null;
  state.seen.set(decided.entity, decided.match);
  return { ...base, ...decided };
}

/**
 * Titles that name one office holder, as news writes them before a surname ("President Putin",
 * "Foreign Minister Lavrov"), each with how listings write that office. Longer titles first.
 */
const OFFICE_TITLES: ReadonlyArray<{ before: RegExp; listed: RegExp }> = [
  { before: /\bVice[- ]President$/, listed: /\bvice[- ]president\b/gi },
  { before: /\bPresident$/, listed: /(?<!vice[- ])\bpresident\b(?! of the (?:bank|company|board|corporation|association|federation of))/gi },
  { before: /\b(?:Prime Minister|Premier|PM)$/, listed: /\bprime minister\b|\bpremier\b|\bchairman of the government\b/gi },
  { before: /\bForeign Minister$/, listed: /\bforeign minister\b|\bminister (?:of|for) foreign affairs\b/gi },
  { before: /\bDefen[cs]e Minister$/, listed: /\bdefen[cs]e minister\b|\bminister of (?:national )?defen[cs]e\b/gi },
  { before: /\bSupreme Leader$/, listed: /\bsupreme leader\b/gi },
  { before: /\bSenior General$/, listed: /\bsenior general\b|\bcommander[- ]in[- ]chief\b/gi },
  { before: /\bCrown Prince$/, listed: /\bcrown prince\b/gi },
  { before: /\b(?:King|Emir|Sultan)$/, listed: /\b(?:king|emir|sultan)\b/gi },
];

/**
 * Whether a listing's role text gives the office as the listed person's own: "President of the
 * Russian Federation", "as the president and supreme commander", but not "relative of President
 * Putin", where a name follows the title.
 */
function statesOffice(role: string, listed: RegExp): boolean {
  for (const found of role.matchAll(listed)) {
    if (!/^[ \u00a0]+\p{Lu}\p{Ll}/u.test(role.slice(found.index + found[0].length))) return true;
  }
  return false;
}

/** The office title written just before a mention, if any. */
function officeTitleBefore(text: string, match: NameMatch): { title: string; listed: RegExp } | null {
  const raw = text.slice(Math.max(0, match.start - 30), match.start);
  if (!/[ \u00a0]$/.test(raw)) return null;
  const before = raw.replace(/[ \u00a0]+$/, '');
  for (const office of OFFICE_TITLES) {
    const title = office.before.exec(before)?.[0];
    if (title) return { title, listed: office.listed };
  }
  return null;
}

/** Whether a surname right after `match.start` is written after an office title; the spotter loads cards for it then. */
export function hasOfficeTitleBefore(text: string, match: NameMatch): boolean {
  return officeTitleBefore(text, match) !== null;
}

/**
 * "President Putin" with no full name earlier: a surname after an office title links when exactly
 * one listed person of that surname holds that office in the listing (its positions or stated
 * reasons). Strong when a country of the listing is also named near the mention.
 */
function titledSurname(text: string, f: FoundName, ids: readonly string[], data: ResolveData, countriesOnPage: CountriesOnPage): { entity: string; match: MatchInfo } | null {
  const office = officeTitleBefore(text, f.match);
  // A surname many listed people share ("Kim") says too little even after a title.
  if (!office || tokenize(text.slice(f.match.start, f.match.end)).some((t) => data.wordFrequency(t.key) > COMMON_WORD_ENTITIES)) return null;
  const holders = ids.flatMap((id) => {
    const card = data.card(id);
    const role = card?.kind === 'person' ? [...card.positions, ...card.listings.map((l) => l.reasons ?? '')].find((r) => statesOffice(r, office.listed)) : undefined;
    return card && role ? [{ id, card, role }] : [];
  });
  if (holders.length !== 1) return null;
  const { id, card, role } = holders[0]!;
  const country = countryNear(f, card, countriesOnPage);
  // A listing's stated role can be a paragraph: a sentence's length is enough for a reason line.
  const reasons: MatchReason[] = [{ kind: 'officeTitle', title: office.title, role: shortenText(role, 80) }];
  if (country) reasons.push({ kind: 'countryNear', country });
  return { entity: id, match: { tier: country ? 'strong' : 'possible', reasons } };
}

/**
 * A company's distinctive short form ("Roscosmos", "Huawei") with no full name earlier: links as
 * a possible match where a country of the listing is named near the mention. Where several
 * listed companies share the short form, it means the one whose full name adds the fewest words
 * to it ("Huawei Technologies" rather than "Huawei Investment & Holding"); a tie links nothing.
 */
function shortName(text: string, f: FoundName, ids: readonly string[], data: ResolveData, countriesOnPage: CountriesOnPage): { entity: string; match: MatchInfo } | null {
  const written = tokenize(text.slice(f.match.start, f.match.end)).length;
  const agreeing = ids
    .map((id) => ({ id, card: data.card(id) }))
    .filter((c): c is { id: string; card: EntityCard } => !!c.card)
    .map((c) => ({ ...c, country: countryNear(f, c.card, countriesOnPage), extra: tokenize(c.card.name).length - written }))
    .filter((c) => c.country)
    .sort((a, b) => a.extra - b.extra);
  const pick = agreeing[0];
  if (!pick || (agreeing.length > 1 && agreeing[1]!.extra === pick.extra)) return null;
  const reasons: MatchReason[] = [{ kind: 'shortForm', name: pick.card.name }, { kind: 'countryNear', country: pick.country! }];
  if (agreeing.length > 1) reasons.push({ kind: 'sharedShortForm', others: agreeing.length - 1 });
  return { entity: pick.id, match: { tier: 'possible', reasons } };
}

/**
 * A country of the listing (nationality, birthplace, or where an organisation is based) named in
 * the mention's block or the blocks beside it.
 */
function countryNear(f: FoundName, card: EntityCard, countriesOnPage: CountriesOnPage): string | undefined {
  const nearby = new Set([...(countriesOnPage.byBlock.get(f.block - 1) ?? []), ...(countriesOnPage.byBlock.get(f.block) ?? []), ...(countriesOnPage.byBlock.get(f.block + 1) ?? [])]);
  const countries = [...card.nationalities, ...(card.basedIn ?? []), ...card.birthPlaces.map((p) => countryCodeOf(p.split(',').at(-1) ?? p)).filter((c): c is string => !!c)];
  return countries.find((c) => nearby.has(c));
}


function chooseListed(text: string, f: FoundName, ids: string[], data: ResolveData, countriesOnPage: CountriesOnPage): { entity: string; match: MatchInfo } | null {
  // Organisations that two authorities list under this name are not namesakes of everyday words.
  const authorities = sameOrganisation(ids.map((id) => data.card(id)!));
  const corroborated = !!authorities && authorities.filter((a) => a !== 'OpenSanctions').length >= 2;
  const judged = ids.map((id) => ({ id, ...judge(text, f, data.card(id)!, data, countriesOnPage, corroborated) }));
  const shown = judged.filter((j) => j.tier !== null);
  if (shown.length === 0) return null;
  if (shown.length > 1) {
    const same = sameOrganisation(shown.map((j) => data.card(j.id)!));
    if (same) {
      // One organisation that several authorities list under the same name, in entries not merged.
      const pick = [...shown].sort((a, b) => Number(b.agrees) - Number(a.agrees) || Number(b.tier === 'strong') - Number(a.tier === 'strong'))[0]!;
      return { entity: pick.id, match: { tier: pick.tier!, reasons: [...pick.reasons, { kind: 'alsoListedBy', authorities: same.filter((a) => !data.card(pick.id)!.listings.some((l) => l.authority === a)) }] } };
    }
  }
  // Namesakes on the lists: only the page's agreement with one listing tells them apart.
  const pick = shown.length === 1 ? shown[0]! : onlyOne(shown.filter((j) => j.agrees));
  if (!pick) return null;
  const reasons: MatchReason[] = shown.length > 1 ? [...pick.reasons, { kind: 'namesakes', others: shown.length - 1 }] : pick.reasons;
  return { entity: pick.id, match: { tier: pick.tier!, reasons } };
}

/**
 * Organisations of one name, each on other authorities' lists than the rest ("Haqqani Network"
 * of Australia, the UK, the UN and OFAC): one organisation the entries were not merged for, not
 * namesakes, since one authority does not list the same organisation twice. Returns every
 * authority involved, or null when they may be different subjects (people, vessels, or two
 * entries of one authority).
 */
function sameOrganisation(cards: readonly EntityCard[]): string[] | null {
  if (cards.some((c) => c.kind !== 'organisation')) return null;
  const seen = new Set<string>();
  for (const card of cards) {
    const authorities = new Set(card.listings.map((l) => l.authority));
    for (const a of authorities) if (seen.has(a)) return null;
    for (const a of authorities) seen.add(a);
  }
  return [...seen];
}

function onlyOne<T>(items: T[]): T | null {
  return items.length === 1 ? items[0]! : null;
}

interface Judgement {
  tier: MatchInfo['tier'] | null;
  agrees: boolean;
  reasons: MatchReason[];
}

function judge(text: string, f: FoundName, card: EntityCard, data: ResolveData, countriesOnPage: CountriesOnPage, corroborated: boolean): Judgement {
  const words = tokenize(text.slice(f.match.start, f.match.end)).map((t) => t.key);
  if ((card.kind === 'vessel' || card.kind === 'aircraft') && !CRAFT_WORDS.test(text)) {
    return { tier: null, agrees: false, reasons: [] };
  }
  const reasons: MatchReason[] = [];
  const countryAgrees = countryNear(f, card, countriesOnPage);
  if (countryAgrees) reasons.push({ kind: 'countryNear', country: countryAgrees });
  const position = positionNear(text, f.match, card.positions);
  if (position) reasons.push({ kind: 'positionNear', word: position.word, position: position.title });
  const agrees = !!countryAgrees || !!position;

  const common = words.filter((w) => data.wordFrequency(w) > COMMON_WORD_ENTITIES).length;
  const distinctive = words.length >= 3 || common < words.length;
  if (words.length <= 2 && common === words.length && !agrees && !corroborated) {
    // Every word is an everyday word of listed names ("Mohammed Ali", "Business Finance"): a
    // namesake or a plain phrase is far likelier than the listed one.
    return { tier: null, agrees, reasons };
  }
  // A person needs the page to agree on the role: a nationality is shared by millions, and even a
  // name of rare words has namesakes of the same nationality ("Adem Yilmaz, a Turkish goalkeeper").
  if (distinctive && agrees && (card.kind !== 'person' || !!position)) {
    return { tier: 'strong', agrees, reasons: [{ kind: 'distinctiveName' }, ...reasons] };
  }
  return { tier: 'possible', agrees, reasons: [{ kind: 'nameOnly', person: card.kind === 'person' }, ...reasons] };
}

/** A content word of a listed position written within NEAR_CHARS of the mention. */
function positionNear(text: string, match: NameMatch, positions: readonly string[]): { word: string; title: string } | null {
  if (positions.length === 0) return null;
  const around = (text.slice(Math.max(0, match.start - NEAR_CHARS), match.start) + ' ' + text.slice(match.end, match.end + NEAR_CHARS)).toLowerCase();
  const aroundWords = new Set(around.split(/[^\p{L}]+/u));
  for (const title of positions) {
    for (const word of title.toLowerCase().split(/[^\p{L}]+/u)) {
      // A country word in a position ("of the Russian Federation") says where, not what the role is.
      if (word.length >= 5 && !WEAK_POSITION_WORDS.has(word) && aroundWords.has(word) && !countryCodeOf(word) && !nationalityCodeOf(word)) return { word, title };
    }
  }
  return null;
}

/**
 * "Moscow's response", "Beijing said", "Kabul had ensured", "the Kabul government", "talks with
 * Tehran", "between Dhaka and Moscow", "both Tehran and Washington": a capital as the country's
 * government.
 */
export function isActorCapital(text: string, match: NameMatch): boolean {
  const after = text.slice(match.end, match.end + 40);
  if (/^['’]s\b/.test(after)) return true;
  const verb = /^\s+(has\s+|have\s+|had\s+|will\s+|would\s+|also\s+|has\s+also\s+)?([a-z]+)/.exec(after);
  if (verb && ACTOR_VERBS.has(verb[2]!)) return true;
  // "Moscow has cited", "Kabul had ensured": a perfect tense makes the capital its subject.
  if (verb && /^ha(?:s|ve|d)\s/.test(verb[1] ?? '') && /ed$/.test(verb[2]!)) return true;
  if (verb && !verb[1] && GOVERNMENT_AFTER.has(verb[2]!)) return true;
  const before = text.slice(Math.max(0, match.start - 60), match.start);
  const previous = /([a-z]+)\s+$/i.exec(before)?.[1]?.toLowerCase();
  if (previous && ACTOR_BEFORE.has(previous)) return true;
  // The second of two capitalised names joined by "and" after "between" or "both".
  if (/\b(?:between|both)\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?\s+and\s+$/u.test(before)) return true;
  // "against the territory's government and Beijing": joined to a government.
  if (JOINED_TO_GOVERNMENT.test(before)) return true;
  // "Washington and its allies agreed": one subject of an actor's verb with another.
  const joint = /^\s+and\s+(?:the|its|their)\s+[\p{L}-]+\s+(?:have\s+|had\s+|also\s+)?([a-z]+)/u.exec(after)?.[1];
  if (joint && ACTOR_VERBS.has(joint)) return true;
  // The first of "both Tehran and Washington".
  return previous === 'both' && /^\s+and\s+\p{Lu}/u.test(after);
}

/**
 * A country's or bloc's name that a capitalised word before it makes part of another name: "New
 * Mexico", "Latin America"; for a bloc's common-noun name, any capitalised word but the bloc's
 * own acronym or an article ("National Security Council", but "U.N. Security Council").
 */
function isQualified(text: string, match: NameMatch, id: string): boolean {
  const before = text.slice(Math.max(0, match.start - 30), match.start);
  // "the South China Sea": a sea's name, not the country.
  if (COMPASS_BEFORE.test(before) && /^[ \u00a0]Seas?\b/.test(text.slice(match.end, match.end + 6))) return true;
  if (PLACE_QUALIFIER.test(before) && !/^\p{Lu}{2,4}$/u.test(text.slice(match.start, match.end))) return true;
  const bloc = QUALIFIABLE.get(foldKey(text.slice(match.start, match.end)));
  if (!bloc || id !== `bloc:${bloc}`) return false;
  const previous = /(\p{Lu}[\p{L}.]*)[ \u00a0]$/u.exec(before)?.[1];
  if (!previous) return false;
  const letters = previous.replace(/\./g, '');
  return letters !== bloc && letters !== 'The';
}


/**
 * In a block written all in capitals (a headline), "US" is as likely the pronoun ("TELL US");
 * it counts as the country only after "THE" or when dotted.
 */
function isPronounUs(text: string, match: NameMatch): boolean {
  const written = text.slice(match.start, match.end);
  if (written !== 'US') return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters !== letters.toUpperCase()) return false;
  return !/\bTHE\s+$/.test(text.slice(Math.max(0, match.start - 5), match.start));
}
