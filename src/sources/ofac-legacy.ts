/**
 * OFAC's legacy CSV files: sdn.csv / alt.csv / add.csv / sdn_comments.csv (SDN list) and
 * cons_prim / cons_alt / cons_add / cons_comments (the Consolidated non-SDN list), which share
 * one layout. Format: https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas
 * and shared/data/README.md §1. No header row, `-0- ` for null, CRLF, a trailing 0x1A byte,
 * Windows-1252. ent_num joins the files; alias and address rows may refer to entries the primary
 * file does not have (files of different dates), which is normal and is reported once per file.
 */
import type { Address, EntryName, NameParts, ParseIssue, SourceEntry, SourceParseResult, SubjectKind } from '../kb/model';
import { ALT_TYPES, type NamedBytes, type Row, SDN_TYPES, isNull, readTable, valuesOf } from './ofac-csv';
import { diagnostic, issue } from './diagnostics';
import { ofacCountryCode, parseOfacRemarks } from './ofac-remarks';

// The files' type is part of this parser's input, so callers may take it from here.
export type { NamedBytes } from './ofac-csv';

/** The files of one list; only the primary file is required. */
export interface OfacLegacyFiles {
  sdn: NamedBytes;
  alt?: NamedBytes;
  add?: NamedBytes;
  comments?: NamedBytes;
}

/** What every entry of one parse shares. */
interface ListingContext {
  source: string;
  list: string;
  sourceUrl: string;
  dataDate: string;
}

const VARIANTS = {
  sdn: {
    source: 'ofac-sdn',
    list: 'OFAC SDN List',
    sourceUrl: 'https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists',
  },
  consolidated: {
    source: 'ofac-cons',
    list: 'OFAC Consolidated (non-SDN) List',
    sourceUrl: 'https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists',
  },
} as const;

/** OFAC cuts Remarks at this many characters and continues them in the comments file. */
const REMARKS_LIMIT = 1000;

/**
 * Parses one OFAC list from its legacy CSV files into one entry per ent_num of the primary file.
 * @param files - the primary file and, where available, aliases, addresses and remarks overflow.
 * @param variant - `sdn` for sdn.csv & co., `consolidated` for the cons_* files.
 * @param options.dataDate - ISO date of the download; the files themselves carry none.
 * @throws ParseError when a file is not the OFAC file it is given as, or is truncated.
 */
export function parseOfacLegacy(
  files: OfacLegacyFiles,
  variant: 'sdn' | 'consolidated',
  options: { dataDate?: string } = {},
): SourceParseResult {
  const { source, list, sourceUrl } = VARIANTS[variant];
  // Listing.dataDate is a string in the model; '' stands for "not known" until the caller supplies one.
  const context: ListingContext = { source, list, sourceUrl, dataDate: options.dataDate ?? '' };
  const primary = files.sdn.name;
  const warnings: ParseIssue[] = [];
  const remarks = createRemarksJoiner(files.comments ? readOverflow(files.comments, warnings) : new Map<string, string>());
  const entries = new Map<string, SourceEntry>();
  const weakNames = new Map<string, EntryName[]>();
  const repeated: string[] = [];
  // Rows are handled as they are read, so only the entries stay in memory, not every record.
  readTable(files.sdn, 'sdn', warnings, (row) => {
    if (entries.has(row.entNum)) {
      repeated.push(row.entNum);
      return;
    }
    const built = buildEntry(row, primary, remarks.join(row), context, warnings);
    if (!built) return;
    entries.set(row.entNum, built.entry);
    if (built.weakNames.length) weakNames.set(row.entNum, built.weakNames);
  });
  if (repeated.length) {
    warnings.push(issue(primary, undefined, diagnostic('diagOfacRepeatedEntNum', repeated.length, sample(repeated))));
  }

  if (files.alt) attachAliases(files.alt, entries, primary, warnings);
  // Weak names go after alt.csv's, and give way to a strong copy of the same name.
  for (const [entNum, names] of weakNames) {
    const entry = entries.get(entNum);
    if (entry) for (const name of names) addName(entry.names, name);
  }
  if (files.add) attachAddresses(files.add, entries, primary, warnings);

  const unused = remarks.unused();
  if (files.comments && unused.length) warnings.push(orphanWarning(files.comments.name, unused.length, unused.length, primary));
  if (files.comments && remarks.stale.length) {
    warnings.push(issue(files.comments.name, undefined, diagnostic('diagOfacStaleRemarks', remarks.stale.length, primary, REMARKS_LIMIT, sample(remarks.stale))));
  }
  if (remarks.cutShort.length) {
    const problem = files.comments
      ? diagnostic('diagOfacRemarksCutNoRow', remarks.cutShort.length, REMARKS_LIMIT, files.comments.name, sample(remarks.cutShort))
      : diagnostic('diagOfacRemarksCutNoFile', remarks.cutShort.length, REMARKS_LIMIT, sample(remarks.cutShort));
    warnings.push(issue(primary, undefined, problem));
  }
  return { source, dataDate: options.dataDate ?? null, entries: [...entries.values()], warnings };
}

/* ------------------------------------------------------------------ building entries --- */

/** One entry from one primary row, and the weak names its remarks quote; null (with a warning) for a bad row. */
function buildEntry(
  row: Row,
  file: string,
  remarks: string,
  context: ListingContext,
  warnings: ParseIssue[],
): { entry: SourceEntry; weakNames: EntryName[] } | null {
  const [, name, type, programme, title, callSign, vesselType, tonnage, grt, flag, owner] = valuesOf(row.fields, 11);
  const kind = type ? SDN_TYPES.get(type.toLowerCase()) : 'organisation';
  if (!kind || !name) {
    const problem = name ? diagnostic('diagOfacBadTypeSkipped', type ?? '') : diagnostic('diagOfacNoNameSkipped');
    warnings.push(issue(file, row.line, problem));
    return null;
  }
  const facts = parseOfacRemarks(remarks, kind);
  const entry: SourceEntry = {
    source: context.source,
    kind,
    names: [makeName(name, 'primary', 'strong', kind)],
    birthDates: facts.birthDates,
    birthPlaces: facts.birthPlaces,
    nationalities: facts.nationalities,
    positions: title ? [title, ...facts.positions] : facts.positions,
    addresses: [],
    identifiers: facts.identifiers,
    remarks: facts.remarks,
    listing: {
      authority: 'US-OFAC',
      list: context.list,
      // Several programmes arrive as "GLOMAG] [BURMA-EO14014": the outer brackets are missing.
      programmes: programme ? programme.split('] [').map((p) => p.replace(/^\[|\]$/g, '').trim()).filter(Boolean) : [],
      reference: row.entNum,
      sourceUrl: context.sourceUrl,
      dataDate: context.dataDate,
    },
  };
  if (facts.gender) entry.gender = facts.gender;
  if (facts.listedOn) entry.listing.listedOn = facts.listedOn;
  if (callSign || vesselType || tonnage || flag || owner) {
    const vessel: NonNullable<SourceEntry['vessel']> = {};
    if (callSign) vessel.callSign = callSign;
    if (vesselType) vessel.type = vesselType;
    if (tonnage) vessel.tonnage = tonnage;
    if (owner) vessel.owner = owner;
    const flagCode = flag ? ofacCountryCode(flag) : undefined;
    if (flagCode) vessel.flag = flagCode;
    else if (flag) entry.remarks.push(`Vessel flag ${flag}`);
    entry.vessel = vessel;
  }
  // The model has one tonnage field; gross registered tonnage is another measure, kept as said.
  if (grt) entry.remarks.push(`GRT ${grt}`);
  const weakNames = facts.weakNames.map((weak) => makeName(weak.full, weak.type, 'weak', kind));
  return { entry, weakNames };
}

/** An EntryName, with "LAST, First Middle" parts for people. */
function makeName(full: string, type: EntryName['type'], strength: EntryName['strength'], kind: SubjectKind): EntryName {
  const name: EntryName = { full, type, strength };
  const parts = kind === 'person' ? personParts(full) : undefined;
  if (parts) name.parts = parts;
  return name;
}

/** "HLAING, Min Aung" → family HLAING, given Min, middle Aung; a suffix after a second comma ("Jr.") is left out. */
function personParts(full: string): NameParts | undefined {
  const comma = full.indexOf(',');
  if (comma < 0) return undefined;
  const family = full.slice(0, comma).trim();
  const suffix = full.indexOf(',', comma + 1);
  const rest = full.slice(comma + 1, suffix < 0 ? full.length : suffix).trim();
  if (!family || !rest) return undefined;
  const space = rest.indexOf(' ');
  if (space < 0) return { family, given: rest };
  return { family, given: rest.slice(0, space), middle: rest.slice(space + 1) };
}

/**
 * Adds a name unless the entry has the same spelling already (case aside, as OFAC writes weak
 * names in either case); a strong copy replaces a weak one.
 */
function addName(names: EntryName[], name: EntryName): void {
  const key = name.full.toLowerCase();
  const index = names.findIndex((known) => known.full.toLowerCase() === key);
  const known = names[index];
  if (!known) names.push(name);
  else if (known.strength === 'weak' && name.strength === 'strong') names[index] = name;
}

/**
 * Reads the rows of a file that adds to the primary file's entries (alt.csv, add.csv), handing
 * each to `onRow` with its entry. Rows for entries the primary file does not have (another version
 * of the list) are counted in one warning, not kept.
 */
function readEntryRows(
  file: NamedBytes,
  role: 'alt' | 'add',
  entries: Map<string, SourceEntry>,
  primary: string,
  warnings: ParseIssue[],
  onRow: (row: Row, entry: SourceEntry) => void,
): void {
  const orphans = new Set<string>();
  let orphanRows = 0;
  readTable(file, role, warnings, (row) => {
    const entry = entries.get(row.entNum);
    if (entry) onRow(row, entry);
    else {
      orphanRows++;
      orphans.add(row.entNum);
    }
  });
  if (orphanRows) warnings.push(orphanWarning(file.name, orphanRows, orphans.size, primary));
}

/** alt.csv rows → names of their entries. */
function attachAliases(file: NamedBytes, entries: Map<string, SourceEntry>, primary: string, warnings: ParseIssue[]): void {
  readEntryRows(file, 'alt', entries, primary, warnings, (row, entry) => {
    const [, , altType, altName, altRemarks] = valuesOf(row.fields, 5);
    if (!altName) {
      warnings.push(issue(file.name, row.line, diagnostic('diagOfacNoAltNameSkipped')));
      return;
    }
    let type = altType ? ALT_TYPES.get(altType.toLowerCase()) : undefined;
    if (!type) {
      warnings.push(issue(file.name, row.line, diagnostic('diagOfacBadAltType', altType ?? '-0-')));
      type = 'alias';
    }
    // OFAC puts weak names in the primary remarks, and alt_remarks is -0- in every real row seen;
    // a "weak" here is still honoured, so a file that marks its aliases that way is read right.
    const weak = !!altRemarks && /\bweak\b/i.test(altRemarks);
    addName(entry.names, makeName(altName, type, weak ? 'weak' : 'strong', entry.kind));
    if (altRemarks && !weak) entry.remarks.push(`${altName}: ${altRemarks}`);
  });
}

/** add.csv rows → addresses; an all-null row (OFAC writes one for many vessels) adds nothing. */
function attachAddresses(file: NamedBytes, entries: Map<string, SourceEntry>, primary: string, warnings: ParseIssue[]): void {
  readEntryRows(file, 'add', entries, primary, warnings, (row, entry) => {
    const [, , street, city, country, addRemarks] = valuesOf(row.fields, 6);
    const lines = [street, city].filter((part): part is string => !!part);
    const code = country ? ofacCountryCode(country) : undefined;
    if (country && !code) lines.push(country); // unresolvable ("Region: Gaza") stays readable
    if (addRemarks) lines.push(addRemarks);
    if (!lines.length && !code) return;
    const address: Address = { lines };
    if (code) address.country = code;
    entry.addresses.push(address);
  });
}

/**
 * Completes each primary row's remarks (column 12) from the comments file where OFAC cut them at
 * 1000 characters. The continuation often starts mid-word, so the two are joined as they are. A
 * continuation for remarks that are not cut comes from another version of the list: not used.
 */
function createRemarksJoiner(overflow: Map<string, string>) {
  const used = new Set<string>();
  const stale: string[] = [];
  const cutShort: string[] = [];
  const join = (row: Row): string => {
    const cut = row.fields[11] ?? '';
    const extra = overflow.get(row.entNum);
    let full = cut;
    if (extra !== undefined) {
      used.add(row.entNum);
      if (cut.length < REMARKS_LIMIT) stale.push(row.entNum);
      else full = extra.startsWith(cut) ? extra : cut + extra; // a file repeating the whole text is taken as is
    } else if (cut.length >= REMARKS_LIMIT) cutShort.push(row.entNum);
    return isNull(full) ? '' : full;
  };
  const unused = (): string[] => [...overflow.keys()].filter((entNum) => !used.has(entNum));
  return { join, stale, cutShort, unused };
}

/** sdn_comments.csv → overflow text by ent_num, as in the file; rows of one ent_num joined in order. */
function readOverflow(file: NamedBytes, warnings: ParseIssue[]): Map<string, string> {
  const overflow = new Map<string, string>();
  readTable(file, 'comments', warnings, (row) => {
    const text = row.fields[1] ?? '';
    if (isNull(text)) return;
    if (overflow.has(row.entNum)) warnings.push(issue(file.name, row.line, diagnostic('diagOfacSecondOverflow', row.entNum)));
    overflow.set(row.entNum, (overflow.get(row.entNum) ?? '') + text);
  });
  return overflow;
}

function orphanWarning(file: string, rowCount: number, entCount: number, primary: string): ParseIssue {
  return issue(file, undefined, diagnostic('diagOfacOrphanRows', rowCount, entCount, primary));
}

/** A few ids for a message, so a person can look them up without a thousand-id line. */
function sample(ids: string[]): string {
  return ids.length > 5 ? `${ids.slice(0, 5).join(', ')} …` : ids.join(', ');
}
