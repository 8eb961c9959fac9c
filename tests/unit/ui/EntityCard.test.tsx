// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityCard as EntityCardData, PairFlowFacts } from '../../../src/kb/card';
import type { Listing } from '../../../src/kb/model';
import { programmeName } from '../../../src/kb/programmes';
import { EntityCard } from '../../../src/ui/EntityCard';

/**
 * The card component rendered for real (happy-dom): what it says for a listed person and for a
 * country. Layout, themes and accessibility are checked in Chromium (tests/e2e/card.test.ts).
 */
const SIPRI = { source: 'SIPRI Arms Transfers Database', url: 'https://www.sipri.org/databases/armstransfers', date: '2026-05-18' };

const PERSON: EntityCardData = {
  id: 'ofac-sdn:27225',
  kind: 'person',
  name: 'Min Aung Hlaing',
  otherNames: ['HLAING, Min Aung'],
  // Programme names are resolved when the knowledge base is compiled (src/kb/compile.ts); as there.
  listings: ([
    { authority: 'US-OFAC', list: 'OFAC SDN List', programmes: ['GLOMAG', 'BURMA-EO14014'], reference: '27225', sourceUrl: 'https://ofac.example/sdn', dataDate: '2026-11-20', listedOn: '2019-12-10' },
    { authority: 'AU', list: 'Australian Consolidated Sanctions List (DFAT)', programmes: ['Autonomous (Myanmar)'], reference: '7317', sourceUrl: 'https://dfat.example', dataDate: '2026-11-21', reasons: 'Commander-in-Chief of the Myanmar Armed Forces' },
  ] satisfies Listing[]).map((listing): Listing => ({ ...listing, programmeNames: listing.programmes.map((code) => programmeName(listing.authority, code)) })),
  birthDates: [{ kind: 'day', date: '1956-07-03' }],
  birthPlaces: ['Dawei, Burma'],
  nationalities: ['MM'],
  positions: [],
  identifiers: [{ type: 'Passport', value: 'DM000826', country: 'MM' }],
};

const FLOW: PairFlowFacts = {
  suppliers: ['Russia'],
  recipients: ['Myanmar'],
  window: { from: 2021, to: 2025 },
  tiv: 376.74,
  recipientImportsTiv: 754.77,
  shareOfRecipientImports: 0.4991,
  byYear: [],
  supplierCode: 'RU',
  recipientCode: 'MM',
  method: 'Sum of TIV delivered in the window.',
  provenance: SIPRI,
};

const COUNTRY: EntityCardData = {
  id: 'country:MM',
  kind: 'country',
  name: 'Myanmar',
  otherNames: [],
  listings: [],
  birthDates: [],
  birthPlaces: [],
  nationalities: [],
  positions: [],
  country: {
    code: 'MM',
    official: 'Republic of the Union of Myanmar',
    capitals: ['Naypyidaw'],
    region: 'Asia',
    provenance: { source: 'world-countries 5.1.0' },
    listedNationals: 94,
    flows: [FLOW],
    milex: { year: 2023, constantUsd: 3562.5, baseYear: 2022, shareOfGdp: 0.0379, provenance: { ...SIPRI, source: 'SIPRI Military Expenditure Database' } },
    arms: {
      window: { from: 2021, to: 2025 },
      previousWindow: { from: 2016, to: 2020 },
      imports: {
        tiv: 754.77, previousTiv: 1107.47, change: -0.3185, rank: 42, rankedStates: 162, worldTiv: 152609, shareOfWorld: 0.00495,
        partners: [{ name: 'Russia', kind: 'state', code: 'RU', tiv: 376.74, share: 0.4991 }, { name: 'China', kind: 'state', code: 'CN', tiv: 327.48, share: 0.4339 }],
      },
      exports: { tiv: 0, previousTiv: 0, change: null, rank: null, rankedStates: 66, worldTiv: 152609, shareOfWorld: 0, partners: [] },
      byYear: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year, i) => ({ year, imports: 100 + i * 10, exports: 0 })),
      provenance: SIPRI,
    },
  },
};

let scratch: HTMLElement;
beforeEach(() => {
  scratch = document.createElement('div');
  document.body.append(scratch);
});
afterEach(() => {
  render(null, scratch);
  scratch.remove();
});

describe('EntityCard for a listed person', () => {
  it('says it is a name-only match when the page was not checked against the listing', () => {
    render(<EntityCard card={PERSON} />, scratch);
    expect(scratch.querySelector('.match')?.getAttribute('data-tier')).toBe('name-only');
    expect(scratch.textContent).toContain('Name-only match.');
  });

  it('shows the match tier and its reasons when the background judged them', () => {
    render(<EntityCard card={{ ...PERSON, match: { tier: 'strong', reasons: ['the page names Myanmar, his nationality'] } }} />, scratch);
    expect(scratch.textContent).toContain('Strong match');
    expect(scratch.textContent).toContain('the page names Myanmar, his nationality');
  });

  it('groups listings by authority and names programmes in words with their codes', () => {
    render(<EntityCard card={PERSON} />, scratch);
    const groups = [...scratch.querySelectorAll('.listing')].map((s) => s.getAttribute('data-authority'));
    expect(groups).toEqual(['US-OFAC', 'AU']);
    const us = scratch.querySelector('.listing[data-authority="US-OFAC"]')!.textContent!;
    expect(us).toContain('United States (Treasury, OFAC)');
    expect(us).toContain('Global Magnitsky (human rights abuse and corruption) (GLOMAG)');
    expect(us).toContain('Burma (EO 14014) (BURMA-EO14014)');
    expect(us).toContain('Listed 10 Dec 2019');
    expect(us).toContain('Source: OFAC SDN List, entry 27225, data of 20 Nov 2026');
    const au = scratch.querySelector('.listing[data-authority="AU"]')!.textContent!;
    expect(au).toContain('Australian autonomous sanctions: Myanmar');
    expect(au).not.toContain('(Autonomous (Myanmar))');
    expect(au).toContain('Commander-in-Chief of the Myanmar Armed Forces');
  });

  it('shows birth, nationality in words and identifiers, with their source, and other names collapsed', () => {
    render(<EntityCard card={PERSON} />, scratch);
    const identity = scratch.querySelector('.identity')!.textContent!;
    expect(identity).toContain('3 Jul 1956');
    expect(identity).toContain('Dawei, Burma');
    expect(identity).toMatch(/Nationality\s*Myanmar/);
    expect(identity).toMatch(/Passport\s*DM000826 \(Myanmar/);
    expect(identity).toContain('data of 21 Nov 2026');
    expect((scratch.querySelector('details.names') as HTMLDetailsElement).open).toBe(false);
  });

  it('offers "Not this person" only when the host gives a handler, and calls it', () => {
    render(<EntityCard card={PERSON} />, scratch);
    expect(scratch.querySelector('button.not-this')).toBeNull();
    const onNotThisPerson = vi.fn();
    render(<EntityCard card={PERSON} onNotThisPerson={onNotThisPerson} />, scratch);
    const button = scratch.querySelector<HTMLButtonElement>('button.not-this')!;
    expect(button.textContent).toBe('Not this person');
    button.click();
    expect(onNotThisPerson).toHaveBeenCalledOnce();
  });
});

describe('EntityCard for a country', () => {
  it('shows the pair flow, the arms figures with partners as bars, military expenditure and listed nationals', () => {
    render(<EntityCard card={COUNTRY} />, scratch);
    const text = scratch.textContent!;
    expect(text).toContain("From Russia to Myanmar: 377 TIV — 50% of Myanmar's arms imports (755 TIV)");
    expect(text).toContain('Imports: 755 TIV · rank 42 of 162 states · 0.5% of the world total');
    expect(text).toContain('−32% against 2016–2020 (1,107 TIV)');
    expect(text).toContain('Exports: none recorded in this window or the one before.');
    expect(scratch.querySelectorAll('.direction[data-direction=imports] .bars li')).toHaveLength(2);
    expect(text).toContain('US$3.6 billion (constant 2022 US$)');
    expect(text).toContain('3.8% of GDP');
    expect(text).toContain('94 listed people and organisations');
    expect(scratch.querySelector('.sparkline svg')?.getAttribute('aria-label')).toMatch(/^TIV by year, 2016–2025\. 2016: imports 100/);
  });

  it('gives every SIPRI block the credit line, and says TIV is volume, not money, where TIV is shown', () => {
    render(<EntityCard card={COUNTRY} />, scratch);
    for (const block of scratch.querySelectorAll('.flows, .arms, .milex')) {
      expect(block.querySelector('.credit')?.textContent).toMatch(/^Source: SIPRI (Arms Transfers|Military Expenditure) Database, 18 May 2026\./);
    }
    for (const block of scratch.querySelectorAll('.flows, .arms')) {
      expect(block.textContent).toContain('measures the volume of arms transferred, not money');
    }
  });

  it('has no "Not this person" button', () => {
    render(<EntityCard card={COUNTRY} onNotThisPerson={() => {}} />, scratch);
    expect(scratch.querySelector('button.not-this')).toBeNull();
  });
});
