import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx, type XlsxWorkbook } from '../../../src/sources/xlsx';
import { excelSerialToIso } from '../../../src/sources/xlsx-styles';
import { HAS_SHARED, SHARED_MISSING, readFixture, readSharedData } from '../../support/shared';
import { parseErrorOf, parsesOrRefuses } from '../../support/parser-properties';

const fixture = (name: string): Uint8Array => readFixture('sources', 'xlsx', name);

/**
 * A copy of a zip whose central directory declares another uncompressed size for `entryName`
 * (fflate takes sizes from the central directory). Used to fake zip bombs without storing one.
 */
function withDeclaredSize(zip: Uint8Array, entryName: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name === entryName) {
      view.setUint32(at + 24, size, true);
      return bytes;
    }
  }
  throw new Error(`no central directory entry ${entryName}`);
}

function rowsOf(workbook: XlsxWorkbook, sheet: string): unknown[][] {
  const found = workbook.sheets.get(sheet);
  if (!found) throw new Error(`sheet ${sheet} was not read`);
  return found.rows;
}

describe('readXlsx', () => {
  it('reads shared, rich, inline, boolean, formula and error cells, with row and column gaps kept and trailing empties dropped', () => {
    const workbook = readXlsx('quirks.xlsx', fixture('quirks.xlsx'));
    expect(workbook.sheetNames).toEqual(['Values', 'Dates', 'Skipped']);
    expect(rowsOf(workbook, 'Values')).toEqual([
      ['Plain', 'Rich text', 'Inline', 'Inline rich', true, false, 'X', '#DIV/0!', 42.5, null, '  padded  ', 'Tom & Jerry <3'],
      [],
      ['A3', null, 'C3'],
      ['no r attribute', 7],
      ['x'],
    ]);
  });

  it('turns date-formatted numbers into ISO dates and leaves other formats as numbers', () => {
    const rows = rowsOf(readXlsx('quirks.xlsx', fixture('quirks.xlsx')), 'Dates');
    expect(Object.fromEntries(rows.map((row) => [row[0], row[1]]))).toEqual({
      'builtin 14': '2023-02-01',
      'custom d mmmm yyyy with locale': '2022-02-25',
      'custom dd/mm/yyyy': '1986-08-22',
      '0.0 is not a date': 12.5,
      'quoted "day " is not a date': 7,
      '[Red] is not a date': 3.25,
      'builtin 22 date and time': '2024-11-11T12:00:00',
      'custom date and time': '2024-11-11T18:00:00',
      'percent is a fraction': 0.046,
      'serial 59 before the 1900 leap bug': '1900-02-28',
      'serial 61 after the 1900 leap bug': '1900-03-01',
      'time part in a date-only format': '2023-02-01',
      't="d" ISO date cell': '2021-05-06',
      'general number stays a number': 44958,
    });
  });

  it('reads only the sheets asked for, by name or by a test on the name, and still lists all', () => {
    const byName = readXlsx('quirks.xlsx', fixture('quirks.xlsx'), { sheets: ['Dates', 'No such sheet'] });
    expect([...byName.sheets.keys()]).toEqual(['Dates']);
    expect(byName.sheetNames).toEqual(['Values', 'Dates', 'Skipped']);
    const byTest = readXlsx('quirks.xlsx', fixture('quirks.xlsx'), { sheets: (name) => name.startsWith('V') });
    expect([...byTest.sheets.keys()]).toEqual(['Values']);
  });

  it('counts dates from 1904-01-01 in a 1904-based workbook', () => {
    expect(rowsOf(readXlsx('date1904.xlsx', fixture('date1904.xlsx')), 'Sheet1')).toEqual([['1904-01-01', '1905-01-01']]);
  });

  it('reads a workbook without styles, shared strings or package relationships', () => {
    expect(rowsOf(readXlsx('minimal.xlsx', fixture('minimal.xlsx')), 'Only')).toEqual([['inline only', 1]]);
  });

  describe('bad input', () => {
    it('refuses a file that is not a zip archive', () => {
      const error = parseErrorOf(() => readXlsx('list.xlsx', new TextEncoder().encode('Reference,Name\n1,TESTOV\n')));
      expect(error.message).toBe('list.xlsx: not an XLSX workbook (the file is not a zip archive)');
    });

    it('refuses an empty file', () => {
      expect(parseErrorOf(() => readXlsx('empty.xlsx', new Uint8Array())).message).toBe('empty.xlsx: file is empty');
    });

    it('refuses a truncated workbook', () => {
      const bytes = fixture('quirks.xlsx');
      const error = parseErrorOf(() => readXlsx('cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2))));
      expect(error.message).toMatch(/^cut\.xlsx: not an XLSX workbook \(the zip archive is damaged or truncated/);
    });

    it('refuses a zip that is not a workbook', () => {
      expect(parseErrorOf(() => readXlsx('hello.zip', fixture('not-a-workbook.zip'))).message).toBe(
        'hello.zip: not an XLSX workbook (a zip archive, but it has no xl/workbook.xml)',
      );
    });

    it('names the sheet whose part is missing', () => {
      expect(parseErrorOf(() => readXlsx('gone.xlsx', fixture('missing-sheet-part.xlsx'))).message).toBe(
        'gone.xlsx: sheet "Gone" is missing its part xl/worksheets/sheet1.xml: the workbook is incomplete',
      );
    });

    it('names the sheet, its part and the XML line of malformed sheet XML', () => {
      const error = parseErrorOf(() => readXlsx('broken.xlsx', fixture('malformed-sheet.xlsx')));
      expect(error.file).toBe('broken.xlsx');
      expect(error.message).toMatch(/^broken\.xlsx: sheet "Broken" \(xl\/worksheets\/sheet1\.xml\), line 5: malformed XML/);
    });

    it('refuses a sheet whose DOCTYPE declares entities', () => {
      expect(parseErrorOf(() => readXlsx('bomb.xlsx', fixture('entity-bomb.xlsx'))).message).toMatch(/sheet "Bomb".*possible entity bomb/);
    });

    it('refuses a cell reference outside its row', () => {
      expect(parseErrorOf(() => readXlsx('refs.xlsx', fixture('bad-cell-reference.xlsx'))).message).toBe(
        'refs.xlsx: sheet "Refs" (xl/worksheets/sheet1.xml), line 2: cell reference "A3" is not a cell of row 2',
      );
    });

    it('refuses a part that declares more than 200 MB before inflating it', () => {
      const bomb = withDeclaredSize(fixture('quirks.xlsx'), 'xl/worksheets/sheet1.xml', 300 * 1024 * 1024);
      expect(parseErrorOf(() => readXlsx('bomb.xlsx', bomb)).message).toMatch(/part xl\/worksheets\/sheet1\.xml would inflate to 314572800 bytes.*possible zip bomb/);
    });

    it('refuses parts that together declare more than 400 MB', () => {
      let bomb = fixture('quirks.xlsx');
      for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']) bomb = withDeclaredSize(bomb, part, 190 * 1024 * 1024);
      expect(parseErrorOf(() => readXlsx('bomb.xlsx', bomb)).message).toMatch(/the workbook would inflate to \d+ bytes, more than the 419430400-byte limit/);
    });

    it('does not count a sheet that was not asked for against the limits', () => {
      const bomb = withDeclaredSize(fixture('quirks.xlsx'), 'xl/worksheets/sheet3.xml', 300 * 1024 * 1024);
      expect(readXlsx('bomb.xlsx', bomb, { sheets: ['Dates'] }).sheets.get('Dates')?.rows.length).toBe(14);
    });

    it('fails cleanly when a part is larger than it declares', () => {
      const liar = withDeclaredSize(fixture('quirks.xlsx'), 'xl/worksheets/sheet1.xml', 200);
      expect(parseErrorOf(() => readXlsx('liar.xlsx', liar)).file).toBe('liar.xlsx');
    });

    it('returns a workbook or throws ParseError for any bytes, never another error', () => {
      const outcome = (bytes: Uint8Array): void => {
        parsesOrRefuses(() => {
          readXlsx('random.xlsx', bytes);
        });
      };
      const zipLike = fc.uint8Array({ maxLength: 2048 }).map((tail) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail]));
      fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 2048 }), zipLike), outcome), { numRuns: 300 });
    });

    it('returns a workbook or throws ParseError for a workbook with random bytes changed', () => {
      const original = fixture('quirks.xlsx');
      const damaged = fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((changes) => {
        const bytes = original.slice();
        for (const [at, value] of changes) bytes[at] = value;
        return bytes;
      });
      fc.assert(
        fc.property(damaged, (bytes) => {
          parsesOrRefuses(() => {
            readXlsx('damaged.xlsx', bytes);
          });
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('excelSerialToIso', () => {
  it('converts serials in the 1900 system, skipping the fictitious 1900-02-29', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45607)).toBe('2024-11-11');
  });

  it('gives a time with `datetime`, rounded to the second', () => {
    expect(excelSerialToIso(45607.5000001, 'datetime')).toBe('2024-11-11T12:00:00');
  });

  it('counts from 1904-01-01 in the 1904 system', () => {
    expect(excelSerialToIso(0, 'date', true)).toBe('1904-01-01');
  });

  it('gives nothing for serials outside Excel dates', () => {
    expect(excelSerialToIso(-1)).toBeUndefined();
    expect(excelSerialToIso(3_000_000)).toBeUndefined();
  });
});

describe.skipIf(!HAS_SHARED)(`readXlsx on the real workbooks (${HAS_SHARED ? 'shared/data' : SHARED_MISSING})`, () => {
  it('reads the DFAT sheet: header, 9,553 data rows, and nothing past column L but one stray space', () => {
    const sheet = readXlsx('regulation8_consolidated.xlsx', readSharedData('australia', 'regulation8_consolidated.xlsx')).sheets.get('Sheet1')!;
    expect(sheet.rows[0]).toEqual([
      'Reference', 'Name of Individual or Entity', 'Type', 'Name Type', 'Date of Birth', 'Place of Birth',
      'Citizenship', 'Address', 'Additional Information', 'Listing Information', 'Committees', 'Control Date',
    ]);
    expect(sheet.rows.length - 1).toBe(9553);
    const wide = sheet.rows.flatMap((row, r) => (row.length > 12 ? [[r + 1, row.slice(12)]] : []));
    expect(wide).toEqual([[9486, [' ']]]);
  });

  it('reads only the two milex sheets asked for', () => {
    const workbook = readXlsx('milex.xlsx', readSharedData('sipri', 'milex', 'SIPRI-Milex-data-1948-2023.xlsx'), { sheets: ['Constant (2022) US$', 'Share of GDP'] });
    expect(workbook.sheetNames).toHaveLength(10);
    expect([...workbook.sheets.keys()]).toEqual(['Constant (2022) US$', 'Share of GDP']);
  });
});
