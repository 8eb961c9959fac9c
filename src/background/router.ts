/**
 * Request name → handler. The sender and the shape of every request are checked before any
 * handler runs; anything else is left unanswered.
 */
import browser, { type Runtime } from '../browser';
import { isEnvelope, PAGE_ONLY_REQUESTS, REQUEST_VALIDATORS, type ReplyOf, type RequestName, type RequestOf } from '../messages';

export type Handlers = {
  [N in RequestName]: (request: RequestOf<N>, sender: Runtime.MessageSender) => Promise<ReplyOf<N>> | ReplyOf<N>;
};

/** Whether a message comes from this extension (its pages or its content scripts), not another one. */
export function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/** Whether a message comes from one of the extension's own pages (popup, options), not a content script. */
export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return isOwnSender(sender) && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('')) && !sender.tab?.url?.startsWith('http');
}

/** Registers the one runtime.onMessage listener of the background. */
export function listen(handlers: Handlers): void {
  // Not async: an async listener would answer every message, ours or not, with undefined.
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isOwnSender(sender) || !isEnvelope(message)) return undefined;
    const name = message.name as RequestName;
    if (!Object.hasOwn(REQUEST_VALIDATORS, name) || !REQUEST_VALIDATORS[name](message.request)) {
      console.warn(`Backstory: refused a malformed "${String(message.name).slice(0, 40)}" request`);
      return undefined;
    }
    if (PAGE_ONLY_REQUESTS.has(name) && !isExtensionPage(sender)) {
      console.warn(`Backstory: refused "${name}" from a content script`);
      return undefined;
    }
    return Promise.resolve(handlers[name](message.request as never, sender));
  });
}
