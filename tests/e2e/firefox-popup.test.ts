import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { FIREFOX_MISSING, HAS_FIREFOX, launchFirefox, OPTIONS_URL, openExtensionPage as openExtensionPageFrom, openPopupFor as openPopupFrom } from '../support/firefox';
import { startPageServer, type PageServer } from '../support/page-server';
import { HAS_SHARED, SHARED_DIR, SHARED_MISSING } from '../support/shared';

/**
 * The toolbar popup in Firefox ESR, as tests/e2e/popup.test.ts checks it in Chromium: the entities
 * a page names with their counts, a click that scrolls to and flashes the first mention, listed
 * names grouped before countries, and the search that finds a listed person from a misspelt name.
 *
 * The popup is opened as a tab (the real toolbar popup cannot be opened from a test), reached
 * from a test page because BiDi will not navigate to moz-extension:// itself (the test build makes
 * the popup web-accessible to 127.0.0.1). It reads the active tab when it loads, so the news page
 * is brought to the front and the popup reloaded behind it, as in the Chromium test.
 */
let browser: Browser;
let server: PageServer;

/** Opens an extension page in a new tab, from a test page. */
const openExtensionPage = (url: string, ready: string): Promise<Page> => openExtensionPageFrom(browser, server.url('/fixtures/repeated-names.html'), url, ready);

/** The popup, reading `page` as the active tab. */
const openPopupFor = (page: Page): Promise<Page> => openPopupFrom(browser, server.url('/fixtures/repeated-names.html'), page);

/** Imports the OFAC SDN files through the options page, as a reader does. */
async function importOfac(): Promise<void> {
  const options = await openExtensionPage(OPTIONS_URL, 'input[type=file]');
  const input = (await options.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(...['sdn.csv', 'alt.csv', 'add.csv'].map((file) => path.join(SHARED_DIR, 'data', 'ofac', file)));
  await options.waitForSelector('[data-import=done]', { timeout: 120_000 });
  await options.close();
}

describe.skipIf(!HAS_FIREFOX)(`popup in Firefox ${HAS_FIREFOX ? '' : FIREFOX_MISSING}`, () => {
  beforeAll(async () => {
    server = await startPageServer();
    browser = await launchFirefox();
    if (HAS_SHARED) await importOfac();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists what the page names with counts; a click scrolls to the first mention and flashes it', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/fixtures/repeated-names.html'));
    await page.waitForSelector('#third backstory-mark');
    const popup = await openPopupFor(page);
    const myanmar = 'ul.found li[data-entity="country:MM"]';
    await popup.waitForSelector(myanmar);
    expect(await popup.$eval(`${myanmar} .count`, (count) => count.textContent)).toBe('3');
    expect(await popup.$eval(`${myanmar} .visually-hidden`, (words) => words.textContent)).toBe('3 mentions');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    // The news page stays in front, as under the real toolbar popup. (With the popup tab in front
    // instead, Firefox's content script replies true but the hidden page never scrolls.)
    await popup.click(`${myanmar} button`);
    await page.waitForFunction(() => window.scrollY > 1000);
    // The flash is a Web Animation on the first mention only.
    const animations = (selector: string): Promise<number> => page.$eval(selector, (mark) => mark.getAnimations().length);
    expect(await animations('#first backstory-mark[data-entity="country:MM"]')).toBe(1);
    expect(await animations('#second backstory-mark[data-entity="country:MM"]')).toBe(0);
    expect(await popup.$('[role=status]:not([data-lookup])')).toBeNull(); // no "no longer on the page"
    await Promise.all([popup.close(), page.close()]);
  });

  it.skipIf(!HAS_SHARED)(`groups listed names before countries ${HAS_SHARED ? '' : SHARED_MISSING}`, async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/fixtures/listed-person.html'));
    await page.waitForSelector('#lead backstory-mark[data-kind="person"]');
    const popup = await openPopupFor(page);
    await popup.waitForSelector('ul.found[data-group="found-listed"] li');
    expect(await popup.$$eval('ul.found', (lists) => lists.map((l) => l.getAttribute('data-group')))).toEqual(['found-listed', 'found-countries']);
    expect(await popup.$eval('ul.found[data-group="found-listed"]', (list) => list.textContent)).toContain('person');
    expect(await popup.$$eval('ul.found[data-group="found-countries"] li[data-entity="country:MM"]', (items) => items.length)).toBe(1);
    // Each entry has its count, for the eye and in words.
    const counts = await popup.$$eval('ul.found li', (items) => items.map((li) => [li.querySelector('.count')?.textContent, li.querySelector('.visually-hidden')?.textContent]));
    for (const [figure, words] of counts) expect(words).toMatch(new RegExp(`^${figure} mentions?$`));
    await Promise.all([popup.close(), page.close()]);
  });

  it.skipIf(!HAS_SHARED)(`the search finds a listed person from a misspelt name and shows the card ${HAS_SHARED ? '' : SHARED_MISSING}`, async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/fixtures/listed-person.html'));
    const mark = '#lead backstory-mark[data-kind="person"]';
    await page.waitForSelector(mark);
    const entity = await page.$eval(mark, (m) => m.getAttribute('data-entity'));
    const popup = await openPopupFor(page);
    await popup.bringToFront();
    await popup.type('#lookup-query', 'Min Aung Hliang');
    await popup.waitForSelector('[data-lookup=done]');
    await popup.waitForSelector('.result-card');
    expect(await popup.$eval('.result-card', (card) => card.getAttribute('data-entity'))).toBe(entity);
    const text = await popup.$eval('.result-card', (card) => card.textContent ?? '');
    expect(text.toLowerCase()).toContain('min aung hlaing');
    expect(text).toContain('OFAC');
    expect(text).toContain('Name-only match.'); // the card's words come from the catalogue in Firefox too
    await Promise.all([popup.close(), page.close()]);
  });
});
