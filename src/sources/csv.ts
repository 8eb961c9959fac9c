/**
 * CSV reading shared by the CSV-based list parsers: records with the line each starts on, so a
 * warning or error can point a person at the right place even when quoted fields span lines.
 */
import Papa from 'papaparse';
import type { ParseIssue } from '../kb/model';
import { ParseError } from './errors';
import { diagnostic, issue } from './diagnostics';

/** One CSV record (a row, possibly spanning several physical lines) and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** What `readCsvRecords` returns: every well-formed record, and one warning per record dropped. */
export interface CsvReadResult {
  records: CsvRecord[];
  warnings: ParseIssue[];
}

/**
 * Splits decoded CSV text into records (RFC 4180: `"` quotes, `""` inside quotes, newlines inside
 * quoted fields). Blank lines are dropped. A record with a stray quote after a closing quote is
 * dropped with a warning naming its line.
 *
 * @param file - file name, for messages
 * @param text - the whole decoded file
 * @throws ParseError when a quoted field is never closed (a truncated or malformed file), with the
 *   line where that record starts
 */
export function readCsvRecords(file: string, text: string): CsvReadResult {
  const records: CsvRecord[] = [];
  const warnings: ParseIssue[] = [];
  let recordStart = 0;
  let line = 1;
  let unterminatedAt: number | undefined;

  // The delimiter is fixed: Papa's guessing would pick something else on odd input and turn a
  // wrong-format file into plausible-looking rows.
  Papa.parse<string[]>(text, {
    delimiter: ',',
    quoteChar: '"',
    step: (result, parser) => {
      const fields = result.data;
      const end = result.meta.cursor;
      const recordLine = line;
      line += countNewlines(text, recordStart, end);
      recordStart = end;
      if (result.errors.some((e) => e.code === 'MissingQuotes')) {
        unterminatedAt = recordLine;
        parser.abort();
        return;
      }
      if (result.errors.length > 0) {
        // Papa's own wording is passed on as data; its absence gets a message of ours.
        const reason = result.errors[0]?.message;
        warnings.push(issue(file, recordLine, reason === undefined ? diagnostic('diagCsvQuoteErrorSkipped') : diagnostic('diagCsvMalformedQuotingSkipped', reason)));
        return;
      }
      if (fields.length === 1 && fields[0] === '') return;
      records.push({ line: recordLine, fields });
    },
  });

  if (unterminatedAt !== undefined) {
    throw new ParseError(file, diagnostic('diagCsvQuoteNeverClosed'), unterminatedAt);
  }
  return { records, warnings };
}

/** Line breaks in `text[from, to)`: LF, CRLF, or a lone CR (Papa splits records on whichever the file uses). */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}
