/**
 * OpenSanctions "targets.simple.csv" export of one dataset (https://www.opensanctions.org/docs/bulk/csv/).
 * UTF-8, a header row, every field quoted. Multi-valued cells are themselves a `;`-separated CSV
 * line (a value holding `;`, `"` or a newline is quoted, `""` inside), so `""` is one empty value
 * and a sanction text can span lines. Columns are found by name: older exports lack
 * `program_ids` and `last_change` and put `last_seen` before `first_seen`.
 *
 * Decisions, since the export flattens the underlying FollowTheMoney entities:
 * - `countries` mixes every country-typed property. For a person they are read as nationalities;
 *   for an organisation as the country of its address (attached to the one address when there is
 *   exactly one of each, else as country-only addresses); for a vessel or aircraft they mix flags,
 *   past flags and owners' countries, so they are kept as a remark, not guessed into a flag.
 * - `identifiers` carry no type except an `IMO` prefix; the rest are typed "Identifier".
 * - `sanctions` texts become the listing's reasons; a trailing ISO date in a sanction text
 *   (OpenSanctions writes "program - reason - status - start - end") gives `listedOn`.
 * - Aliases with letters but none in Latin script are typed `original-script`.
 */
import type { Address, EntryName, Identifier, ParseIssue, PartialDate, SourceEntry, SourceParseResult, SubjectKind } from '../kb/model';
import { countryCodeOf } from '../kb/countries';
import { foldKey } from '../kb/normalise';
import { type CsvRecord, readCsvRecords } from './csv';
import { daysInMonth } from './dates';
import { ParseError, assertSaneSize } from './errors';
import { diagnostic, issue } from './diagnostics';
import { isNonLatinScript } from './name-lists';
import { cleanSpace, decodeText } from './text';

/** Columns every version of the export has. */
const REQUIRED_COLUMNS = [
  'id', 'schema', 'name', 'aliases', 'birth_date', 'countries', 'addresses', 'identifiers',
  'sanctions', 'phones', 'emails', 'dataset', 'first_seen', 'last_seen',
] as const;
/** Columns of newer exports. */
const OPTIONAL_COLUMNS = ['program_ids', 'last_change'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const EXPECTED_HEADER =
  'id, schema, name, aliases, birth_date, countries, addresses, identifiers, sanctions, phones, emails, [program_ids,] dataset, first_seen, last_seen[, last_change]';

/** FollowTheMoney schema → the kind of subject. Other schemata are not listed subjects here. */
const SCHEMA_KINDS: Record<string, SubjectKind> = {
  Person: 'person',
  Company: 'organisation',
  Organization: 'organisation',
  LegalEntity: 'organisation',
  PublicBody: 'organisation',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};

/** Datasets whose slug and a readable list name we know; the export names datasets by title. */
const KNOWN_DATASETS: ReadonlyArray<{ slug: string; title: string; list: string }> = [
  { slug: 'ua_war_sanctions', title: 'Ukraine War and Sanctions', list: 'Ukraine War and Sanctions (GUR), via OpenSanctions' },
];

/** Options for `parseOpenSanctionsSimple`. */
export interface OpenSanctionsParseOptions {
  /** ISO date to use when no row has a readable `last_seen`. */
  dataDate?: string;
}

/** One well-formed data row, read by column name. */
interface Row {
  line: number;
  get: (column: Column) => string;
}

/**
 * Parses an OpenSanctions `targets.simple.csv` into one entry per row (person, organisation,
 * vessel or aircraft).
 *
 * @param file - file name; a path ending `<dataset>/targets.simple.csv` names the dataset when the
 *   rows do not
 * @param bytes - the file as downloaded (UTF-8)
 * @param options - `dataDate` fallback when no row has a `last_seen`
 * @returns `dataDate` is the latest `last_seen` (date part), the day OpenSanctions ran the export;
 *   `source` is `opensanctions-<dataset slug>`
 * @throws ParseError on an empty, oversized, truncated, non-UTF-8 or non-OpenSanctions file
 */
export function parseOpenSanctionsSimple(file: string, bytes: Uint8Array, options: OpenSanctionsParseOptions = {}): SourceParseResult {
  assertSaneSize(file, bytes);
  const text = decodeUtf8OrExplain(file, bytes);
  const { records, warnings } = readCsvRecords(file, text);
  const header = records[0];
  if (!header) throw new ParseError(file, diagnostic('diagOsNoHeader', EXPECTED_HEADER));
  const columns = readHeader(file, header);

  const rows: Row[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.length !== header.fields.length) {
      warnings.push(issue(file, record.line, diagnostic('diagColumnsSkipped', header.fields.length, record.fields.length)));
      continue;
    }
    rows.push({ line: record.line, get: (column) => record.fields[columns.get(column) ?? -1] ?? '' });
  }

  const dataDate = latestDate(rows.map((row) => row.get('last_seen'))) ?? options.dataDate ?? null;
  const dataset = fileDataset(file, rows, header.line, warnings);
  const entries: SourceEntry[] = [];
  for (const row of rows) {
    const entry = buildEntry(file, row, dataset, dataDate ?? '', warnings);
    if (entry) entries.push(entry);
  }
  return { source: `opensanctions-${dataset.slug}`, dataDate, entries, warnings };
}

/* ------------------------------------------------------------------ file structure ------ */

/**
 * Strict UTF-8, but a file that is not UTF-8 and not this format at all (an OFSI list in
 * Windows-1252) is better told by what header was expected than by its encoding.
 */
function decodeUtf8OrExplain(file: string, bytes: Uint8Array): string {
  try {
    return decodeText(file, bytes, 'utf-8');
  } catch (error) {
    const firstLine = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).split('\n')[0] ?? '';
    if (!REQUIRED_COLUMNS.every((c) => firstLine.includes(c))) {
      throw new ParseError(file, diagnostic('diagOsWrongHeader', EXPECTED_HEADER, shorten(firstLine)), 1);
    }
    throw error;
  }
}

function readHeader(file: string, header: CsvRecord): Map<Column, number> {
  const names = header.fields.map((f) => f.trim());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new ParseError(file, diagnostic('diagOsMissingColumns', EXPECTED_HEADER, missing.join(', '), shorten(names.join(','))), header.line);
  }
  const columns = new Map<Column, number>();
  for (const column of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
    const index = names.indexOf(column);
    if (index >= 0) columns.set(column, index);
  }
  return columns;
}

function shorten(text: string): string {
  const clean = text.replace(/[\u0000-\u001f]/g, ' ');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

/** The latest ISO date among `2026-03-13T05:41:01`-style timestamps. */
function latestDate(timestamps: string[]): string | undefined {
  let latest: string | undefined;
  for (const stamp of timestamps) {
    const date = /^(\d{4}-\d{2}-\d{2})(?:T|$)/.exec(stamp.trim())?.[1];
    if (date && isRealDay(date) && (!latest || date > latest)) latest = date;
  }
  return latest;
}

/* ------------------------------------------------------------------ dataset ------------- */

interface Dataset {
  slug: string;
  sourceUrl: string;
}

/**
 * The dataset the whole file is an export of. Rows name it by title ("Ukraine War and Sanctions");
 * the slug in the URL comes from the known list, from the title when it is itself a slug, else
 * from the folder in the file path (`…/ua_war_sanctions/targets.simple.csv`, the export's URL
 * pattern) or the title, with a warning, since a folder or title may not be the site's slug.
 */
function fileDataset(file: string, rows: Row[], headerLine: number, warnings: ParseIssue[]): Dataset {
  const cells = new Set(rows.map((row) => cleanSpace(row.get('dataset'))));
  const [onlyCell] = cells;
  const single = cells.size === 1 && onlyCell && splitValues(onlyCell).length === 1 ? onlyCell : undefined;
  const known = single ? knownDataset(single) : undefined;
  let slug: string;
  if (known) slug = known.slug;
  else if (single && isSlug(single)) slug = single;
  else {
    const fromPath = slugFromPath(file);
    slug = fromPath ?? fallbackSlug(single);
    const problem = single
      ? diagnostic(fromPath ? 'diagOsUnknownDatasetSlugFromFolder' : 'diagOsUnknownDatasetSlugFromTitle', single, slug)
      : diagnostic(fromPath ? 'diagOsSeveralDatasetsSlugFromFolder' : 'diagOsSeveralDatasetsSlugDefault', slug);
    warnings.push(issue(file, headerLine, problem));
  }
  return { slug, sourceUrl: `https://www.opensanctions.org/datasets/${slug}/` };
}

function knownDataset(titleOrSlug: string): (typeof KNOWN_DATASETS)[number] | undefined {
  const key = foldKey(titleOrSlug);
  return KNOWN_DATASETS.find((d) => foldKey(d.title) === key || d.slug === titleOrSlug);
}

function isSlug(text: string): boolean {
  return /^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(text);
}

function slugFromPath(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const folder = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  return folder && isSlug(folder) ? folder : undefined;
}

function fallbackSlug(title: string | undefined): string {
  const slug = title ? foldKey(title).replace(/ /g, '_') : '';
  return slug || 'opensanctions';
}

/** Readable list name for a row's `dataset` cell (one or more titles). */
function listName(datasetCell: string): string {
  const titles = splitValues(datasetCell).map(cleanSpace).filter(Boolean);
  const [first] = titles;
  if (titles.length === 1 && first) return knownDataset(first)?.list ?? `${first}, via OpenSanctions`;
  return titles.length > 0 ? `${titles.join('; ')}, via OpenSanctions` : 'OpenSanctions';
}

/* ------------------------------------------------------------------ one row ------------- */

function buildEntry(file: string, row: Row, dataset: Dataset, dataDate: string, warnings: ParseIssue[]): SourceEntry | undefined {
  const id = row.get('id').trim();
  const schema = row.get('schema').trim();
  const name = cleanSpace(row.get('name'));
  const kind = SCHEMA_KINDS[schema];
  if (!id || !name) {
    warnings.push(issue(file, row.line, diagnostic(id ? 'diagOsNoNameSkipped' : 'diagOsNoIdSkipped')));
    return undefined;
  }
  if (!kind) {
    warnings.push(issue(file, row.line, diagnostic('diagOsBadSchemaSkipped', id, schema)));
    return undefined;
  }

  const remarks: string[] = [];
  const codes: string[] = [];
  for (const raw of values(row, 'countries')) {
    const code = /^[a-z]{2}$/i.test(raw) ? countryCodeOf(raw.toUpperCase()) : undefined;
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else remarks.push(`Country: ${raw}`);
  }
  if ((kind === 'vessel' || kind === 'aircraft') && codes.length > 0) remarks.push(`Countries: ${codes.join(', ')}`);
  remarks.push(...values(row, 'phones').map((p) => `Phone: ${p}`), ...values(row, 'emails').map((e) => `Email: ${e}`));

  const sanctions = splitValues(row.get('sanctions')).map(cleanLines).filter(Boolean);
  const listedOn = sanctions.map(sanctionStart).filter((d): d is string => !!d).sort()[0];
  const reasons = sanctions.join('\n\n');

  return {
    source: `opensanctions-${dataset.slug}`,
    kind,
    names: namesOf(name, values(row, 'aliases')),
    birthDates: values(row, 'birth_date').map(isoPartialDate),
    birthPlaces: [],
    nationalities: kind === 'person' ? codes : [],
    positions: [],
    addresses: addressesOf(values(row, 'addresses'), kind === 'organisation' ? codes : []),
    identifiers: values(row, 'identifiers').map(identifierOf),
    remarks,
    listing: {
      authority: 'OpenSanctions',
      list: listName(row.get('dataset')),
      programmes: values(row, 'program_ids'),
      ...(listedOn ? { listedOn } : {}),
      reference: id,
      sourceUrl: dataset.sourceUrl,
      dataDate,
      ...(reasons ? { reasons } : {}),
    },
  };
}

/** The distinct non-empty values of a multi-valued cell, spaces collapsed. */
function values(row: Row, column: Column): string[] {
  return [...new Set(splitValues(row.get(column)).map(cleanSpace).filter(Boolean))];
}

/**
 * Splits a multi-valued cell: a `;`-separated CSV line, where a value holding `;`, `"` or a
 * newline is quoted and `""` stands for `"`. Lenient like Python's csv reader (which wrote it):
 * text after a closing quote is kept, an unclosed quote runs to the end. Never throws.
 */
function splitValues(cell: string): string[] {
  if (cell === '') return [];
  const result: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (cell[i] === '"') {
      i++;
      for (;;) {
        const quote = cell.indexOf('"', i);
        if (quote === -1) {
          value += cell.slice(i);
          i = cell.length;
          break;
        }
        value += cell.slice(i, quote);
        if (cell[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    }
    const separator = cell.indexOf(';', i);
    const end = separator === -1 ? cell.length : separator;
    value += cell.slice(i, end);
    result.push(value);
    if (separator === -1) return result;
    i = separator + 1;
  }
}

/** Trims each line and collapses its spaces, dropping blank lines; sanction texts keep their paragraphs. */
function cleanLines(text: string): string {
  return text.split(/\r?\n/).map(cleanSpace).filter(Boolean).join('\n');
}

/* ------------------------------------------------------------------ fields -------------- */

function namesOf(caption: string, aliases: string[]): EntryName[] {
  const names: EntryName[] = [{ full: caption, type: 'primary', strength: 'strong' }];
  for (const alias of aliases) {
    if (names.some((n) => n.full === alias)) continue;
    names.push({ full: alias, type: isNonLatinScript(alias) ? 'original-script' : 'alias', strength: 'strong' });
  }
  return names;
}

/** `1970-01-02`, `1970-01`, `1970` as FollowTheMoney writes dates; anything else is kept as text. */
function isoPartialDate(raw: string): PartialDate {
  if (/^\d{4}$/.test(raw)) return { kind: 'year', year: Number(raw) };
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(raw)) return { kind: 'month', date: raw };
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && isRealDay(raw)) return { kind: 'day', date: raw };
  return { kind: 'text', text: raw };
}

function isRealDay(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day || month > 12) return false;
  return day <= daysInMonth(year, month);
}

/**
 * The start date of one sanction text. OpenSanctions joins "program - reason - status - start -
 * end" with " - ", leaving out what is empty; the first of the trailing ISO dates is the start.
 * (A sanction with only an end date would be misread, but the export cannot tell the two apart.)
 */
function sanctionStart(text: string): string | undefined {
  const segments = text.split(' - ').map((s) => s.trim());
  let start: string | undefined;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] ?? '';
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(segment)) break;
    start = segment;
  }
  return start && /^\d{4}-\d{2}-\d{2}$/.test(start) && isRealDay(start) ? start : undefined;
}

function identifierOf(raw: string): Identifier {
  const imo = /^IMO\s*(\d{7})$/i.exec(raw);
  return imo?.[1] ? { type: 'IMO', value: imo[1] } : { type: 'Identifier', value: raw };
}

/**
 * Addresses as printed, one line each. An organisation's countries say where it is: with one
 * address and one country they belong together; otherwise each country stands as its own entry.
 */
function addressesOf(texts: string[], countries: string[]): Address[] {
  const [onlyCountry] = countries;
  if (texts.length === 1 && countries.length === 1 && onlyCountry) return [{ lines: texts, country: onlyCountry }];
  return [...texts.map((text) => ({ lines: [text] })), ...countries.map((country) => ({ lines: [], country }))];
}
