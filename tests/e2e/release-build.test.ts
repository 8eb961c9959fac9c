/**
 * The release build, as users get it: the card's shadow root is closed (a page script cannot read
 * or restyle the card: `host.shadowRoot === null`), and none of the test build's seams ship.
 * The build is made here, into `<BACKSTORY_DIST or dist>-release`, so it never mixes with the test
 * build that the other browser tests load.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, CHROMIUM_PATH, HAS_CHROMIUM } from '../support/chromium';
import { startPageServer, type PageServer } from '../support/page-server';
import { REPO_ROOT } from '../support/shared';

const RELEASE_DIST = `${process.env.BACKSTORY_DIST ?? 'dist'}-release`;
const EXTENSION = path.join(REPO_ROOT, RELEASE_DIST, 'chrome');

let context: BrowserContext;
let profile: string;
let server: PageServer;

describe.skipIf(!HAS_CHROMIUM)(`the release build ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  beforeAll(async () => {
    execFileSync(process.execPath, ['build.mjs'], { cwd: REPO_ROOT, env: { ...process.env, BACKSTORY_DIST: RELEASE_DIST }, stdio: 'pipe' });
    server = await startPageServer();
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'backstory-release-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
    });
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 20_000 });
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it('shows the card from a closed shadow root that page scripts cannot open', async () => {
    const page = await context.newPage();
    await page.goto(server.url('/demo/article.html'));
    const mark = page.locator('backstory-mark[data-entity="country:MM"]').first();
    await mark.waitFor();
    await mark.hover();
    const card = page.locator('backstory-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.evaluate((host) => host.shadowRoot)).toBeNull();
    // The card has content, though no page script can see it: its box is the size of a card.
    expect((await card.boundingBox())?.height ?? 0).toBeGreaterThan(40);
    await page.close();
  });

  it('ships none of the test seams', () => {
    const content = fs.readFileSync(path.join(EXTENSION, 'content.js'), 'utf8');
    expect(content).not.toContain('backstory-test-pass');
    expect(fs.readdirSync(EXTENSION).some((f) => f.endsWith('.map'))).toBe(false);
  });
});
