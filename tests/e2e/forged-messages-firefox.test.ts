/**
 * Forged messages to the background in Firefox ESR, as tests/e2e/forged-messages.test.ts checks
 * them in Chromium: the background answers its own extension page (the control), refuses
 * malformed and oversize envelopes from it, page scripts have no way to message it, and extension
 * pages run under a strict CSP.
 *
 * Not ported, for want of a way to reach the sender from puppeteer over WebDriver BiDi:
 *   - Backstory's own content script sending page-only requests (PAGE_ONLY_REQUESTS): Chromium's
 *     test evaluates in the isolated world over CDP; BiDi as puppeteer exposes it gives no handle
 *     on Firefox's content-script sandbox, and the test build has no "scripting" permission an
 *     extension page could use to inject a sender into a tab. The refusal logic itself
 *     (isExtensionPage in src/background/router.ts) is browser-independent.
 *   - another extension sending to Backstory: installing a second temporary add-on
 *     (tests/fixtures/other-extension is an MV3 Chromium service-worker extension) and driving its
 *     background from BiDi was not attempted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MALFORMED, OVERSIZE } from '../support/forged-messages';
import { FIREFOX_MISSING, HAS_FIREFOX, launchFirefox, OPTIONS_URL, openExtensionPage } from '../support/firefox';
import { startPageServer, type PageServer } from '../support/page-server';
import { REPO_ROOT } from '../support/shared';

// src/messages.ts is read for its limits only; its browser import has no use in Node.
vi.mock('webextension-polyfill', () => ({ default: {} }));

type Outcome = { reply: unknown } | { error: string };

let browser: Browser;
let server: PageServer;
let extensionPage: Page;
/** Requests for the foreign script of the CSP test, counted by the page server. */
let foreignFetches = 0;

function refused(outcome: Outcome): boolean {
  return 'error' in outcome || outcome.reply === undefined || outcome.reply === 'undefined';
}

/** A minimal typing of the `browser` global of extension pages. */
type Runtime = { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };

/** Sends each message from the extension page and records the outcome, then the oversize spots. */
function sendAll(messages: unknown[], oversize: typeof OVERSIZE | null): Promise<Outcome[]> {
  return extensionPage.evaluate(
    async (list, big) => {
      const ext = (globalThis as unknown as { browser: Runtime }).browser;
      const extra = big
        ? [
            { app: 'backstory', name: 'spot', request: { blocks: Array.from({ length: big.tooManyBlocks }, () => ({ text: 'a' })) } },
            { app: 'backstory', name: 'spot', request: { blocks: [{ text: 'x'.repeat(big.blockTooLong) }] } },
            { app: 'backstory', name: 'spot', request: { blocks: Array.from({ length: big.tooMuchText }, () => ({ text: 'y'.repeat(big.blockChars) })) } },
          ]
        : [];
      const out: Array<{ reply: unknown } | { error: string }> = [];
      for (const message of [...list, ...extra]) {
        out.push(
          await ext.runtime.sendMessage(message).then(
            (reply) => ({ reply: reply === undefined ? 'undefined' : reply }),
            (error: unknown) => ({ error: String(error instanceof Error ? error.message : error) }),
          ),
        );
      }
      return out;
    },
    messages,
    oversize,
  );
}

describe.skipIf(!HAS_FIREFOX)(`forged messages to the background in Firefox ${HAS_FIREFOX ? '' : FIREFOX_MISSING}`, () => {
  beforeAll(async () => {
    server = await startPageServer();
    // A script on a foreign origin that marks the page if it ever runs there.
    server.routes.push((request, response) => {
      if (request.url !== '/evil.js') return false;
      foreignFetches++;
      response.writeHead(200, { 'content-type': 'text/javascript' }).end('window.foreignRan = true;');
      return true;
    });
    browser = await launchFirefox();
    extensionPage = await openExtensionPage(browser, server.url('/fixtures/listed-person.html'), OPTIONS_URL, 'input[type=file]');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('answers its own extension page (the control for every refusal below)', async () => {
    const [outcome] = await sendAll([{ app: 'backstory', name: 'getStatus', request: null }], null);
    expect(outcome).toHaveProperty('reply.names');
    // A well-formed spot is answered too, so the malformed and oversize spots below are refused for their shape.
    const [spot] = await sendAll([{ app: 'backstory', name: 'spot', request: { blocks: [{ text: 'France and Russia.' }] } }], null);
    expect(JSON.stringify(spot)).toContain('country:FR');
  });

  it('refuses malformed and oversize envelopes from its own extension pages', async () => {
    const outcomes = await sendAll(
      MALFORMED.map(([, m]) => m),
      OVERSIZE,
    );
    const labels = [...MALFORMED.map(([label]) => label), 'too many blocks', 'block too long', 'too much text'];
    expect(outcomes).toHaveLength(labels.length);
    outcomes.forEach((outcome, i) => expect(refused(outcome), `${labels[i]}: ${JSON.stringify(outcome).slice(0, 200)}`).toBe(true));
    // The background is still there and still answers.
    const [after] = await sendAll([{ app: 'backstory', name: 'getStatus', request: null }], null);
    expect(after).toHaveProperty('reply.names');
  });

  it('gives page scripts no way to message it', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/fixtures/listed-person.html'));
    // The content script has run on this page: the page is one Backstory works on.
    await page.waitForSelector('backstory-mark');
    const reach = await page.evaluate(() => {
      const g = globalThis as { browser?: Partial<Runtime>; chrome?: Partial<Runtime> };
      return { browser: typeof g.browser?.runtime?.sendMessage, chrome: typeof g.chrome?.runtime?.sendMessage };
    });
    expect(reach).toEqual({ browser: 'undefined', chrome: 'undefined' });
    await page.close();
  });

  it('runs its extension pages under a strict CSP: no inline script, no foreign script, no eval in the policy', async () => {
    const csp = await extensionPage.evaluate(async (foreignUrl) => {
      const w = window as { inlineRan?: boolean; foreignRan?: boolean };
      const inline = document.createElement('script');
      inline.textContent = 'window.inlineRan = true';
      document.head.append(inline);
      const foreign = document.createElement('script');
      foreign.src = foreignUrl;
      const foreignBlocked = new Promise<boolean>((resolve) => {
        foreign.onerror = () => resolve(true);
        foreign.onload = () => resolve(false);
      });
      document.head.append(foreign);
      return { inlineRan: w.inlineRan === true, foreignBlocked: await foreignBlocked, foreignRan: w.foreignRan === true };
    }, server.url('/evil.js'));
    expect(csp, JSON.stringify(csp)).toEqual({ inlineRan: false, foreignBlocked: true, foreignRan: false });
    // Blocked before the request, not after: the server never saw it.
    expect(foreignFetches).toBe(0);
    // eval is not tried: code run through BiDi may be exempt from the page's CSP. The policy is read instead.
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, process.env.BACKSTORY_DIST ?? 'dist', 'firefox', 'manifest.json'), 'utf8'));
    const policy: string = manifest.content_security_policy.extension_pages;
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
  });
});
