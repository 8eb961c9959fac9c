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
 */
import { countryNames } from './country-entities';
import { NameIndex, targetFor, type NameUse } from './matcher';
import type { ListedEntity } from './model';
import { nameForms } from './name-variants';
import { nameKey } from './tokens';

/** Longest alias, in words, checked against other entities' names. */
const MAX_SHARED_WORDS = 4;

interface Form {
  text: string;
  key: string;
  use: NameUse;
  primary: boolean;
}

/** The name index of `entities`, every form with its use decided. */
export function indexListedNames(entities: readonly ListedEntity[]): NameIndex {
  const formsOf = entities.map(entityForms);
  const inner = innerPhraseOwners(entities, formsOf);
  const countryKeys = new Set([...countryNames().values()].flatMap((names) => names.map((n) => nameKey(n.text))));
  const index = new NameIndex();
  entities.forEach((entity, e) => {
    for (const form of formsOf[e]!) {
      let use = form.use;
      if (use === 'name' && entity.kind !== 'person' && isShared(form, entity.id, inner)) use = 'secondary';
      if (use === 'name' && countryKeys.has(form.key)) use = 'secondary';
      index.add(form.text, targetFor(entity.id, form.text, use));
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
      forms.push({ text: form.text, key: nameKey(form.text), use: form.use, primary: n === 0 || name.type === 'primary' });
    }
  });
  return forms;
}

/**
 * Countries whose naming customs apply to an entity's names: its nationalities, else what its
 * birthplaces, positions and sanctions programmes say ("Chairman of the Workers' Party of Korea",
 * programme NKOREA), since lists often give no nationality for heads of state.
 */
function nameCountries(entity: ListedEntity): string[] {
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
      const words = form.key.split(' ');
      for (let n = 1; n <= Math.min(MAX_SHARED_WORDS, words.length - 1); n++) {
        for (let at = 0; at + n <= words.length; at++) {
          const key = n === 1 ? words[at]! : words.slice(at, at + n).join(' ');
          if (!wanted.has(key)) continue;
          hold(anywhere, key, entity.id);
          if (at > 0) hold(inside, key, entity.id);
        }
      }
    }
  });
  return { anywhere, inside };
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
