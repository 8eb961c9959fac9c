import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { FIREFOX_MISSING, HAS_FIREFOX, launchFirefox, openExtensionPage, POPUP_URL } from '../support/firefox';
import { servePagesAndLaunch, type PageServer } from '../support/page-server';

let browser: Browser;
let server: PageServer;

const markedEntities = (page: Page): Promise<string[]> =>
  page.$$eval('backstory-mark', (marks) => marks.map((m) => (m as HTMLElement).dataset.entity ?? ''));

describe.skipIf(!HAS_FIREFOX)(`extension in Firefox ${HAS_FIREFOX ? '' : FIREFOX_MISSING}`, () => {
  servePagesAndLaunch(launchFirefox, (started) => ({ server, browser } = started));

  it('marks countries, skips forbidden elements, and opens the card on focus', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/fixtures/forbidden-elements.html'));
    await page.waitForSelector('#ok-2 backstory-mark');
    const entities = await markedEntities(page);
    expect(entities).toEqual(expect.arrayContaining(['country:FR', 'country:DE', 'country:IT', 'country:ES', 'country:ZA']));
    expect(entities).not.toContain('country:RU');
    expect(entities).not.toContain('country:UA');

    await page.goto(server.url('/demo/article.html'));
    await page.waitForSelector('backstory-mark[data-entity="country:RU"]');
    await page.$eval('backstory-mark[data-entity="country:RU"]', (mark) => (mark as HTMLElement).focus());
    await page.waitForFunction(() => document.querySelector('backstory-card')?.shadowRoot?.querySelector('h2')?.textContent === 'Russia');
    // The host stays rendered (its live region must stay in the accessibility tree); the dialog inside shows and hides.
    expect(await page.$eval('backstory-card', (host) => !(host.shadowRoot?.querySelector('.frame') as HTMLElement).hidden)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (document.querySelector('backstory-card')?.shadowRoot?.querySelector('.frame') as HTMLElement | null)?.hidden === true);
    await page.close();
  });

  it('the popup toggle removes every mark and restores the body exactly', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/demo/article.html'));
    await page.waitForSelector('backstory-mark');
    const popup = await openExtensionPage(browser, server.url('/demo/article.html'), POPUP_URL, 'input[name=everywhere]');
    await popup.click('input[name=everywhere]');
    await page.waitForFunction(() => document.querySelectorAll('backstory-mark').length === 0);
    const unmarked = await page.evaluate(() => document.body.outerHTML);
    await popup.click('input[name=everywhere]');
    await page.waitForSelector('backstory-mark');
    expect((await markedEntities(page)).length).toBeGreaterThan(5);
    await popup.click('input[name=everywhere]');
    await page.waitForFunction(() => document.querySelectorAll('backstory-mark').length === 0);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(unmarked);
    // A fresh load of the same page, never marked, serialises the same.
    const fresh = await browser.newPage();
    await fresh.goto(server.url('/demo/article.html'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await fresh.evaluate(() => document.body.outerHTML)).toBe(unmarked);
    await popup.click('input[name=everywhere]');
    await Promise.all([page.close(), popup.close(), fresh.close()]);
  });
});
