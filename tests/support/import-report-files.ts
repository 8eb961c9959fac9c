import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './shared';

/**
 * Files for a browser test of the options page's import report, in a fresh temporary folder: two
 * the importer must refuse and one it reads with a row warning. All invented (tests/fixtures).
 * `expected` is the English the report must show for each, as the catalogue words it.
 */
export interface ImportReportFiles {
  dir: string;
  paths: string[];
  expected: {
    /** An empty file named like OFAC's primary file. */
    empty: { file: string; error: string };
    /** Text in no format Backstory reads. */
    unknown: { file: string; error: string };
    /** The UK list fixture whose fourth line is cut short: read, with that row skipped. */
    warned: { file: string; warning: string };
  };
  remove(): void;
}

export function writeImportReportFiles(): ImportReportFiles {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstory-report-'));
  const write = (name: string, bytes: Uint8Array | string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const paths = [
    write('sdn.csv', ''),
    write('notes.txt', 'Shopping: bread, milk.\n'),
    write('sanctionsconlist.csv', fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/sources/uk/uk-list-short-row.csv'))),
  ];
  return {
    dir,
    paths,
    expected: {
      empty: { file: 'sdn.csv', error: 'sdn.csv: file is empty' },
      // The formats travel as ids; the page words each from its own message, the same English as before.
      unknown: {
        file: 'notes.txt',
        error:
          'notes.txt: not a format Backstory reads (OFAC legacy CSV; UN Security Council Consolidated List (XML); Canada SEMA consolidated list (XML); ' +
          'UK HM Treasury consolidated list (CSV); OpenSanctions targets.simple.csv; Australia DFAT consolidated list (XLSX); SIPRI trade register (CSV); ' +
          'SIPRI TIV table (CSV); SIPRI Military Expenditure Database (XLSX))',
      },
      warned: { file: 'sanctionsconlist.csv', warning: 'sanctionsconlist.csv, line 4: expected 29 columns, found 27; row skipped' },
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
