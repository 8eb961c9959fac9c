import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { writeImportReportFiles, type ImportReportFiles } from '../support/import-report-files';

/**
 * The import report of the options page in Chromium, with invented files: problems found by the
 * parsers (which run in a worker, as data) reach the page worded from _locales, not as message ids.
 */
let browser: ExtensionBrowser;
let files: ImportReportFiles;

describe.skipIf(!HAS_CHROMIUM)(`options page import report ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  beforeAll(async () => {
    files = writeImportReportFiles();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    files?.remove();
  });

  it('words the errors of refused files and lists the warnings of a file it read', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.locator('input[type=file]').setInputFiles(files.paths);
    const report = options.locator('[data-import=done]');
    await report.waitFor({ timeout: 60_000 });

    const { empty, unknown, warned } = files.expected;
    expect(await report.locator(`li.error[data-file="${empty.file}"]`).textContent()).toBe(empty.error);
    expect(await report.locator(`li.error[data-file="${unknown.file}"]`).textContent()).toContain(unknown.error);

    const read = report.locator(`li[data-file="${warned.file}"]`);
    expect(await read.getAttribute('class')).not.toContain('error');
    const warnings = read.locator('details.warnings');
    expect(await warnings.locator('summary').textContent()).toBe('Show the first 1');
    await warnings.locator('summary').click(); // the list is folded until opened
    expect(await warnings.locator('li').allTextContents()).toEqual([warned.warning]);

    // No message id anywhere in the report: every diagnostic found its message in the catalogue.
    expect(await report.textContent()).not.toMatch(/\bdiag[A-Z]|__MSG_/);
    await options.close();
  });

  it('words why the stored knowledge base could not be loaded, and keeps the one in use', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.locator('tr[data-source="uk-hmt"]').waitFor(); // installed by the import above
    // Mark the stored core as a format version this build does not read, then have the background reload it.
    const reply = await options.evaluate(async () => {
      const open = indexedDB.open('backstory-kb');
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const request = <T,>(r: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const meta = await request(database.transaction('meta').objectStore('meta').get('current'));
      const cores = database.transaction('cores', 'readwrite').objectStore('cores');
      const core = await request(cores.get(meta.generation));
      await request(cores.put({ ...core, version: 999 }, meta.generation));
      database.close();
      return chrome.runtime.sendMessage({ app: 'backstory', name: 'reloadKb', request: null });
    });
    expect(reply).toMatchObject({ problem: { key: 'diagKbLoadFailed', values: [expect.stringContaining('999')] } });

    await options.reload();
    const alert = options.locator('section[aria-labelledby="loaded-heading"] [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('The stored knowledge base could not be loaded: knowledge base format version 999 is not supported (this version reads 1)');
    // The knowledge base loaded before stays in use.
    await options.locator('tr[data-source="uk-hmt"]').waitFor();
    await options.close();
  });
});
