/// <reference types="chrome" />
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser as FirefoxBrowser, Page as FirefoxPage } from 'puppeteer-core';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { FIREFOX_MISSING, HAS_FIREFOX, launchFirefox, OPTIONS_URL, openExtensionPage, openPopupFor as openFirefoxPopupFor } from '../support/firefox';
import { servePagesAndLaunch, type PageServer } from '../support/page-server';

/**
 * "No record found in the loaded lists": off by default; once the reader turns it on in the
 * options, the popup lists the names on the page that match nothing in the loaded lists, with
 * their counts, and each one starts a look-up. Countries and marked names are not in that list.
 */
let server: PageServer;

const EXPECTED = ['Tim Morrison:2', 'Jane Okafor:1'];

describe.skipIf(!HAS_CHROMIUM)(`names with no record, in Chromium ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  let browser: ExtensionBrowser;
  servePagesAndLaunch(launchChromium, (started) => ({ server, browser } = started));

  async function openPopupFor(page: Page): Promise<Page> {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/index.html`);
    await page.bringToFront(); // the popup's "active tab" is now the news page
    await popup.reload();
    await popup.locator('input[name=everywhere]').waitFor();
    return popup;
  }

  it('lists them in the popup only after the reader turns the preference on', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/fixtures/unknown-names.html'));
    await page.locator('#lead backstory-mark[data-entity="country:MM"]').waitFor({ state: 'attached' });
    let popup = await openPopupFor(page);
    await popup.locator('ul.found li[data-entity="country:MM"]').waitFor();
    expect(await popup.locator('.unknown-names').count()).toBe(0); // off by default
    await popup.close();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    const preference = options.locator('input[name=unknownNames]');
    expect(await preference.isChecked()).toBe(false);
    await preference.check();
    await options.close();

    await page.reload();
    await page.locator('#lead backstory-mark[data-entity="country:MM"]').waitFor({ state: 'attached' });
    popup = await openPopupFor(page);
    const list = popup.locator('.unknown-names ul[data-group=unknown] li');
    await list.first().waitFor();
    const entries = await list.evaluateAll((items) => items.map((li) => `${li.querySelector('.name')?.textContent}:${li.querySelector('.count')?.textContent}`));
    expect(entries).toEqual(EXPECTED);
    expect(await popup.locator('.unknown-names h3').textContent()).toBe('No record found in the loaded lists');

    // A name starts a look-up in the knowledge base (a list may spell it another way).
    await list.first().locator('button').click();
    await popup.locator('[data-lookup=done]').waitFor();
    expect(await popup.locator('input[name=lookup]').inputValue()).toBe('Tim Morrison');
    await Promise.all([popup.close(), page.close()]);
  });
});

describe.skipIf(!HAS_FIREFOX)(`names with no record, in Firefox ${HAS_FIREFOX ? '' : FIREFOX_MISSING}`, () => {
  let browser: FirefoxBrowser;
  servePagesAndLaunch(launchFirefox, (started) => ({ server, browser } = started));

  it('lists them in the popup only after the reader turns the preference on', async () => {
    const from = server.url('/fixtures/repeated-names.html');
    const page: FirefoxPage = await browser.newPage();
    await page.goto(server.url('/fixtures/unknown-names.html'));
    await page.waitForSelector('#lead backstory-mark[data-entity="country:MM"]');
    let popup = await openFirefoxPopupFor(browser, from, page);
    await popup.waitForSelector('ul.found li[data-entity="country:MM"]');
    expect(await popup.$('.unknown-names')).toBeNull(); // off by default
    await popup.close();

    const options = await openExtensionPage(browser, from, OPTIONS_URL, 'input[name=unknownNames]');
    expect(await options.$eval('input[name=unknownNames]', (box) => (box as HTMLInputElement).checked)).toBe(false);
    await options.click('input[name=unknownNames]');
    await options.waitForFunction(() => (document.querySelector('input[name=unknownNames]') as HTMLInputElement).checked);
    await options.close();

    await page.reload();
    await page.waitForSelector('#lead backstory-mark[data-entity="country:MM"]');
    popup = await openFirefoxPopupFor(browser, from, page);
    await popup.waitForSelector('.unknown-names ul[data-group=unknown] li');
    const entries = await popup.$$eval('.unknown-names ul[data-group=unknown] li', (items) => items.map((li) => `${li.querySelector('.name')?.textContent}:${li.querySelector('.count')?.textContent}`));
    expect(entries).toEqual(EXPECTED);
    await Promise.all([popup.close(), page.close()]);
  });
});
