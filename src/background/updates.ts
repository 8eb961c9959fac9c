/**
 * Scheduled downloads of the enabled lists from their publishers (or the user's mirrors):
 *
 *   install / startup / alarm / "Refresh now"
 *     → each enabled source that is due and whose host the user allowed
 *     → fetch its files (conditional requests, timeout, size limit, progress in storage.local)
 *     → rebuildWith (src/db/library.ts): parse, compile, vet (parse errors, missing or shrunken list), install
 *     → kb-store reloadKb
 *     → and, when an older version of Backstory compiled the installed knowledge base, a rebuild
 *       of it from the stored files with this version's compiler
 *
 * A refused or failed download changes nothing in the knowledge base: the last good data stays,
 * and the status records the error and the retry time. The rebuild runs in a dedicated worker in
 * Firefox (event page) and in the service worker itself in Chrome (no page there to keep responsive).
 */
import browser from '../browser';
import { readMeta, readStoredFiles } from '../db/kb-db';
import { COMPILER_REVISION } from '../kb/artifact';
import { rebuildWith, type RebuildReport } from '../db/library';
import type { SourcesReply, SourceView } from '../messages';
import { isSourceEnabled, mirrorOf, readSettings, withSource, writeSettings, type Settings } from '../settings';
import type { SourceFile } from '../sources/read-sources';
import { fileUrls, isDownloadable, isValidMirror, permissionOrigins, sourceById, SOURCES, storedName, type SourceSpec } from '../sources/registry';
import { diagnostic, DiagnosticError, englishProblem, type Problem } from '../sources/diagnostics';
import { asProblem, conditionalHeaders, isDue, judgeCandidate, nextDueAt, retryAt, type FileValidators, type SourceStatus, type UpdatePlan } from '../sources/update-plan';
import { reloadKb, status as kbStatus } from './kb-store';
import type { RebuildEvent, RebuildRequest } from './rebuild-protocol';

const STATUS_KEY = 'sourceStatus';
const ALARM = 'backstory-updates';
/** How often the alarm looks for due sources; each source has its own, longer interval. */
const ALARM_MINUTES = 30;
/** A list file larger than this is refused (the largest official file is about 30 MB). */
export const MAX_DOWNLOAD_BYTES = 128 * 1024 * 1024;
/** A file that takes longer than this to arrive is abandoned. */
const TIMEOUT_MS = 180_000;
/** Progress is written to storage at most this often (bytes). */
const PROGRESS_STEP = 256 * 1024;

type Statuses = Record<string, SourceStatus>;

let running: Promise<void> | null = null;
let queued: { only: string | null; force: boolean } | null = null;

/** Registers the update listeners; call synchronously at background start. */
export function registerUpdates(): void {
  browser.runtime.onInstalled.addListener(() => {
    void ensureAlarm();
    void runUpdates(null, false);
  });
  browser.runtime.onStartup.addListener(() => {
    void ensureAlarm();
    void runUpdates(null, false);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runUpdates(null, false);
  });
}

async function ensureAlarm(): Promise<void> {
  if (await browser.alarms.get(ALARM)) return;
  await browser.alarms.create(ALARM, { periodInMinutes: ALARM_MINUTES, delayInMinutes: ALARM_MINUTES });
}

/**
 * Downloads and installs the due sources (or `only` one, or all enabled with `force`). One run
 * at a time: a request during a run is queued and runs after it.
 */
export function runUpdates(only: string | null, force: boolean): Promise<void> {
  if (running) {
    queued = queued ? { only: queued.only === only ? only : null, force: queued.force || force } : { only, force };
    return running;
  }
  running = (async () => {
    try {
      await runOnce(only, force);
    } catch (error) {
      console.error('Backstory: update run failed', error);
    }
  })().finally(() => {
    running = null;
    const next = queued;
    queued = null;
    if (next) void runUpdates(next.only, next.force);
  });
  return running;
}

interface Downloaded {
  source: SourceSpec;
  files: SourceFile[];
  validators: Record<string, FileValidators>;
}

async function runOnce(only: string | null, force: boolean): Promise<void> {
  const settings = await readSettings();
  const now = Date.now();
  const statuses = await readStatuses();
  const chosen = SOURCES.filter((s) => isSourceEnabled(settings, s) && (only === null || s.id === only) && (force || isDue(s, statuses[s.id], now)));
  if (chosen.length > 0) await downloadAndInstall(chosen, settings, statuses);
  // After any install, which compiles with this version anyway and leaves nothing to do here.
  await recompileIfStale();
}

async function downloadAndInstall(chosen: SourceSpec[], settings: Settings, statuses: Statuses): Promise<void> {
  const stored = new Map((await readStoredFiles()).map((f) => [f.name, f]));
  const downloads: Downloaded[] = [];
  for (const source of chosen) {
    const mirror = mirrorOf(settings, source);
    const origins = permissionOrigins(source, mirror);
    if (!(await browser.permissions.contains({ origins }))) {
      const problem = asProblem(diagnostic('diagUpdateNoPermission', origins.join(', ')));
      await patchStatus(source.id, { lastAttemptAt: new Date().toISOString(), lastError: problem.message, lastProblem: problem, progress: undefined });
      continue;
    }
    try {
      const result = await download(source, mirror, statuses[source.id], stored);
      if (result === 'not-modified') await succeed(source.id, statuses[source.id]?.validators ?? {});
      else downloads.push(result);
    } catch (error) {
      await fail(source, statuses[source.id], problemOf(error));
    }
  }
  if (downloads.length > 0) await install(downloads);
}

/** storage.local key: the COMPILER_REVISION a rebuild of the stored files was last tried for. */
const RECOMPILED_KEY = 'recompiledFor';

/**
 * Rebuilds the installed knowledge base from its stored list files when an older version of
 * Backstory compiled it (COMPILER_REVISION): what this version's compiler adds would otherwise
 * wait until a list changes at its publisher, and a knowledge base in a format this version no
 * longer reads would leave only the countries. The old one answers until the new one is installed.
 * Tried once per revision, so a stored file this version cannot read does not cost a rebuild at
 * every run; a rebuild cut short (the worker stopped) is tried again, as nothing was recorded.
 */
async function recompileIfStale(): Promise<void> {
  const meta = await readMeta();
  if (!meta || (meta.compilerRevision ?? 0) >= COMPILER_REVISION) return;
  const { [RECOMPILED_KEY]: tried } = await browser.storage.local.get(RECOMPILED_KEY);
  if (tried === COMPILER_REVISION) return;
  try {
    const report = await rebuild([], { sources: [] });
    if (report.meta) await reloadKb();
    else console.error('Backstory: the stored lists could not be compiled again with this version; the installed knowledge base stays in use');
  } catch (error) {
    console.error('Backstory: compiling the stored lists again with this version failed', error);
  }
  await browser.storage.local.set({ [RECOMPILED_KEY]: COMPILER_REVISION });
}

/** Rebuilds with the downloaded files; refused sources are dropped and the rest tried once more. */
async function install(downloads: Downloaded[]): Promise<void> {
  const statuses = await readStatuses();
  const previous = new Map(((await readMeta())?.lists ?? []).map((l) => [l.source, l.entries]));
  let remaining = downloads;
  for (let attempt = 0; attempt < 2 && remaining.length > 0; attempt++) {
    const plan: UpdatePlan = {
      sources: remaining.map((d) => ({ id: d.source.id, files: d.files.map((f) => f.name), previousEntries: previous.get(d.source.id) ?? null })),
    };
    let report: RebuildReport;
    try {
      report = await rebuild(remaining.flatMap((d) => d.files), plan);
    } catch (error) {
      // Storage full, a worker that would not start…: nothing was installed, so say so and retry later.
      for (const d of remaining) await fail(d.source, statuses[d.source.id], asProblem(diagnostic('diagUpdateInstallFailed', englishOf(error))));
      return;
    }
    if (report.meta) {
      for (const d of remaining) await succeed(d.source.id, d.validators);
      await reloadKb();
      return;
    }
    const refused = report.refused ?? {};
    if (Object.keys(refused).length === 0) {
      const why = report.files.find((f) => !f.ok)?.error ?? asProblem(diagnostic('diagUpdateNothingBuilt'));
      for (const d of remaining) await fail(d.source, statuses[d.source.id], why);
      return;
    }
    for (const d of remaining) if (refused[d.source.id]) await fail(d.source, statuses[d.source.id], refused[d.source.id]!);
    remaining = remaining.filter((d) => !refused[d.source.id]);
  }
}

/**
 * Parses, compiles, vets and installs. Where the background can start a dedicated worker
 * (Firefox's event page) the work runs there, off the background's main thread; a Chrome service
 * worker cannot, and has no page to keep responsive, so it runs in place.
 */
function rebuild(files: SourceFile[], plan: UpdatePlan): Promise<RebuildReport> {
  if (typeof Worker !== 'function') return rebuildWith(files, undefined, { vet: (candidate) => judgeCandidate(plan, candidate) });
  return new Promise((resolve, reject) => {
    const worker = new Worker(browser.runtime.getURL('rebuild-worker.js'));
    worker.addEventListener('message', (event: MessageEvent<RebuildEvent>) => {
      worker.terminate();
      if (event.data.type === 'done') resolve(event.data.report);
      else reject(new Error(event.data.message));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new DiagnosticError(diagnostic('diagUpdateWorkerFailed', event.message)));
    });
    worker.postMessage({ files, plan } satisfies RebuildRequest);
  });
}

/** Fetches every file of a source; 'not-modified' when the server says none changed. */
async function download(
  source: SourceSpec,
  mirror: string | undefined,
  status: SourceStatus | undefined,
  stored: ReadonlyMap<string, { bytes: Uint8Array }>,
): Promise<Downloaded | 'not-modified'> {
  await patchStatus(source.id, { lastAttemptAt: new Date().toISOString() });
  const obtained = new Date().toISOString().slice(0, 10);
  const targets = fileUrls(source, mirror);
  const fetched: Array<{ name: string; url: string; result: FetchResult }> = [];
  for (const { name, url } of targets) {
    // Ask "has it changed?" only when the unchanged copy is still at hand to rebuild from.
    const validators = stored.has(storedName(source, name)) ? status?.validators?.[name] : undefined;
    fetched.push({ name, url, result: await fetchFile(source.id, name, url, conditionalHeaders(url, validators)) });
  }
  await patchStatus(source.id, { progress: undefined });
  if (fetched.every((f) => f.result === 'not-modified')) return 'not-modified';
  const files: SourceFile[] = [];
  const validators: Record<string, FileValidators> = {};
  for (const f of fetched) {
    let result = f.result;
    if (result === 'not-modified') {
      const copy = stored.get(storedName(source, f.name));
      if (copy) {
        files.push({ name: storedName(source, f.name), bytes: copy.bytes, obtained });
        if (status?.validators?.[f.name]) validators[f.name] = status.validators[f.name]!;
        continue;
      }
      result = await fetchFile(source.id, f.name, f.url, {});
      if (result === 'not-modified') throw new DiagnosticError(diagnostic('diagUpdateNotModified', f.url));
    }
    files.push({ name: storedName(source, f.name), bytes: result.bytes, obtained });
    validators[f.name] = { url: f.url, ...(result.etag ? { etag: result.etag } : {}), ...(result.lastModified ? { lastModified: result.lastModified } : {}) };
  }
  return { source, files, validators };
}

type FetchResult = 'not-modified' | { bytes: Uint8Array; etag: string | null; lastModified: string | null };

/** One file: timeout, size limit, progress, and a check that all the bytes the server announced arrived. */
async function fetchFile(id: string, name: string, url: string, headers: Record<string, string>): Promise<FetchResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store', credentials: 'omit', redirect: 'follow' });
    } catch (error) {
      throw new DiagnosticError(controller.signal.aborted ? diagnostic('diagUpdateNoAnswer', url, TIMEOUT_MS / 1000) : diagnostic('diagUpdateUnreachable', url, englishOf(error)));
    }
    if (response.status === 304) return 'not-modified';
    if (!response.ok || !response.body) {
      throw new DiagnosticError(response.statusText ? diagnostic('diagUpdateHttpStatusText', url, response.status, response.statusText) : diagnostic('diagUpdateHttpStatus', url, response.status));
    }
    const declared = response.headers.get('content-length');
    const total = declared !== null && /^\d+$/.test(declared) ? Number(declared) : null;
    if (total !== null && total > MAX_DOWNLOAD_BYTES) throw new DiagnosticError(diagnostic('diagUpdateTooLarge', url, total, MAX_DOWNLOAD_BYTES));
    const chunks: Uint8Array[] = [];
    let received = 0;
    let reported = 0;
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        if (received > MAX_DOWNLOAD_BYTES) {
          controller.abort();
          throw new DiagnosticError(diagnostic('diagUpdateOverLimit', url, MAX_DOWNLOAD_BYTES));
        }
        if (received - reported >= PROGRESS_STEP) {
          reported = received;
          await patchStatus(id, { progress: { bytes: received, total, file: name } });
        }
      }
    } catch (error) {
      if (error instanceof DiagnosticError && error.diagnostic.key === 'diagUpdateOverLimit') throw error;
      throw new DiagnosticError(
        controller.signal.aborted ? diagnostic('diagUpdateTooSlow', url, TIMEOUT_MS / 1000) : diagnostic('diagUpdateCutOff', url, received, englishOf(error)),
      );
    }
    // A compressed transfer announces the compressed length; only a plain one can be checked this way.
    const encoding = response.headers.get('content-encoding');
    if (total !== null && (!encoding || encoding === 'identity') && received !== total) {
      throw new DiagnosticError(diagnostic('diagUpdateTruncated', url, received, total));
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return { bytes, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
  } finally {
    clearTimeout(timer);
  }
}

async function succeed(id: string, validators: Record<string, FileValidators>): Promise<void> {
  await patchStatus(id, { lastSuccessAt: new Date().toISOString(), lastError: undefined, lastProblem: undefined, nextRetryAt: undefined, failures: undefined, validators, progress: undefined });
}

async function fail(source: SourceSpec, status: SourceStatus | undefined, problem: Problem): Promise<void> {
  const failures = (status?.failures ?? 0) + 1;
  await patchStatus(source.id, {
    lastError: problem.message,
    lastProblem: problem,
    failures,
    nextRetryAt: new Date(retryAt(source, failures, Date.now())).toISOString(),
    progress: undefined,
  });
}

/** A thrown error as a problem to store: its diagnostic when it has one, else its text as data. */
function problemOf(error: unknown): Problem {
  if (error instanceof DiagnosticError) return asProblem(error.diagnostic);
  return asProblem(diagnostic('diagUpdateFailed', englishOf(error)));
}

/** The English of an error: a diagnostic's, with where it is, or the platform's own text. */
function englishOf(error: unknown): string {
  if (error instanceof DiagnosticError) return englishProblem({ message: error.message, ...error.diagnostic });
  return error instanceof Error ? error.message : String(error);
}

async function readStatuses(): Promise<Statuses> {
  const raw = (await browser.storage.local.get(STATUS_KEY))[STATUS_KEY];
  return typeof raw === 'object' && raw !== null ? (raw as Statuses) : {};
}

let writing: Promise<void> = Promise.resolve();

/** Merges `patch` into one source's status (undefined removes a field); writes are serialised. */
function patchStatus(id: string, patch: Partial<Record<keyof SourceStatus, unknown>>): Promise<void> {
  writing = writing.then(async () => {
    const all = await readStatuses();
    const next: Record<string, unknown> = { ...all[id] };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    await browser.storage.local.set({ [STATUS_KEY]: { ...all, [id]: next } });
  });
  return writing;
}

/** The sources panel's picture (getSources). */
export async function sourcesView(): Promise<SourcesReply> {
  // Taken before the statuses are read, so "not updating" never pairs with a half-written attempt.
  const updating = running !== null;
  const [settings, statuses, kb] = await Promise.all([readSettings(), readStatuses(), kbStatus()]);
  const lists = new Map(kb.lists.map((l) => [l.source, l]));
  const now = Date.now();
  const sources: SourceView[] = [];
  for (const source of SOURCES) {
    const mirror = mirrorOf(settings, source);
    const enabled = isSourceEnabled(settings, source);
    const origins = isDownloadable(source) ? permissionOrigins(source, mirror) : [];
    const status = statuses[source.id] ?? {};
    const list = lists.get(source.id);
    sources.push({
      id: source.id,
      title: source.title,
      authority: source.authority,
      page: source.page,
      urls: fileUrls(source, mirror).map((f) => f.url),
      intervalHours: source.intervalHours,
      ...(source.noteKey ? { noteKey: source.noteKey } : {}),
      downloadable: isDownloadable(source),
      enabled,
      ...(mirror ? { mirror } : {}),
      origins,
      permitted: origins.length > 0 && (await browser.permissions.contains({ origins })),
      status,
      entries: list?.entries ?? null,
      dataDate: list?.dataDate ?? null,
      nextDueAt: enabled ? new Date(Math.max(now, nextDueAt(source, status, now))).toISOString() : null,
    });
  }
  return { sources, updating };
}

/** Applies the options page's choice for one source (setSource); a newly enabled source downloads at once. */
export async function setSource(id: string, enabled: boolean, mirror: string | null): Promise<SourcesReply> {
  const source = sourceById(id);
  if (!source || !isDownloadable(source) || (mirror !== null && mirror !== '' && !isValidMirror(mirror))) return sourcesView();
  const settings = await readSettings();
  const wasEnabled = isSourceEnabled(settings, source);
  const choice = { enabled, ...(mirror ? { mirror } : {}) };
  await writeSettings(withSource(settings, id, choice));
  if (enabled && (!wasEnabled || mirror !== (mirrorOf(settings, source) ?? null))) {
    // A new address or a newly enabled list: forget old failures and fetch now.
    await patchStatus(id, { nextRetryAt: undefined, failures: undefined });
    void runUpdates(id, true);
  }
  return sourcesView();
}
