/**
 * Loads the card's renderer (card-ui.js, from card-ui.tsx) once, on first need. The content script
 * stays a classic script; a dynamic import() of an extension URL works from one in Chrome and in
 * Firefox, also on pages whose CSP allows no script at all (the extension's own origin is not the
 * page's to restrict), and the module runs in the content script's world.
 *
 * The file is listed in manifest.json's web_accessible_resources for the pages the content script
 * runs on (the import is made with the page's origin): in Chrome with use_dynamic_url, so its URL
 * changes every session and does not name the extension; in Firefox the URL carries the random
 * per-install host. The module holds code only.
 */
import type * as CardUi from './card-ui';

declare const __BROWSER__: 'chrome' | 'firefox';
declare const browser: { runtime: { getURL(path: string): string } };
declare const chrome: { runtime: { getURL(path: string): string } };

export type CardUiModule = typeof CardUi;

let loading: Promise<CardUiModule> | null = null;

/** The card renderer; the first call starts the import, later calls share it (a failure is retried). */
export function loadCardUi(): Promise<CardUiModule> {
  // In a promise: Chrome throws at once (from getURL) once the extension is reloaded or updated
  // under the page, and callers expect a rejection.
  loading ??= new Promise<CardUiModule>((resolve) => resolve(importCardUi())).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * The import itself. Written with the global `browser` / `chrome` rather than src/browser.ts on
 * purpose: Firefox's add-on linter (web-ext lint, no-unsanitized) accepts import() only of a
 * literal `browser.runtime.getURL(…)` or `chrome.runtime.getURL(…)` call, and the bundler would
 * rename an imported binding. __BROWSER__ is folded at build time, so each build keeps one branch.
 */
function importCardUi(): Promise<CardUiModule> {
  return __BROWSER__ === 'firefox'
    ? (import(browser.runtime.getURL('card-ui.js')) as Promise<CardUiModule>)
    : (import(chrome.runtime.getURL('card-ui.js')) as Promise<CardUiModule>);
}
