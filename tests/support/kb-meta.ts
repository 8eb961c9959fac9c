/**
 * The installed knowledge base's meta record, read and written inside one of the extension's own
 * pages (its IndexedDB is theirs): pass these to page.evaluate, in Playwright or Puppeteer alike.
 * Tests use them to make the installed knowledge base look as an older version left it.
 */
import type { KbMeta } from '../../src/db/kb-db';

export type { KbMeta };

/** Runs in the page: the meta record of the installed knowledge base. */
export function readKbMetaInPage(): Promise<KbMeta> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('backstory-kb');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('meta').objectStore('meta').get('current');
      get.onerror = () => reject(get.error);
      get.onsuccess = () => {
        open.result.close();
        resolve(get.result as KbMeta);
      };
    };
  });
}

/** Runs in the page: replaces the meta record, as another version of Backstory would have written it. */
export function putKbMetaInPage(meta: Partial<KbMeta>): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('backstory-kb');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('meta', 'readwrite');
      tx.objectStore('meta').put(meta, 'current');
      tx.onerror = () => reject(tx.error);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
    };
  });
}
