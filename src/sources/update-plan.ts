/**
 * The decisions of the scheduled updates, as pure functions over plain data: when a source is
 * due, which conditional-request headers to send, whether a freshly compiled list is plausible
 * next to the one it replaces, and when to retry after a failure. The background's updates.ts
 * does the fetching and storing around them.
 */
import { diagnostic, english, type Diagnostic, type Problem } from './diagnostics';
import type { SourceSpec } from './registry';

/** A diagnostic with its English, as statuses and reports store problems. */
export function asProblem(problem: Diagnostic): Problem {
  return { message: english(problem), key: problem.key, values: problem.values };
}

/** Validators of the last good response for one file, to ask "has it changed?". */
export interface FileValidators {
  /** The URL they belong to: a different URL (a new mirror) starts afresh. */
  url: string;
  etag?: string;
  lastModified?: string;
}

/** What the background remembers about one source's downloads (storage.local). */
export interface SourceStatus {
  /** ISO time of the last download that was installed, or found unchanged. */
  lastSuccessAt?: string;
  /** ISO time of the last attempt, good or bad. */
  lastAttemptAt?: string;
  /** The last attempt's error in English (all that versions before message ids stored); absent after a success. */
  lastError?: string;
  /** The same error as a diagnostic, for the options page to word in the reader's language (read it with readProblem). */
  lastProblem?: Problem;
  /** ISO time of the next try after a failure. */
  nextRetryAt?: string;
  /** Failures in a row, for the back-off. */
  failures?: number;
  /** Validators per file name, from the last installed download. */
  validators?: Record<string, FileValidators>;
  /** While a download runs: bytes received so far and expected (when the server says). */
  progress?: { bytes: number; total: number | null; file: string };
}

const HOUR = 3_600_000;
const FIRST_RETRY_MS = 15 * 60_000;

/** When `source` should next be downloaded: now when never downloaded, the retry time after a failure, else a full interval after the last success. */
export function nextDueAt(source: SourceSpec, status: SourceStatus | undefined, now: number): number {
  if (status?.nextRetryAt) return Date.parse(status.nextRetryAt);
  if (!status?.lastSuccessAt) return now;
  return Date.parse(status.lastSuccessAt) + source.intervalHours * HOUR;
}

/** Whether `source` is due at `now`. */
export function isDue(source: SourceSpec, status: SourceStatus | undefined, now: number): boolean {
  return nextDueAt(source, status, now) <= now;
}

/**
 * When to try again after the `failures`-th failure in a row: 15 min, 30 min, 1 h, … doubling,
 * never later than the source's regular interval (so a broken publisher is not hammered and a
 * mended one is picked up soon).
 */
export function retryAt(source: SourceSpec, failures: number, now: number): number {
  const backoff = FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(failures - 1, 20));
  return now + Math.min(backoff, Math.max(source.intervalHours * HOUR, FIRST_RETRY_MS));
}

/** Conditional-request headers for a file from the last good response's validators, if they are for this URL. */
export function conditionalHeaders(url: string, validators: FileValidators | undefined): Record<string, string> {
  if (!validators || validators.url !== url) return {};
  const headers: Record<string, string> = {};
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  return headers;
}

/** A list smaller than this fraction of its last size is taken for a broken download, not a real list. */
export const MIN_SHRINK_RATIO = 0.5;

/**
 * Why a new compile of `sourceId` is implausible, or null when it looks right: the list must be
 * there, and hold at least half the entries it had last time.
 * @param previous - entries the installed knowledge base holds for the source, or null when none
 * @param next - entries in the new compile, or null when the list is missing from it
 */
export function shrinkProblem(sourceId: string, previous: number | null, next: number | null): string | null {
  const problem = shrinkDiagnostic(sourceId, previous, next);
  return problem && english(problem);
}

/** shrinkProblem as a diagnostic. */
export function shrinkDiagnostic(sourceId: string, previous: number | null, next: number | null): Diagnostic | null {
  if (next === null || next === 0) return diagnostic('diagUpdateNoEntries', sourceId);
  if (previous !== null && previous > 0 && next < previous * MIN_SHRINK_RATIO) {
    return diagnostic('diagUpdateShrank', next.toLocaleString('en'), previous.toLocaleString('en'));
  }
  return null;
}

/** A compile to judge: its per-list entry counts and per-file outcomes. */
export interface Candidate {
  lists: ReadonlyArray<{ source: string; entries: number }>;
  files: ReadonlyArray<{ file: string; ok: boolean; error?: Problem }>;
}

/** The sources in one rebuild, with their new file names and the entries they held before. */
export interface UpdatePlan {
  sources: Array<{ id: string; files: string[]; previousEntries: number | null }>;
}

/**
 * Judges a compile of downloaded sources: a source whose file did not parse, whose list is
 * missing, or that shrank implausibly is refused, with the reason. Empty when all are fine.
 */
export function judgeCandidate(plan: UpdatePlan, candidate: Candidate): Record<string, Problem> {
  const refused: Record<string, Problem> = {};
  for (const source of plan.sources) {
    const failed = candidate.files.find((f) => source.files.includes(f.file) && !f.ok);
    if (failed) {
      refused[source.id] = failed.error ?? asProblem(diagnostic('diagUpdateUnreadable', failed.file));
      continue;
    }
    const next = candidate.lists.find((l) => l.source === source.id)?.entries ?? null;
    const problem = shrinkDiagnostic(source.id, source.previousEntries, next);
    if (problem) refused[source.id] = asProblem(problem);
  }
  return refused;
}
