import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './shared';

const AXE_SOURCE = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }>;
}

/**
 * axe-core's violations on an extension page, one line each ("id: help @ selector"). The source is
 * evaluated over the DevTools protocol because the pages' CSP (script-src 'self') refuses the
 * inline script tag that page.addScriptTag would add.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(AXE_SOURCE, 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
}
