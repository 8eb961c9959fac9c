/**
 * Test scaffolding the parser tests share: finding an entry by reference, catching the ParseError
 * a call throws, the fast-check properties parsers must hold (arbitrary bytes, or a fixture with
 * a few bytes edited, give a result or a ParseError, never another error), and the entity-bomb
 * check the XML parsers share.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { SourceEntry, SourceParseResult } from '../../src/kb/model';
import { ParseError } from '../../src/sources/errors';

/** The entry with this listing reference; throws (failing the test) when there is none. */
export function entryByReference(result: Pick<SourceParseResult, 'entries'>, reference: string): SourceEntry {
  const found = result.entries.find((e) => e.listing.reference === reference);
  if (!found) throw new Error(`no entry ${reference}`);
  return found;
}

/** The ParseError a call throws, so tests can check its file and line; any other outcome fails the test. */
export function parseErrorOf(call: () => unknown): ParseError {
  try {
    call();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError, but the call succeeded');
}

/** Result or ParseError: true. Anything else thrown is rethrown, which fails the property. */
export function parsesOrRefuses(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error) {
    if (error instanceof ParseError) return true;
    throw error;
  }
}

/** Runs the property "any bytes up to `maxLength` give a result or a ParseError" `numRuns` times. */
export function assertAnyBytesParseOrRefuse(parse: (bytes: Uint8Array) => unknown, options: { maxLength: number; numRuns: number }): void {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: options.maxLength }), (bytes) => parsesOrRefuses(() => parse(bytes))),
    { numRuns: options.numRuns },
  );
}

/**
 * Runs the property "a copy of `original` with one to eight bytes removed or changed gives a
 * result with at least one entry, or a ParseError" `numRuns` times. Small edits to a good file get
 * further into the parser than arbitrary bytes, which most formats refuse at once.
 */
export function assertEditedCopiesParseOrRefuse(original: Uint8Array, parse: (bytes: Uint8Array) => SourceParseResult, options: { numRuns: number }): void {
  const mutation = fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 }), fc.boolean()), { minLength: 1, maxLength: 8 });
  fc.assert(
    fc.property(mutation, (edits) => {
      const bytes = withEdits(original, edits);
      parsesOrRefuses(() => {
        const result = parse(bytes);
        expect(result.entries.length).toBeGreaterThan(0);
      });
    }),
    { numRuns: options.numRuns },
  );
}

/** Parsing a file whose DOCTYPE declares entities (an entity bomb) is refused, within two seconds: nothing was expanded first. */
export function assertRefusesEntityBombQuickly(parse: () => unknown): void {
  const started = Date.now();
  const error = parseErrorOf(parse);
  expect(error.message).toMatch(/DOCTYPE declares entities/);
  expect(Date.now() - started).toBeLessThan(2_000);
}

/** A copy of `original` with each `[at, value, remove]` edit applied in turn: byte `at` removed, or set to `value`. */
export function withEdits(original: Uint8Array, edits: readonly (readonly [number, number, boolean])[]): Uint8Array {
  let bytes = Uint8Array.from(original);
  for (const [at, value, remove] of edits) {
    bytes = remove ? Uint8Array.from([...bytes.slice(0, at), ...bytes.slice(at + 1)]) : bytes.map((b, i) => (i === at ? value : b));
  }
  return bytes;
}

/** A copy of `base` with each mutation applied in turn: cut after byte `at` (keeping one at least), or byte `at` set. */
export function withMutations(base: Uint8Array, mutations: readonly { at: number; byte: number; cut: boolean }[]): Uint8Array {
  let bytes = Uint8Array.from(base);
  for (const m of mutations) {
    if (m.cut) bytes = bytes.subarray(0, Math.max(1, m.at));
    else if (m.at < bytes.length) bytes[m.at] = m.byte;
  }
  return bytes;
}
