/**
 * The card's renderer (card-ui.js) is loaded by the content script on first need, not injected
 * into every page: it is not fetched while a page is only annotated; hovering or focusing a mark
 * loads it and the card opens, with its styles, in Chromium and Firefox, on a plain page and on
 * one whose CSP allows no script (the import is of an extension URL, which the page's CSP does not
 * govern). In Chrome the file is reachable only through the per-session dynamic URL, so a page
 * cannot probe for the extension by its fixed id.
 * The release build (closed shadow root) is covered by tests/e2e/release-build.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Browser, Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { FIREFOX_MISSING, HAS_FIREFOX, launchFirefox } from '../support/firefox';
import { startPageServer, type PageServer } from '../support/page-server';
import { REPO_ROOT } from '../support/shared';

const DIST = path.join(REPO_ROOT, process.env.BACKSTORY_DIST ?? 'dist');
const PAGES = [
  { name: 'a plain page', file: '/demo/article.html', mark: 'backstory-mark[data-entity="country:MM"]', title: 'Myanmar' },
  { name: 'a page with a strict CSP', file: '/fixtures/card-strict-csp.html', mark: 'backstory-mark[data-entity="country:MM"]', title: 'Myanmar' },
];

/**
 * What the card host holds (test build: open shadow root), for either browser's evaluate: whether
 * the card's own styles (which come with card-ui.js) are in, and what the open card shows.
 */
function cardState(): { cardStyles: boolean; visible: boolean; title: string; width: number; kindCase: string } | null {
  const root = document.querySelector('backstory-card')?.shadowRoot;
  const frame = root?.querySelector<HTMLElement>('.frame');
  if (!root || !frame) return null;
  const sheets = [...root.adoptedStyleSheets, ...[...root.querySelectorAll('style')].map((style) => style.sheet!)];
  const kind = root.querySelector('.kind');
  return {
    cardStyles: sheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('.bs-themed'))),
    visible: !frame.hidden,
    title: root.querySelector('h2')?.textContent ?? '',
    width: frame.getBoundingClientRect().width, // 360 px from the host's styles
    kindCase: kind ? getComputedStyle(kind).textTransform : '', // from the card's styles
  };
}

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer();
});
afterAll(async () => {
  await server?.close();
});

describe('the card renderer is a web-accessible module of code only', () => {
  it('is listed for the pages the content script runs on, with a dynamic URL in Chrome', () => {
    for (const browser of ['chrome', 'firefox']) {
      const manifest = JSON.parse(fs.readFileSync(path.join(DIST, browser, 'manifest.json'), 'utf8'));
      const entry = manifest.web_accessible_resources.find((e: { resources: string[] }) => e.resources.includes('card-ui.js'));
      expect(entry.resources).toEqual(['card-ui.js']);
      expect(entry.matches).toEqual(manifest.content_scripts[0].matches);
      expect(entry.use_dynamic_url).toBe(browser === 'chrome' ? true : undefined);
      const code = fs.readFileSync(path.join(DIST, browser, 'card-ui.js'), 'utf8');
      expect(code).not.toMatch(/\b(chrome|browser)\.(runtime|storage|i18n|tabs)\b/);
      const content = fs.readFileSync(path.join(DIST, browser, 'content.js'), 'utf8');
      expect(content).not.toContain('This script should only be loaded in a browser extension'); // webextension-polyfill's code
    }
  });
});

describe.skipIf(!HAS_CHROMIUM)(`lazy card in Chromium ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<{ page: PlaywrightPage; loads: string[] }> {
    const page = await browser.context.newPage();
    const loads: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/card-ui.js')) loads.push(request.url());
    });
    await page.goto(server.url(file));
    await page.locator('backstory-mark').first().waitFor({ state: 'attached' });
    return { page, loads };
  }

  for (const { name, file, mark, title } of PAGES) {
    it(`loads the renderer on the first hover and opens the card on ${name}`, async () => {
      const { page, loads } = await open(file);
      await page.waitForTimeout(500); // the page is annotated and left alone: nothing more loads
      expect(loads).toEqual([]);
      expect(await page.evaluate(cardState)).toMatchObject({ cardStyles: false, visible: false });
      await page.locator(mark).first().hover();
      await expect.poll(() => page.evaluate(cardState), { timeout: 10_000 }).toMatchObject({ cardStyles: true, visible: true, title, width: 360, kindCase: 'uppercase' });
      expect(loads.length).toBeGreaterThan(0);
      await page.close();
    });
  }

  it('opens from the keyboard before the renderer was loaded, announces the card, and Tab enters it', async () => {
    const { page, loads } = await open('/fixtures/card-strict-csp.html');
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(() => page.evaluate(cardState), { timeout: 10_000 }).toMatchObject({ visible: true, title: 'Russia' });
    expect(loads.length).toBeGreaterThan(0);
    const live = () => page.evaluate(() => document.querySelector('backstory-card')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '');
    expect(await live()).toContain('Russia');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('backstory-card');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(cardState)).toMatchObject({ visible: false });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entity)).toBe('country:RU');
    await page.close();
  });

  it('cannot be fetched by a page through the extension’s fixed id', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/demo/article.html'));
    const reached = await page.evaluate(
      (url) => fetch(url).then(() => true, () => false),
      `chrome-extension://${browser.extensionId}/card-ui.js`,
    );
    expect(reached).toBe(false);
    await page.close();
  });
});

describe.skipIf(!HAS_FIREFOX)(`lazy card in Firefox ${HAS_FIREFOX ? '' : FIREFOX_MISSING}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchFirefox();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<PuppeteerPage> {
    const page = await browser.newPage();
    await page.goto(server.url(file));
    await page.waitForSelector('backstory-mark');
    return page;
  }

  for (const { name, file, mark, title } of PAGES) {
    it(`opens the card on hover on ${name}`, async () => {
      const page = await open(file);
      // Annotated and untouched: the host holds only its own styles, not yet the card's.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await page.evaluate(cardState)).toMatchObject({ cardStyles: false, visible: false });
      await page.hover(mark);
      await page.waitForFunction((t) => document.querySelector('backstory-card')?.shadowRoot?.querySelector('h2')?.textContent === t, { timeout: 10_000 }, title);
      expect(await page.evaluate(cardState)).toMatchObject({ cardStyles: true, visible: true, title, width: 360, kindCase: 'uppercase' });
      await page.close();
    });
  }

  it('opens from keyboard focus on a strict-CSP page and announces the card', async () => {
    const page = await open('/fixtures/card-strict-csp.html');
    await page.$eval('backstory-mark[data-entity="country:RU"]', (m) => (m as HTMLElement).focus());
    await page.waitForFunction(() => document.querySelector('backstory-card')?.shadowRoot?.querySelector('h2')?.textContent === 'Russia', { timeout: 10_000 });
    expect(await page.evaluate(() => document.querySelector('backstory-card')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '')).toContain('Russia');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (document.querySelector('backstory-card')?.shadowRoot?.querySelector('.frame') as HTMLElement | null)?.hidden === true);
    await page.close();
  });
});
