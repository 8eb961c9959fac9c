import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import catalogue from '../../../_locales/en/messages.json';
import { diagnostic, english, englishProblem, readProblem, renderMessage, wordProblem } from '../../../src/sources/diagnostics';
import { parseErrorOf } from '../../support/parser-properties';
import { parseUkHmt } from '../../../src/sources/uk-hmt';
import { parseUnConsolidated } from '../../../src/sources/un-consolidated';

const MESSAGES = catalogue as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const DIAG_KEYS = Object.keys(MESSAGES).filter((key) => key.startsWith('diag'));

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourcesUnder(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('the diag… messages of the catalogue', () => {
  it('fill every placeholder they name, from as many values as they declare', () => {
    for (const key of DIAG_KEYS) {
      const declared = Object.keys(MESSAGES[key]!.placeholders ?? {}).length;
      const values = Array.from({ length: declared }, (_, i) => `v${i + 1}`);
      const text = renderMessage(key, values);
      // "$" is left only where the message writes a literal "$$" (US$).
      expect(text.replace(/US\$/g, ''), key).not.toMatch(/\$/);
      for (const value of values) expect(text, key).toContain(value);
    }
  });

  it('has every key the code uses', () => {
    const root = path.resolve(import.meta.dirname, '../../../src');
    const used = new Set<string>();
    for (const file of sourcesUnder(root)) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/'(diag[A-Z][A-Za-z0-9]*)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !(key in MESSAGES))).toEqual([]);
  });
});

describe('rendering English', () => {
  it('fills named placeholders, the same value twice, and "$$" as "$"', () => {
    expect(english(diagnostic('diagFileTooLarge', 300, 256))).toBe('file is 300 bytes, more than the 256-byte limit for a list');
    expect(english(diagnostic('diagMilexNoConstantSheet', 'Sheet1'))).toBe('no "Constant (…) US$" sheet: this is not the SIPRI Military Expenditure workbook (its sheets: Sheet1)');
    expect(fillTwice('x')).toBe('x, line x: x');
    expect(renderMessage('noSuchKey', [])).toBe('noSuchKey');
  });

  it('words the file, part and line around a problem, and falls back to the English message', () => {
    const problem = { message: 'old English', file: 'a.xlsx', line: 5, key: 'diagXmlMalformed', values: ['bad tag'], part: { key: 'diagXlsxSheetPart', values: ['S', 'p.xml'] } };
    expect(englishProblem(problem)).toBe('a.xlsx: sheet "S" (p.xml), line 5: malformed XML: bad tag');
    expect(wordProblem(() => null, problem)).toBe('old English');
    expect(englishProblem({ message: 'stored by an older version' })).toBe('stored by an older version');
  });

  it('reads stored problems field by field', () => {
    expect(readProblem('plain old string')).toEqual({ message: 'plain old string' });
    expect(readProblem({ message: 'm', key: 'diagFileEmpty', values: [] })).toEqual({ message: 'm', key: 'diagFileEmpty', values: [] });
    expect(readProblem({ message: 'm', key: 'diagFileEmpty', values: [1] })).toEqual({ message: 'm' });
    expect(readProblem({ message: 'm', key: 'extName', values: [] })).toEqual({ message: 'm' });
    expect(readProblem({ message: 'm', key: 'diagFileEmpty', values: Array(20).fill('x') })).toEqual({ message: 'm' });
    expect(readProblem({ key: 'diagFileEmpty' })).toBeNull();
    expect(readProblem(42)).toBeNull();
  });
});

/** diagAtLine with one value in every place, to show each is filled from its own position. */
function fillTwice(value: string): string {
  return renderMessage('diagAtLine', [value, value, value]);
}

describe('parse errors carry their diagnostic', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('UN list: a wrong root element', () => {
    const error = parseErrorOf(() => parseUnConsolidated('un.xml', bytes('<?xml version="1.0"?>\n<data-set><x/></data-set>')));
    expect(error.toIssue()).toMatchObject({ file: 'un.xml', line: 2, key: 'diagUnWrongRoot', values: ['data-set', 'CONSOLIDATED_LIST'] });
    expect(error.message).toBe(english(diagnostic('diagAtLine', 'un.xml', 2, english(error.diagnostic))));
  });

  it('UK list: an empty file and a file with no rows', () => {
    expect(parseErrorOf(() => parseUkHmt('uk.csv', new Uint8Array())).toIssue()).toEqual({ file: 'uk.csv', message: 'uk.csv: file is empty', key: 'diagFileEmpty', values: [] });
    expect(parseErrorOf(() => parseUkHmt('uk.csv', bytes('\n\n'))).toIssue()).toMatchObject({ key: 'diagUkNoRows', values: [] });
  });
});
