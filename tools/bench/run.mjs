/**
 * `npm run bench`: runs every benchmark module in tools/bench/*.bench.ts and writes BENCHMARKS.md
 * with the machine and date. A module's default export is an async function returning a section:
 *   { title, rows: [{ label, value, goal?, met? }], notes?: string[] }
 * `npm run bench -- name` runs only modules whose file name contains `name` (and keeps the other
 * sections of BENCHMARKS.md as they were).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const filter = process.argv[2] ?? '';
const modules = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();

const outFile = path.join(root, 'BENCHMARKS.md');
const previous = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
const sections = new Map(
  [...previous.matchAll(/<!-- bench:(\S+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/g)].map((m) => [m[1], m[2]]),
);

for (const file of modules) {
  const id = file.replace(/\.bench\.ts$/, '');
  console.log(`▶ ${file}`);
  // Each module runs in its own process, so one's memory and JIT state do not colour another's.
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(here, 'run-one.ts'), path.join(here, file)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (result.status !== 0 || !line) {
    console.error(`✗ ${file} failed (exit ${result.status})`);
    sections.set(id, `### ${id}\n\nFailed to run on the last \`npm run bench\` (exit ${result.status}).\n\n`);
    continue;
  }
  sections.set(id, render(JSON.parse(line.slice('BENCH_RESULT '.length))));
}

function render(section) {
  const rows = section.rows
    .map((r) => `| ${r.label} | ${r.value} | ${r.goal ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`)
    .join('\n');
  const notes = (section.notes ?? []).map((n) => `- ${n}`).join('\n');
  return `### ${section.title}\n\n| measure | value | goal | met |\n|---|---|---|---|\n${rows}\n${notes ? `\n${notes}\n` : ''}\n`;
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const header = `# Benchmarks

Written by \`npm run bench\` (tools/bench/). Figures are from the last run of each section; each
section says what it measures. Machine of the last run: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB,
${os.type()} ${os.release()}, Node ${process.version}. Date of the last run: ${new Date().toISOString().slice(0, 10)}.

`;
const body = [...sections.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([id, text]) => `<!-- bench:${id} -->\n${text}<!-- /bench:${id} -->\n`)
  .join('\n');
fs.writeFileSync(outFile, header + body);
console.log(`→ ${path.relative(root, outFile)}`);
