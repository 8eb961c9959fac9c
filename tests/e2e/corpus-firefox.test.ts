/**
 * The corpus checks of corpus.test.ts, in Firefox: on every real page of ../shared/corpus/pages,
 * with the extension on, nothing is marked in forbidden elements, marking shifts no layout, turning
 * annotations off restores the body exactly, and no page error is added. Firefox runs the content
 * script in its own kind of isolated world (Xray wrappers over page objects), lays text out with its
 * own engine and tears marks down on its own schedule, so passing in Chromium proves nothing here.
 *
 * The layout and restore checks load each page under `Content-Security-Policy: script-src 'none'`
 * (corpus-checks.ts) so that the page changes only when the test changes it; the page-error check
 * loads each page with its scripts, once with annotations off and once on.
 */
import path from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { beforeAll, describe } from 'vitest';
import { corpusNoScriptRoute, itHoldsOnEveryCorpusPage, type CorpusDriver } from '../support/corpus-checks';
import { FIREFOX_MISSING, HAS_FIREFOX, launchFirefox, openExtensionPage, OPTIONS_URL } from '../support/firefox';
import { servePagesAndLaunch, type PageServer } from '../support/page-server';
import { HAS_SHARED, SHARED_DIR, SHARED_MISSING } from '../support/shared';

let browser: Browser;
let server: PageServer;
/** The options page, kept open: the test turns annotations on and off through its extension API. */
let options: Page;

async function setEnabled(enabled: boolean): Promise<void> {
  await options.evaluate(async (on) => {
    const api = (globalThis as unknown as { browser: { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } } }).browser;
    const { settings } = await api.storage.local.get('settings');
    await api.storage.local.set({ settings: { ...((settings as object | undefined) ?? { disabledSites: [] }), enabled: on } });
  }, enabled);
}

/**
 * Firefox also reports, as page errors, a page's resources that could not be fetched (their hosts
 * are out of reach here): whenever the page happens to ask for them, so in one visit and not the
 * next. Those are the network's, not any script's, and the extension fetches nothing for a page.
 */
const RESOURCE_FAILURE = /^(Cross-Origin Request Blocked|None of the “sha\d+” hashes in the integrity attribute|Loading failed for)/;

const firefox: CorpusDriver<Page> = {
  open: async (url) => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    return page;
  },
  // The library's own types for a page function's argument and result are its, not the driver's.
  run: (page, fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never,
  close: (page) => page.close(),
  setEnabled,
  pageErrors: async (url) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => {
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      if (!RESOURCE_FAILURE.test(message)) errors.push(message);
    });
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.close();
    return errors;
  },
};

describe.skipIf(!HAS_FIREFOX || !HAS_SHARED)(`every corpus page in Firefox ${!HAS_FIREFOX ? FIREFOX_MISSING : HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  servePagesAndLaunch(launchFirefox, (started) => {
    ({ server, browser } = started);
    server.routes.push(corpusNoScriptRoute);
  });
  beforeAll(async () => {
    // The countries and the UN list (people and organisations): every kind of mark, and quick.
    options = await openExtensionPage(browser, server.url('/fixtures/listed-person.html'), OPTIONS_URL, 'input[type=file]');
    const input = (await options.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path.join(SHARED_DIR, 'data', 'un', 'consolidated.xml'));
    await options.waitForSelector('[data-import=done]', { timeout: 120_000 });
  }, 180_000);

  itHoldsOnEveryCorpusPage(firefox, () => server.url(''));
});
