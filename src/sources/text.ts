import { ParseError } from './errors';
import { diagnostic } from './diagnostics';

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
    throw new ParseError(file, diagnostic('diagNotValidText', encoding));
  }
  if (text.includes('\u0000')) throw new ParseError(file, diagnostic('diagNulBytes'));
  return encoding === 'windows-1252' ? fixC1(text) : text;
}

/**
 * Windows-1252 puts curly quotes, dashes, € and a few letters at 0x80–0x9F. Node's TextDecoder
 * (v20, nodejs/node#56542) decodes those bytes as the C1 controls U+0080–U+009F instead, as
 * Latin-1 would; browsers decode them right. Map them, so the kb tool and the extension agree.
 */
const C1_TO_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function fixC1(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => C1_TO_1252[c.charCodeAt(0) - 0x80] ?? c) : text;
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
