/**
 * Property tests for marks in a real Chromium page: random DOM trees and random matches — marking
 * then unmarking restores the tree, node for node (the same Text objects with the same data, in
 * the same places; no normalize()). The content modules are bundled for the page with esbuild
 * (webextension-polyfill stubbed: these modules need no browser API) and driven from Node by
 * fast-check through page.evaluate.
 */
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, CHROMIUM_PATH, HAS_CHROMIUM } from '../support/chromium';
import { REPO_ROOT } from '../support/shared';

/** A generated page fragment: text runs and elements, some of them skipped ones (script, code…). */
type Tree = { text: string } | { tag: string; children: Tree[] };

// 'editable' and 'fixed' stand for <div contenteditable> and <span contenteditable="false"> (fillScratch).
const TAGS = ['p', 'div', 'span', 'b', 'i', 'a', 'em', 'br', 'li', 'ul', 'section', 'code', 'script', 'textarea', 'h2', 'td', 'tr', 'table', 'sup', 'editable', 'fixed'];
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'N', ' ', ' ', '.', 'é', '\u202E', '\n', '𝔸'), maxLength: 24 });
const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  tree: fc.record({ tag: fc.constant('div'), children: fc.array(tie('node'), { maxLength: 6 }) }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ text }),
    fc.record({ tag: fc.constantFrom(...TAGS), children: fc.array(tie('node'), { maxLength: 5 }) }),
  ),
}));
/** Matches as fractions of the page's blocks and their text; mapped to real offsets in the page. */
const matches = fc.array(
  fc.record({ block: fc.double({ min: 0, max: 0.999, noNaN: true }), start: fc.double({ min: 0, max: 0.999, noNaN: true }), length: fc.integer({ min: 1, max: 12 }), entity: fc.constantFrom('country:FR', 'person:1', 'organisation:2') }),
  { maxLength: 12 },
);

let browser: Browser;
let page: Page;

async function bundleContentModules(): Promise<string> {
  const result = await esbuild.build({
    stdin: {
      contents: `import { collectTextBlocks } from './src/content/text-blocks';
        import { placeMarks } from './src/content/marks';
        import { removeLeftovers } from './src/content/leftovers';
        /** Puts a generated fragment (type Tree) into the page's #scratch, in place of what was there. */
        function fillScratch(fragment) {
          const build = (t) => {
            if ('text' in t) return document.createTextNode(t.text);
            const element = document.createElement(t.tag === 'editable' ? 'div' : t.tag === 'fixed' ? 'span' : t.tag);
            if (t.tag === 'editable') element.setAttribute('contenteditable', '');
            if (t.tag === 'fixed') element.setAttribute('contenteditable', 'false');
            for (const child of t.children) element.append(build(child));
            return element;
          };
          const scratch = document.getElementById('scratch');
          scratch.replaceChildren(build(fragment));
          return scratch;
        }
        globalThis.backstoryTest = { collectTextBlocks, placeMarks, removeLeftovers, fillScratch };`,
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    define: { __TEST__: 'true', __BROWSER__: '"chrome"' },
    plugins: [
      {
        name: 'stub-webextension-polyfill',
        setup(build) {
          build.onResolve({ filter: /^webextension-polyfill$/ }, () => ({ path: 'stub', namespace: 'stub' }));
          build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};', loader: 'js' }));
        },
      },
    ],
    absWorkingDir: path.resolve(REPO_ROOT),
  });
  return result.outputFiles[0]!.text;
}

describe.skipIf(!HAS_CHROMIUM)(`marks on random trees in Chromium ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><main id="scratch"></main></body></html>');
    await page.addScriptTag({ content: await bundleContentModules() });
  });
  afterAll(async () => {
    await browser?.close();
  });

  // 'remove': the instance that placed the marks takes them off (annotations turned off).
  // 'leftovers': the next instance takes off what a torn-down one left (leftovers.ts, Firefox).
  it.each(['remove', 'leftovers'] as const)('marking then unmarking (%s) restores the tree node for node, also when the page changed text in between', async (unmark) => {
    await fc.assert(
      fc.asyncProperty(tree, matches, fc.option(fc.double({ min: 0, max: 0.999, noNaN: true })), async (fragment, wanted, change) => {
        const outcome = await page.evaluate(
          ({ fragment, wanted, change, unmark }) => {
            type T = { text: string } | { tag: string; children: T[] };
            const api = (globalThis as unknown as { backstoryTest: { collectTextBlocks: (root: Node) => Array<{ text: string; segments: unknown[] }>; placeMarks: (b: unknown, m: unknown, k: () => string) => { marks: readonly HTMLElement[]; remove(): void }; removeLeftovers: (doc: Document) => void; fillScratch: (t: T) => HTMLElement } }).backstoryTest;
            const scratch = api.fillScratch(fragment);
            // Tree order of every node, by identity, with each text node's data.
            const snapshot = (): Array<[Node, string | null]> => {
              const out: Array<[Node, string | null]> = [];
              const walker = document.createTreeWalker(scratch, NodeFilter.SHOW_ALL);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push([n, n.nodeType === Node.TEXT_NODE ? (n as Text).data : null]);
              return out;
            };
            const blocks = api.collectTextBlocks(scratch);
            // The page may change a text node between our read and our marks: offsets no longer hold there.
            const texts = snapshot().filter(([, d]) => d !== null);
            if (change !== null && texts.length > 0) (texts[Math.floor(change * texts.length)]![0] as Text).data = 'changed by the page';
            const before = snapshot();
            const html = scratch.outerHTML;
            const textBefore = scratch.textContent;
            const mentions = blocks.length === 0 ? [] : wanted.map((w) => {
              const index = Math.floor(w.block * blocks.length);
              const block = blocks[index]!;
              const start = Math.floor(w.start * block.text.length);
              return { block: index, start, end: Math.min(block.text.length, start + w.length), entity: w.entity };
            }).filter((m) => m.end > m.start);
            const set = api.placeMarks(blocks, mentions, () => 'country');
            const marksInDom = scratch.querySelectorAll('backstory-mark').length;
            const placed = set.marks.length;
            const badMarks = set.marks.filter((m) => m.textContent === '' || m.closest('script, code, textarea, [contenteditable=""]') !== null || m.querySelector('backstory-mark') !== null).length;
            const textAfterMarking = scratch.textContent;
            if (unmark === 'remove') set.remove();
            else api.removeLeftovers(document);
            const after = snapshot();
            const sameNodes = before.length === after.length && before.every(([n, d], i) => after[i]![0] === n && after[i]![1] === d);
            return { sameNodes, sameHtml: scratch.outerHTML === html, marksInDom, placed, badMarks, textKept: textAfterMarking === textBefore };
          },
          { fragment, wanted, change, unmark },
        );
        expect(outcome.sameNodes).toBe(true);
        expect(outcome.sameHtml).toBe(true);
        expect(outcome.marksInDom).toBe(outcome.placed);
        expect(outcome.badMarks).toBe(0);
        expect(outcome.textKept).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('reads the same blocks as a walker that rejects skipped elements through a filter', async () => {
    // The reader steps over skipped subtrees itself (no filter callback per node); this reference
    // is the plain reading of the rule: FILTER_REJECT on skipped elements, blocks broken by any
    // element that is not inline, runs of text joined across inline ones.
    await fc.assert(
      fc.asyncProperty(tree, async (fragment) => {
        const outcome = await page.evaluate((fragment) => {
          type T = { text: string } | { tag: string; children: T[] };
          const api = (globalThis as unknown as { backstoryTest: { collectTextBlocks: (root: Node) => Array<{ text: string; segments: Array<{ node: Node; start: number }> }>; fillScratch: (t: T) => HTMLElement } }).backstoryTest;
          const scratch = api.fillScratch(fragment);
          const skipped = new Set(['script', 'code', 'textarea']);
          const inline = new Set(['span', 'b', 'i', 'a', 'em', 'sup']);
          const walker = document.createTreeWalker(scratch, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
            acceptNode: (n) => {
              if (n.nodeType !== Node.ELEMENT_NODE) return NodeFilter.FILTER_ACCEPT;
              const editable = (n as Element).getAttribute('contenteditable');
              return skipped.has((n as Element).localName) || (editable !== null && editable !== 'false') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
            },
          });
          const expected: Array<Array<[number, string]>> = [];
          let current: Array<[number, string]> | null = null;
          let broken = true;
          const texts = [...scratch.querySelectorAll('*')].flatMap((e) => [...e.childNodes]).filter((n) => n.nodeType === Node.TEXT_NODE);
          const id = (n: Node): number => texts.indexOf(n as ChildNode);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (n.nodeType === Node.ELEMENT_NODE) {
              if (!inline.has((n as Element).localName)) broken = true;
              continue;
            }
            if ((n as Text).data.length === 0) continue;
            if (broken || !current) {
              if (current) expected.push(current);
              current = [];
              broken = false;
            }
            current.push([id(n), (n as Text).data]);
          }
          if (current) expected.push(current);
          const wanted = expected.filter((b) => /\S/.test(b.map(([, d]) => d).join('')));
          const got = api.collectTextBlocks(scratch).map((b) => b.segments.map((s) => [id(s.node), (s.node as Text).data] as [number, string]));
          return { wanted: JSON.stringify(wanted), got: JSON.stringify(got) };
        }, fragment);
        expect(outcome.got).toBe(outcome.wanted);
      }),
      { numRuns: 200 },
    );
  });
});
