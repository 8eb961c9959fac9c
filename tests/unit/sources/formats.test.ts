import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import catalogue from '../../../_locales/en/messages.json';
import { FORMAT_TITLES } from '../../../src/sources/detect';
import { englishProblem, wordProblem } from '../../../src/sources/diagnostics';
import { FORMAT_IDS, FORMAT_MESSAGES, formatList } from '../../../src/sources/formats';
import { readSources } from '../../../src/sources/read-sources';

const MESSAGES = catalogue as Record<string, { message: string; description?: string; placeholders?: unknown }>;

/** The format ids detect.ts can answer with, read from its SourceFormat type. */
function detectedFormats(): string[] {
  const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../../src/sources/detect.ts'), 'utf8');
  const type = source.slice(source.indexOf('export type SourceFormat'), source.indexOf(';\n', source.indexOf('export type SourceFormat')));
  return [...type.matchAll(/format: '([a-z-]+)'/g)].map((m) => m[1]!);
}

const ENGLISH_LIST =
  'OFAC legacy CSV; UN Security Council Consolidated List (XML); Canada SEMA consolidated list (XML); UK HM Treasury consolidated list (CSV); ' +
  'OpenSanctions targets.simple.csv; Australia DFAT consolidated list (XLSX); SIPRI trade register (CSV); SIPRI TIV table (CSV); ' +
  'SIPRI Military Expenditure Database (XLSX)';

describe('format names', () => {
  it('every format detect.ts reads has a message of its own, with a description and no placeholder', () => {
    const detected = detectedFormats();
    expect(detected.length).toBeGreaterThan(8);
    expect([...FORMAT_IDS].sort()).toEqual([...detected].sort());
    for (const id of detected) {
      const key = FORMAT_MESSAGES[id as keyof typeof FORMAT_MESSAGES];
      expect(key, id).toBe(`format${id.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase())}`);
      expect(MESSAGES[key]?.message, key).toMatch(/\S/);
      expect(MESSAGES[key]?.description, key).toMatch(/\S/);
      expect(MESSAGES[key]?.placeholders, key).toBeUndefined();
      expect(FORMAT_TITLES[id as keyof typeof FORMAT_TITLES]).toBe(MESSAGES[key]!.message);
    }
  });

  it('reports name the format by id, with the English beside it', () => {
    const uk = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/sources/uk/uk-list-short-row.csv'));
    const [report] = readSources([{ name: 'sanctionsconlist.csv', bytes: new Uint8Array(uk) }]).files;
    expect(report).toMatchObject({ formatId: 'uk-hmt', format: 'UK HM Treasury consolidated list (CSV)', ok: true });
  });

  it('an unknown format carries the format ids and says the same English as before', () => {
    const [report] = readSources([{ name: 'notes.txt', bytes: new TextEncoder().encode('Shopping: bread, milk.\n') }]).files;
    expect(report).toMatchObject({ formatId: null, format: null, ok: false });
    const error = report!.error!;
    expect(error).toMatchObject({ key: 'diagUnknownFormat', values: [formatList(FORMAT_IDS)] });
    expect(error.message).toBe(`notes.txt: not a format Backstory reads (${ENGLISH_LIST})`);
    expect(englishProblem(error)).toBe(error.message);
    // A reader words each id through its own message.
    const marked = wordProblem((key, values) => `<${key}${values.length ? `: ${values.join(' | ')}` : ''}>`, error);
    expect(marked).toBe(`<diagInFile: notes.txt | <diagUnknownFormat: ${FORMAT_IDS.map((id) => `<${FORMAT_MESSAGES[id]}>`).join('; ')}>>`);
    // A reader without a format's message shows the English instead.
    expect(wordProblem((key, values) => (key.startsWith('format') ? null : key + values.join()), error)).toBe(error.message);
  });

  it('an unknown-format problem stored by an older version, with English titles, still reads', () => {
    const stored = { file: 'notes.txt', message: 'old English', key: 'diagUnknownFormat', values: [ENGLISH_LIST] };
    expect(englishProblem(stored)).toBe(`notes.txt: not a format Backstory reads (${ENGLISH_LIST})`);
  });
});
