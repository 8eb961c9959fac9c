/**
 * Reads the `Remarks` column of OFAC's legacy CSV files: `;`-separated free text in which OFAC
 * states dates and places of birth, nationalities, gender, identity documents, weak a.k.a.s,
 * listing dates and links ("DOB 03 Jul 1956; POB Dawei, Burma; Gender Male."). Each segment that
 * follows one of OFAC's fixed phrasings becomes a field; every other segment is kept as a remark,
 * word for word, so nothing the list says is lost.
 */
import type { Identifier, PartialDate, SubjectKind } from '../kb/model';
import { countryCodeOf } from '../kb/countries';
import { MONTH_ABBREVIATIONS, isCalendarDay, pad2 } from './dates';
import { cleanSpace } from './text';

/** What one entry's remarks state, split into the entity model's fields. */
export interface OfacRemarkFacts {
  birthDates: PartialDate[];
  birthPlaces: string[];
  /** ISO alpha-2 codes; a nationality that does not resolve stays in `remarks`. */
  nationalities: string[];
  gender?: 'male' | 'female';
  identifiers: Identifier[];
  /** `Position: …` segments. */
  positions: string[];
  /**
   * OFAC's weak a.k.a.s. The CSV formats carry them only here, single-quoted in the primary
   * record's remarks (`a.k.a. 'BNC'`), never in alt.csv: https://ofac.treasury.gov/faqs/123
   */
  weakNames: { full: string; type: 'alias' | 'formerly' }[];
  /** Earliest `Listing Date (…): 24 Feb 2022` as ISO; the segment itself stays in `remarks` for its qualifier. */
  listedOn?: string;
  /** Segments not captured above, in source order. */
  remarks: string[];
}

/** Two white-space characters in a row, or any white space other than a plain space. */
const UNTIDY_RE = /\s\s|[^\S ]/;
const isSpaceCode = (code: number): boolean => code === 32 || code === 0xa0;

/**
 * cleanSpace for text that is mostly tidy already: a test is far cheaper than cleanSpace's
 * replace, and the legacy files hold some 300,000 fields and 150,000 remark segments.
 */
export function tidySpace(text: string): string {
  const untidy = isSpaceCode(text.charCodeAt(0)) || isSpaceCode(text.charCodeAt(text.length - 1)) || UNTIDY_RE.test(text);
  return untidy ? cleanSpace(text) : text;
}

const MONTHS = new Map<string, string>(MONTH_ABBREVIATIONS.map((m, i) => [m, pad2(i + 1)]));

/**
 * Identity-document and registry labels exactly as OFAC writes them before the number, gathered
 * from the May 2024 sdn.csv and the consolidated list. A label not here leaves its segment in the
 * remarks, which is the safe side: a wrong identifier could merge two different subjects.
 */
const IDENTIFIER_LABELS: readonly string[] = [
  'Passport', 'Diplomatic Passport', 'Passport Booklet', 'Passport Booklet:', 'Passport No.:',
  'British National Overseas Passport', 'Stateless Person Passport', 'Travel Document Number',
  'National ID No.', 'National ID No.:', 'National Foreign ID Number', 'Personal ID Card',
  'Identification Number', 'Kenyan ID No.', 'Turkish Identification Number', 'UAE Identification',
  'Bosnian Personal ID No.', 'Moroccan Personal ID No.', 'Tazkira National ID Card', 'Refugee ID Card',
  'Stateless Person ID Card', "Citizen's Card Number", 'Numero de Identidad', 'CNP (Personal Numerical Code)',
  'Cedula No.', 'C.U.R.P.', 'C.U.R.P. #', 'C.U.I.', 'C.U.I.P.', 'C.U.I.T.', 'D.N.I.', 'N.I.E.', 'I.F.E.',
  'Credencial electoral', 'Electoral Registry No.', 'Cartilla de Servicio Militar Nacional', 'SSN',
  'Birth Certificate Number', 'Residency Number', 'Immigration No.', 'VisaNumberID', 'SRE Permit No.',
  'Permit Number', "Driver's License No.", 'Pilot License Number', "Seafarer's Identification Document",
  'Tax ID No.', 'R.F.C.', 'R.F.C. #', 'RFC', 'NIT #', 'RUC #', 'RIF #', 'RTN', 'US FEIN', 'C.I.F.',
  'Italian Fiscal Code', 'Italian Fiscal Code:', 'Fiscal Code', 'Romanian Tax Registration',
  'V.A.T. Number', 'Numero Unico de Identificacao Tributaria (NUIT)', 'Paraguayan tax identification number',
  'Registration Number', 'Registration ID', 'Business Registration Number', 'Business Registration Document #',
  'Business Number', 'Company Number', 'UK Company Number', 'Commercial Registry Number', 'Romanian C.R.',
  'C.R. No.', 'Folio Mercantil No.', 'Matricula Mercantil No', 'Public Registration Number',
  'Certificate of Incorporation Number', 'Enterprise Number', 'Branch Unit Number', 'LE Number',
  'Trade License No.', 'Chamber of Commerce Number', 'Istanbul Chamber of Comm. No.',
  'Dubai Chamber of Commerce Membership No.', 'Central Registration System Number',
  'Economic Register Number (CBLS)', 'Government Gazette Number', 'Unified Social Credit Code (USCC)',
  'United Social Credit Code Certificate (USCCC)', 'Organization Code', 'Legal Entity Number',
  'D-U-N-S Number', 'Registered Charity No.', 'MSB Registration Number',
  'Afghan Money Service Provider License Number', 'SWIFT/BIC', 'BIK (RU)', 'ISIN',
  'MMSI', 'Aircraft Tail Number', "Aircraft Manufacturer's Serial Number (MSN)",
  'Aircraft Construction Number (also called L/N or S/N or F/N)', 'Aircraft Mode S Transponder Code',
  'Aircraft Serial Identification',
];

/** Labels before an IMO number; the vessel one is the ship's own number, the others a company's. */
const VESSEL_IMO_LABEL = 'Vessel Registration Identification IMO';
const IMO_LABELS: readonly string[] = [
  VESSEL_IMO_LABEL, 'Identification Number IMO', 'Company Number IMO', 'International Maritime Organization No.',
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Longest label first, so "Identification Number IMO" wins over "Identification Number". */
const IDENTIFIER_RE = new RegExp(
  `^(${[...IDENTIFIER_LABELS, ...IMO_LABELS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')}|Digital Currency Address - [A-Z0-9]+) (.+)$`,
);

const TRAILING_PAREN_RE = /^(.*\S)\s+\(([^()]+)\)$/;
const DAY_RE = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/;
const MONTH_RE = /^([A-Za-z]{3}) (\d{4})$/;
const YEAR_RE = /^(\d{4})$/;
const CIRCA_YEAR_RE = /^circa (\d{4})$/;
const YEAR_RANGE_RE = /^(?:circa )?(\d{4}) ?(?:to|-) ?(\d{4})$/;
const DAY_SPAN_RE = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4}) to (\d{1,2}) ([A-Za-z]{3}) (\d{4})$/;
const WEAK_NAME_RE = /^([afn])\.k\.a\. '(.+)'\.?$/;
const LISTING_DATE_RE = /^Listing Date \(([^)]*)\):? (\d{1,2} [A-Za-z]{3} \d{4})\.?$/;

/**
 * A date as OFAC writes it in remarks: `03 Jul 1956`, `Jul 1956`, `1956`, `circa 1960`,
 * `1960 to 1962`, `01 Jan 1961 to 31 Dec 1962`. Any other wording is kept as text, never guessed.
 */
export function parseOfacDate(raw: string): PartialDate {
  const text = tidySpace(raw).replace(/\.$/, '');
  const day = DAY_RE.exec(text);
  if (day) {
    const iso = isoDay(Number(day[3]), day[2] ?? '', Number(day[1]));
    if (iso) return { kind: 'day', date: iso };
  }
  const month = MONTH_RE.exec(text);
  const monthNumber = month ? MONTHS.get((month[1] ?? '').toLowerCase()) : undefined;
  if (month && monthNumber) return { kind: 'month', date: `${month[2]}-${monthNumber}` };
  const year = YEAR_RE.exec(text);
  if (year) return { kind: 'year', year: Number(year[1]) };
  const circa = CIRCA_YEAR_RE.exec(text);
  if (circa) return { kind: 'year', year: Number(circa[1]), approximate: true };
  const range = YEAR_RANGE_RE.exec(text);
  if (range && Number(range[1]) < Number(range[2])) return { kind: 'range', from: Number(range[1]), to: Number(range[2]) };
  return wholePeriod(text) ?? { kind: 'text', text };
}

/**
 * OFAC writes "born in 1961 or 1962" as `01 Jan 1961 to 31 Dec 1962` and "in February 1960" as
 * `01 Feb 1960 to 29 Feb 1960`; those become a year range or a month. Any other span of days
 * (an Iranian year, `21 Mar 1950 to 20 Mar 1951`) is kept as text.
 */
function wholePeriod(text: string): PartialDate | undefined {
  const span = DAY_SPAN_RE.exec(text);
  const from = span ? isoDay(Number(span[3]), span[2] ?? '', Number(span[1])) : undefined;
  const to = span ? isoDay(Number(span[6]), span[5] ?? '', Number(span[4])) : undefined;
  if (!from || !to || from > to) return undefined;
  const [fromYear, fromMonth, fromDay] = from.split('-');
  const [toYear, toMonth, toDay] = to.split('-');
  if (fromMonth === '01' && fromDay === '01' && toMonth === '12' && toDay === '31') {
    return fromYear === toYear ? { kind: 'year', year: Number(fromYear) } : { kind: 'range', from: Number(fromYear), to: Number(toYear) };
  }
  const lastDay = isoDay(Number(toYear), span?.[5] ?? '', Number(toDay) + 1) === undefined;
  if (fromYear === toYear && fromMonth === toMonth && fromDay === '01' && lastDay) return { kind: 'month', date: `${fromYear}-${fromMonth}` };
  return undefined;
}

/** `YYYY-MM-DD` for a real calendar day, else undefined. */
function isoDay(year: number, monthName: string, day: number): string | undefined {
  const month = MONTHS.get(monthName.toLowerCase());
  if (!month || day < 1 || year < 1000 || !isCalendarDay(year, Number(month), day)) return undefined;
  return `${year}-${month}-${pad2(day)}`;
}

/**
 * Splits a remarks text into fields.
 * @param text - the full remarks (column 12, completed from sdn_comments.csv where it was cut).
 * @param kind - the entry's kind: an IMO number on a vessel is the ship's, elsewhere a company's.
 */
export function parseOfacRemarks(text: string, kind: SubjectKind): OfacRemarkFacts {
  const facts: OfacRemarkFacts = {
    birthDates: [], birthPlaces: [], nationalities: [], identifiers: [], positions: [], weakNames: [], remarks: [],
  };
  // OFAC separates with "; ", but a few older remarks have ";" without the space.
  for (const rawSegment of text.split(';')) {
    const segment = tidySpace(rawSegment.trim());
    if (segment && !readSegment(segment, kind, facts)) facts.remarks.push(segment);
  }
  return facts;
}

/** Puts one segment into `facts`; false when the segment follows none of the known phrasings. */
function readSegment(segment: string, kind: SubjectKind, facts: OfacRemarkFacts): boolean {
  // "alt." marks a further value of the same field ("alt. DOB 1961"), which is what a list holds anyway.
  const body = segment.startsWith('alt. ') ? segment.slice(5) : segment;

  const dob = valueAfter(body, 'DOB ');
  if (dob !== undefined) {
    facts.birthDates.push(parseOfacDate(dob));
    return true;
  }
  const pob = valueAfter(body, 'POB ');
  if (pob !== undefined) {
    facts.birthPlaces.push(pob);
    return true;
  }
  const nationality = valueAfter(body, 'nationality ') ?? valueAfter(body, 'citizen ');
  if (nationality !== undefined) {
    const code = ofacCountryCode(nationality);
    if (!code) return false;
    if (!facts.nationalities.includes(code)) facts.nationalities.push(code);
    return true;
  }
  const gender = valueAfter(body, 'Gender ')?.toLowerCase();
  if (gender === 'male' || gender === 'female') {
    facts.gender = gender;
    return true;
  }
  const position = valueAfter(body, 'Position: ');
  if (position !== undefined) {
    facts.positions.push(position);
    return true;
  }
  const weak = WEAK_NAME_RE.exec(body);
  if (weak?.[2]) {
    const full = cleanSpace(weak[2]);
    if (full) facts.weakNames.push({ full, type: weak[1] === 'f' ? 'formerly' : 'alias' });
    return !!full;
  }
  const listing = LISTING_DATE_RE.exec(body);
  if (listing) {
    const date = parseOfacDate(listing[2] ?? '');
    if (date.kind === 'day' && (!facts.listedOn || date.date < facts.listedOn)) facts.listedOn = date.date;
    return false; // kept in remarks: "(EO 14024 Directive 3)" says under what the date applies
  }
  const identifier = readIdentifier(body, kind);
  if (identifier) {
    facts.identifiers.push(identifier);
    return true;
  }
  return false;
}

/** The text after `prefix` without the sentence's final period; undefined when `body` does not start so. */
function valueAfter(body: string, prefix: string): string | undefined {
  if (!body.startsWith(prefix)) return undefined;
  return body.slice(prefix.length).replace(/\.$/, '').trim() || undefined;
}

const countryCache = new Map<string, string | undefined>();
/** Bounds the cache on hostile input; real lists name a few hundred distinct countries. */
const COUNTRY_CACHE_LIMIT = 4096;

/**
 * countryCodeOf, remembered: a list names the same few hundred countries tens of thousands of
 * times, and each lookup folds several spellings.
 */
export function ofacCountryCode(name: string): string | undefined {
  if (countryCache.has(name)) return countryCache.get(name);
  if (countryCache.size >= COUNTRY_CACHE_LIMIT) countryCache.clear();
  const code = countryCodeOf(name);
  countryCache.set(name, code);
  return code;
}

/**
 * `Passport X123 (Russia) issued 01 Jan 2010 expires 01 Jan 2020` → type, value, country, note.
 * The country is taken only from a final parenthesis that names one; any other parenthesis
 * ("HRA 738077 (Stuttgart)") is part of the number as OFAC prints it.
 */
function readIdentifier(body: string, kind: SubjectKind): Identifier | undefined {
  const match = IDENTIFIER_RE.exec(body);
  const label = match?.[1];
  let rest = match?.[2]?.replace(/\.$/, '').trim();
  if (!label || !rest) return undefined;
  let dates: string | undefined;
  const dated = /\s(issued|expires|expired)\b/.exec(rest);
  if (dated) {
    dates = rest.slice(dated.index).trim();
    rest = rest.slice(0, dated.index).replace(/,$/, '').trim();
  }
  // A final " (…)" names the issuing country; a parenthesis before it, or one that is not a
  // country ("(Stuttgart)", "(Palestinian)"), qualifies the number and goes to the note.
  // "D489833(9)", without a space, is a check digit and stays in the value.
  let country: string | undefined;
  let qualifier: string | undefined;
  let paren = TRAILING_PAREN_RE.exec(rest);
  const code = paren?.[2] ? ofacCountryCode(paren[2]) : undefined;
  if (paren?.[1] && code) {
    country = code;
    rest = paren[1];
    paren = TRAILING_PAREN_RE.exec(rest);
  }
  if (paren?.[1] && paren[2]) {
    qualifier = paren[2];
    rest = paren[1];
  }
  const note = [qualifier, dates].filter(Boolean).join('; ');
  if (IMO_LABELS.includes(label)) rest = rest.replace(/^\((\d+)\)$/, '$1');
  if (!rest) return undefined;
  const type = IMO_LABELS.includes(label)
    ? label === VESSEL_IMO_LABEL || kind === 'vessel' ? 'IMO' : 'IMO Company Number'
    : label;
  const identifier: Identifier = { type, value: rest };
  if (country) identifier.country = country;
  if (note) identifier.note = note;
  return identifier;
}
