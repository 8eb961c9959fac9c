import countriesPackage from 'world-countries/package.json';
import { COUNTRIES, countryByCode, type CountryRecord } from './countries';
import { bareCard, type EntityCard } from './card';
import type { NameUse } from './matcher';
import { foldKey } from './normalise';

/**
 * Country entities for the knowledge base: their card and every written form that names them,
 * all derived from the world-countries package.
 */

export interface CountryName {
  text: string;
  /**
   * Why this text names the country. 'capital' (a seat of government, or "America") names it only
   * where the text makes it an actor; 'context' (the leading words of the official name, "the
   * Islamic Republic") only where the country itself is named on the page. See countryNameUse.
   */
  form: 'name' | 'official' | 'spelling' | 'demonym' | 'capital' | 'press' | 'context';
}

/** When a country's written form may mark text (matcher.ts `NameUse`). */
export function countryNameUse(form: CountryName['form']): NameUse {
  return form === 'capital' ? 'capital' : form === 'context' ? 'secondary' : 'name';
}

/**
 * Short forms the press uses that the package lacks (it lists the ISO code "US" only as a code,
 * and "Great Britain" but not "Britain"). Dotted forms of acronyms are generated, not listed.
 */
const PRESS_FORMS: Record<string, string[]> = { US: ['US'], GB: ['Britain'], TR: ['Turkey'] };
/** Seats of government the press names the country by and the package spells otherwise. */
const PRESS_CAPITALS: Record<string, string[]> = { US: ['Washington'], UA: ['Kiev'] };
/**
 * Names the press uses for a country that also name something wider, read like capitals (only
 * where the text makes them an actor): "America's constitution", but not "Latin America".
 */
const PRESS_ACTORS: Record<string, string[]> = { US: ['America'] };

/**
 * Plural of a demonym as news prints it for the people ("Palestinians", "Israelis", "South
 * Koreans"): -s after -an and -i; none for -ese, -ish, -ch and the like ("Chinese", "Swiss").
 */
export function demonymPlural(demonym: string): string | null {
  return /(?:an|i)$/.test(demonym) ? `${demonym}s` : null;
}

/**
 * Leading words of an official name "X of <name>" that news uses for the country once named ("the
 * Islamic Republic", "the People's Republic"): two words or more, so not "Republic" or "Kingdom".
 */
function contextForm(official: string, name: string): string | null {
  const m = /^(.+?) of (?:the )?(.+)$/.exec(official);
  if (!m || m[2] !== name || !/\s/.test(m[1]!)) return null;
  return m[1]!;
}

export const COUNTRY_SOURCE = `world-countries ${countriesPackage.version}`;
const COUNTRY_SOURCE_URL = 'https://github.com/mledoze/countries';

export function countryEntityId(code: string): string {
  return `country:${code}`;
}

/** Every written form of each country, with forms shared by two countries left out. */
export function countryNames(): Map<string, CountryName[]> {
  const owners = new Map<string, Set<string>>();
  const byCountry = new Map<string, CountryName[]>();
  const add = (country: CountryRecord, text: string, form: CountryName['form']): void => {
    const list = byCountry.get(country.code) ?? [];
    if (list.some((n) => n.text === text)) return;
    list.push({ text, form });
    byCountry.set(country.code, list);
    const key = foldKey(text);
    owners.set(key, (owners.get(key) ?? new Set()).add(country.code));
  };
  for (const c of COUNTRIES) {
    add(c, c.name, 'name');
    add(c, c.official, 'official');
    for (const s of c.altSpellings) add(c, s, 'spelling');
    for (const d of c.demonyms) add(c, d, 'demonym');
    for (const d of c.demonyms) {
      const plural = demonymPlural(d);
      if (plural) add(c, plural, 'demonym');
    }
    for (const capital of c.capitals) add(c, capital, 'capital');
    for (const capital of PRESS_CAPITALS[c.code] ?? []) add(c, capital, 'capital');
    for (const actor of PRESS_ACTORS[c.code] ?? []) add(c, actor, 'capital');
    for (const p of PRESS_FORMS[c.code] ?? []) add(c, p, 'press');
    const context = contextForm(c.official, c.name);
    if (context) add(c, context, 'context');
  }
  // Dotted acronyms: "US" → "U.S.", "UK" → "U.K.", "USA" → "U.S.A.".
  for (const [code, names] of byCountry) {
    for (const n of [...names]) {
      if (/^[A-Z]{2,4}$/.test(n.text)) names.push({ text: `${n.text.split('').join('.')}.`, form: n.form });
    }
    // A context form shared by several countries ("Islamic Republic": Iran, Pakistan, Mauritania)
    // is kept for each: the country named on the page decides.
    byCountry.set(code, names.filter((n) => n.form === 'context' || ownsForm(code, owners.get(foldKey(n.text)))));
  }
  return byCountry;
}

/**
 * A form shared by several countries names none of them for sure ("Congolese"), unless only one
 * of them is a UN member state ("American": the United States, not American Samoa).
 */
function ownsForm(code: string, owners: Set<string> | undefined): boolean {
  if (!owners || owners.size <= 1) return true;
  const members = [...owners].filter((c) => countryByCode(c)?.unMember);
  return members.length === 1 && members[0] === code;
}

/**
 * The card of each country, by entity id.
 * @param names - countryNames(), when the caller has it already (it is not cheap)
 */
export function countryCards(names: ReadonlyMap<string, CountryName[]> = countryNames()): Map<string, EntityCard> {
  const cards = new Map<string, EntityCard>();
  for (const c of COUNTRIES) {
    const id = countryEntityId(c.code);
    cards.set(id, {
      id,
      kind: 'country',
      name: c.name,
      otherNames: (names.get(c.code) ?? []).filter((n) => n.form === 'official' || n.form === 'spelling').map((n) => n.text),
      country: {
        code: c.code,
        official: c.official,
        capitals: c.capitals,
        ...(c.region ? { region: c.region } : {}),
        provenance: { source: COUNTRY_SOURCE, url: COUNTRY_SOURCE_URL },
      },
      listings: [],
      birthDates: [],
      birthPlaces: [],
      nationalities: [],
      positions: [],
    });
  }
  return cards;
}

/**
 * Blocs and international organisations that news names as actors beside countries. They are not
 * on sanctions lists; their card says what they are. Names as the organisations write them.
 */
export interface Bloc {
  code: string;
  name: string;
  /** Other names and acronyms; dotted forms of acronyms are generated. */
  names: string[];
  /**
   * Names made of common nouns ("Security Council") that name the bloc unless a capitalised word
   * before them makes them another body's ("National Security Council", "Russian Security
   * Council"); the bloc's own acronym before them is fine ("U.N. Security Council").
   */
  qualifiable?: string[];
}

export const BLOCS: readonly Bloc[] = [
  { code: 'EU', name: 'European Union', names: ['EU'] },
  { code: 'NATO', name: 'North Atlantic Treaty Organization', names: ['NATO', 'Nato', 'North Atlantic Treaty Organisation', 'North Atlantic Alliance'] },
  { code: 'UN', name: 'United Nations', names: ['UN'], qualifiable: ['Security Council'] },
  { code: 'ASEAN', name: 'Association of Southeast Asian Nations', names: ['ASEAN', 'Asean'] },
  { code: 'AU', name: 'African Union', names: [] },
  { code: 'LAS', name: 'Arab League', names: ['League of Arab States'] },
  { code: 'GCC', name: 'Gulf Cooperation Council', names: ['Cooperation Council for the Arab States of the Gulf'] },
  { code: 'OPEC', name: 'Organization of the Petroleum Exporting Countries', names: ['OPEC', 'Opec'] },
  { code: 'CSTO', name: 'Collective Security Treaty Organization', names: ['CSTO'] },
  { code: 'SCO', name: 'Shanghai Cooperation Organisation', names: ['Shanghai Cooperation Organization'] },
  { code: 'OSCE', name: 'Organization for Security and Co-operation in Europe', names: ['OSCE'] },
  { code: 'IAEA', name: 'International Atomic Energy Agency', names: ['IAEA'] },
];

/** Entity id of a bloc. */
export function blocEntityId(code: string): string {
  return `bloc:${code}`;
}

/** Every written form of each bloc, by entity id, dotted acronyms included ("U.N.", "E.U."). */
export function blocNames(): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const bloc of BLOCS) {
    const forms = [bloc.name, ...bloc.names, ...(bloc.qualifiable ?? [])];
    for (const form of [...forms]) if (/^[A-Z]{2,4}$/.test(form)) forms.push(`${form.split('').join('.')}.`);
    byId.set(blocEntityId(bloc.code), forms);
  }
  return byId;
}

/** Folded keys of the bloc names that a capitalised word before them can make another body's, with the bloc's code. */
export function qualifiableBlocNames(): Map<string, string> {
  return new Map(BLOCS.flatMap((b) => (b.qualifiable ?? []).map((n) => [foldKey(n), b.code] as [string, string])));
}

/** The card of each bloc, by entity id. */
export function blocCards(): Map<string, EntityCard> {
  const cards = new Map<string, EntityCard>();
  for (const bloc of BLOCS) {
    const id = blocEntityId(bloc.code);
    cards.set(id, { ...bareCard(id, 'organisation', bloc.name), otherNames: bloc.names });
  }
  return cards;
}
