import { describe, expect, it } from 'vitest';
import { assertArtifact } from '../../../src/kb/artifact';
import { compileKnowledgeBase } from '../../../src/kb/compile';
import { loadKnowledgeBase } from '../../../src/kb/knowledge-base';
import { readSources, type SourceFile } from '../../../src/sources/read-sources';
import { readFixture } from '../../support/shared';

const FILES: SourceFile[] = [
  { name: 'ofac/sdn.csv', bytes: readFixture('sources', 'ofac', 'primary-records.csv') },
  { name: 'ofac/alt.csv', bytes: readFixture('sources', 'ofac', 'aliases.csv') },
  { name: 'ofac/add.csv', bytes: readFixture('sources', 'ofac', 'locations.csv') },
  { name: 'un/consolidated.xml', bytes: readFixture('sources', 'un', 'small-list.xml') },
  { name: 'sipri/trade-register.csv', bytes: readFixture('sources', 'sipri', 'deals.csv') },
];

describe('compileKnowledgeBase', () => {
  const artifact = compileKnowledgeBase(readSources(FILES));

  it('produces a valid artifact with one card per entity', () => {
    expect(() => assertArtifact(artifact)).not.toThrow();
    expect(artifact.cards.map((c) => c.id)).toEqual(artifact.entityIds);
    expect(artifact.lists.map((l) => l.source).sort()).toEqual(['ofac-sdn', 'un']);
  });

  it('is deterministic: the same files give the same bytes', () => {
    expect(JSON.stringify(compileKnowledgeBase(readSources([...FILES].reverse())))).toBe(JSON.stringify(artifact));
  });

  it('indexes strong names in reading order and never weak aliases', async () => {
    const kb = loadKnowledgeBase(artifact, async (ids) => new Map(artifact.cards.filter((c) => ids.includes(c.id)).map((c) => [c.id, c])));
    const person = artifact.cards.find((c) => c.id === 'ofac-sdn:10001')!;
    expect(person.kind).toBe('person');
    const spotted = await kb.spot([{ text: `Officials said ${person.name} was seen in the capital.` }]);
    expect(spotted.mentions.map((m) => m.entity)).toContain('ofac-sdn:10001');
    // 'VANYA' is a weak a.k.a. in the fixture: it never marks text on its own.
    expect((await kb.spot([{ text: 'Vanya Vanya VANYA' }])).mentions).toEqual([]);
  });

  it('computes arms flows between countries from the register', () => {
    const flows = Object.values(artifact.flows);
    expect(flows.length).toBeGreaterThan(0);
    for (const flow of flows) {
      expect(flow.tiv).toBeGreaterThan(0);
      expect(flow.shareOfRecipientImports).toBeGreaterThan(0);
      expect(flow.shareOfRecipientImports).toBeLessThanOrEqual(1);
      expect(flow.provenance.source).toBe('SIPRI Arms Transfers Database');
    }
  });
});

describe('compiled programmes', () => {
  const artifact = compileKnowledgeBase(readSources(FILES));

  it('names every listing programme in words in the card', () => {
    for (const card of artifact.cards) {
      for (const listing of card.listings) expect(listing.programmeNames?.map((p) => p.code)).toEqual(listing.programmes.map((p) => p.trim()));
    }
    const burma = artifact.cards.flatMap((c) => c.listings).flatMap((l) => l.programmeNames ?? []).find((p) => p.code === 'BURMA-EO14014');
    expect(burma?.title).toMatch(/Burma/);
  });

  it('lists the programmes aimed at a country with how many entries they cover', () => {
    const mm = artifact.countries.MM?.programmes ?? [];
    expect(mm.map((p) => p.code)).toContain('BURMA-EO14014');
    expect(mm.every((p) => p.country === 'MM' && p.entities > 0)).toBe(true);
  });
});
