import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readCsvRecords } from '../../../src/sources/csv';
import { ParseError } from '../../../src/sources/errors';
import { parsesOrRefuses } from '../../support/parser-properties';

describe('readCsvRecords', () => {
  it('gives each record the line it starts on, across quoted newlines and blank lines', () => {
    const { records, warnings } = readCsvRecords('f.csv', 'h1,h2\r\n"a\r\nb",2\r\n\r\n3,"4 ""quoted"""');
    expect(records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a\r\nb', '2'] },
      { line: 5, fields: ['3', '4 "quoted"'] },
    ]);
    expect(warnings).toEqual([]);
  });

  it('counts a lone CR as a line break, as it splits records on it', () => {
    expect(readCsvRecords('f.csv', 'a\rb\rc').records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('uses only the comma as delimiter, whatever the text looks like', () => {
    expect(readCsvRecords('f.csv', 'a;b\tc|d\n').records).toEqual([{ line: 1, fields: ['a;b\tc|d'] }]);
  });

  it('drops a record with a stray quote after a closing quote, with a warning', () => {
    const { records, warnings } = readCsvRecords('f.csv', 'h1,h2\n"x"y",2\n3,4\n');
    expect(records.map((r) => r.line)).toEqual([1, 3]);
    expect(warnings).toMatchObject([{ file: 'f.csv', line: 2, message: expect.stringMatching(/malformed quoting.*row skipped/) }]);
  });

  it('throws ParseError with the starting line when a quoted field never closes', () => {
    try {
      readCsvRecords('f.csv', 'h1,h2\n1,2\n3,"never\nclosed\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).line).toBe(3);
      expect((error as ParseError).message).toBe('f.csv, line 3: a quoted field starting in this record is never closed: the file is truncated or malformed');
    }
  });

  it('returns records in line order or throws ParseError for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' '), maxLength: 200 }), (text) => {
        parsesOrRefuses(() => {
          const { records } = readCsvRecords('f.csv', text);
          for (let i = 1; i < records.length; i++) expect(records[i]?.line).toBeGreaterThanOrEqual(records[i - 1]?.line ?? 0);
        });
      }),
      { numRuns: 500 },
    );
  });
});
