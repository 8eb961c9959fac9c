import countries from 'world-countries';
import { foldKey } from './normalise';

/**
 * Country names, spellings, demonyms and capitals, taken from the world-countries package
 * (ODbL), never typed by hand. The build slims the package to the fields read here.
 */
export interface CountryRecord {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** Common English name ("Myanmar"). */
  name: string;
  official: string;
  /** Latin-script alternative spellings from the package ("Burma", "DPRK", "UK"). */
  altSpellings: string[];
  demonyms: string[];
  capitals: string[];
  /** UN geoscheme region ("Asia"). */
  region: string;
  subregion: string;
  /** A UN member state: wins a name it shares with a territory ("American": US over American Samoa). */
  unMember: boolean;
}

const LATIN = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{M}]+$/u;

export const COUNTRIES: readonly CountryRecord[] = countries
  .filter((c) => c.cca2 && c.cca2.length === 2)
  .map((c) => ({
    code: c.cca2,
    name: c.name.common,
    official: c.name.official,
    // The package lists the ISO code first among spellings; a code is not a name people write.
    altSpellings: c.altSpellings.filter((s) => s !== c.cca2 && LATIN.test(s)),
    demonyms: [...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d))],
    capitals: c.capital ?? [],
    region: c.region,
    subregion: c.subregion,
    unMember: c.unMember,
  }));

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

/**
 * Spellings that sanctions lists and SIPRI tables use and the package lacks. Each is a publisher's
 * convention, not a name for marking text: they only resolve a nationality or table row to a code.
 */
const PUBLISHER_SPELLINGS: Record<string, string> = {
  'uae': 'AE',
  'bosnia herzegovina': 'BA',
  'korea north': 'KP',
  'korea south': 'KR',
  'congo democratic republic of the': 'CD',
  'congo democratic republic': 'CD',
  'west bank': 'PS',
  'gaza': 'PS',
  'saint vincent': 'VC',
  'turkey': 'TR',
  'cape verde': 'CV',
  'cabo verde': 'CV',
  'swaziland': 'SZ',
  'burma': 'MM',
  'the gambia': 'GM',
  'the bahamas': 'BS',
  'micronesia federated states of': 'FM',
  'holy see': 'VA',
  'hong kong': 'HK',
  'macau': 'MO',
  'china hong kong special administrative region': 'HK',
  'st vincent and the grenadines': 'VC',
  'st kitts and nevis': 'KN',
  'st kitts nevis': 'KN',
  'north macedonia the republic of': 'MK',
  'cote d ivoire': 'CI',
  'china macao special administrative region': 'MO',
};

const BY_KEY: Map<string, string> = (() => {
  const map = new Map<string, string>();
  const add = (name: string, code: string): void => {
    const key = foldKey(name);
    if (key && !map.has(key)) map.set(key, code);
  };
  for (const c of COUNTRIES) add(c.name, c.code);
  for (const c of COUNTRIES) add(c.official, c.code);
  for (const c of COUNTRIES) for (const s of c.altSpellings) add(s, c.code);
  for (const [name, code] of Object.entries(PUBLISHER_SPELLINGS)) add(name, code);
  return map;
})();

/**
 * ISO alpha-2 code for a country name as lists print it: "Russia", "Russian Federation",
 * "Korea, North", "Iran (Islamic Republic of)", "Burma / Birmanie", "RU". Undefined when unknown
 * (historical states such as "Soviet Union" have no code).
 */
export function countryCodeOf(raw: string): string | undefined {
  const text = raw.split(' / ')[0] ?? raw; // Canada's bilingual "Burma / Birmanie"
  const candidates = [text, text.replace(/\s*\(.*?\)\s*/g, ' ')];
  const comma = /^(.*?),\s*(.*)$/.exec(text);
  if (comma) candidates.push(`${comma[2]} ${comma[1]}`);
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(text);
  if (paren) candidates.push(`${paren[2]} ${paren[1]}`);
  for (const candidate of candidates) {
    const key = foldKey(candidate);
    // A bare code counts only in capitals: lowercase "na" is a list's "not available", not Namibia.
    const code = BY_KEY.get(key) ?? (/^[A-Z]{2}$/.test(candidate.trim()) && BY_CODE.has(candidate.trim()) ? candidate.trim() : undefined);
    if (code) return code;
  }
  return undefined;
}

/** The record for an alpha-2 code. */
export function countryByCode(code: string): CountryRecord | undefined {
  return BY_CODE.get(code.toUpperCase());
}

let byDemonym: ReadonlyMap<string, readonly CountryRecord[]> | undefined;

/**
 * Countries by folded demonym ("syrian" → Syria), in COUNTRIES order. A demonym several countries
 * or territories share ("french", "congolese") lists them all: the caller decides. Built on first use.
 */
export function countriesByDemonym(): ReadonlyMap<string, readonly CountryRecord[]> {
  if (!byDemonym) {
    const holders = new Map<string, CountryRecord[]>();
    for (const country of COUNTRIES) {
      for (const demonym of country.demonyms) {
        const key = foldKey(demonym);
        holders.set(key, [...(holders.get(key) ?? []), country]);
      }
    }
    byDemonym = holders;
  }
  return byDemonym;
}

let nationalityByDemonym: ReadonlyMap<string, string> | undefined;

/**
 * ISO alpha-2 code for a nationality written as a country name or a demonym ("Syria", "Syrian",
 * "Saudi Arabian"). A demonym shared by a state and a territory ("American", "French") is the
 * state's: a territory confers no nationality. One shared by two states ("Congolese",
 * "Dominican") resolves to none rather than to a guess.
 */
export function nationalityCodeOf(text: string): string | undefined {
  if (!nationalityByDemonym) {
    const codes = new Map<string, string>();
    for (const [key, countries] of countriesByDemonym()) {
      const states = countries.length === 1 ? countries : countries.filter((c) => c.unMember);
      if (states.length === 1 && states[0]) codes.set(key, states[0].code);
    }
    nationalityByDemonym = codes;
  }
  return countryCodeOf(text) ?? nationalityByDemonym.get(foldKey(text));
}
