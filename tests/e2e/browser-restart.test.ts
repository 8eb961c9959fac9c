import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launchChromium } from '../support/chromium';
import { installSharedKnowledgeBase } from '../support/knowledge-base';
import { startPageServer, type PageServer } from '../support/page-server';
import { HAS_SHARED, SHARED_MISSING } from '../support/shared';

let server: PageServer;
let profile: string;

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED)(`knowledge base across a browser restart ${!HAS_CHROMIUM ? CHROMIUM_MISSING : HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  beforeAll(async () => {
    server = await startPageServer();
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'backstory-restart-'));
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(profile, { recursive: true, force: true });
  });

  it('marks a listed person after the browser is closed and started again, with no new import', async () => {
    const first = await launchChromium({ profile });
    await installSharedKnowledgeBase(first, [
      ['ofac', 'sdn.csv'],
      ['ofac', 'alt.csv'],
      ['ofac', 'add.csv'],
    ]);
    await first.close();

    const second = await launchChromium({ profile });
    try {
      const page = await second.context.newPage();
      await page.goto(server.url('/fixtures/listed-person.html'));
      const mark = page.locator('#lead backstory-mark[data-kind="person"]');
      await mark.waitFor();
      expect(await mark.getAttribute('data-entity')).toBe('ofac-sdn:27225');
    } finally {
      await second.close();
    }
  });
});
