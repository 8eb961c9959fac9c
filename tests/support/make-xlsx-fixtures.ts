/**
 * Vitest global set-up: builds the XLSX fixtures (tests/fixtures/sources/xlsx/make-fixtures.mjs)
 * before the tests run. They are generated, not kept in the repository: the script with its
 * visible XML is the fixture, and workbooks are never committed next to the lists' own files.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './shared';

export default async function makeXlsxFixtures(): Promise<void> {
  const log = console.log;
  console.log = () => {}; // the script reports each file's size; the test run need not
  try {
    await import(pathToFileURL(path.join(REPO_ROOT, 'tests', 'fixtures', 'sources', 'xlsx', 'make-fixtures.mjs')).href);
  } finally {
    console.log = log;
  }
}
