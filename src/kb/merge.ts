import type {
  Address,
  EntryName,
  Identifier,
  Listing,
  ListedEntity,
  MergeReason,
  PartialDate,
  SourceEntry,
} from './model';
import { ANY_FAMILY, type IdentifierFact, identifierFactOf, identifierKeyOf, isSameIdentifier } from './identifiers';
import { foldKey } from './normalise';

/**
 * Cross-list entity resolution: entries of several sanctions lists that describe the same person,
 * organisation, vessel or aircraft become one `ListedEntity`, joined only on evidence beyond the
 * name, and every join says why.
 *
 * Rules, in the order they are applied:
 *
 * 1. **Candidates come only from name agreement**, found through an index (never all pairs), and
 *    only between entries of the same kind:
 *    - *same token set*: some name of one and some name of the other fold (foldKey) to the same
 *      set of words, whatever their order or punctuation ("HLAING, Min Aung" ~ "Min Aung Hlaing");
 *    - *contained name*: every word of a name of at least 2 words appears in a longer name of the
 *      other entry ("Alexander FOMIN" ~ "Alexander Vasilyevich FOMIN").
 *    To stay near-linear (about 40,000 entries), the index pairs only entries that also share a
 *    piece of the evidence below; a pair without any could not merge anyway.
 * 2. **Evidence beyond the name is required**; the name alone never merges.
 *    - People: an equal full date of birth (day precision); or an equal year of birth (from a full
 *      or month date, or a year the list does not mark approximate) and an equal nationality; or
 *      an equal identifier.
 *    - Organisations: an equal identifier; or an identical full name (folded, word order kept) and
 *      a shared country (nationality or address country).
 *    - Vessels: an equal IMO number only. Aircraft: an equal identifier.
 *    - A contained-name candidate needs strong evidence: for people an equal full date of birth or
 *      identifier (year and nationality are too common to back a partial name); for others the
 *      identifier rules above.
 *    - Identifiers are equal when their types belong to the same family (passport, national id,
 *      tax id, registration number, IMO, SWIFT/BIC, else the folded type as written; an untyped
 *      "Identifier", as OpenSanctions exports them, matches any family) and their
 *      values are equal once case, spaces, punctuation and a trailing "(note)" are dropped, and
 *      their issuing countries, where both are given, agree. A value counts only with at least
 *      MIN_IDENTIFIER_CHARS (identifiers.ts) letters or digits, one of them a digit (placeholders such as
 *      "UNKNOWN" never match), except SWIFT/BIC codes of 8 or 11 characters.
 * 3. **Conflicts block a merge**: entries of different kinds; two entries of the same source with
 *    different references (a list does not list a subject twice); for people, both with full dates
 *    of birth of which none agree, both with nationalities of which none agree, or both with a
 *    gender that differs; for vessels, both with IMO numbers of which none agree.
 * 4. **Joins are transitive but never chain through a conflict**: accepted pairs are joined
 *    strongest evidence first (identifier, then full date of birth, then the weaker rules), ties
 *    broken by the entries' ids, and a join is skipped when any entry of one group conflicts with
 *    any entry of the other. So when A~B on date of birth, B~C on passport and A conflicts with C,
 *    B and C are joined and A stays apart. The order does not depend on the input order, so
 *    shuffled input gives the same groups (as long as ids are unique).
 * 5. **The merged entity**: id `${source}:${reference}` of its first entry in input order; names
 *    deduplicated by folded form (first spelling kept, strong wins over weak, primary wins, primary
 *    names first); dates, places, nationalities, positions, identifiers, addresses and remarks
 *    unioned without duplicates; gender only where every entry that has one agrees; vessel details
 *    field by field from the first entry that has them; listings in input order; `mergedBecause`
 *    one reason per join, in join order.
 */

type NameMatch = 'token-set' | 'contained';

/** Evidence strength: identifiers beat full dates of birth, which beat the weaker rules. */
const Strength = { Weak: 1, BirthDate: 2, Identifier: 3 } as const;
type Strength = (typeof Strength)[keyof typeof Strength];

/**
 * What the matcher compares, computed once per entry. Lists are distinct and tiny, so they are
 * arrays rather than Sets: about 40,000 entries make allocation the main cost.
 */
interface EntryFacts {
  id: string;
  entry: SourceEntry;
  birthDays: string[];
  birthYears: number[];
  nationalities: string[];
  /** Nationalities and address countries. */
  countries: string[];
  identifiers: IdentifierFact[];
  imos: string[];
  foldedNames: string[];
  /** Sorted distinct folded words of each name, and the same joined by spaces. */
  tokenSets: string[][];
  tokenSetKeys: string[];
  /** Deduplication keys, one per name and one per identifier of the entry, in its order. */
  nameKeys: string[];
  identifierKeys: string[];
  /** Index keys of evidence that backs any name agreement (see evidenceKeysOf). */
  strongKeys: string[];
  /** Index keys of evidence that backs only an agreement of the whole word set. */
  weakKeys: string[];
}

interface Candidate {
  a: number;
  b: number;
  strength: Strength;
  evidence: string[];
}

/**
 * Joins entries that are the same subject on several lists into one entity each.
 *
 * Pure and deterministic; see the module comment for the rules.
 * @param entries - Entries of any number of sources, in the order they should be reported.
 * @returns One entity per subject, ordered by the input position of its first entry.
 */
export function mergeEntries(entries: readonly SourceEntry[]): ListedEntity[] {
  const facts = entries.map(factsOf);
  const candidates = findCandidates(facts)
    .map(([a, b, match]) => judgePair(facts, a, b, match))
    .filter((c): c is Candidate => c !== undefined)
    .sort((x, y) => compareCandidates(facts, x, y));
  const groups = joinGroups(facts, candidates);
  return groups.map((group) => buildEntity(facts, group.members, group.reasons));
}

/* ------------------------------------------------------------ candidates ------------- */

/**
 * Pairs of entry indices whose names agree and that share a piece of evidence, found through
 * indexes rather than by comparing all pairs.
 *
 * Strong evidence (a full date of birth, an identifier) is indexed on its own and the few entries
 * sharing it are checked for name agreement, token set or contained name. Weak evidence (year and
 * nationality, identical organisation name and country) is indexed together with the sorted word
 * set, so those buckets are name agreement by construction. Common names ("Mohammad Ali",
 * "Trading Company") thus never make quadratic buckets. A shared key is only a hint; judgePair
 * decides.
 */
function findCandidates(facts: readonly EntryFacts[]): Array<[number, number, NameMatch]> {
  const strongIndex = new Map<string, number[]>();
  const weakIndex = new Map<string, number[]>();
  facts.forEach((f, i) => {
    for (const key of f.strongKeys) addToBucket(strongIndex, `${f.entry.kind}|${key}`, i);
    for (const key of f.weakKeys) addToBucket(weakIndex, `${f.entry.kind}|${key}`, i);
  });

  const n = facts.length;
  const pairs = new Map<number, NameMatch | 'none'>();
  const pairKey = (i: number, j: number): number => (i < j ? i * n + j : j * n + i);
  for (const bucket of weakIndex.values()) {
    forEachPair(bucket, (i, j) => pairs.set(pairKey(i, j), 'token-set'));
  }
  for (const bucket of strongIndex.values()) {
    forEachPair(bucket, (i, j) => {
      const key = pairKey(i, j);
      if (!pairs.has(key)) pairs.set(key, nameMatchOf(facts[i]!, facts[j]!) ?? 'none');
    });
  }
  const found: Array<[number, number, NameMatch]> = [];
  for (const [key, match] of pairs) if (match !== 'none') found.push([Math.floor(key / n), key % n, match]);
  return found;
}

function forEachPair(bucket: readonly number[], visit: (i: number, j: number) => void): void {
  for (let x = 0; x < bucket.length; x++) {
    for (let y = x + 1; y < bucket.length; y++) visit(bucket[x]!, bucket[y]!);
  }
}

/** How the names of two entries agree, if they do (see the module rules). */
function nameMatchOf(a: EntryFacts, b: EntryFacts): NameMatch | undefined {
  if (a.tokenSetKeys.some((key) => b.tokenSetKeys.includes(key))) return 'token-set';
  const contains = (longer: readonly string[], shorter: readonly string[]): boolean => {
    if (shorter.length < 2 || shorter.length >= longer.length) return false;
    const words = new Set(longer);
    return shorter.every((word) => words.has(word));
  };
  for (const x of a.tokenSets) {
    for (const y of b.tokenSets) if (contains(x, y) || contains(y, x)) return 'contained';
  }
  return undefined;
}

/**
 * Index keys for the evidence an entry offers (see the module rules): strong keys are full dates
 * of birth and identifiers (IMO only for vessels); weak keys carry their own name agreement
 * (each word set with a year and nationality; the identical folded name with a country).
 */
function evidenceKeysOf(f: Omit<EntryFacts, 'strongKeys' | 'weakKeys'>): Pick<EntryFacts, 'strongKeys' | 'weakKeys'> {
  const kind = f.entry.kind;
  // By value alone: an untyped identifier may match any family (see isSameIdentifier).
  const ids = f.identifiers.filter((id) => kind !== 'vessel' || id.family === 'imo').map((id) => `id:${id.value}`);
  const strongKeys = distinct(ids);
  const weakKeys: string[] = [];
  if (kind === 'person') {
    for (const day of f.birthDays) strongKeys.push(`day:${day}`);
    for (const tokens of f.tokenSetKeys) {
      for (const year of f.birthYears) {
        for (const c of f.nationalities) weakKeys.push(`${tokens}|yn:${year}|${c}`);
      }
    }
  }
  if (kind === 'organisation') {
    for (const name of f.foldedNames) for (const c of f.countries) weakKeys.push(`nc:${name}|${c}`);
  }
  return { strongKeys, weakKeys };
}

function addToBucket(index: Map<string, number[]>, key: string, i: number): void {
  const bucket = index.get(key);
  if (!bucket) index.set(key, [i]);
  else if (bucket[bucket.length - 1] !== i) bucket.push(i);
}

/* ------------------------------------------------------------ evidence --------------- */

function factsOf(entry: SourceEntry): EntryFacts {
  const birthDays: string[] = [];
  const birthYears: number[] = [];
  for (const date of entry.birthDates) {
    if (date.kind === 'day') addDistinct(birthDays, date.date);
    const year = definiteYearOf(date);
    if (year !== undefined) addDistinct(birthYears, year);
  }
  const identifierFacts = entry.identifiers.map(identifierFactOf);
  const identifiers = identifierFacts.filter((f): f is IdentifierFact => !!f);
  const nationalities = distinct(entry.nationalities);
  const countries = [...nationalities];
  for (const address of entry.addresses) if (address.country) addDistinct(countries, address.country);
  const foldedNames: string[] = [];
  const tokenSets: string[][] = [];
  const tokenSetKeys: string[] = [];
  const nameKeys: string[] = [];
  for (const name of entry.names) {
    const folded = foldKey(name.full);
    nameKeys.push(folded || name.full);
    if (!folded) continue;
    addDistinct(foldedNames, folded);
    const tokens = distinct(folded.split(' ')).sort();
    const key = tokens.join(' ');
    if (!tokenSetKeys.includes(key)) {
      tokenSetKeys.push(key);
      tokenSets.push(tokens);
    }
  }
  const facts = {
    id: entryId(entry),
    entry,
    birthDays,
    birthYears,
    nationalities,
    countries,
    identifiers,
    imos: distinct(identifiers.filter((f) => f.family === 'imo').map((f) => f.value)),
    foldedNames,
    tokenSets,
    tokenSetKeys,
    nameKeys,
    identifierKeys: entry.identifiers.map((id, k) => identifierKeyOf(id, identifierFacts[k])),
  };
  return Object.assign(facts, evidenceKeysOf(facts));
}

function addDistinct<T>(list: T[], item: T): void {
  if (!list.includes(item)) list.push(item);
}

function distinct<T>(items: readonly T[]): T[] {
  const list: T[] = [];
  for (const item of items) addDistinct(list, item);
  return list;
}

function entryId(entry: SourceEntry): string {
  return `${entry.source}:${entry.listing.reference}`;
}

/** The year of a date the list states as certain; ranges and approximate years have none. */
function definiteYearOf(date: PartialDate): number | undefined {
  switch (date.kind) {
    case 'day':
    case 'month': {
      const year = Number.parseInt(date.date.slice(0, 4), 10);
      return Number.isFinite(year) ? year : undefined;
    }
    case 'year':
      return date.approximate ? undefined : date.year;
    default:
      return undefined;
  }
}

/** The accepted candidate for a pair of name-agreeing entries, or undefined without evidence. */
function judgePair(facts: readonly EntryFacts[], i: number, j: number, match: NameMatch): Candidate | undefined {
  const [a, b] = [facts[i]!, facts[j]!];
  if (conflicts(a, b)) return undefined;
  const found = evidenceFor(a, b, match);
  if (found.length === 0) return undefined;
  return {
    a: i,
    b: j,
    strength: Math.max(...found.map((e) => e.strength)) as Strength,
    evidence: found.map((e) => e.words),
  };
}

function evidenceFor(a: EntryFacts, b: EntryFacts, match: NameMatch): Array<{ strength: Strength; words: string }> {
  const found: Array<{ strength: Strength; words: string }> = [];
  const kind = a.entry.kind;
  const sharedIds = sharedIdentifiers(a, b).filter((f) => kind !== 'vessel' || f.family === 'imo');
  for (const id of sharedIds) found.push({ strength: Strength.Identifier, words: `same ${id.words}` });
  if (kind === 'person') {
    for (const day of common(a.birthDays, b.birthDays)) {
      found.push({ strength: Strength.BirthDate, words: `same date of birth ${day}` });
    }
    if (match === 'token-set' && found.length === 0) {
      const year = common(a.birthYears, b.birthYears)[0];
      const country = common(a.nationalities, b.nationalities)[0];
      if (year !== undefined && country !== undefined) {
        found.push({ strength: Strength.Weak, words: `same year of birth ${year} and nationality ${country}` });
      }
    }
  }
  if (kind === 'organisation' && match === 'token-set' && found.length === 0) {
    const name = common(a.foldedNames, b.foldedNames)[0];
    const country = common(a.countries, b.countries)[0];
    if (name !== undefined && country !== undefined) {
      const spelled = a.entry.names.find((n) => foldKey(n.full) === name)?.full ?? name;
      found.push({ strength: Strength.Weak, words: `same name "${spelled}" and country ${country}` });
    }
  }
  return found;
}

/** Values in both lists, sorted, so a reason reads the same whichever entry comes first. */
function common<T extends string | number>(x: readonly T[], y: readonly T[]): T[] {
  return x.filter((v) => y.includes(v)).sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
}

/** Identifiers of `a` that `b` carries too (same family and value, countries not disagreeing). */
function sharedIdentifiers(a: EntryFacts, b: EntryFacts): IdentifierFact[] {
  const shared = new Map<string, IdentifierFact>();
  for (const x of a.identifiers) {
    const y = b.identifiers.find((other) => isSameIdentifier(x, other));
    // Say it with the typed side's words when one side is untyped.
    const said = y && x.family === ANY_FAMILY ? y : x;
    if (y && !shared.has(said.key)) shared.set(said.key, said);
  }
  return [...shared.values()];
}

/** True when two entries cannot be the same subject, whatever else agrees. */
function conflicts(a: EntryFacts, b: EntryFacts): boolean {
  if (a.entry.kind !== b.entry.kind) return true;
  if (a.entry.source === b.entry.source && a.entry.listing.reference !== b.entry.listing.reference) return true;
  if (a.entry.kind === 'person') {
    if (disjoint(a.birthDays, b.birthDays)) return true;
    if (disjoint(a.nationalities, b.nationalities)) return true;
    if (a.entry.gender && b.entry.gender && a.entry.gender !== b.entry.gender) return true;
  }
  if (a.entry.kind === 'vessel' && disjoint(a.imos, b.imos)) return true;
  return false;
}

/** Both lists have members and none in common. */
function disjoint<T>(x: readonly T[], y: readonly T[]): boolean {
  return x.length > 0 && y.length > 0 && !x.some((v) => y.includes(v));
}

/** Strongest first, then by the entries' ids, so the join order ignores the input order. */
function compareCandidates(facts: readonly EntryFacts[], x: Candidate, y: Candidate): number {
  if (x.strength !== y.strength) return y.strength - x.strength;
  const [x1, x2] = sortedIds(facts, x);
  const [y1, y2] = sortedIds(facts, y);
  return compareText(x1, y1) || compareText(x2, y2) || Math.min(x.a, x.b) - Math.min(y.a, y.b);
}

function sortedIds(facts: readonly EntryFacts[], c: Candidate): [string, string] {
  const [p, q] = [facts[c.a]!.id, facts[c.b]!.id];
  return p <= q ? [p, q] : [q, p];
}

function compareText(p: string, q: string): number {
  return p < q ? -1 : p > q ? 1 : 0;
}

/* ------------------------------------------------------------ joining ---------------- */

interface Group {
  members: number[];
  reasons: MergeReason[];
}

/**
 * Union-find over accepted pairs in their sorted order; a join is skipped when any entry of one
 * group conflicts with any entry of the other, so evidence never chains A to C through B.
 * @returns Groups with members in input order, ordered by their first member.
 */
function joinGroups(facts: readonly EntryFacts[], candidates: readonly Candidate[]): Group[] {
  const groupOf = facts.map((_, i) => i);
  const groups = new Map<number, Group>(facts.map((_, i) => [i, { members: [i], reasons: [] }]));
  for (const c of candidates) {
    const [ga, gb] = [groupOf[c.a]!, groupOf[c.b]!];
    if (ga === gb) continue;
    const [left, right] = [groups.get(ga)!, groups.get(gb)!];
    if (left.members.some((x) => right.members.some((y) => conflicts(facts[x]!, facts[y]!)))) continue;
    const [first, second] = c.a < c.b ? [c.a, c.b] : [c.b, c.a];
    const [keep, drop, keptId, droppedId] =
      left.members.length >= right.members.length ? [left, right, ga, gb] : [right, left, gb, ga];
    keep.members.push(...drop.members);
    keep.reasons.push(...drop.reasons, { entries: [facts[first]!.id, facts[second]!.id], evidence: c.evidence });
    for (const m of drop.members) groupOf[m] = keptId;
    groups.delete(droppedId);
  }
  const result = [...groups.values()];
  for (const g of result) g.members.sort((x, y) => x - y);
  return result.sort((x, y) => x.members[0]! - y.members[0]!);
}

/* ------------------------------------------------------------ the merged entity ------ */

function buildEntity(facts: readonly EntryFacts[], members: readonly number[], reasons: MergeReason[]): ListedEntity {
  const group = members.map((m) => facts[m]!);
  const entries = group.map((f) => f.entry);
  const first = entries[0]!;
  const genders = new Set(entries.map((e) => e.gender).filter((g) => g !== undefined));
  const vessel = mergeVessel(entries);
  return {
    id: facts[members[0]!]!.id,
    kind: first.kind,
    names: mergeNames(group),
    birthDates: uniqueBy(entries.flatMap((e) => e.birthDates), dateKey).map((d) => ({ ...d })),
    birthPlaces: uniqueBy(entries.flatMap((e) => e.birthPlaces), textKey),
    nationalities: uniqueBy(entries.flatMap((e) => e.nationalities), (c) => c),
    positions: uniqueBy(entries.flatMap((e) => e.positions), textKey),
    ...(genders.size === 1 ? { gender: [...genders][0]! } : {}),
    addresses: uniqueBy(entries.flatMap((e) => e.addresses), addressKey).map(copyAddress),
    identifiers: uniqueIdentifiers(group),
    remarks: uniqueBy(entries.flatMap((e) => e.remarks), (r) => r.trim()),
    ...(vessel ? { vessel } : {}),
    listings: entries.map((e) => copyListing(e.listing)),
    mergedBecause: reasons,
  };
}

/** Names by folded form: first spelling kept, strong and primary win, primary names first. */
function mergeNames(group: readonly EntryFacts[]): EntryName[] {
  const byKey = new Map<string, EntryName>();
  for (const { entry, nameKeys } of group) {
    entry.names.forEach((name, k) => {
      const key = nameKeys[k]!;
      const kept = byKey.get(key);
      if (!kept) {
        byKey.set(key, { ...name, ...(name.parts ? { parts: { ...name.parts } } : {}) });
        return;
      }
      if (name.strength === 'strong') kept.strength = 'strong';
      if (name.type === 'primary') kept.type = 'primary';
      if (!kept.parts && name.parts) kept.parts = { ...name.parts };
    });
  }
  const names = [...byKey.values()];
  return [...names.filter((n) => n.type === 'primary'), ...names.filter((n) => n.type !== 'primary')];
}

function mergeVessel(entries: readonly SourceEntry[]): SourceEntry['vessel'] {
  const withVessel = entries.filter((e) => e.vessel);
  if (withVessel.length === 0) return undefined;
  const merged: NonNullable<SourceEntry['vessel']> = {};
  for (const { vessel } of withVessel) {
    for (const [field, value] of Object.entries(vessel!) as Array<[keyof typeof merged, string | undefined]>) {
      if (value !== undefined && merged[field] === undefined) merged[field] = value;
    }
  }
  return merged;
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function textKey(text: string): string {
  return foldKey(text) || text.trim();
}

function dateKey(date: PartialDate): string {
  switch (date.kind) {
    case 'day':
    case 'month':
      return `${date.kind}|${date.date}`;
    case 'year':
      return `year|${date.year}|${date.approximate ? 'approx' : ''}`;
    case 'range':
      return `range|${date.from}|${date.to}`;
    case 'text':
      return `text|${foldKey(date.text) || date.text}`;
  }
}

function addressKey(address: Address): string {
  return `${foldKey(address.lines.join(' '))}|${address.country ?? ''}`;
}

/** Identifiers of a group without repeats (same family, value and country). */
function uniqueIdentifiers(group: readonly EntryFacts[]): Identifier[] {
  const seen = new Set<string>();
  const unique: Identifier[] = [];
  for (const { entry, identifierKeys } of group) {
    entry.identifiers.forEach((identifier, k) => {
      if (seen.has(identifierKeys[k]!)) return;
      seen.add(identifierKeys[k]!);
      unique.push({ ...identifier });
    });
  }
  return unique;
}

function copyAddress(address: Address): Address {
  return { ...address, lines: [...address.lines] };
}

function copyListing(listing: Listing): Listing {
  return { ...listing, programmes: [...listing.programmes] };
}
