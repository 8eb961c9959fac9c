/**
 * The one import of webextension-polyfill: promise-based `browser.*` in Chrome, the native object
 * in Firefox. Everything else imports `browser` from here, so tests have a single seam.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs, Storage } from 'webextension-polyfill';
export default browser;
