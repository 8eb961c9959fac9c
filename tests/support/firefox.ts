import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
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

/** TCP's discard port, which nothing here listens on: a connection to it is refused at once. */
const CLOSED_PORT = 9;

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
      // The machines reach no host but this one, and saved pages ask many: every request to another
      // host goes to a closed local port and fails at once, where a name lookup would take seconds
      // (a corpus page took 5-20 s to load). 127.0.0.1 and localhost are never sent to a proxy.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': CLOSED_PORT,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': CLOSED_PORT,
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
  await browser.installExtension(extension);
  return browser;
}

/** The extension's pages under the pinned moz-extension:// host. */
export const POPUP_URL = `moz-extension://${ADDON_UUID}/popup/index.html`;
export const OPTIONS_URL = `moz-extension://${ADDON_UUID}/options/index.html`;

/**
 * Opens an extension page in a new tab: BiDi will not navigate to moz-extension:// itself, so a
 * test page (`from`, served on 127.0.0.1) sends the tab there (the test build makes the popup
 * and options pages web-accessible to 127.0.0.1). Resolves once `ready` matches there.
 */
export async function openExtensionPage(browser: Browser, from: string, url: string, ready: string): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(from);
  await tab.evaluate((target) => {
    location.href = target;
  }, url);
  await tab.waitForFunction((selector) => location.protocol === 'moz-extension:' && !!document.querySelector(selector), {}, ready);
  return tab;
}

/**
 * The popup, reading `page` as the active tab: opened as a tab, then reloaded with `page` in
 * front. A reload through BiDi (popup.reload()) never reports its navigation done on a
 * moz-extension:// page, so the page reloads itself.
 */
export async function openPopupFor(browser: Browser, from: string, page: Page): Promise<Page> {
  const popup = await openExtensionPage(browser, from, POPUP_URL, 'input[name=everywhere]');
  await page.bringToFront();
  await popup.evaluate(() => {
    document.body.dataset.stale = 'yes';
    location.reload();
  });
  await popup.waitForFunction(() => !document.body.dataset.stale && !!document.querySelector('input[name=everywhere]'));
  return popup;
}
