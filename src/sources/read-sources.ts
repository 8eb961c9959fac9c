/**
 * Reads a set of list files in any supported format into parsed data, file by file: a file that
 * fails is reported with its error and the others go on. OFAC's four legacy files of one list are
 * grouped and parsed together. Pure: the same code serves the kb tool, the options page import
 * and the background's scheduled updates.
 */
import type { MilexParseResult, ParseIssue, SourceParseResult, TivTableParseResult, TradeRegisterParseResult } from '../kb/model';
import { parseAustraliaDfat } from './australia-dfat';
import { parseCanadaSema } from './canada-sema';
import { baseName, detectFormat, folderOf, FORMAT_TITLES, type SourceFormat } from './detect';
import { FORMAT_IDS, formatList, type FormatId } from './formats';
import { ParseError } from './errors';
import { diagnostic, englishProblem, issue, type Diagnostic } from './diagnostics';
import { parseOfacLegacy, type NamedBytes, type OfacLegacyFiles } from './ofac-legacy';
import { parseOpenSanctionsSimple } from './opensanctions';
import { parseSipriMilex } from './sipri-milex';
import { parseSipriTivTable } from './sipri-tiv-table';
import { parseSipriTradeRegister } from './sipri-trade-register';
import { parseUkHmt } from './uk-hmt';
import { parseUnConsolidated } from './un-consolidated';

export type { NamedBytes } from './ofac-legacy';

/** A file handed to the importer, with the date it was obtained (for lists that carry no date). */
export interface SourceFile extends NamedBytes {
  /** ISO date the file was downloaded or last modified, used where the file has no date of its own. */
  obtained?: string;
}

/** What happened to one file. */
export interface FileReport {
  file: string;
  /** The format it was read as, by id (readers word it by its format… message); null when not recognised. */
  formatId?: FormatId | null;
  /** English name of the format, or null: what readers show for a report without `formatId`. */
  format: string | null;
  ok: boolean;
  /** The reason it failed, naming the file and line where there is one. */
  error?: ParseIssue;
  /** Entries (lists), deals (register) or rows (tables) read from it. */
  records?: number;
  warnings: ParseIssue[];
}

export interface SourceData {
  sanctions: SourceParseResult[];
  register: TradeRegisterParseResult | null;
  tivTables: TivTableParseResult[];
  milex: MilexParseResult | null;
  files: FileReport[];
}

export type ProgressListener = (done: number, total: number, current: string) => void;

/** Parses every file it recognises; never throws for a bad file, reports it instead. */
export function readSources(files: readonly SourceFile[], onProgress?: ProgressListener): SourceData {
  const data: SourceData = { sanctions: [], register: null, tivTables: [], milex: null, files: [] };
  const ofacGroups = new Map<string, { variant: 'sdn' | 'consolidated'; files: Partial<Record<keyof OfacLegacyFiles, SourceFile>> }>();
  const jobs: Array<{ label: string; run: () => void }> = [];

  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    let format: SourceFormat | null;
    try {
      format = detectFormat(file);
    } catch (error) {
      format = null;
      void error;
    }
    if (!format) {
      // The formats go as ids, each worded by its own message where the problem is worded.
      data.files.push({ file: file.name, formatId: null, format: null, ok: false, error: located(file.name, diagnostic('diagUnknownFormat', formatList(FORMAT_IDS))), warnings: [] });
      continue;
    }
    if (format.format === 'ofac-legacy') {
      const key = `${folderOf(file.name)}|${format.variant}`;
      const group = ofacGroups.get(key) ?? { variant: format.variant, files: {} };
      const role = format.role === 'sdn' ? 'sdn' : format.role;
      if (group.files[role]) {
        data.files.push(failure(file.name, 'ofac-legacy', diagnostic('diagOfacTwoFiles', role, baseName(group.files[role]!.name), baseName(file.name))));
        continue;
      }
      group.files[role] = file;
      ofacGroups.set(key, group);
      continue;
    }
    const detected = format;
    jobs.push({ label: file.name, run: () => runOne(data, file, detected) });
  }

  for (const group of ofacGroups.values()) {
    const { sdn, alt, add, comments } = group.files;
    if (!sdn) {
      for (const orphan of [alt, add, comments]) {
        if (orphan) data.files.push(failure(orphan.name, 'ofac-legacy', diagnostic('diagOfacNoPrimaryFile')));
      }
      continue;
    }
    jobs.push({
      label: sdn.name,
      run: () =>
        attempt(data, sdn.name, 'ofac-legacy', () => {
          const result = parseOfacLegacy({ sdn, ...(alt ? { alt } : {}), ...(add ? { add } : {}), ...(comments ? { comments } : {}) }, group.variant, datedBy(sdn));
          sanctions(data, result, sdn.name);
          for (const part of [alt, add, comments]) if (part) data.files.push({ file: part.name, ...formatOf('ofac-legacy'), ok: true, warnings: [] });
          return { records: result.entries.length, warnings: result.warnings };
        }),
    });
  }

  jobs.forEach((job, i) => {
    onProgress?.(i, jobs.length, job.label);
    job.run();
  });
  onProgress?.(jobs.length, jobs.length, '');
  data.sanctions = keepOneCopyPerSource(data);
  return data;
}

/**
 * Two files of the same list (two downloads, or a snapshot beside the current file) would list
 * every subject twice. Keep the copy with the later data date, or else the larger one, and say so.
 */
function keepOneCopyPerSource(data: SourceData): SourceParseResult[] {
  const kept = new Map<string, SourceParseResult>();
  const fileOf = (result: SourceParseResult): string => FILE_OF.get(result) ?? result.source;
  for (const result of data.sanctions) {
    const other = kept.get(result.source);
    if (!other) {
      kept.set(result.source, result);
      continue;
    }
    const newer = (result.dataDate ?? '') > (other.dataDate ?? '') || ((result.dataDate ?? '') === (other.dataDate ?? '') && result.entries.length > other.entries.length);
    const [keep, drop] = newer ? [result, other] : [other, result];
    kept.set(result.source, keep);
    const report = data.files.find((f) => f.file === fileOf(drop));
    report?.warnings.push(issue(report.file, undefined, diagnostic('diagDuplicateList', fileOf(keep))));
  }
  return [...kept.values()];
}

function datedBy(file: SourceFile): { dataDate?: string } {
  return file.obtained ? { dataDate: file.obtained } : {};
}

function runOne(data: SourceData, file: SourceFile, format: Exclude<SourceFormat, { format: 'ofac-legacy' }>): void {
  attempt(data, file.name, format.format, () => {
    switch (format.format) {
      case 'un-consolidated':
        return sanctions(data, parseUnConsolidated(file.name, file.bytes, datedBy(file)), file.name);
      case 'canada-sema':
        return sanctions(data, parseCanadaSema(file.name, file.bytes, datedBy(file)), file.name);
      case 'uk-hmt':
        return sanctions(data, parseUkHmt(file.name, file.bytes, datedBy(file)), file.name);
      case 'opensanctions-simple':
        return sanctions(data, parseOpenSanctionsSimple(file.name, file.bytes, datedBy(file)), file.name);
      case 'australia-dfat':
        return sanctions(data, parseAustraliaDfat(file.name, file.bytes, datedBy(file)), file.name);
      case 'sipri-trade-register': {
        const register = parseSipriTradeRegister(file.name, file.bytes, datedBy(file));
        data.register = register;
        return { records: register.deals.length, warnings: register.warnings };
      }
      case 'sipri-tiv-table': {
        const table = parseSipriTivTable(file.name, file.bytes, datedBy(file));
        data.tivTables.push(table);
        return { records: table.rows.length, warnings: table.warnings };
      }
      case 'sipri-milex': {
        const milex = parseSipriMilex(file.name, file.bytes);
        data.milex = milex;
        return { records: milex.series.length, warnings: milex.warnings };
      }
    }
  });
}

/** Which file each parsed list came from, for messages about it. */
const FILE_OF = new WeakMap<SourceParseResult, string>();

function sanctions(data: SourceData, result: SourceParseResult, file: string): { records: number; warnings: ParseIssue[] } {
  FILE_OF.set(result, file);
  data.sanctions.push(result);
  return { records: result.entries.length, warnings: result.warnings };
}

/** The format fields of a report: the id, and the English for readers that do not word it. */
function formatOf(id: FormatId): Pick<FileReport, 'formatId' | 'format'> {
  return { formatId: id, format: FORMAT_TITLES[id] };
}

function attempt(data: SourceData, file: string, format: FormatId, parse: () => { records: number; warnings: ParseIssue[] }): void {
  try {
    const { records, warnings } = parse();
    data.files.push({ file, ...formatOf(format), ok: true, records, warnings });
  } catch (error) {
    // Anything but a ParseError is a fault of ours or the platform's; its own text is passed as data.
    data.files.push(error instanceof ParseError ? { file, ...formatOf(format), ok: false, error: error.toIssue(), warnings: [] } : failure(file, format, diagnostic('diagCouldNotRead', String(error))));
  }
}

function failure(file: string, format: FormatId, problem: Diagnostic): FileReport {
  return { file, ...formatOf(format), ok: false, error: located(file, problem), warnings: [] };
}

/** An error about a whole file: the English names the file ("file: …"), as ParseError's does. */
function located(file: string, problem: Diagnostic): ParseIssue {
  return { ...issue(file, undefined, problem), message: englishProblem({ message: '', ...problem, file }) };
}
