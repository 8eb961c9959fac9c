/**
 * Compiles parsed lists and tables into the knowledge-base artifact: entries merged across lists
 * (src/kb/merge.ts), a card per entity, the name index prebuilt, and SIPRI figures per country.
 * Deterministic: the same files give a byte-identical artifact.
 */
import { indexArmsFlows, latestCompleteWindow, sipriActor, windowFigures } from './arms-flows';
import { KB_FORMAT, KB_VERSION, type CountryData, type KbArtifact, type ListSummary } from './artifact';
import type { EntityCard, PairFlowFacts, Provenance } from './card';
import { countryCodeOf } from './countries';
import { mergeEntries } from './merge';
import { indexListedNames, nameCountries } from './index-names';
import type { Listing, ListedEntity, MilexParseResult, ParseIssue, SourceParseResult, TradeRegisterParseResult } from './model';
import { writtenForms } from './name-variants';
import { programmeName, type ProgrammeName } from './programmes';
import { LONG_FIELD_CHARS, MAX_FIELD_ITEMS, plainText, plainTexts, safeUrl } from './plain-text';
import type { SourceData } from '../sources/read-sources';

const SIPRI_ARMS: Omit<Provenance, 'date'> = {
  source: 'SIPRI Arms Transfers Database',
  url: 'https://www.sipri.org/databases/armstransfers',
};
const SIPRI_MILEX: Omit<Provenance, 'date'> = {
  source: 'SIPRI Military Expenditure Database',
  url: 'https://www.sipri.org/databases/milex',
};


export function compileKnowledgeBase(data: SourceData): KbArtifact {
  const entities = mergeEntries(data.sanctions.flatMap((result) => result.entries));
  const entityIds = entities.map((e) => e.id);
  const position = new Map(entityIds.map((id, i) => [id, i]));
  const index = indexListedNames(entities);
  const namesPerSource = new Map<string, number>();
  for (const result of data.sanctions) {
    let names = 0;
    for (const entry of result.entries) {
      for (const name of entry.names) if (name.strength === 'strong') names += writtenForms(name, entry.kind).length;
    }
    namesPerSource.set(result.source, (namesPerSource.get(result.source) ?? 0) + names);
  }
  const countries: Record<string, CountryData> = {};
  const country = (code: string): CountryData => (countries[code] ??= {});
  for (const entity of entities) {
    for (const code of new Set(entity.nationalities)) {
      const data = country(code);
      data.listedNationals = (data.listedNationals ?? 0) + 1;
    }
  }
  addProgrammesAimedAt(entities, country);
  const flows = data.register ? addArms(data.register, country) : {};
  if (data.milex) addMilex(data.milex, country);

  return {
    format: KB_FORMAT,
    version: KB_VERSION,
    lists: data.sanctions.map((r) => summarise(r, namesPerSource.get(r.source) ?? 0)),
    datasets: [
      ...(data.register ? [{ title: 'SIPRI Arms Transfers Database (trade register)', dataDate: data.register.dataDate, records: data.register.deals.length }] : []),
      ...data.tivTables.map((t) => ({ title: `SIPRI TIV table (${t.direction})`, dataDate: t.dataDate, records: t.rows.length })),
      ...(data.milex ? [{ title: 'SIPRI Military Expenditure Database', dataDate: data.milex.dataDate, records: data.milex.series.length }] : []),
    ],
    entityIds,
    cards: entities.map(toCard),
    index: index.serialize((id) => position.get(id) ?? -1),
    countries: sortKeys(countries),
    flows: sortKeys(flows),
    warnings: collectWarnings(data),
  };
}

function summarise(result: SourceParseResult, names: number): ListSummary {
  const first = result.entries[0]?.listing;
  return {
    source: result.source,
    list: first?.list ?? result.source,
    authority: first?.authority ?? '',
    entries: result.entries.length,
    names,
    dataDate: result.dataDate ?? first?.dataDate ?? null,
    warnings: result.warnings.length,
  };
}

/** The card of a listed entity: every fact the lists give, ready to render. */
export function toCard(entity: ListedEntity): EntityCard {
  const primary = entity.names[0];
  // With the naming customs of the entity's countries: "Kim Jong Un", not "Jong Un Kim".
  const display = primary ? (writtenForms(primary, entity.kind, nameCountries(entity))[0] ?? primary.full) : entity.id;
  const basedIn = entity.kind === 'person' ? [] : [...new Set([...entity.addresses.map((a) => a.country), ...(entity.identifiers ?? []).map((i) => i.country)].filter((c): c is string => !!c))];
  return {
    id: entity.id,
    kind: entity.kind,
    // List text reaches the card as short plain text only (plain-text.ts says why).
    name: plainText(display),
    otherNames: plainTexts(entity.names.map((n) => n.full)).filter((n) => n !== plainText(display)),
    listings: entity.listings.map(plainListing),
    birthDates: entity.birthDates.slice(0, MAX_FIELD_ITEMS).map((d) => (d.kind === 'text' ? { ...d, text: plainText(d.text) } : d)),
    birthPlaces: plainTexts(entity.birthPlaces),
    nationalities: plainTexts(entity.nationalities),
    ...(basedIn.length > 0 ? { basedIn: plainTexts(basedIn) } : {}),
    positions: plainTexts(entity.positions),
    identifiers: entity.identifiers?.slice(0, MAX_FIELD_ITEMS).map((i) => ({
      ...i,
      type: plainText(i.type, 80),
      value: plainText(i.value),
      ...(i.note === undefined ? {} : { note: plainText(i.note) }),
    })),
    ...(entity.gender ? { gender: entity.gender } : {}),
    remarks: entity.remarks && plainTexts(entity.remarks, LONG_FIELD_CHARS),
    mergedBecause: entity.mergedBecause?.slice(0, MAX_FIELD_ITEMS).map((m) => ({ ...m, evidence: plainTexts(m.evidence) })),
  };
}

function plainListing(listing: Listing): Listing {
  return {
    ...listing,
    list: plainText(listing.list),
    programmes: plainTexts(listing.programmes, 120),
    reference: plainText(listing.reference, 120),
    sourceUrl: safeUrl(listing.sourceUrl),
    ...(listing.reasons === undefined ? {} : { reasons: plainText(listing.reasons, LONG_FIELD_CHARS) }),
    // Resolved here, not in the card: the programme tables then stay out of the content script.
    programmeNames: listing.programmes.slice(0, MAX_FIELD_ITEMS).map((code) => programmeName(listing.authority, code)),
  };
}

function addArms(register: TradeRegisterParseResult, country: (code: string) => CountryData): Record<string, PairFlowFacts> {
  const flowIndex = indexArmsFlows(register.deals);
  const years = flowIndex.firstYear === null || flowIndex.lastYear === null ? [] : [flowIndex.lastYear];
  const window = latestCompleteWindow(years, { dataDate: register.dataDate });
  const flows: Record<string, PairFlowFacts> = {};
  if (!window) return flows;
  const provenance: Provenance = { ...SIPRI_ARMS, ...(register.dataDate ? { date: register.dataDate } : {}) };
  const codes = new Set<string>();
  for (const pair of flowIndex.pairs) {
    for (const raw of [pair.supplier, pair.recipient]) {
      const code = sipriActor(raw).code;
      if (code) codes.add(code);
    }
  }
  for (const code of [...codes].sort()) {
    const figures = windowFigures(flowIndex, code, window, { top: 5 });
    if (!figures) continue;
    const { window: w, previousWindow, imports, exports, byYear } = figures;
    country(code).arms = { window: w, previousWindow, imports, exports, byYear, provenance };
  }
  // One pass over the flows, not one pairFlow() scan per pair: the same sums, split the same way.
  const importsOf = new Map<string, number>();
  const pairs = new Map<string, { tiv: number; byYear: Map<number, number>; suppliers: Set<string>; recipients: Set<string> }>();
  for (const pair of flowIndex.pairs) {
    const supplier = sipriActor(pair.supplier);
    const recipient = sipriActor(pair.recipient);
    for (const [yearText, tiv] of Object.entries(pair.byYear)) {
      const year = Number(yearText);
      if (year < window.from || year > window.to) continue;
      if (recipient.code) importsOf.set(recipient.code, (importsOf.get(recipient.code) ?? 0) + tiv);
      if (!supplier.code || !recipient.code || supplier.code === recipient.code) continue;
      const key = `${supplier.code}>${recipient.code}`;
      let flow = pairs.get(key);
      if (!flow) {
        flow = { tiv: 0, byYear: new Map(), suppliers: new Set(), recipients: new Set() };
        pairs.set(key, flow);
      }
      flow.tiv += tiv;
      flow.byYear.set(year, (flow.byYear.get(year) ?? 0) + tiv);
      flow.suppliers.add(supplier.name);
      flow.recipients.add(recipient.name);
    }
  }
  for (const [key, flow] of [...pairs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (flow.tiv <= 0) continue;
    const [supplierCode, recipientCode] = key.split('>') as [string, string];
    const recipientImportsTiv = importsOf.get(recipientCode) ?? 0;
    const byYear: Array<{ year: number; tiv: number }> = [];
    for (let year = window.from; year <= window.to; year++) byYear.push({ year, tiv: flow.byYear.get(year) ?? 0 });
    flows[key] = {
      suppliers: [...flow.suppliers].sort(),
      recipients: [...flow.recipients].sort(),
      window,
      tiv: flow.tiv,
      recipientImportsTiv,
      shareOfRecipientImports: recipientImportsTiv > 0 ? flow.tiv / recipientImportsTiv : null,
      byYear,
      supplierCode,
      recipientCode,
      provenance,
    };
  }
  return flows;
}

/**
 * The sanctions programmes aimed at each country (OFAC "BURMA-EO14014", the UK's "Myanmar" regime,
 * the UN's DPRK list …), as the loaded lists use them: each programme once, in words, with how
 * many listed entities it covers.
 */
function addProgrammesAimedAt(entities: readonly ListedEntity[], country: (code: string) => CountryData): void {
  const byCountry = new Map<string, Map<string, { programme: ProgrammeName; authority: Listing['authority']; entities: number }>>();
  for (const entity of entities) {
    const counted = new Set<string>();
    for (const listing of entity.listings) {
      for (const code of listing.programmes) {
        const programme = programmeName(listing.authority, code);
        if (!programme.country) continue;
        const key = `${listing.authority}|${programme.code}`;
        const forCountry = byCountry.get(programme.country) ?? new Map();
        byCountry.set(programme.country, forCountry);
        const entry = forCountry.get(key) ?? { programme, authority: listing.authority, entities: 0 };
        if (!counted.has(key)) entry.entities++;
        counted.add(key);
        forCountry.set(key, entry);
      }
    }
  }
  for (const [code, programmes] of byCountry) {
    country(code).programmes = [...programmes.values()]
      .sort((a, b) => b.entities - a.entities || a.programme.title.localeCompare(b.programme.title))
      .map(({ programme, authority, entities }) => ({ ...programme, authority, entities }));
  }
}

function addMilex(milex: MilexParseResult, country: (code: string) => CountryData): void {
  for (const series of milex.series) {
    const code = countryCodeOf(series.name);
    if (!code) continue;
    const years = [...Object.keys(series.constantUsd), ...Object.keys(series.shareOfGdp)].map(Number);
    if (years.length === 0) continue;
    const year = Math.max(...years);
    const constantUsd = series.constantUsd[year];
    const shareOfGdp = series.shareOfGdp[year];
    country(code).milex = {
      year,
      ...(constantUsd !== undefined ? { constantUsd } : {}),
      ...(milex.constantBaseYear !== null ? { baseYear: milex.constantBaseYear } : {}),
      ...(shareOfGdp !== undefined ? { shareOfGdp } : {}),
      provenance: { ...SIPRI_MILEX, ...(milex.dataDate ? { date: milex.dataDate } : {}) },
    };
  }
}

function collectWarnings(data: SourceData): ParseIssue[] {
  return data.files.flatMap((f) => [...(f.error ? [f.error] : []), ...f.warnings]);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
