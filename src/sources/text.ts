import { ParseError } from './errors';

/**
 * Decodes a list file's bytes. UTF-8 is decoded strictly (`fatal`), so a Windows-1252 file given
 * where UTF-8 is expected fails loudly instead of turning "ä" into "\uFFFD". A leading BOM is dropped.
 * TextDecoder is in browsers and Node alike, so this runs in the extension and the kb tool.
 */
export function decodeText(file: string, bytes: Uint8Array, encoding: 'utf-8' | 'windows-1252'): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ParseError(file, `not valid ${encoding} text (wrong encoding, or not a text file)`);
  }
  if (text.includes('\u0000')) throw new ParseError(file, 'contains NUL bytes: not a text file');
  return text;
}

/** Collapses runs of white space and trims; the sources pad names with stray spaces. */
export function cleanSpace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** 1-based line number of a character offset, for error messages. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
