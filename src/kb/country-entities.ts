import countriesPackage from 'world-countries/package.json';
import { COUNTRIES, countryByCode, type CountryRecord } from './countries';
import type { EntityCard } from './card';
import { foldKey } from './normalise';

/**
 * Country entities for the knowledge base: their card and every written form that names them,
 * all derived from the world-countries package.
 */

export interface CountryName {
  text: string;
  /** Why this text names the country; shown nowhere yet, kept for the matcher's decisions. */
  form: 'name' | 'official' | 'spelling' | 'demonym' | 'capital' | 'press';
}

/**
 * Short forms the press uses that the package lacks (it lists the ISO code "US" only as a code,
 * and "Great Britain" but not "Britain"). Dotted forms of acronyms are generated, not listed.
 */
const PRESS_FORMS: Record<string, string[]> = { US: ['US'], GB: ['Britain'], TR: ['Turkey'] };

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
    for (const capital of c.capitals) add(c, capital, 'capital');
    for (const p of PRESS_FORMS[c.code] ?? []) add(c, p, 'press');
  }
  // Dotted acronyms: "US" → "U.S.", "UK" → "U.K.", "USA" → "U.S.A.".
  for (const [code, names] of byCountry) {
    for (const n of [...names]) {
      if (/^[A-Z]{2,4}$/.test(n.text)) names.push({ text: `${n.text.split('').join('.')}.`, form: n.form });
    }
    byCountry.set(code, names.filter((n) => ownsForm(code, owners.get(foldKey(n.text)))));
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

/** The card of each country, by entity id. */
export function countryCards(): Map<string, EntityCard> {
  const cards = new Map<string, EntityCard>();
  const names = countryNames();
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
