/// <reference types="chrome" />
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { installSharedKnowledgeBase } from '../support/knowledge-base';
import { startPageServer, type PageServer } from '../support/page-server';
import { HAS_SHARED, REPO_ROOT, SHARED_MISSING } from '../support/shared';

/**
 * The card in the built extension (test build: open shadow root): behaviour (hover, focus, the
 * mark-to-mark shortcut, Escape), themes, right-to-left and zoomed pages, strict CSP, axe-core, and
 * with the real lists loaded, the country figures, the pair flow and a listed person. Saves the
 * README's screenshots to docs/screenshots/.
 */
const AXE = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const SHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

let browser: ExtensionBrowser;
let server: PageServer;

async function openPage(file: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 820, height: 860 }); // room for the whole card in screenshots
  await page.emulateMedia({ colorScheme });
  await page.goto(server.url(`/fixtures/${file}`));
  await page.waitForSelector('backstory-mark', { state: 'attached' });
  return page;
}

/** The card's dialog inside the shadow root (Playwright's CSS locators pierce open roots). */
const frameOf = (page: Page) => page.locator('backstory-card .frame');
const cardText = (page: Page): Promise<string> => frameOf(page).evaluate((frame) => frame.textContent ?? '');
const cardTitle = (page: Page): Promise<string> => frameOf(page).evaluate((frame) => frame.querySelector('h2')?.textContent ?? '');

async function hoverOpen(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().hover();
  await frameOf(page).waitFor({ state: 'visible' });
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document.querySelector('backstory-card')!, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe.skipIf(!HAS_CHROMIUM)(`the card in Chromium ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  beforeAll(async () => {
    server = await startPageServer();
    browser = await launchChromium();
    if (HAS_SHARED) await installSharedKnowledgeBase(browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keyboard: the shortcut moves focus from mark to mark, the card opens and announces itself, Tab enters it, Escape closes it with focus on the mark', async () => {
    const page = await openPage('card-countries.html');
    // Marks are focusable by script only: never in the page's tab order.
    expect(await page.$$eval('backstory-mark', (marks) => marks.every((m) => (m as HTMLElement).tabIndex === -1))).toBe(true);

    await page.keyboard.press('Alt+Shift+ArrowDown');
    const focused = (): Promise<string | null> => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entity ?? null);
    expect(await focused()).toBe('country:RU');
    await frameOf(page).waitFor({ state: 'visible' });
    expect(await cardTitle(page)).toBe('Russia');
    const live = page.locator('backstory-card .live');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await live.textContent()).toContain('Russia, country.');
    expect(await frameOf(page).getAttribute('role')).toBe('dialog');
    expect(await frameOf(page).evaluate((f) => (f.getRootNode() as ShadowRoot).getElementById(f.getAttribute('aria-labelledby')!)?.textContent)).toBe('Russia');

    await page.keyboard.press('Alt+Shift+ArrowDown');
    expect(await focused()).toBe('country:MM');
    await expect.poll(() => cardTitle(page)).toBe('Myanmar');
    await page.keyboard.press('Alt+Shift+ArrowUp');
    expect(await focused()).toBe('country:RU');
    await expect.poll(() => cardTitle(page)).toBe('Russia');

    // Tab goes into the card (its dialog), not to the page's next link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('backstory-card');
    await page.keyboard.press('Escape');
    await expect.poll(() => frameOf(page).isVisible()).toBe(false);
    expect(await focused()).toBe('country:RU');
    // Escape with focus on the mark closes it too, and focus stays.
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await frameOf(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await expect.poll(() => frameOf(page).isVisible()).toBe(false);
    expect(await focused()).toBe('country:MM');
    await page.close();
  });

  it('stays open while the pointer moves from the mark onto the card, and closes when it leaves both', async () => {
    const page = await openPage('card-countries.html');
    await hoverOpen(page, '#lead backstory-mark[data-entity="country:MM"]');
    const box = (await frameOf(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 10, { steps: 5 });
    await page.waitForTimeout(600); // longer than the leave delay
    expect(await frameOf(page).isVisible()).toBe(true);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 5, { steps: 3 }); // still inside
    expect(await frameOf(page).isVisible()).toBe(true);
    await page.mouse.move(2, 2);
    await expect.poll(() => frameOf(page).isVisible()).toBe(false);
    await page.close();
  });

  it('takes the dark theme on a page with a dark background, even when the reader prefers light', async () => {
    const page = await openPage('card-dark-page.html', 'light');
    await hoverOpen(page, 'backstory-mark[data-entity="country:RU"]');
    expect(await frameOf(page).getAttribute('data-theme')).toBe('dark');
    expect(await frameOf(page).evaluate((f) => getComputedStyle(f).backgroundColor)).toBe('rgb(31, 36, 44)');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('follows the reader’s dark preference on a page that paints no background, with its styles applied under a strict CSP', async () => {
    const page = await openPage('card-strict-csp.html', 'dark');
    await hoverOpen(page, 'backstory-mark[data-entity="country:RU"]');
    expect(await frameOf(page).getAttribute('data-theme')).toBe('dark');
    expect(await frameOf(page).evaluate((f) => getComputedStyle(f).backgroundColor)).toBe('rgb(31, 36, 44)');
    expect(await frameOf(page).evaluate((f) => getComputedStyle(f).width)).toBe('360px');
    await page.close();
    const light = await openPage('card-strict-csp.html', 'light');
    await hoverOpen(light, 'backstory-mark[data-entity="country:RU"]');
    expect(await frameOf(light).getAttribute('data-theme')).toBe('light');
    expect(await frameOf(light).evaluate((f) => getComputedStyle(f).backgroundColor)).toBe('rgb(255, 255, 255)');
    await light.close();
  });

  it('plays no animation when the reader asks for reduced motion', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(server.url('/fixtures/card-countries.html'));
    await page.waitForSelector('backstory-mark', { state: 'attached' });
    await hoverOpen(page, '#lead backstory-mark[data-entity="country:RU"]');
    expect(await frameOf(page).evaluate((f) => getComputedStyle(f).animationName)).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.mouse.move(2, 2);
    await expect.poll(() => frameOf(page).isVisible()).toBe(false);
    await hoverOpen(page, '#lead backstory-mark[data-entity="country:MM"]');
    expect(await frameOf(page).evaluate((f) => getComputedStyle(f).animationName)).toBe('backstory-card-in');
    await page.close();
  });

  it('mirrors its layout on a right-to-left page and stays inside the viewport', async () => {
    const page = await openPage('card-rtl.html');
    const mark = page.locator('backstory-mark[data-entity="country:RU"]').first();
    await hoverOpen(page, 'backstory-mark[data-entity="country:RU"]');
    expect(await page.locator('backstory-card').getAttribute('dir')).toBe('rtl');
    expect(await frameOf(page).evaluate((f) => getComputedStyle(f).direction)).toBe('rtl');
    // Latin-script names keep their own direction inside the mirrored card.
    expect(await frameOf(page).evaluate((f) => f.querySelector('h2')?.getAttribute('dir'))).toBe('auto');
    const markBox = (await mark.boundingBox())!;
    const cardBox = (await frameOf(page).boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(cardBox.x).toBeGreaterThanOrEqual(0);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(viewport.width);
    // "bottom-start" in a right-to-left layout: the card's right edge lines up with the mark's.
    expect(Math.abs(cardBox.x + cardBox.width - (markBox.x + markBox.width))).toBeLessThan(2);
    expect(cardBox.y).toBeGreaterThanOrEqual(markBox.y + markBox.height - 1);
    await page.close();
  });

  it('opens next to the mark and inside the viewport on a page zoomed with CSS', async () => {
    const page = await openPage('card-zoom.html');
    const mark = page.locator('#lead backstory-mark[data-entity="country:RU"]');
    await hoverOpen(page, '#lead backstory-mark[data-entity="country:RU"]');
    const markBox = (await mark.boundingBox())!;
    const cardBox = (await frameOf(page).boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(viewport.width + 1);
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(viewport.height + 1);
    expect(Math.abs(cardBox.x - markBox.x)).toBeLessThan(4);
    expect(cardBox.y - (markBox.y + markBox.height)).toBeGreaterThanOrEqual(0);
    expect(cardBox.y - (markBox.y + markBox.height)).toBeLessThan(20);
    await page.close();
  });

  describe.skipIf(!HAS_SHARED)(`with the real lists loaded ${HAS_SHARED ? '' : SHARED_MISSING}`, () => {
    it('the card of a country shows its SIPRI figures, military expenditure and the pair flow with the other country the page names', async () => {
      const page = await openPage('card-countries.html');
      await hoverOpen(page, '#lead backstory-mark[data-entity="country:MM"]');
      await expect.poll(() => cardText(page)).toContain('Arms transfers, 2021–2025');
      const text = await cardText(page);
      expect(text).toMatch(/Imports: [\d,]+ TIV · rank \d+ of \d+ states · [\d.]+% of the world total/);
      expect(text).toMatch(/[+−±]\d+% against 2016–2020/);
      expect(text).toContain('Arms flows with countries on this page, 2021–2025');
      expect(text).toMatch(/From Russia to Myanmar: [\d,]+ TIV — [\d.]+% of Myanmar's arms imports/);
      expect(text).toMatch(/From China to Myanmar: [\d,]+ TIV/);
      expect(text).toContain('How this is computed');
      expect(text).toContain('Source: SIPRI Arms Transfers Database, ');
      expect(text).toContain('measures the volume of arms transferred, not money');
      expect(text).toContain('Military expenditure, 2023');
      expect(text).toMatch(/[\d.]+% of GDP/);
      expect(text).toMatch(/listed people and organisations have Myanmar’s nationality/);
      // Suppliers as bars, and TIV by year as an SVG sparkline with a text alternative.
      expect(await frameOf(page).locator('.direction[data-direction=imports] .bars li').count()).toBeGreaterThan(1);
      expect(await frameOf(page).locator('.sparkline svg[role=img]').getAttribute('aria-label')).toMatch(/^TIV by year, 2016–2025\./);
      // Every SIPRI block carries the credit line.
      const blocks = frameOf(page).locator('.arms, .flows, .milex');
      for (let i = 0; i < (await blocks.count()); i++) expect(await blocks.nth(i).locator('.credit').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, 'card-country-light.png'), clip: (await shotClip(page))! });
      await page.close();
    });

    it('the card of a listed person names programmes in words, groups listings by authority, and says it is a name-only match', async () => {
      const page = await openPage('card-countries.html');
      await hoverOpen(page, '#lead backstory-mark[data-kind="person"]');
      await expect.poll(() => cardTitle(page)).toBe('Min Aung Hlaing');
      const text = await cardText(page);
      expect(text).toContain('Global Magnitsky');
      expect(text).toContain('Burma (EO 14014)');
      expect(text).toContain('(GLOMAG)');
      expect(text).toContain('United States (Treasury, OFAC)');
      expect(text).toContain('Australia (DFAT)');
      expect(text).toMatch(/Name-only match|Strong match|Possible match/);
      expect(text).toContain('3 Jul 1956');
      expect(text).toContain('Myanmar');
      expect(await frameOf(page).locator('details.names').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await frameOf(page).locator('.listing .provenance').count()).toBeGreaterThanOrEqual(2);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, 'card-person-light.png'), clip: (await shotClip(page))! });

      // "Not this person": the card closes and the dismissal is stored for this site.
      const entity = await page.locator('#lead backstory-mark[data-kind="person"]').first().getAttribute('data-entity');
      await frameOf(page).getByRole('button', { name: 'Not this person' }).click();
      await expect.poll(() => frameOf(page).isVisible()).toBe(false);
      await expect
        .poll(() => browser.worker.evaluate(async () => (await chrome.storage.local.get('dismissed')).dismissed as Record<string, string[]> | undefined))
        .toEqual({ '127.0.0.1': [entity] });
      await browser.worker.evaluate(() => chrome.storage.local.remove('dismissed'));
      await page.close();
    });

    it('passes axe in the dark theme and saves the dark screenshots', async () => {
      const page = await openPage('card-countries.html', 'dark');
      await hoverOpen(page, '#lead backstory-mark[data-entity="country:MM"]');
      expect(await frameOf(page).getAttribute('data-theme')).toBe('light'); // the page paints white
      await page.mouse.move(2, 2);
      await expect.poll(() => frameOf(page).isVisible()).toBe(false);
      await page.close();

      const dark = await openPage('card-dark-page.html', 'dark');
      await hoverOpen(dark, 'backstory-mark[data-entity="country:MM"]');
      await expect.poll(() => cardText(dark)).toContain('From Russia to Myanmar');
      expect(await frameOf(dark).getAttribute('data-theme')).toBe('dark');
      expect(await axeViolations(dark)).toEqual([]);
      await dark.screenshot({ path: path.join(SHOTS, 'card-country-dark.png'), clip: (await shotClip(dark))! });
      await dark.close();
    });
  });
});

/** The mark's paragraph and the card, for a screenshot that shows both. */
async function shotClip(page: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const card = await frameOf(page).boundingBox();
  const lead = await page.locator('#lead').boundingBox();
  if (!card || !lead) return null;
  const x = Math.max(0, Math.min(card.x, lead.x) - 12);
  const y = Math.max(0, Math.min(card.y, lead.y) - 12);
  const right = Math.max(card.x + card.width, lead.x + lead.width) + 12;
  const bottom = Math.max(card.y + card.height, lead.y + lead.height) + 12;
  return { x, y, width: right - x, height: bottom - y };
}
