import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/sources/detect';
import { readSources, type SourceFile } from '../../../src/sources/read-sources';
import { readFixture } from '../../support/shared';

const fixture = (name: string, ...path: string[]): SourceFile => ({ name, bytes: readFixture('sources', ...path) });

const GOOD: SourceFile[] = [
  fixture('ofac/sdn.csv', 'ofac', 'primary-records.csv'),
  fixture('ofac/alt.csv', 'ofac', 'aliases.csv'),
  fixture('ofac/add.csv', 'ofac', 'locations.csv'),
  fixture('ofac/sdn_comments.csv', 'ofac', 'remarks-overflow.csv'),
  fixture('un/consolidated.xml', 'un', 'small-list.xml'),
  fixture('canada/sema-lmes.xml', 'canada', 'sema-small.xml'),
  fixture('uk/conlist.csv', 'uk', 'uk-list-sample.csv'),
  fixture('opensanctions/targets.simple.csv', 'opensanctions', 'ua_war_sanctions', 'simple-export.csv'),
  fixture('australia/regulation8.xlsx', 'xlsx', 'australia-dfat.xlsx'),
  fixture('sipri/trade-register.csv', 'sipri', 'deals.csv'),
  fixture('sipri/importers.csv', 'sipri', 'tiv-importers.csv'),
  fixture('sipri/exporters.csv', 'sipri', 'tiv-exporters.csv'),
  fixture('sipri/milex.xlsx', 'xlsx', 'sipri-milex.xlsx'),
];

describe('detectFormat', () => {
  it.each([
    ['ofac/sdn.csv', 'ofac-legacy'],
    ['un/consolidated.xml', 'un-consolidated'],
    ['canada/sema-lmes.xml', 'canada-sema'],
    ['uk/conlist.csv', 'uk-hmt'],
    ['opensanctions/targets.simple.csv', 'opensanctions-simple'],
    ['australia/regulation8.xlsx', 'australia-dfat'],
    ['sipri/trade-register.csv', 'sipri-trade-register'],
    ['sipri/importers.csv', 'sipri-tiv-table'],
    ['sipri/milex.xlsx', 'sipri-milex'],
  ])('recognises %s as %s', (name, format) => {
    expect(detectFormat(GOOD.find((f) => f.name === name)!)?.format).toBe(format);
  });

  it('recognises nothing in random text', () => {
    expect(detectFormat({ name: 'notes.txt', bytes: new TextEncoder().encode('Shopping list:\nmilk\neggs\n') })).toBeNull();
  });
});

describe('readSources', () => {
  it('reads every format and groups the OFAC files of one list', () => {
    const data = readSources(GOOD);
    expect(data.files.filter((f) => !f.ok)).toEqual([]);
    expect(data.sanctions.map((r) => r.source).sort()).toEqual(
      ['au-dfat', 'ca-sema', 'ofac-sdn', 'opensanctions-ua_war_sanctions', 'uk-hmt', 'un'].sort(),
    );
    expect(data.register?.deals.length).toBeGreaterThan(0);
    expect(data.tivTables.map((t) => t.direction).sort()).toEqual(['exports', 'imports']);
    expect(data.milex?.series.length).toBeGreaterThan(0);
  });

  it('reports each bad file with its name and line, and still reads the others', () => {
    const un = GOOD.find((f) => f.name === 'un/consolidated.xml')!;
    const truncated: SourceFile = { name: 'un/cut.xml', bytes: un.bytes.subarray(0, Math.floor(un.bytes.length / 2)) };
    const bomb = fixture('un/bomb.xml', 'un', 'entity-bomb.xml');
    const garbage: SourceFile = { name: 'photo.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]) };
    const data = readSources([...GOOD, truncated, bomb, garbage]);
    const failed = data.files.filter((f) => !f.ok);
    expect(failed.map((f) => f.file).sort()).toEqual(['photo.jpg', 'un/bomb.xml', 'un/cut.xml']);
    expect(failed.find((f) => f.file === 'un/cut.xml')?.error).toMatchObject({ file: 'un/cut.xml', line: expect.any(Number) });
    expect(failed.find((f) => f.file === 'un/bomb.xml')?.error?.message).toMatch(/entit/i);
    expect(failed.find((f) => f.file === 'photo.jpg')?.error?.message).toMatch(/not a format Backstory reads/);
    expect(data.sanctions).toHaveLength(6);
  });

  it('keeps one copy of a list given twice, and says which was left out', () => {
    const un = GOOD.find((f) => f.name === 'un/consolidated.xml')!;
    const data = readSources([un, { ...un, name: 'old/consolidated.xml' }]);
    expect(data.sanctions).toHaveLength(1);
    expect(data.files.flatMap((f) => f.warnings.map((w) => w.message)).join('\n')).toMatch(/another copy of the same list/);
  });

  it('refuses alias files without their primary file', () => {
    const data = readSources([GOOD[1]!]);
    expect(data.files[0]?.ok).toBe(false);
    expect(data.files[0]?.error?.message).toMatch(/needs its primary file/);
  });
});
