/**
 * Opens and serves the knowledge base: the compiled lists from IndexedDB joined to the country
 * data, or the country data alone before any list is installed. A knowledge base that cannot be
 * loaded (damaged, or a format this version does not read) is reported and the last good one
 * stays in use.
 */
import { readCards, readCurrent, type KbMeta } from '../db/kb-db';
import { cachedCards } from './card-cache';
import { assertCore } from '../kb/artifact';
import { createCountryKnowledgeBase, loadKnowledgeBase, prepareCountries, type KnowledgeBase } from '../kb/knowledge-base';
import type { KbStatus } from '../messages';
import { diagnostic, english, type Problem } from '../sources/diagnostics';

interface Loaded {
  kb: KnowledgeBase;
  meta: KbMeta | null;
  /** Milliseconds the last load took, from opening IndexedDB to a ready index. */
  loadMs: number;
}

let loading: Promise<Loaded> | null = null;
let lastError: Problem | null = null;

async function load(previous: Loaded | null): Promise<Loaded> {
  const started = performance.now();
  const countriesOnly = (): Loaded => ({ kb: createCountryKnowledgeBase(), meta: null, loadMs: performance.now() - started });
  try {
    // The country names and cards take tens of milliseconds on a cold start: make them while
    // IndexedDB reads, rather than after.
    const current = await readCurrent(prepareCountries);
    if (!current) return previous ?? countriesOnly();
    assertCore(current.core);
    const generation = current.meta.generation;
    // A new cache with every load: cards of a replaced knowledge base are never served.
    const cards = cachedCards((ids) => readCards(generation, ids));
    const kb = loadKnowledgeBase(current.core, cards, current.wordCounts);
    lastError = null;
    return { kb, meta: current.meta, loadMs: performance.now() - started };
  } catch (error) {
    // The reason is the platform's (IndexedDB) or the artifact check's own text, passed on as a value.
    const problem = diagnostic('diagKbLoadFailed', error instanceof Error ? error.message : String(error));
    lastError = { message: english(problem), ...problem };
    console.error(`Backstory: ${lastError.message}`);
    return previous ?? countriesOnly();
  }
}

/** The knowledge base in use, loading it on first use. */
export async function currentKb(): Promise<KnowledgeBase> {
  loading ??= load(null);
  return (await loading).kb;
}

/** Loads the newly installed knowledge base; until it is ready the previous one answers. */
export async function reloadKb(): Promise<KbStatus> {
  const previous = loading ? await loading : null;
  const next = load(previous);
  await next;
  loading = next;
  return status();
}

export async function status(): Promise<KbStatus> {
  loading ??= load(null);
  const { kb, meta, loadMs } = await loading;
  return {
    loadMs,
    installedAt: meta?.installedAt ?? null,
    lists: meta?.lists ?? [],
    datasets: meta?.datasets ?? [],
    names: kb.nameCount,
    ...(lastError ? { error: lastError.message, problem: lastError } : {}),
  };
}
