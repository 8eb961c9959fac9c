import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser, ElementHandle, Page as FirefoxPage } from 'puppeteer-core';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { FIREFOX_MISSING, HAS_FIREFOX, launchFirefox, OPTIONS_URL, openExtensionPage } from '../support/firefox';
import { installSharedKnowledgeBase } from '../support/knowledge-base';
import { startPageServer, type PageServer } from '../support/page-server';
import { HAS_SHARED, SHARED_DIR, SHARED_MISSING } from '../support/shared';

/**
 * "Not this person" in the built extension: the card's button takes the listed person's marks off
 * the page at once, the dismissal outlives a reload, it holds for that site only (the same page
 * served under another host name is marked as before), and countries stay marked. With the real
 * OFAC SDN list, which lists the person the fixture page names (Min Aung Hlaing).
 */
const OFAC_FILES = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'];
const PERSON = '#lead backstory-mark[data-kind="person"]';
const COUNTRY = 'backstory-mark[data-entity="country:MM"]';

let server: PageServer;

/** The same fixture page under the host name "localhost": another site to the extension. */
const otherSiteUrl = (pathname: string): string => server.url(pathname).replace('//127.0.0.1:', '//localhost:');

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED)(`"not this person" in Chromium ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING} ${HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    server = await startPageServer();
    browser = await launchChromium();
    await installSharedKnowledgeBase(browser, OFAC_FILES.map((file) => ['ofac', file]));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string, wait: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForSelector(wait, { state: 'attached' });
    return page;
  }

  it('takes the person off this site at once and after a reload, keeps countries, and leaves other sites alone', async () => {
    const page = await open(server.url('/fixtures/listed-person.html'), PERSON);
    await page.locator(PERSON).hover();
    const button = page.locator('backstory-card .frame button.not-this');
    await button.waitFor({ state: 'visible' });
    expect(await button.textContent()).toBe('Not this person');
    await button.click();

    await page.waitForSelector(PERSON, { state: 'detached' });
    // The page is marked again without the person: its countries come back.
    await expect.poll(() => page.locator(COUNTRY).count()).toBeGreaterThan(0);
    expect(await page.locator('backstory-card .frame').isHidden()).toBe(true);

    await page.reload();
    await page.waitForSelector(COUNTRY, { state: 'attached' });
    expect(await page.locator('backstory-mark[data-kind="person"]').count()).toBe(0);
    expect(await page.locator('#lead').textContent()).toContain('Min Aung Hlaing');

    const elsewhere = await open(otherSiteUrl('/fixtures/listed-person.html'), PERSON);
    expect(await elsewhere.locator(PERSON).getAttribute('data-entity')).toMatch(/^ofac-sdn:/);
    await Promise.all([page.close(), elsewhere.close()]);
  });
});

describe.skipIf(!HAS_FIREFOX || !HAS_SHARED)(`"not this person" in Firefox ${HAS_FIREFOX ? '' : FIREFOX_MISSING} ${HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    server = await startPageServer();
    browser = await launchFirefox();
    const options = await openExtensionPage(browser, server.url('/fixtures/repeated-names.html'), OPTIONS_URL, 'input[type=file]');
    const input = (await options.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...OFAC_FILES.map((file) => path.join(SHARED_DIR, 'data', 'ofac', file)));
    await options.waitForSelector('[data-import=done]', { timeout: 120_000 });
    await options.close();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string, wait: string): Promise<FirefoxPage> {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector(wait);
    return page;
  }

  it('takes the person off this site at once and after a reload, keeps countries, and leaves other sites alone', async () => {
    const page = await open(server.url('/fixtures/listed-person.html'), PERSON);
    await page.hover(PERSON);
    const button = (): HTMLButtonElement | null | undefined => document.querySelector('backstory-card')?.shadowRoot?.querySelector('.frame:not([hidden]) button.not-this');
    await page.waitForFunction(button);
    expect(await page.evaluate(() => document.querySelector('backstory-card')?.shadowRoot?.querySelector('button.not-this')?.textContent)).toBe('Not this person');
    await page.evaluate(() => (document.querySelector('backstory-card')?.shadowRoot?.querySelector('button.not-this') as HTMLButtonElement).click());

    await page.waitForFunction((selector) => !document.querySelector(selector), {}, PERSON);
    await expect.poll(() => page.$$eval(COUNTRY, (marks) => marks.length)).toBeGreaterThan(0);

    await page.reload();
    await page.waitForSelector(COUNTRY);
    expect(await page.$$eval('backstory-mark[data-kind="person"]', (marks) => marks.length)).toBe(0);

    const elsewhere = await open(otherSiteUrl('/fixtures/listed-person.html'), PERSON);
    expect(await elsewhere.$eval(PERSON, (mark) => mark.getAttribute('data-entity'))).toMatch(/^ofac-sdn:/);
    await Promise.all([page.close(), elsewhere.close()]);
  });
});
