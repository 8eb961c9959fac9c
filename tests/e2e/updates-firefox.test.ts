import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourcesReply } from '../../src/messages';
import { FIREFOX_MISSING, HAS_FIREFOX, launchFirefox, openExtensionPage, OPTIONS_URL } from '../support/firefox';
import { COMPILER_REVISION } from '../../src/kb/artifact';
import { putKbMetaInPage, readKbMetaInPage } from '../support/kb-meta';
import { startPageServer, type PageServer } from '../support/page-server';
import { HAS_SHARED, SHARED_MISSING, sharedData } from '../support/shared';

let browser: Browser;
let server: PageServer;

async function ask<T>(page: Page, name: string, request: unknown): Promise<T> {
  return page.evaluate(
    (n, r) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({ app: 'backstory', name: n, request: r }),
    name,
    request as never,
  ) as Promise<T>;
}

describe.skipIf(!HAS_FIREFOX || !HAS_SHARED)(`scheduled list updates in Firefox ${!HAS_FIREFOX ? FIREFOX_MISSING : HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  beforeAll(async () => {
    server = await startPageServer();
    // /lists/<path> serves shared/data/<path>: the publishers' files, from a "mirror".
    server.routes.push((request, response) => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      if (!pathname.startsWith('/lists/')) return false;
      const file = path.resolve(sharedData(), pathname.slice('/lists/'.length));
      if (!file.startsWith(sharedData() + path.sep) || !fs.existsSync(file)) response.writeHead(404).end();
      else response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(fs.readFileSync(file));
      return true;
    });
    browser = await launchFirefox();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('downloads OFAC from a mirror (compiled in the rebuild worker) and marks a listed person', { timeout: 240_000 }, async () => {
    const options = await openExtensionPage(browser, server.url('/fixtures/listed-person.html'), OPTIONS_URL, '#sources-heading');
    for (const id of ['ofac-cons', 'un', 'ca-sema', 'au-dfat']) await ask(options, 'setSource', { id, enabled: false, mirror: null });
    await ask(options, 'setSource', { id: 'ofac-sdn', enabled: true, mirror: server.url('/lists/ofac/') });
    await expect
      .poll(
        async () => {
          const reply = await ask<SourcesReply>(options, 'getSources', null);
          const ofac = reply.sources.find((s) => s.id === 'ofac-sdn')!;
          return !reply.updating && ofac.status.lastSuccessAt ? ofac.entries : ofac.status.lastError ?? null;
        },
        { timeout: 200_000, interval: 1_000 },
      )
      .toBe(14_965);
    await options.waitForSelector('li[data-source-id="ofac-sdn"][data-state="ok"]');

    const page = await browser.newPage();
    await page.goto(server.url('/fixtures/listed-person.html'));
    await page.waitForSelector('#lead backstory-mark[data-kind="person"]');
    expect(await page.$eval('#lead backstory-mark[data-kind="person"]', (m) => m.textContent)).toBe('Min Aung Hlaing');
    await Promise.all([options.close(), page.close()]);
  });

  it('compiles the stored lists again (in the rebuild worker) when an older version compiled the installed knowledge base', { timeout: 180_000 }, async () => {
    const options = await openExtensionPage(browser, server.url('/fixtures/listed-person.html'), OPTIONS_URL, '#sources-heading');
    const fresh = await options.evaluate(readKbMetaInPage);
    expect(fresh.compilerRevision).toBe(COMPILER_REVISION);
    const { compilerRevision: _, ...older } = fresh;
    await options.evaluate(putKbMetaInPage, older);
    // A run for a source that is not enabled downloads nothing: only the rebuild is left to do.
    await ask(options, 'refreshNow', { id: 'un' });
    await expect.poll(async () => (await options.evaluate(readKbMetaInPage)).compilerRevision, { timeout: 120_000, interval: 1_000 }).toBe(COMPILER_REVISION);
    const rebuilt = await options.evaluate(readKbMetaInPage);
    expect(rebuilt.generation).toBeGreaterThan(fresh.generation);
    expect(rebuilt.lists).toEqual(fresh.lists);

    const page = await browser.newPage();
    await page.goto(server.url('/fixtures/listed-person.html'));
    await page.waitForSelector('#lead backstory-mark[data-kind="person"]');
    await Promise.all([options.close(), page.close()]);
  });
});
