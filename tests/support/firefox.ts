import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { REPO_ROOT } from './shared';

/**
 * Starts Firefox ESR headless over WebDriver BiDi with the built extension installed as a
 * temporary add-on (shared/docs/browser-testing.md, section 3). The moz-extension:// host is
 * pinned so tests can reach the popup.
 */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const HAS_FIREFOX = fs.existsSync(FIREFOX_PATH);
export const FIREFOX_MISSING = `skipped: no Firefox at ${FIREFOX_PATH} (apt-get install firefox-esr, or set FIREFOX_PATH)`;
if (!HAS_FIREFOX && process.env.CI) throw new Error(`CI needs Firefox at ${FIREFOX_PATH}`);

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'manifest.json'), 'utf8'));
export const ADDON_ID: string = manifest.browser_specific_settings.gecko.id;
export const ADDON_UUID = '6f1c2a3b-9d4e-4f5a-8b7c-0d1e2f3a4b5c';

export async function launchFirefox(): Promise<Browser> {
  const extension = path.join(REPO_ROOT, process.env.BACKSTORY_DIST ?? 'dist', 'firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'app.normandy.enabled': false,
      'extensions.update.enabled': false,
      'browser.region.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  await browser.installExtension(extension);
  return browser;
}
