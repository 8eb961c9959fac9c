import type { ParseIssue } from '../kb/model';

/**
 * A file that cannot be read as the format it claims to be. Carries the file name and, where the
 * format has lines, the 1-based line, so a person can find the problem.
 */
export class ParseError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, message: string, line?: number) {
    super(line === undefined ? `${file}: ${message}` : `${file}, line ${line}: ${message}`);
    this.name = 'ParseError';
    this.file = file;
    this.line = line;
  }

  toIssue(): ParseIssue {
    return this.line === undefined
      ? { file: this.file, message: this.message }
      : { file: this.file, line: this.line, message: this.message };
  }
}

/** Larger than any real list by a wide margin (the biggest official file is ~120 MB of XML). */
export const MAX_SOURCE_BYTES = 256 * 1024 * 1024;

/** Refuses input that no real list comes near, before any parsing work starts. */
export function assertSaneSize(file: string, bytes: Uint8Array, maxBytes = MAX_SOURCE_BYTES): void {
  if (bytes.byteLength > maxBytes) {
    throw new ParseError(file, `file is ${bytes.byteLength} bytes, more than the ${maxBytes}-byte limit for a list`);
  }
  if (bytes.byteLength === 0) throw new ParseError(file, 'file is empty');
}
