/**
 * Translation for components in src/ui, which may not import browser APIs: the entry points
 * (popup, options, card host) provide `t` from src/i18n.ts through this context, and components
 * read it with `useT()`. Keys are typed from the English catalogue, so a missing key fails `tsc`.
 *
 *   <I18n.Provider value={t}><EntityCard … /></I18n.Provider>      // entry point
 *   const t = useT(); t('popupMentions', count)                     // component
 *
 * Without a provider (unit tests), `t` returns the key itself, which tests can assert on.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Every message id in _locales/en/messages.json. */
export type MessageKey = keyof typeof import('../../_locales/en/messages.json');

/** Looks a message up by id, filling its placeholders ($1…$9) from `substitutions`. */
export type Translate = (key: MessageKey, ...substitutions: Array<string | number>) => string;

export const I18n = createContext<Translate>((key) => key);

/** The translate function the nearest provider supplies. */
export function useT(): Translate {
  return useContext(I18n);
}

/**
 * Picks the singular or plural message for `count` (English needs two forms; a locale needing
 * more would add keys, as browser.i18n has no plural rules of its own).
 */
export function plural(t: Translate, count: number, one: MessageKey, other: MessageKey): string {
  return t(count === 1 ? one : other, count.toLocaleString());
}
