/// <reference types="chrome" />
/**
 * Pages that change after the first pass (src/content/page-observer.ts): content added later,
 * in-page navigation through the History API, text changed in place, open shadow roots of page
 * components, a component that fights our marks, and a very large page. The page's own changes
 * are made from its main world with page.evaluate, as its scripts would.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { addNewsCardInPage, addToNewsCardInPage, LIVE_PAGE, mountFightingComponentInPage, newsCardMarksInPage } from '../support/live-page';
import { startPageServer, type PageServer } from '../support/page-server';
import { MAX_MARKS_PER_PAGE } from '../../src/page-limits';

let browser: ExtensionBrowser;
let server: PageServer;


async function openLivePage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url('/live.html'));
  await page.waitForSelector('#first backstory-mark', { state: 'attached' });
  return page;
}

/** What the page's content script tells the popup: each entity found, with its count of mentions and whether any is marked. */
async function listFound(page: Page): Promise<Array<{ id: string; count: number; marked: boolean }>> {
  const url = page.url();
  const reply = await browser.worker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    return chrome.tabs.sendMessage(tab!.id!, { app: 'backstory', name: 'listFound', request: null });
  }, url);
  return (reply as { entities: Array<{ id: string; count: number; marked: boolean }> }).entities;
}

async function found(page: Page): Promise<Record<string, number>> {
  return Object.fromEntries((await listFound(page)).map((e) => [e.id, e.count]));
}

describe.skipIf(!HAS_CHROMIUM)(`pages that change ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  beforeAll(async () => {
    server = await startPageServer();
    server.routes.push((request, response) => {
      if (!request.url?.startsWith('/live.html') && !request.url?.startsWith('/live/')) return false;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LIVE_PAGE);
      return true;
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

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
      await page.waitForTimeout(80);
    }
    await expect.poll(() => page.locator('p.late backstory-mark[data-entity="country:DE"]').count(), { timeout: 10_000 }).toBe(50);
    expect(await page.locator('backstory-mark backstory-mark').count()).toBe(0);
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
    await page.waitForSelector('#next backstory-mark[data-entity="country:JP"]', { state: 'attached' });
    await expect.poll(async () => Object.keys(await found(page))).toEqual(['country:JP']);
    await page.close();
  });

  it('marks text a page changes in place', async () => {
    const page = await openLivePage();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'ticker';
      p.textContent = 'Waiting for news.';
      document.getElementById('feed')!.append(p);
    });
    await page.waitForTimeout(600);
    await page.evaluate(() => {
      (document.getElementById('ticker')!.firstChild as Text).data = 'Breaking: Kenya votes.';
    });
    await page.waitForSelector('#ticker backstory-mark[data-entity="country:KE"]', { state: 'attached' });
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
    await page.waitForTimeout(4_000);
    const settled = await page.evaluate(() => (window as unknown as { renders: number }).renders);
    await page.waitForTimeout(2_000);
    expect(await page.evaluate(() => (window as unknown as { renders: number }).renders)).toBe(settled);
    expect(settled).toBeLessThanOrEqual(6);
    // Content elsewhere on the page is still marked.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'after-fight';
      p.textContent = 'Meanwhile in Peru.';
      document.getElementById('feed')!.append(p);
    });
    await page.waitForSelector('#after-fight backstory-mark', { state: 'attached' });
    await page.close();
  });

  it('annotates a very large page in full, and turning off restores it exactly', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const main = document.getElementById('feed')!;
        const words = 'the minister of Italy said talks would go on while markets waited for more news from abroad'.split(' ');
        for (let i = 0; i < 6_000; i++) {
          const p = document.createElement('p');
          p.append(Array.from({ length: 20 }, (_, j) => words[(i + j) % words.length]).join(' ') + '.');
          main.append(p);
        }
      });
    });
    await page.goto(server.url('/live.html'));
    await page.waitForSelector('#first backstory-mark', { state: 'attached' });
    const expected = await page.evaluate(() => document.getElementById('feed')!.textContent!.match(/Italy/g)!.length);
    await expect.poll(() => page.locator('backstory-mark[data-entity="country:IT"]').count(), { timeout: 60_000 }).toBe(expected);
    expect(expected).toBeGreaterThan(1000);
    const pristine = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      for (const mark of clone.querySelectorAll('backstory-mark')) mark.replaceWith(...mark.childNodes);
      clone.normalize();
      return clone.outerHTML;
    });
    await browser.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? { disabledSites: [] }), enabled: false } });
    });
    await expect.poll(() => page.locator('backstory-mark').count(), { timeout: 20_000 }).toBe(0);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(pristine);
    await browser.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? { disabledSites: [] }), enabled: true } });
    });
    await page.close();
  });
  it('marks at most MAX_MARKS_PER_PAGE mentions, and still counts every one', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const main = document.getElementById('feed')!;
        for (let i = 0; i < 4_000; i++) {
          const p = document.createElement('p');
          p.textContent = `Ministers of Italy, France and Spain met again, round ${i}.`;
          main.append(p);
        }
        const last = document.createElement('p');
        last.textContent = 'Germany sent an observer.';
        main.append(last);
      });
    });
    await page.goto(server.url('/live.html?many'));
    await page.waitForSelector('#first backstory-mark', { state: 'attached' });
    // 12,002 mentions: "France" in the first paragraph, three countries in each of 4,000, then Germany.
    await expect.poll(async () => (await found(page))['country:DE'] ?? 0, { timeout: 60_000 }).toBe(1);
    expect(await found(page)).toEqual({ 'country:IT': 4_000, 'country:FR': 4_001, 'country:ES': 4_000, 'country:DE': 1 });
    expect(await page.locator('backstory-mark').count()).toBe(MAX_MARKS_PER_PAGE);
    // The first mentions are the ones marked: the page's last paragraphs have none.
    expect(await page.locator('#feed p:last-child backstory-mark').count()).toBe(0);
    expect(await page.locator('#feed p:nth-last-child(2) backstory-mark').count()).toBe(0);
    expect(await page.locator('#feed p:nth-child(2) backstory-mark').count()).toBe(3);
    // Germany, named only past the cap, has no mark: the popup lists it without a reveal.
    const marked = Object.fromEntries((await listFound(page)).map((e) => [e.id, e.marked]));
    expect(marked).toEqual({ 'country:IT': true, 'country:FR': true, 'country:ES': true, 'country:DE': false });
    await page.close();
  });
});
