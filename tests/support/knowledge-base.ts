import type { ExtensionBrowser } from './chromium';
import { sharedData } from './shared';

/**
 * Test seam: loads a knowledge base into the extension the way a reader does, through the options
 * page's file input, from the real files in ../shared/data (tests that use it skip without them).
 * A small set by default (SIPRI register and military expenditure, the OFAC SDN list, the UN and
 * Australian lists), enough for country figures, pair flows and a listed person, in a few seconds.
 */
export const CARD_TEST_FILES = [
  ['sipri', 'trade-register.csv'],
  ['sipri', 'milex', 'SIPRI-Milex-data-1948-2023.xlsx'],
  ['ofac', 'sdn.csv'],
  ['ofac', 'alt.csv'],
  ['ofac', 'add.csv'],
  ['ofac', 'sdn_comments.csv'],
  ['un', 'consolidated.xml'],
  ['australia', 'regulation8_consolidated.xlsx'],
];

/** Imports `files` (paths under shared/data) through the options page and waits until it is done. */
export async function installSharedKnowledgeBase(browser: ExtensionBrowser, files: string[][] = CARD_TEST_FILES): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
  const input = options.locator('input[type=file]').first();
  await input.waitFor({ state: 'attached' });
  await input.setInputFiles(files.map((parts) => sharedData(...parts)));
  await options.locator('[data-import=done]').waitFor({ timeout: 120_000 });
  await options.close();
}
