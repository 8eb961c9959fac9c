/**
 * Parser for Canada's Consolidated Canadian Autonomous Sanctions List XML (`sema-lmes.xml`):
 * `<data-set>` of flat `<record>`s. Country names the regulations (the regime), not the
 * subject's nationality. The file has no date and no id other than Country + Schedule + Item.
 *
 * Two layouts are read. The 2020 file has Entity, Title and DateOfBirth; later files name them
 * EntityOrShip, TitleOrShip(Type) and DateOfBirthOrShipBuildDate and add ShipIMONumber and
 * DateOfListing, sometimes with the French name appended to the element
 * (`EntityOrShip-EntiteOuNavire`). A record is a vessel only when it carries an IMO number: some
 * later files have stray text in ShipIMONumber on people's records, which does not make them ships.
 *
 * Aliases are one comma-separated text (see `splitAliases` for the rule and why).
 */
import type { EntryName, Identifier, NameParts, ParseIssue, PartialDate, SourceEntry, SourceParseResult, SubjectKind } from '../kb/model';
import { isCalendarDay } from './dates';
import { ParseError, assertSaneSize } from './errors';
import { diagnostic, issue } from './diagnostics';
import { splitTopLevel } from './name-lists';
import { cleanSpace, decodeText, lineAt } from './text';
import { readXmlRecords, type XmlElement } from './xml';

/** Source id of Canadian autonomous sanctions entries. */
export const CANADA_SEMA_SOURCE = 'ca-sema';
/** Human name of the list. */
export const CANADA_SEMA_LIST_NAME = 'Consolidated Canadian Autonomous Sanctions List';
/** The publisher's official list page (the XML is downloaded from it). */
export const CANADA_SEMA_SOURCE_URL =
  'https://www.international.gc.ca/world-monde/international_relations-relations_internationales/sanctions/consolidated-consolide.aspx?lang=eng';

const ROOT_ELEMENT = 'data-set';
const RECORD_ELEMENT = 'record';

/** Element names of both layouts, mapped to the one field each feeds (a Map: element names are input). */
const FIELD_OF_ELEMENT: ReadonlyMap<string, Field> = new Map([
  ['Country', 'country'],
  ['LastName', 'lastName'],
  ['GivenName', 'givenName'],
  ['Entity', 'entity'],
  ['EntityOrShip', 'entity'],
  ['Aliases', 'aliases'],
  ['DateOfBirth', 'date'],
  ['DateOfBirthOrShipBuildDate', 'date'],
  ['Title', 'title'],
  ['TitleOrShip', 'title'],
  ['TitleOrShipType', 'title'],
  ['ShipIMONumber', 'imo'],
  ['Schedule', 'schedule'],
  ['Item', 'item'],
  ['DateOfListing', 'listedOn'],
]);

type Field = 'country' | 'lastName' | 'givenName' | 'entity' | 'aliases' | 'date' | 'title' | 'imo' | 'schedule' | 'item' | 'listedOn';
type Fields = Partial<Record<Field, string>>;

/** Endings of Russian and Ukrainian patronymics ("Igorevich", "Borisovna", "Oleksandrovych"). */
const PATRONYMIC = /(?:ovich|evich|ovych|evych|ich|ovna|evna|ivna|ichna)$/i;

/**
 * Parses Canada's consolidated autonomous sanctions list XML.
 * @param file - file name, for messages
 * @param bytes - the file as downloaded (UTF-8)
 * @param options.dataDate - ISO date of the download; the file itself has none
 * @returns one entry per record; records without a name become warnings
 * @throws ParseError when the file is not this list, is truncated or malformed, or has no records
 */
export function parseCanadaSema(file: string, bytes: Uint8Array, options: { dataDate?: string } = {}): SourceParseResult {
  assertSaneSize(file, bytes);
  const text = decodeText(file, bytes, 'utf-8');
  const warnings: ParseIssue[] = [];
  const entries: SourceEntry[] = [];
  const unknownElements = new Set<string>();
  const dataDate = options.dataDate ?? null;
  let rootName: string | undefined;
  let recordCount = 0;

  readXmlRecords(file, text, new Set([RECORD_ELEMENT]), {
    onOpenOutside: (name) => {
      if (rootName !== undefined) return;
      rootName = name;
      if (name !== ROOT_ELEMENT) throw wrongRoot(file, text, name);
    },
    onRecord: (record) => {
      if (rootName === undefined) throw wrongRoot(file, text, record.name);
      recordCount++;
      const fields = readFields(file, record, unknownElements, warnings);
      const entry = buildEntry(file, record.line, fields, dataDate ?? '', warnings);
      if (entry) entries.push(entry);
    },
  });

  if (entries.length === 0) {
    throw new ParseError(file, diagnostic('diagCaNoRecords', recordCount));
  }
  return { source: CANADA_SEMA_SOURCE, dataDate, entries, warnings };
}

function wrongRoot(file: string, text: string, found: string): ParseError {
  const at = text.indexOf(`<${found}`);
  return new ParseError(file, diagnostic('diagCaWrongRoot', found, ROOT_ELEMENT), at >= 0 ? lineAt(text, at) : undefined);
}

/** The record's children by field; unknown elements are reported once per name. */
function readFields(file: string, record: XmlElement, unknown: Set<string>, warnings: ParseIssue[]): Fields {
  const fields: Fields = {};
  for (const child of record.children) {
    // "EntityOrShip-EntiteOuNavire" → "EntityOrShip": the French half is a translation of the name.
    const field = FIELD_OF_ELEMENT.get(child.name.split('-')[0] ?? child.name);
    if (!field) {
      if (!unknown.has(child.name)) {
        unknown.add(child.name);
        warnings.push(issue(file, child.line, diagnostic('diagUnknownElement', child.name, 'record')));
      }
      continue;
    }
    // cleanSpace also removes the no-break spaces the real file pads names with.
    const value = cleanSpace(child.text);
    if (value && fields[field] === undefined) fields[field] = value;
  }
  return fields;
}

/* ------------------------------------------------------------------ one record --------- */

function buildEntry(file: string, line: number, fields: Fields, dataDate: string, warnings: ParseIssue[]): SourceEntry | null {
  const programme = fields.country ? englishPart(fields.country) : undefined;
  const reference = `${programme ?? ''}/${fields.schedule ?? ''}/${fields.item ?? ''}`;
  const imo = fields.imo ? imoNumberOf(fields.imo) : undefined;
  const kind: SubjectKind = imo ? 'vessel' : fields.entity ? 'organisation' : 'person';
  const names = kind === 'person' ? personNames(fields) : subjectNames(kind, fields);
  if (names.length === 0) {
    warnings.push(issue(file, line, diagnostic('diagCaNoName', reference)));
    return null;
  }
  if (!programme || !fields.item) {
    warnings.push(issue(file, line, diagnostic(programme ? 'diagCaNoItem' : 'diagCaNoCountry', names[0]?.full ?? '', reference)));
  }

  const remarks: string[] = [];
  const entry: SourceEntry = {
    source: CANADA_SEMA_SOURCE,
    kind,
    names: uniqueNames(names),
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    positions: [],
    addresses: [],
    identifiers: [],
    remarks,
    listing: {
      authority: 'CA',
      list: CANADA_SEMA_LIST_NAME,
      programmes: programme ? [programme] : [],
      reference,
      sourceUrl: CANADA_SEMA_SOURCE_URL,
      dataDate,
    },
  };

  if (imo) {
    // For ships the date is a build date and the title a ship type: neither belongs to a person.
    const identifier: Identifier = { type: 'IMO', value: imo };
    entry.identifiers.push(identifier);
    if (fields.title) entry.vessel = { type: fields.title };
    if (fields.date) remarks.push(`Build date: ${fields.date}`);
  } else {
    if (fields.title) entry.positions.push(englishPart(fields.title, '/'));
    if (fields.date) entry.birthDates.push(...parseDates(fields.date));
    if (fields.imo) remarks.push(`ShipIMONumber: ${fields.imo}`);
  }

  if (fields.listedOn) {
    const listedOn = parseDates(fields.listedOn)[0];
    if (listedOn?.kind === 'day') entry.listing.listedOn = listedOn.date;
    else warnings.push(issue(file, line, diagnostic('diagCaBadListingDate', reference, fields.listedOn)));
  }
  return entry;
}

/** The seven digits of an IMO ship number ("9123456", "IMO 9123456"), or undefined. */
function imoNumberOf(value: string): string | undefined {
  return /^(?:IMO:?\s*)?(\d{7})$/i.exec(value)?.[1];
}

/**
 * The English half of a bilingual value: "Burma / Birmanie" → "Burma",
 * "Major General/major-général" → "Major General". Country uses " / " (with spaces, sometimes a
 * no-break one); titles and entity names use a bare "/".
 */
function englishPart(value: string, separator: RegExp | string = /\s+\/\s+/): string {
  const parts = typeof separator === 'string' ? splitTopLevel(value, separator) : value.split(separator);
  return cleanSpace(parts[0] ?? value) || value;
}

/* ------------------------------------------------------------------ names ------------- */

/**
 * A person: "GivenName LastName", with the parts as the file splits them. A part with a spelling
 * in brackets ("TESTOV (TESTOFF)") gives the primary name without the brackets and
 * a second, strong alias with the bracketed spelling in its place.
 */
function personNames(fields: Fields): EntryName[] {
  const given = splitVariant(fields.givenName);
  const family = splitVariant(fields.lastName);
  if (!given.main && !family.main) return [];
  const names = [personName(given.main, family.main, 'primary')];
  if (given.variant || family.variant) names.push(personName(given.variant ?? given.main, family.variant ?? family.main, 'alias'));
  for (const alias of splitAliases(fields.aliases)) names.push(personAlias(alias, fields.lastName));
  return names;
}

function personName(given: string | undefined, family: string | undefined, type: EntryName['type']): EntryName {
  const parts: NameParts = {};
  if (given) parts.given = given;
  if (family) parts.family = family;
  return { full: [given, family].filter(Boolean).join(' '), parts, type, strength: 'strong' };
}

function splitVariant(value: string | undefined): { main?: string; variant?: string } {
  if (!value) return {};
  const match = /^(.+?)\s*\(([^()]+)\)$/.exec(value);
  return match ? { main: match[1]!, variant: match[2]! } : { main: value };
}

/**
 * One alias of a person. Canada often lists only the part that varies: "Andrei" for Andrey, "TESTOFF"
 * for TESTOV, "Alexander Alexandrovich" for a given name and patronymic, or a nickname
 * ("Gramophone"). Such a fragment is kept exactly as printed but weak: on its own it names no one.
 * Words in capitals are the family name, as in the file's LastName column.
 */
function personAlias(full: string, lastName: string | undefined): EntryName {
  const words = full.split(' ');
  const fragment = words.length === 1 || (words.every((w) => !isUpperCaseWord(w)) && PATRONYMIC.test(words.at(-1) ?? ''));
  const name: EntryName = { full, type: 'alias', strength: fragment ? 'weak' : 'strong' };
  const last = words.at(-1) ?? '';
  const capsFamily = isUpperCaseWord(last) && (lastName === undefined || isUpperCaseWord(lastName.split(' ')[0] ?? ''));
  if (capsFamily && words.slice(0, -1).every((w) => !isUpperCaseWord(w))) {
    const parts: NameParts = { family: last };
    if (words.length > 1) parts.given = words.slice(0, -1).join(' ');
    name.parts = parts;
  }
  return name;
}

function isUpperCaseWord(word: string): boolean {
  return /\p{Lu}{2,}/u.test(word) && word === word.toUpperCase();
}

/**
 * An organisation or vessel. Organisation names are often "English/French"
 * ("Example Navy/Marine exemplaire"): the English half is the primary name and the French one an
 * alias. A "/" inside brackets ("Test Mills (North/South)") is part of the name.
 */
function subjectNames(kind: SubjectKind, fields: Fields): EntryName[] {
  if (!fields.entity) return [];
  const halves = kind === 'organisation' ? splitTopLevel(fields.entity, '/') : [fields.entity];
  const [primary = fields.entity, ...translations] = halves;
  return [
    { full: primary, type: 'primary', strength: 'strong' },
    ...translations.map((full): EntryName => ({ full, type: 'alias', strength: 'strong' })),
    ...splitAliases(fields.aliases).map((full): EntryName => ({ full, type: 'alias', strength: 'strong' })),
  ];
}

/**
 * Splits the Aliases text. The rule, from every Aliases value in the 2020 file:
 * - commas outside brackets separate aliases (no alias there has a comma of its own; the one
 *   place where the list itself broke a name at a comma, "Testabad, Medical Sciences University"
 *   for "Testabad Medical Sciences University", cannot be told apart and stays two aliases);
 * - a "/" outside brackets separates an English and a French alias ("GOER/OGRE");
 * - in a list of two or more, the last item may close with the French " et " ("…, Testabad
 *   University et Université Testabad"), which also separates;
 * - an alias wholly in brackets ("(Testbank)") loses them.
 */
function splitAliases(text: string | undefined): string[] {
  if (!text) return [];
  const items = splitTopLevel(text, ',');
  const last = items.pop();
  if (last !== undefined) items.push(...(items.length > 0 ? last.split(/\s+et\s+/) : [last]));
  return unique(
    items
      .flatMap((item) => splitTopLevel(item, '/'))
      .map((item) => cleanSpace(item.replace(/^\((.*)\)$/, '$1')))
      .filter((item) => item !== ''),
  );
}

function uniqueNames(names: EntryName[]): EntryName[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    if (seen.has(name.full)) return false;
    seen.add(name.full);
    return true;
  });
}

/* ------------------------------------------------------------------ dates ------------- */

/**
 * DateOfBirth as written in the 2020 file: "1956-07-03", "1961-11", "1955", and once two days
 * joined by " or ". "circa 1960" is read as an approximate year; anything else is kept as text.
 */
function parseDates(value: string): PartialDate[] {
  return value.split(/\s+or\s+/i).map((piece) => parseDate(cleanSpace(piece)));
}

function parseDate(value: string): PartialDate {
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) return { kind: 'day', date: value };
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return { kind: 'month', date: value };
  if (/^\d{4}$/.test(value)) return { kind: 'year', year: Number(value) };
  match = /^(?:circa|ca\.|c\.|approx\.|approximately)\s*(\d{4})$/i.exec(value);
  if (match) return { kind: 'year', year: Number(match[1]), approximate: true };
  return { kind: 'text', text: value };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
