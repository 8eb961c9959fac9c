/// <reference types="chrome" />
/**
 * Issue 3 figures: time to compile everything in ../shared/data in Node, the artifact's size, and
 * the time to load it — in Node (parse + index) and in the extension's background in Chromium
 * (IndexedDB read + index build), after importing the same files through the options page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { compileKnowledgeBase } from '../../src/kb/compile';
import { loadKnowledgeBase } from '../../src/kb/knowledge-base';
import { readSources, type SourceFile } from '../../src/sources/read-sources';
import { HAS_CHROMIUM, launchChromium } from '../../tests/support/chromium';
import type { BenchSection } from './run-one';

const SHARED = path.resolve(process.env.BACKSTORY_SHARED ?? path.join(process.cwd(), '..', 'shared'));
const DATA = path.join(SHARED, 'data');

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'matched_2021-07' ? [] : listFiles(full);
    return e.name.endsWith('.md') ? [] : [full];
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function bench(): Promise<BenchSection> {
  const paths = listFiles(DATA).sort();
  const files: SourceFile[] = paths.map((p) => ({ name: path.relative(DATA, p), bytes: new Uint8Array(fs.readFileSync(p)) }));
  const compileMs: number[] = [];
  let json = '';
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const artifact = compileKnowledgeBase(readSources(files));
    compileMs.push(performance.now() - started);
    json = JSON.stringify(artifact);
  }
  const artifact = JSON.parse(json);
  const { cards: _cards, ...core } = artifact;
  const coreJson = JSON.stringify(core);
  const loadMs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    loadKnowledgeBase(JSON.parse(coreJson), async () => new Map());
    loadMs.push(performance.now() - started);
  }
  const browserLoad = await loadInChromium(paths);
  return {
    title: 'Knowledge base: compile, size, load (issue 3)',
    rows: [
      { label: `compile all of shared/data in Node (${paths.length} files, median of 3)`, value: `${(median(compileMs) / 1000).toFixed(1)} s`, goal: '≤ 10 s', met: median(compileMs) <= 10_000 },
      { label: 'entities / names in the index', value: `${artifact.entityIds.length} / ${artifact.index.keys.length}` },
      { label: 'artifact size (JSON, gzip)', value: `${(json.length / 2 ** 20).toFixed(1)} MB, ${(gzipSync(json).length / 2 ** 20).toFixed(1)} MB` },
      { label: 'start-up part (all but cards; JSON)', value: `${(coreJson.length / 2 ** 20).toFixed(1)} MB` },
      { label: 'load in Node: parse start-up part + build index (median of 5)', value: `${median(loadMs).toFixed(0)} ms` },
      browserLoad === null
        ? { label: 'background load in Chromium', value: 'not measured (no Chromium)' }
        : { label: 'background load in Chromium: IndexedDB read + index (median of 5)', value: `${median(browserLoad).toFixed(0)} ms`, goal: '≤ 150 ms', met: median(browserLoad) <= 150 },
    ],
    notes: [
      'Cards are not loaded at start-up: the background reads the cards of the entities a page names from IndexedDB when it needs them.',
      'The older OFAC snapshot (ofac/matched_2021-07) is left out: it is the same list as ofac/sdn.csv and the importer keeps one copy of a list.',
    ],
  };
}

async function loadInChromium(paths: string[]): Promise<number[] | null> {
  if (!HAS_CHROMIUM) return null;
  const browser = await launchChromium();
  try {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.locator('input[type=file]').setInputFiles(paths);
    await options.locator('[data-import=done]').waitFor({ timeout: 300_000 });
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      times.push(await options.evaluate(() => chrome.runtime.sendMessage({ app: 'backstory', name: 'reloadKb', request: null }).then((s: { loadMs: number }) => s.loadMs)));
    }
    return times;
  } finally {
    await browser.close();
  }
}
