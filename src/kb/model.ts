/**
 * The one entity model every source parser produces and the knowledge base is compiled from.
 *
 * Parsers (src/sources) emit one `SourceEntry` per authority entry, exactly as the list states it.
 * src/kb/merge.ts joins entries that are the same person or organisation on evidence beyond the
 * name, and src/kb/compile.ts turns the result into the artifact the background loads.
 * Everything here is plain, structured-clonable data: it crosses workers, storage and messages.
 */

/** What a listed subject is. Countries are not listed subjects; they come from country data. */
import type { ProgrammeName } from './programmes';

export type SubjectKind = 'person' | 'organisation' | 'vessel' | 'aircraft';
export type EntityKind = SubjectKind | 'country';

/** The authorities whose lists Backstory reads. */
export type Authority = 'US-OFAC' | 'UN' | 'UK' | 'EU' | 'CA' | 'AU' | 'OpenSanctions';

/**
 * How strongly a list stands behind a name, as the source marks it (OFAC "weak a.k.a." remarks,
 * UN alias QUALITY "Low", UK "Alias Type"). A weak name never marks text on its own.
 */
export type NameStrength = 'strong' | 'weak';

/** Name as given by the source, with its parts where the source splits them. */
export interface EntryName {
  /** The name as printed by the source, whitespace collapsed, original case kept. */
  full: string;
  /** Parts where the source gives them (UN FIRST_NAME…, UK Name 1…6, OFAC "LAST, First"). */
  parts?: NameParts;
  type: 'primary' | 'alias' | 'formerly' | 'original-script';
  strength: NameStrength;
}

export interface NameParts {
  given?: string;
  middle?: string;
  family?: string;
  patronymic?: string;
}

/** A date as precise as the source gives it. ISO strings: YYYY-MM-DD, YYYY-MM. */
export type PartialDate =
  | { kind: 'day'; date: string }
  | { kind: 'month'; date: string }
  | { kind: 'year'; year: number; approximate?: boolean }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'text'; text: string };

export interface Identifier {
  /** As the source names it: "Passport", "National ID No.", "IMO", "SWIFT/BIC", "Tax ID" … */
  type: string;
  value: string;
  /** ISO 3166-1 alpha-2 of the issuing country where known. */
  country?: string;
  note?: string;
}

export interface Address {
  /** Free text lines in source order (street, city, postal code …), empty parts dropped. */
  lines: string[];
  /** ISO 3166-1 alpha-2 where the country could be resolved. */
  country?: string;
}

/** One authority entry: who lists the subject, under what, since when, and where that is said. */
export interface Listing {
  authority: Authority;
  /** Human name of the list: "OFAC SDN List", "UN Security Council Consolidated List" … */
  list: string;
  /** Programme or regime codes or names as the source writes them ("GLOMAG", "BURMA-EO14014", "Libya"). */
  programmes: string[];
  /** ISO date the entry was listed, where the source has one. */
  listedOn?: string;
  /** The entry's own reference in the source (OFAC ent_num, UN REFERENCE_NUMBER, UK Group ID …). */
  reference: string;
  /** Official page or file of the list, for the reader to check. */
  sourceUrl: string;
  /** ISO date of the data (the file's own date, else the best evidence of it). */
  dataDate: string;
  /** The listing's stated reasons or narrative, where the source gives them. */
  reasons?: string;
  /** The programmes in words, one per code in `programmes` (filled when the knowledge base is compiled). */
  programmeNames?: ProgrammeName[];
}

/** What is known of a listed subject: one list's entry, or every entry of it merged. */
export interface SubjectFacts {
  kind: SubjectKind;
  /** At least one name, the first being the primary one. */
  names: EntryName[];
  birthDates: PartialDate[];
  birthPlaces: string[];
  /** ISO 3166-1 alpha-2 codes where resolvable; unresolvable text is kept in `remarks`. */
  nationalities: string[];
  /** Positions, titles and designations ("Commander-in-Chief of Defence Services"). */
  positions: string[];
  gender?: 'male' | 'female';
  addresses: Address[];
  identifiers: Identifier[];
  /** Free remarks not otherwise captured. */
  remarks: string[];
  /** Vessel details where the source has them. */
  vessel?: { flag?: string; type?: string; tonnage?: string; callSign?: string; owner?: string };
}

/** One entry of one list, as the source states it. */
export interface SourceEntry extends SubjectFacts {
  /** Source id, stable across versions of the list: "ofac-sdn", "ofac-cons", "un", "uk-hmt" … */
  source: string;
  listing: Listing;
}

/** A problem found while reading a file; `line` is 1-based where the format has lines. */
export interface ParseIssue {
  file: string;
  line?: number;
  /** English, for logs and tests; all that versions before message ids stored. */
  message: string;
  /**
   * The problem as a _locales message id (`diag…`, src/sources/diagnostics.ts) and the values of
   * its placeholders, without the file and line, which readers word around it. Absent in issues
   * stored by older versions: show `message` then.
   */
  key?: string;
  values?: string[];
  /** Where inside the file `line` counts (a workbook's sheet), as a message id and values. */
  part?: { key: string; values: string[] };
  /** A message around this one, which takes it as its last value ("sheet "X" row 5: …"). */
  context?: { key: string; values: string[] };
}

/** What a sanctions-list parser returns. */
export interface SourceParseResult {
  source: string;
  /** ISO date of the data, from inside the file where it says so, else null. */
  dataDate: string | null;
  entries: SourceEntry[];
  /** Rows skipped or oddities noticed; the import goes on. */
  warnings: ParseIssue[];
}

/* ---------------------------------------------------------------- SIPRI ---------------- */

/** One row of the SIPRI trade register: a deal from supplier to recipient. TIV in millions. */
export interface ArmsDeal {
  recipient: string;
  supplier: string;
  orderYear: number | null;
  orderYearUncertain: boolean;
  numberOrdered: number | null;
  numberOrderedUncertain: boolean;
  weaponDesignation: string;
  weaponDescription: string;
  numberDelivered: number | null;
  numberDeliveredUncertain: boolean;
  /** Years in which deliveries took place, ascending. */
  deliveryYears: number[];
  status: string;
  comments: string;
  tivPerUnit: number | null;
  tivTotalOrder: number | null;
  /** TIV of what was delivered, all years together (the register has no per-year split). */
  tivDelivered: number | null;
}

export interface TradeRegisterParseResult {
  dataDate: string | null;
  deals: ArmsDeal[];
  warnings: ParseIssue[];
}

/** One country (or non-state actor) row of a SIPRI TIV table. TIV in millions. */
export interface TivRow {
  /** Name as SIPRI writes it, without the `*` / `**` markers. */
  name: string;
  /** `*` in the table: a non-state actor. */
  nonState: boolean;
  /** Year → TIV. 0.25 stands for SIPRI's "0 " (between 0 and 0.5); absent years had no deliveries. */
  byYear: Record<number, number>;
}

export interface TivTableParseResult {
  direction: 'imports' | 'exports';
  dataDate: string | null;
  /** Years the table covers (its header), ascending. */
  years: number[];
  rows: TivRow[];
  /** The world total row. */
  world: TivRow | null;
  warnings: ParseIssue[];
}

/** Military expenditure of one country. */
export interface MilexSeries {
  name: string;
  /** Year → constant US$ millions (at the table's base year). */
  constantUsd: Record<number, number>;
  /** Year → share of GDP as a fraction (0.04 = 4 %). */
  shareOfGdp: Record<number, number>;
}

export interface MilexParseResult {
  dataDate: string | null;
  /** Base year of the constant-dollar sheet ("Constant (2022) US$" → 2022). */
  constantBaseYear: number | null;
  series: MilexSeries[];
  warnings: ParseIssue[];
}

/* ---------------------------------------------------------------- merged entities ------- */

/** Why two list entries were taken to be the same subject. */
export interface MergeReason {
  /** `${source}:${reference}` of the two entries joined. */
  entries: [string, string];
  /** The evidence beyond the name, in words: "same date of birth 1956-07-03", "same IMO 9123456". */
  evidence: string[];
}

/**
 * One subject after merging: every listing of the same person, organisation, vessel or aircraft.
 * Its facts are every entry's, without repeats; its names are deduplicated by folded form, strong
 * winning over weak, the primary name first.
 */
export interface ListedEntity extends SubjectFacts {
  /** Stable id: `${source}:${reference}` of the first entry in source order. */
  id: string;
  /** One per authority entry, in source order. */
  listings: Listing[];
  /** Empty for an entity built from a single entry. */
  mergedBecause: MergeReason[];
}
