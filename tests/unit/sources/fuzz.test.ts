/**
 * Random and mutated bytes into every parser: each either reads the file or throws a ParseError
 * that names the file — never another exception (TypeError, RangeError…), never a hang. Mutations
 * start from the project's fixtures in the official formats, so they reach deep into each parser
 * (truncations, flipped bytes, spliced lines, a zip whose sheet XML is damaged), where random bytes
 * alone stop at the first check.
 */
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseAustraliaDfat } from '../../../src/sources/australia-dfat';
import { parseCanadaSema } from '../../../src/sources/canada-sema';
import { ParseError } from '../../../src/sources/errors';
import { parseOfacLegacy } from '../../../src/sources/ofac-legacy';
import { parseOpenSanctionsSimple } from '../../../src/sources/opensanctions';
import { readSources } from '../../../src/sources/read-sources';
import { parseSipriMilex } from '../../../src/sources/sipri-milex';
import { parseSipriTivTable } from '../../../src/sources/sipri-tiv-table';
import { parseSipriTradeRegister } from '../../../src/sources/sipri-trade-register';
import { parseUkHmt } from '../../../src/sources/uk-hmt';
import { parseUnConsolidated } from '../../../src/sources/un-consolidated';
import { readXlsx } from '../../../src/sources/xlsx';
import { readFixture } from '../../support/shared';

interface Target {
  name: string;
  /** A fixture in the parser's format, to mutate. */
  seed: Uint8Array;
  parse(bytes: Uint8Array): unknown;
  /** The seed is a zip (xlsx): mutate the XML parts inside it too. */
  zip?: boolean;
}

const fixture = (...parts: string[]): Uint8Array => readFixture('sources', ...parts);

const TARGETS: Target[] = [
  { name: 'UN consolidated XML', seed: fixture('un', 'small-list.xml'), parse: (b) => parseUnConsolidated('un.xml', b) },
  { name: 'Canada SEMA XML', seed: fixture('canada', 'sema-small.xml'), parse: (b) => parseCanadaSema('sema.xml', b) },
  { name: 'UK HMT CSV', seed: fixture('uk', 'uk-list-sample.csv'), parse: (b) => parseUkHmt('conlist.csv', b) },
  {
    name: 'OFAC legacy CSV (sdn + alt + add + comments)',
    seed: fixture('ofac', 'primary-records.csv'),
    parse: (b) =>
      parseOfacLegacy(
        { sdn: { name: 'sdn.csv', bytes: b }, alt: { name: 'alt.csv', bytes: fixture('ofac', 'aliases.csv') }, add: { name: 'add.csv', bytes: b }, comments: { name: 'sdn_comments.csv', bytes: b } },
        'sdn',
      ),
  },
  { name: 'OpenSanctions targets.simple.csv', seed: fixture('opensanctions', 'ua_war_sanctions', 'simple-export.csv'), parse: (b) => parseOpenSanctionsSimple('targets.simple.csv', b) },
  { name: 'SIPRI trade register', seed: fixture('sipri', 'deals.csv'), parse: (b) => parseSipriTradeRegister('trade-register.csv', b) },
  { name: 'SIPRI TIV table', seed: fixture('sipri', 'tiv-importers.csv'), parse: (b) => parseSipriTivTable('tiv-importers.csv', b) },
  { name: 'SIPRI milex workbook', seed: fixture('xlsx', 'sipri-milex.xlsx'), parse: (b) => parseSipriMilex('milex.xlsx', b), zip: true },
  { name: 'Australia DFAT workbook', seed: fixture('xlsx', 'australia-dfat.xlsx'), parse: (b) => parseAustraliaDfat('dfat.xlsx', b), zip: true },
  { name: 'xlsx reader', seed: fixture('xlsx', 'quirks.xlsx'), parse: (b) => readXlsx('quirks.xlsx', b), zip: true },
];

/** Runs `parse`; returns the exception when it is not a ParseError (undefined when all is well). */
function unexpectedFailure(parse: () => unknown): unknown {
  try {
    parse();
    return undefined;
  } catch (error) {
    if (error instanceof ParseError && error.message.length > 0 && error.file.length > 0) return undefined;
    return error;
  }
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'duplicate'; from: number; length: number; at: number }
  | { kind: 'delete'; from: number; length: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }).map((m) => ({ kind: m.kind, at: m.at })),
  fc.record({ kind: fc.constant('flip' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }).map((m) => ({ ...m, at: m.at })),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 64 }),
      fc.constantFrom(...['"', '\r\n', ',,,,', '<', '</', '&amp;', '&#0;', '\u202e', '\uFEFF', '<!ENTITY x "y">', ']]>', '\0'].map((s) => new TextEncoder().encode(s))),
    ),
  }).map((m) => ({ kind: m.kind, at: m.at, bytes: m.bytes })),
  fc.record({ kind: fc.constant('duplicate' as const), from: position, length: fc.integer({ min: 1, max: 400 }), at: position }),
  fc.record({ kind: fc.constant('delete' as const), from: position, length: fc.integer({ min: 1, max: 400 }) }),
);

function mutate(seed: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = seed;
  const index = (fraction: number): number => Math.floor(fraction * bytes.length);
  for (const m of mutations) {
    switch (m.kind) {
      case 'truncate':
        bytes = bytes.slice(0, index(m.at));
        break;
      case 'flip': {
        if (bytes.length === 0) break;
        bytes = bytes.slice();
        bytes[Math.min(index(m.at), bytes.length - 1)] = m.value;
        break;
      }
      case 'insert': {
        const at = index(m.at);
        bytes = concat(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
        break;
      }
      case 'duplicate': {
        const from = index(m.from);
        const at = index(m.at);
        bytes = concat(bytes.subarray(0, at), bytes.subarray(from, from + m.length), bytes.subarray(at));
        break;
      }
      case 'delete': {
        const from = index(m.from);
        bytes = concat(bytes.subarray(0, from), bytes.subarray(from + m.length));
        break;
      }
    }
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Mutates one XML part of a zip and zips it again: damage a zip reader alone would not catch. */
function mutateZipPart(seed: Uint8Array, part: number, mutations: readonly Mutation[]): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(seed);
  const names = Object.keys(files).filter((n) => n.endsWith('.xml')).sort();
  const name = names[part % names.length];
  if (!name) return seed;
  files[name] = mutate(files[name]!, mutations);
  return zipSync(files);
}

const RUNS = 120;

describe('every parser under random and mutated bytes', () => {
  for (const target of TARGETS) {
    it(`${target.name}: random bytes give a ParseError or a result, nothing else`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
          expect(unexpectedFailure(() => target.parse(bytes))).toBeUndefined();
        }),
        { numRuns: RUNS },
      );
    });

    it(`${target.name}: mutated copies of a real-format file give a ParseError or a result, nothing else`, () => {
      expect(unexpectedFailure(() => target.parse(target.seed))).toBeUndefined();
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          expect(unexpectedFailure(() => target.parse(mutate(target.seed, mutations)))).toBeUndefined();
        }),
        { numRuns: RUNS },
      );
    });

    if (target.zip) {
      it(`${target.name}: a workbook with damaged XML inside gives a ParseError or a result`, () => {
        fc.assert(
          fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (part, mutations) => {
            expect(unexpectedFailure(() => target.parse(mutateZipPart(target.seed, part, mutations)))).toBeUndefined();
          }),
          { numRuns: RUNS },
        );
      });
    }
  }

  it('readSources reports every bad file and never throws, whatever the names and bytes', () => {
    const fileName = fc.constantFrom('sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv', 'cons_prim.csv', 'un.xml', 'conlist.csv', 'targets.simple.csv', 'x.xlsx', 'trade-register.csv', 'a.bin', 'sema.xml');
    const seeded = fc.tuple(fc.constantFrom(...TARGETS), fc.array(mutation, { maxLength: 3 })).map(([t, m]) => mutate(t.seed, m));
    const file = fc.record({ name: fileName, bytes: fc.oneof(fc.uint8Array({ maxLength: 2048 }), seeded) });
    fc.assert(
      fc.property(fc.array(file, { maxLength: 4 }), (files) => {
        const data = readSources(files);
        for (const report of data.files) if (!report.ok) expect(report.error?.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
  });
});
