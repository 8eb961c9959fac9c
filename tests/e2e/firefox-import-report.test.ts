import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ElementHandle } from 'puppeteer-core';
import { FIREFOX_MISSING, HAS_FIREFOX, launchFirefox, openExtensionPage, OPTIONS_URL } from '../support/firefox';
import { writeImportReportFiles, type ImportReportFiles } from '../support/import-report-files';
import { startPageServer, type PageServer } from '../support/page-server';

/** The options page's import report in Firefox, as tests/e2e/import-report.test.ts checks it in Chromium. */
let browser: Browser;
let server: PageServer;
let files: ImportReportFiles;

describe.skipIf(!HAS_FIREFOX)(`options page import report in Firefox ${HAS_FIREFOX ? '' : FIREFOX_MISSING}`, () => {
  beforeAll(async () => {
    files = writeImportReportFiles();
    server = await startPageServer();
    browser = await launchFirefox();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    files?.remove();
  });

  it('words the errors of refused files and lists the warnings of a file it read', async () => {
    const options = await openExtensionPage(browser, server.url('/fixtures/listed-person.html'), OPTIONS_URL, 'input[type=file]');
    const input = (await options.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...files.paths);
    await options.waitForSelector('[data-import=done]', { timeout: 60_000 });

    const { empty, unknown, warned } = files.expected;
    const text = (selector: string): Promise<string | null> => options.$eval(selector, (element) => element.textContent);
    expect(await text(`[data-import=done] li.error[data-file="${empty.file}"]`)).toBe(empty.error);
    expect(await text(`[data-import=done] li.error[data-file="${unknown.file}"]`)).toContain(unknown.error);

    const read = `[data-import=done] li[data-file="${warned.file}"]`;
    expect(await options.$eval(read, (li) => li.classList.contains('error'))).toBe(false);
    expect(await text(`${read} details.warnings summary`)).toBe('Show the first 1');
    expect(await options.$$eval(`${read} details.warnings li`, (items) => items.map((li) => li.textContent))).toEqual([warned.warning]);

    // No message id anywhere in the report: every diagnostic found its message in the catalogue.
    expect(await text('[data-import=done]')).not.toMatch(/\bdiag[A-Z]|__MSG_/);
    await options.close();
  });
});
