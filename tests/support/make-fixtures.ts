/**
 * Vitest global set-up: writes the list parsers' fixtures before the tests run, the CSV and XML
 * files (tests/fixtures/sources/make-text-fixtures.mjs) and the workbooks
 * (tests/fixtures/sources/xlsx/make-fixtures.mjs). They are generated, not kept in the repository:
 * each script, with its visible content, is the fixture, and no file in the repository looks like
 * one of the lists themselves.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './shared';

export default async function makeFixtures(): Promise<void> {
  const log = console.log;
  console.log = () => {}; // the script reports each file's size; the test run need not
  try {
    const sources = path.join(REPO_ROOT, 'tests', 'fixtures', 'sources');
    await import(pathToFileURL(path.join(sources, 'make-text-fixtures.mjs')).href);
    await import(pathToFileURL(path.join(sources, 'xlsx', 'make-fixtures.mjs')).href);
  } finally {
    console.log = log;
  }
}
