/**
 * Country-level arms-transfer figures for the country card, computed from the SIPRI trade
 * register (src/sources/sipri-trade-register.ts): yearly imports and exports per country, the
 * figures for a five-year window (total, rank, share of the world, main partners, change), the
 * flow from one country to another, and a comparison with SIPRI's own TIV tables.
 *
 * Everything is computed from the register, not mixed with the TIV tables, so that partner
 * shares add up to the totals beside them and every figure has the same data date. The register
 * has only each deal's total delivered TIV; how it is spread over years is `splitDeliveredTiv`.
 * TIV is SIPRI's trend-indicator value in millions; it measures volume, not price.
 */
import type { ArmsDeal, TivRow } from './model';
import { countryCodeOf } from './countries';
import { foldKey } from './normalise';
import { splitSipriName, type SipriActorKind } from '../sources/sipri-export';

/** Which side of the transfers a figure counts. */
export type FlowDirection = 'imports' | 'exports';

/** An inclusive span of years, e.g. { from: 2019, to: 2023 }. */
export interface YearWindow {
  from: number;
  to: number;
}

/** The length of SIPRI's usual comparison periods (its fact sheets compare five-year windows). */
export const WINDOW_YEARS = 5;

/* ------------------------------------------------------------------ splitting deals ---- */

/** One year's part of a deal's delivered TIV. */
export interface DeliveryShare {
  year: number;
  tiv: number;
}

/**
 * Spreads a deal's delivered TIV over its years of delivery, **evenly**: a deal of 84 TIV
 * delivered in 2018; 2019 counts 42 in each year.
 *
 * Why evenly: the register gives the delivered TIV of the whole deal and the list of years with
 * deliveries, but not how many units arrived in each year. `tivPerUnit × numberDelivered` only
 * reproduces the deal total, so it cannot tell the years apart; any other profile (front- or
 * back-loaded) would be a guess the data does not support. An even split is the expectation when
 * each listed year is equally likely to carry any unit, it keeps every deal's total exact, and
 * sums over a window that contains all of a deal's delivery years are exact. The error is only
 * in how a deal is divided between years, which matters at window edges and for single years.
 *
 * Measured against SIPRI's own 2024 importer table for 1950–2023 (the register is the 2026
 * release, so SIPRI's revisions are in the differences too; tests/unit/kb/arms-flows.test.ts):
 * - even split: 51 % of country-years within ±5 % (or ±0.5, the table's rounding), world totals
 *   per year a median 2.4 % off (at most 16.5 %, 1961), every five-year world total within 4 %;
 * - whole units per year (integer units spread as evenly as possible, the remainder in the first
 *   or the last years): 52 % and 2.5–2.6 %, no better, so the simpler rule stays;
 * - all in the first (or last) delivery year: 26 % and 14–16 %, clearly worse.
 *
 * Deals with no delivered TIV (null: unknown, or 0: nothing delivered yet) yield nothing; so do
 * deals with delivered TIV but no year, which the register parser already warns about.
 */
export function splitDeliveredTiv(deal: ArmsDeal): DeliveryShare[] {
  const tiv = deal.tivDelivered;
  const years = deal.deliveryYears;
  if (tiv === null || tiv <= 0 || years.length === 0) return [];
  const perYear = tiv / years.length;
  return years.map((year) => ({ year, tiv: perYear }));
}

/* ------------------------------------------------------------------ the flow index ---- */

/** Delivered TIV from one supplier to one recipient, by year. Names exactly as the register has them. */
export interface PairFlows {
  supplier: string;
  recipient: string;
  byYear: Record<number, number>;
}

/** Every supplier → recipient flow of a register, split into years; the input to the window figures. */
export interface ArmsFlowIndex {
  /** Sorted by supplier, then recipient. */
  pairs: PairFlows[];
  /** First and last year with a delivery, null when there is none. */
  firstYear: number | null;
  lastYear: number | null;
  /** Deals with delivered TIV but no year of delivery: counted in no year. */
  unplacedDeals: number;
}

/** Builds the flow index from a register's deals (one pass; split as in splitDeliveredTiv). */
export function indexArmsFlows(deals: readonly ArmsDeal[]): ArmsFlowIndex {
  const pairs = new Map<string, PairFlows>();
  let firstYear: number | null = null;
  let lastYear: number | null = null;
  let unplacedDeals = 0;
  for (const deal of deals) {
    if (deal.deliveryYears.length === 0 && (deal.tivDelivered ?? 0) > 0) unplacedDeals++;
    const shares = splitDeliveredTiv(deal);
    if (shares.length === 0) continue;
    const key = `${deal.supplier}\u0000${deal.recipient}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { supplier: deal.supplier, recipient: deal.recipient, byYear: {} };
      pairs.set(key, pair);
    }
    for (const { year, tiv } of shares) {
      pair.byYear[year] = (pair.byYear[year] ?? 0) + tiv;
      firstYear = firstYear === null ? year : Math.min(firstYear, year);
      lastYear = lastYear === null ? year : Math.max(lastYear, year);
    }
  }
  const sorted = [...pairs.values()].sort(
    (a, b) => compareText(a.supplier, b.supplier) || compareText(a.recipient, b.recipient),
  );
  return { pairs: sorted, firstYear, lastYear, unplacedDeals };
}

/* ------------------------------------------------------------------ actors ---- */

/** A recipient or supplier as the figures present it. */
export interface SipriActor {
  /** The name as the register writes it, markers included ("Hezbollah (Lebanon)*"). */
  raw: string;
  /** The name without SIPRI's `*` / `**` markers. */
  name: string;
  kind: SipriActorKind;
  /** ISO alpha-2 for states countryCodeOf knows; null for historical states, non-state actors, organisations. */
  code: string | null;
}

const ACTORS = new Map<string, SipriActor>();

/** Reads a SIPRI name (markers, country code); cached, since the same few hundred names recur. */
export function sipriActor(raw: string): SipriActor {
  let actor = ACTORS.get(raw);
  if (!actor) {
    const { name, kind } = splitSipriName(raw);
    actor = { raw, name, kind, code: kind === 'state' ? (countryCodeOf(name) ?? null) : null };
    ACTORS.set(raw, actor);
  }
  return actor;
}

/**
 * The register names that are the country asked for: the same name (markers and case aside), or
 * the same ISO code ("RU", "Burma" → MM → "Myanmar", "UAE" ↔ "United Arab Emirates"). A code
 * never matches a predecessor state: "RU" is Russia, not the Soviet Union.
 */
function namesMatching(index: ArmsFlowIndex, query: string): string[] {
  const folded = foldKey(query);
  const trimmed = query.trim();
  const code = /^[A-Za-z]{2}$/.test(trimmed) ? trimmed.toUpperCase() : countryCodeOf(trimmed);
  return actorNames(index).filter((raw) => {
    const actor = sipriActor(raw);
    if (folded === foldedName(actor.raw) || folded === foldedName(actor.name)) return true;
    return code !== undefined && actor.code === code;
  });
}

const FOLDED = new Map<string, string>();

/** foldKey, cached: the same few hundred names are folded for every query. */
function foldedName(name: string): string {
  let folded = FOLDED.get(name);
  if (folded === undefined) {
    folded = foldKey(name);
    FOLDED.set(name, folded);
  }
  return folded;
}

/* ------------------------------------------------------------------ yearly totals ---- */

/** Per-country yearly TIV computed from the register, in the shape of a SIPRI TIV table. */
export interface YearlyTotals {
  direction: FlowDirection;
  /** One row per recipient (imports) or supplier (exports), names without markers, sorted by name. */
  rows: TivRow[];
  /** All deliveries together: the same for imports and exports. */
  world: TivRow;
  /** Deals with delivered TIV but no year of delivery, left out. */
  unplacedDeals: number;
}

/**
 * Yearly TIV per country from the register: each deal's delivered TIV split evenly over its
 * delivery years (splitDeliveredTiv), summed per recipient (imports) or supplier (exports).
 * `nonState` is set for SIPRI's `*` and `**` names, as in the TIV tables.
 */
export function yearlyTotalsFromRegister(deals: readonly ArmsDeal[], direction: FlowDirection): YearlyTotals {
  const index = indexArmsFlows(deals);
  const rows = new Map<string, TivRow>();
  const world: TivRow = { name: 'World', nonState: false, byYear: {} };
  for (const pair of index.pairs) {
    const actor = sipriActor(direction === 'imports' ? pair.recipient : pair.supplier);
    let row = rows.get(actor.raw);
    if (!row) {
      row = { name: actor.name, nonState: actor.kind === 'non-state' || actor.kind === 'organisation', byYear: {} };
      rows.set(actor.raw, row);
    }
    addInto(row.byYear, pair.byYear);
    addInto(world.byYear, pair.byYear);
  }
  const sorted = [...rows.values()].sort((a, b) => compareText(a.name, b.name));
  return { direction, rows: sorted, world, unplacedDeals: index.unplacedDeals };
}

/** Adds `source`'s TIV per year into `target`. */
export function addInto(target: Record<number, number>, source: Record<number, number>): void {
  for (const [year, tiv] of Object.entries(source)) {
    const key = Number(year);
    target[key] = (target[key] ?? 0) + tiv;
  }
}

/* ------------------------------------------------------------------ windows ---- */

/**
 * The latest complete window of `length` years, given the years that have data: it ends at the
 * last year with data, or one year earlier when that year is the data date's own year (a year
 * still under way). The TIV tables of Oct 2024 (2024 column empty) give 2019–2023; the register
 * generated May 2026 (deliveries to 2025) gives 2021–2025. Null when there are no years.
 * @param dataYears - years with data, e.g. Object.keys(table.world.byYear) or the index's years
 * @param options.dataDate - ISO date of the data, to recognise a year still under way
 */
export function latestCompleteWindow(
  dataYears: Iterable<number | string>,
  options: { length?: number; dataDate?: string | null } = {},
): YearWindow | null {
  const length = options.length ?? WINDOW_YEARS;
  let last: number | null = null;
  for (const value of dataYears) {
    const year = Number(value);
    if (Number.isInteger(year) && (last === null || year > last)) last = year;
  }
  if (last === null) return null;
  const dataYear = options.dataDate ? Number(options.dataDate.slice(0, 4)) : NaN;
  const end = last >= dataYear ? dataYear - 1 : last;
  return { from: end - length + 1, to: end };
}

/** The window of the same length just before `window`. */
export function previousWindow(window: YearWindow): YearWindow {
  const length = window.to - window.from + 1;
  return { from: window.from - length, to: window.to - length };
}

/** One partner of a country in a window: a supplier (for imports) or a recipient (for exports). */
export interface PartnerShare {
  name: string;
  kind: SipriActorKind;
  code: string | null;
  /** TIV delivered in the window, millions. */
  tiv: number;
  /** Fraction (0–1) of the country's imports or exports in the window. */
  share: number;
}

/** A country's imports or its exports in one window. */
export interface DirectionFigures {
  /** TIV in the window, millions. */
  tiv: number;
  /** TIV in the window before, millions. */
  previousTiv: number;
  /** (tiv − previousTiv) / previousTiv; null when previousTiv is 0. */
  change: number | null;
  /** 1-based rank among states by TIV in the window (ties share a rank); null for 0 TIV or a non-state. */
  rank: number | null;
  /** How many states had any TIV in the window: "rank 5 of 160". */
  rankedStates: number;
  /** All deliveries in the window, millions. */
  worldTiv: number;
  /** tiv / worldTiv, null when the world total is 0. */
  shareOfWorld: number | null;
  /** Largest partners first, at most `options.top`. */
  partners: PartnerShare[];
}

/** A country's figures for the card. */
export interface WindowFigures {
  /** The register names the query matched ("Russia"); several when one code covers several names. */
  names: string[];
  code: string | null;
  window: YearWindow;
  previousWindow: YearWindow;
  imports: DirectionFigures;
  exports: DirectionFigures;
  /** TIV per year from previousWindow.from to window.to, for a sparkline of both windows. */
  byYear: Array<{ year: number; imports: number; exports: number }>;
}

/** Options for windowFigures. */
export interface WindowOptions {
  /** How many suppliers / recipients to list. @default 5 */
  top?: number;
}

/**
 * Figures for one country in one window, all from the register split into years: imports and
 * exports with rank among states, share of the world, main partners with shares, change against
 * the previous window of the same length, and TIV by year. Null when no register name matches.
 * @param country - a SIPRI name ("Turkiye", "UAE"), another common name ("Burma") or an ISO alpha-2 code
 */
export function windowFigures(
  index: ArmsFlowIndex,
  country: string,
  window: YearWindow,
  options: WindowOptions = {},
): WindowFigures | null {
  const names = namesMatching(index, country);
  if (names.length === 0) return null;
  const members = new Set(names);
  const previous = previousWindow(window);
  const imports = createSide();
  const exports = createSide();
  const byYear = new Map<number, { imports: number; exports: number }>();
  for (let year = previous.from; year <= window.to; year++) byYear.set(year, { imports: 0, exports: 0 });
  for (const pair of index.pairs) {
    const isImport = members.has(pair.recipient);
    const isExport = members.has(pair.supplier);
    if (!isImport && !isExport) continue;
    for (const [yearText, tiv] of Object.entries(pair.byYear)) {
      const year = Number(yearText);
      const point = byYear.get(year);
      if (!point) continue;
      const isCurrent = year >= window.from;
      if (isImport) {
        addToSide(imports, pair.supplier, isCurrent, tiv);
        point.imports += tiv;
      }
      if (isExport) {
        addToSide(exports, pair.recipient, isCurrent, tiv);
        point.exports += tiv;
      }
    }
  }
  const totals = windowTotals(index, window);
  const top = options.top ?? 5;
  const codes = new Set(names.map((raw) => sipriActor(raw).code));
  return {
    names: names.map((raw) => sipriActor(raw).name),
    code: codes.size === 1 ? ([...codes][0] ?? null) : null,
    window,
    previousWindow: previous,
    imports: directionFigures(imports, totals.importsByActor, totals.world, members, top),
    exports: directionFigures(exports, totals.exportsByActor, totals.world, members, top),
    byYear: [...byYear.entries()].map(([year, point]) => ({ year, ...point })),
  };
}

/** One country's sums on one side (imports or exports). */
interface Side {
  current: number;
  previous: number;
  /** Partner name → TIV in the current window. */
  partners: Map<string, number>;
}

function createSide(): Side {
  return { current: 0, previous: 0, partners: new Map() };
}

function addToSide(side: Side, partner: string, isCurrent: boolean, tiv: number): void {
  if (!isCurrent) {
    side.previous += tiv;
    return;
  }
  side.current += tiv;
  side.partners.set(partner, (side.partners.get(partner) ?? 0) + tiv);
}

/** What every country's figures in one window share: world total and every actor's totals, for ranks. */
interface WindowTotals {
  world: number;
  importsByActor: Map<string, number>;
  exportsByActor: Map<string, number>;
}

/**
 * Window totals per index, computed once: compiling the knowledge base asks for the figures of
 * some two hundred countries in the same window. Indexes are never changed after indexArmsFlows.
 */
const WINDOW_TOTALS = new WeakMap<ArmsFlowIndex, Map<string, WindowTotals>>();

function windowTotals(index: ArmsFlowIndex, window: YearWindow): WindowTotals {
  let byWindow = WINDOW_TOTALS.get(index);
  if (!byWindow) {
    byWindow = new Map();
    WINDOW_TOTALS.set(index, byWindow);
  }
  const key = `${window.from}-${window.to}`;
  const cached = byWindow.get(key);
  if (cached) return cached;
  const totals: WindowTotals = { world: 0, importsByActor: new Map(), exportsByActor: new Map() };
  for (const pair of index.pairs) {
    let tiv = 0;
    for (let year = window.from; year <= window.to; year++) tiv += pair.byYear[year] ?? 0;
    if (tiv === 0) continue;
    totals.world += tiv;
    totals.importsByActor.set(pair.recipient, (totals.importsByActor.get(pair.recipient) ?? 0) + tiv);
    totals.exportsByActor.set(pair.supplier, (totals.exportsByActor.get(pair.supplier) ?? 0) + tiv);
  }
  byWindow.set(key, totals);
  return totals;
}

function directionFigures(
  side: Side,
  byActor: ReadonlyMap<string, number>,
  world: number,
  members: ReadonlySet<string>,
  top: number,
): DirectionFigures {
  const isState = [...members].some((raw) => sipriActor(raw).kind === 'state');
  const others = [...byActor.entries()].filter(([raw, tiv]) => !members.has(raw) && tiv > 0 && sipriActor(raw).kind === 'state');
  const ranked = isState && side.current > 0;
  const partners = [...side.partners.entries()]
    .filter(([, tiv]) => tiv > 0)
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .slice(0, top)
    .map(([raw, tiv]): PartnerShare => {
      const actor = sipriActor(raw);
      return { name: actor.name, kind: actor.kind, code: actor.code, tiv, share: tiv / side.current };
    });
  return {
    tiv: side.current,
    previousTiv: side.previous,
    change: side.previous > 0 ? (side.current - side.previous) / side.previous : null,
    rank: ranked ? 1 + others.filter(([, tiv]) => tiv > side.current).length : null,
    rankedStates: others.length + (ranked ? 1 : 0),
    worldTiv: world,
    shareOfWorld: world > 0 ? side.current / world : null,
    partners,
  };
}

const ACTOR_NAMES = new WeakMap<ArmsFlowIndex, string[]>();

/** Every supplier and recipient name in the index, once each (cached per index). */
function actorNames(index: ArmsFlowIndex): string[] {
  const cached = ACTOR_NAMES.get(index);
  if (cached) return cached;
  const names = new Set<string>();
  for (const pair of index.pairs) {
    names.add(pair.supplier);
    names.add(pair.recipient);
  }
  const list = [...names];
  ACTOR_NAMES.set(index, list);
  return list;
}

/** What one country delivered to another in a window, and its weight in the recipient's imports. */
export interface PairFlowFigures {
  /** Register names matched for each side. */
  suppliers: string[];
  recipients: string[];
  window: YearWindow;
  /** TIV delivered from supplier to recipient in the window, millions. */
  tiv: number;
  /** All the recipient's imports in the window, millions. */
  recipientImportsTiv: number;
  /** tiv / recipientImportsTiv ("Russia accounted for 16% of Myanmar's arms imports"); null when the recipient imported nothing. */
  shareOfRecipientImports: number | null;
  /** TIV per year of the window. */
  byYear: Array<{ year: number; tiv: number }>;
}

/**
 * The flow from one country to another in a window, split into years like every other figure
 * here. Null when either name matches nothing in the register.
 * @param supplier - SIPRI name, common name or ISO alpha-2 (as for windowFigures)
 * @param recipient - likewise
 */
export function pairFlow(index: ArmsFlowIndex, supplier: string, recipient: string, window: YearWindow): PairFlowFigures | null {
  const suppliers = new Set(namesMatching(index, supplier));
  const recipients = new Set(namesMatching(index, recipient));
  if (suppliers.size === 0 || recipients.size === 0) return null;
  const byYear = new Map<number, number>();
  for (let year = window.from; year <= window.to; year++) byYear.set(year, 0);
  let tiv = 0;
  let recipientImportsTiv = 0;
  for (const pair of index.pairs) {
    if (!recipients.has(pair.recipient)) continue;
    const fromSupplier = suppliers.has(pair.supplier);
    for (const [yearText, value] of Object.entries(pair.byYear)) {
      const year = Number(yearText);
      if (year < window.from || year > window.to) continue;
      recipientImportsTiv += value;
      if (!fromSupplier) continue;
      tiv += value;
      byYear.set(year, (byYear.get(year) ?? 0) + value);
    }
  }
  return {
    suppliers: [...suppliers].map((raw) => sipriActor(raw).name),
    recipients: [...recipients].map((raw) => sipriActor(raw).name),
    window,
    tiv,
    recipientImportsTiv,
    shareOfRecipientImports: recipientImportsTiv > 0 ? tiv / recipientImportsTiv : null,
    byYear: [...byYear.entries()].map(([year, value]) => ({ year, tiv: value })),
  };
}

/** Stable, locale-independent ordering, so output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
