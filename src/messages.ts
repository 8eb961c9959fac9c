/**
 * The message protocol, in one place: every request, its payload and its reply, with the checks
 * that run on arrival. Replies are plain, structured-clonable data.
 *
 *   content script / popup / options ──Requests──► background      (runtime.sendMessage)
 *   popup                            ──TabRequests──► content script (tabs.sendMessage)
 */
import browser from './browser';
import type { KbArtifact, ListSummary } from './kb/artifact';
import type { EntityKind } from './kb/model';
import type { SpotResult, TextBlock } from './kb/spot';

export type { Mention, SpotResult, TextBlock } from './kb/spot';

/** An entity found on a page and how often it is mentioned. */
export interface FoundEntity {
  id: string;
  name: string;
  kind: EntityKind;
  count: number;
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
  /** Why the stored knowledge base could not be loaded, when it could not. */
  error?: string;
}

/** Requests to the background. Names are verbs. */
export interface Requests {
  /** Find known entities in text blocks collected from a page. */
  spot: { request: { blocks: TextBlock[] }; reply: SpotResult };
  /** What is loaded, per list, with data dates (options page, popup). */
  getStatus: { request: null; reply: KbStatus };
  /** A new knowledge base was installed in IndexedDB: load it (sent by extension pages only). */
  reloadKb: { request: null; reply: KbStatus };
}

/** Requests only the extension's own pages may send; content scripts may not. */
export const PAGE_ONLY_REQUESTS: ReadonlySet<RequestName> = new Set(['reloadKb']);

/** Requests from the popup to the content script of a tab. */
export interface TabRequests {
  /** What the page's content script found, and the page's host name (for per-site settings). */
  listFound: { request: null; reply: { host: string; entities: FoundEntity[] } };
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

/** Shape checks for each request to the background, run before any handler. */
export const REQUEST_VALIDATORS: { [N in RequestName]: (request: unknown) => request is RequestOf<N> } = {
  spot: (r): r is RequestOf<'spot'> =>
    typeof r === 'object' && r !== null && Object.keys(r).length === 1 && isTextBlocks((r as { blocks: unknown }).blocks),
  getStatus: (r): r is null => r === null,
  reloadKb: (r): r is null => r === null,
};

/** Shape checks for each request to a content script. */
export const TAB_REQUEST_VALIDATORS: { [N in TabRequestName]: (request: unknown) => request is TabRequestOf<N> } = {
  listFound: (r): r is null => r === null,
};

/** Sends a request to the background and resolves with its reply. */
export function ask<N extends RequestName>(name: N, request: RequestOf<N>): Promise<ReplyOf<N>> {
  return browser.runtime.sendMessage({ app: APP, name, request } satisfies Envelope) as Promise<ReplyOf<N>>;
}

/** Sends a request to the content script of one tab. */
export function askTab<N extends TabRequestName>(tabId: number, name: N, request: TabRequestOf<N>): Promise<TabReplyOf<N>> {
  return browser.tabs.sendMessage(tabId, { app: APP, name, request } satisfies Envelope) as Promise<TabReplyOf<N>>;
}
