/**
 * Parser for the UN Security Council Consolidated List XML (scsanctions.un.org `consolidated.xml`):
 * `<CONSOLIDATED_LIST dateGenerated="…">` holding INDIVIDUALS/INDIVIDUAL (persons) and
 * ENTITIES/ENTITY (organisations). One SourceEntry per record, each field as the list states it.
 *
 * Quirks of the real file handled here (see tests/fixtures/sources/un/README.md):
 * - stray spaces around names and reference numbers; `na` as a "not available" placeholder;
 * - LISTED_ON sometimes carries a time-zone offset (`2015-04-07-04:00`);
 * - ALIAS_NAME sometimes packs several spellings (`A; B; C`, `b)` enumerations, or an
 *   Arabic-script name followed by its Latin spellings in parentheses);
 * - a date of birth may be only a NOTE ("Nov. 1973", "30-35 years old").
 */
import type { Address, EntryName, Identifier, NameParts, ParseIssue, PartialDate, SourceEntry, SourceParseResult, SubjectKind } from '../kb/model';
import { countryCodeOf } from '../kb/countries';
import { isoDayPrefix, monthNumber, pad2, parseMonthYear, uniqueDates } from './dates';
import { splitTopLevel } from './name-lists';
import { splitAliasSpellings } from './un-aliases';
import { ParseError, assertSaneSize } from './errors';
import { diagnostic, issue } from './diagnostics';
import { cleanSpace, decodeText, lineAt } from './text';
import { childText, childrenNamed, readXmlRecords, type XmlElement } from './xml';

/** Source id of UN Consolidated List entries. */
export const UN_SOURCE = 'un';
/** Human name of the list. */
export const UN_LIST_NAME = 'UN Security Council Consolidated List';
/** The publisher's official download of this file. */
export const UN_SOURCE_URL = 'https://scsanctions.un.org/resources/xml/en/consolidated.xml';

const ROOT_ELEMENT = 'CONSOLIDATED_LIST';
const KIND_OF_RECORD: ReadonlyMap<string, SubjectKind> = new Map([
  ['INDIVIDUAL', 'person'],
  ['ENTITY', 'organisation'],
]);
const NAME_ELEMENTS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'] as const;

/** Record children this parser reads or knowingly ignores; anything else is reported once. */
const KNOWN_CHILDREN = new Set([
  ...NAME_ELEMENTS,
  'DATAID', 'VERSIONNUM', 'UN_LIST_TYPE', 'REFERENCE_NUMBER', 'LISTED_ON', 'NAME_ORIGINAL_SCRIPT', 'COMMENTS1',
  'DESIGNATION', 'TITLE', 'NATIONALITY', 'GENDER', 'LIST_TYPE', 'LAST_DAY_UPDATED', 'SUBMITTED_BY',
  'INDIVIDUAL_ALIAS', 'ENTITY_ALIAS', 'INDIVIDUAL_ADDRESS', 'ENTITY_ADDRESS', 'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH', 'INDIVIDUAL_DOCUMENT', 'SORT_KEY', 'SORT_KEY_LAST_MOD',
]);

/**
 * Parses the UN Security Council Consolidated List XML.
 * @param file - file name, for messages
 * @param bytes - the file as downloaded (UTF-8)
 * @param options.dataDate - ISO date to use when the file has no `dateGenerated`
 * @returns one entry per INDIVIDUAL / ENTITY; records without a name become warnings
 * @throws ParseError when the file is not this list, is truncated or malformed, or has no records
 */
export function parseUnConsolidated(file: string, bytes: Uint8Array, options: { dataDate?: string } = {}): SourceParseResult {
  assertSaneSize(file, bytes);
  const text = decodeText(file, bytes, 'utf-8');
  const warnings: ParseIssue[] = [];
  const entries: SourceEntry[] = [];
  const unknownChildren = new Set<string>();
  let rootName: string | undefined;
  let dataDate = options.dataDate ?? null;
  let recordCount = 0;

  readXmlRecords(file, text, new Set(KIND_OF_RECORD.keys()), {
    onOpenOutside: (name, attributes) => {
      if (rootName !== undefined) return;
      rootName = name;
      if (name !== ROOT_ELEMENT) throw wrongRoot(file, text, name);
      const generated = attributes['dateGenerated'];
      const fileDate = generated === undefined ? undefined : isoDayPrefix(generated);
      if (fileDate) dataDate = fileDate;
      else {
        const problem =
          generated === undefined
            ? dataDate === null ? diagnostic('diagUnNoDateGeneratedNoDate', ROOT_ELEMENT) : diagnostic('diagUnNoDateGenerated', ROOT_ELEMENT, dataDate)
            : dataDate === null ? diagnostic('diagUnBadDateGeneratedNoDate', ROOT_ELEMENT, generated) : diagnostic('diagUnBadDateGenerated', ROOT_ELEMENT, generated, dataDate);
        warnings.push(issue(file, undefined, problem));
      }
    },
    onRecord: (record) => {
      if (rootName === undefined) throw wrongRoot(file, text, record.name);
      recordCount++;
      reportUnknownChildren(file, record, unknownChildren, warnings);
      const entry = readRecord(file, record, dataDate ?? '', warnings);
      if (entry) entries.push(entry);
    },
  });

  if (entries.length === 0) {
    throw new ParseError(file, diagnostic('diagUnNoRecords', recordCount));
  }
  return { source: UN_SOURCE, dataDate, entries, warnings };
}

/** Warns once per element name the parser does not know: the first sign that the format changed. */
function reportUnknownChildren(file: string, record: XmlElement, reported: Set<string>, warnings: ParseIssue[]): void {
  for (const child of record.children) {
    if (KNOWN_CHILDREN.has(child.name) || reported.has(child.name)) continue;
    reported.add(child.name);
    warnings.push(issue(file, child.line, diagnostic('diagUnknownElement', child.name, record.name)));
  }
}

function wrongRoot(file: string, text: string, found: string): ParseError {
  const at = text.indexOf(`<${found}`);
  return new ParseError(file, diagnostic('diagUnWrongRoot', found, ROOT_ELEMENT), at >= 0 ? lineAt(text, at) : undefined);
}

/* ------------------------------------------------------------------ one record --------- */

function readRecord(file: string, record: XmlElement, dataDate: string, warnings: ParseIssue[]): SourceEntry | null {
  const kind = KIND_OF_RECORD.get(record.name) ?? 'organisation';
  const reference = field(record, 'REFERENCE_NUMBER') ?? dataIdReference(record);
  const ownNames = primaryNames(record, kind);
  const primary = ownNames[0];
  if (!primary) {
    warnings.push(issue(file, record.line, reference ? diagnostic('diagUnNoName', record.name, reference) : diagnostic('diagUnNoNameNoReference', record.name)));
    return null;
  }
  if (!reference) {
    warnings.push(issue(file, record.line, diagnostic('diagUnNoReference', record.name, primary.full)));
    return null;
  }
  if (!field(record, 'REFERENCE_NUMBER')) {
    warnings.push(issue(file, record.line, diagnostic('diagUnDataIdAsReference', record.name, reference)));
  }

  const remarks: string[] = [];
  const birthDates = readBirthDates(record, remarks);
  const names = [...ownNames, ...originalScriptNames(record), ...aliasNames(record, birthDates, remarks)];

  const listedOnText = field(record, 'LISTED_ON');
  const listedOn = listedOnText ? isoDayPrefix(listedOnText) : undefined;
  if (listedOnText && !listedOn) warnings.push(issue(file, record.line, diagnostic('diagUnBadListingDate', record.name, reference, listedOnText)));

  for (const title of values(record, 'TITLE')) remarks.push(`Title: ${title}`);
  const gender = readGender(record, remarks);
  const listType = field(record, 'UN_LIST_TYPE');
  const entry: SourceEntry = {
    source: UN_SOURCE,
    kind,
    names: uniqueNames(names),
    birthDates: uniqueDates(birthDates),
    birthPlaces: unique(childrenNamed(record, 'INDIVIDUAL_PLACE_OF_BIRTH').map(placeText).filter(isText)),
    nationalities: readNationalities(record, remarks),
    positions: unique(values(record, 'DESIGNATION')),
    addresses: [...childrenNamed(record, 'INDIVIDUAL_ADDRESS'), ...childrenNamed(record, 'ENTITY_ADDRESS')].map(readAddress).filter((a): a is Address => a !== null),
    identifiers: readDocuments(record, remarks),
    remarks: unique(remarks),
    listing: {
      authority: 'UN',
      list: UN_LIST_NAME,
      programmes: listType ? [listType] : [],
      reference,
      sourceUrl: UN_SOURCE_URL,
      dataDate,
    },
  };
  if (gender) entry.gender = gender;
  if (listedOn) entry.listing.listedOn = listedOn;
  const reasons = field(record, 'COMMENTS1');
  if (reasons) entry.listing.reasons = reasons;
  return entry;
}

function dataIdReference(record: XmlElement): string | undefined {
  const id = field(record, 'DATAID');
  return id ? `DATAID ${id}` : undefined;
}

/**
 * Text of a child, whitespace collapsed, with the UN's `na` ("not available") placeholder and
 * empty elements (`<COUNTRY/>`) read as absent.
 */
function field(element: XmlElement, name: string): string | undefined {
  const value = childText(element, name);
  return value === undefined || value === 'na' ? undefined : value;
}

/** The texts of every `<name><VALUE>…</VALUE></name>` (DESIGNATION, TITLE, NATIONALITY …). */
function values(record: XmlElement, name: string): string[] {
  return childrenNamed(record, name).flatMap((element) => childrenNamed(element, 'VALUE').map((v) => cleanValue(v.text)).filter(isText));
}

function cleanValue(raw: string): string | undefined {
  const value = cleanSpace(raw);
  return value === '' || value === 'na' ? undefined : value;
}

/* ------------------------------------------------------------------ names ------------- */

/**
 * The name from FIRST_NAME…FOURTH_NAME. The UN does not order these consistently (FIRST_NAME is
 * usually, not always, the given name), so the parts stay conservative: given = FIRST_NAME,
 * family = the last non-empty of the others, middle = what lies between. An entity name that
 * packs two names ("EXAMPLE AIR CARGO (EAC) ; GREAT TEST LAKES COMPANY (GTLC)", a shape seen once
 * in the real file) gives the first as primary and the rest as aliases.
 */
function primaryNames(record: XmlElement, kind: SubjectKind): EntryName[] {
  const pieces = NAME_ELEMENTS.map((name) => field(record, name)).filter(isText);
  if (pieces.length === 0) return [];
  if (kind !== 'person') {
    return splitTopLevel(pieces.join(' '), ';').map((full, i) => ({ full, type: i === 0 ? 'primary' : 'alias', strength: 'strong' }));
  }
  const [given, ...rest] = pieces;
  const parts: NameParts = { given };
  const family = rest.pop();
  if (family) parts.family = family;
  if (rest.length > 0) parts.middle = rest.join(' ');
  return [{ full: pieces.join(' '), parts, type: 'primary', strength: 'strong' }];
}

function originalScriptNames(record: XmlElement): EntryName[] {
  return childrenNamed(record, 'NAME_ORIGINAL_SCRIPT')
    .map((element) => cleanValue(element.text))
    .filter(isText)
    .map((full) => ({ full, type: 'original-script', strength: 'strong' }));
}

/**
 * INDIVIDUAL_ALIAS / ENTITY_ALIAS. QUALITY in the real file: Good and a.k.a. (strong aliases),
 * Low (weak), f.k.a. (a former name). An alias's own date and place of birth and note are kept
 * in remarks; its date of birth is also one of the subject's birth dates.
 */
function aliasNames(record: XmlElement, birthDates: PartialDate[], remarks: string[]): EntryName[] {
  const names: EntryName[] = [];
  for (const alias of [...childrenNamed(record, 'INDIVIDUAL_ALIAS'), ...childrenNamed(record, 'ENTITY_ALIAS')]) {
    const raw = field(alias, 'ALIAS_NAME');
    if (!raw) continue;
    const quality = (field(alias, 'QUALITY') ?? '').toLowerCase();
    const strength = quality === 'low' ? 'weak' : 'strong';
    const type = quality === 'f.k.a.' ? 'formerly' : 'alias';
    for (const spelling of splitAliasSpellings(raw)) {
      names.push({ full: spelling.full, type: spelling.originalScript ? 'original-script' : type, strength });
    }

    const details: string[] = [];
    const dateText = field(alias, 'DATE_OF_BIRTH');
    if (dateText) {
      const year = yearOf(dateText);
      const date: PartialDate = parseDay(dateText) ?? (year === undefined ? { kind: 'text', text: dateText } : { kind: 'year', year });
      birthDates.push(date);
      details.push(`date of birth ${dateText}`);
    }
    const place = [field(alias, 'CITY_OF_BIRTH'), field(alias, 'COUNTRY_OF_BIRTH')].filter(isText).join(', ');
    if (place) details.push(`place of birth ${place}`);
    const note = field(alias, 'NOTE');
    if (note) details.push(note);
    if (details.length > 0) remarks.push(`Alias ${raw}: ${details.join('; ')}`);
  }
  return names;
}

function uniqueNames(names: EntryName[]): EntryName[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = `${name.type}\u0000${name.full}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/* ------------------------------------------------------------------ dates ------------- */

/**
 * INDIVIDUAL_DATE_OF_BIRTH. TYPE_OF_DATE is EXACT (DATE, or YEAR alone), APPROXIMATELY (YEAR),
 * BETWEEN (FROM_YEAR, TO_YEAR), or empty. A NOTE alone is the date as text ("Nov. 1973" is read
 * as a month); a NOTE beside a date goes to remarks, except a bare month name beside a YEAR
 * ("1958" + "Sep."), which makes the date a month.
 */
function readBirthDates(record: XmlElement, remarks: string[]): PartialDate[] {
  const dates: PartialDate[] = [];
  for (const element of childrenNamed(record, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const approximate = field(element, 'TYPE_OF_DATE')?.toUpperCase() === 'APPROXIMATELY';
    let note = field(element, 'NOTE');
    let date: PartialDate | undefined;
    const day = field(element, 'DATE');
    const year = yearOf(field(element, 'YEAR'));
    const from = yearOf(field(element, 'FROM_YEAR'));
    const to = yearOf(field(element, 'TO_YEAR'));
    if (day) date = parseDay(day) ?? { kind: 'text', text: day };
    else if (from !== undefined && to !== undefined && from <= to) date = { kind: 'range', from, to };
    else if (year !== undefined || from !== undefined || to !== undefined) {
      const only = (year ?? from ?? to) as number;
      const month = note ? monthNumber(note) : undefined;
      if (month !== undefined && year !== undefined) {
        date = { kind: 'month', date: `${year}-${pad2(month)}` };
        note = undefined;
      } else {
        date = approximate ? { kind: 'year', year: only, approximate: true } : { kind: 'year', year: only };
      }
    }
    if (!date && note) {
      date = parseMonthYear(note) ?? { kind: 'text', text: note };
      note = undefined;
    }
    if (!date) continue;
    dates.push(date);
    // PartialDate has an approximate flag for years only; elsewhere the list's word is kept.
    const caveats = [approximate && (date.kind === 'day' || date.kind === 'month' || date.kind === 'range') ? 'approximately' : undefined, note].filter(isText);
    if (caveats.length > 0) remarks.push(`Date of birth ${describeDate(date)}: ${caveats.join('; ')}`);
  }
  return dates;
}

function describeDate(date: PartialDate): string {
  switch (date.kind) {
    case 'day':
    case 'month':
      return date.date;
    case 'year':
      return String(date.year);
    case 'range':
      return `${date.from}–${date.to}`;
    case 'text':
      return date.text;
  }
}

/** An ISO calendar day (YYYY-MM-DD) that exists. */
function parseDay(value: string): PartialDate | undefined {
  const day = isoDayPrefix(value);
  return day && day.length === value.length ? { kind: 'day', date: day } : undefined;
}

function yearOf(value: string | undefined): number | undefined {
  return value && /^\d{4}$/.test(value) ? Number(value) : undefined;
}

/* ------------------------------------------------------------------ places, people ---- */

/** "Street, City, State, Country (note)", with the repeats the list sometimes has dropped. */
function placeText(element: XmlElement): string | undefined {
  const place = unique(['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY'].map((name) => field(element, name)).filter(isText)).join(', ');
  const note = field(element, 'NOTE');
  if (!note) return place || undefined;
  if (!place) return note;
  return note.startsWith('(') ? `${place} ${note}` : `${place} (${note})`;
}

function readAddress(element: XmlElement): Address | null {
  const lines = ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE'].map((name) => field(element, name)).filter(isText);
  const countryText = field(element, 'COUNTRY');
  const country = countryText ? countryCodeOf(countryText) : undefined;
  if (countryText && !country) lines.push(countryText);
  const note = field(element, 'NOTE');
  if (note) lines.push(note);
  if (lines.length === 0 && !country) return null;
  const address: Address = { lines: unique(lines) };
  if (country) address.country = country;
  return address;
}

function readNationalities(record: XmlElement, remarks: string[]): string[] {
  const codes: string[] = [];
  for (const nationality of values(record, 'NATIONALITY')) {
    const code = countryCodeOf(nationality);
    if (code) codes.push(code);
    else remarks.push(`Nationality: ${nationality}`);
  }
  return unique(codes);
}

function readGender(record: XmlElement, remarks: string[]): 'male' | 'female' | undefined {
  const gender = field(record, 'GENDER');
  if (!gender) return undefined;
  const folded = gender.toLowerCase();
  if (folded === 'male' || folded === 'female') return folded;
  remarks.push(`Gender: ${gender}`);
  return undefined;
}

/**
 * INDIVIDUAL_DOCUMENT → identifiers. A document without a NUMBER (the number is then buried in
 * the NOTE, "Testian passport number X 123456 issued on …") stays a remark: guessing the number
 * out of free text could invent one.
 */
function readDocuments(record: XmlElement, remarks: string[]): Identifier[] {
  const identifiers: Identifier[] = [];
  for (const document of childrenNamed(record, 'INDIVIDUAL_DOCUMENT')) {
    const type = field(document, 'TYPE_OF_DOCUMENT');
    const subtype = field(document, 'TYPE_OF_DOCUMENT2');
    const number = field(document, 'NUMBER');
    const countryText = field(document, 'ISSUING_COUNTRY') ?? field(document, 'COUNTRY_OF_ISSUE');
    const country = countryText ? countryCodeOf(countryText) : undefined;
    const issued = field(document, 'DATE_OF_ISSUE');
    const city = field(document, 'CITY_OF_ISSUE');
    const details = [
      subtype && subtype !== type ? subtype : undefined,
      issued ? `issued ${issued}` : undefined,
      city ? `issued in ${city}` : undefined,
      countryText && !country ? `issuing country ${countryText}` : undefined,
      field(document, 'NOTE'),
    ].filter(isText);
    if (number) {
      const identifier: Identifier = { type: type ?? subtype ?? 'Document', value: number };
      if (country) identifier.country = country;
      if (details.length > 0) identifier.note = details.join('; ');
      identifiers.push(identifier);
    } else if (type || details.length > 0) {
      remarks.push(`${type ?? 'Document'}: ${details.join('; ') || '(no number given)'}${country ? ` (${country})` : ''}`);
    }
  }
  return identifiers;
}

/* ------------------------------------------------------------------ small helpers ----- */

function isText(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
