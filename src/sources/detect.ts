/**
 * Tells which official format a file is, from its first bytes (and, for OFAC's headerless CSVs and
 * XLSX workbooks, a closer look). The importer and the kb tool both start here.
 */
import { sniffOfacLegacyRole, type NamedBytes, type OfacLegacyRole } from './ofac-csv';
import Papa from 'papaparse';
import { readXlsx } from './xlsx';
import { renderMessage } from './diagnostics';
import { FORMAT_IDS, FORMAT_MESSAGES, type FormatId } from './formats';

export type SourceFormat =
  | { format: 'ofac-legacy'; role: OfacLegacyRole; variant: 'sdn' | 'consolidated' }
  | { format: 'un-consolidated' }
  | { format: 'canada-sema' }
  | { format: 'uk-hmt' }
  | { format: 'opensanctions-simple' }
  | { format: 'australia-dfat' }
  | { format: 'sipri-trade-register' }
  | { format: 'sipri-tiv-table' }
  | { format: 'sipri-milex' };

// Every format detected here has an id (and so a message) in ./formats, and every id is detected.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const FORMATS_COVERED: Same<SourceFormat['format'], FormatId> = true;

const HEAD_BYTES = 4096;

/**
 * English names of the formats, from the catalogue (the format… messages): the English beside the
 * format id in import reports, for readers that do not word the id.
 */
export const FORMAT_TITLES = Object.fromEntries(FORMAT_IDS.map((id) => [id, renderMessage(FORMAT_MESSAGES[id], [])])) as Record<FormatId, string>;

/** The format of `file`, or null when it is none Backstory reads. */
export function detectFormat(file: NamedBytes): SourceFormat | null {
  const bytes = file.bytes;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return detectWorkbook(file);
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, HEAD_BYTES)).replace(/^\uFEFF|^ï»¿/, '');
  // XML: the root element decides. A DOCTYPE may stand before it; the parser then refuses any
  // entity declarations in it with a clear error, so a bomb is reported, not just "unknown".
  if (/^\s*</.test(head) && /<CONSOLIDATED_LIST[\s>]/.test(head)) return { format: 'un-consolidated' };
  if (/^\s*</.test(head) && /<data-set[\s>]/.test(head)) return { format: 'canada-sema' };
  if (/^Last Updated,/.test(head)) return { format: 'uk-hmt' };
  if (/^"?id"?,"?schema"?,"?name"?,/.test(head)) return { format: 'opensanctions-simple' };
  if (/^Transfers of major (conventional )?(arms|weapons)/i.test(head) || /^Recipient,Supplier,Year of order/m.test(head)) {
    return { format: 'sipri-trade-register' };
  }
  if (/^Volume of transfers of major arms/i.test(head) || /^(Recipient|Exports by),1950,/m.test(head)) return { format: 'sipri-tiv-table' };
  const role = sniffOfacLegacyRole(file.name, bytes);
  if (role) return { format: 'ofac-legacy', role, variant: /cons_/i.test(baseName(file.name)) ? 'consolidated' : 'sdn' };
  return null;
}

function detectWorkbook(file: NamedBytes): SourceFormat | null {
  try {
    const workbook = readXlsx(file.name, file.bytes, { sheets: () => false });
    if (workbook.sheetNames.some((n) => /^Share of GDP$/i.test(n))) return { format: 'sipri-milex' };
    return { format: 'australia-dfat' }; // its one sheet is checked for the DFAT header by the parser
  } catch {
    return null;
  }
}

/**
 * The place a file takes among the stored lists: a newer file of the same place replaces the
 * older one (a new sdn.csv replaces the old sdn.csv, and leaves alt.csv and the UN list alone).
 */
export function slotOf(format: SourceFormat, file: NamedBytes): string {
  switch (format.format) {
    case 'ofac-legacy':
      return `ofac-legacy:${format.variant}:${format.role}`;
    case 'sipri-tiv-table': {
      const head = new TextDecoder('utf-8').decode(file.bytes.subarray(0, HEAD_BYTES));
      return /^Exports by,/m.test(head) ? 'sipri-tiv-table:exports' : 'sipri-tiv-table:imports';
    }
    case 'opensanctions-simple': {
      // One slot per OpenSanctions dataset: every export is called targets.simple.csv, so the
      // dataset column of the first record tells them apart.
      const head = new TextDecoder('utf-8').decode(file.bytes.subarray(0, 64 * 1024));
      const rows = Papa.parse<string[]>(head, { preview: 2 }).data;
      const column = rows[0]?.indexOf('dataset') ?? -1;
      const dataset = column >= 0 ? rows[1]?.[column] : undefined;
      return `opensanctions-simple:${dataset || baseName(file.name)}`;
    }
    default:
      return format.format;
  }
}

export function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

/** The folder part of a path ("" for a bare name), to group OFAC files that belong together. */
export function folderOf(name: string): string {
  const parts = name.split(/[\\/]/);
  parts.pop();
  return parts.join('/');
}
