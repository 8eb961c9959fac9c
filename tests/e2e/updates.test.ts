import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPILER_REVISION } from '../../src/kb/artifact';
import type { SourcesReply, SourceView } from '../../src/messages';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { putKbMetaInPage, readKbMetaInPage, type KbMeta } from '../support/kb-meta';
import { startPageServer, type PageServer } from '../support/page-server';
import { HAS_SHARED, REPO_ROOT, SHARED_MISSING, sharedData } from '../support/shared';

/** How the list server answers for the Canada list: the real file, or one of the failures. */
type Mode = 'ok' | 'http-error' | 'truncated' | 'garbage' | 'tiny';

let browser: ExtensionBrowser;
let server: PageServer;
let mode: Mode = 'ok';
const requests: Array<{ path: string; status: number }> = [];

/**
 * /lists/<path> serves shared/data/<path> with an ETag (and answers If-None-Match with 304), so
 * the extension's conditional requests are exercised; the Canada file misbehaves on demand.
 */
function listRoute(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse): boolean {
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  if (!pathname.startsWith('/lists/')) return false;
  const file = path.resolve(sharedData(), pathname.slice('/lists/'.length));
  const answer = (status: number, body: Buffer | string, headers: Record<string, string> = {}): void => {
    requests.push({ path: pathname, status });
    response.writeHead(status, { 'content-type': 'application/octet-stream', ...headers }).end(body);
  };
  if (!file.startsWith(sharedData() + path.sep) || !fs.existsSync(file)) {
    answer(404, 'not found');
    return true;
  }
  const bytes = fs.readFileSync(file);
  const isCanada = pathname.endsWith('sema-lmes.xml');
  const current: Mode = isCanada ? mode : 'ok';
  if (current === 'http-error') answer(503, 'down for maintenance');
  else if (current === 'truncated') {
    // Announce the whole file, send half, then drop the connection.
    requests.push({ path: pathname, status: 200 });
    response.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(bytes.length) });
    response.write(bytes.subarray(0, bytes.length >> 1), () => response.destroy());
  } else if (current === 'garbage') answer(200, 'this is not a sanctions list\n'.repeat(500));
  else if (current === 'tiny') answer(200, fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/sources/canada/sema-small.xml')));
  else {
    const etag = `"${createHash('sha1').update(bytes).digest('hex')}"`;
    if (request.headers['if-none-match'] === etag) answer(304, '', { etag });
    else answer(200, bytes, { etag });
  }
  return true;
}

async function ask<T>(page: Page, name: string, request: unknown): Promise<T> {
  return page.evaluate(([n, r]) => chrome.runtime.sendMessage({ app: 'backstory', name: n, request: r }), [name, request] as const) as Promise<T>;
}

async function sourcesOf(page: Page): Promise<SourcesReply> {
  return ask<SourcesReply>(page, 'getSources', null);
}

function one(reply: SourcesReply, id: string): SourceView {
  const found = reply.sources.find((s) => s.id === id);
  if (!found) throw new Error(`no source ${id}`);
  return found;
}

/** Waits until no run is going and `done` holds. */
async function settle(page: Page, done: (reply: SourcesReply) => boolean): Promise<SourcesReply> {
  let last: SourcesReply | null = null;
  await expect
    .poll(
      async () => {
        last = await sourcesOf(page);
        return !last.updating && done(last);
      },
      { timeout: 120_000, interval: 500 },
    )
    .toBe(true);
  return last!;
}

const kbMeta = (page: Page): Promise<KbMeta> => page.evaluate(readKbMetaInPage);
const putKbMeta = (page: Page, meta: Partial<KbMeta>): Promise<void> => page.evaluate(putKbMetaInPage, meta);

async function expectMarked(page: Page): Promise<void> {
  await page.goto(server.url('/fixtures/listed-person.html'));
  const mark = page.locator('#lead backstory-mark[data-kind="person"]');
  await mark.waitFor({ timeout: 20_000 });
  expect(await mark.textContent()).toBe('Min Aung Hlaing');
}

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED)(`scheduled list updates (Chromium) ${!HAS_CHROMIUM ? CHROMIUM_MISSING : HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  let options: Page;
  let news: Page;

  beforeAll(async () => {
    server = await startPageServer();
    server.routes.push(listRoute);
    browser = await launchChromium();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    news = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('downloads the enabled lists from a mirror, and a listed person is marked', { timeout: 240_000 }, async () => {
    // Without host permission for the publishers (release manifest: optional), nothing is fetched.
    const before = await sourcesOf(options);
    expect(one(before, 'ofac-sdn').permitted).toBe(false);
    expect(requests).toHaveLength(0);
    // Installing scheduled the periodic look for due lists.
    const alarm = await options.evaluate(() => chrome.alarms.get('backstory-updates'));
    expect(alarm?.periodInMinutes).toBe(30);

    for (const id of ['ofac-cons', 'un', 'au-dfat']) await ask(options, 'setSource', { id, enabled: false, mirror: null });
    await ask(options, 'setSource', { id: 'ofac-sdn', enabled: true, mirror: server.url('/lists/ofac/') });
    await ask(options, 'setSource', { id: 'ca-sema', enabled: true, mirror: server.url('/lists/canada/') });
    const after = await settle(options, (r) => Boolean(one(r, 'ofac-sdn').status.lastSuccessAt && one(r, 'ca-sema').status.lastSuccessAt));
    expect(one(after, 'ofac-sdn').entries).toBe(14_965);
    expect(one(after, 'ca-sema').entries).toBeGreaterThan(1_000);
    expect(one(after, 'ca-sema').status.lastError).toBeUndefined();
    expect(requests.filter((r) => r.path.startsWith('/lists/ofac/')).map((r) => r.path).sort()).toEqual(
      ['/lists/ofac/add.csv', '/lists/ofac/alt.csv', '/lists/ofac/sdn.csv', '/lists/ofac/sdn_comments.csv'],
    );
    await expectMarked(news);

    // The popup says how fresh the lists are.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/index.html`);
    await popup.locator('[data-freshness]').waitFor();
    expect(await popup.locator('[data-freshness]').textContent()).toMatch(/^Lists updated (just now|\d+ min ago)\.$/);
    await popup.close();

    // The options page shows the source with its entries and date.
    await options.reload();
    const row = options.locator('li[data-source-id="ca-sema"]');
    await row.locator('.entries').waitFor();
    expect(await row.getAttribute('data-state')).toBe('ok');

    // A second refresh asks "changed?" and gets 304 for every file: nothing is rebuilt.
    requests.length = 0;
    await ask(options, 'refreshNow', { id: 'ofac-sdn' });
    await settle(options, () => requests.filter((r) => r.path.startsWith('/lists/ofac/')).length === 4);
    expect(requests.every((r) => r.status === 304)).toBe(true);
  });

  const failures: Array<[Mode, RegExp]> = [
    ['http-error', /HTTP 503/],
    ['truncated', /cut off|truncated/],
    ['garbage', /not a format Backstory reads/],
    ['tiny', /under half/],
  ];
  for (const [failure, message] of failures) {
    it(`keeps the last good data when the download is ${failure}`, { timeout: 180_000 }, async () => {
      mode = failure;
      const previous = one(await sourcesOf(options), 'ca-sema');
      await ask(options, 'refreshNow', { id: 'ca-sema' });
      // The failure count is written last, when the attempt has been judged.
      const reply = await settle(options, (r) => (one(r, 'ca-sema').status.failures ?? 0) > (previous.status.failures ?? 0));
      const source = one(reply, 'ca-sema');
      expect(source.status.lastError).toMatch(message);
      expect(source.status.nextRetryAt).toBeDefined();
      expect(source.entries).toBe(previous.entries); // still the last good list
      expect(source.status.lastSuccessAt).toBe(previous.status.lastSuccessAt);
      // The options page shows the error and when it will try again.
      await options.reload();
      const row = options.locator('li[data-source-id="ca-sema"]');
      await row.locator('.last-error').waitFor();
      expect(await row.locator('.last-error').textContent()).toMatch(message);
      expect(await row.locator('.next-retry').textContent()).toMatch(/^in /);
      await expectMarked(news);
    });
  }

  it('compiles the stored lists again, once, when an older version compiled the installed knowledge base', { timeout: 180_000 }, async () => {
    mode = 'ok';
    const fresh = await kbMeta(options);
    expect(fresh.compilerRevision).toBe(COMPILER_REVISION);
    // What an older version installed: the same record, without a revision.
    const { compilerRevision: _, ...older } = fresh;
    await putKbMeta(options, older);
    requests.length = 0;
    // A run for a source that is not enabled downloads nothing: only the rebuild is left to do.
    await ask(options, 'refreshNow', { id: 'un' });
    await expect.poll(async () => (await kbMeta(options)).compilerRevision, { timeout: 120_000, interval: 500 }).toBe(COMPILER_REVISION);
    const rebuilt = await kbMeta(options);
    expect(rebuilt.generation).toBeGreaterThan(fresh.generation);
    expect(rebuilt.lists).toEqual(fresh.lists); // the same stored files, compiled again
    expect(requests).toEqual([]);
    await expectMarked(news);

    // Tried once per revision: a knowledge base that is still older after that is left alone.
    await putKbMeta(options, { ...rebuilt, compilerRevision: undefined });
    await ask(options, 'refreshNow', { id: 'un' });
    await settle(options, () => true);
    expect((await kbMeta(options)).generation).toBe(rebuilt.generation);
    await putKbMeta(options, rebuilt);
  });

  it('answers from storage after the service worker is stopped', async () => {
    const cdp = await browser.context.browser()!.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    expect(target).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: target!.targetId });
    await expectMarked(news); // the content script's message wakes a fresh worker, which loads the stored KB
    const reply = await sourcesOf(options);
    expect(one(reply, 'ofac-sdn').entries).toBe(14_965);
    expect(one(reply, 'ca-sema').status.lastError).toMatch(/under half/);
  });
});
