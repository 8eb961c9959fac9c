/**
 * Rebuild worker (Firefox): parses, compiles, vets and installs downloaded lists off the event
 * page's main thread. Chrome's background is a service worker, which has no page and cannot start
 * dedicated workers; there updates.ts runs the same rebuild in place.
 */
import { rebuildWith } from '../db/library';
import { judgeCandidate } from '../sources/update-plan';
import type { RebuildEvent, RebuildRequest } from './rebuild-protocol';

const post = (event: RebuildEvent): void => self.postMessage(event);

self.addEventListener('message', (event: MessageEvent<RebuildRequest>) => {
  const { files, plan } = event.data;
  rebuildWith(files, undefined, { vet: (candidate) => judgeCandidate(plan, candidate) })
    .then((report) => post({ type: 'done', report }))
    .catch((error: unknown) => post({ type: 'failed', message: (error as Error).message }));
});
