/// <reference types="chrome" />
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { startPageServer, type PageServer } from '../support/page-server';
import { REPO_ROOT } from '../support/shared';

/** The options page's Preferences and sites list, and their effect on a page, in Chromium. */
const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

let browser: ExtensionBrowser;
let server: PageServer;
let options: Page;

const marksOf = (page: Page, entity: string) => page.locator(`backstory-mark[data-entity="${entity}"]`).count();

async function articlePage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url('/fixtures/repeated-names.html'));
  return page;
}

describe.skipIf(!HAS_CHROMIUM)(`options page preferences in Chromium ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  beforeAll(async () => {
    server = await startPageServer();
    browser = await launchChromium();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.getByRole('heading', { name: 'What is marked' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks only the first mention of each name when asked, and every mention again after', async () => {
    const page = await articlePage();
    await page.locator('#third backstory-mark').first().waitFor();
    expect(await marksOf(page, 'country:MM')).toBe(3);

    await options.getByLabel('The first mention of each name').check();
    await expect.poll(() => marksOf(page, 'country:MM')).toBe(1);
    expect(await page.locator('#first backstory-mark[data-entity="country:MM"]').count()).toBe(1);
    expect(await marksOf(page, 'country:RU')).toBe(1);
    expect(await marksOf(page, 'country:CN')).toBe(1);
    // A page opened now follows the stored preference from the start.
    const fresh = await articlePage();
    await fresh.locator('#first backstory-mark').first().waitFor();
    expect(await marksOf(fresh, 'country:MM')).toBe(1);

    await options.getByLabel('Every mention').check();
    await expect.poll(() => marksOf(page, 'country:MM')).toBe(3);
    await Promise.all([page.close(), fresh.close()]);
  });

  it('stops marking a kind that is unticked', async () => {
    const page = await articlePage();
    await page.locator('#third backstory-mark').first().waitFor();
    await options.getByLabel('Countries').uncheck();
    await expect.poll(() => page.locator('backstory-mark').count()).toBe(0);
    await options.getByLabel('Countries').check();
    await expect.poll(() => marksOf(page, 'country:MM')).toBe(3);
    await page.close();
  });

  it('saves the card trigger', async () => {
    await options.getByLabel('When a mark is clicked').check();
    await expect
      .poll(() => browser.worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { marking?: { trigger?: string } }).marking?.trigger))
      .toBe('click');
    await options.getByLabel('When the pointer rests on a mark', { exact: true }).check();
  });

  it('lists sites where Backstory stays off; adding one turns it off there, removing turns it on', async () => {
    const page = await articlePage();
    await page.locator('#third backstory-mark').first().waitFor();
    await options.getByLabel('Site to turn off').fill('not a site/');
    await options.getByRole('button', { name: 'Add' }).click();
    await options.getByRole('alert').waitFor();

    await options.getByLabel('Site to turn off').fill('http://127.0.0.1:8080/some/page');
    await options.getByRole('button', { name: 'Add' }).click();
    await options.locator('li[data-site="127.0.0.1"]').waitFor();
    await expect.poll(() => page.locator('backstory-mark').count()).toBe(0);

    await options.getByRole('button', { name: 'Turn on again for 127.0.0.1' }).click();
    await expect.poll(() => options.locator('li[data-site]').count()).toBe(0);
    await expect.poll(() => marksOf(page, 'country:MM')).toBe(3);
    await page.close();
  });

  it('has no axe violations in light and dark, and saves screenshots', async () => {
    // One site in the list, so the screenshot shows it.
    await options.getByLabel('Site to turn off').fill('news.example');
    await options.getByRole('button', { name: 'Add' }).click();
    await options.locator('li[data-site="news.example"]').waitFor();
    await options.setViewportSize({ width: 900, height: 900 });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect(await axeViolations(options), colorScheme).toEqual([]);
      await options.screenshot({ path: path.join(SCREENSHOTS, `options-${colorScheme}.png`), fullPage: true });
    }
    await options.getByRole('button', { name: 'Turn on again for news.example' }).click();
  });
});
