/** Runs one benchmark module and prints its section as one JSON line (see run.mjs). */
import { pathToFileURL } from 'node:url';

export interface BenchRow {
  label: string;
  value: string;
  goal?: string;
  met?: boolean;
}

export interface BenchSection {
  title: string;
  rows: BenchRow[];
  notes?: string[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: run-one.ts <module>');
const module = (await import(pathToFileURL(file).href)) as { default: () => Promise<BenchSection> };
const section = await module.default();
console.log(`BENCH_RESULT ${JSON.stringify(section)}`);
