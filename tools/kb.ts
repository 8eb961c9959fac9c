/**
 * The kb command-line tool: compiles every list file under a folder into one knowledge base.
 *
 *   npm run kb -- --from <folder> --out <file.json> [--quiet]
 *
 * Progress goes to stderr, the summary table to stdout. Exit status:
 *   0  every file was read and the knowledge base written
 *   1  the knowledge base was written, but some files could not be read (listed in the summary)
 *   2  nothing was written: bad arguments, an unreadable folder, or no file compiled
 */
import fs from 'node:fs';
import path from 'node:path';
import { compileKnowledgeBase } from '../src/kb/compile';
import { readSources, type SourceFile } from '../src/sources/read-sources';

const USAGE = 'usage: npm run kb -- --from <folder> --out <file.json> [--quiet]';

interface Arguments {
  from: string;
  out: string;
  quiet: boolean;
}

function parseArguments(argv: string[]): Arguments | string {
  let from: string | undefined;
  let out: string | undefined;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--from') from = argv[++i];
    else if (arg === '--out') out = argv[++i];
    else if (arg === '--quiet') quiet = true;
    else return `unknown argument ${arg}\n${USAGE}`;
  }
  if (!from || !out) return USAGE;
  return { from, out, quiet };
}

function listFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(full));
    else if (entry.isFile() && !/^(README|LICENSE)/i.test(entry.name) && !entry.name.startsWith('.')) found.push(full);
  }
  return found.sort();
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

function main(): number {
  const args = parseArguments(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  let paths: string[];
  try {
    paths = listFiles(args.from);
  } catch (error) {
    console.error(`kb: cannot read folder ${args.from}: ${(error as Error).message}`);
    return 2;
  }
  const started = performance.now();
  const log = (line: string): void => {
    if (!args.quiet) process.stderr.write(`${line}\n`);
  };
  log(`kb: reading ${paths.length} files under ${args.from}`);
  const files: SourceFile[] = paths.map((p) => ({
    name: path.relative(args.from, p),
    bytes: new Uint8Array(fs.readFileSync(p)),
    obtained: fs.statSync(p).mtime.toISOString().slice(0, 10),
  }));
  const data = readSources(files, (done, total, current) => {
    if (current) log(`  [${done + 1}/${total}] ${current}`);
  });
  log('kb: merging and compiling');
  const artifact = compileKnowledgeBase(data);
  if (artifact.entityIds.length === 0 && artifact.datasets.length === 0) {
    console.error('kb: no file could be compiled; nothing written');
    printFiles(data.files);
    return 2;
  }
  fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
  const json = JSON.stringify(artifact);
  fs.writeFileSync(args.out, json);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  console.log('\nLists');
  console.log(
    table([
      ['list', 'entries', 'names', 'data date', 'warnings'],
      ...artifact.lists.map((l) => [l.list, String(l.entries), String(l.names), l.dataDate ?? 'unknown', String(l.warnings)]),
    ]),
  );
  if (artifact.datasets.length > 0) {
    console.log('\nSIPRI');
    console.log(table([['dataset', 'records', 'data date'], ...artifact.datasets.map((d) => [d.title, String(d.records), d.dataDate ?? 'unknown'])]));
  }
  printFiles(data.files);
  const failed = data.files.filter((f) => !f.ok);
  console.log(
    `\n${artifact.entityIds.length} entities, ${artifact.index.keys.length} names, ${Object.keys(artifact.flows).length} arms flows → ${args.out} (${(json.length / 1048576).toFixed(1)} MB) in ${seconds} s`,
  );
  if (failed.length > 0) {
    console.log(`${failed.length} file(s) could not be read; the others were compiled.`);
    return 1;
  }
  return 0;
}

function printFiles(files: ReturnType<typeof readSources>['files']): void {
  const warned = files.filter((f) => !f.ok || f.warnings.length > 0);
  if (warned.length === 0) return;
  console.log('\nFiles with errors or warnings');
  for (const f of warned) {
    if (f.error) console.log(`  ✗ ${f.error.message}`);
    for (const w of f.warnings.slice(0, 5)) console.log(`  ! ${w.line ? `${w.file}, line ${w.line}: ` : ''}${w.message}`);
    if (f.warnings.length > 5) console.log(`  ! ${f.file}: ${f.warnings.length - 5} more warnings`);
  }
}

process.exitCode = main();
