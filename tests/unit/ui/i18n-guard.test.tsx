// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { render, type ComponentChild } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityCard as EntityCardData } from '../../../src/kb/card';
import type { FoundEntity, KbStatus, SourcesReply, SourceView } from '../../../src/messages';
import type { RebuildReport } from '../../../src/db/library';
import type { LookupState } from '../../../src/popup/LookupPanel';
import { DEFAULT_SETTINGS } from '../../../src/settings';
import type { Translate } from '../../../src/ui/i18n';
import { readSources } from '../../../src/sources/read-sources';
import { catalogueT, pseudoT } from '../../support/catalogue';
import { REPO_ROOT } from '../../support/shared';
import { COUNTRY, PERSON } from '../../support/card-fixtures';
import { freshScratchPerTest } from '../../support/scratch';

/**
 * Every word the card, the popup and the options page show comes from _locales: rendered with a
 * translator that returns "⟦key⟧" and drops its substitutions, every text node and every
 * aria-label, title and placeholder must be made of those markers, numbers, punctuation and the
 * data the component was given (names, list titles, codes). A word a component writes itself
 * ("Imports", "listed by 2 authorities") is left over and fails the test.
 */

// The options and popup views talk to the background through the polyfill seam; answer them here.
const background = vi.hoisted(() => ({
  replies: {} as Record<string, unknown>,
  permission: false,
}));
vi.mock('../../../src/browser', () => ({
  default: {
    runtime: {
      sendMessage: (message: { name: string }) => Promise.resolve(background.replies[message.name]),
    },
    storage: {
      onChanged: { addListener: () => {}, removeListener: () => {} },
      local: { get: () => Promise.resolve({}), set: () => Promise.resolve() },
    },
    permissions: { request: () => Promise.resolve(background.permission) },
  },
}));

const { I18n } = await import('../../../src/ui/i18n');
const { EntityCard } = await import('../../../src/ui/EntityCard');
const { cardSummary } = await import('../../../src/ui/card-summary');
const { countryName } = await import('../../../src/ui/format');
const { DataStatus } = await import('../../../src/options/DataStatus');
const { ImportPanel } = await import('../../../src/options/ImportPanel');
const { SourcesPanel } = await import('../../../src/options/SourcesPanel');
const { Preferences } = await import('../../../src/options/Preferences');
const { DisabledSites } = await import('../../../src/options/DisabledSites');
const { Popup } = await import('../../../src/popup/Popup');
const { Freshness } = await import('../../../src/popup/Freshness');

const ORGANISATION: EntityCardData = {
  ...PERSON,
  id: 'un:QDe.001',
  kind: 'organisation',
  name: 'Myanma Economic Holdings Limited',
  otherNames: ['MEHL'],
  match: { tier: 'possible', reasons: [] },
};

/** A country whose flows are for different windows, with many programmes and no arms before. */
const COUNTRY_VARIANT: EntityCardData = {
  ...COUNTRY,
  id: 'country:RU',
  name: 'Russia',
  country: {
    ...COUNTRY.country!,
    flows: [COUNTRY.country!.flows![0]!, { ...COUNTRY.country!.flows![0]!, window: { from: 2016, to: 2020 }, supplierCode: 'BY', suppliers: ['Belarus'] }],
    programmes: Array.from({ length: 8 }, (_, i) => ({ authority: 'US-OFAC' as const, code: `RUSSIA-EO${14024 + i}`, title: `Russia programme ${i}`, entities: 10 + i })),
    milex: { year: 2023, constantUsd: 86, shareOfGdp: 0.01, provenance: { source: 'SIPRI Military Expenditure Database' } },
    arms: {
      ...COUNTRY.country!.arms!,
      imports: { ...COUNTRY.country!.arms!.imports, change: null, previousTiv: 0 },
      exports: { ...COUNTRY.country!.arms!.imports, tiv: 0, previousTiv: 0 },
    },
  },
};

const STATUS: KbStatus = {
  installedAt: '2026-11-27T10:00:00Z',
  lists: [
    { source: 'un', list: 'UN Security Council Consolidated List', authority: 'UN', entries: 1003, names: 4000, dataDate: '2026-02-27', warnings: 0 },
    { source: 'ofac-sdn', list: 'OFAC SDN List', authority: 'US-OFAC', entries: 14965, names: 60000, dataDate: null, warnings: 0 },
  ],
  datasets: [{ title: 'SIPRI Arms Transfers Database', dataDate: null, records: 25000 }],
  names: 64000,
  loadMs: 120,
  // A load error as the background sends it: the English beside the diagnostic, the platform's reason a value.
  error: 'The stored knowledge base could not be loaded: Stored data could not be read',
  problem: {
    message: 'The stored knowledge base could not be loaded: Stored data could not be read',
    key: 'diagKbLoadFailed',
    values: ['Stored data could not be read'],
  },
};

const REPORT: RebuildReport = {
  files: [
    {
      file: 'sdn.csv',
      formatId: 'ofac-legacy',
      format: 'OFAC legacy CSV',
      ok: true,
      records: 14965,
      // More than the report lists, each worded through the catalogue; `message` is the English fallback.
      warnings: Array.from({ length: 7 }, (_, i) => ({ file: 'sdn.csv', line: 10 + i, message: `expected 12 columns, found ${i}; row skipped`, key: 'diagColumnsSkipped', values: ['12', String(i)] })),
    },
    { file: 'notes.txt', format: null, ok: false, warnings: [] },
    // The formats go as ids ("un-consolidated; uk-hmt"), the English names them.
    { file: 'junk.bin', formatId: null, format: null, ok: false, error: { file: 'junk.bin', message: 'junk.bin: not a format Backstory reads (UN Security Council Consolidated List (XML); UK HM Treasury consolidated list (CSV))', key: 'diagUnknownFormat', values: ['un-consolidated; uk-hmt'] }, warnings: [] },
    {
      file: 'au.xlsx',
      formatId: 'australia-dfat',
      format: 'Australia DFAT consolidated list (XLSX)',
      ok: false,
      error: {
        file: 'au.xlsx',
        line: 5,
        message: 'au.xlsx: sheet "Broken" (xl/worksheets/sheet1.xml), line 5: malformed XML: unclosed tag',
        key: 'diagXmlMalformed',
        values: ['unclosed tag'],
        part: { key: 'diagXlsxSheetPart', values: ['Broken', 'xl/worksheets/sheet1.xml'] },
      },
      warnings: [{ file: 'au.xlsx', line: 3, message: 'sheet "Sheet1" row 3: Reference 12 has no name; row skipped', key: 'diagDfatNoNameSkipped', values: ['12'], context: { key: 'diagSheetRow', values: ['Sheet1', '3'] } }],
    },
  ],
  meta: null,
  entities: 15000,
  names: 64000,
};

const SOURCE: SourceView = {
  id: 'un',
  title: 'UN Security Council Consolidated List',
  authority: 'UN Security Council',
  page: 'https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list',
  urls: ['https://scsanctions.un.org/resources/xml/en/consolidated.xml'],
  intervalHours: 24,
  downloadable: true,
  enabled: true,
  origins: ['https://scsanctions.un.org/*'],
  permitted: true,
  status: {
    lastSuccessAt: '2026-11-27T09:00:00Z',
    lastAttemptAt: '2026-11-27T11:00:00Z',
    lastError: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml answered HTTP 503',
    lastProblem: { message: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml answered HTTP 503', key: 'diagUpdateHttpStatus', values: ['https://scsanctions.un.org/resources/xml/en/consolidated.xml', '503'] },
    nextRetryAt: '2026-11-27T13:00:00Z',
    progress: { bytes: 1_500_000, total: 4_000_000, file: 'consolidated.xml' },
  },
  entries: 1003,
  dataDate: '2026-02-27',
  nextDueAt: '2026-11-27T13:00:00Z',
};
const SOURCES: SourcesReply = {
  sources: [SOURCE, { ...SOURCE, id: 'sipri', title: 'SIPRI Arms Transfers Database', authority: 'SIPRI', downloadable: false, enabled: false, status: {}, entries: null, dataDate: null, nextDueAt: null }],
  updating: false,
};

const FOUND: FoundEntity[] = [
  { id: 'country:MM', name: 'Myanmar', kind: 'country', count: 3, marked: true },
  { id: 'ofac-sdn:27225', name: 'Min Aung Hlaing', kind: 'person', count: 1, marked: true },
  // Named only past the marks a page holds: listed without a reveal button.
  { id: 'un:QDe.001', name: 'Myanma Economic Holdings Limited', kind: 'organisation', count: 2, marked: false },
];

// `key` is a message id and `message`/`lastError`/`error` the English of a diagnostic, `formatId`
// a format's id and `format` its English: shown only through the catalogue.
const ENUMERATIONS = new Set(['kind', 'tier', 'stage', 'id', 'key', 'message', 'lastError', 'error', 'formatId', 'format']);

/** Every string anywhere in the inputs, and what the components derive from codes in them. */
function dataValues(...inputs: unknown[]): string[] {
  const values = new Set<string>();
  const walk = (value: unknown, key = ''): void => {
    // Enumerations are not shown as they are: the component must put them in words from the catalogue.
    if (ENUMERATIONS.has(key)) return;
    if (typeof value === 'string') {
      values.add(value);
      if (/^[A-Z]{2}$/.test(value)) values.add(countryName(value));
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, k));
  };
  inputs.forEach((input) => walk(input));
  // Longest first, so a name is removed whole before a shorter value inside it.
  return [...values].filter((v) => v.length > 1).sort((a, b) => b.length - a.length);
}

const MARKER = /⟦[A-Za-z0-9_]+⟧/g;

/** What is left of `text` once markers and data values are taken out: it must hold no letter. */
function leftover(text: string, values: readonly string[]): string {
  let rest = text.replace(MARKER, ' ');
  for (const value of values) rest = rest.split(value).join(' ');
  return /\p{L}/u.test(rest) ? text : '';
}

/** Every text node and user-facing attribute under `root` that has words of its own. */
function hardCoded(root: Element, values: readonly string[]): string[] {
  const found: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const bad = leftover(node.textContent ?? '', values);
    if (bad) found.push(`text: ${bad}`);
  }
  for (const element of root.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      const bad = value === null ? '' : leftover(value, values);
      if (bad) found.push(`${name}: ${bad}`);
    }
  }
  return found;
}

let scratch: HTMLElement;
freshScratchPerTest((created) => (scratch = created));
beforeEach(() => {
  background.replies = { getSources: SOURCES, getStatus: STATUS };
  background.permission = false;
});

function show(node: ComponentChild): void {
  render(<I18n.Provider value={pseudoT}>{node}</I18n.Provider>, scratch);
}

/** Lets effects run and the fake background's replies arrive. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('no hard-coded English', () => {
  it('in the card of a listed person, with every match tier', () => {
    const cards: EntityCardData[] = [PERSON, {
        ...PERSON,
        match: {
          tier: 'strong',
          reasons: [
            { kind: 'distinctiveName' },
            { kind: 'nameOnly', person: true },
            { kind: 'countryNear', country: 'MM' },
            { kind: 'positionNear', word: 'commander', position: 'Commander-in-Chief' },
            { kind: 'earlierFullName' },
            { kind: 'alsoListedBy', authorities: ['UN'] },
            { kind: 'namesakes', others: 1 },
            { kind: 'officeTitle', title: 'President', role: 'President of the Union' },
            { kind: 'shortForm', name: 'Test Holdings Co., Ltd.' },
            { kind: 'sharedShortForm', others: 3 },
          ],
        },
      }, ORGANISATION];
    for (const card of cards) {
      show(<EntityCard card={card} onNotThisPerson={() => {}} />);
      expect(scratch.querySelector('.listing')).not.toBeNull();
      expect(hardCoded(scratch, dataValues(card))).toEqual([]);
    }
  });

  it('in the card of a country, with arms figures, pair flows, military expenditure and programmes', () => {
    for (const card of [COUNTRY, COUNTRY_VARIANT]) {
      show(<EntityCard card={card} />);
      expect(scratch.querySelector('.arms .sparkline svg')).not.toBeNull();
      expect(scratch.querySelector('.flows .flow')).not.toBeNull();
      expect(hardCoded(scratch, dataValues(card))).toEqual([]);
    }
    expect(scratch.querySelector('.programmes-aimed')).not.toBeNull();
  });

  it('in the summary screen readers hear when a card opens', () => {
    for (const card of [PERSON, ORGANISATION, COUNTRY]) {
      expect(leftover(cardSummary(card, pseudoT), dataValues(card))).toBe('');
    }
  });

  it('in the options page: loaded data, import, sources, preferences, sites', async () => {
    show(
      <>
        <DataStatus status={null} />
        <DataStatus status={STATUS} />
        <DataStatus status={{ ...STATUS, lists: [], datasets: [] }} />
        <ImportPanel busy progress={{ stage: 'compiling', fraction: 0.5, file: 'sdn.csv' }} report={null} failure={null} onFiles={() => {}} />
        <ImportPanel busy={false} progress={null} report={REPORT} failure="out of memory" onFiles={() => {}} />
        <ImportPanel busy={false} progress={null} report={{ ...REPORT, meta: { builtAt: '2026-11-27T10:00:00Z' } as never }} failure={null} onFiles={() => {}} />
        <SourcesPanel />
        <Preferences marking={DEFAULT_SETTINGS.marking} onChange={() => {}} />
        <DisabledSites sites={['news.example']} onAdd={() => {}} onRemove={() => {}} />
      </>,
    );
    expect(scratch.querySelector('ul.sources')).toBeNull(); // still loading: "Loading…" is checked too
    // The knowledge base's load error is worded from the catalogue, not sent English.
    expect(scratch.querySelector('section[aria-labelledby="loaded-heading"] [role=alert]')?.textContent).toBe('⟦diagKbLoadFailed⟧');
    // Errors and warnings of imported files are worded from the catalogue, the first five warnings listed.
    expect(scratch.querySelector('[data-file="junk.bin"]')?.textContent).toBe('⟦diagInFile⟧');
    expect(scratch.querySelector('[data-file="au.xlsx"]')?.textContent).toContain('⟦diagInFile⟧');
    expect(scratch.querySelector('[data-file="sdn.csv"]')!.querySelectorAll('details.warnings li')).toHaveLength(5);
    expect(scratch.querySelector('[data-file="sdn.csv"] details.warnings li')?.textContent).toBe('⟦diagAtLine⟧');
    expect(hardCoded(scratch, dataValues(STATUS, REPORT, SOURCES, 'out of memory', 'news.example'))).toEqual([]);
    await vi.waitFor(() => expect(scratch.querySelectorAll('li.source')).toHaveLength(2));
    expect(scratch.querySelector('li.source .last-error')?.textContent).toMatch(/^⟦diagUpdateHttpStatus⟧ \(/);
    // Turning a source on without the host permission explains why it cannot download.
    const toggle = scratch.querySelector<HTMLInputElement>('li.source input[type=checkbox]')!;
    toggle.checked = false;
    toggle.click();
    await vi.waitFor(() => expect(scratch.querySelector('li.source [role=alert]')?.textContent).toBe('⟦sourcesNeedsAccess⟧'));
    expect(hardCoded(scratch, dataValues(STATUS, REPORT, SOURCES, 'out of memory', 'news.example'))).toEqual([]);
    // The mirror must be a web address.
    const mirror = scratch.querySelector<HTMLInputElement>('li.source input[type=url]')!;
    mirror.value = 'ftp://mirror.example';
    mirror.dispatchEvent(new Event('input', { bubbles: true }));
    await settle(); // the row re-renders with the typed address before the form is sent
    mirror.form!.requestSubmit();
    await vi.waitFor(() => expect(scratch.querySelector('li.source [role=alert]')?.textContent).toBe('⟦sourcesMirrorInvalid⟧'));
    expect(hardCoded(scratch, dataValues(STATUS, REPORT, SOURCES, 'out of memory', 'news.example', 'ftp://mirror.example'))).toEqual([]);
  });

  it('in the import report: the format of a file read and the formats listed for a file of none, worded from their ids', () => {
    // pseudoT drops what it is given to fill in; this one keeps it, so a format's English passed
    // into a message would be left over too. The report is the importer's own.
    const nestingT: Translate = (key, ...substitutions) => `⟦${key}⟧${substitutions.length ? `(${substitutions.join(', ')})` : ''}`;
    const uk = { name: 'sanctionsconlist.csv', bytes: new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/sources/uk/uk-list-sample.csv'))) };
    const junk = { name: 'junk.bin', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) };
    const report: RebuildReport = { files: readSources([uk, junk]).files, meta: null, entities: 0, names: 0 };
    expect(report.files.find((f) => f.file === uk.name)).toMatchObject({ formatId: 'uk-hmt', ok: true, warnings: [] });
    render(
      <I18n.Provider value={nestingT}>
        <ImportPanel busy={false} progress={null} report={report} failure={null} onFiles={() => {}} />
      </I18n.Provider>,
      scratch,
    );
    expect(scratch.querySelector(`[data-file="${uk.name}"]`)?.textContent).toContain('⟦importFileFormat⟧(sanctionsconlist.csv, ⟦formatUkHmt⟧)');
    const unknown = scratch.querySelector(`[data-file="${junk.name}"]`)?.textContent;
    expect(unknown).toMatch(/^⟦diagInFile⟧\(junk\.bin, ⟦diagUnknownFormat⟧\(⟦formatOfacLegacy⟧; ⟦formatUnConsolidated⟧; /);
    // Only the file names are data here: format ids and English titles must not show.
    expect(hardCoded(scratch, [uk.name, junk.name])).toEqual([]);
  });

  it('in the import report of an older version, the English name of the format stands in', () => {
    show(<ImportPanel busy={false} progress={null} report={{ ...REPORT, files: [{ file: 'sdn.csv', format: 'OFAC legacy CSV', ok: true, warnings: [] }] }} failure={null} onFiles={() => {}} />);
    expect(scratch.querySelector('[data-file="sdn.csv"]')?.textContent).toBe('⟦importFileFormat⟧');
    render(
      <I18n.Provider value={catalogueT}>
        <ImportPanel busy={false} progress={null} report={{ ...REPORT, files: [{ file: 'sdn.csv', format: 'OFAC legacy CSV', ok: true, warnings: [] }, { ...REPORT.files[0]!, file: 'new.csv', records: 3, warnings: [] }] }} failure={null} onFiles={() => {}} />
      </I18n.Provider>,
      scratch,
    );
    expect(scratch.querySelector('[data-file="sdn.csv"]')?.textContent).toBe('sdn.csv: OFAC legacy CSV');
    expect(scratch.querySelector('[data-file="new.csv"]')?.textContent).toBe('new.csv: OFAC legacy CSV, 3 records');
  });

  it('in the popup: switches, the entities found, the search and its card, the freshness line', async () => {
    const results = [PERSON, ORGANISATION];
    show(
      <Popup
        settings={DEFAULT_SETTINGS}
        host="news.example"
        found={FOUND}
        onToggleEverywhere={() => {}}
        onToggleSite={() => {}}
        onReveal={() => {}}
        revealGone
        lookup={{ status: 'done', query: 'min aung hliang', results }}
        onLookup={() => {}}
        onOpenOptions={() => {}}
        footer={<Freshness />}
      />,
    );
    await vi.waitFor(() => expect(scratch.querySelector('[data-freshness]')).not.toBeNull());
    expect(scratch.querySelectorAll('ul.found li')).toHaveLength(3);
    // Nothing to reveal for an entity named only past the marks a page holds: no button, a word why.
    expect([...scratch.querySelectorAll('ul.found li:has(button.reveal)')].map((li) => li.getAttribute('data-entity'))).toEqual(['ofac-sdn:27225', 'country:MM']);
    expect(scratch.querySelector('li[data-entity="un:QDe.001"] .unmarked')).not.toBeNull();
    expect(scratch.querySelector('.result-card .card')).not.toBeNull();
    expect(hardCoded(scratch, dataValues(FOUND, results, 'news.example', 'min aung hliang'))).toEqual([]);

    const states: LookupState[] = [{ status: 'busy', query: 'x' }, { status: 'done', query: 'nobody', results: [] }];
    for (const lookup of states) {
      show(
        <Popup
          settings={{ ...DEFAULT_SETTINGS, disabledSites: ['news.example'] }}
          host={null}
          found={[]}
          onToggleEverywhere={() => {}}
          onToggleSite={() => {}}
          onReveal={() => {}}
          revealGone={false}
          lookup={lookup}
          onLookup={() => {}}
          onOpenOptions={() => {}}
        />,
      );
      expect(hardCoded(scratch, dataValues('nobody', 'news.example'))).toEqual([]);
    }
    background.replies = { getStatus: { ...STATUS, lists: [], datasets: [] } };
    show(<Freshness />);
    await vi.waitFor(() => expect(scratch.querySelector('[data-freshness]')?.textContent).toBe('⟦freshnessNone⟧'));
    expect(hardCoded(scratch, [])).toEqual([]);
  });
});
