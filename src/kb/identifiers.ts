/**
 * Identifiers as the merge compares them: the family a list's type names (passport, tax id, IMO,
 * …), the value normalised ("IMO 9123456" = "9123456", spaces and punctuation dropped), and
 * whether the value is specific enough to identify anyone.
 */
import type { Identifier } from './model';
import { foldKey } from './normalise';

/** Identifier values shorter than this (letters and digits) are too unspecific to match on. */
export const MIN_IDENTIFIER_CHARS = 4;

/** An identifier reduced to what matching compares: its family and normalised value. */
export interface IdentifierFact {
  /** Family and normalised value: the matching key. */
  key: string;
  family: string;
  value: string;
  country?: string;
  /** The words used in a reason: "passport number N123 (RU)". */
  words: string;
}

const IDENTIFIER_FAMILIES: ReadonlyArray<{ family: string; words: string; pattern: RegExp }> = [
  // IMO first: OFAC writes "Vessel Registration Identification IMO 9123456".
  { family: 'imo', words: 'IMO', pattern: /\bimo\b/ },
  { family: 'swift', words: 'SWIFT/BIC', pattern: /\bswift\b|\bbic\b/ },
  { family: 'passport', words: 'passport number', pattern: /passport|passeport|pasaporte/ },
  // Also R.F.C. (Mexico), NIT (Colombia), RUC (Peru, Ecuador), V.A.T. as OFAC writes them.
  { family: 'tax', words: 'tax id', pattern: /\btax\b|\binn\b|\btin\b|\bvat\b|\bv a t\b|\br f c\b|\bnit\b|\bruc\b/ },
  {
    family: 'registration',
    words: 'registration number',
    pattern: /regist|\bogrn\b|company (number|no)|unified social credit|\buscc\b/,
  },
  {
    family: 'national-id',
    words: 'national id',
    pattern: /national|identity|identification|\bid card\b|\bid no\b|cedula|personal|\bd n i\b/,
  },
];

/**
 * Folded types that say nothing about the kind of number (OpenSanctions' simple export gives
 * bare "Identifier" values: INN, OGRN, …). They match an equal value of any family.
 */
const UNTYPED = new Set(['', 'id', 'identifier', 'identifiers', 'other', 'other identifier']);
/** The family of an untyped identifier: it matches an equal value of any family. */
export const ANY_FAMILY = '*';
const IMO_VALUE = /^\s*IMO\s*\d{7}\s*$/i;
/** A parenthesised note after a value ("1027700000001 (Russia)") is not part of the number. */
const TRAILING_NOTE = /\s*\([^()]*\)\s*$/;

/**
 * Whether a normalised value can identify a subject: long enough, and with a digit, since real
 * numbers have them and placeholders ("UNKNOWN", "NONE") do not. SWIFT/BIC codes may be all
 * letters but have a fixed length of 8 or 11.
 */
function isSpecificValue(family: string, value: string): boolean {
  if (family === 'swift') return value.length === 8 || value.length === 11;
  return value.length >= MIN_IDENTIFIER_CHARS && /\d/.test(value);
}

/** The matching fact of an identifier; undefined for a value too unspecific to match on. */
export function identifierFactOf(identifier: Identifier): IdentifierFact | undefined {
  // A value such as "IMO 9123456" names its own family, whatever the type says
  // (OFAC: "Vessel Registration Identification IMO 9123456").
  const type = IMO_VALUE.test(identifier.value) ? 'imo' : foldKey(identifier.type);
  const known = IDENTIFIER_FAMILIES.find((f) => f.pattern.test(type));
  const family = known?.family ?? (UNTYPED.has(type) ? ANY_FAMILY : type);
  let value = identifier.value
    .replace(TRAILING_NOTE, '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  // "IMO 9123456" and "9123456" are the same number.
  if (family === 'imo') value = value.replace(/^IMO/, '');
  if (!isSpecificValue(family, value)) return undefined;
  const label = known?.words ?? identifier.type.trim();
  const country = identifier.country ? ` (${identifier.country})` : '';
  return {
    key: `${family}|${value}`,
    family,
    value,
    ...(identifier.country ? { country: identifier.country } : {}),
    words: `${label} ${family === 'imo' ? value : identifier.value.trim()}${country}`,
  };
}

/** Same value, compatible families (an untyped one fits any), and countries not disagreeing. */
export function isSameIdentifier(x: IdentifierFact, y: IdentifierFact): boolean {
  return (
    x.value === y.value &&
    (x.family === y.family || x.family === ANY_FAMILY || y.family === ANY_FAMILY) &&
    (x.country === undefined || y.country === undefined || x.country === y.country)
  );
}

/** The deduplication key of an identifier: its fact's key, or its folded type and raw value. */
export function identifierKeyOf(identifier: Identifier, fact: IdentifierFact | undefined): string {
  const base = fact ? fact.key : `${foldKey(identifier.type)}|${identifier.value}`;
  return `${base}|${identifier.country ?? ''}`;
}
