/// <reference types="chrome" />
/**
 * Forged messages to the background, from every place one can come from, are refused with no
 * reply and no side effect:
 *   - another extension (tests/fixtures/other-extension) sending to Backstory's id: Backstory has
 *     no onMessageExternal / onConnectExternal, so nothing of it answers;
 *   - a page script: it has no runtime messaging to reach Backstory at all;
 *   - Backstory's own content script (run in its isolated world through CDP): requests reserved
 *     to extension pages (PAGE_ONLY_REQUESTS) are refused, and malformed or oversize ones too;
 *   - an extension page sending envelopes of the wrong shape or size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PAGE_ONLY_REQUESTS } from '../../src/messages';
import { MALFORMED, OVERSIZE } from '../support/forged-messages';
import { CHROMIUM_MISSING, CHROMIUM_PATH, HAS_CHROMIUM } from '../support/chromium';
import { startPageServer, type PageServer } from '../support/page-server';
import { REPO_ROOT } from '../support/shared';

// src/messages.ts is read for its limits and names only; its browser import has no use in Node.
vi.mock('webextension-polyfill', () => ({ default: {} }));

type Outcome = { reply: unknown } | { error: string };

/** Well-formed requests, so that only the sender decides. */
const VALID_SAMPLES: Record<string, unknown> = {
  getStatus: null,
  reloadKb: null,
  getSources: null,
  setSource: { id: 'un', enabled: false, mirror: null },
  refreshNow: { id: null },
  lookup: { name: 'Min Aung Hlaing' },
  spot: { blocks: [{ text: 'France and Russia.' }] },
};

let context: BrowserContext;
let profile: string;
let server: PageServer;
let backstory: Worker;
let other: Worker;
let backstoryId: string;
let extensionPage: Page;

function refused(outcome: Outcome): boolean {
  return 'error' in outcome || outcome.reply === undefined || outcome.reply === 'undefined';
}

/**
 * Runs `source` (an async function taking `arg`) in a world of `page`: Backstory's content-script
 * world, or the page's main world. CDP evaluation is used for both because page.evaluate cannot
 * reach the isolated world, and an extension page's CSP forbids building functions from strings.
 */
async function inWorld(page: Page, world: 'content-script' | 'main', source: string, arg: unknown): Promise<Outcome[]> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const found = contexts.find((c) => (world === 'main' ? c.auxData?.type === 'default' || (c.auxData as { isDefault?: boolean } | undefined)?.isDefault : c.auxData?.type === 'isolated' && c.name === 'Backstory'));
  if (!found) throw new Error(`no ${world} world among ${contexts.map((c) => c.name).join(', ')}`);
  const result = await cdp.send('Runtime.evaluate', { expression: `(${source})(${JSON.stringify(arg)})`, contextId: found.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  return result.result.value as Outcome[];
}

/** Source of a function that sends each message with chrome.runtime.sendMessage and records the outcome. */
const SEND_ALL = `async ({ messages, oversize }) => {
  const big = oversize ? [
    { app: 'backstory', name: 'spot', request: { blocks: Array.from({ length: oversize.tooManyBlocks }, () => ({ text: 'a' })) } },
    { app: 'backstory', name: 'spot', request: { blocks: [{ text: 'x'.repeat(oversize.blockTooLong) }] } },
    { app: 'backstory', name: 'spot', request: { blocks: Array.from({ length: oversize.tooMuchText }, () => ({ text: 'y'.repeat(oversize.blockChars) })) } },
  ] : [];
  const out = [];
  for (const message of [...messages, ...big]) {
    out.push(await chrome.runtime.sendMessage(message).then(
      (reply) => ({ reply: reply === undefined ? 'undefined' : reply }),
      (error) => ({ error: String(error && error.message ? error.message : error) }),
    ));
  }
  return out;
}`;

/** What a forged setSource or refreshNow would change: each source's switch, permission and last attempt. */
async function sources(): Promise<string> {
  const reply = (await extensionPage.evaluate(() => chrome.runtime.sendMessage({ app: 'backstory', name: 'getSources', request: null }))) as {
    sources: Array<{ id: string; enabled: boolean; permitted: boolean; status: unknown }>;
  };
  return JSON.stringify(reply.sources.map(({ id, enabled, permitted, status }) => ({ id, enabled, permitted, status })));
}

/**
 * Waits for the update run that starts at install to finish: it records an attempt per enabled
 * source, which would otherwise land between a test's before and after snapshots.
 */
async function settledSources(): Promise<void> {
  let previous = await sources();
  for (let tries = 0; tries < 30; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 750));
    const next = await sources();
    if (next === previous) return;
    previous = next;
  }
  throw new Error('the install-time update run did not settle');
}

describe.skipIf(!HAS_CHROMIUM)(`forged messages to the background ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  beforeAll(async () => {
    server = await startPageServer();
    const mine = path.join(REPO_ROOT, process.env.BACKSTORY_DIST ?? 'dist', 'chrome');
    const theirs = path.join(REPO_ROOT, 'tests', 'fixtures', 'other-extension');
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'backstory-forged-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [`--disable-extensions-except=${mine},${theirs}`, `--load-extension=${mine},${theirs}`, '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
    });
    while (context.serviceWorkers().length < 2) await context.waitForEvent('serviceworker', { timeout: 20_000 });
    backstory = context.serviceWorkers().find((w) => w.url().endsWith('/background.js'))!;
    other = context.serviceWorkers().find((w) => w.url().endsWith('/other-background.js'))!;
    backstoryId = new URL(backstory.url()).host;
    extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${backstoryId}/popup/index.html`);
    await settledSources();
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it('answers its own extension page (the control for every refusal below)', async () => {
    const status = await extensionPage.evaluate(() => chrome.runtime.sendMessage({ app: 'backstory', name: 'getStatus', request: null }));
    expect(status).toHaveProperty('names');
  });

  it('leaves every message from another extension unanswered, with no side effect', async () => {
    const before = await sources();
    for (const [name, request] of Object.entries(VALID_SAMPLES)) {
      if (name === 'refreshNow') continue; // would start downloads if it were ever accepted: covered by setSource
      const outcome = (await other.evaluate(([id, message]) => (globalThis as unknown as { forge: (i: string, m: unknown) => Promise<Outcome> }).forge(id, message), [backstoryId, { app: 'backstory', name, request }] as const)) as Outcome;
      expect(refused(outcome), `${name}: ${JSON.stringify(outcome)}`).toBe(true);
    }
    const viaPort = (await other.evaluate(([id, message]) => (globalThis as unknown as { connect: (i: string, m: unknown) => Promise<Outcome> }).connect(id, message), [backstoryId, { app: 'backstory', name: 'getStatus', request: null }] as const)) as Outcome;
    expect(refused(viaPort)).toBe(true);
    expect(await sources()).toBe(before);
  });

  it('gives page scripts no way to message it', async () => {
    const page = await context.newPage();
    await page.goto(server.url('/fixtures/listed-person.html'));
    const reach = await page.evaluate(async (id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no runtime messaging';
      try {
        return { reply: await runtime.sendMessage(id, { app: 'backstory', name: 'getStatus', request: null }) };
      } catch (error) {
        return { error: String(error) };
      }
    }, backstoryId);
    expect(reach === 'no runtime messaging' || refused(reach as Outcome)).toBe(true);
    await page.close();
  });

  it('refuses page-only requests from its content script, and malformed or oversize ones, without side effects', async () => {
    const before = await sources();
    const page = await context.newPage();
    await page.goto(server.url('/fixtures/listed-person.html'));
    await page.waitForSelector('backstory-mark', { state: 'attached' });
    const pageOnly = [...PAGE_ONLY_REQUESTS].filter((name) => name !== 'refreshNow' && name in VALID_SAMPLES);
    expect(pageOnly.length).toBeGreaterThanOrEqual(3);
    const messages = [
      { app: 'backstory', name: 'spot', request: VALID_SAMPLES.spot }, // control: a content script may spot
      ...pageOnly.map((name) => ({ app: 'backstory', name, request: VALID_SAMPLES[name] })),
      ...MALFORMED.map(([, message]) => message),
    ];
    const outcomes = await inWorld(page, 'content-script', SEND_ALL, { messages, oversize: OVERSIZE });
    expect(refused(outcomes[0]!)).toBe(false);
    expect(JSON.stringify(outcomes[0])).toContain('country:FR');
    const labels = [...pageOnly.map((n) => `page-only ${n}`), ...MALFORMED.map(([label]) => label), 'too many blocks', 'block too long', 'too much text'];
    outcomes.slice(1).forEach((outcome, i) => expect(refused(outcome), `${labels[i]}: ${JSON.stringify(outcome).slice(0, 200)}`).toBe(true));
    expect(outcomes).toHaveLength(1 + labels.length);
    expect(await sources()).toBe(before);
    await page.close();
  });

  it('refuses malformed and oversize envelopes from its own extension pages too', async () => {
    const outcomes = await inWorld(extensionPage, 'main', SEND_ALL, { messages: MALFORMED.map(([, m]) => m), oversize: OVERSIZE });
    const labels = [...MALFORMED.map(([label]) => label), 'too many blocks', 'block too long', 'too much text'];
    expect(outcomes).toHaveLength(labels.length);
    outcomes.forEach((outcome, i) => expect(refused(outcome), `${labels[i]}: ${JSON.stringify(outcome).slice(0, 200)}`).toBe(true));
    // The background is still there and still answers.
    expect(await extensionPage.evaluate(() => chrome.runtime.sendMessage({ app: 'backstory', name: 'getStatus', request: null }))).toHaveProperty('names');
  });

  // eval() cannot be tried from here: code evaluated over CDP is exempt from the page's CSP. The
  // manifest's policy is checked for it instead.
  it('runs its extension pages under a strict CSP: no inline script, no foreign script, no eval in the policy', async () => {
    const csp = await extensionPage.evaluate(async () => {
      const inline = document.createElement('script');
      inline.textContent = 'window.inlineRan = true';
      document.head.append(inline);
      const foreign = document.createElement('script');
      foreign.src = 'http://127.0.0.1:9/evil.js';
      const foreignBlocked = new Promise<boolean>((resolve) => {
        foreign.onerror = () => resolve(true);
        foreign.onload = () => resolve(false);
      });
      document.head.append(foreign);
      return { inlineRan: (window as { inlineRan?: boolean }).inlineRan === true, foreignBlocked: await foreignBlocked };
    });
    expect(csp, JSON.stringify(csp)).toEqual({ inlineRan: false, foreignBlocked: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, process.env.BACKSTORY_DIST ?? 'dist', 'chrome', 'manifest.json'), 'utf8'));
    const policy: string = manifest.content_security_policy.extension_pages;
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});
