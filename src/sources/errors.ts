import type { ParseIssue } from '../kb/model';
import { diagnostic, englishProblem, type Diagnostic } from './diagnostics';

/**
 * A file that cannot be read as the format it claims to be. Carries the file name and, where the
 * format has lines, the 1-based line, so a person can find the problem; the problem itself is a
 * diagnostic (src/sources/diagnostics.ts), so the options page can word it in the reader's
 * language. `message` is the English, "file, line 3: …", for logs and tests.
 */
export class ParseError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly diagnostic: Diagnostic;
  /** The part of the file `line` counts in (a workbook's sheet), when not the file itself. */
  readonly part: Diagnostic | undefined;
  /** A message around the diagnostic, which takes it as its last value ("…: this is not an OFAC aliases file"). */
  readonly context: Diagnostic | undefined;

  constructor(file: string, problem: Diagnostic, line?: number, where: { part?: Diagnostic; context?: Diagnostic } = {}) {
    super(englishProblem({ message: '', ...problem, file, ...(line === undefined ? {} : { line }), ...where }));
    this.name = 'ParseError';
    this.file = file;
    this.line = line;
    this.diagnostic = problem;
    this.part = where.part;
    this.context = where.context;
  }

  toIssue(): ParseIssue {
    const { key, values } = this.diagnostic;
    return {
      file: this.file,
      ...(this.line === undefined ? {} : { line: this.line }),
      message: this.message,
      key,
      values,
      ...(this.part ? { part: { key: this.part.key, values: this.part.values } } : {}),
      ...(this.context ? { context: { key: this.context.key, values: this.context.values } } : {}),
    };
  }
}

/** Larger than any real list by a wide margin (the biggest official file is ~120 MB of XML). */
export const MAX_SOURCE_BYTES = 256 * 1024 * 1024;

/** Refuses input that no real list comes near, before any parsing work starts. */
export function assertSaneSize(file: string, bytes: Uint8Array, maxBytes = MAX_SOURCE_BYTES): void {
  if (bytes.byteLength > maxBytes) throw new ParseError(file, diagnostic('diagFileTooLarge', bytes.byteLength, maxBytes));
  if (bytes.byteLength === 0) throw new ParseError(file, diagnostic('diagFileEmpty'));
}
