/**
 * The content script's `browser`, in place of webextension-polyfill (9.7 KB minified in a script
 * injected into every page). build.mjs aliases 'webextension-polyfill' to this file for the content
 * entry only, so src/browser.ts stays the one seam every module imports.
 *
 * Firefox: its own promise-based `browser`, which the polyfill passes through as it is.
 * Chrome MV3: `chrome`, whose calls the content script makes already return promises
 * (runtime.sendMessage, storage.local.get/set; i18n.getMessage and runtime.getURL are synchronous,
 * the events are plain events). Two differences from the polyfill remain, and are bridged here:
 * - runtime.sendMessage settles as the polyfill's does: a message the background leaves
 *   unanswered resolves with undefined instead of rejecting, and an answer that is the polyfill's
 *   rejection marker (the background's handler threw) rejects;
 *   and it always returns a promise (Chrome throws at once when the extension is gone, see orphan.ts).
 * - runtime.onMessage listeners must answer with sendResponse and `return true`: Chrome does not
 *   take a returned promise as the answer (src/content/index.ts does so).
 * Any other API the content script may use passes through to `chrome` unchanged; it must be one
 * whose Chrome MV3 form returns a promise.
 */
import type { Browser } from 'webextension-polyfill';

declare const __BROWSER__: 'chrome' | 'firefox';
declare const browser: Browser;
declare const chrome: Browser;

/**
 * The rejection of Chrome versions that reject when no listener answered (Chromium 156 resolves with
 * undefined, as the polyfill does).
 */
const NO_ANSWER = 'The message port closed before a response was received.';

/** The answer webextension-polyfill's onMessage wrapper sends in Chrome when a handler rejects. */
function isPolyfillRejection(reply: unknown): reply is { message: string } {
  return typeof reply === 'object' && reply !== null && (reply as Record<string, unknown>).__mozWebExtensionPolyfillReject__ === true;
}

function chromeApi(): Browser {
  const runtime = chrome.runtime;
  // Wrapped in a promise: once the extension is reloaded or updated under the page, Chrome throws
  // "Extension context invalidated." at once instead of rejecting, and callers expect a promise.
  const sendMessage = (message: unknown): Promise<unknown> =>
    new Promise((resolve) => resolve(runtime.sendMessage(message))).then(
      (reply: unknown) => (isPolyfillRejection(reply) ? Promise.reject(new Error(reply.message)) : reply),
      (error: unknown) => (error instanceof Error && error.message === NO_ANSWER ? undefined : Promise.reject(error)),
    );
  const runtimeView = new Proxy(runtime, {
    get: (target, key) => {
      if (key === 'sendMessage') return sendMessage;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return new Proxy(chrome, { get: (target, key) => (key === 'runtime' ? runtimeView : Reflect.get(target, key)) });
}

const api: Browser = __BROWSER__ === 'firefox' ? browser : chromeApi();
export default api;
