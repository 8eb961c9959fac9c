/**
 * The main checks of dynamic-pages.test.ts, in Firefox: content added later, in-page navigation
 * through the History API, open shadow roots of page components, a component that fights our marks,
 * and a very large page turned off again. Firefox delivers mutation records, runs the content
 * script's observer in its isolated (Xray) world and reaches shadow roots through wrappers of its
 * own, so passing in Chromium proves nothing here. The page's own changes are made from its main
 * world with page.evaluate, as its scripts would.
 */
import type { Browser, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_MISSING, HAS_FIREFOX, launchFirefox, openExtensionPage, OPTIONS_URL } from '../support/firefox';
import { addNewsCardInPage, addToNewsCardInPage, LIVE_PAGE, mountFightingComponentInPage, newsCardMarksInPage } from '../support/live-page';
import { servePagesAndLaunch, type PageServer } from '../support/page-server';

let browser: Browser;
let server: PageServer;
/** The options page, kept open: the test reaches the extension API (storage, tabs) through it. */
let options: Page;


/**
 * The large page of the Chromium test, built by the server rather than by an init script: the same
 * 6,000 paragraphs, there from the first pass on.
 */
function largePage(): string {
  const words = 'the minister of Italy said talks would go on while markets waited for more news from abroad'.split(' ');
  const paragraphs = Array.from({ length: 6_000 }, (_, i) => `<p>${Array.from({ length: 20 }, (_, j) => words[(i + j) % words.length]).join(' ')}.</p>`);
  return LIVE_PAGE.replace('</main>', `${paragraphs.join('')}</main>`);
}

type ExtensionApi = {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  tabs: { query(q: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number }>>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
};

async function setEnabled(enabled: boolean): Promise<void> {
  await options.evaluate(async (on) => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    const { settings } = await api.storage.local.get('settings');
    await api.storage.local.set({ settings: { ...((settings as object | undefined) ?? { disabledSites: [] }), enabled: on } });
  }, enabled);
}

async function openLivePage(path = '/live.html'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(server.url(path));
  await page.waitForSelector('#first backstory-mark', { timeout: 20_000 });
  return page;
}

/** What the page's content script tells the popup: each entity found, with its count of mentions and whether any is marked. */
async function listFound(page: Page): Promise<Array<{ id: string; count: number; marked: boolean }>> {
  // Firefox answers a query by URL only with the "tabs" permission or host permissions, which the
  // extension does not ask for (an empty list, where Chromium finds the tab): the page is brought
  // to the front and found as the active tab instead, as the popup finds it.
  await page.bringToFront();
  const reply = await options.evaluate(async () => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return api.tabs.sendMessage(tab!.id!, { app: 'backstory', name: 'listFound', request: null });
  });
  return (reply as { entities: Array<{ id: string; count: number; marked: boolean }> }).entities;
}

async function found(page: Page): Promise<Record<string, number>> {
  return Object.fromEntries((await listFound(page)).map((e) => [e.id, e.count]));
}

const count = (page: Page, selector: string): Promise<number> => page.evaluate((s) => document.querySelectorAll(s).length, selector);
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!HAS_FIREFOX)(`pages that change, in Firefox ${HAS_FIREFOX ? '' : FIREFOX_MISSING}`, () => {
  servePagesAndLaunch(launchFirefox, (started) => {
    ({ server, browser } = started);
    server.routes.push((request, response) => {
      const url = request.url ?? '';
      if (url.startsWith('/live-large.html')) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(largePage());
        return true;
      }
      if (!url.startsWith('/live.html') && !url.startsWith('/live/')) return false;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LIVE_PAGE);
      return true;
    });
  });
  beforeAll(async () => {
    options = await openExtensionPage(browser, server.url('/fixtures/listed-person.html'), OPTIONS_URL, 'input[type=file]');
  }, 60_000);

  it('marks paragraphs that arrive later, as on an infinite-scroll page or a live blog', async () => {
    const page = await openLivePage();
    for (let burst = 0; burst < 5; burst++) {
      await page.evaluate((b) => {
        const feed = document.getElementById('feed')!;
        for (let i = 0; i < 10; i++) {
          const p = document.createElement('p');
          p.className = 'late';
          p.append(`Update ${b}.${i}: ministers from Germany arrived.`);
          if (b % 2 === 0) feed.append(p);
          else feed.prepend(p);
        }
      }, burst);
      await pause(80);
    }
    await expect.poll(() => count(page, 'p.late backstory-mark[data-entity="country:DE"]'), { timeout: 10_000 }).toBe(50);
    expect(await count(page, 'backstory-mark backstory-mark')).toBe(0);
    expect((await found(page))['country:DE']).toBe(50);
    await page.close();
  });

  it('marks the new article after an in-page navigation, and forgets the old one', async () => {
    const page = await openLivePage();
    await page.evaluate(() => {
      history.pushState({}, '', '/live/next');
      const article = document.createElement('article');
      const p = document.createElement('p');
      p.id = 'next';
      p.textContent = 'A delegation from Japan landed.';
      article.append(p);
      document.getElementById('feed')!.replaceChildren(article);
    });
    await page.waitForSelector('#next backstory-mark[data-entity="country:JP"]', { timeout: 10_000 });
    await expect.poll(async () => Object.keys(await found(page))).toEqual(['country:JP']);
    await page.close();
  });

  it('marks text inside open shadow roots of page components, also text added to them later', async () => {
    const page = await openLivePage();
    await page.evaluate(addNewsCardInPage);
    const inShadow = (code: string) => page.evaluate(newsCardMarksInPage, code);
    await expect.poll(() => inShadow('BR'), { timeout: 10_000 }).toBe(1);
    await page.evaluate(addToNewsCardInPage);
    await expect.poll(() => inShadow('CL'), { timeout: 10_000 }).toBe(1);
    await page.close();
  });

  it('stops answering a component that re-renders whenever it sees a mark, and the page stays responsive', async () => {
    const page = await openLivePage();
    await page.evaluate(mountFightingComponentInPage);
    const renders = () => page.evaluate(() => (window as unknown as { renders: number }).renders);
    await pause(4_000);
    const settled = await renders();
    await pause(2_000);
    expect(await renders()).toBe(settled);
    expect(settled).toBeLessThanOrEqual(6);
    // The fight did happen (the extension marked the component at least once), or the check above proves nothing.
    expect(settled).toBeGreaterThan(1);
    // Content elsewhere on the page is still marked.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'after-fight';
      p.textContent = 'Meanwhile in Peru.';
      document.getElementById('feed')!.append(p);
    });
    await page.waitForSelector('#after-fight backstory-mark', { timeout: 10_000 });
    await page.close();
  });

  it('annotates a very large page in full, and turning off restores it exactly', async () => {
    const page = await openLivePage('/live-large.html');
    const expected = await page.evaluate(() => document.getElementById('feed')!.textContent!.match(/Italy/g)!.length);
    expect(expected).toBeGreaterThan(1000);
    await expect.poll(() => count(page, 'backstory-mark[data-entity="country:IT"]'), { timeout: 60_000, interval: 500 }).toBe(expected);
    const pristine = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      for (const mark of clone.querySelectorAll('backstory-mark')) mark.replaceWith(...mark.childNodes);
      clone.normalize();
      return clone.outerHTML;
    });
    try {
      await setEnabled(false);
      await expect.poll(() => count(page, 'backstory-mark'), { timeout: 20_000 }).toBe(0);
      expect(await page.evaluate(() => document.body.outerHTML)).toBe(pristine);
    } finally {
      await setEnabled(true);
    }
    await page.close();
  }, 120_000);
});
