/// <reference types="chrome" />
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { startPageServer, type PageServer } from '../support/page-server';
import { HAS_SHARED, REPO_ROOT, SHARED_MISSING, sharedData } from '../support/shared';

/**
 * The toolbar popup (opened as a tab: the real popup cannot be opened from a test), the keyboard
 * command and the context-menu look-up, in Chromium. Tests that need a listed person import the
 * OFAC SDN files from ../shared through the options page first.
 */
const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

let browser: ExtensionBrowser;
let server: PageServer;

async function openPopupFor(page: Page): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 340, height: 640 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/index.html`);
  await page.bringToFront(); // the popup's "active tab" is now the news page
  await popup.reload();
  await popup.locator('input[name=everywhere]').waitFor();
  return popup;
}

async function importOfac(): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
  await options.locator('input[type=file]').first().setInputFiles(['sdn.csv', 'alt.csv', 'add.csv'].map((f) => sharedData('ofac', f)));
  await options.locator('[data-import=done]').waitFor({ timeout: 120_000 });
  await options.close();
}

describe.skipIf(!HAS_CHROMIUM)(`popup in Chromium ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  beforeAll(async () => {
    server = await startPageServer();
    browser = await launchChromium();
    if (HAS_SHARED) await importOfac();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists what the page names with counts; a click scrolls to the first mention and flashes it', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/fixtures/repeated-names.html'));
    await page.locator('#third backstory-mark').first().waitFor();
    const popup = await openPopupFor(page);
    const myanmar = popup.locator('ul.found li[data-entity="country:MM"]');
    await myanmar.waitFor();
    expect(await myanmar.locator('.count').textContent()).toBe('3');
    expect(await myanmar.locator('.visually-hidden').textContent()).toBe('3 mentions');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    await myanmar.locator('button').click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const first = page.locator('#first backstory-mark[data-entity="country:MM"]');
    expect(await first.evaluate((mark) => mark.getAnimations().length)).toBe(1);
    expect(await page.locator('#second backstory-mark[data-entity="country:MM"]').evaluate((mark) => mark.getAnimations().length)).toBe(0);
    await popup.close();
    await page.close();
  });

  it.skipIf(!HAS_SHARED)(`groups listed names before countries ${HAS_SHARED ? '' : SHARED_MISSING}`, async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/fixtures/listed-person.html'));
    await page.locator('#lead backstory-mark[data-kind="person"]').waitFor();
    const popup = await openPopupFor(page);
    await popup.locator('ul.found[data-group="found-listed"] li').first().waitFor();
    const groups = await popup.$$eval('ul.found', (lists) => lists.map((l) => l.getAttribute('data-group')));
    expect(groups).toEqual(['found-listed', 'found-countries']);
    expect(await popup.locator('ul.found[data-group="found-listed"]').textContent()).toContain('person');
    expect(await popup.locator('ul.found[data-group="found-countries"] li[data-entity="country:MM"]').count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it.skipIf(!HAS_SHARED)(`the search finds a listed person from a misspelt name and shows the card ${HAS_SHARED ? '' : SHARED_MISSING}`, async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/fixtures/listed-person.html'));
    const mark = page.locator('#lead backstory-mark[data-kind="person"]');
    await mark.waitFor();
    const entity = await mark.getAttribute('data-entity');
    const popup = await openPopupFor(page);
    await popup.getByLabel('Name', { exact: true }).fill('Min Aung Hliang');
    await popup.locator('[data-lookup=done]').waitFor();
    const card = popup.locator('.result-card');
    expect(await card.getAttribute('data-entity')).toBe(entity);
    const text = await card.textContent();
    expect(text?.toLowerCase()).toContain('min aung hlaing');
    expect(text).toContain('OFAC');
    await popup.close();
    await page.close();
  });

  it('has no axe violations in light and dark, and saves screenshots', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/fixtures/repeated-names.html'));
    await page.locator('#third backstory-mark').first().waitFor();
    const popup = await openPopupFor(page);
    await popup.locator('ul.found li').first().waitFor();
    await popup.getByLabel('Name', { exact: true }).fill(HAS_SHARED ? 'Min Aung Hliang' : 'Myanmar');
    await popup.locator('[data-lookup=done]').waitFor();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await axeViolations(popup), colorScheme).toEqual([]);
      await popup.screenshot({ path: path.join(SCREENSHOTS, `popup-${colorScheme}.png`), fullPage: true });
    }
    await popup.close();
    await page.close();
  });

  it('registers the keyboard command, which turns marking off and on everywhere', async () => {
    const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
    const toggle = commands.find((c) => c.name === 'toggle-annotations');
    expect(toggle?.shortcut).toBe('Alt+Shift+M');
    expect(toggle?.description).toBe('Turn marking on or off everywhere');

    const page = await browser.context.newPage();
    await page.goto(server.url('/fixtures/repeated-names.html'));
    await page.locator('#third backstory-mark').first().waitFor();
    const toggleAnnotations = () =>
      browser.worker.evaluate(() => (globalThis as unknown as { backstoryTest: { toggleAnnotations(): Promise<boolean> } }).backstoryTest.toggleAnnotations());
    expect(await toggleAnnotations()).toBe(false);
    await expect.poll(() => page.locator('backstory-mark').count()).toBe(0);
    expect(await toggleAnnotations()).toBe(true);
    await page.locator('#third backstory-mark').first().waitFor();
    await page.close();
  });

  it('adds "Look up in Backstory" to the selection menu; its handler opens the look-up window', async () => {
    // The item exists: updating an unknown id fails.
    await browser.worker.evaluate(() => chrome.contextMenus.update('backstory-lookup', {}));
    const query = HAS_SHARED ? 'Min Aung Hliang' : 'Myanmr';
    const opened = browser.context.waitForEvent('page');
    await browser.worker.evaluate(
      (selectionText) =>
        (globalThis as unknown as { backstoryTest: { lookUpSelection(info: object): Promise<number> } }).backstoryTest.lookUpSelection({
          menuItemId: 'backstory-lookup',
          selectionText,
        }),
      `  ${query}\n`,
    );
    const window = await opened;
    await window.locator('[data-lookup=done]').waitFor();
    expect(new URL(window.url()).searchParams.get('lookup')).toBe(query);
    expect(await window.locator('input[name=everywhere]').count()).toBe(0); // the search alone
    expect(await window.getByLabel('Name', { exact: true }).inputValue()).toBe(query);
    const title = (await window.locator('.result-card h2').textContent())?.toLowerCase();
    expect(title).toContain(HAS_SHARED ? 'hlaing' : 'myanmar');
    expect(await window.title()).toBe('Backstory look-up');
    await window.close();
  });
});
