/** Messages between the options page and its import worker (same extension origin, postMessage). */
import type { RebuildProgress, RebuildReport } from '../db/library';

/** Page → worker: the chosen files. */
export interface ImportRequest {
  files: File[];
}

/** Worker → page. */
export type ImportEvent =
  | { type: 'progress'; progress: RebuildProgress }
  | { type: 'done'; report: RebuildReport }
  | { type: 'failed'; message: string };
