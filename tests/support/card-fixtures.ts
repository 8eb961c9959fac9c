/**
 * Cards as the background builds them, for component tests: a listed person with two authorities'
 * listings, and a country with SIPRI arms figures, a pair flow and military expenditure.
 */
import { bareCard, type EntityCard as EntityCardData, type PairFlowFacts } from '../../src/kb/card';
import type { Listing } from '../../src/kb/model';
import { programmeName } from '../../src/kb/programmes';

export const SIPRI = { source: 'SIPRI Arms Transfers Database', url: 'https://www.sipri.org/databases/armstransfers', date: '2026-05-18' };

export const PERSON: EntityCardData = {
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

export const FLOW: PairFlowFacts = {
  suppliers: ['Russia'],
  recipients: ['Myanmar'],
  window: { from: 2021, to: 2025 },
  tiv: 376.74,
  recipientImportsTiv: 754.77,
  shareOfRecipientImports: 0.4991,
  byYear: [],
  supplierCode: 'RU',
  recipientCode: 'MM',
  provenance: SIPRI,
};

export const COUNTRY: EntityCardData = {
  ...bareCard('country:MM', 'country', 'Myanmar'),
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
