/// <reference types="chrome" />
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { countryCodeOf } from '../../src/kb/countries';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { servePagesAndLaunch, type PageServer } from '../support/page-server';
import { HAS_SHARED, SHARED_DIR, SHARED_MISSING } from '../support/shared';

/** Corpus pages whose scripts were stripped at source: nothing but the extension changes their DOM. */
const SCRIPTLESS_PAGES = ['nyt-haley-un-resign.html', 'politico-imf-ukraine-war.html', 'bloomberg-air-force-one-boeing.html'];

interface CorpusEntry {
  file: string;
  notable_entities: { name: string; type: string }[];
}

const FORBIDDEN = 'script, style, noscript, textarea, input, select, option, [contenteditable], code, pre, svg, template, backstory-card';

let browser: ExtensionBrowser;
let server: PageServer;

async function openPage(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

async function setEnabled(enabled: boolean): Promise<void> {
  await browser.worker.evaluate(async (on) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? { disabledSites: [] }), enabled: on } });
  }, enabled);
}

describe.skipIf(!HAS_CHROMIUM)(`extension in Chromium ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  servePagesAndLaunch(launchChromium, (started) => ({ server, browser } = started));

  it.skipIf(!HAS_SHARED)(`marks the countries that corpus pages name ${HAS_SHARED ? '' : SHARED_MISSING}`, async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'corpus', 'manifest.json'), 'utf8')) as CorpusEntry[];
    let checked = 0;
    for (const file of SCRIPTLESS_PAGES) {
      const entry = manifest.find((e) => e.file === `pages/${file}`)!;
      const expected = entry.notable_entities
        .filter((e) => e.type === 'GPE')
        .map((e) => countryCodeOf(e.name))
        .filter((code): code is string => code !== undefined);
      if (expected.length === 0) continue; // the curator noted no country on this page
      checked++;
      const page = await openPage(server.url(`/corpus/${file}`));
      await page.waitForSelector('backstory-mark', { state: 'attached' });
      const marked = await page.$$eval('backstory-mark', (marks) => marks.map((m) => (m as HTMLElement).dataset.entity));
      for (const code of expected) expect(marked, `${file}: ${code}`).toContain(`country:${code}`);
      // No list is loaded in this browser: only countries and blocs can be marked, never a person.
      expect(await page.$$eval('backstory-mark', (marks) => marks.filter((m) => !['country', 'organisation'].includes(m.getAttribute('data-kind') ?? '')).length)).toBe(0);
      await page.close();
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('never marks inside forbidden elements, and marks the text around them', async () => {
    const page = await openPage(server.url('/fixtures/forbidden-elements.html'));
    await page.waitForSelector('#ok-2 backstory-mark', { state: 'attached' });
    const inside = await page.$$eval('backstory-mark', (marks, forbidden) => marks.filter((m) => m.parentElement?.closest(forbidden)).length, FORBIDDEN);
    expect(inside).toBe(0);
    const entities = await page.$$eval('backstory-mark', (marks) => marks.map((m) => (m as HTMLElement).dataset.entity));
    expect(entities).toEqual(expect.arrayContaining(['country:FR', 'country:DE', 'country:IT', 'country:ES', 'country:ZA']));
    for (const code of ['RU', 'CN', 'IR', 'SY', 'UA', 'PL', 'BY', 'JP', 'KE', 'BR', 'CL', 'PE']) expect(entities).not.toContain(`country:${code}`);
    // "South" and "Africa" sit in two elements: two marks, one entity.
    expect(await page.$$eval('#split backstory-mark', (marks) => marks.map((m) => m.textContent))).toEqual(['South', 'Africa']);
    await page.close();
  });

  it('opens the card on hover and on focus, and Escape closes it', async () => {
    const page = await openPage(server.url('/demo/article.html'));
    const mark = page.locator('backstory-mark[data-entity="country:MM"]').first();
    await mark.waitFor();
    const card = page.locator('backstory-card');
    await mark.hover();
    await expect.poll(() => card.isVisible()).toBe(true);
    // The test build opens the shadow root so the test can read the card.
    await expect.poll(() => card.evaluate((host) => host.shadowRoot?.querySelector('h2')?.textContent)).toBe('Myanmar');
    expect(await card.evaluate((host) => host.shadowRoot?.textContent)).toContain('Republic of the Union of Myanmar');
    await page.mouse.move(5, 5);
    await expect.poll(() => card.isVisible()).toBe(false);

    const russia = page.locator('backstory-mark[data-entity="country:RU"]').first();
    await russia.focus();
    await expect.poll(() => card.evaluate((host) => host.shadowRoot?.querySelector('h2')?.textContent)).toBe('Russia');
    expect(await card.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.isVisible()).toBe(false);
    await page.close();
  });

  it.skipIf(!HAS_SHARED)('popup lists what the page names; its toggles remove every mark and restore the body exactly', async () => {
    await setEnabled(false);
    const page = await openPage(server.url(`/corpus/${SCRIPTLESS_PAGES[0]}`));
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    const pristine = await page.evaluate(() => document.body.outerHTML);
    expect(await page.locator('backstory-mark').count()).toBe(0);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/index.html`);
    await page.bringToFront(); // the popup's "active tab" is now the news page
    await popup.reload();
    const everywhere = popup.locator('input[name=everywhere]');
    await everywhere.waitFor();
    expect(await everywhere.isChecked()).toBe(false);
    await everywhere.click();
    await page.waitForSelector('backstory-mark', { state: 'attached' });
    const markCount = await page.locator('backstory-mark').count();
    expect(markCount).toBeGreaterThan(3);

    // The popup lists the page's entities with counts that add up to the marks.
    await popup.waitForSelector('ul.found li');
    const listed = await popup.$$eval('ul.found li', (items) => items.map((li) => ({ id: li.getAttribute('data-entity'), count: Number(li.querySelector('.count')?.textContent) })));
    expect(listed.map((l) => l.id)).toContain('country:IR');
    expect(listed.reduce((sum, l) => sum + l.count, 0)).toBe(markCount);

    // Off for this site: marks go, the body is exactly as it was.
    const site = popup.locator('input[name=site]');
    expect(await site.isChecked()).toBe(true);
    await site.click();
    await expect.poll(() => page.locator('backstory-mark').count()).toBe(0);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(pristine);

    // On again, then off everywhere: same.
    await site.click();
    await page.waitForSelector('backstory-mark', { state: 'attached' });
    await everywhere.click();
    await expect.poll(() => page.locator('backstory-mark').count()).toBe(0);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(pristine);
    expect(await page.locator('backstory-card').count()).toBe(0);
    await setEnabled(true);
    await popup.close();
    await page.close();
  });
});
