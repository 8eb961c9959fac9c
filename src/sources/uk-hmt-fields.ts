/**
 * The free-text cells of the HM Treasury consolidated list, read into values: nationalities,
 * passport and ID numbers, and gender, IMO numbers and flag from Other Information. What the text
 * does not make clear is left for the caller to keep as printed.
 */
import type { Identifier, SourceEntry, SubjectKind } from '../kb/model';
import { nationalityCodeOf } from '../kb/countries';
import { cleanSpace } from './text';

/* ------------------------------------------------------------------ nationality --------- */

/** `(1)`, `1)`, `(a)`, `a)` list markers the list uses inside one cell. */
const ENUMERATOR = /(?:^|[\s,;])\(?(?:[1-9]|[a-h])\)\s*/gi;
/** Words around a nationality that do not change which country it is ("Kuwaiti citizenship"). */
const NATIONALITY_WORDS = /\b(citizenship|citizen|nationality|nationalities|national|by birth)\b|\//gi;
/** A statement that is not a current, certain nationality: left for a person to read. */
const UNCERTAIN = /\b(possibly|believed|revoked|withdrawn|until|former|formerly|false|fraudulent|cancelled)\b/i;

/**
 * Reads a Nationality cell such as "Afghan", "(1) Somali (2) Swedish", "a) French, b) Tunisian",
 * "Iranian national and US national/citizen" into ISO codes. `exact` is false when any part was
 * qualified ("(as at December 2003)"), uncertain or unknown; the caller then keeps the whole text
 * as a remark.
 */
export function readNationalities(raw: string): { codes: string[]; exact: boolean } {
  const codes: string[] = [];
  let exact = true;
  for (const item of raw.split(ENUMERATOR).map(trimPunctuation).filter(Boolean)) {
    // "Trinidad and Tobago" is one country; only split an item that is not one as a whole.
    const whole = readNationality(item);
    const parts = whole.code ? [whole] : item.split(/\s*(?:,|;|\band\b|\.\s)\s*/i).map(trimPunctuation).filter(Boolean).map(readNationality);
    for (const part of parts) {
      if (part.code && !codes.includes(part.code)) codes.push(part.code);
      if (!part.code || !part.exact) exact = false;
    }
  }
  return { codes, exact };
}

function readNationality(text: string): { code: string | undefined; exact: boolean } {
  if (UNCERTAIN.test(text)) return { code: undefined, exact: false };
  const withoutNotes = cleanSpace(text.replace(/\([^)]*\)/g, ' '));
  const core = cleanSpace(withoutNotes.replace(NATIONALITY_WORDS, ' '));
  const code = core ? nationalityCodeOf(core) : undefined;
  return { code, exact: withoutNotes === text };
}

function trimPunctuation(text: string): string {
  return text.replace(/^[\s.,;]+|[\s.,;]+$/g, '');
}

/* ------------------------------------------------------------------ documents ----------- */

/**
 * A document number: letters then a digit, then letters, digits and separators ("D1903",
 * "0018061/104", "A-374184"), optionally after a separate one- or two-letter series ("D 000974").
 */
const NUMBER_TOKEN = /\b(?:[A-Z]{1,2} (?=\d))?[A-Za-z]*-?\d[A-Za-z\d/.-]*/g;
/** Uppercase words that read like a series letter but are labels ("ID 1234", "NO 1234"). */
const NOT_A_SERIES = /^(ID|NO|NI|OF|IS|AT|ON|IN) /;

/**
 * Reads a Passport Details or NI Number cell, one identifier per numbered item. The value is the
 * first document number in the item; the item text as printed is kept as the note, so dates,
 * issuers and remarks are never lost. An item with no recognisable number becomes a remark.
 */
export function readDocuments(raw: string, type: string, column: string): { identifiers: Identifier[]; remarks: string[] } {
  const pieces = raw.split(ENUMERATOR).map((p) => p.trim()).filter(Boolean);
  // "Jordanian passport numbers (1) K048787 (2) 486298": the text before the first item labels them all.
  const label = pieces.length > 1 && !numberIn(pieces[0] ?? '') ? pieces.shift() : undefined;
  const identifiers: Identifier[] = [];
  const remarks: string[] = [];
  for (const item of pieces) {
    const text = label ? `${label} ${item}` : item;
    const number = numberIn(item);
    if (!number) {
      remarks.push(`${column}: ${text}`);
      continue;
    }
    const country = documentCountry(item, number) ?? (label ? leadingCountry(label) : undefined);
    identifiers.push({
      type,
      value: number.value,
      ...(country ? { country } : {}),
      ...(text !== number.value ? { note: text } : {}),
    });
  }
  return { identifiers, remarks };
}

function numberIn(text: string): { value: string; end: number } | undefined {
  for (const match of text.matchAll(NUMBER_TOKEN)) {
    const token = match[0].replace(NOT_A_SERIES, '').replace(/[./-]+$/, '');
    const start = (match.index ?? 0) + match[0].length - match[0].replace(NOT_A_SERIES, '').length;
    const digits = token.replace(/\D/g, '').length;
    // Skip years and dates ("Issued 1993", "03/07/1996") that come before a number.
    if (digits < 3 || /^(19|20)\d\d$/.test(token) || /^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(token)) continue;
    return { value: token, end: start + token.length };
  }
  return undefined;
}

/** Issuing country from "(Qatari passport …)" right after the number, or "Tunisia number …" before it. */
function documentCountry(item: string, number: { value: string; end: number }): string | undefined {
  const paren = /^\s*\(([^)]*)\)/.exec(item.slice(number.end));
  if (paren?.[1]) {
    const inside = paren[1].trim();
    const code = nationalityCodeOf(inside) ?? nationalityCodeOf(inside.split(/\s+/)[0] ?? '');
    if (code) return code;
  }
  return leadingCountry(item);
}

function leadingCountry(text: string): string | undefined {
  // A capitalised word only: "PS381420397" must not read as Palestine.
  const firstWord = /^\s*([A-Z][a-z]{3,})\b/.exec(text)?.[1];
  return firstWord ? nationalityCodeOf(firstWord) : undefined;
}

/* ------------------------------------------------------------------ notes --------------- */

/** "Female.", "Gender: male.", "Sex: female," as a statement of its own, not inside a sentence. */
const GENDER_STATEMENT = /(?:^|[.;]\s*|\b(?:gender|sex|description)\s*:\s*)(male|female)\s*(?=[.;,]|$)/gi;

export function genderIn(notes: string): 'male' | 'female' | undefined {
  const found = new Set([...notes.matchAll(GENDER_STATEMENT)].map((m) => (m[1] ?? '').toLowerCase()));
  if (found.size !== 1) return undefined;
  return found.has('female') ? 'female' : 'male';
}

/** "IMO: 8937675", "(IMO number: 7303803)", "Company Number IMO 5434358". */
const IMO_MENTION = /\bIMO(?:\s+(?:number|no\.?))?\s*:?\s*(\d{7})\b/gi;

function imoMentions(notes: string): string[] {
  return [...new Set([...notes.matchAll(IMO_MENTION)].map((m) => m[1] ?? ''))];
}

/** IMO ship numbers: the 7th digit is the sum of the first six weighted 7…2, modulo 10. */
function isShipImoNumber(digits: string): boolean {
  if (!/^\d{7}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  return sum % 10 === Number(digits[6]);
}

export function shipImoNumbers(notes: string): string[] {
  return imoMentions(notes).filter(isShipImoNumber);
}

/**
 * IMO numbers from the notes: a vessel's own ship number, or an organisation's company number.
 * A ship number in an organisation's notes belongs to a ship it owns or manages, not to it.
 */
export function imoIdentifiers(notes: string, kind: SubjectKind): Identifier[] {
  const imos = imoMentions(notes);
  const own = kind === 'vessel' ? imos.filter(isShipImoNumber) : kind === 'organisation' ? imos.filter((n) => !isShipImoNumber(n)) : [];
  const mmsi = kind === 'vessel' ? [...notes.matchAll(/\bMMSI\s*:?\s*(\d{9})\b/gi)].map((m) => m[1] ?? '') : [];
  return [...own.map((n) => ({ type: 'IMO', value: n })), ...[...new Set(mmsi)].map((n) => ({ type: 'MMSI', value: n }))];
}

export function vesselDetails(notes: string): SourceEntry['vessel'] {
  const flag = /\bFlag(?:\s+State)?\s*:\s*([^.;]+)/i.exec(notes)?.[1]?.trim();
  return flag ? { flag } : undefined;
}
