/** Messages between the Firefox background (event page) and its rebuild worker (postMessage). */
import type { RebuildReport } from '../db/library';
import type { SourceFile } from '../sources/read-sources';
import type { UpdatePlan } from '../sources/update-plan';

/** Background → worker: the downloaded files and what to check before installing. */
export interface RebuildRequest {
  files: SourceFile[];
  plan: UpdatePlan;
}

/** Worker → background. */
export type RebuildEvent = { type: 'done'; report: RebuildReport } | { type: 'failed'; message: string };
