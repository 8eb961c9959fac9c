import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Locates `../shared` (real lists, corpus pages, labelled data), which is never committed.
 * BACKSTORY_SHARED overrides the place. Tests that need it skip with `SHARED_MISSING` as reason.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = path.resolve(process.env.BACKSTORY_SHARED ?? path.join(repoRoot, '..', 'shared'));
export const HAS_SHARED = fs.existsSync(path.join(SHARED_DIR, 'data'));
export const SHARED_MISSING = `skipped: ../shared not found at ${SHARED_DIR} (set BACKSTORY_SHARED)`;
if (!HAS_SHARED && process.env.CI) {
  throw new Error(`CI must have ../shared, but ${SHARED_DIR} has no data folder`);
}
if (!HAS_SHARED) console.warn(SHARED_MISSING);

/** Path of a file under shared/data. */
export function sharedData(...parts: string[]): string {
  return path.join(SHARED_DIR, 'data', ...parts);
}

/** Bytes of a file under shared/data. */
export function readSharedData(...parts: string[]): Uint8Array {
  return new Uint8Array(fs.readFileSync(sharedData(...parts)));
}

/** Bytes of a fixture under tests/fixtures. */
export function readFixture(...parts: string[]): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', ...parts)));
}

export const REPO_ROOT = repoRoot;
