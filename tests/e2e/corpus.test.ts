/// <reference types="chrome" />
/**
 * Every real page of ../shared/corpus/pages, with the extension on, holds these invariants:
 *   - no page error is added by the extension (the page's own errors, with and without it, compared);
 *   - nothing is marked in forbidden elements, and marks never nest;
 *   - marking causes no layout shift (every element's box is where it was before);
 *   - turning annotations off restores the body exactly (serialised DOM equal to before).
 *
 * How the last three are made sound on pages whose scripts change their own DOM: those checks
 * load each page with `Content-Security-Policy: script-src 'none'`, so no page script runs (the
 * <script> elements stay in the DOM, to check we leave them alone) while the content script,
 * which page CSP does not govern, runs as usual. The page then changes only when we change it:
 * the body is serialised and every element's box recorded with annotations off, annotations are
 * turned on (marks placed, boxes compared), then off again (body compared). The page-error check
 * needs the pages' scripts, so it loads each page with scripts running, once with annotations off
 * and once on, and looks for errors that only the run with annotations on has.
 *
 * The knowledge base holds the countries and the UN list (people and organisations), imported
 * through the options page as a user would: enough to place every kind of mark, and quick.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { startPageServer, type PageServer } from '../support/page-server';
import { HAS_SHARED, SHARED_DIR, SHARED_MISSING } from '../support/shared';

const PAGES_DIR = path.join(SHARED_DIR, 'corpus', 'pages');
const PAGES = HAS_SHARED ? fs.readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html')).sort() : [];
const FORBIDDEN = 'script, style, noscript, textarea, input, select, option, button, [contenteditable]:not([contenteditable="false"]), code, pre, kbd, samp, svg, math, template, iframe, title, head, backstory-card';

let browser: ExtensionBrowser;
let server: PageServer;

async function setEnabled(enabled: boolean): Promise<void> {
  await browser.worker.evaluate(async (on) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? { disabledSites: [] }), enabled: on } });
  }, enabled);
}

/** An element's box, rounded to whole CSS pixels. */
type Box = [x: number, y: number, width: number, height: number];

/**
 * Every element's box under body, in tree order, leaving out our own elements. Elements that a
 * CSS or SVG animation is moving (a ticker, a spinner) are left out (null): they move
 * whether we mark or not.
 */
async function boxes(page: Page): Promise<Array<Box | null>> {
  return page.evaluate(() => {
    const animated = document.getAnimations().map((a) => (a.effect as KeyframeEffect | null)?.target).filter((t): t is Element => t instanceof Element);
    // SVG (SMIL) animations, such as a loading spinner's <animateTransform>, are not in getAnimations().
    for (const smil of document.querySelectorAll('animate, animateTransform, animateMotion, set')) animated.push(smil.closest('svg') ?? smil);
    return [...document.body.querySelectorAll('*')]
      .filter((e) => !e.localName.startsWith('backstory-'))
      .map((e) => {
        if (animated.some((t) => t.contains(e))) return null;
        const r = e.getBoundingClientRect();
        return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)] as Box;
      });
  });
}

/**
 * Text shaping stops at element boundaries (kerning across a mark's edge is lost), so text after
 * a mark may move by a fraction of a pixel, which rounding can turn into 1 px. Anything more is a shift.
 */
const SHAPING_TOLERANCE_PX = 1;

function isShifted(before: Box | null, after: Box | null): boolean {
  if (!before || !after) return false;
  return before.some((v, i) => Math.abs(v - after[i]!) > SHAPING_TOLERANCE_PX);
}

/** Messages of the page errors thrown while `url` loads and settles. */
async function pageErrors(url: string): Promise<string[]> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message.split('\n')[0]!));
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(400);
  await page.close();
  return errors;
}

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED)(`every corpus page ${!HAS_CHROMIUM ? CHROMIUM_MISSING : HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  beforeAll(async () => {
    server = await startPageServer();
    // /corpus-noscript/<file>: the corpus page under a CSP that lets no page script run.
    server.routes.push((request, response) => {
      const match = /^\/corpus-noscript\/([\w.-]+\.html)$/.exec(request.url ?? '');
      if (!match || !PAGES.includes(match[1]!)) return false;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" });
      fs.createReadStream(path.join(PAGES_DIR, match[1]!)).pipe(response);
      return true;
    });
    browser = await launchChromium();
    // Test seam: the test build announces the end of each annotation pass (src/content/annotator.ts).
    await browser.context.addInitScript(() => {
      const passes: string[] = [];
      (window as unknown as { backstoryPasses: string[] }).backstoryPasses = passes;
      document.addEventListener('backstory-test-pass', (event) => passes.push(String((event as CustomEvent).detail)));
    });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.locator('input[type=file]').first().setInputFiles(path.join(SHARED_DIR, 'data', 'un', 'consolidated.xml'));
    await options.locator('[data-import=done]').waitFor({ timeout: 120_000 });
    await options.close();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'places marks only where they may go, shifts no layout, and turning off restores each body exactly',
    async () => {
      await setEnabled(false);
      const problems: string[] = [];
      let marked = 0;
      for (const file of PAGES) {
        const page = await browser.context.newPage();
        await page.goto(server.url(`/corpus-noscript/${file}`), { waitUntil: 'load', timeout: 30_000 });
        await page.waitForTimeout(200);
        const pristine = await page.evaluate(() => document.body.outerHTML);
        const before = await boxes(page);

        await setEnabled(true);
        await page.waitForFunction(() => (window as unknown as { backstoryPasses: string[] }).backstoryPasses.length > 0, null, { timeout: 30_000 });
        const marks = await page.locator('backstory-mark').count();
        marked += marks > 0 ? 1 : 0;
        const misplaced = await page.$$eval('backstory-mark', (all, forbidden) => all.filter((m) => m.parentElement?.closest(forbidden) || m.parentElement?.closest('backstory-mark') || !m.textContent?.trim()).map((m) => m.parentElement?.outerHTML.slice(0, 120)), FORBIDDEN);
        if (misplaced.length > 0) problems.push(`${file}: ${misplaced.length} marks in forbidden places, e.g. ${misplaced[0]}`);
        const after = await boxes(page);
        const shifted = before.flatMap((box, i) => (isShifted(box, after[i] ?? null) ? [`${box} → ${after[i]}`] : []));
        if (before.length !== after.length || shifted.length > 0) problems.push(`${file}: ${shifted.length} element boxes moved, e.g. ${shifted[0]}`);

        await setEnabled(false);
        await page.waitForFunction(() => document.querySelectorAll('backstory-mark, backstory-card').length === 0, null, { timeout: 10_000 });
        if ((await page.evaluate(() => document.body.outerHTML)) !== pristine) problems.push(`${file}: body differs after turning annotations off`);
        await page.close();
      }
      expect(problems).toEqual([]);
      expect(marked).toBeGreaterThan(PAGES.length / 2); // the check ran on pages that had marks
    },
    600_000,
  );

  it(
    'adds no page error on any page with its scripts running',
    async () => {
      await setEnabled(false);
      const without = new Map<string, string[]>();
      for (const file of PAGES) without.set(file, await pageErrors(server.url(`/corpus/${file}`)));
      await setEnabled(true);
      const added: string[] = [];
      for (const file of PAGES) {
        const baseline = without.get(file)!;
        for (const error of await pageErrors(server.url(`/corpus/${file}`))) {
          const at = baseline.indexOf(error);
          if (at >= 0) baseline.splice(at, 1);
          else added.push(`${file}: ${error}`);
        }
      }
      expect(added).toEqual([]);
    },
    600_000,
  );
});
