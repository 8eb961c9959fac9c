/**
 * The zip side of reading .xlsx workbooks, where the size limits live: a zip entry's declared
 * size is checked before it is inflated (fflate inflates into a buffer of exactly that size, so
 * the declaration also caps memory), and only the parts asked for are inflated.
 */
import { unzipSync } from 'fflate';
import { ParseError } from './errors';
import { diagnostic, english, type Diagnostic } from './diagnostics';
import { decodeText } from './text';
import { readXmlRecords, type XmlElement } from './xml';

/** Refuse any single part whose declared size is above this: real sheets are a few MB. */
export const MAX_XLSX_PART_BYTES = 200 * 1024 * 1024;
/** Refuse a workbook whose parts to read add up to more than this. */
export const MAX_XLSX_TOTAL_BYTES = 400 * 1024 * 1024;
/** A real workbook has tens of parts; a hostile central directory can claim billions. */
const MAX_ZIP_ENTRIES = 10_000;

/**
 * The workbook's zip. Its central directory is listed once without inflating anything, to learn
 * each part's declared size; parts are then inflated on request, after the size limits are checked.
 */
export class ZipReader {
  readonly file: string;
  private readonly bytes: Uint8Array;
  private readonly parts = new Map<string, Uint8Array>();
  /** Entry name → declared uncompressed size, from the central directory. */
  private readonly declaredSizes = new Map<string, number>();
  private inflatedBytes = 0;

  constructor(file: string, bytes: Uint8Array) {
    this.file = file;
    this.bytes = bytes;
    // Every zip starts with a local file header "PK\3\4"; checking first gives a plain message
    // for the common mistake (a CSV or HTML page saved as .xlsx) and spares fflate's EOCD search.
    if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
      throw new ParseError(file, diagnostic('diagXlsxNotZip'));
    }
    this.unzip((entry) => {
      // A name listed twice: the first entry is the part, as for the inflating pass below.
      if (!this.declaredSizes.has(entry.name)) this.declaredSizes.set(entry.name, entry.originalSize);
      return false;
    });
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  /**
   * Inflates the named parts that exist. Their declared sizes are checked, alone and together,
   * before any is inflated: fflate allocates the declared size up front.
   */
  inflate(names: readonly string[]): void {
    const wanted = new Set(names.filter((n) => this.declaredSizes.has(n) && !this.parts.has(n)));
    if (wanted.size === 0) return;
    for (const name of wanted) {
      const size = this.declaredSizes.get(name)!;
      if (size > MAX_XLSX_PART_BYTES) {
        throw new ParseError(this.file, diagnostic('diagXlsxPartTooLarge', name, size, MAX_XLSX_PART_BYTES));
      }
      this.inflatedBytes += size;
    }
    if (this.inflatedBytes > MAX_XLSX_TOTAL_BYTES) {
      throw new ParseError(this.file, diagnostic('diagXlsxTooLarge', this.inflatedBytes, MAX_XLSX_TOTAL_BYTES));
    }
    const found = this.unzip((entry) => {
      if (!wanted.has(entry.name)) return false;
      wanted.delete(entry.name);
      return true;
    });
    for (const [name, data] of Object.entries(found)) this.parts.set(name, data);
  }

  /** Text of a part inflated earlier, decoded as UTF-8 (what Excel and every list publisher write). */
  text(name: string, label: Diagnostic): string {
    const data = this.parts.get(name);
    if (!data) throw new ParseError(this.file, diagnostic('diagXlsxNoPart', name));
    try {
      return decodeText(english(label), data, 'utf-8');
    } catch (error) {
      throw rethrowInFile(this.file, error, label);
    }
  }

  private unzip(filter: (entry: { name: string; originalSize: number }) => boolean): Record<string, Uint8Array> {
    let entries = 0;
    try {
      return unzipSync(this.bytes, {
        filter: (entry) => {
          if (++entries > MAX_ZIP_ENTRIES) throw new ParseError(this.file, diagnostic('diagXlsxTooManyEntries', MAX_ZIP_ENTRIES));
          return filter(entry);
        },
      });
    } catch (error) {
      if (error instanceof ParseError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ParseError(this.file, diagnostic('diagXlsxDamaged', reason));
    }
  }
}

/** A ParseError raised while reading one part (`label`), re-raised against the workbook file, its line counted in that part. */
function rethrowInFile(file: string, error: unknown, label: Diagnostic): unknown {
  return error instanceof ParseError ? new ParseError(file, error.diagnostic, error.line, { part: label, ...(error.context ? { context: error.context } : {}) }) : error;
}

/** Reads one XML part as records, reporting errors as "book.xlsx: <label>, line N: …". */
export function readPartRecords(zip: ZipReader, part: string, label: Diagnostic, recordNames: string[], onRecord: (record: XmlElement) => void, onOpenOutside?: (name: string) => void): void {
  const text = zip.text(part, label);
  try {
    readXmlRecords(english(label), text, new Set(recordNames), { onRecord, onOpenOutside });
  } catch (error) {
    throw rethrowInFile(zip.file, error, label);
  }
}
