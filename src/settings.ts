/**
 * The typed settings: defaults, parsing of whatever storage holds, read / write / watch.
 * Stored in storage.local under one key, so one change event carries the whole picture.
 */
import browser from './browser';
import type { EntityKind } from './kb/model';
import type { SourceSpec } from './sources/registry';
import { isValidMirror, SOURCE_IDS } from './sources/source-ids';

export interface Settings {
  /** Annotations on or off everywhere. */
  enabled: boolean;
  /** Host names where annotations stay off even when enabled everywhere. */
  disabledSites: string[];
  /** What is marked and how a card opens (options page, Preferences). */
  marking: MarkingPreferences;
  /** Per downloadable source (src/sources/registry.ts id): the user's choices; absent means the catalogue's default. */
  sources?: Record<string, SourceChoice>;
}

/** The user's choice for one downloadable list. */
export interface SourceChoice {
  enabled: boolean;
  /** Another URL (a folder serving the same file names) to download from instead of the publisher's. */
  mirror?: string;
}

/** How a card opens from a mark: hover (after a dwell), click, or hover while Alt is held. */
export type CardTrigger = 'hover' | 'click' | 'modifier';
export const CARD_TRIGGERS: readonly CardTrigger[] = ['hover', 'click', 'modifier'];

export interface MarkingPreferences {
  /** Which kinds of entity are marked. */
  kinds: Record<EntityKind, boolean>;
  /** 'strong': only matches the page confirms; 'possible': name-only matches too. */
  matches: 'strong' | 'possible';
  /** Mark only the first mention of each entity, or every one. */
  mentions: 'first' | 'every';
  /** Keyboard focus always opens the card, whatever the trigger (WCAG 2.1.1). */
  trigger: CardTrigger;
  /** Also collect names that match nothing in the loaded lists, for the popup (off by default). */
  unknownNames: boolean;
}

export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organisation', 'vessel', 'aircraft', 'country'];

export const DEFAULT_MARKING: MarkingPreferences = {
  kinds: { person: true, organisation: true, vessel: true, aircraft: true, country: true },
  matches: 'possible',
  mentions: 'every',
  trigger: 'hover',
  unknownNames: false,
};

export const DEFAULT_SETTINGS: Settings = { enabled: true, disabledSites: [], marking: DEFAULT_MARKING };

const KEY = 'settings';

/** Reads settings from untrusted stored data, falling back to defaults field by field. */
export function parseSettings(raw: unknown): Settings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(value.disabledSites)
      ? [...new Set(value.disabledSites.filter((s): s is string => typeof s === 'string' && s.length < 256))]
      : DEFAULT_SETTINGS.disabledSites,
    marking: parseMarking(value.marking),
    ...parseSourceChoices(value.sources),
  };
}

/** Marking preferences from stored data, field by field (a kind not stored keeps its default). */
export function parseMarking(raw: unknown): MarkingPreferences {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const storedKinds = typeof value.kinds === 'object' && value.kinds !== null ? (value.kinds as Record<string, unknown>) : {};
  const kinds = { ...DEFAULT_MARKING.kinds };
  for (const kind of ENTITY_KINDS) if (typeof storedKinds[kind] === 'boolean') kinds[kind] = storedKinds[kind];
  return {
    kinds,
    matches: value.matches === 'strong' || value.matches === 'possible' ? value.matches : DEFAULT_MARKING.matches,
    mentions: value.mentions === 'first' || value.mentions === 'every' ? value.mentions : DEFAULT_MARKING.mentions,
    trigger: CARD_TRIGGERS.includes(value.trigger as CardTrigger) ? (value.trigger as CardTrigger) : DEFAULT_MARKING.trigger,
    unknownNames: typeof value.unknownNames === 'boolean' ? value.unknownNames : DEFAULT_MARKING.unknownNames,
  };
}

/** The host name a person typed or pasted ("news.example", "https://news.example/a"), or null if it is none. */
export function normaliseSite(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const host = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
    // The URL parser percent-encodes what a host cannot hold ("not a site" → "not%20a%20site").
    return host.length < 256 && /^(?:[a-z0-9_-]+\.)*[a-z0-9_-]+$|^\[[0-9a-f:.]+\]$/.test(host) ? host : null;
  } catch {
    return null;
  }
}

/** Source choices from stored data: known ids only, a mirror only when it is a plain http(s) URL. */
function parseSourceChoices(raw: unknown): Pick<Settings, 'sources'> {
  if (typeof raw !== 'object' || raw === null) return {};
  const sources: Record<string, SourceChoice> = {};
  for (const [id, choice] of Object.entries(raw as Record<string, unknown>)) {
    if (!SOURCE_IDS.has(id) || typeof choice !== 'object' || choice === null) continue;
    const { enabled, mirror } = choice as Record<string, unknown>;
    if (typeof enabled !== 'boolean') continue;
    sources[id] = { enabled, ...(typeof mirror === 'string' && isValidMirror(mirror) ? { mirror } : {}) };
  }
  return Object.keys(sources).length > 0 ? { sources } : {};
}

/** Whether the user wants `source` downloaded (their choice, else the catalogue's default). */
export function isSourceEnabled(settings: Settings, source: SourceSpec): boolean {
  // A source with no files to fetch (SIPRI: import only) is never downloaded, whatever the choice.
  return source.files.length > 0 && (settings.sources?.[source.id]?.enabled ?? source.enabledByDefault);
}

/** The mirror chosen for `source`, if any. */
export function mirrorOf(settings: Settings, source: SourceSpec): string | undefined {
  return settings.sources?.[source.id]?.mirror;
}

/** Returns settings with the choice for one source replaced. */
export function withSource(settings: Settings, id: string, choice: SourceChoice): Settings {
  return { ...settings, sources: { ...settings.sources, [id]: choice } };
}

/** Whether annotations run on a page of `host` under `settings`. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host);
}

/** Returns settings with `host` turned on or off. */
export function withSite(settings: Settings, host: string, on: boolean): Settings {
  const others = settings.disabledSites.filter((s) => s !== host);
  return { ...settings, disabledSites: on ? others : [...others, host].sort() };
}

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return parseSettings(stored[KEY]);
}

export async function writeSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

/** Calls `listener` with the new settings whenever they change; returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && KEY in changes) listener(parseSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/* ------------------------------------------------------------ "not this person" dismissals -- */

/**
 * Matches a reader dismissed with "not this person": per host, the entity ids never to mark
 * there again. Kept under their own key, not inside `Settings`, because the content script writes
 * them: a read-modify-write of the whole settings object from a page could undo a change the
 * options page made meanwhile.
 */
export type Dismissals = Record<string, string[]>;

const DISMISSALS_KEY = 'dismissed';
/** Entity ids kept per host; the oldest go first beyond this. */
export const MAX_DISMISSALS_PER_SITE = 500;

/** Dismissals from untrusted stored data: host → unique entity ids, bad entries dropped. */
export function parseDismissals(raw: unknown): Dismissals {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: Dismissals = {};
  for (const [host, ids] of Object.entries(raw as Record<string, unknown>)) {
    if (host.length === 0 || host.length >= 256 || !Array.isArray(ids)) continue;
    const valid = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length < 256))];
    if (valid.length > 0) out[host] = valid.slice(-MAX_DISMISSALS_PER_SITE);
  }
  return out;
}

/** Returns dismissals with `entity` dismissed on `host`. */
export function withDismissal(dismissals: Dismissals, host: string, entity: string): Dismissals {
  const ids = (dismissals[host] ?? []).filter((id) => id !== entity);
  return { ...dismissals, [host]: [...ids, entity].slice(-MAX_DISMISSALS_PER_SITE) };
}

export async function readDismissals(): Promise<Dismissals> {
  const stored = await browser.storage.local.get(DISMISSALS_KEY);
  return parseDismissals(stored[DISMISSALS_KEY]);
}

export async function writeDismissals(dismissals: Dismissals): Promise<void> {
  await browser.storage.local.set({ [DISMISSALS_KEY]: dismissals });
}
