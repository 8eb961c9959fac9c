// @vitest-environment happy-dom
import { render, type ComponentChild } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { MatchReason } from '../../../src/kb/card';
import { EntityCard } from '../../../src/ui/EntityCard';
import { I18n } from '../../../src/ui/i18n';
import { catalogueT } from '../../support/catalogue';
import { COUNTRY, PERSON } from '../../support/card-fixtures';
import { freshScratchPerTest } from '../../support/scratch';

/**
 * The card component rendered for real (happy-dom): what it says for a listed person and for a
 * country. Layout, themes and accessibility are checked in Chromium (tests/e2e/card.test.ts).
 */
let scratch: HTMLElement;
freshScratchPerTest((created) => (scratch = created));

/** Renders as the extension's pages do: with the English catalogue. */
function show(node: ComponentChild): void {
  render(<I18n.Provider value={catalogueT}>{node}</I18n.Provider>, scratch);
}

describe('EntityCard for a listed person', () => {
  it('says it is a name-only match when the page was not checked against the listing', () => {
    show(<EntityCard card={PERSON} />);
    expect(scratch.querySelector('.match')?.getAttribute('data-tier')).toBe('name-only');
    expect(scratch.textContent).toContain('Name-only match.');
  });

  it('shows the match tier and its reasons when the background judged them', () => {
    const reasons: MatchReason[] = [
      { kind: 'distinctiveName' },
      { kind: 'countryNear', country: 'MM' },
      { kind: 'positionNear', word: 'commander', position: 'Commander-in-Chief of Defence Services' },
      { kind: 'namesakes', others: 2 },
      { kind: 'alsoListedBy', authorities: ['UN', 'AU'] },
    ];
    show(<EntityCard card={{ ...PERSON, match: { tier: 'strong', reasons } }} />);
    expect(scratch.textContent).toContain('Strong match');
    expect([...scratch.querySelectorAll('.reasons-list li')].map((li) => li.textContent)).toEqual([
      'distinctive name as listed',
      'Myanmar (Burma) is named near the mention, as in the listing',
      '“commander” near the name, as in the listed position “Commander-in-Chief of Defence Services”',
      '2 other listed entries have this name; the page agrees with this one',
      'also listed under this name by United Nations Security Council; Australia (DFAT)',
    ]);
  });

  it('groups listings by authority and names programmes in words with their codes', () => {
    show(<EntityCard card={PERSON} />);
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
    show(<EntityCard card={PERSON} />);
    const identity = scratch.querySelector('.identity')!.textContent!;
    expect(identity).toContain('3 Jul 1956');
    expect(identity).toContain('Dawei, Burma');
    expect(identity).toMatch(/Nationality\s*Myanmar/);
    expect(identity).toMatch(/Passport\s*DM000826 \(Myanmar/);
    expect(identity).toContain('data of 21 Nov 2026');
    expect((scratch.querySelector('details.names') as HTMLDetailsElement).open).toBe(false);
  });

  it('says where an organisation is based, in words', () => {
    show(<EntityCard card={{ ...PERSON, kind: 'organisation', name: 'Test Holdings', nationalities: [], birthDates: [], birthPlaces: [], basedIn: ['CN', 'HK'] }} />);
    expect(scratch.querySelector('.identity')!.textContent).toMatch(/Based in\s*China; Hong Kong/);
  });

  it('offers "Not this person" only when the host gives a handler, and calls it', () => {
    show(<EntityCard card={PERSON} />);
    expect(scratch.querySelector('button.not-this')).toBeNull();
    const onNotThisPerson = vi.fn();
    show(<EntityCard card={PERSON} onNotThisPerson={onNotThisPerson} />);
    const button = scratch.querySelector<HTMLButtonElement>('button.not-this')!;
    expect(button.textContent).toBe('Not this person');
    button.click();
    expect(onNotThisPerson).toHaveBeenCalledOnce();
  });
});

describe('EntityCard for a country', () => {
  it('shows the pair flow, the arms figures with partners as bars, military expenditure and listed nationals', () => {
    show(<EntityCard card={COUNTRY} />);
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
    show(<EntityCard card={COUNTRY} />);
    for (const block of scratch.querySelectorAll('.flows, .arms, .milex')) {
      expect(block.querySelector('.credit')?.textContent).toMatch(/^Source: SIPRI (Arms Transfers|Military Expenditure) Database, 18 May 2026\./);
    }
    for (const block of scratch.querySelectorAll('.flows, .arms')) {
      expect(block.textContent).toContain('measures the volume of arms transferred, not money');
    }
  });

  it('has no "Not this person" button', () => {
    show(<EntityCard card={COUNTRY} onNotThisPerson={() => {}} />);
    expect(scratch.querySelector('button.not-this')).toBeNull();
  });
});
