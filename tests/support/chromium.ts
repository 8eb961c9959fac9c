import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { REPO_ROOT } from './shared';

/**
 * Starts Debian's Chromium with the built extension loaded (shared/docs/browser-testing.md).
 * Under CI a missing browser is a failure; elsewhere tests skip with `CHROMIUM_MISSING`.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM_PATH);
export const CHROMIUM_MISSING = `skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
if (!HAS_CHROMIUM && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM_PATH}`);

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The profile folder the browser runs in. */
  userDataDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * A profile folder to start from and keep (a browser restart: close, then launch again with the
   * same folder). By default a fresh profile that is deleted on close.
   */
  profile?: string;
  /** The built Chrome extension folder (default: `chrome` of the BACKSTORY_DIST build, or dist). */
  extension?: string;
  /** More Chromium flags (the benchmarks' remote debugging port, precise memory figures). */
  args?: string[];
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extension = options.extension ?? path.join(REPO_ROOT, process.env.BACKSTORY_DIST ?? 'dist', 'chrome');
  if (!fs.existsSync(path.join(extension, 'manifest.json'))) throw new Error(`no build at ${extension}: run npm run build:test`);
  const userDataDir = options.profile ?? fs.mkdtempSync(path.join(os.tmpdir(), 'backstory-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--disable-extensions-except=${extension}`, // Playwright passes --disable-extensions otherwise
      `--load-extension=${extension}`,
      '--disable-gpu',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost', // no lookup leaves the machine
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    userDataDir,
    close: async () => {
      await context.close();
      if (!options.profile) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
