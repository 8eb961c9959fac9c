import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/shared';

/** Runs the kb tool as a user would, on a folder of fixture files. */
function runKb(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(REPO_ROOT, 'tools/kb.ts'), ...args], {
    encoding: 'utf8',
    cwd: REPO_ROOT,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstory-kb-'));
  for (const [name, fixture] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, 'tests/fixtures/sources', fixture), path.join(dir, name));
  }
  return dir;
}

describe('npm run kb', () => {
  it('compiles a folder, prints a summary and exits 0', () => {
    const dir = folderWith({ 'un/consolidated.xml': 'un/small-list.xml', 'ofac/sdn.csv': 'ofac/primary-records.csv', 'ofac/alt.csv': 'ofac/aliases.csv' });
    const out = path.join(dir, 'out', 'kb.json');
    const { status, stdout, stderr } = runKb(['--from', dir, '--out', out]);
    expect(status).toBe(0);
    expect(stderr).toMatch(/\[1\/2\]/); // progress
    expect(stdout).toMatch(/UN Security Council Consolidated List/);
    expect(stdout).toMatch(/OFAC SDN List/);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).format).toBe('backstory-kb');
  });

  it('exits 1 when a file could not be read, and still writes the rest', () => {
    const dir = folderWith({ 'un/consolidated.xml': 'un/small-list.xml', 'un/bomb.xml': 'un/entity-bomb.xml' });
    const out = path.join(dir, 'kb.json');
    const { status, stdout } = runKb(['--from', dir, '--out', out]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/bomb\.xml/);
    expect(fs.existsSync(out)).toBe(true);
  });

  it('exits 2 and writes nothing when no file compiles or the arguments are wrong', () => {
    const dir = folderWith({ 'un/bomb.xml': 'un/entity-bomb.xml' });
    const out = path.join(dir, 'kb.json');
    expect(runKb(['--from', dir, '--out', out]).status).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    expect(runKb(['--from', dir]).status).toBe(2);
    expect(runKb(['--from', path.join(dir, 'missing'), '--out', out]).status).toBe(2);
  });
});
