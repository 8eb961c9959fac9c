/**
 * What the corpus tests check on every real page of ../shared/corpus/pages, in Chromium
 * (corpus.test.ts) and Firefox (corpus-firefox.test.ts) alike. The functions named …InPage run
 * inside the page: pass them to page.evaluate, in Playwright or Puppeteer.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { expect, it } from 'vitest';
import { HAS_SHARED, SHARED_DIR } from './shared';

export const CORPUS_PAGES_DIR = path.join(SHARED_DIR, 'corpus', 'pages');
export const CORPUS_PAGES = HAS_SHARED ? fs.readdirSync(CORPUS_PAGES_DIR).filter((f) => f.endsWith('.html')).sort() : [];

/** Where no mark may be: what content/text-blocks.ts skips, as a selector. */
export const FORBIDDEN = 'script, style, noscript, textarea, input, select, option, button, [contenteditable]:not([contenteditable="false"]), code, pre, kbd, samp, svg, math, template, iframe, title, head, backstory-card';

/**
 * Serves /corpus-noscript/<file>: the corpus page under a CSP that lets no page script run (the
 * <script> elements stay in the DOM, to check we leave them alone), while the content script,
 * which page CSP does not govern, runs as usual. The page then changes only when the test changes
 * it. Nor does it load frames: their hosts are out of reach here, and Firefox reports a frame's
 * refused load as the failure of the page's own navigation.
 */
export function corpusNoScriptRoute(request: IncomingMessage, response: ServerResponse): boolean {
  const match = /^\/corpus-noscript\/([\w.-]+\.html)$/.exec(request.url ?? '');
  if (!match || !CORPUS_PAGES.includes(match[1]!)) return false;
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'; frame-src 'none'" });
  fs.createReadStream(path.join(CORPUS_PAGES_DIR, match[1]!)).pipe(response);
  return true;
}

/** An element's box, rounded to whole CSS pixels. */
export type Box = [x: number, y: number, width: number, height: number];

/**
 * Runs in the page: every element's box under body, in tree order, leaving out our own elements.
 * Elements that a CSS or SVG animation is moving (a ticker, a spinner) are left out (null): they
 * move whether we mark or not.
 */
export function boxesInPage(): Array<Box | null> {
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
}

/**
 * Runs in the page: lays the whole body out again. Firefox's first layout of some pages differs
 * from any later one with no change at all (politico-imf-ukraine-war: a block 4 px higher after a
 * forced reflow, 2026-11-28), so any change to the DOM, ours or the page's, would seem to shift it.
 * The layout checks take their baseline after this; in Chromium it changes nothing.
 */
export function settleLayoutInPage(): void {
  const body = document.body;
  const attribute = body.getAttribute('style');
  body.style.display = 'none';
  void body.offsetHeight; // forces a layout without the body
  if (attribute === null) body.removeAttribute('style');
  else body.setAttribute('style', attribute);
  void body.offsetHeight; // and one with it, from scratch
}

/** Runs in the page: the marks placed where none may go (under `forbidden`, inside another mark, or empty), as their parents' markup. */
export function misplacedMarksInPage(forbidden: string): string[] {
  return [...document.querySelectorAll('backstory-mark')]
    .filter((m) => m.parentElement?.closest(forbidden) || m.parentElement?.closest('backstory-mark') || !m.textContent?.trim())
    .map((m) => m.parentElement?.outerHTML.slice(0, 120) ?? '');
}

/**
 * Text shaping stops at element boundaries (kerning across a mark's edge is lost), so text after
 * a mark may move by a fraction of a pixel, which rounding can turn into 1 px. Anything more is a shift.
 */
const SHAPING_TOLERANCE_PX = 1;

/** The boxes that moved between two readings of boxesInPage, as "before → after". */
export function shiftedBoxes(before: Array<Box | null>, after: Array<Box | null>): string[] {
  if (before.length !== after.length) return [`${before.length} elements before, ${after.length} after`];
  return before.flatMap((box, i) => {
    const moved = box && after[i] && box.some((v, k) => Math.abs(v - after[i]![k]!) > SHAPING_TOLERANCE_PX);
    return moved ? [`${box} → ${after[i]}`] : [];
  });
}

/**
 * What the checks need of a browser, so that one loop serves Playwright (Chromium) and Puppeteer
 * (Firefox): a tab, a function run in it, annotations on or off, a visit's page errors.
 */
export interface CorpusDriver<Tab> {
  /** A new tab with `url` loaded (its load event fired). */
  open(url: string): Promise<Tab>;
  /** Runs `fn` in the page, with `arg`. */
  run<R, A>(tab: Tab, fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  close(tab: Tab): Promise<void>;
  setEnabled(enabled: boolean): Promise<void>;
  /** The page errors thrown while `url` loads in a new tab and settles a moment (first lines only). */
  pageErrors(url: string): Promise<string[]>;
}

/**
 * For every corpus page under /corpus-noscript/ of `baseUrl`: annotations on, then off. Returns
 * the problems found (marks in forbidden places, boxes moved, a body not restored) and how many
 * pages had marks. The browser's annotations are left off.
 */
async function checkMarksOnCorpus<Tab>(driver: CorpusDriver<Tab>, urlOf: (file: string) => string): Promise<{ problems: string[]; marked: number }> {
  await driver.setEnabled(false);
  const problems: string[] = [];
  let marked = 0;
  for (const file of CORPUS_PAGES) {
    const tab = await driver.open(urlOf(file));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await driver.run(tab, settleLayoutInPage, undefined);
    const pristine = await driver.run(tab, () => document.body.outerHTML, undefined);
    const before = await driver.run(tab, boxesInPage, undefined);
    // Test seam: the test build announces the end of each annotation pass (src/content/annotator.ts).
    await driver.run(tab, () => {
      const w = window as unknown as { backstoryPasses: number };
      w.backstoryPasses = 0;
      document.addEventListener('backstory-test-pass', () => w.backstoryPasses++);
    }, undefined);

    await driver.setEnabled(true);
    await expect
      .poll(() => driver.run(tab, () => (window as unknown as { backstoryPasses: number }).backstoryPasses > 0, undefined), { timeout: 30_000, interval: 50, message: `${file}: annotation pass` })
      .toBe(true);
    if ((await driver.run(tab, () => document.querySelectorAll('backstory-mark').length, undefined)) > 0) marked++;
    const misplaced = await driver.run(tab, misplacedMarksInPage, FORBIDDEN);
    if (misplaced.length > 0) problems.push(`${file}: ${misplaced.length} marks in forbidden places, e.g. ${misplaced[0]}`);
    const shifted = shiftedBoxes(before, await driver.run(tab, boxesInPage, undefined));
    if (shifted.length > 0) problems.push(`${file}: ${shifted.length} element boxes moved, e.g. ${shifted[0]}`);

    await driver.setEnabled(false);
    await expect
      .poll(() => driver.run(tab, () => document.querySelectorAll('backstory-mark, backstory-card').length === 0, undefined), { timeout: 10_000, interval: 50, message: `${file}: marks removed` })
      .toBe(true);
    if ((await driver.run(tab, () => document.body.outerHTML, undefined)) !== pristine) problems.push(`${file}: body differs after turning annotations off`);
    await driver.close(tab);
  }
  return { problems, marked };
}

/**
 * Visits of each page per side. A page whose resources cannot be fetched here fails in ways that
 * depend on timing (a tag manager not there yet: "google_tag_manager is not defined" in one visit
 * of nyt-podcast-transcript and not the next), with or without the extension.
 */
const ERROR_VISITS = 2;

/**
 * Every corpus page (`urlOf`, scripts running) visited with annotations off, then on: the errors
 * that every visit with annotations on has and no visit without them had, as "file: error".
 */
async function errorsAddedOnCorpus<Tab>(driver: CorpusDriver<Tab>, urlOf: (file: string) => string): Promise<string[]> {
  const visit = async (file: string): Promise<Array<Set<string>>> => {
    const visits: Array<Set<string>> = [];
    for (let v = 0; v < ERROR_VISITS; v++) visits.push(new Set(await driver.pageErrors(urlOf(file))));
    return visits;
  };
  await driver.setEnabled(false);
  const without = new Map<string, Set<string>>();
  for (const file of CORPUS_PAGES) without.set(file, new Set((await visit(file)).flatMap((errors) => [...errors])));
  await driver.setEnabled(true);
  const added: string[] = [];
  for (const file of CORPUS_PAGES) {
    const [first, ...others] = await visit(file);
    for (const error of first!) if (others.every((errors) => errors.has(error)) && !without.get(file)!.has(error)) added.push(`${file}: ${error}`);
  }
  return added;
}

/**
 * Declares the corpus tests for one browser, inside its describe block: `baseUrl` gives the page
 * server's address once the browser is up.
 */
export function itHoldsOnEveryCorpusPage<Tab>(driver: CorpusDriver<Tab>, baseUrl: () => string): void {
  it(
    'places marks only where they may go, shifts no layout, and turning off restores each body exactly',
    async () => {
      const { problems, marked } = await checkMarksOnCorpus(driver, (file) => `${baseUrl()}/corpus-noscript/${file}`);
      expect(problems).toEqual([]);
      expect(marked).toBeGreaterThan(CORPUS_PAGES.length / 2); // the check ran on pages that had marks
    },
    600_000,
  );

  it(
    'adds no page error on any page with its scripts running',
    async () => {
      expect(await errorsAddedOnCorpus(driver, (file) => `${baseUrl()}/corpus/${file}`)).toEqual([]);
    },
    600_000,
  );
}
