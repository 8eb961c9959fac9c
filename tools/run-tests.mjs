/**
 * `npm test`: everything that must pass before a change lands, in order, with one summary line
 *   1. type check (tsc)            2. test build (dist/, open shadow roots)
 *   3. vitest: unit + browser      4. release build, and web-ext lint of dist/firefox (0 errors)
 * The last line reads "N passed, N failed, N skipped" (the form CI looks for).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const passThrough = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, command, args, options = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  const ok = result.status === 0;
  if (!ok) console.error(`✗ ${label} failed (exit ${result.status ?? result.signal})`);
  return ok;
}

const VITEST_CHECK = 2;
const checks = [
  () => run('type check', 'npx', ['tsc', '--noEmit', '-p', '.']),
  () => run('test build', 'node', ['build.mjs', '--test']),
  () => {
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backstory-vitest-')), 'report.json');
    const ok = run('unit and browser tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...passThrough]);
    if (fs.existsSync(report)) {
      const r = JSON.parse(fs.readFileSync(report, 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      skipped += r.numPendingTests + r.numTodoTests;
      if (r.numTotalTests === 0) {
        console.error('✗ vitest ran no test');
        return false;
      }
    }
    return ok;
  },
  () => run('release build', 'node', ['build.mjs']),
  () => run('Firefox lint', 'npx', ['web-ext', 'lint', '-s', `${process.env.BACKSTORY_DIST ?? 'dist'}/firefox`, '--self-hosted']),
];

let allOk = true;
checks.forEach((check, i) => {
  const ok = check();
  if (!ok) allOk = false;
  // A check that is not the vitest run counts as one test in the summary.
  if (i !== VITEST_CHECK) ok ? passed++ : failed++;
});
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(allOk && failed === 0 ? 0 : 1);
