/// <reference types="chrome" />
/**
 * Every real page of ../shared/corpus/pages, with the extension on, holds these invariants:
 *   - no page error is added by the extension (the page's own errors, with and without it, compared, see corpus-checks.ts);
 *   - nothing is marked in forbidden elements, and marks never nest;
 *   - marking causes no layout shift (every element's box is where it was before);
 *   - turning annotations off restores the body exactly (serialised DOM equal to before).
 *
 * How the last three are made sound on pages whose scripts change their own DOM: those checks
 * load each page with `Content-Security-Policy: script-src 'none'`, so no page script runs (the
 * <script> elements stay in the DOM, to check we leave them alone) while the content script,
 * which page CSP does not govern, runs as usual. The page then changes only when we change it:
 * the body is serialised and every element's box recorded with annotations off, annotations are
 * turned on (marks placed, boxes compared), then off again (body compared). The page-error check
 * needs the pages' scripts, so it loads each page with scripts running, once with annotations off
 * and once on, and looks for errors that only the run with annotations on has.
 *
 * The knowledge base holds the countries and the UN list (people and organisations), imported
 * through the options page as a user would: enough to place every kind of mark, and quick.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { corpusNoScriptRoute, itHoldsOnEveryCorpusPage, type CorpusDriver } from '../support/corpus-checks';
import { startPageServer, type PageServer } from '../support/page-server';
import { HAS_SHARED, SHARED_DIR, SHARED_MISSING } from '../support/shared';

let browser: ExtensionBrowser;
let server: PageServer;

async function setEnabled(enabled: boolean): Promise<void> {
  await browser.worker.evaluate(async (on) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? { disabledSites: [] }), enabled: on } });
  }, enabled);
}

const chromium: CorpusDriver<Page> = {
  open: async (url) => {
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    return page;
  },
  // The library's own types for a page function's argument and result are its, not the driver's.
  run: (page, fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never,
  close: (page) => page.close(),
  setEnabled,
  pageErrors: async (url) => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message.split('\n')[0]!));
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
    await page.waitForTimeout(400);
    await page.close();
    return errors;
  },
};

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED)(`every corpus page ${!HAS_CHROMIUM ? CHROMIUM_MISSING : HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  beforeAll(async () => {
    server = await startPageServer();
    server.routes.push(corpusNoScriptRoute);
    browser = await launchChromium();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.locator('input[type=file]').first().setInputFiles(path.join(SHARED_DIR, 'data', 'un', 'consolidated.xml'));
    await options.locator('[data-import=done]').waitFor({ timeout: 120_000 });
    await options.close();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  itHoldsOnEveryCorpusPage(chromium, () => server.url(''));
});
