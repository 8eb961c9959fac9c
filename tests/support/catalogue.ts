/**
 * The English catalogue as the extension's pages see it, for unit tests of components and
 * formatters: `catalogueT` fills messages the way browser.i18n.getMessage does (named placeholders
 * from their "content", then $1…$9 from the substitutions, "$$" as a literal "$"), and falls back
 * to the key as src/i18n.ts does. `pseudoT` marks every message instead, so a test can tell
 * catalogue text from text a component wrote itself.
 */
import messages from '../../_locales/en/messages.json';
import type { MessageKey, Translate } from '../../src/ui/i18n';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const CATALOGUE = messages as Record<MessageKey, Message>;

/** One message with its placeholders filled, as browser.i18n.getMessage returns it. */
export function fillMessage(entry: Message, substitutions: readonly string[]): string {
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  // Named placeholders are case-insensitive; an unknown one stays as written.
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders[name.toLowerCase()] ?? whole);
  return named.replace(/\$(?:([1-9]\d*)|(\$+))/g, (_whole, index: string | undefined, dollars: string | undefined) =>
    index ? (substitutions[Number(index) - 1] ?? '') : (dollars ?? ''),
  );
}

/** src/i18n.ts `t` over the English catalogue, without a browser. */
export const catalogueT: Translate = (key, ...substitutions) => {
  const entry = CATALOGUE[key];
  return (entry && fillMessage(entry, substitutions.map(String))) || key;
};

/** A translator that returns "⟦key⟧" for every message and drops the substitutions. */
export const pseudoT: Translate = (key) => `⟦${key}⟧`;
