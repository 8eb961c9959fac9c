/**
 * "Look up in Backstory" on selected text. The result opens in the popup page, in a small window
 * of its own (popup/index.html?lookup=…), rather than in the page:
 * - it works the same in Chrome and Firefox (windows.create with type 'popup' exists in both,
 *   needs no permission, and does not depend on a user gesture as action.openPopup does);
 * - it works where no content script runs or marking is off (sites turned off, PDFs in Firefox'
 *   viewer, pages that loaded before the extension), and the page's own CSS cannot touch it;
 * - it is the popup's own search, so there is one look-up view to build, test and translate.
 */
import browser from '../browser';
import { t } from '../i18n';
import { MAX_LOOKUP_CHARS } from '../messages';

/** The menu item's id. */
export const LOOKUP_MENU_ID = 'backstory-lookup';

/** The parts of a menu click this module reads (contextMenus.OnClickData in both browsers). */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

const WINDOW = { width: 400, height: 600 };

/**
 * Creates the menu item. Menus persist with the extension in both browsers, so this runs when the
 * extension is installed or updated and at browser start; removeAll first keeps the id unique.
 */
export async function createLookupMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: LOOKUP_MENU_ID, title: t('menuLookup'), contexts: ['selection'] });
}

/** The popup page URL that looks up `text` (trimmed, whitespace collapsed, length-limited). */
export function lookupUrl(text: string): string | null {
  const query = text.replace(/\s+/g, ' ').trim().slice(0, MAX_LOOKUP_CHARS);
  if (!query) return null;
  return `${browser.runtime.getURL('popup/index.html')}?lookup=${encodeURIComponent(query)}`;
}

/** Opens the look-up window for a menu click on selected text; resolves with its window id. */
export async function lookUpSelection(info: MenuClick): Promise<number | undefined> {
  if (info.menuItemId !== LOOKUP_MENU_ID) return undefined;
  const url = lookupUrl(info.selectionText ?? '');
  if (!url) return undefined;
  const created = await browser.windows.create({ url, type: 'popup', ...WINDOW });
  return created.id;
}

/** Registers the menu listeners; call synchronously at the background's start. */
export function listenForMenu(): void {
  browser.runtime.onInstalled.addListener(() => void createLookupMenu());
  browser.runtime.onStartup.addListener(() => void createLookupMenu());
  browser.contextMenus.onClicked.addListener((info) => void lookUpSelection(info));
}
