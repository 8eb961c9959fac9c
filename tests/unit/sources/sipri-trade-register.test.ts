import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { splitSipriName } from '../../../src/sources/sipri-export';
import { parseSipriTradeRegister } from '../../../src/sources/sipri-trade-register';
import { ParseError } from '../../../src/sources/errors';
import { HAS_SHARED, SHARED_MISSING, readFixture, readSharedData } from '../../support/shared';
import { assertAnyBytesParseOrRefuse, parseErrorOf, parsesOrRefuses } from '../../support/parser-properties';

const FIXTURE = 'trade-register.csv';
/** Bytes of a fixture; by default the register's, which the tests pass as FIXTURE, SIPRI's own file name. */
const fixture = (name = 'deals.csv'): Uint8Array => readFixture('sources', 'sipri', name);

describe('parseSipriTradeRegister on the fixture', () => {
  const result = parseSipriTradeRegister(FIXTURE, fixture());

  it('reads every deal and the data date from the preamble', () => {
    expect(result.deals).toHaveLength(12);
    expect(result.dataDate).toBe('2026-02-03');
    expect(result.warnings).toEqual([]);
  });

  it('reads a multi-year deal field by field, with the three uncertainty flags', () => {
    expect(result.deals[0]).toEqual({
      recipient: 'Myanmar',
      supplier: 'Russia',
      orderYear: 2017,
      orderYearUncertain: true,
      numberOrdered: 4,
      numberOrderedUncertain: true,
      weaponDesignation: 'TX-7 Testbird',
      weaponDescription: 'trainer aircraft',
      numberDelivered: 4,
      numberDeliveredUncertain: false,
      deliveryYears: [2018, 2019],
      status: 'New',
      comments: '',
      tivPerUnit: 6.5,
      tivTotalOrder: 26,
      tivDelivered: 26,
    });
    expect(result.deals[1]?.numberDeliveredUncertain).toBe(true);
    expect(result.deals[1]?.orderYearUncertain).toBe(false);
  });

  it('decodes Windows-1252 (ä, ö, ±) in comments', () => {
    expect(result.deals[3]?.comments).toBe('Tästwerk 12V-99 (±5000hp) diesel engine for 1 Köpenick test ship');
    expect(result.deals[11]?.weaponDesignation).toBe('Mjölner-T');
  });

  it('splits "; "-separated delivery years', () => {
    expect(result.deals[4]?.deliveryYears).toEqual([2020, 2021, 2022, 2023, 2024]);
  });

  it('keeps undelivered orders with no years and zero delivered TIV', () => {
    const albania = result.deals[7];
    expect(albania).toMatchObject({ recipient: 'Albania', numberDelivered: 0, deliveryYears: [], tivDelivered: 0, tivTotalOrder: 13 });
  });

  it('reads an empty "Number ordered" and "TIV for total order" as unknown', () => {
    expect(result.deals[8]).toMatchObject({ numberOrdered: null, tivTotalOrder: null, tivPerUnit: 45, tivDelivered: 0 });
  });

  it('keeps names as SIPRI writes them, markers included', () => {
    expect(result.deals.map((deal) => deal.recipient)).toContain('Ruritania rebels*');
    expect(result.deals.map((deal) => deal.recipient)).toContain('United Nations**');
    expect(result.deals.map((deal) => deal.supplier)).toContain('unknown supplier(s)');
  });

  it('keeps the three status values', () => {
    expect(new Set(result.deals.map((deal) => deal.status))).toEqual(
      new Set(['New', 'Second hand', 'Second hand but modernized']),
    );
  });

  it('falls back to options.dataDate only when the file has no date line', () => {
    const text = new TextDecoder('windows-1252').decode(fixture()).replace(/^Data generated:.*$/m, '');
    const bytes = new TextEncoder().encode(text.replace(/[^\x00-\x7f]/g, '?'));
    expect(parseSipriTradeRegister(FIXTURE, bytes, { dataDate: '2026-01-01' }).dataDate).toBe('2026-01-01');
    expect(parseSipriTradeRegister(FIXTURE, bytes).dataDate).toBeNull();
    expect(parseSipriTradeRegister(FIXTURE, fixture(), { dataDate: '2026-01-01' }).dataDate).toBe('2026-02-03');
  });

  it('reads a UTF-8 re-save of the file correctly, with a warning', () => {
    const utf8 = new TextEncoder().encode(new TextDecoder('windows-1252').decode(fixture()));
    const again = parseSipriTradeRegister(FIXTURE, utf8);
    expect(again.deals).toEqual(result.deals);
    expect(again.warnings).toMatchObject([{ file: FIXTURE, message: expect.stringContaining('UTF-8') }]);
  });

  it('reads CRLF line endings like LF', () => {
    const crlf = new TextEncoder().encode(
      new TextDecoder('windows-1252').decode(fixture()).replace(/\n/g, '\r\n').replace(/[^\x00-\x7f]/g, '?'),
    );
    expect(parseSipriTradeRegister(FIXTURE, crlf).deals).toHaveLength(12);
  });
});

describe('parseSipriTradeRegister on bad rows', () => {
  const file = 'deals-bad-rows.csv';
  const result = parseSipriTradeRegister(file, fixture(file));

  it('skips each unreadable row with a warning naming its line', () => {
    const skipped = result.warnings.filter((warning) => warning.message.endsWith('row skipped'));
    expect(skipped.map((warning) => warning.line)).toEqual([14, 15, 16, 20, 21]);
    expect(skipped[0]?.message).toBe('expected 16 columns, found 17; row skipped');
    expect(skipped[1]?.message).toContain('"19x7", not a year');
    expect(skipped[2]?.message).toContain('"!"');
    expect(skipped.every((warning) => warning.file === file)).toBe(true);
  });

  it('keeps rows with an unknown status or undated delivery, noting them', () => {
    expect(result.deals.map((deal) => deal.weaponDesignation)).toEqual(['TX-7 Testbird', 'TX-11 Testbird', 'TX-12 Testbird']);
    expect(result.warnings).toContainEqual(expect.objectContaining({ file, line: 18, message: 'unknown status "Leased"' }));
    expect(result.warnings).toContainEqual(expect.objectContaining({ file, line: 19, message: 'delivered TIV without any year of delivery' }));
  });
});

describe('parseSipriTradeRegister on files it cannot read', () => {
  it('rejects a file cut in the middle of a row, naming the line', () => {
    const bytes = fixture();
    const error = parseErrorOf(() => parseSipriTradeRegister(FIXTURE, bytes.slice(0, bytes.length - 20)));
    expect(error.file).toBe(FIXTURE);
    expect(error.line).toBe(24);
    expect(error.message).toContain('cut short');
  });

  it('rejects a file cut inside the preamble', () => {
    const error = parseErrorOf(() => parseSipriTradeRegister(FIXTURE, fixture().slice(0, 400)));
    expect(error.message).toContain('no header row');
  });

  it('rejects a file with a header but no deals', () => {
    const text = new TextDecoder('windows-1252').decode(fixture());
    const headerOnly = text.split('\n').slice(0, 12).join('\n') + '\n';
    const error = parseErrorOf(() => parseSipriTradeRegister(FIXTURE, new TextEncoder().encode(headerOnly)));
    expect(error.line).toBe(12);
    expect(error.message).toContain('no deals');
  });

  it('rejects a TIV table, saying what it is', () => {
    const error = parseErrorOf(() => parseSipriTradeRegister('tiv-importers.csv', fixture('tiv-importers.csv')));
    expect(error.file).toBe('tiv-importers.csv');
    expect(error.line).toBe(10);
    expect(error.message).toContain('SIPRI TIV table');
  });

  it('rejects a sanctions list', () => {
    const error = parseErrorOf(() => parseSipriTradeRegister('sanctions-list.csv', fixture('sanctions-list.csv')));
    expect(error.message).toContain('not a SIPRI trade register');
  });

  it('rejects a header with a renamed column, naming it', () => {
    const text = new TextDecoder('windows-1252').decode(fixture()).replace(',Number delivered,', ',Delivered,');
    const error = parseErrorOf(() => parseSipriTradeRegister(FIXTURE, new TextEncoder().encode(text.replace(/[^\x00-\x7f]/g, '?'))));
    expect(error.line).toBe(12);
    expect(error.message).toContain('column 9');
  });

  it('rejects an empty file', () => {
    expect(() => parseSipriTradeRegister(FIXTURE, new Uint8Array())).toThrow(ParseError);
  });

  it('returns a result or throws ParseError for any bytes', () => {
    assertAnyBytesParseOrRefuse((bytes) => parseSipriTradeRegister('random.csv', bytes), { maxLength: 2000, numRuns: 300 });
  });

  it('returns a result or throws ParseError for any text after a valid header', () => {
    const head = new TextDecoder('windows-1252').decode(fixture()).split('\n').slice(0, 12).join('\n') + '\n';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(',', ';', ' ', '?', '"', '\n', '1', '9', 'a', '.', '*') }), (tail) => {
        parsesOrRefuses(() => {
          const result = parseSipriTradeRegister('random.csv', new TextEncoder().encode(head + tail));
          for (const deal of result.deals) expect(deal.deliveryYears).toEqual([...deal.deliveryYears].sort());
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitSipriName', () => {
  it('tells states, non-state actors, organisations and unknowns apart', () => {
    expect(splitSipriName('Hezbollah (Lebanon)*')).toEqual({ name: 'Hezbollah (Lebanon)', kind: 'non-state' });
    expect(splitSipriName('NATO**')).toEqual({ name: 'NATO', kind: 'organisation' });
    expect(splitSipriName('unknown supplier(s)')).toEqual({ name: 'unknown supplier(s)', kind: 'unknown' });
    expect(splitSipriName(' Soviet Union ')).toEqual({ name: 'Soviet Union', kind: 'state' });
  });
});

describe.skipIf(!HAS_SHARED)(HAS_SHARED ? 'parseSipriTradeRegister on the real register' : `parseSipriTradeRegister on the real register (${SHARED_MISSING})`, () => {
  const file = 'trade-register.csv';
  const started = performance.now();
  const result = HAS_SHARED ? parseSipriTradeRegister(file, readSharedData('sipri', file)) : null;
  const elapsedMs = performance.now() - started;

  it('reads all 29,916 deals without warnings, dated 18 May 2026', () => {
    console.log(`sipri trade register: ${result?.deals.length} deals parsed in ${elapsedMs.toFixed(0)} ms`);
    expect(result?.deals).toHaveLength(29_916);
    expect(result?.warnings).toEqual([]);
    expect(result?.dataDate).toBe('2026-05-18');
  });

  it('has 255 recipients, 138 suppliers, orders 1940–2025 and deliveries 1950–2025', () => {
    const deals = result?.deals ?? [];
    expect(new Set(deals.map((deal) => deal.recipient)).size).toBe(255);
    expect(new Set(deals.map((deal) => deal.supplier)).size).toBe(138);
    const orderYears = deals.flatMap((deal) => (deal.orderYear === null ? [] : [deal.orderYear]));
    const deliveryYears = deals.flatMap((deal) => deal.deliveryYears);
    expect([Math.min(...orderYears), Math.max(...orderYears)]).toEqual([1940, 2025]);
    expect([Math.min(...deliveryYears), Math.max(...deliveryYears)]).toEqual([1950, 2025]);
  });

  it('has 27 Russia→Myanmar deals and 1 Soviet Union→Myanmar deal', () => {
    const deals = result?.deals ?? [];
    expect(deals.filter((deal) => deal.supplier === 'Russia' && deal.recipient === 'Myanmar')).toHaveLength(27);
    expect(deals.filter((deal) => deal.supplier === 'Soviet Union' && deal.recipient === 'Myanmar')).toHaveLength(1);
  });

  it('reads the 2018 Yak-130 deal for Myanmar field by field', () => {
    const yak = result?.deals.find((deal) => deal.weaponDesignation === 'Yak-130' && deal.recipient === 'Myanmar' && deal.orderYear === 2018);
    expect(yak).toEqual({
      recipient: 'Myanmar',
      supplier: 'Russia',
      orderYear: 2018,
      orderYearUncertain: true,
      numberOrdered: 8,
      numberOrderedUncertain: true,
      weaponDesignation: 'Yak-130',
      weaponDescription: 'trainer/combat aircraft',
      numberDelivered: 8,
      numberDeliveredUncertain: false,
      deliveryYears: [2018, 2019],
      status: 'New',
      comments: '',
      tivPerUnit: 10.5,
      tivTotalOrder: 84,
      tivDelivered: 84,
    });
  });

  it('decodes Windows-1252 letters in the real comments', () => {
    expect(result?.deals.some((deal) => deal.comments.includes('Wärtsilä'))).toBe(true);
    expect(result?.deals.some((deal) => /[\u0080-\u009f\ufffd]|Ã/.test(deal.comments))).toBe(false);
  });
});
