/**
 * Builds the name index of the listed entities: every written form of every strong name, with
 * the use that decides when it may mark (matcher.ts `NameUse`). The data itself says which
 * names are not distinctive, so no name is singled out by hand:
 *
 * - an alias that is also part of another entity's name is a shared phrase, not this entity's
 *   own ("People's Liberation Army" inside "Revolutionary People's Liberation Army"; "Sukhoi"
 *   inside "Sukhoi Aviation JSC", while it is only an alias of United Aircraft Corporation);
 * - a one-word name of an organisation that other entities carry as a non-initial word is a
 *   common word of names ("Martyrs", "Islamic"), and a name that is a country's name, demonym or
 *   capital names the country first ("Kronshtadt" stays, "Syria" as an alias would not);
 * - surnames, one-word names and acronyms are 'secondary' already (name-variants.ts).
 * Such forms become 'secondary': they link only after the entity's full name appeared on the page.
 *
 * One kind of one-word name may mark on its own, again on the data's evidence alone: a one-word
 * organisation name ("Taliban", "Hamas", "Gazprom") that is the primary name of organisations on
 * the lists of at least two authorities, whether or not their entries were merged (two authorities
 * naming the organisation so is the evidence that the word alone is its name), with at least
 * MIN_ALONE_LETTERS letters, and not a country's name, demonym or capital. OpenSanctions datasets
 * do not count as an authority: they mostly republish the others' designations (with them,
 * "Navigator", "Argument" and "Drake" would qualify). It overrides the shared-word rule above: the
 * longest match still gives "Gazprom Neft" or "Pakistani Taliban" where the text prints them.
 *
 * The leading words of a company name before generic corporate words ("Roscosmos" of "Roscosmos
 * State Corporation", name-variants.ts) are a short form. It becomes 'short' (it may mark on its
 * own where the page agrees with the listing, resolve.ts) when it is distinctive on the data's
 * evidence: at least MIN_ALONE_LETTERS letters, no word of it an everyday English word ("Moment
 * Investment Limited", "Secret Technologies", "Ascent Holdings" stay 'secondary'), not a country's
 * name, and held by no other entity's name unless that entity has the same short form ("Huawei"
 * of Huawei Technologies and of Huawei Investment & Holding; resolve.ts picks between them).
 * Everyday English words never mark alone as one-word names either ("Navigator", "Argument").
 */
import { countryNames } from './country-entities';
import { NameIndex, targetFor, type NameUse } from './matcher';
import type { ListedEntity } from './model';
import { nameForms, type WrittenForm } from './name-variants';
import { isEnglishWord } from './english-words';
import { nameKey, tokenize } from './tokens';

/** Longest alias, in words, checked against other entities' names. */
const MAX_SHARED_WORDS = 4;
/** Fewest letters of a one-word name that may mark on its own (shorter ones are mostly acronyms or everyday words). */
const MIN_ALONE_LETTERS = 5;
/** Authorities whose listings count as evidence for a one-word name (OpenSanctions republishes the others). */
const AUTHORITIES_FOR_ALONE = 2;

/**
 * Last words of organisation names that news prints in lower case ("the Haqqani network", "the
 * Wagner group"): a generic noun, where the words before it carry the name.
 */
const GENERIC_LAST_WORD = /\s(?:network|group|army|movement|front|brigades?|battalions?|militia|faction|organi[sz]ation|party)$/i;

interface Form {
  text: string;
  key: string;
  use: NameUse;
  primary: boolean;
  from?: WrittenForm['from'];
}

/** The name index of `entities`, every form with its use decided. */
export function indexListedNames(entities: readonly ListedEntity[]): NameIndex {
  const formsOf = entities.map(entityForms);
  const inner = innerPhraseOwners(entities, formsOf);
  const countryKeys = new Set([...countryNames().values()].flatMap((names) => names.map((n) => nameKey(n.text))));
  const alone = namesThatMarkAlone(entities, formsOf, countryKeys);
  const short = distinctiveShortForms(entities, formsOf, countryKeys);
  const index = new NameIndex();
  entities.forEach((entity, e) => {
    const forms = formsOf[e]!;
    for (const form of forms) {
      let use = form.use;
      if (use === 'name' && entity.kind !== 'person' && isShared(form, entity.id, inner)) use = 'secondary';
      if (use === 'name' && countryKeys.has(form.key)) use = 'secondary';
      if (use === 'secondary' && alone.has(`${entity.id}\u0000${form.key}`)) use = 'name';
      else if (use === 'secondary' && form.from === 'short' && short.has(`${entity.id}\u0000${form.key}`)) use = 'short';
      // "The Taliban" is kept only for a one-word rest that may not mark alone.
      if (/^the\s/i.test(form.text) && alone.has(`${entity.id}\u0000${form.key.replace(/^the /, '')}`)) continue;
      const caseOf = use === 'name' && entity.kind === 'organisation' ? form.text.replace(GENERIC_LAST_WORD, (w) => w.toLowerCase()) : form.text;
      index.add(form.text, targetFor(entity.id, caseOf, use));
    }
  });
  return index;
}

function entityForms(entity: ListedEntity): Form[] {
  const forms: Form[] = [];
  const seen = new Set<string>();
  entity.names.forEach((name, n) => {
    if (name.strength === 'weak') return;
    for (const form of nameForms(name, entity.kind, nameCountries(entity))) {
      const id = `${form.text}\u0000${form.use}`;
      if (seen.has(id)) continue;
      seen.add(id);
      forms.push({ text: form.text, key: nameKey(form.text), use: form.use, primary: n === 0 || name.type === 'primary', ...(form.from ? { from: form.from } : {}) });
    }
  });
  return forms;
}

/**
 * The one-word forms that may mark on their own (see the module comment), as
 * "entity id \u0000 key".
 */
function namesThatMarkAlone(entities: readonly ListedEntity[], formsOf: readonly Form[][], countryKeys: ReadonlySet<string>): Set<string> {
  const eligible = (entity: ListedEntity, form: Form): boolean =>
    entity.kind === 'organisation' && form.primary && !form.from && !form.key.includes(' ') && isDistinctive(form, countryKeys);
  // Authorities naming each one-word key as an organisation's primary name.
  const authorities = new Map<string, Set<string>>();
  entities.forEach((entity, e) => {
    for (const form of formsOf[e]!) {
      if (!eligible(entity, form)) continue;
      const set = authorities.get(form.key) ?? new Set<string>();
      for (const listing of entity.listings) if (listing.authority !== 'OpenSanctions') set.add(listing.authority);
      authorities.set(form.key, set);
    }
  });
  const alone = new Set<string>();
  entities.forEach((entity, e) => {
    for (const form of formsOf[e]!) {
      if (eligible(entity, form) && authorities.get(form.key)!.size >= AUTHORITIES_FOR_ALONE) alone.add(`${entity.id}\u0000${form.key}`);
    }
  });
  return alone;
}

/** Long enough, not a country's name, and no word of it an everyday English word. */
function isDistinctive(form: Form, countryKeys: ReadonlySet<string>): boolean {
  if (form.key.replace(/[^\p{L}]/gu, '').length < MIN_ALONE_LETTERS || countryKeys.has(form.key)) return false;
  return tokenize(form.text).every((t) => !isEnglishWord(form.text.slice(t.start, t.end)));
}

/**
 * The organisations' short forms that may mark where the page agrees (see the module comment),
 * as "entity id \u0000 key".
 */
function distinctiveShortForms(entities: readonly ListedEntity[], formsOf: readonly Form[][], countryKeys: ReadonlySet<string>): Set<string> {
  // Entities whose own short form each candidate key is.
  const owners = new Map<string, Set<string>>();
  entities.forEach((entity, e) => {
    if (entity.kind !== 'organisation') return;
    for (const form of formsOf[e]!) {
      if (form.from !== 'short' || !isDistinctive(form, countryKeys)) continue;
      const set = owners.get(form.key) ?? new Set<string>();
      set.add(entity.id);
      owners.set(form.key, set);
    }
  });
  // Any other entity whose name holds the key makes it a shared word, not one company's name; a
  // word of a listed person's name makes it a person's name too ("Tariq Afridi" of "Tariq Afridi Group").
  const shared = new Set<string>();
  const personWords = new Set<string>();
  entities.forEach((entity, e) => {
    for (const form of formsOf[e]!) {
      if (entity.kind === 'person') for (const word of form.key.split(' ')) personWords.add(word);
      for (const { key } of phrasesOf(form.key, MAX_SHARED_WORDS)) if (owners.get(key)?.has(entity.id) === false) shared.add(key);
    }
  });
  const short = new Set<string>();
  for (const [key, ids] of owners) {
    if (shared.has(key) || key.split(' ').some((word) => personWords.has(word))) continue;
    for (const id of ids) short.add(`${id}\u0000${key}`);
  }
  return short;
}

/**
 * Countries whose naming customs apply to an entity's names: its nationalities, else what its
 * birthplaces, positions and sanctions programmes say ("Chairman of the Workers' Party of Korea",
 * programme NKOREA), since lists often give no nationality for heads of state.
 */
export function nameCountries(entity: ListedEntity): string[] {
  const codes = new Set(entity.nationalities);
  const evidence = [...entity.birthPlaces, ...entity.positions, ...entity.listings.flatMap((l) => l.programmes)].join(' ');
  for (const [code, pattern] of PROGRAMME_COUNTRIES) if (pattern.test(evidence)) codes.add(code);
  return [...codes];
}

/** Words in positions and programmes that tie an entity to a country with its own name order. */
const PROGRAMME_COUNTRIES: ReadonlyArray<[string, RegExp]> = [
  ['KP', /\b(?:NKOREA|DPRK|North Korea|Workers' Party of Korea|Pyongyang)/i],
  ['CN', /\b(?:China|Chinese|PRC|Beijing)\b/i],
  ['HK', /\bHong Kong\b|\bHK-EO/i],
  ['VN', /\bViet ?nam/i],
  ['MM', /\b(?:BURMA|Myanmar|Tatmadaw)/i],
];

/** Who holds a phrase inside a longer name: one entity id, or MANY for several. */
type Holders = Map<string, string>;
const MANY = '\u0000many';

interface InnerPhrases {
  /** Entities whose names hold the phrase anywhere inside (as a strict part). */
  anywhere: Holders;
  /** Entities whose names hold the phrase after their first word. */
  inside: Holders;
}

/**
 * For the phrases that could be shared (aliases of up to MAX_SHARED_WORDS words, one-word names),
 * which entities hold them as a strict part of a longer name. Only those phrases are recorded:
 * enumerating every part of every name would cost seconds on the full lists.
 */
function innerPhraseOwners(entities: readonly ListedEntity[], formsOf: readonly Form[][]): InnerPhrases {
  const wanted = new Set<string>();
  for (const forms of formsOf) {
    for (const form of forms) if (form.use === 'name' && (!form.primary || !form.key.includes(' ')) && wordCount(form.key) <= MAX_SHARED_WORDS) wanted.add(form.key);
  }
  const anywhere: Holders = new Map();
  const inside: Holders = new Map();
  const hold = (holders: Holders, key: string, id: string): void => {
    const current = holders.get(key);
    if (current === undefined) holders.set(key, id);
    else if (current !== id) holders.set(key, MANY);
  };
  entities.forEach((entity, e) => {
    for (const form of formsOf[e]!) {
      if (form.use !== 'name') continue;
      for (const { key, at } of phrasesOf(form.key, MAX_SHARED_WORDS, true)) {
        if (!wanted.has(key)) continue;
        hold(anywhere, key, entity.id);
        if (at > 0) hold(inside, key, entity.id);
      }
    }
  });
  return { anywhere, inside };
}

/**
 * The runs of up to `maxWords` consecutive words of a key, with the word each starts at; with
 * `strictParts`, not the whole key itself.
 */
function* phrasesOf(key: string, maxWords: number, strictParts = false): Generator<{ key: string; at: number }> {
  const words = key.split(' ');
  for (let n = 1; n <= Math.min(maxWords, words.length - (strictParts ? 1 : 0)); n++) {
    for (let at = 0; at + n <= words.length; at++) yield { key: n === 1 ? words[at]! : words.slice(at, at + n).join(' '), at };
  }
}

function wordCount(key: string): number {
  return key.split(' ').length;
}

/** Whether a form of `entity` is a phrase other entities' names are built from. */
function isShared(form: Form, entity: string, inner: InnerPhrases): boolean {
  const byOthers = (holders: Holders): boolean => {
    const holder = holders.get(form.key);
    return holder !== undefined && holder !== entity;
  };
  // An alias (not the entity's own primary name) that other names contain anywhere.
  if (!form.primary && byOthers(inner.anywhere)) return true;
  // Any one-word name that other names carry after their first word is a common word of names.
  return !form.key.includes(' ') && byOthers(inner.inside);
}
