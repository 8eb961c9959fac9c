/**
 * The compiled knowledge base in IndexedDB, shared by the background (reads) and the import and
 * update code (writes) — they run on the extension's origin, so they see the same database.
 *
 * A new knowledge base is written under a new generation number; only when every part is written
 * does one transaction point `current` at it. A failed or interrupted write leaves the last good
 * knowledge base in use; older generations are deleted after the switch.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { COMPILER_REVISION, type KbArtifact, type KbCore } from '../kb/artifact';
import type { EntityCard } from '../kb/card';
import type { KeyWordCounts } from '../kb/matcher';
import { packCore, unpackCore, type StoredCore } from './stored-core';

export type { KbCore } from '../kb/artifact';

export interface KbMeta {
  generation: number;
  /** ISO time the knowledge base was installed. */
  installedAt: string;
  lists: KbArtifact['lists'];
  datasets: KbArtifact['datasets'];
  /** COMPILER_REVISION of the code that compiled it; absent when compiled before revisions were recorded. */
  compilerRevision?: number;
}

/** A list file kept so the knowledge base can be rebuilt when another list changes. */
export interface StoredFile {
  /** Where the file stands among the lists (src/sources/detect.ts slotOf). */
  slot: string;
  name: string;
  bytes: Uint8Array;
  /** ISO date the file was obtained. */
  obtained?: string;
}

interface KbSchema extends DBSchema {
  meta: { key: 'current'; value: KbMeta };
  files: { key: string; value: StoredFile };
  cores: { key: number; value: StoredCore };
  cards: { key: string; value: EntityCard };
}

const DB_NAME = 'backstory-kb';
const CARDS_PER_TRANSACTION = 2_000;

let opening: Promise<IDBPDatabase<KbSchema>> | null = null;

function db(): Promise<IDBPDatabase<KbSchema>> {
  opening ??= openDB<KbSchema>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('meta');
      database.createObjectStore('files');
      database.createObjectStore('cores');
      database.createObjectStore('cards');
    },
  });
  return opening;
}

const cardKey = (generation: number, id: string): string => `${generation}\u0000${id}`;
const generationRange = (generation: number): IDBKeyRange => IDBKeyRange.bound(`${generation}\u0000`, `${generation}\u0001`, false, true);

/**
 * Stores `artifact` as the new current knowledge base.
 * @param onProgress - called with the fraction written, 0 to 1
 * @returns the new meta record
 */
export async function installArtifact(artifact: KbArtifact, onProgress?: (fraction: number) => void): Promise<KbMeta> {
  const database = await db();
  const previous = await database.get('meta', 'current');
  const generation = Math.max(Date.now(), (previous?.generation ?? 0) + 1);
  const { cards, ...core } = artifact;
  for (let i = 0; i < cards.length; i += CARDS_PER_TRANSACTION) {
    const tx = database.transaction('cards', 'readwrite');
    for (const card of cards.slice(i, i + CARDS_PER_TRANSACTION)) void tx.store.put(card, cardKey(generation, card.id));
    await tx.done;
    onProgress?.(Math.min(1, (i + CARDS_PER_TRANSACTION) / Math.max(1, cards.length)) * 0.9);
  }
  await database.put('cores', packCore(core), generation);
  const meta: KbMeta = { generation, installedAt: new Date().toISOString(), lists: artifact.lists, datasets: artifact.datasets, compilerRevision: COMPILER_REVISION };
  // The switch: one small transaction. Until it commits, readers see the previous generation.
  await database.put('meta', meta, 'current');
  onProgress?.(1);
  await dropGenerationsExcept(database, generation);
  return meta;
}

async function dropGenerationsExcept(database: IDBPDatabase<KbSchema>, keep: number): Promise<void> {
  for (const generation of await database.getAllKeys('cores')) {
    if (generation === keep) continue;
    await database.delete('cards', generationRange(generation));
    await database.delete('cores', generation);
  }
}

/**
 * The current knowledge base's meta record and core (with its index's word counts when they were
 * stored with it), or null when none was ever installed.
 * @param whileReading - work to do while IndexedDB reads the core (megabytes: the longest wait)
 */
export async function readCurrent(whileReading?: () => void): Promise<{ meta: KbMeta; core: KbCore; wordCounts?: KeyWordCounts } | null> {
  const database = await db();
  const meta = await database.get('meta', 'current');
  if (!meta) return null;
  const reading = database.get('cores', meta.generation);
  whileReading?.();
  const core = await reading;
  return core ? { meta, ...unpackCore(core) } : null;
}

export async function readMeta(): Promise<KbMeta | null> {
  return (await (await db()).get('meta', 'current')) ?? null;
}

/** Cards of the given generation by id; ids without a card are left out. */
export async function readCards(generation: number, ids: readonly string[]): Promise<Map<string, EntityCard>> {
  const database = await db();
  const tx = database.transaction('cards', 'readonly');
  const cards = await Promise.all(ids.map((id) => tx.store.get(cardKey(generation, id))));
  await tx.done;
  const found = new Map<string, EntityCard>();
  cards.forEach((card, i) => {
    if (card) found.set(ids[i]!, card);
  });
  return found;
}

/** Every stored list file. */
export async function readStoredFiles(): Promise<StoredFile[]> {
  return (await db()).getAll('files');
}

/** Keeps `files` as the current copies of their slots (after they compiled into the current knowledge base). */
export async function storeFiles(files: readonly StoredFile[]): Promise<void> {
  const tx = (await db()).transaction('files', 'readwrite');
  for (const file of files) void tx.store.put(file, file.slot);
  await tx.done;
}
