/**
 * The message protocol, in one place: every request, its payload and its reply, with the checks
 * that run on arrival. Replies are plain, structured-clonable data.
 *
 *   content script / popup / options ──Requests──► background      (runtime.sendMessage)
 *   popup                            ──TabRequests──► content script (tabs.sendMessage)
 */
import browser from './browser';
import type { KbArtifact, ListSummary } from './kb/artifact';
import type { EntityCard } from './kb/card';
import type { EntityKind } from './kb/model';
import { MATCH_REASON_KINDS, type MatchInfo, type MatchReason } from './kb/card';
import type { SpotResult, TextBlock, UnknownName } from './kb/spot';
import type { Problem } from './sources/diagnostics';
import type { SourceStatus } from './sources/update-plan';

export type { Mention, SpotResult, TextBlock, UnknownName } from './kb/spot';

/** An entity found on a page and how often it is mentioned. */
export interface FoundEntity {
  id: string;
  name: string;
  kind: EntityKind;
  count: number;
  /**
   * Whether any mention carries a mark to reveal: not when every mention comes after the page's
   * first MAX_MARKS_PER_PAGE marks (page-limits.ts), which are all a page holds.
   */
  marked: boolean;
}

/** What the knowledge base holds and how fresh it is. */
export interface KbStatus {
  /** ISO time the current knowledge base was installed; null when only country data is loaded. */
  installedAt: string | null;
  lists: ListSummary[];
  datasets: KbArtifact['datasets'];
  names: number;
  /** Milliseconds the background took to load the knowledge base it answers from. */
  loadMs: number;
  /** Why the stored knowledge base could not be loaded, when it could not, in English (all older versions sent). */
  error?: string;
  /** The same as a diagnostic, for the options page to word in the reader's language (read it with readProblem). */
  problem?: Problem;
}

/** One downloadable list as the options page shows it: the catalogue entry, the user's choice, the download status. */
export interface SourceView {
  id: string;
  title: string;
  authority: string;
  page: string;
  /** The URLs files come from now (the mirror's when one is set). */
  urls: string[];
  intervalHours: number;
  /** The _locales id of a note on the source (registry.ts). */
  noteKey?: string;
  /** False for import-only sources (SIPRI). */
  downloadable: boolean;
  enabled: boolean;
  mirror?: string;
  /** Host permissions the source needs with its current URLs, and whether they are granted. */
  origins: string[];
  permitted: boolean;
  status: SourceStatus;
  /** Entries and data date of the list in the knowledge base in use, when it is loaded. */
  entries: number | null;
  dataDate: string | null;
  /** ISO time of the next scheduled download, when the source is enabled. */
  nextDueAt: string | null;
}

/** Requests to the background. Names are verbs. */
export interface Requests {
  /** Find known entities in text blocks collected from a page. */
  /**
   * The entities a batch of page text names. `pass` names the annotation pass the batch belongs
   * to: the background answers a pass's batches in order and carries what each found to the next
   * (src/background/page-passes.ts), so the page need not wait for one answer to send the next batch.
   */
  spot: { request: { blocks: TextBlock[]; seen?: Record<string, MatchInfo>; unknownNames?: boolean; pass?: string }; reply: SpotResult };
  /**
   * A country's whole card (a spot reply carries it `partial`), with the arms flows between it and
   * the other countries the page names (`onPage`: their entity ids); null for an unknown id.
   */
  countryCard: { request: { id: string; onPage: string[] }; reply: EntityCard | null };
  /** What is loaded, per list, with data dates (options page, popup). */
  getStatus: { request: null; reply: KbStatus };
  /** A new knowledge base was installed in IndexedDB: load it (sent by extension pages only). */
  reloadKb: { request: null; reply: KbStatus };
  /** Look up a name typed in the popup (or selected for the context menu), tolerant of spelling; best first. */
  lookup: { request: { name: string }; reply: EntityCard[] };
  /** The downloadable lists with their settings and download status (options page). */
  getSources: { request: null; reply: SourcesReply };
  /** Turn a list's downloads on or off, or set its mirror (null: the publisher's URL). */
  setSource: { request: { id: string; enabled: boolean; mirror: string | null }; reply: SourcesReply };
  /** Start downloading one list (id) or every enabled list (null) now; answers once started. */
  refreshNow: { request: { id: string | null }; reply: { started: boolean } };
}

/** The sources panel's picture: every list, and whether a download is running. */
export interface SourcesReply {
  sources: SourceView[];
  updating: boolean;
}

/** Requests only the extension's own pages may send; content scripts may not. */
export const PAGE_ONLY_REQUESTS: ReadonlySet<RequestName> = new Set(['getSources', 'setSource', 'refreshNow', 'reloadKb', 'lookup']);

/** Requests from the popup to the content script of a tab. */
export interface TabRequests {
  /** What the page's content script found, and the page's host name (for per-site settings). */
  /** `unknown`: names that match nothing in the loaded lists, when the reader asked for them (a preference). */
  listFound: { request: null; reply: { host: string; entities: FoundEntity[]; unknown?: UnknownName[] } };
  /** Scroll to the first mark of an entity and flash it; replies whether there was one. */
  revealEntity: { request: { id: string }; reply: boolean };
}

export type RequestName = keyof Requests;
export type RequestOf<N extends RequestName> = Requests[N]['request'];
export type ReplyOf<N extends RequestName> = Requests[N]['reply'];
export type TabRequestName = keyof TabRequests;
export type TabRequestOf<N extends TabRequestName> = TabRequests[N]['request'];
export type TabReplyOf<N extends TabRequestName> = TabRequests[N]['reply'];

/** Every message of ours carries this tag, so foreign messages are told apart at a glance. */
const APP = 'backstory';

export interface Envelope {
  app: typeof APP;
  name: string;
  request: unknown;
}

/** Limits that keep a hostile page from making the background do unbounded work. */
export const MAX_BLOCKS = 5_000;
export const MAX_BLOCK_CHARS = 20_000;
export const MAX_TOTAL_CHARS = 2_000_000;

/** Longest name the popup may look up: far above any real name, far below a flood. */
export const MAX_LOOKUP_CHARS = 200;
const MAX_ENTITY_ID_CHARS = 200;

/** Whether `value` is an object with exactly one key, `key`, holding a non-empty string of at most `max` characters. */
function hasOnlyString(value: unknown, key: string, max: number): boolean {
  if (typeof value !== 'object' || value === null || Object.keys(value).length !== 1) return false;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.length > 0 && field.length <= max;
}

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).app === APP &&
    typeof (message as Envelope).name === 'string'
  );
}

function isTextBlocks(value: unknown): value is TextBlock[] {
  if (!Array.isArray(value) || value.length > MAX_BLOCKS) return false;
  let total = 0;
  for (const block of value) {
    if (typeof block !== 'object' || block === null) return false;
    const text = (block as TextBlock).text;
    if (typeof text !== 'string' || text.length > MAX_BLOCK_CHARS) return false;
    total += text.length;
  }
  return total <= MAX_TOTAL_CHARS;
}

/** An annotation pass's id, as the content script makes them (src/content/annotator.ts). */
const PASS_ID = /^[a-z0-9]{1,32}$/;

/** Limits on the `seen` map a page sends back with its next batch (it is the background's own reply). */
const MAX_SEEN = 2_000;
const MAX_REASONS = 12;
/** More than there are countries and blocs. */
const MAX_COUNTRIES_ON_PAGE = 400;
const MAX_REASON_CHARS = 400;

function isSeenMap(value: unknown): value is Record<string, MatchInfo> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  if (entries.length > MAX_SEEN) return false;
  return entries.every(([id, info]) => {
    if (id.length > MAX_ENTITY_ID_CHARS || typeof info !== 'object' || info === null) return false;
    const { tier, reasons, ...rest } = info as Record<string, unknown>;
    return (
      Object.keys(rest).length === 0 &&
      (tier === 'strong' || tier === 'possible') &&
      Array.isArray(reasons) &&
      reasons.length <= MAX_REASONS &&
      reasons.every(isMatchReason)
    );
  });
}

/** A match reason: a known kind, and fields that are short texts, small lists of them, counts or flags. */
function isMatchReason(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { kind, ...fields } = value as Record<string, unknown>;
  const isShortText = (v: unknown): boolean => typeof v === 'string' && v.length <= MAX_REASON_CHARS;
  return (
    MATCH_REASON_KINDS.has(kind as MatchReason['kind']) &&
    Object.values(fields).every(
      (v) => isShortText(v) || typeof v === 'boolean' || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e6) || (Array.isArray(v) && v.length <= MAX_REASONS && v.every(isShortText)),
    )
  );
}

/** Shape checks for each request to the background, run before any handler. */
export const REQUEST_VALIDATORS: { [N in RequestName]: (request: unknown) => request is RequestOf<N> } = {
  spot: (r): r is RequestOf<'spot'> => {
    if (typeof r !== 'object' || r === null) return false;
    const { blocks, seen, unknownNames, pass, ...rest } = r as Record<string, unknown>;
    return (
      Object.keys(rest).length === 0 &&
      isTextBlocks(blocks) &&
      (seen === undefined || isSeenMap(seen)) &&
      (unknownNames === undefined || typeof unknownNames === 'boolean') &&
      (pass === undefined || (typeof pass === 'string' && PASS_ID.test(pass)))
    );
  },
  countryCard: (r): r is RequestOf<'countryCard'> => {
    if (typeof r !== 'object' || r === null || Object.keys(r).length !== 2) return false;
    const { id, onPage } = r as Record<string, unknown>;
    const isId = (v: unknown): boolean => typeof v === 'string' && v.length <= MAX_ENTITY_ID_CHARS;
    return isId(id) && Array.isArray(onPage) && onPage.length <= MAX_COUNTRIES_ON_PAGE && onPage.every(isId);
  },
  getStatus: (r): r is null => r === null,
  reloadKb: (r): r is null => r === null,
  lookup: (r): r is RequestOf<'lookup'> => hasOnlyString(r, 'name', MAX_LOOKUP_CHARS),
  getSources: (r): r is null => r === null,
  setSource: (r): r is RequestOf<'setSource'> => {
    if (typeof r !== 'object' || r === null || Object.keys(r).length !== 3) return false;
    const { id, enabled, mirror } = r as Record<string, unknown>;
    return typeof id === 'string' && id.length <= 100 && typeof enabled === 'boolean' && (mirror === null || (typeof mirror === 'string' && mirror.length <= 2048));
  },
  refreshNow: (r): r is RequestOf<'refreshNow'> => {
    if (typeof r !== 'object' || r === null || Object.keys(r).length !== 1) return false;
    const { id } = r as Record<string, unknown>;
    return id === null || (typeof id === 'string' && id.length <= 100);
  },
};

/** Shape checks for each request to a content script. */
export const TAB_REQUEST_VALIDATORS: { [N in TabRequestName]: (request: unknown) => request is TabRequestOf<N> } = {
  listFound: (r): r is null => r === null,
  revealEntity: (r): r is TabRequestOf<'revealEntity'> => hasOnlyString(r, 'id', MAX_ENTITY_ID_CHARS),
};

/** Sends a request to the background and resolves with its reply. */
export function ask<N extends RequestName>(name: N, request: RequestOf<N>): Promise<ReplyOf<N>> {
  return browser.runtime.sendMessage({ app: APP, name, request } satisfies Envelope) as Promise<ReplyOf<N>>;
}

/** Sends a request to the content script of one tab. */
export function askTab<N extends TabRequestName>(tabId: number, name: N, request: TabRequestOf<N>): Promise<TabReplyOf<N>> {
  return browser.tabs.sendMessage(tabId, { app: APP, name, request } satisfies Envelope) as Promise<TabReplyOf<N>>;
}
