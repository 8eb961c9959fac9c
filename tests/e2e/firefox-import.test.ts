import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, ElementHandle } from 'puppeteer-core';
import { FIREFOX_MISSING, HAS_FIREFOX, launchFirefox, openExtensionPage, OPTIONS_URL } from '../support/firefox';
import { servePagesAndLaunch, type PageServer } from '../support/page-server';
import { HAS_SHARED, SHARED_DIR, SHARED_MISSING } from '../support/shared';

let browser: Browser;
let server: PageServer;

describe.skipIf(!HAS_FIREFOX || !HAS_SHARED)(`options page import in Firefox ${!HAS_FIREFOX ? FIREFOX_MISSING : HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  servePagesAndLaunch(launchFirefox, (started) => ({ server, browser } = started));

  it('imports OFAC and Australian lists, then marks a listed person', async () => {
    const options = await openExtensionPage(browser, server.url('/fixtures/listed-person.html'), OPTIONS_URL, 'input[type=file]');
    const input = (await options.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    const data = path.join(SHARED_DIR, 'data');
    await input.uploadFile(
      path.join(data, 'ofac', 'sdn.csv'),
      path.join(data, 'ofac', 'alt.csv'),
      path.join(data, 'ofac', 'add.csv'),
      path.join(data, 'australia', 'regulation8_consolidated.xlsx'),
    );
    await options.waitForSelector('[data-import=done]', { timeout: 120_000 });
    expect(await options.$$eval('[data-import=done] li.error', (items) => items.length)).toBe(0);
    await options.waitForSelector('tr[data-source="ofac-sdn"]');
    expect(await options.$eval('tr[data-source="ofac-sdn"] td.num', (td) => td.textContent)).toBe('14,965');

    const page = await browser.newPage();
    await page.goto(server.url('/fixtures/listed-person.html'));
    await page.waitForSelector('#lead backstory-mark[data-kind="person"]');
    expect(await page.$eval('#lead backstory-mark[data-kind="person"]', (m) => m.textContent)).toBe('Min Aung Hlaing');
    await page.$eval('#lead backstory-mark[data-kind="person"]', (m) => (m as HTMLElement).focus());
    await page.waitForFunction(() => (document.querySelector('backstory-card')?.shadowRoot?.textContent ?? '').includes('OFAC SDN List'));
    await Promise.all([options.close(), page.close()]);
  });
});
