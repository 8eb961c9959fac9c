/**
 * Every user-facing string comes from _locales/<lang>/messages.json through browser.i18n, which
 * picks the browser's language and falls back to "en" (manifest default_locale). Components in
 * src/ui get this function through the I18n context (src/ui/i18n.ts), not by importing it.
 */
import browser from './browser';
import type { Translate } from './ui/i18n';

export type { MessageKey, Translate } from './ui/i18n';

/**
 * The message `key` with its placeholders filled. A missing message yields the key itself, so a
 * gap shows up on screen and in tests instead of as an empty label.
 */
export const t: Translate = (key, ...substitutions) =>
  browser.i18n.getMessage(key, substitutions.map(String)) || key;

/** Sets the document's language and direction from the catalogue in use (for screen readers and RTL locales). */
export function localiseDocument(doc: Document): void {
  // The catalogue's own language, not the browser's: a browser in German shows the English catalogue until there is a German one.
  doc.documentElement.lang = browser.i18n.getMessage('catalogueLanguage') || 'en';
  doc.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
}
