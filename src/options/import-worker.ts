/**
 * Import worker: reads the chosen files, parses and compiles them with the stored lists, and
 * installs the new knowledge base — off the options page's main thread, so the page stays
 * responsive and shows progress.
 */
import { rebuildWith } from '../db/library';
import type { ImportEvent, ImportRequest } from './import-protocol';

const post = (event: ImportEvent): void => self.postMessage(event);

self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  void (async () => {
    try {
      const files = await Promise.all(
        event.data.files.map(async (file) => ({
          name: file.webkitRelativePath || file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
          obtained: new Date(file.lastModified).toISOString().slice(0, 10),
        })),
      );
      const report = await rebuildWith(files, (progress) => post({ type: 'progress', progress }));
      post({ type: 'done', report });
    } catch (error) {
      post({ type: 'failed', message: (error as Error).message });
    }
  })();
});
