/**
 * When the extension is updated or reloaded, Chrome leaves the content scripts of open tabs
 * running, cut off from it (orphaned): chrome.runtime.id is gone, messages throw "Extension context
 * invalidated", the card's renderer can no longer be loaded. Such a script must take its marks and
 * its card host off the page the next time it has a reason to run, restoring the body exactly,
 * and put no error on the page.
 *
 * The extension is loaded from a copy of the build in a temp folder, since reloading it reads the
 * folder again; the page is one without scripts, so that it changes only when we change it.
 * The profile has developer mode on: without it, Chromium loads a command-line extension at
 * startup but disables it when it reloads (DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION, as
 * chrome://extensions-internals shows), so no new service worker would come.
 *
 * Firefox tears the old script down itself (its code no longer runs) and runs the new version's
 * script in open tabs; there nothing may throw, and the new script takes off what the torn-down one
 * left in the page (its card host, its marks: leftovers.ts) and marks the page afresh.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser as FirefoxBrowser, JSHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { FIREFOX_MISSING, HAS_FIREFOX, launchFirefox, openExtensionPage, OPTIONS_URL } from '../support/firefox';
import { startPageServer, type PageServer } from '../support/page-server';
import { REPO_ROOT } from '../support/shared';

const BUILD = path.join(REPO_ROOT, process.env.BACKSTORY_DIST ?? 'dist', 'chrome');
const PAGE = '/fixtures/card-countries.html';
const MARK = 'backstory-mark[data-entity="country:MM"]';
/** Longer than the card's hover delay (card-controller.ts HOVER_DELAY_MS). */
const HOVER_WAIT_MS = 800;

describe.skipIf(!HAS_CHROMIUM)(`an orphaned content script in Chromium ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let folder: string;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'backstory-orphan-'));
    const extension = path.join(folder, 'extension');
    const profile = path.join(folder, 'profile');
    fs.cpSync(BUILD, extension, { recursive: true });
    fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
    server = await startPageServer();
    browser = await launchChromium({ extension, profile });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  async function setEnabled(enabled: boolean): Promise<void> {
    await browser.worker.evaluate(async (on) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? { disabledSites: [] }), enabled: on } });
    }, enabled);
  }

  /** Reloads the extension (as an update does) and waits for its new service worker. */
  async function reloadExtension(): Promise<void> {
    const restarted = browser.context.waitForEvent('serviceworker', { timeout: 20_000 });
    // The evaluation dies with the worker it runs in: its outcome says nothing.
    browser.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    browser.worker = await restarted;
  }

  /** Opens the page with marking off and returns its body as served, then turns marking on and waits for a mark. */
  async function openMarked(): Promise<{ page: Page; pristine: string; errors: string[] }> {
    await setEnabled(false);
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // What the content script logs or throws comes here too (its world is the page's, isolated);
    // a warning counts: the orphan has nothing to report. The browser's favicon request is not ours.
    page.on('console', (message) => {
      const { url } = message.location();
      if ((message.type() === 'error' || message.type() === 'warning') && !url.endsWith('/favicon.ico')) errors.push(`${message.text()} (${url})`);
    });
    await page.goto(server.url(PAGE));
    await page.waitForTimeout(300); // the content script has read its settings and left the page alone
    const pristine = await page.evaluate(() => document.body.outerHTML);
    await setEnabled(true);
    await page.locator(MARK).first().waitFor({ state: 'attached', timeout: 10_000 });
    return { page, pristine, errors };
  }

  const leftovers = (page: Page): Promise<string[]> =>
    page.evaluate(() => [...document.querySelectorAll('backstory-mark, backstory-card')].map((element) => element.localName));

  it('takes its marks and card host off when the reader hovers a mark, restoring the body exactly', async () => {
    const { page, pristine, errors } = await openMarked();
    await reloadExtension();
    // The reload alone tells the old script nothing: its marks are still there.
    expect(await page.locator('backstory-mark').count()).toBeGreaterThan(0);
    // The pointer moves onto the mark (not locator.hover: it checks the element is still there
    // after the move, and here it rightly is not).
    const box = (await page.locator(MARK).first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => leftovers(page), { timeout: 5_000 }).toEqual([]);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(pristine);
    await page.waitForTimeout(HOVER_WAIT_MS); // past the card's hover delay: nothing opens, nothing fails
    expect(await leftovers(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does the same when the reader reaches a mark from the keyboard', async () => {
    const { page, pristine, errors } = await openMarked();
    await reloadExtension();
    await page.locator('h1').click(); // the page has focus, no mark has
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(() => leftovers(page), { timeout: 5_000 }).toEqual([]);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(pristine);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does the same when late content arrives', async () => {
    const { page, pristine, errors } = await openMarked();
    await reloadExtension();
    const added = await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later: China and Russia signed a new agreement.';
      document.querySelector('article')!.append(p);
      return p.outerHTML;
    });
    await expect.poll(() => leftovers(page), { timeout: 5_000 }).toEqual([]);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(pristine.replace('</article>', `${added}</article>`));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!HAS_FIREFOX)(`a reloaded extension's old content script in Firefox ${HAS_FIREFOX ? '' : FIREFOX_MISSING}`, () => {
  let browser: FirefoxBrowser;
  let server: PageServer;
  beforeAll(async () => {
    server = await startPageServer();
    browser = await launchFirefox();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('replaces the torn-down script\'s marks, in the document and in open shadow roots, and puts no error on the page when the reader hovers a mark or late content arrives', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') errors.push(message.text());
    });
    await page.goto(server.url(PAGE));
    await page.waitForSelector(MARK);
    const oldHostHandle = (await page.$('backstory-card'))!;
    const oldMarkHandle = (await page.$(MARK))!;
    // A page component with an open shadow root, marked by the old script too.
    await page.evaluate(() => {
      const component = document.createElement('div');
      component.id = 'component';
      document.querySelector('article')!.append(component);
      const p = document.createElement('p');
      p.textContent = 'Inside a component: Myanmar.';
      component.attachShadow({ mode: 'open' }).append(p);
    });
    const oldShadowMark = (await page.waitForFunction(() => document.getElementById('component')?.shadowRoot?.querySelector('backstory-mark') ?? false)) as JSHandle<Element>;
    const options = await openExtensionPage(browser, server.url(PAGE), OPTIONS_URL, 'input[type=file]');
    // Later, so that the evaluation returns before the page it runs in goes away with the extension.
    await options.evaluate(() => {
      setTimeout(() => chrome.runtime.reload(), 50); // Firefox's extension pages have `chrome` too
    });
    await page.bringToFront();
    // The new version's script takes the old card host and marks away and brings a card host of its
    // own: the reload is done. Its marks are new elements, not the old ones left in place.
    await page.waitForFunction(
      (oldHost, oldMark) => !oldHost.isConnected && !oldMark.isConnected && document.querySelectorAll('backstory-card').length === 1,
      { timeout: 20_000 },
      oldHostHandle,
      oldMarkHandle,
    );
    await page.waitForFunction(
      (selector, oldMark) => {
        const mark = document.querySelector(selector);
        return mark !== null && mark !== oldMark;
      },
      { timeout: 10_000 },
      MARK,
      oldMarkHandle,
    );
    // In the component too: the old mark is gone and the new script's own takes its place, alone.
    await page.waitForFunction(
      (oldMark) => {
        const marks = [...(document.getElementById('component')?.shadowRoot?.querySelectorAll('backstory-mark') ?? [])];
        return !oldMark.isConnected && marks.length === 1 && marks[0]!.textContent === 'Myanmar';
      },
      { timeout: 10_000 },
      oldShadowMark,
    );
    expect(await page.evaluate(() => document.getElementById('component')!.shadowRoot!.textContent)).toBe('Inside a component: Myanmar.');
    const box = (await (await page.$(MARK))!.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later: China and Russia signed a new agreement.';
      document.querySelector('article')!.append(p);
    });
    await page.waitForSelector('article p:last-child backstory-mark', { timeout: 10_000 }); // the new script marks it
    await new Promise((resolve) => setTimeout(resolve, HOVER_WAIT_MS));
    expect(errors).toEqual([]);
    await page.close();
  });
});
