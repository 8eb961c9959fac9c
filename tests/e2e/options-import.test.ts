import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium, type ExtensionBrowser } from '../support/chromium';
import { servePagesAndLaunch, type PageServer } from '../support/page-server';
import { HAS_SHARED, REPO_ROOT, SHARED_DIR, SHARED_MISSING } from '../support/shared';

/** Every file of shared/data but the README and the older OFAC snapshot (same file names as the current ones). */
function sharedListFiles(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'matched_2021-07' ? [] : walk(full);
      return e.name.endsWith('.md') ? [] : [full];
    });
  return walk(path.join(SHARED_DIR, 'data')).sort();
}

let browser: ExtensionBrowser;
let server: PageServer;

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED)(`options page import ${!HAS_CHROMIUM ? CHROMIUM_MISSING : HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  servePagesAndLaunch(launchChromium, (started) => ({ server, browser } = started));

  it('imports the real lists through the file input, then marks a listed person on a page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.getByText('No list loaded yet').waitFor();
    await options.locator('input[type=file]').setInputFiles(sharedListFiles());
    await options.locator('progress').waitFor(); // progress is visible while it works
    await options.locator('[data-import=done]').waitFor({ timeout: 120_000 });
    expect(await options.locator('[data-import=done] li.error').count()).toBe(0);
    // The status table lists each list with its entries and data date.
    await options.locator('tr[data-source="un"]').waitFor();
    expect(await options.locator('tr[data-source="un"] td.num').textContent()).toBe('1,003');
    expect(await options.locator('tr[data-source="un"]').textContent()).toContain('27 Feb 2026');
    expect(await options.locator('tr[data-source="ofac-sdn"] td.num').textContent()).toBe('14,965');

    const page = await browser.context.newPage();
    await page.goto(server.url('/fixtures/listed-person.html'));
    const mark = page.locator('#lead backstory-mark[data-kind="person"]');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('Min Aung Hlaing');
    await mark.hover();
    const card = page.locator('backstory-card');
    await expect.poll(() => card.evaluate((host) => host.shadowRoot?.textContent ?? '')).toContain('OFAC SDN List');
    const text = await card.evaluate((host) => host.shadowRoot?.textContent ?? '');
    expect(text).toContain('BURMA-EO14014');
    expect(text).toContain('3 Jul 1956');
    // Countries still carry their card, now with SIPRI figures loaded.
    expect(await page.locator('#lead backstory-mark[data-entity="country:MM"]').count()).toBe(1);
    await page.close();
  });

  it('reports bad files with a clear error and keeps the last good knowledge base', async () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'backstory-bad-'));
    const un = fs.readFileSync(path.join(SHARED_DIR, 'data', 'un', 'consolidated.xml'));
    fs.writeFileSync(path.join(bad, 'consolidated.xml'), un.subarray(0, Math.floor(un.length / 3))); // cut short
    fs.copyFileSync(path.join(REPO_ROOT, 'tests/fixtures/sources/canada/entity-bomb.xml'), path.join(bad, 'sema-lmes.xml'));
    fs.copyFileSync(path.join(REPO_ROOT, 'tests/fixtures/sources/ofac/utf16.csv'), path.join(bad, 'sdn.csv')); // wrong encoding
    fs.writeFileSync(path.join(bad, 'holiday.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70])); // wrong format

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.locator('tr[data-source="un"]').waitFor();
    await options.locator('input[type=file]').setInputFiles(fs.readdirSync(bad).map((f) => path.join(bad, f)));
    await options.locator('[data-import=done]').waitFor({ timeout: 120_000 });
    const errors = await options.locator('[data-import=done] li.error').allTextContents();
    expect(errors).toHaveLength(4);
    expect(errors.find((e) => e.includes('consolidated.xml'))).toMatch(/line \d+/);
    expect(errors.find((e) => e.includes('sema-lmes.xml'))).toMatch(/entit/i);
    expect(errors.find((e) => e.includes('holiday.jpg'))).toMatch(/not a format Backstory reads/);
    expect(errors.find((e) => e.includes('sdn.csv'))).toBeTruthy();
    // The lists in use are the ones imported before.
    expect(await options.locator('tr[data-source="un"] td.num').textContent()).toBe('1,003');
    expect(await options.locator('tr[data-source="ofac-sdn"] td.num').textContent()).toBe('14,965');
    const page = await browser.context.newPage();
    await page.goto(server.url('/fixtures/listed-person.html'));
    await page.locator('#lead backstory-mark[data-kind="person"]').waitFor();
    fs.rmSync(bad, { recursive: true, force: true });
  });
});
