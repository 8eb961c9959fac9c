/**
 * Which cells of an .xlsx workbook hold dates: the number formats of its styles part, and Excel's
 * date serials turned into ISO dates.
 */
import { type ZipReader, readPartRecords } from './xlsx-zip';
import { diagnostic } from './diagnostics';

/** What a date-formatted cell shows: a day, or a day with a time. */
export type DateStyle = 'date' | 'datetime';

/** Built-in number formats that show dates (14–17, 22) or times (18–21, 45–47), from ECMA-376 §18.8.30. */
const BUILTIN_DATE_FORMATS: ReadonlyMap<number, DateStyle> = new Map([
  [14, 'date'], [15, 'date'], [16, 'date'], [17, 'date'],
  [18, 'datetime'], [19, 'datetime'], [20, 'datetime'], [21, 'datetime'], [22, 'datetime'],
  [45, 'datetime'], [46, 'datetime'], [47, 'datetime'],
]);

/** Cell style index (the `s` attribute) → how the date shows, for date-formatted styles only. */
export function readDateStyles(zip: ZipReader, part: string): Map<number, DateStyle> {
  const customFormats = new Map<number, DateStyle | null>();
  const styles = new Map<number, DateStyle>();
  // <xf> appears under both <cellStyleXfs> and <cellXfs>; the `s` attribute indexes <cellXfs>.
  // Nothing but <xf> records sits inside either, so the last container opened tells them apart.
  let section = '';
  let index = 0;
  readPartRecords(
    zip,
    part,
    diagnostic('diagXlsxPart', part),
    ['numFmt', 'xf'],
    (record) => {
      const id = Number(record.attributes['numFmtId']);
      if (record.name === 'numFmt') {
        // <dxf> (conditional formats) also hold <numFmt>s; only those under <numFmts> define ids.
        if (section === 'numFmts') customFormats.set(id, dateStyleOfFormat(record.attributes['formatCode'] ?? ''));
      } else if (section === 'cellXfs') {
        const style = customFormats.has(id) ? customFormats.get(id) : BUILTIN_DATE_FORMATS.get(id);
        if (style) styles.set(index, style);
        index++;
      }
    },
    (name) => {
      section = name;
    },
  );
  return styles;
}

/**
 * Whether a custom number format code shows a date or time. Quoted text, escaped characters and
 * bracketed parts ([Red], [$-C09] locales) are removed first, so only format tokens remain; a
 * d/m/y token then means a date, an h/s token a time.
 */
function dateStyleOfFormat(code: string): DateStyle | null {
  const section = code.split(';')[0] ?? '';
  const tokens = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '');
  if (/[hs]/i.test(tokens)) return 'datetime';
  if (/[dmy]/i.test(tokens)) return 'date';
  return null;
}

/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2_958_465;

/**
 * An Excel date serial as an ISO string: 'YYYY-MM-DD' for `date`, 'YYYY-MM-DDTHH:MM:SS' for
 * `datetime` (times rounded to the second). For parsers that meet a serial in a cell whose format
 * does not say "date". Serials count days from 1899-12-31 (serial 1 = 1900-01-01),
 * except that Excel counts 1900-02-29, which never existed (kept for Lotus 1-2-3 compatibility),
 * so from serial 61 on the epoch is 1899-12-30. 1904-based workbooks count from 1904-01-01.
 * Undefined for serials outside Excel's date range.
 */
export function excelSerialToIso(serial: number, style: DateStyle = 'date', date1904 = false): string | undefined {
  if (serial < 0 || serial > MAX_SERIAL) return undefined;
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else epoch = serial < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const iso = new Date(epoch + Math.round(serial * 86_400) * 1000).toISOString();
  return style === 'date' ? iso.slice(0, 10) : iso.slice(0, 19);
}
